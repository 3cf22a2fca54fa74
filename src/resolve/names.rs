//! Whether two records' names can belong to one person.

use crate::model::Record;

/// Given names people go by, each with the formal name it is short for.
const NICKNAMES: &[(&str, &str)] = &[
    ("al", "albert"),
    ("al", "alan"),
    ("alex", "alexander"),
    ("alex", "alexandra"),
    ("andy", "andrew"),
    ("ben", "benjamin"),
    ("bill", "william"),
    ("billy", "william"),
    ("bob", "robert"),
    ("bobby", "robert"),
    ("cathy", "catherine"),
    ("chris", "christopher"),
    ("chris", "christine"),
    ("chuck", "charles"),
    ("dan", "daniel"),
    ("danny", "daniel"),
    ("dave", "david"),
    ("dick", "richard"),
    ("ed", "edward"),
    ("eddie", "edward"),
    ("fred", "frederick"),
    ("greg", "gregory"),
    ("jack", "john"),
    ("jim", "james"),
    ("jimmy", "james"),
    ("jen", "jennifer"),
    ("jenny", "jennifer"),
    ("joe", "joseph"),
    ("johnny", "john"),
    ("jon", "jonathan"),
    ("kate", "katherine"),
    ("kate", "kathryn"),
    ("katie", "katherine"),
    ("kathy", "katherine"),
    ("ken", "kenneth"),
    ("larry", "lawrence"),
    ("liz", "elizabeth"),
    ("beth", "elizabeth"),
    ("betty", "elizabeth"),
    ("maggie", "margaret"),
    ("meg", "margaret"),
    ("peggy", "margaret"),
    ("matt", "matthew"),
    ("mike", "michael"),
    ("mick", "michael"),
    ("nick", "nicholas"),
    ("pat", "patrick"),
    ("pat", "patricia"),
    ("patty", "patricia"),
    ("pete", "peter"),
    ("phil", "philip"),
    ("rick", "richard"),
    ("rich", "richard"),
    ("rob", "robert"),
    ("ron", "ronald"),
    ("sam", "samuel"),
    ("sam", "samantha"),
    ("steve", "steven"),
    ("steve", "stephen"),
    ("sue", "susan"),
    ("susie", "susan"),
    ("ted", "edward"),
    ("ted", "theodore"),
    ("tom", "thomas"),
    ("tommy", "thomas"),
    ("tony", "anthony"),
    ("vicky", "victoria"),
    ("will", "william"),
    ("zach", "zachary"),
    ("abby", "abigail"),
    ("becky", "rebecca"),
    ("debbie", "deborah"),
    ("jeff", "jeffrey"),
    ("josh", "joshua"),
    ("nate", "nathan"),
    ("nate", "nathaniel"),
    ("tim", "timothy"),
    ("walt", "walter"),
    ("hank", "henry"),
    ("harry", "henry"),
];

/// Family names borne by so many people that sharing one says nothing (folded forms).
const COMMON_FAMILY_NAMES: &[&str] = &[
    "smith",
    "johnson",
    "williams",
    "brown",
    "jones",
    "garcia",
    "miller",
    "davis",
    "rodriguez",
    "martinez",
    "hernandez",
    "lopez",
    "gonzalez",
    "wilson",
    "anderson",
    "thomas",
    "taylor",
    "moore",
    "jackson",
    "martin",
    "lee",
    "perez",
    "thompson",
    "white",
    "harris",
    "sanchez",
    "clark",
    "ramirez",
    "lewis",
    "robinson",
    "walker",
    "young",
    "allen",
    "king",
    "wright",
    "scott",
    "torres",
    "nguyen",
    "hill",
    "flores",
    "green",
    "adams",
    "nelson",
    "baker",
    "hall",
    "rivera",
    "campbell",
    "mitchell",
    "carter",
    "roberts",
    "evans",
    "turner",
    "phillips",
    "parker",
    "collins",
    "edwards",
    "stewart",
    "morris",
    "murphy",
    "cook",
    "rogers",
    "morgan",
    "cooper",
    "peterson",
    "reed",
    "bailey",
    "bell",
    "kelly",
    "howard",
    "ward",
    "cox",
    "diaz",
    "richardson",
    "wood",
    "watson",
    "brooks",
    "bennett",
    "gray",
    "james",
    "hughes",
    "price",
    "myers",
    "long",
    "foster",
    "sanders",
    "ross",
    "morales",
    "powell",
    "sullivan",
    "russell",
    "ortiz",
    "jenkins",
    "gutierrez",
    "perry",
    "butler",
    "barnes",
    "fisher",
    "henderson",
    "coleman",
    "simmons",
    "patterson",
    "jordan",
    "reynolds",
    "hamilton",
    "graham",
    "kim",
    "park",
    "choi",
    "jung",
    "kang",
    "cho",
    "yoon",
    "jang",
    "lim",
    "han",
    "wang",
    "li",
    "zhang",
    "liu",
    "chen",
    "yang",
    "huang",
    "zhao",
    "wu",
    "zhou",
    "xu",
    "sun",
    "ma",
    "zhu",
    "hu",
    "guo",
    "he",
    "lin",
    "luo",
    "gao",
    "tran",
    "le",
    "pham",
    "hoang",
    "phan",
    "vu",
    "dang",
    "bui",
    "do",
    "singh",
    "kumar",
    "sharma",
    "patel",
    "shah",
    "gupta",
    "khan",
    "ali",
    "ahmed",
    "hussain",
    "mohammed",
    "muhammad",
    "rahman",
    "hassan",
    "ibrahim",
    "silva",
    "santos",
    "oliveira",
    "souza",
    "sousa",
    "pereira",
    "costa",
    "rodrigues",
    "almeida",
    "ferreira",
    "alves",
    "gomes",
    "rossi",
    "russo",
    "ferrari",
    "esposito",
    "bianchi",
    "romano",
    "colombo",
    "ricci",
    "muller",
    "schmidt",
    "schneider",
    "fischer",
    "weber",
    "meyer",
    "wagner",
    "becker",
    "schulz",
    "hoffmann",
    "schafer",
    "koch",
    "bauer",
    "richter",
    "klein",
    "wolf",
    "schroder",
    "neumann",
    "dubois",
    "bernard",
    "petit",
    "durand",
    "leroy",
    "moreau",
    "simon",
    "laurent",
    "lefebvre",
    "michel",
    "tanaka",
    "suzuki",
    "sato",
    "takahashi",
    "watanabe",
    "ito",
    "yamamoto",
    "nakamura",
    "kobayashi",
    "kato",
    "ivanov",
    "ivanova",
    "smirnov",
    "smirnova",
    "kuznetsov",
    "popov",
    "jensen",
    "nielsen",
    "hansen",
    "andersen",
    "pedersen",
    "larsen",
    "johansson",
    "andersson",
    "karlsson",
    "nilsson",
    "eriksson",
    "olsen",
    "berg",
    "dejong",
    "jansen",
    "devries",
    "vandenberg",
    "bakker",
    "visser",
    "obrien",
    "walsh",
    "byrne",
    "ryan",
    "oconnor",
    "nowak",
    "kowalski",
    "wisniewski",
    "kowalczyk",
    "cohen",
    "levi",
    "yilmaz",
    "kaya",
];

/// Whether a folded family name is borne by too many people to identify one.
pub fn is_common_family_name(folded: &str) -> bool {
    COMMON_FAMILY_NAMES.contains(&folded)
}

/// A name part folded for comparison: diacritics removed, lower case, letters only, and the
/// German transliterations undone, so Müller, Mueller and Muller fold alike.
pub fn fold(s: &str) -> String {
    let ascii: String = deunicode::deunicode(s)
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    ascii
        .replace("ae", "a")
        .replace("oe", "o")
        .replace("ue", "u")
}

/// The folded given and family names of a record; a one-word name counts as a given name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NameKey {
    pub given: Option<String>,
    pub family: Option<String>,
}

impl NameKey {
    pub fn of(r: &Record) -> NameKey {
        let f = |s: &Option<String>| s.as_deref().map(fold).filter(|s| !s.is_empty());
        NameKey {
            given: f(&r.name.given),
            family: f(&r.name.family),
        }
    }

    /// Both parts known: enough to recognise a person by name and organization.
    pub fn full(&self) -> Option<String> {
        Some(format!(
            "{} {}",
            self.given.as_ref()?,
            self.family.as_ref()?
        ))
    }
}

fn given_compatible(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // An initial, or a name cut short ("Chris" for "Christopher").
    if short.len() == 1 || (short.len() >= 3 && long.starts_with(short)) {
        return long.starts_with(short);
    }
    let table = folded_nicknames();
    table.iter().any(|(nick, formal)| {
        (nick == short && formal == long) || (nick == long && formal == short)
    }) || table.iter().any(|(nick, formal)| {
        // Two nicknames of one name: "Bob" and "Rob".
        nick == a && table.iter().any(|(n2, f2)| n2 == b && f2 == formal)
    })
}

/// The nickname table folded as names are ("michael" folds to "michal").
fn folded_nicknames() -> &'static [(String, String)] {
    static TABLE: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| NICKNAMES.iter().map(|(n, f)| (fold(n), fold(f))).collect())
}

fn family_compatible(a: &str, b: &str) -> bool {
    // Double names: "Lefèvre-Dupont" and "Dupont" fold to one containing the other.
    a == b || (a.len() >= 3 && b.len() >= 3 && (a.contains(b) || b.contains(a)))
}

fn part(a: &Option<String>, b: &Option<String>, same: fn(&str, &str) -> bool) -> Option<bool> {
    Some(same(a.as_deref()?, b.as_deref()?))
}

/// Whether the given names differ by one typing slip: a letter added, dropped, changed or two
/// swapped, in names of four letters or more that start alike (Jonh and John; not Ann and Ian).
pub fn given_typo(a: &NameKey, b: &NameKey) -> bool {
    let (Some(x), Some(y)) = (&a.given, &b.given) else {
        return false;
    };
    x.len().min(y.len()) >= 4 && x.chars().next() == y.chars().next() && one_slip(x, y)
}

/// Whether the family names differ by one typing slip (as [`given_typo`]).
pub fn family_typo(a: &NameKey, b: &NameKey) -> bool {
    let (Some(x), Some(y)) = (&a.family, &b.family) else {
        return false;
    };
    x.len().min(y.len()) >= 4 && x.chars().next() == y.chars().next() && one_slip(x, y)
}

fn one_slip(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let prefix = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let (ra, rb) = (&a[prefix..], &b[prefix..]);
    match ra.len() as isize - rb.len() as isize {
        0 => {
            ra.len() <= 1
                || ra[1..] == rb[1..]
                || (ra.len() >= 2 && ra[0] == rb[1] && ra[1] == rb[0] && ra[2..] == rb[2..])
        }
        1 => ra[1..] == *rb,
        -1 => *ra == rb[1..],
        _ => false,
    }
}

/// How two names compare.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Compare {
    /// No part known on both sides contradicts the other.
    Compatible,
    /// The family names differ but the given names agree (a married name, a typo).
    FamilyDiffers,
    /// The given names differ: two people, as far as the names tell.
    Conflict,
}

pub fn compare(a: &NameKey, b: &NameKey) -> Compare {
    let given = part(&a.given, &b.given, given_compatible);
    let family = part(&a.family, &b.family, family_compatible);
    match (given, family) {
        (Some(false), _) => {
            // Given and family swapped by the source ("Doe Jane").
            let swapped = part(&a.given, &b.family, family_compatible) == Some(true)
                && part(&a.family, &b.given, given_compatible) == Some(true);
            if swapped {
                Compare::Compatible
            } else {
                Compare::Conflict
            }
        }
        (_, Some(false)) => Compare::FamilyDiffers,
        _ => Compare::Compatible,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(given: &str, family: &str) -> NameKey {
        let f = |s: &str| (!s.is_empty()).then(|| fold(s));
        NameKey {
            given: f(given),
            family: f(family),
        }
    }

    #[test]
    fn nicknames_initials_and_diacritics_are_compatible() {
        assert_eq!(
            compare(&key("Bob", "Smith"), &key("Robert", "Smith")),
            Compare::Compatible
        );
        assert_eq!(
            compare(&key("Bob", "Smith"), &key("Rob", "Smith")),
            Compare::Compatible
        );
        assert_eq!(
            compare(&key("J", "Smith"), &key("Jane", "Smith")),
            Compare::Compatible
        );
        assert_eq!(
            compare(&key("Chris", "Lee"), &key("Christopher", "Lee")),
            Compare::Compatible
        );
        assert_eq!(
            compare(&key("Hélène", "Lefèvre-Dupont"), &key("Helene", "Dupont")),
            Compare::Compatible
        );
        assert_eq!(
            compare(&key("Jane", ""), &key("Jane", "Doe")),
            Compare::Compatible
        );
        assert_eq!(
            compare(&key("Doe", "Jane"), &key("Jane", "Doe")),
            Compare::Compatible
        );
        assert_eq!(
            compare(&key("Mike", "Doe"), &key("Michael", "Doe")),
            Compare::Compatible
        );
        for other in [key("Juergen", "Mueller"), key("Jurgen", "Muller")] {
            assert_eq!(
                compare(&key("Jürgen", "Müller"), &other),
                Compare::Compatible
            );
        }
    }

    #[test]
    fn typing_slips() {
        assert!(given_typo(&key("Jonh", "Doe"), &key("John", "Doe")));
        assert!(given_typo(&key("Micheal", "Doe"), &key("Michael", "Doe")));
        assert!(given_typo(&key("Sarah", "Doe"), &key("Sara", "Doe")));
        assert!(!given_typo(&key("Mark", "Doe"), &key("Maria", "Doe")));
        assert!(!given_typo(&key("Ann", "Doe"), &key("Ian", "Doe")));
    }

    #[test]
    fn different_people() {
        assert_eq!(
            compare(&key("Jane", "Doe"), &key("John", "Doe")),
            Compare::Conflict
        );
        assert_eq!(
            compare(&key("Jane", "Doe"), &key("Jane", "Roe")),
            Compare::FamilyDiffers
        );
        assert_eq!(
            compare(&key("Dan", "Doe"), &key("Danielle", "Doe")),
            Compare::Compatible
        );
    }
}
