//! Personal names: parts from whatever columns exist or parsed from one full-name field
//! (`Doe, Jane`; `Dr. Jane Q. Doe, PhD`), and names written in one case only fixed to proper case
//! (McDonald, O'Brien, van der Berg, Lefèvre-Dupont). Diacritics are kept.

use crate::model::{Interned, Name};
use crate::resolve::names::{self, fold};

/// Titles written before a name, as business cards and address books of many countries write
/// them: English, German and French; Italian (`Dott.`, `Dott.ssa`, `Avv.`, `Arch.`), Dutch
/// (`Drs.`, `Ir.`, `Dhr.`, `Mevr.`), Czech and Slovak (`Mgr.`, `Bc.`, `MUDr.`, `JUDr.`),
/// Spanish and Portuguese (`Lic.`, `Dra.`, `Arq.`), Arabic and Malay (`Sheikh`, `Haji`,
/// `Datuk`) and Indian (`Shri`, `Smt.`). Not the ones that are also names (`Pan`, `Sri`).
const PREFIXES: &[&str] = &[
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "sir", "dame", "herr", "frau", "m", "mme",
    "mlle", "sr", "sra", "srta", "don", "dona", "rev", "fr", "hon", "ing", "dipl", "mag", "dott",
    "dott.ssa", "prof.ssa", "avv", "arch", "geom", "rag", "drs", "ir", "dhr", "mevr", "mw", "mgr",
    "bc", "mudr", "judr", "rndr", "phdr", "mvdr", "paeddr", "ddr", "lic", "licda", "dra", "profa",
    "arq", "sheikh", "sheikha", "shaikh", "haji", "hajjah", "hj", "datuk", "dato", "shri", "smt",
    "capt", "cpt", "col", "lt", "sgt", "cmdr", "cdr", "cllr", "revd", "rt", "amb", "pr", "rabbi",
    "insp", "supt",
];
/// Titles that no one bears as a given name: alone in a given name's field, without a full
/// stop, still a title.
const HONORIFICS_ALONE: &[&str] = &[
    "dr", "mr", "mrs", "ms", "miss", "mx", "prof", "herr", "frau", "mme", "mlle",
];
/// Titles that are also names, read as titles only with their full stop (`Eng. Ahmed Youssef`,
/// an engineer; `Gen. Colin Powell`; not Gen Nakamura, Maj Sjöwall or Amartya Sen).
const TITLES_WITH_STOP: &[&str] = &["eng", "gen", "maj", "gov", "sen", "rep", "pres"];
/// Generations, degrees, honours and the professional credentials written after a name on
/// cards and profiles (`Sarah Chen, MBA, PMP`).
const SUFFIXES: &[&str] = &[
    "phd", "md", "jr", "sr", "ii", "iii", "iv", "v", "mba", "esq", "cpa", "dds", "rn", "pe", "msc",
    "bsc", "ma", "ba", "mph", "jd", "llm", "dphil", "frcs", "obe", "mbe", "cbe", "ms", "meng",
    "beng", "llb", "mbbs", "dmd", "dvm", "pharmd", "psyd", "edd", "dnp", "msw", "mpa", "mfa",
    "pmp", "cfa", "cissp", "cisa", "cism", "cma", "acca", "fca", "aca", "cfp", "caia", "frm",
    "sphr", "phr", "shrm-cp", "shrm-scp", "ceng", "csm", "cspo", "pmi-acp", "ccna", "ccnp", "ccie",
    "lcsw", "aicp", "faia", "frcp", "mrcp", "fnp", "crna", "cia", "cfe", "chfc", "clu",
];
/// Words that join a family name and are written in lower case inside a name.
const PARTICLES: &[&str] = &[
    "van", "von", "der", "den", "de", "da", "das", "di", "du", "la", "le", "del", "della", "dos",
    "ter", "ten", "zu", "y", "bin", "binti", "bint", "ibn", "af", "av",
];
/// The particles that name the father (son of, daughter of): the words before them are the
/// person's own names.
const PATRONYMICS: &[&str] = &["bin", "binti", "bint", "ibn"];
/// `Abdul`, `Abdel` and their spellings: the first half of an Arabic given name of two words.
const ABD: &[&str] = &["abdul", "abdel", "abdal", "abdol", "abdur", "abdus", "abdu"];
/// The first part of a family name that some sources write as a word of its own (`Mc Donald`,
/// `O Brien`, `Al Farsi`, `El Sayed`, `Abu Bakr`): after the given name, it starts the family
/// name. Not particles: they keep the case they are written in.
const PREFIXES_APART: &[&str] = &["mc", "mac", "o", "al", "el", "abu", "ap"];
/// Whether a word is a particle of a family name (`van`, `De`, `bin`), in any case.
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word.to_lowercase().as_str())
}

const MAC_NAMES: &[&str] = &[
    "macdonald",
    "macleod",
    "macmillan",
    "mackenzie",
    "macintosh",
    "macarthur",
    "macgregor",
    "maclean",
    "macneil",
    "macaulay",
    "mackay",
    "macdougall",
    "macfarlane",
    "mackinnon",
    "maclachlan",
    "macpherson",
    "macbride",
    "maccallum",
    "macdowell",
    "macrae",
];

/// The parts of a name given in separate fields, each possibly absent.
#[derive(Debug, Default)]
pub struct NameParts<'a> {
    pub full: Option<&'a str>,
    pub prefix: Option<&'a str>,
    pub given: Option<&'a str>,
    pub middle: Option<&'a str>,
    pub family: Option<&'a str>,
    pub suffix: Option<&'a str>,
}

/// A name while it is being built, in owned strings.
#[derive(Debug, Default)]
struct Building {
    prefix: Option<String>,
    given: Option<String>,
    middle: Option<String>,
    family: Option<String>,
    suffix: Option<String>,
    display: Option<String>,
}

/// Builds a name from its parts; a full name alone is parsed into parts.
pub fn build(parts: NameParts<'_>) -> Name {
    let clean = |s: Option<&str>| s.map(collapse).filter(|s| !s.is_empty());
    let full = clean(parts.full);
    // The case is judged on the whole name: "danah boyd Smith" is written as its owner wants.
    let whole: String = [
        full.as_deref(),
        parts.prefix,
        parts.given,
        parts.middle,
        parts.family,
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let one_case = is_one_case(&whole);
    let mut recased = false;
    let mut fix = |s: Option<String>, kind: Kind| {
        s.map(|s| {
            if !one_case {
                return s;
            }
            let (out, changed) = recase(&s, kind);
            recased |= changed;
            out
        })
    };
    let mut name = Building {
        prefix: fix(clean(parts.prefix), Kind::Given),
        given: fix(clean(parts.given), Kind::Given),
        middle: fix(clean(parts.middle), Kind::Given),
        family: fix(clean(parts.family), Kind::Family),
        suffix: clean(parts.suffix),
        display: None,
    };
    let family_suffix = split_columns(&mut name);
    if let Some(full) = full {
        let parsed = parse_full(&full);
        if name.given.is_none() && name.family.is_none() {
            name.given = fix(parsed.given, Kind::Given);
            name.middle = name.middle.or(fix(parsed.middle, Kind::Given));
            name.family = fix(parsed.family, Kind::Family);
            name.prefix = name.prefix.or(parsed.prefix);
            name.suffix = name.suffix.or(parsed.suffix);
        }
        let ordered = strip_comma_order(&full, name.family.as_deref());
        name.display = Some(if one_case {
            let (display, changed) = recase(&ordered, Kind::Full);
            recased |= changed;
            display
        } else {
            ordered
        });
    } else {
        let east_asian = [&name.given, &name.family]
            .into_iter()
            .flatten()
            .all(|w| w.chars().all(is_cjk));
        let order = if east_asian {
            [&name.family, &name.given, &name.middle]
        } else {
            [&name.given, &name.middle, &name.family]
        };
        let mut words: Vec<&str> = order.into_iter().flatten().map(String::as_str).collect();
        // With no given name, the title goes before the family name (Dr. Smith).
        if name.given.is_none() && name.family.is_some() {
            words.splice(0..0, name.prefix.as_deref());
        }
        if !words.is_empty() {
            // A suffix written in the family-name column stays where its source showed it.
            words.extend(family_suffix.as_deref());
            name.display = Some(words.join(" "));
        }
    }
    let short = |s: Option<String>| s.map(|s| Interned::new(&s));
    Name {
        prefix: short(name.prefix),
        given: short(name.given),
        middle: short(name.middle),
        family: short(name.family),
        suffix: short(name.suffix),
        display: name.display.map(compact_str::CompactString::from),
        recased,
    }
}

/// Takes apart what export columns hold besides the part they are named for: a title before
/// the given name (`Dr. Jane`), middle initials after it (`John A.`, a badge form's First Name),
/// and a suffix after the family name (`Smith Jr.`, `Doe, PhD`). Returns the suffix taken from
/// the family name, for the name shown.
fn split_columns(name: &mut Building) -> Option<String> {
    if let Some(given) = name.given.take() {
        let given = spread_initials(&given);
        let mut words: Vec<&str> = given.split_whitespace().collect();
        let mut prefixes = take_prefixes(&mut words);
        // A title alone in the given name's field, beside a family name (`Dr.` | `Smith`, as a
        // badge form's First Name holds it): no given name. One that is also a name (Don,
        // `M` as an initial) stays the given name unless written with its full stop.
        if let [word] = words[..]
            && name.family.is_some()
            && is_prefix(word)
            && (word.ends_with('.') || HONORIFICS_ALONE.contains(&key(word).as_str()))
        {
            prefixes.push(word);
            words.clear();
        }
        let mut initials = Vec::new();
        while words.len() > 1 && words.last().is_some_and(|w| is_initial(w)) {
            initials.insert(0, words.pop().unwrap_or_default());
        }
        if name.prefix.is_none() && !prefixes.is_empty() {
            name.prefix = Some(prefixes.join(" "));
        }
        // An initial before the name a person goes by (`F. Scott`, `J. Robert`): the initial is
        // the given name and the rest the middle name, as in a full name written so.
        if initials.is_empty()
            && words.len() > 1
            && is_initial(words[0])
            && !words[1..].iter().all(|w| is_initial(w))
        {
            initials = words.split_off(1);
        }
        // A patronymic after the given name in its field (`Ivan Sergeyevich`, as Russian
        // speakers fill a First Name) is the middle name.
        if initials.is_empty()
            && words.len() == 2
            && is_slavic_patronymic(words[1])
            && !is_slavic_patronymic(words[0])
        {
            initials = words.split_off(1);
        }
        if !initials.is_empty() {
            let initials = initials.join(" ");
            name.middle = Some(match name.middle.take() {
                Some(middle) => format!("{initials} {middle}"),
                None => initials,
            });
        }
        name.given = (!words.is_empty()).then(|| words.join(" "));
    }
    let family = name.family.take()?;
    let trimmed = family.replace(',', " ");
    let mut words: Vec<&str> = trimmed.split_whitespace().collect();
    let mut suffixes = Vec::new();
    while words.len() > 1 && words.last().is_some_and(|w| is_suffix(w)) {
        suffixes.insert(0, words.pop().unwrap_or_default());
    }
    if suffixes.is_empty() {
        name.family = Some(family);
        return None;
    }
    name.family = Some(words.join(" "));
    let suffix = suffixes.join(" ");
    if name.suffix.is_none() {
        name.suffix = Some(suffix.clone());
    }
    Some(suffix)
}

/// One letter, with or without its full stop: `A.`, `Q`.
/// Initials written together (`J.R.R.`, `J.K.`) as the words they stand for (`J. R. R.`): the
/// first is the given name's, the rest middle names'.
fn spread_initials(s: &str) -> std::borrow::Cow<'_, str> {
    let together = |w: &str| {
        let mut chars = w.chars();
        let mut count = 0;
        while let Some(c) = chars.next() {
            if !c.is_alphabetic() || chars.next() != Some('.') {
                return false;
            }
            count += 1;
        }
        count >= 2
    };
    if !s.split_whitespace().any(together) {
        return std::borrow::Cow::Borrowed(s);
    }
    let words: Vec<String> = s
        .split_whitespace()
        .map(|w| match together(w) {
            true => w.split_inclusive('.').collect::<Vec<_>>().join(" "),
            false => w.to_string(),
        })
        .collect();
    std::borrow::Cow::Owned(words.join(" "))
}

fn is_initial(word: &str) -> bool {
    let mut letters = word.trim_end_matches('.').chars();
    letters.next().is_some_and(char::is_alphabetic) && letters.next().is_none()
}

/// A nickname written inside a name, in quotes (`William "Bill" Gates`, `Robert ‘Bob’ Smith`)
/// or in brackets (`Zhang Wei (David)`, `Robert (Bob) Smith`), and the name without it. One
/// word, standing apart from the words around it; in brackets only a given name or a nickname,
/// as brackets also hold an employer (`Jane Doe (Acme)`), pronouns (`(she/her)`) or a note,
/// which stay where they are.
pub fn take_nickname(name: &str) -> Option<(String, String)> {
    const MARKS: &[(char, char, bool)] = &[
        ('"', '"', true),
        ('“', '”', true),
        ('„', '“', true),
        ('‘', '’', true),
        ('\'', '\'', true),
        ('«', '»', true),
        ('(', ')', false),
    ];
    for &(open, close, any_word) in MARKS {
        let Some(start) = name.find(open) else {
            continue;
        };
        let inside = start + open.len_utf8();
        let Some(len) = name[inside..].find(close) else {
            continue;
        };
        let end = inside + len + close.len_utf8();
        let nickname = name[inside..inside + len].trim();
        let apart = name[..start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
            && name[end..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ',');
        let one_word = nickname.chars().next().is_some_and(char::is_alphabetic)
            && nickname
                .chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '.' | '\''));
        if !apart || !one_word || !(any_word || names::is_given_name(&fold(nickname))) {
            continue;
        }
        let rest = collapse(&format!("{} {}", &name[..start], &name[end..]));
        let rest = rest.trim_end_matches(',').trim_end().to_string();
        if rest.chars().any(char::is_alphabetic) {
            return Some((rest, nickname.to_string()));
        }
    }
    None
}

/// Text in brackets after a name that is no part of it: pronouns (`Alex Kim (she/her)`), an
/// employer or a note (`Jane Doe (Acme)`, `Sam Lee [old number]`), with the name without it
/// and what to call it (`pronouns` or `name note`). A nickname in brackets is
/// [`take_nickname`]'s.
pub fn take_aside(name: &str) -> Option<(String, &'static str, String)> {
    for (open, close) in [('(', ')'), ('[', ']')] {
        let Some(start) = name.find(open) else {
            continue;
        };
        let Some(len) = name[start + 1..].find(close) else {
            continue;
        };
        let end = start + 1 + len + 1;
        let aside = name[start + 1..end - 1].trim();
        // Standing apart from the words around it: not `alert(1)`, `=HYPERLINK("x")`.
        let apart = name[..start]
            .chars()
            .next_back()
            .is_none_or(char::is_whitespace)
            && name[end..]
                .chars()
                .next()
                .is_none_or(|c| c.is_whitespace() || c == ',');
        if !apart {
            continue;
        }
        let rest = collapse(&format!("{} {}", &name[..start], &name[end..]));
        let rest = rest.trim_end_matches(',').trim_end().to_string();
        if aside.is_empty() || !rest.chars().any(char::is_alphabetic) {
            continue;
        }
        let label = if is_pronouns(aside) {
            "pronouns"
        } else {
            "name note"
        };
        return Some((rest, label, aside.to_string()));
    }
    None
}

/// The words that say the family name after them was the person's before a marriage (`née`,
/// `geb.`, `z domu`, `roz.`, `born`), lower case, as one word each where written as two.
const FORMER_MARKERS: &[&str] = &[
    "née",
    "nee",
    "né",
    "geb.",
    "geb",
    "geborene",
    "geborener",
    "born",
    "z domu",
    "roz.",
    "rozená",
];

/// A former family name written with a name, and the name without it: after a word that says
/// so (`Jennifer Walsh née Morrison`, `Walsh (geb. Morrison)`, `Kowalska z domu Nowak`), or,
/// in a family name's own field, alone in brackets after it (`Walsh (Morrison)`), as LinkedIn
/// members write the name they were known by. One to three words of letters; where the name
/// is written whole, a word in brackets without a marker is a note ([`take_aside`]: `Jane Doe
/// (Acme)`).
pub fn take_former(name: &str, family_field: bool) -> Option<(String, String)> {
    let name_like = |words: &[&str]| {
        !words.is_empty()
            && words.len() <= 3
            && words.iter().all(|w| {
                w.chars().next().is_some_and(char::is_alphabetic)
                    && w.chars()
                        .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
            })
    };
    // The marker's length in words at the start of `words`.
    let marker = |words: &[&str]| {
        let lower: Vec<String> = words.iter().take(2).map(|w| w.to_lowercase()).collect();
        if lower.len() == 2
            && FORMER_MARKERS.contains(&format!("{} {}", lower[0], lower[1]).as_str())
        {
            Some(2)
        } else {
            lower
                .first()
                .is_some_and(|w| FORMER_MARKERS.contains(&w.trim_end_matches(',')))
                .then_some(1)
        }
    };
    // The name before the former one, if it has a letter.
    let rest_of = |before: &str| {
        let rest = collapse(before);
        let rest = rest.trim_end_matches(',').trim_end().to_string();
        rest.chars().any(char::is_alphabetic).then_some(rest)
    };
    if let (Some(start), Some(end)) = (name.find('('), name.rfind(')'))
        && start < end
        && name[..start]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace)
        && name[end + 1..].trim().is_empty()
    {
        let aside = &name[start + 1..end];
        let inside: Vec<&str> = aside.split_whitespace().collect();
        let (marked, former) = match marker(&inside) {
            Some(n) => (true, &inside[n..]),
            None => (false, &inside[..]),
        };
        if (marked || family_field) && name_like(former) && !is_pronouns(aside) {
            return Some((rest_of(&name[..start])?, former.join(" ")));
        }
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let (at, n) = (1..words.len()).find_map(|i| marker(&words[i..]).map(|n| (i, n)))?;
    let former = &words[at + n..];
    name_like(former).then_some(())?;
    Some((rest_of(&words[..at].join(" "))?, former.join(" ")))
}

/// Words that say which pronouns a person uses, written in brackets after a name.
const PRONOUNS: &[&str] = &[
    "she", "her", "hers", "he", "him", "his", "they", "them", "theirs", "ze", "zir", "xe", "xem",
    "any", "pronouns",
];

/// Whether text in brackets is pronouns (`she/her`, `they them`): two words or more, each one.
fn is_pronouns(aside: &str) -> bool {
    let words: Vec<String> = aside
        .split(|c: char| c == '/' || c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.len() > 1 && words.iter().all(|w| PRONOUNS.contains(&w.as_str()))
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `Doe, Jane` shown as `Jane Doe`; `Doe, Jane, PhD` as `Jane Doe, PhD`.
/// `Doe, Jane` → `Jane Doe`: a name filed family name first. Only where what stands before the
/// comma can be a family name: the family name the record gives, or, where it gives none, a
/// name of at most three words (`Mr. John Richter, James Doe Sr.` is a name written whole with
/// a comma in it, and `URI WebP, version 3.0` no name at all).
fn strip_comma_order(full: &str, family: Option<&str>) -> String {
    let parts: Vec<&str> = full.split(',').map(str::trim).collect();
    // The family name before the comma, with a suffix after it (`King Jr., Martin Luther`).
    let without_suffix = |head: &str| {
        let mut words: Vec<&str> = head.split_whitespace().collect();
        while words.len() > 1 && words.last().is_some_and(|w| is_suffix(w)) {
            words.pop();
        }
        words.join(" ")
    };
    let filed = |head: &str| match family {
        Some(f) => {
            collapse(f).eq_ignore_ascii_case(head)
                || collapse(f).eq_ignore_ascii_case(&without_suffix(head))
        }
        None => head.split_whitespace().count() <= 3 && !head.chars().any(|c| c.is_ascii_digit()),
    };
    if parts.len() >= 2 && !is_suffix(parts[1]) && !parts[1].is_empty() && filed(parts[0]) {
        let mut out = format!("{} {}", parts[1], parts[0]);
        for rest in &parts[2..] {
            out.push_str(", ");
            out.push_str(rest);
        }
        return out;
    }
    full.to_string()
}

fn key(word: &str) -> String {
    word.trim_matches(|c: char| c == '.' || c == ',')
        .to_lowercase()
}

fn is_suffix(word: &str) -> bool {
    let k = key(word).replace('.', "");
    // A degree of two letters is written in capitals or with full stops (MA, M.A.); written as
    // a name is, it is one (Jack Ma, Nguyen Van Ba).
    let written_as_name = k.len() == 2
        && !matches!(k.as_str(), "ii" | "iv")
        && k.bytes().any(|b| b"aeiou".contains(&b))
        && word.chars().any(char::is_lowercase)
        && !word.contains('.');
    SUFFIXES.contains(&k.as_str()) && !written_as_name
}

fn is_prefix(word: &str) -> bool {
    let k = key(word);
    PREFIXES.contains(&k.as_str())
        || (word.ends_with('.') && TITLES_WITH_STOP.contains(&k.as_str()))
        // `Dr.-Ing.`, `Dipl.-Ing.`, `Dipl.-Kfm.`: a degree written as one word.
        || (k.contains('-')
            && k.split('-').all(|part| {
                let part = part.trim_matches('.');
                PREFIXES.contains(&part) || DEGREE_FIELDS.contains(&part)
            }))
}

/// The fields German and Austrian doctorates and diplomas name after `Dr.` or `Dipl.`
/// (`Dr. med.`, `Dr. rer. nat.`, `Dr. med. dent.`, `Dr. h.c.`), each written with its full
/// stop: part of the title, not the given name.
const DEGREE_FIELDS: &[&str] = &[
    "med", "dent", "vet", "rer", "nat", "pol", "oec", "phil", "jur", "iur", "theol", "habil",
    "h.c", "sc", "techn", "agr", "soc", "publ", "mont", "kfm", "kff", "psych", "inf", "mult",
];

/// Whether `word` is a title, or the field of the degree `taken` ends with (`Dr. med.`).
fn continues_prefix(taken: &[&str], word: &str) -> bool {
    is_prefix(word)
        || (!taken.is_empty() && word.ends_with('.') && DEGREE_FIELDS.contains(&key(word).as_str()))
}

/// Takes the titles that start `words` (`Dr.`, `Prof. Dr.`, `Dr. med.`), keeping at least one
/// word.
fn take_prefixes<'a>(words: &mut Vec<&'a str>) -> Vec<&'a str> {
    let mut taken = Vec::new();
    while words.len() > 1 && continues_prefix(&taken, words[0]) {
        taken.push(words.remove(0));
    }
    taken
}

/// Whether a whole value is an honorific (`Mr.`, `Dr`, `Frau`, `Prof. Dr.`, `Dr. med.`), as a
/// `Title` column of an address book may hold instead of a job.
pub fn is_honorific(value: &str) -> bool {
    let words: Vec<&str> = value.split_whitespace().collect();
    !words.is_empty()
        && words.len() <= 4
        && words
            .iter()
            .enumerate()
            .all(|(i, w)| continues_prefix(&words[..i], w))
}

/// Parses one full-name field into parts.
fn parse_full(full: &str) -> Building {
    let mut name = Building::default();
    let mut pieces: Vec<&str> = full
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    // Trailing suffixes after commas: "Jane Doe, PhD", "Doe, Jane, Jr."
    let mut suffixes = Vec::new();
    while pieces.len() > 1
        && pieces
            .last()
            .is_some_and(|p| p.split_whitespace().all(is_suffix))
    {
        suffixes.insert(0, pieces.pop().unwrap_or_default().to_string());
    }
    // "King Jr., Martin Luther", "García Márquez, Gabriel": filed family name first, the
    // family name is all that stands before the comma, however its words would read.
    if pieces.len() == 2 {
        let mut head: Vec<&str> = pieces[0].split_whitespace().collect();
        let mut head_suffixes = Vec::new();
        while head.len() > 1 && head.last().is_some_and(|w| is_suffix(w)) {
            head_suffixes.insert(0, head.pop().unwrap_or_default().to_string());
        }
        let mut tail: Vec<&str> = pieces[1].split_whitespace().collect();
        let prefixes = take_prefixes(&mut tail);
        while tail.len() > 1 && tail.last().is_some_and(|w| is_suffix(w)) {
            head_suffixes.push(tail.pop().unwrap_or_default().to_string());
        }
        let looks_like_family = head.len() <= 3
            && !head
                .iter()
                .any(|w| is_prefix(w) || w.chars().any(|c| c.is_ascii_digit()));
        if looks_like_family && !tail.is_empty() {
            head_suffixes.extend(suffixes);
            name.family = Some(head.join(" "));
            name.given = Some(tail[0].to_string());
            if tail.len() > 1 {
                name.middle = Some(tail[1..].join(" "));
            }
            name.prefix = (!prefixes.is_empty()).then(|| prefixes.join(" "));
            name.suffix = (!head_suffixes.is_empty()).then(|| head_suffixes.join(", "));
            return name;
        }
    }
    let ordered: String = if pieces.len() == 2 {
        // "Doe, Jane Q." → "Jane Q. Doe"
        format!("{} {}", pieces[1], pieces[0])
    } else {
        pieces.join(" ")
    };
    let ordered = spread_initials(&ordered);
    let mut words: Vec<&str> = ordered.split_whitespace().collect();
    let mut prefixes = Vec::new();
    while words.len() > 1 && continues_prefix(&prefixes, words[0]) {
        // `M. Okafor`: a single letter before one word is an initial, not Monsieur.
        if words.len() == 2 && key(words[0]).chars().count() == 1 {
            break;
        }
        prefixes.push(words.remove(0));
    }
    while words.len() > 1 && words.last().is_some_and(|w| is_suffix(w)) {
        suffixes.insert(0, words.pop().unwrap_or_default().to_string());
    }
    if !prefixes.is_empty() {
        name.prefix = Some(prefixes.join(" "));
    }
    if !suffixes.is_empty() {
        name.suffix = Some(suffixes.join(", "));
    }
    if let Some(family_first) = family_in_capitals_first(&words) {
        name.family = Some(recase(&words[..family_first].join(" "), Kind::Family).0);
        let rest = &words[family_first..];
        // A Vietnamese name keeps its given name last (NGUYEN Van An).
        let (given, middle) = if family_first == 1 && is_vietnamese_order(&words) {
            (rest[rest.len() - 1], &rest[..rest.len() - 1])
        } else {
            (rest[0], &rest[1..])
        };
        name.given = Some(given.to_string());
        if !middle.is_empty() {
            name.middle = Some(middle.join(" "));
        }
        return name;
    }
    match words.len() {
        0 => {}
        // `Dr. Okafor`, `Mr. Smith`: an honorific goes with the family name.
        1 if !prefixes.is_empty() => name.family = Some(words[0].to_string()),
        // A Chinese or Korean name written without a space: the family name is its first
        // character (王伟, 김민준). Japanese family names run to three characters and are
        // left whole.
        1 if han_or_hangul_name(words[0]) => {
            let split = words[0].chars().next().map_or(0, char::len_utf8);
            name.family = Some(words[0][..split].to_string());
            name.given = Some(words[0][split..].to_string());
        }
        1 => name.given = Some(words[0].to_string()),
        // Chinese, Japanese and Korean names are written family name first: 山田 太郎.
        2 if words.iter().all(|w| w.chars().all(is_cjk)) => {
            name.family = Some(words[0].to_string());
            name.given = Some(words[1].to_string());
        }
        // A Vietnamese name is written family name first, with a middle name that says so
        // (Nguyễn Văn An, Trần Thị Lan).
        _ if is_vietnamese_order(&words) => {
            name.family = Some(words[0].to_string());
            name.middle = Some(words[1..words.len() - 1].join(" "));
            name.given = words.last().map(|w| w.to_string());
        }
        // A Vietnamese name in the Western order, its given name with the middle name that
        // says so (Thị Hoa Nguyễn, Văn Minh Trần): the family name is the last word alone.
        _ if is_vietnamese_western_order(&words) => {
            let (given, family) = words.split_at(words.len() - 1);
            name.family = Some(family[0].to_string());
            name.given = Some(given.join(" "));
        }
        // A Chinese or Korean given name of two syllables written apart, with the family name
        // after it or before it (Mei Ling Lee, Lee Hsien Loong, Park Ji Hoon).
        3 if let Some(first) = chinese_or_korean_order(&words) => {
            let (family, given) = if first {
                (words[0].to_string(), words[1..].join(" "))
            } else {
                (words[2].to_string(), words[..2].join(" "))
            };
            name.family = Some(family);
            name.given = Some(given);
        }
        _ => {
            // The family name starts at the first particle after the given name, or is the
            // last word; a word before it that is no given name is a first family name
            // (Gabriel García Márquez, José Luis Rodríguez Zapatero, María de la Fuente
            // Ortiz), as Spanish and Portuguese names have two.
            let particles = |mut start: usize| {
                while start > 1 && {
                    let word = key(words[start - 1]);
                    PARTICLES.contains(&word.as_str()) || PREFIXES_APART.contains(&word.as_str())
                } {
                    start -= 1;
                }
                start
            };
            let mut start = particles(words.len() - 1);
            // `Abdul`, `Abdel` (servant of) and the name after it are one given name (Abdul
            // Rahman, Abdel Fattah), never a given name and a first family name.
            let given_words = if ABD.contains(&key(words[0]).as_str()) && start > 1 {
                2
            } else {
                1
            };
            // Before a father's name, the person's own names (Siti Nurhaliza binti Tarudin),
            // never a first family name.
            let patronymic = PATRONYMICS.contains(&key(words[start]).as_str());
            if start > given_words
                && !patronymic
                && is_family_word(words[start - 1])
                && !is_slavic_patronymic(words[start - 1])
            {
                start = particles(start - 1);
            }
            // A Spanish or Portuguese particle after the first word that the family name does
            // not take (before a given name the lists know) joins a given name of several words
            // (María del Carmen).
            const GIVEN_PARTICLES: &[&str] = &["de", "del", "da", "das", "do", "dos"];
            if start > 1 && GIVEN_PARTICLES.contains(&key(words[1]).as_str()) {
                name.given = Some(words[..start].join(" "));
            } else {
                name.given = Some(words[..given_words].join(" "));
                if start > given_words {
                    name.middle = Some(words[given_words..start].join(" "));
                }
            }
            name.family = Some(words[start..].join(" "));
        }
    }
    name
}

/// How many words a family name in capitals takes before a given name that is not in capitals
/// (`DUPONT Jean`, `ZHANG Wei`, `VAN DER BERG Anna`), as badges and official lists write it;
/// not a given name typed in capitals (`JOHN Smith`; `MARTIN Paul` is a family name first),
/// unless the one word after it is a given name too: then only the capitals tell, and they say
/// family name first (`PAUL Thomas`).
fn family_in_capitals_first(words: &[&str]) -> Option<usize> {
    let caps_particle = |w: &str| is_particle(w) && !w.chars().any(char::is_lowercase);
    let mut count = words
        .iter()
        .take_while(|w| is_capitalized_family(w) || caps_particle(w))
        .count();
    while count > 0 && caps_particle(words[count - 1]) {
        count -= 1;
    }
    let given_typed_in_capitals = |w: &&str| {
        let folded = fold(w);
        !caps_particle(w) && names::is_given_name(&folded) && !names::is_common_family_name(&folded)
    };
    let given_after = words.len() == count + 1 && names::is_common_given_name(&fold(words[count]));
    (count > 0
        && count < words.len()
        && words[count..].iter().any(|w| !is_one_case(w))
        && (given_after || !words[..count].iter().any(given_typed_in_capitals)))
    .then_some(count)
}

/// The commonest Vietnamese family names, folded.
const VIETNAMESE_FAMILY: &[&str] = &[
    "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu", "vo", "dang", "bui", "do",
    "ho", "ngo", "duong", "ly",
];

/// Middle names that Vietnamese names put between family and given name (`Văn`, `Thị`), folded.
const VIETNAMESE_MIDDLE: &[&str] = &[
    "van", "thi", "duc", "huu", "ngoc", "quoc", "xuan", "cong", "dinh", "quang",
];

/// Whether a folded family name and the folded first word of a given name are a Vietnamese
/// family name and a middle name Vietnamese names put before the given name (Nguyễn; Thị Hoa):
/// the person is called by the rest (Hoa).
pub fn is_vietnamese_middle(family: &str, first_word: &str) -> bool {
    VIETNAMESE_FAMILY.contains(&family) && VIETNAMESE_MIDDLE.contains(&first_word)
}

/// Whether a folded family name is one of the commonest Vietnamese, Chinese or Korean ones:
/// names whose order the records may give either way.
pub fn is_east_asian_family(family: &str) -> bool {
    VIETNAMESE_FAMILY.contains(&family) || CHINESE_KOREAN_FAMILY_NAMES.contains(&family)
}

/// Three words, the last one of the commonest Vietnamese family names and the first a middle
/// name that Vietnamese names put before the given name (Thị Hoa Nguyễn).
fn is_vietnamese_western_order(words: &[&str]) -> bool {
    words.len() == 3
        && VIETNAMESE_FAMILY.contains(&fold(words[2]).as_str())
        && VIETNAMESE_MIDDLE.contains(&fold(words[0]).as_str())
}

/// Three words or more, the first one of the commonest Vietnamese family names and the second
/// a middle name that Vietnamese names put between family and given name (`Văn`, `Thị`).
fn is_vietnamese_order(words: &[&str]) -> bool {
    let family = fold(words[0]);
    words.len() >= 3
        && VIETNAMESE_FAMILY.contains(&family.as_str())
        && (VIETNAMESE_MIDDLE.contains(&fold(words[1]).as_str())
            // Or each word one syllable (Pham Nhat Vuong, Nguyen Minh Tuan), where the family
            // name is not also a Chinese one read otherwise (Ho Wai Man).
            || (!CHINESE_KOREAN_FAMILY_NAMES.contains(&family.as_str())
                && words[1..].iter().all(|w| is_syllable(w))))
}

/// The commonest Chinese and Korean family names as they are spelt in Latin letters (pinyin,
/// Wade-Giles, Cantonese, Hokkien and Teochew as Hong Kong, Taiwan, Singapore and Malaysia
/// write them, and Korean), commonest first (Wikipedia's lists of common Chinese surnames and
/// of Korean surnames). A name that is both a family name and a given name's syllable is
/// placed by its rank (`Ji` Hoon Park, `Tai` Man Chan).
const CHINESE_KOREAN_FAMILY_NAMES: &[&str] = &[
    "kim", "lee", "wang", "li", "zhang", "chan", "chen", "tan", "park", "wong", "liu", "lim", "ng",
    "yang", "huang", "choi", "zhao", "wu", "zhou", "chow", "lin", "lam", "jung", "jeong", "xu",
    "hsu", "sun", "ma", "zhu", "chu", "hu", "guo", "kwok", "he", "ho", "kang", "cho", "gao", "luo",
    "law", "lo", "zheng", "cheng", "teh", "liang", "leung", "yoon", "yun", "xie", "tse", "song",
    "tang", "tong", "han", "feng", "fung", "deng", "cao", "tsao", "peng", "zeng", "tsang", "xiao",
    "siu", "tian", "dong", "pan", "poon", "yuan", "cai", "tsai", "choy", "jiang", "yu", "yue",
    "du", "ye", "yip", "goh", "koh", "ong", "teo", "chua", "toh", "yeo", "seah", "wee", "jang",
    "oh", "seo", "suh", "shin", "kwon", "hwang", "ahn", "hong", "yoo", "ko", "moon", "son", "bae",
    "baek", "nam", "noh", "roh", "kwak", "sung", "cha", "joo", "ryu", "chae", "wei", "su", "so",
    "lu", "ding", "ren", "shen", "sim", "yao", "cui", "zhong", "chung", "fan", "jin", "kam", "shi",
    "sze", "liao", "jia", "xia", "fu", "fang", "bai", "zou", "meng", "xiong", "qin", "qiu", "yau",
    "khoo", "yin", "xue", "yan", "duan", "lei", "hou", "long", "tao", "gu", "koo", "mao", "hao",
    "gong", "shao", "wan", "qian", "chin", "dai", "mo", "kong", "hung", "chang", "mak", "tam",
    "lau", "kwan", "yeung", "cheung", "chiu", "tsui", "ji", "min", "heo", "hur", "ha", "woo", "na",
    "eom", "won", "bang", "yi", "rhee",
];

/// A Chinese or Korean name of three syllables, where one end is a family name the list knows
/// (the commoner of the two where both are): whether it comes first. The given name's two
/// words must each be one syllable (not Pablo, Ruiz), the middle word no name of another
/// language (Mary Ann Lee is not one).
fn chinese_or_korean_order(words: &[&str]) -> Option<bool> {
    let rank = |w: &str| {
        let folded = fold(w);
        CHINESE_KOREAN_FAMILY_NAMES
            .iter()
            .position(|n| *n == folded)
    };
    let family_first = match (rank(words[0]), rank(words[2])) {
        (Some(first), Some(last)) => first < last,
        (Some(_), None) => true,
        (None, Some(_)) => false,
        (None, None) => return None,
    };
    let given = if family_first {
        &words[1..]
    } else {
        &words[..2]
    };
    (given.iter().all(|w| is_syllable(w)) && !names::is_given_name(&fold(words[1])))
        .then_some(family_first)
}

/// One syllable as Chinese, Korean and Vietnamese names are spelt in Latin letters: up to three
/// consonants, one run of vowels, and an ending of `n`, `ng`, `nh`, `m`, `k`, `c`, `ch`, `p`, `t`
/// or `h`, or none (`Hsien`, `Kyung`, `Loong`, `Cheuk`, `Tai`, `Thanh`, `Quoc`), at most six
/// letters.
fn is_syllable(word: &str) -> bool {
    let folded = fold(word);
    let b = folded.as_bytes();
    if !(2..=6).contains(&b.len()) || !b.iter().all(u8::is_ascii_lowercase) {
        return false;
    }
    let vowel = |c: &u8| b"aeiou".contains(c);
    let onset = b.iter().take_while(|c| !vowel(c)).count();
    let nucleus = b[onset..]
        .iter()
        .take_while(|c| vowel(c) || **c == b'y')
        .count();
    let coda = &folded[onset + nucleus..];
    onset <= 3
        && (1..=3).contains(&nucleus)
        && matches!(
            coda,
            "" | "n" | "ng" | "nh" | "m" | "k" | "c" | "ch" | "p" | "t" | "h"
        )
}

/// A word in capitals that a family name written first would be (`DUPONT`, `ZHANG`; a
/// two-letter one only where it is a common family name, `LI`, `WU`, not initials, `AJ`).
fn is_capitalized_family(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    word.chars().any(char::is_uppercase)
        && !word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '\'')
        && !is_particle(word)
        && (letters >= 3 || (letters == 2 && names::is_common_family_name(&fold(word))))
}

/// Whether a word is an East Slavic patronymic, the father's name with its ending (Petrovich,
/// Sergeyevna, Olehovych, Ivanivna): the middle word of a Russian, Ukrainian or Belarusian
/// name, never a first family name. (Serbian and Croatian family names end in `-ović`, without
/// the `h`; a family name in `-ovich`, Abramovich, is the last word.)
pub fn is_slavic_patronymic(word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ovich", "evich", "ovych", "evych", "ovna", "evna", "ichna", "ivna",
    ];
    let folded = fold(word);
    folded.len() >= 7 && ENDINGS.iter().any(|e| folded.ends_with(e))
}

/// A word that may be a family name and is no given name the name lists know, nor an
/// initial (García of Gabriel García Márquez; not Luis of José Luis Rodríguez).
fn is_family_word(word: &str) -> bool {
    let folded = fold(word);
    !is_initial(word)
        && folded.len() >= 2
        && word.chars().next().is_some_and(char::is_uppercase)
        && !names::is_given_name(&folded)
}

/// Two or three Han characters, or two to four Hangul syllables, with no kana: a Chinese or
/// Korean name written whole.
fn han_or_hangul_name(word: &str) -> bool {
    let n = word.chars().count();
    (word.chars().all(is_han) && (2..=3).contains(&n))
        || (word.chars().all(is_hangul) && (2..=4).contains(&n))
}

/// A Han character: CJK unified ideographs, their extension A, compatibility ideographs.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF)
}

fn is_hangul(c: char) -> bool {
    matches!(c as u32, 0xAC00..=0xD7AF)
}

/// A Han, kana or Hangul character.
fn is_cjk(c: char) -> bool {
    is_han(c) || is_hangul(c) || matches!(c as u32, 0x3040..=0x30FF)
}

#[derive(Clone, Copy, PartialEq)]
enum Kind {
    Given,
    Family,
    Full,
}

/// The text has cased letters, all of one case.
fn is_one_case(s: &str) -> bool {
    let (mut upper, mut lower) = (false, false);
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
    }
    upper != lower
}

/// Proper-cases a name written in one case only; a name in mixed case is the writer's own and is
/// kept. Returns whether it changed.
fn recase(s: &str, kind: Kind) -> (String, bool) {
    let letters = s.chars().filter(|c| c.is_alphabetic());
    let (mut upper, mut lower) = (false, false);
    for c in letters {
        upper |= c.is_uppercase();
        lower |= c.is_lowercase();
    }
    if upper == lower {
        // Mixed case, or no cased letters at all (CJK, digits).
        return (s.to_string(), false);
    }
    // A lone initial or short all-caps token in mixed input ("J") is fine as is.
    if s.chars().filter(|c| c.is_alphabetic()).count() <= 1 {
        return (s.to_uppercase(), false);
    }
    let words: Vec<&str> = s.split(' ').collect();
    let last = words.len() - 1;
    let out: Vec<String> = words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let particle = PARTICLES.contains(&lower.as_str());
            let keep_lower = particle
                && i != last
                && match kind {
                    Kind::Family => true,
                    Kind::Full => i > 0,
                    Kind::Given => false,
                };
            if keep_lower {
                lower
            } else {
                capitalize_word(&lower)
            }
        })
        .collect();
    let out = out.join(" ");
    let changed = out != s;
    (out, changed)
}

/// Capitalizes a lower-case word: after hyphens and apostrophes too (Lefèvre-Dupont, O'Brien),
/// and the Scottish and Irish prefixes (McDonald, MacLeod).
fn capitalize_word(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    let mut start = true;
    for c in word.chars() {
        if start {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
        start = matches!(c, '-' | '\'' | '’' | '.');
    }
    let bare: String = word.chars().filter(|c| c.is_alphabetic()).collect();
    if bare.starts_with("mc") && bare.chars().count() > 3 {
        out = recap_at(&out, 2);
    } else if MAC_NAMES.contains(&bare.as_str()) {
        out = recap_at(&out, 3);
    }
    out
}

fn recap_at(s: &str, at: usize) -> String {
    s.chars()
        .enumerate()
        .map(|(i, c)| {
            if i == at {
                c.to_uppercase().next().unwrap_or(c)
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full(s: &str) -> Name {
        build(NameParts {
            full: Some(s),
            ..Default::default()
        })
    }

    /// Each name written in one column is read as the given, middle and family names shown.
    fn parts_are(cases: &[(&str, &str, Option<&str>, &str)]) {
        for &(written, given, middle, family) in cases {
            let n = full(written);
            assert_eq!(
                (n.given.as_deref(), n.middle.as_deref(), n.family.as_deref()),
                (Some(given), middle, Some(family)),
                "{written}"
            );
        }
    }

    #[test]
    fn comma_order_and_titles() {
        let n = full("Doe, Jane");
        assert_eq!(
            (n.given.as_deref(), n.family.as_deref()),
            (Some("Jane"), Some("Doe"))
        );
        assert_eq!(n.display.as_deref(), Some("Jane Doe"));
        let n = full("Dr. Jane Q. Doe, PhD");
        assert_eq!(n.prefix.as_deref(), Some("Dr."));
        assert_eq!(n.given.as_deref(), Some("Jane"));
        assert_eq!(n.middle.as_deref(), Some("Q."));
        assert_eq!(n.family.as_deref(), Some("Doe"));
        assert_eq!(n.suffix.as_deref(), Some("PhD"));
    }

    /// Asserts each full name reads as its title, given name and family name.
    fn assert_titles(names: &[(&str, &str, &str, &str)]) {
        for &(written, prefix, given, family) in names {
            let n = full(written);
            assert_eq!(
                (n.prefix.as_deref(), n.given.as_deref(), n.family.as_deref()),
                (Some(prefix), Some(given), Some(family)),
                "{written}"
            );
        }
    }

    #[test]
    fn titles_of_many_countries_are_titles_not_names() {
        assert_titles(&[
            ("Dott.ssa Giulia Bianchi", "Dott.ssa", "Giulia", "Bianchi"),
            ("Avv. Luca Verdi", "Avv.", "Luca", "Verdi"),
            ("Drs. Jan de Vries", "Drs.", "Jan", "de Vries"),
            ("Mevr. Anna de Boer", "Mevr.", "Anna", "de Boer"),
            ("Mgr. Jana Nováková", "Mgr.", "Jana", "Nováková"),
            ("MUDr. Petr Svoboda", "MUDr.", "Petr", "Svoboda"),
            ("Lic. Carlos Slim", "Lic.", "Carlos", "Slim"),
            (
                "Sheikh Mohammed Al Maktoum",
                "Sheikh",
                "Mohammed",
                "Al Maktoum",
            ),
            ("Haji Ahmad Yusof", "Haji", "Ahmad", "Yusof"),
            ("Smt. Lakshmi Iyer", "Smt.", "Lakshmi", "Iyer"),
            ("Eng. Ahmed Youssef", "Eng.", "Ahmed", "Youssef"),
            ("Capt. Sully Sullenberger", "Capt.", "Sully", "Sullenberger"),
            ("Gen. Colin Powell", "Gen.", "Colin", "Powell"),
        ]);
        // A word that is a title somewhere and a name elsewhere stays a name; so does one that
        // is a title only with its full stop.
        for (written, given) in [("Sri Mulyani Indrawati", "Sri"), ("Gen Nakamura", "Gen")] {
            let n = full(written);
            assert_eq!(
                (n.prefix.as_deref(), n.given.as_deref()),
                (None, Some(given)),
                "{written}"
            );
        }
    }

    #[test]
    fn credentials_after_a_name_are_suffixes_and_a_family_name_that_spells_a_degree_is_a_name() {
        for (written, given, family, suffix) in [
            ("Sarah Chen, MBA, PMP", "Sarah", "Chen", Some("MBA, PMP")),
            ("Kim Lee, CFA", "Kim", "Lee", Some("CFA")),
            ("John Smith MA", "John", "Smith", Some("MA")),
            ("Jack Ma", "Jack", "Ma", None),
            ("Yo-Yo Ma", "Yo-Yo", "Ma", None),
        ] {
            let n = full(written);
            assert_eq!(
                (n.given.as_deref(), n.family.as_deref(), n.suffix.as_deref()),
                (Some(given), Some(family), suffix),
                "{written}"
            );
        }
    }

    #[test]
    fn german_academic_degrees_are_titles_not_names() {
        assert_titles(&[
            (
                "Dr. med. Hans-Peter Müller",
                "Dr. med.",
                "Hans-Peter",
                "Müller",
            ),
            (
                "Prof. Dr. rer. nat. Anna Schmidt",
                "Prof. Dr. rer. nat.",
                "Anna",
                "Schmidt",
            ),
            ("Dr. med. dent. Eva Huber", "Dr. med. dent.", "Eva", "Huber"),
            ("Dr.-Ing. Klaus Weber", "Dr.-Ing.", "Klaus", "Weber"),
            ("Dipl.-Ing. Eva Maier", "Dipl.-Ing.", "Eva", "Maier"),
            ("Weber, Dr. phil. Klaus", "Dr. phil.", "Klaus", "Weber"),
        ]);
        // In a first-name column too.
        let n = build(NameParts {
            given: Some("Dr. med. Hans"),
            family: Some("Müller"),
            ..Default::default()
        });
        assert_eq!(
            (n.prefix.as_deref(), n.given.as_deref()),
            (Some("Dr. med."), Some("Hans"))
        );
        // A title column of such titles holds honorifics, not jobs.
        assert!(is_honorific("Dr. med."));
        assert!(is_honorific("Prof. Dr. rer. nat."));
        assert!(!is_honorific("Med. Director"));
        // Med without its full stop is a name (Med Salah), not a degree.
        let n = full("Dr. Med Salah");
        assert_eq!(
            (n.given.as_deref(), n.family.as_deref()),
            (Some("Med"), Some("Salah"))
        );
    }

    #[test]
    fn a_nickname_in_quotes_or_brackets_is_taken_out_of_the_name() {
        for (written, rest, nickname) in [
            ("William \"Bill\" Gates", "William Gates", "Bill"),
            ("Robert (Bob) Smith", "Robert Smith", "Bob"),
            ("Zhang Wei (David)", "Zhang Wei", "David"),
            ("Smith, John (Jack)", "Smith, John", "Jack"),
            ("Margaret ‘Peggy’ Olson", "Margaret Olson", "Peggy"),
            ("Robert 'Bobby' Kennedy", "Robert Kennedy", "Bobby"),
            ("Robert (Bob)", "Robert", "Bob"),
        ] {
            assert_eq!(
                take_nickname(written),
                Some((rest.to_string(), nickname.to_string())),
                "{written}"
            );
        }
        // Brackets holding an employer, pronouns or a note, an apostrophe inside a name, and a
        // name that is nothing but the nickname stay as they are.
        for written in [
            "Jane Doe (Acme)",
            "Alex Kim (she/her)",
            "Sam Lee (ext. 12)",
            "Niamh O'Brien",
            "Seán O'Neill-D'Arcy",
            "\"Bill\"",
        ] {
            assert_eq!(take_nickname(written), None, "{written}");
        }
    }

    #[test]
    fn initials_written_together_are_a_given_name_and_middle_names() {
        let n = full("J.R.R. Tolkien");
        assert_eq!(
            (n.given.as_deref(), n.middle.as_deref(), n.family.as_deref()),
            (Some("J."), Some("R. R."), Some("Tolkien"))
        );
        assert_eq!(n.display.as_deref(), Some("J.R.R. Tolkien"));
        let n = build(NameParts {
            given: Some("J.K."),
            family: Some("Rowling"),
            ..Default::default()
        });
        assert_eq!(
            (n.given.as_deref(), n.middle.as_deref()),
            (Some("J."), Some("K."))
        );
        // A name with a dot after it is not initials.
        assert_eq!(full("Wm. Smith").given.as_deref(), Some("Wm."));
    }

    #[test]
    fn pronouns_and_notes_in_brackets_are_no_part_of_the_name() {
        for (written, rest, label, aside) in [
            ("Alex Kim (she/her)", "Alex Kim", "pronouns", "she/her"),
            ("Sam Lee (they/them)", "Sam Lee", "pronouns", "they/them"),
            ("Jane Doe (Acme)", "Jane Doe", "name note", "Acme"),
            (
                "Jane Doe [old number]",
                "Jane Doe",
                "name note",
                "old number",
            ),
        ] {
            assert_eq!(
                take_aside(written),
                Some((rest.to_string(), label, aside.to_string())),
                "{written}"
            );
        }
        assert_eq!(take_aside("(Acme)"), None);
        assert_eq!(take_aside("=HYPERLINK(\"x\")"), None);
        assert_eq!(take_aside("<b>alert(1)</b>"), None);
        assert_eq!(take_aside("Jane Doe"), None);
    }

    #[test]
    fn a_patronymic_is_a_middle_name_and_abdul_begins_a_given_name() {
        parts_are(&[
            (
                "Ivan Petrovich Sidorov",
                "Ivan",
                Some("Petrovich"),
                "Sidorov",
            ),
            (
                "Anna Sergeyevna Ivanova",
                "Anna",
                Some("Sergeyevna"),
                "Ivanova",
            ),
            (
                "Olena Ivanivna Shevchenko",
                "Olena",
                Some("Ivanivna"),
                "Shevchenko",
            ),
            ("Roman Abramovich", "Roman", None, "Abramovich"),
            ("Abdul Rahman Hassan", "Abdul Rahman", None, "Hassan"),
            ("Abdel Fattah Al Sisi", "Abdel Fattah", None, "Al Sisi"),
            ("Abdul Hassan", "Abdul", None, "Hassan"),
            // A Spanish first family name stays one.
            ("Gabriel García Márquez", "Gabriel", None, "García Márquez"),
        ]);
        // In a First Name column, as Russian speakers fill it.
        let n = build(NameParts {
            given: Some("Ivan Sergeyevich"),
            family: Some("Sidorov"),
            ..Default::default()
        });
        assert_eq!(
            (n.given.as_deref(), n.middle.as_deref()),
            (Some("Ivan"), Some("Sergeyevich"))
        );
    }

    #[test]
    fn a_former_family_name_is_read_where_a_word_or_the_family_field_says_so() {
        for (written, family_field, rest, former) in [
            ("Walsh (Morrison)", true, "Walsh", "Morrison"),
            ("Walsh (née Morrison)", true, "Walsh", "Morrison"),
            (
                "Jennifer Walsh née Morrison",
                false,
                "Jennifer Walsh",
                "Morrison",
            ),
            (
                "Jennifer Walsh, nee Morrison",
                false,
                "Jennifer Walsh",
                "Morrison",
            ),
            (
                "Jennifer Walsh (née Morrison)",
                false,
                "Jennifer Walsh",
                "Morrison",
            ),
            ("Müller geb. Schmidt", true, "Müller", "Schmidt"),
            (
                "Anna Kowalska z domu Nowak",
                false,
                "Anna Kowalska",
                "Nowak",
            ),
            ("Nováková roz. Svobodová", true, "Nováková", "Svobodová"),
            ("Garcia (de la Cruz)", true, "Garcia", "de la Cruz"),
        ] {
            assert_eq!(
                take_former(written, family_field),
                Some((rest.to_string(), former.to_string())),
                "{written}"
            );
        }
        for (written, family_field) in [
            // Written whole, a word in brackets is as likely an employer.
            ("Jane Doe (Acme)", false),
            ("Kim (she/her)", true),
            ("Kim (they them)", true),
            ("Doe (old number 2)", true),
            ("Doe (Acme) Ltd", true),
            ("Patrick Nee", false),
            ("Nee", true),
            ("Jane Doe born 1970", false),
            ("(Morrison)", true),
        ] {
            assert_eq!(take_former(written, family_field), None, "{written}");
        }
    }

    #[test]
    fn a_name_filed_family_name_first_keeps_all_before_the_comma_as_the_family_name() {
        for (written, given, middle, family, suffix) in [
            (
                "King Jr., Martin Luther",
                "Martin",
                Some("Luther"),
                "King",
                Some("Jr."),
            ),
            (
                "García Márquez, Gabriel",
                "Gabriel",
                None,
                "García Márquez",
                None,
            ),
            ("van der Berg, Anna", "Anna", None, "van der Berg", None),
            ("Doe, Jane Q., PhD", "Jane", Some("Q."), "Doe", Some("PhD")),
            ("Doe, Dr. Jane", "Jane", None, "Doe", None),
        ] {
            let n = full(written);
            assert_eq!(
                (
                    n.given.as_deref(),
                    n.middle.as_deref(),
                    n.family.as_deref(),
                    n.suffix.as_deref()
                ),
                (Some(given), middle, Some(family), suffix),
                "{written}"
            );
        }
        assert_eq!(full("Doe, Dr. Jane").prefix.as_deref(), Some("Dr."));
        assert_eq!(
            full("King Jr., Martin Luther").display.as_deref(),
            Some("Martin Luther King Jr.")
        );
    }

    #[test]
    fn a_family_names_first_part_written_apart_starts_it() {
        for (written, family) in [
            ("Angus Mc Donald", "Mc Donald"),
            ("Niamh O Brien", "O Brien"),
            ("Omar Al Farsi", "Al Farsi"),
            ("Mohamed El Sayed", "El Sayed"),
            ("Ahmed Abu Bakr", "Abu Bakr"),
        ] {
            let n = full(written);
            assert_eq!(n.family.as_deref(), Some(family), "{written}");
            assert_eq!(n.middle, None, "{written}");
        }
        // A given name of its own, first, is no prefix.
        assert_eq!(full("Al Pacino").given.as_deref(), Some("Al"));
    }

    #[test]
    fn shouting_and_whispering_are_fixed() {
        assert_eq!(
            full("SEAN MCDONALD").display.as_deref(),
            Some("Sean McDonald")
        );
        assert_eq!(
            full("patrick o'brien").display.as_deref(),
            Some("Patrick O'Brien")
        );
        assert_eq!(
            full("JAN VAN DER BERG").family.as_deref(),
            Some("van der Berg")
        );
        assert_eq!(
            full("JAN VAN DER BERG").display.as_deref(),
            Some("Jan van der Berg")
        );
        assert_eq!(
            full("HÉLÈNE LEFÈVRE-DUPONT").display.as_deref(),
            Some("Hélène Lefèvre-Dupont")
        );
        assert_eq!(full("ÅSA ÖBERG").display.as_deref(), Some("Åsa Öberg"));
        assert!(full("SEAN MCDONALD").recased);
    }

    #[test]
    fn mixed_case_is_kept_as_written() {
        let n = full("danah boyd Smith");
        assert_eq!(n.display.as_deref(), Some("danah boyd Smith"));
        assert!(!n.recased);
        assert_eq!(
            full("DeShawn McAdams").display.as_deref(),
            Some("DeShawn McAdams")
        );
    }

    #[test]
    fn an_initial_is_no_honorific_and_an_honorific_goes_with_the_family_name() {
        let n = full("M. Okafor");
        assert_eq!(
            (n.prefix.as_deref(), n.given.as_deref(), n.family.as_deref()),
            (None, Some("M."), Some("Okafor"))
        );
        let n = full("Dr. Okafor");
        assert_eq!(
            (n.prefix.as_deref(), n.given.as_deref(), n.family.as_deref()),
            (Some("Dr."), None, Some("Okafor"))
        );
        // Monsieur before a whole name is still an honorific.
        let n = full("M. Jean Dupont");
        assert_eq!(
            (n.prefix.as_deref(), n.given.as_deref(), n.family.as_deref()),
            (Some("M."), Some("Jean"), Some("Dupont"))
        );
    }

    #[test]
    fn double_surnames_and_particles_stay_in_the_family_name() {
        parts_are(&[
            ("Gabriel García Márquez", "Gabriel", None, "García Márquez"),
            (
                "José Luis Rodríguez Zapatero",
                "José",
                Some("Luis"),
                "Rodríguez Zapatero",
            ),
            (
                "María de la Fuente Ortiz",
                "María",
                None,
                "de la Fuente Ortiz",
            ),
            (
                "Fernando Henrique Cardoso",
                "Fernando",
                Some("Henrique"),
                "Cardoso",
            ),
            ("Ana Paula Souza Costa", "Ana", Some("Paula"), "Souza Costa"),
            ("Ludwig van Beethoven", "Ludwig", None, "van Beethoven"),
            ("Mary Ann Smith", "Mary", Some("Ann"), "Smith"),
            ("John A. Smith", "John", Some("A."), "Smith"),
            // Malay and Arabic names name the father: son of, daughter of.
            ("Ahmad bin Ismail", "Ahmad", None, "bin Ismail"),
            (
                "Siti Nurhaliza binti Tarudin",
                "Siti",
                Some("Nurhaliza"),
                "binti Tarudin",
            ),
            ("Fatima bint Khalid", "Fatima", None, "bint Khalid"),
            // A given name of several words, joined by a particle before a given name the lists
            // know.
            (
                "María del Carmen Ortega",
                "María del Carmen",
                None,
                "Ortega",
            ),
        ]);
    }

    #[test]
    fn a_vietnamese_name_is_read_family_name_first() {
        for (written, family, middle, given) in [
            ("Nguyễn Văn An", "Nguyễn", "Văn", "An"),
            ("Trần Thị Lan", "Trần", "Thị", "Lan"),
            ("Nguyen Van Minh Tuan", "Nguyen", "Van Minh", "Tuan"),
            ("NGUYEN Van An", "Nguyen", "Van", "An"),
            // Without a middle name that says so, each word one syllable.
            ("Pham Nhat Vuong", "Pham", "Nhat", "Vuong"),
            ("Nguyen Minh Tuan", "Nguyen", "Minh", "Tuan"),
        ] {
            let n = full(written);
            assert_eq!(
                (n.family.as_deref(), n.middle.as_deref(), n.given.as_deref()),
                (Some(family), Some(middle), Some(given)),
                "{written}"
            );
        }
        // In the Western order the middle name stays with the given name, as a badge form's
        // First Name field holds it: the family name is the last word alone.
        for (written, given, family) in [
            ("Thị Hoa Nguyễn", "Thị Hoa", "Nguyễn"),
            ("Van Minh Tran", "Van Minh", "Tran"),
        ] {
            let n = full(written);
            assert_eq!(
                (n.given.as_deref(), n.family.as_deref()),
                (Some(given), Some(family)),
                "{written}"
            );
        }
        // Not a Vietnamese middle name: read as written.
        let n = full("Lena Van Der Berg");
        assert_eq!(n.given.as_deref(), Some("Lena"));
        // Ho is also a Cantonese family name, whose given name is the two words after it.
        let n = full("Ho Wai Man");
        assert_eq!(
            (n.given.as_deref(), n.family.as_deref()),
            (Some("Wai Man"), Some("Ho"))
        );
    }

    #[test]
    fn a_chinese_or_korean_given_name_of_two_syllables_stays_whole_either_side_of_the_family_name()
    {
        parts_are(&[
            ("Mei Ling Lee", "Mei Ling", None, "Lee"),
            ("Tai Man Chan", "Tai Man", None, "Chan"),
            ("Chan Tai Man", "Tai Man", None, "Chan"),
            ("Lee Hsien Loong", "Hsien Loong", None, "Lee"),
            ("Lim Jia Hui", "Jia Hui", None, "Lim"),
            ("Ji Hoon Park", "Ji Hoon", None, "Park"),
            ("Kim Jong Un", "Jong Un", None, "Kim"),
            // Names of other languages keep their middle and double family names.
            ("Mary Ann Lee", "Mary", Some("Ann"), "Lee"),
            ("Carlos Ruiz Li", "Carlos", None, "Ruiz Li"),
            ("Gabriel García Márquez", "Gabriel", None, "García Márquez"),
        ]);
    }

    #[test]
    fn a_family_name_in_capitals_before_the_given_name_is_read_first() {
        for (written, given, family) in [
            ("DUPONT Jean", "Jean", "Dupont"),
            ("ZHANG Wei", "Wei", "Zhang"),
            ("LI Na", "Na", "Li"),
            ("NAKAMURA Hiroshi", "Hiroshi", "Nakamura"),
            ("VAN DER BERG Anna", "Anna", "van der Berg"),
            // Both words are given names: the capitals decide.
            ("PAUL Thomas", "Thomas", "Paul"),
        ] {
            let n = full(written);
            assert_eq!(
                (n.given.as_deref(), n.family.as_deref()),
                (Some(given), Some(family)),
                "{written}"
            );
        }
        // Initials, a given name in capitals, and a name all in capitals are read as before.
        for (written, given, family) in [
            ("AJ Smith", "AJ", "Smith"),
            ("JOHN Smith", "JOHN", "Smith"),
            ("JANE DOE", "Jane", "Doe"),
        ] {
            let n = full(written);
            assert_eq!(
                (n.given.as_deref(), n.family.as_deref()),
                (Some(given), Some(family)),
                "{written}"
            );
        }
    }

    #[test]
    fn a_chinese_or_korean_name_written_whole_is_split_after_its_first_character() {
        for (written, family, given) in [("王伟", "王", "伟"), ("김민준", "김", "민준")] {
            let n = full(written);
            assert_eq!(
                (n.family.as_deref(), n.given.as_deref()),
                (Some(family), Some(given))
            );
        }
        // A Japanese name written whole is not split: its family name may be two characters.
        assert_eq!(full("山田太郎").family, None);
    }

    #[test]
    fn east_asian_names_put_the_family_name_first() {
        let n = full("山田 太郎");
        assert_eq!(
            (n.family.as_deref(), n.given.as_deref()),
            (Some("山田"), Some("太郎"))
        );
        assert_eq!(n.display.as_deref(), Some("山田 太郎"));
        let n = build(NameParts {
            given: Some("太郎"),
            family: Some("山田"),
            ..Default::default()
        });
        assert_eq!(n.display.as_deref(), Some("山田 太郎"));
    }

    #[test]
    fn parts_from_columns() {
        let n = build(NameParts {
            given: Some("JÜRGEN"),
            family: Some("MÜLLER"),
            ..Default::default()
        });
        assert_eq!(n.display.as_deref(), Some("Jürgen Müller"));
    }

    #[test]
    fn columns_that_hold_more_than_their_part() {
        let n = build(NameParts {
            given: Some("John A."),
            family: Some("Smith Jr."),
            ..Default::default()
        });
        assert_eq!(
            (n.given.as_deref(), n.middle.as_deref()),
            (Some("John"), Some("A."))
        );
        assert_eq!(
            (n.family.as_deref(), n.suffix.as_deref()),
            (Some("Smith"), Some("Jr."))
        );
        assert_eq!(n.display.as_deref(), Some("John A. Smith Jr."));
        let n = build(NameParts {
            given: Some("Dr. Mary Ann"),
            family: Some("Doe, PhD"),
            ..Default::default()
        });
        assert_eq!(n.prefix.as_deref(), Some("Dr."));
        assert_eq!(n.given.as_deref(), Some("Mary Ann"));
        assert_eq!(n.middle, None);
        assert_eq!(
            (n.family.as_deref(), n.suffix.as_deref()),
            (Some("Doe"), Some("PhD"))
        );
        // A title alone in the First Name field is a title: Dr. Smith has no given name. Don
        // Draper has one.
        for (given, prefix, name) in [("Dr.", Some("Dr."), None), ("Mrs", Some("Mrs"), None)] {
            let n = build(NameParts {
                given: Some(given),
                family: Some("Smith"),
                ..Default::default()
            });
            assert_eq!((n.prefix.as_deref(), n.given.as_deref()), (prefix, name));
            assert_eq!(
                n.display.as_deref(),
                Some(format!("{given} Smith").as_str())
            );
        }
        let n = build(NameParts {
            given: Some("Don"),
            family: Some("Draper"),
            ..Default::default()
        });
        assert_eq!((n.prefix, n.given.as_deref()), (None, Some("Don")));
        // One word is the name itself, whatever it looks like.
        let n = build(NameParts {
            given: Some("J."),
            family: Some("Ma"),
            ..Default::default()
        });
        assert_eq!(
            (n.given.as_deref(), n.family.as_deref()),
            (Some("J."), Some("Ma"))
        );
        // An initial before the name the person goes by: the name is the middle one, as in
        // a full name written so.
        let n = build(NameParts {
            given: Some("F. Scott"),
            family: Some("Fitzgerald"),
            ..Default::default()
        });
        assert_eq!(
            (n.given.as_deref(), n.middle.as_deref()),
            (Some("F."), Some("Scott"))
        );
        assert_eq!(n.display.as_deref(), Some("F. Scott Fitzgerald"));
        let whole = full("F. Scott Fitzgerald");
        assert_eq!((n.given, n.middle), (whole.given, whole.middle));
    }
}
