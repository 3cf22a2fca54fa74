//! Priority: 0 to 100, explained. The lead rating given at the event dominates: every hot lead
//! comes before every warm one, warm before unrated, unrated before cold. Within a rating,
//! seniority, notes, a known relationship and completeness add up to 15 points.

use crate::model::{Contact, Rating};

/// A score and the reasons it is made of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Priority {
    pub score: u8,
    pub reasons: Vec<String>,
}

const TOP: &[&str] = &[
    "ceo",
    "cto",
    "cfo",
    "coo",
    "cmo",
    "cio",
    "cso",
    "cro",
    "cpo",
    "chief",
    "founder",
    "cofounder",
    "co-founder",
    "owner",
    "president",
    "partner",
    "managing director",
    "geschaftsfuhrer",
    "geschäftsführer",
    "inhaber",
    "pdg",
    "director general",
    "directeur general",
];
const SENIOR: &[&str] = &[
    "vp",
    "vice president",
    "svp",
    "evp",
    "head",
    "director",
    "directeur",
    "directrice",
    "leiter",
    "principal",
    "gm",
    "general manager",
];
const MIDDLE: &[&str] = &[
    "manager",
    "lead",
    "senior",
    "sr",
    "architect",
    "responsable",
];

pub fn priority(c: &Contact) -> Priority {
    let mut reasons = Vec::new();
    let mut score: u32 = match c.rating {
        Some(Rating::Hot) => 80,
        Some(Rating::Warm) => 60,
        None => 40,
        Some(Rating::Cold) => 20,
    };
    reasons.push(match c.rating {
        Some(r) => format!("{} lead", r.as_str()),
        None => "not rated".to_string(),
    });
    if let Some(title) = c.title() {
        let (points, level) = seniority(title);
        if points > 0 {
            score += points;
            reasons.push(format!("{level} ({title})"));
        }
    }
    if !c.notes.is_empty() {
        score += 4;
        reasons.push("notes taken".into());
    }
    if c.known_before || c.events.len() > 1 {
        score += 3;
        reasons.push(if c.known_before {
            "known before".into()
        } else {
            "met at several events".into()
        });
    }
    let channels = [!c.emails.is_empty(), !c.phones.is_empty()]
        .iter()
        .filter(|&&b| b)
        .count() as u32;
    if channels > 0 {
        score += channels;
        reasons.push(if channels == 2 {
            "email and phone".into()
        } else {
            "one way to reach".into()
        });
    } else {
        reasons.push("no email or phone".into());
    }
    Priority {
        score: score.min(100) as u8,
        reasons,
    }
}

/// The words of each phrase of [`TOP`], [`SENIOR`] and [`MIDDLE`], split once.
static PHRASES: std::sync::LazyLock<[Vec<Vec<&'static str>>; 3]> = std::sync::LazyLock::new(|| {
    let split = |list: &[&'static str]| list.iter().map(|p| p.split(' ').collect()).collect();
    [split(TOP), split(SENIOR), split(MIDDLE)]
});

/// Points for how senior a job title is, and the word for it.
pub(crate) fn seniority(title: &str) -> (u32, &'static str) {
    let t = title
        .to_lowercase()
        .replace([',', '.', '/', '&', '(', ')'], " ");
    let words: Vec<&str> = t.split(' ').collect();
    // A whole word or phrase of the title: its words one after another, a space apart.
    let has = |phrases: &[Vec<&str>]| {
        phrases
            .iter()
            .any(|p| words.windows(p.len()).any(|w| w == p.as_slice()))
    };
    let [top, senior, middle] = &*PHRASES;
    if has(top) {
        (6, "executive")
    } else if has(senior) {
        (4, "senior title")
    } else if has(middle) {
        (2, "manager")
    } else {
        (0, "")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn contact(rating: Option<Rating>, title: &str, notes: bool) -> Contact {
        Contact {
            rating,
            titles: thin_vec::thin_vec![title.to_string()],
            notes: if notes {
                thin_vec::thin_vec!["wants a demo".into()]
            } else {
                thin_vec::ThinVec::new()
            },
            emails: thin_vec::thin_vec!["a@b.com".into()],
            phones: thin_vec::thin_vec!["+12025550143".into()],
            known_before: true,
            ..Contact::default()
        }
    }

    #[test]
    fn rating_dominates_everything_else() {
        let best_warm = priority(&contact(Some(Rating::Warm), "CEO", true)).score;
        let worst_hot = Priority {
            ..priority(&Contact {
                rating: Some(Rating::Hot),
                ..Contact::default()
            })
        }
        .score;
        assert!(worst_hot > best_warm, "{worst_hot} > {best_warm}");
        let best_unrated = priority(&contact(None, "Founder", true)).score;
        let worst_warm = priority(&Contact {
            rating: Some(Rating::Warm),
            ..Contact::default()
        })
        .score;
        assert!(worst_warm > best_unrated);
        let best_cold = priority(&contact(Some(Rating::Cold), "VP Sales", true)).score;
        assert!(priority(&Contact::default()).score > best_cold);
    }

    #[test]
    fn seniority_from_the_title() {
        assert_eq!(seniority("VP, Engineering").0, 4);
        assert_eq!(seniority("Co-Founder & CEO").0, 6);
        assert_eq!(seniority("Product Manager").0, 2);
        assert_eq!(seniority("Engineer").0, 0);
    }
}
