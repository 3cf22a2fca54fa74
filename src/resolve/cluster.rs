//! Clustering with guardrails: the pairs of the merge band are joined strongest first, and a
//! join is refused when any record of one group conflicts strongly with any record of the
//! other. A chain of records that would join two different people (Jane Doe ~ J. Doe ~ John
//! Doe) is therefore cut at its weakest link, which is left for review. A link made by names
//! alone (no email, phone or profile shared, no organization named by both) is also refused
//! where it would put records of two different organizations in one contact: two people of one
//! name, joined through a phone contact that names no employer. A job change joins through
//! shared identifiers.

/// Groups of record indexes, kept as a union-find with the members of each root.
pub struct Clusters {
    parent: Vec<u32>,
    members: Vec<Vec<u32>>,
}

impl Clusters {
    pub fn new(n: usize) -> Self {
        Clusters {
            parent: (0..n as u32).collect(),
            members: (0..n as u32).map(|i| vec![i]).collect(),
        }
    }

    pub fn find(&mut self, mut i: u32) -> u32 {
        while self.parent[i as usize] != i {
            let up = self.parent[self.parent[i as usize] as usize];
            self.parent[i as usize] = up;
            i = up;
        }
        i
    }

    pub fn members(&self, root: u32) -> &[u32] {
        &self.members[root as usize]
    }

    fn union(&mut self, a: u32, b: u32) {
        let (big, small) = if self.members[a as usize].len() >= self.members[b as usize].len() {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        let moved = std::mem::take(&mut self.members[small as usize]);
        self.members[big as usize].extend(moved);
    }

    /// The groups, each listing its records in order, in the order of their first record.
    pub fn into_groups(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut groups = Vec::new();
        for i in 0..n as u32 {
            if self.find(i) == i {
                let mut members: Vec<usize> = std::mem::take(&mut self.members[i as usize])
                    .into_iter()
                    .map(|m| m as usize)
                    .collect();
                members.sort_unstable();
                groups.push(members);
            }
        }
        groups.sort_unstable_by_key(|g| g[0]);
        groups
    }
}

/// A merge-band pair that was not joined, and the records whose conflict stopped it.
pub struct Refused {
    pub pair: (u32, u32),
    pub conflict: (u32, u32),
}

/// A merge-band pair: its total, its records, and whether it is anchored: it shares an
/// identifier, or both records name the same organization.
#[derive(Debug, Clone, Copy)]
pub struct Link {
    pub total: f64,
    pub a: u32,
    pub b: u32,
    pub anchored: bool,
    /// A user's decision that the two are one person: only another decision keeps them apart.
    pub forced: bool,
    /// Nothing keeps the pair's own two records apart (`conflict` would say false of them): two
    /// records alone join without asking again.
    pub joins_alone: bool,
}

/// Joins the `links` strongest first; `conflict(x, y, by_name, forced)` says whether two
/// records are different people, `by_name` when the link being made is not anchored, `forced`
/// when a user made it.
pub fn cluster(
    n: usize,
    mut links: Vec<Link>,
    mut conflict: impl FnMut(u32, u32, bool, bool) -> bool,
) -> (Clusters, Vec<Refused>) {
    links.sort_unstable_by(|x, y| {
        y.total
            .total_cmp(&x.total)
            .then((x.a, x.b).cmp(&(y.a, y.b)))
    });
    let mut clusters = Clusters::new(n);
    let mut refused = Vec::new();
    for Link {
        a,
        b,
        anchored,
        forced,
        joins_alone,
        ..
    } in links
    {
        let (ra, rb) = (clusters.find(a), clusters.find(b));
        if ra == rb {
            continue;
        }
        // Two records alone: the link's own pair, scored already, joins them.
        if clusters.members(ra).len() == 1 && clusters.members(rb).len() == 1 && joins_alone {
            clusters.union(ra, rb);
            continue;
        }
        let clash = clusters.members(ra).iter().find_map(|&x| {
            clusters
                .members(rb)
                .iter()
                .find(|&&y| conflict(x, y, !anchored, forced))
                .map(|&y| (x, y))
        });
        match clash {
            Some(conflict) => refused.push(Refused {
                pair: (a, b),
                conflict,
            }),
            None => clusters.union(ra, rb),
        }
    }
    (clusters, refused)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(total: f64, a: u32, b: u32) -> Link {
        Link {
            total,
            a,
            b,
            anchored: false,
            forced: false,
            joins_alone: false,
        }
    }

    #[test]
    fn a_chain_between_two_conflicting_records_is_cut_at_its_weakest_link() {
        // 0 Jane Doe, 1 J. Doe, 2 John Doe: 0~1 strong, 1~2 weaker, 0 and 2 conflict.
        let links = vec![link(5.0, 1, 2), link(9.0, 0, 1)];
        let (clusters, refused) = cluster(3, links, |x, y, _, _| (x.min(y), x.max(y)) == (0, 2));
        let groups = clusters.into_groups();
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].pair, (1, 2));
        assert_eq!(refused[0].conflict, (0, 2));
    }

    #[test]
    fn links_without_conflict_join_transitively() {
        let links = vec![link(7.0, 0, 1), link(7.0, 1, 2), link(7.0, 3, 4)];
        let (clusters, refused) = cluster(5, links, |_, _, _, _| false);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1, 2], vec![3, 4]]);
        assert!(refused.is_empty());
    }
}
