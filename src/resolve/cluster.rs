//! Clustering with guardrails: the pairs of the merge band are joined strongest first, and a
//! join is refused when any record of one group conflicts strongly with any record of the
//! other. A chain of records that would join two different people (Jane Doe ~ J. Doe ~ John
//! Doe) is therefore cut at its weakest link, which is left for review. A link made by names
//! alone (no email, phone or profile shared, no organization named by both) is also refused
//! where it would put records of two different organizations in one contact: two people of one
//! name, joined through a phone contact that names no employer. A job change joins through
//! shared identifiers, or through a name that is rare at large and borne by no one else here.

/// Groups of record indexes, kept as a union-find whose roots head a linked list of their
/// members: joining two groups links the lists, nothing is allocated or copied.
pub struct Clusters {
    parent: Vec<u32>,
    /// Of a root: how many members its group has.
    size: Vec<u32>,
    /// The member after each record in its group's list (itself at the end).
    next: Vec<u32>,
    /// Of a root: the last member of its list.
    last: Vec<u32>,
}

impl Clusters {
    pub fn new(n: usize) -> Self {
        let each: Vec<u32> = (0..n as u32).collect();
        Clusters {
            parent: each.clone(),
            size: vec![1; n],
            next: each.clone(),
            last: each,
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

    /// The members of the group of `root`, the root first, then in the order they joined.
    pub fn members(&self, root: u32) -> impl Iterator<Item = u32> + '_ {
        let mut at = Some(root);
        std::iter::from_fn(move || {
            let i = at?;
            let next = self.next[i as usize];
            at = (next != i).then_some(next);
            Some(i)
        })
    }

    fn len(&self, root: u32) -> u32 {
        self.size[root as usize]
    }

    fn union(&mut self, a: u32, b: u32) {
        let (big, small) = if self.len(a) >= self.len(b) {
            (a, b)
        } else {
            (b, a)
        };
        self.parent[small as usize] = big;
        self.size[big as usize] += self.size[small as usize];
        let tail = self.last[big as usize];
        self.next[tail as usize] = small;
        self.last[big as usize] = self.last[small as usize];
    }

    /// The groups, each listing its records in order, in the order of their first record.
    pub fn into_groups(mut self) -> Vec<Vec<usize>> {
        let n = self.parent.len();
        let mut groups = Vec::new();
        for i in 0..n as u32 {
            if self.find(i) == i {
                let mut members: Vec<usize> = self.members(i).map(|m| m as usize).collect();
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

/// Whether two records of two groups about to be joined are different people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    None,
    /// Their given names, family names or dates of birth differ (the bits of
    /// [`super::score::Settle`]), and nothing else keeps them apart: not a clash where, for
    /// each, either group holds a record that agrees with the other record ([`cluster`]).
    Settled(u8),
    Other,
}

use super::score::Settle;

const GIVEN: u8 = Settle::GIVEN;

/// Joins the `links` strongest first; `conflict(x, y, by_name, forced)` says whether two
/// records are different people, `by_name` when the link being made is not anchored, `forced`
/// when a user made it. Two given names that differ do not keep two groups apart when one
/// group already holds a record whose given name agrees with the other's (`agree(GIVEN, x, y)`): the
/// group of Paco and Pao, one person whose badge dropped a letter, joins his phone's Paco;
/// Jane Doe and J. Doe still do not join John Doe. A short form of both names
/// (`nickname_of(z, x)`) says nothing of which the person is: Sam Okafor, joined to Samuel,
/// does not bring Samantha Okafor in (where Liz and Beth, both Elizabeth's, do join her). Nor
/// do two given names that differ keep the groups apart where the link's own two records bear
/// the two names, each agreeing with its group's: the evidence that made the link has accepted
/// that difference (Pavo, his phone's slip of Paco, joins Paco and Francisco through the number
/// he shares with Paco), unless one of the link's two is a short form of both (Sam and Samantha
/// accept no difference between Samuel and Samantha). Family names and dates of birth that
/// differ are settled alike, by a record of either group that agrees with the other record
/// (`agree(FAMILY, z, y)`): a register whose typists misspell names and mistype dates holds one
/// person's records of both already.
pub fn cluster(
    n: usize,
    mut links: Vec<Link>,
    mut conflict: impl FnMut(u32, u32, bool, bool) -> Clash,
    agree: impl Fn(u8, u32, u32) -> bool,
    nickname_of: impl Fn(u32, u32) -> bool,
) -> (Clusters, Vec<Refused>) {
    // `z`'s given name is a short form of both `x`'s and `y`'s (Sam, of Samuel and of
    // Samantha): it says nothing of which of the two the person is.
    let of_both =
        |on: u8, z: u32, x: u32, y: u32| on == GIVEN && nickname_of(z, x) && nickname_of(z, y);
    // Whether `z`, agreeing with `y` on `on`, says that `x` differs from it by a slip.
    let settles = |on: u8, z: u32, x: u32, y: u32| agree(on, z, y) && !of_both(on, z, x, y);
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
        if clusters.len(ra) == 1 && clusters.len(rb) == 1 && joins_alone {
            clusters.union(ra, rb);
            continue;
        }
        let clash = clusters.members(ra).find_map(|x| {
            clusters
                .members(rb)
                .find(|&y| match conflict(x, y, !anchored, forced) {
                    Clash::None => false,
                    Clash::Other => true,
                    Clash::Settled(fields) => [GIVEN, Settle::FAMILY, Settle::BIRTHDAY]
                        .into_iter()
                        .any(|on| {
                            fields & on != 0
                                && !clusters
                                    .members(ra)
                                    .any(|x2| x2 != x && settles(on, x2, x, y))
                                && !clusters
                                    .members(rb)
                                    .any(|y2| y2 != y && settles(on, y2, y, x))
                                && !((x == a || agree(on, x, a))
                                    && (y == b || agree(on, y, b))
                                    && !of_both(on, a, x, y)
                                    && !of_both(on, b, x, y))
                        }),
                })
                .map(|y| (x, y))
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
        let clash = |x: u32, y: u32, _, _| match (x.min(y), x.max(y)) == (0, 2) {
            true => Clash::Settled(GIVEN),
            false => Clash::None,
        };
        // J. Doe agrees with neither Jane nor John.
        let (clusters, refused) = cluster(3, links, clash, |_, _, _| false, |_, _| false);
        let groups = clusters.into_groups();
        assert_eq!(groups, vec![vec![0, 1], vec![2]]);
        assert_eq!(refused.len(), 1);
        assert_eq!(refused[0].pair, (1, 2));
        assert_eq!(refused[0].conflict, (0, 2));
    }

    #[test]
    fn links_without_conflict_join_transitively() {
        let links = vec![link(7.0, 0, 1), link(7.0, 1, 2), link(7.0, 3, 4)];
        let (clusters, refused) = cluster(
            5,
            links,
            |_, _, _, _| Clash::None,
            |_, _, _| false,
            |_, _| false,
        );
        assert_eq!(clusters.into_groups(), vec![vec![0, 1, 2], vec![3, 4]]);
        assert!(refused.is_empty());
    }

    #[test]
    fn a_group_that_holds_both_given_names_has_accepted_their_difference() {
        // 0 Paco and 1 Pao (one badge's slip), joined by their address; 2 Paco from the phone,
        // linked to 0 by a shared number; 1 and 2 differ in their given names.
        let links = vec![link(30.0, 0, 1), link(20.0, 0, 2)];
        let names = ["paco", "pao", "paco"];
        let clash = |x: u32, y: u32, _, _| match (x.min(y), x.max(y)) == (1, 2) {
            true => Clash::Settled(GIVEN),
            false => Clash::None,
        };
        let agree = |_, x: u32, y: u32| names[x as usize] == names[y as usize];
        let (clusters, refused) = cluster(3, links.clone(), clash, agree, |_, _| false);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1, 2]]);
        assert!(refused.is_empty());
        // Anything else that keeps 1 and 2 apart still does.
        let other = |x: u32, y: u32, _, _| match (x.min(y), x.max(y)) == (1, 2) {
            true => Clash::Other,
            false => Clash::None,
        };
        let (clusters, refused) = cluster(3, links, other, agree, |_, _| false);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1], vec![2]]);
        assert_eq!(refused.len(), 1);
    }

    #[test]
    fn a_group_that_holds_both_spellings_of_a_family_name_has_accepted_them() {
        // A register typed by hand: 0 Riley Cameron and 1 Riley Crmaon (a typist's slip) share
        // an address; 2 Riley Cameron, linked to 0, is kept apart from 1 by their family
        // names alone, which the group holds both of.
        let links = vec![link(30.0, 0, 1), link(20.0, 0, 2)];
        let family = ["cameron", "crmaon", "cameron"];
        let clash = |x: u32, y: u32, _, _| match (x.min(y), x.max(y)) == (1, 2) {
            true => Clash::Settled(Settle::FAMILY),
            false => Clash::None,
        };
        let agree = |on: u8, x: u32, y: u32| {
            on == Settle::FAMILY && family[x as usize] == family[y as usize]
        };
        let (clusters, refused) = cluster(3, links.clone(), clash, agree, |_, _| false);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1, 2]]);
        assert!(refused.is_empty());
        // The same difference in given names is not settled by family names that agree.
        let given = |x: u32, y: u32, _, _| match (x.min(y), x.max(y)) == (1, 2) {
            true => Clash::Settled(GIVEN),
            false => Clash::None,
        };
        let (clusters, refused) = cluster(3, links, given, agree, |_, _| false);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1], vec![2]]);
        assert_eq!(refused.len(), 1);
    }

    #[test]
    fn a_nickname_of_both_names_does_not_accept_their_difference() {
        // 0 Samuel and 1 Sam Okafor, joined; 2 Samantha, linked to Sam as well: Sam is a
        // nickname of both, and says nothing of which the person is.
        let links = vec![link(13.0, 0, 1), link(12.0, 1, 2)];
        let names = ["samuel", "sam", "samantha"];
        let clash = |x: u32, y: u32, _, _| match (x.min(y), x.max(y)) == (0, 2) {
            true => Clash::Settled(GIVEN),
            false => Clash::None,
        };
        let agree =
            |_, x: u32, y: u32| x == y || names[x as usize] == "sam" || names[y as usize] == "sam";
        let nickname_of = |z: u32, x: u32| names[z as usize] == "sam" && z != x;
        let (clusters, refused) = cluster(3, links.clone(), clash, agree, nickname_of);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1], vec![2]]);
        assert_eq!(refused.len(), 1);
        // Where the name agreeing with both is no nickname of both (Elizabeth, beside Liz and
        // Beth, two nicknames of hers), it settles the difference, as before.
        let (clusters, _) = cluster(3, links, clash, agree, |_, _| false);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1, 2]]);
    }

    #[test]
    fn a_link_whose_records_differ_in_given_name_has_accepted_that_difference() {
        // 0 Francisco and 1 Paco (his nickname) share an address; 2 Pavo, a slip of Paco,
        // shares Paco's phone: the link 1~2 was scored with the names' difference in it.
        let links = vec![link(30.0, 0, 1), link(15.0, 1, 2)];
        let names = ["francisco", "paco", "pavo"];
        let clash = |x: u32, y: u32, _, _| match (x.min(y), x.max(y)) == (0, 2) {
            true => Clash::Settled(GIVEN),
            false => Clash::None,
        };
        let agree = |_, x: u32, y: u32| {
            let (p, q) = (names[x as usize], names[y as usize]);
            p == q || matches!((p, q), ("francisco", "paco") | ("paco", "francisco"))
        };
        let (clusters, refused) = cluster(3, links, clash, agree, |_, _| false);
        assert_eq!(clusters.into_groups(), vec![vec![0, 1, 2]]);
        assert!(refused.is_empty());
    }
}
