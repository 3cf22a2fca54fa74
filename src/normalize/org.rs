//! Organizations: the display name is kept as written; the match key drops legal suffixes,
//! punctuation, case, diacritics and a leading "The".

const LEGAL_SUFFIXES: &[&str] = &[
    "inc",
    "incorporated",
    "llc",
    "ltd",
    "limited",
    "gmbh",
    "ag",
    "se",
    "plc",
    "sa",
    "corp",
    "corporation",
    "co",
    "company",
    "kg",
    "ohg",
    "gbr",
    "ug",
    "bv",
    "nv",
    "oy",
    "oyj",
    "ab",
    "as",
    "asa",
    "aps",
    "spa",
    "srl",
    "sarl",
    "sas",
    "pty",
    "pte",
    "llp",
    "lp",
    "kk",
    "sl",
    "sau",
    "sro",
    "kft",
    "nyrt",
    "zrt",
    "ltda",
    "pvt",
    "sdn",
    "bhd",
    "doo",
    "mbh",
    "eg",
    "ev",
    "gmbhco",
    "cokg",
    "holding",
    "holdings",
    "group",
];

/// Whether a line ends in a company's legal form (`GmbH`, `Inc.`, `S.L.`, `GmbH & Co. KG`), as a
/// company's name on a card does. Words that are also words of a sentence (`co`, `as`, `se`)
/// and `group` do not count.
pub fn has_legal_suffix(line: &str) -> bool {
    let folded = deunicode::deunicode(line)
        .to_lowercase()
        .replace(['.', '\''], "");
    let words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    const AMBIGUOUS: &[&str] = &["co", "as", "se", "ab", "eg", "ev", "group", "holding"];
    words.len() >= 2
        && words
            .last()
            .is_some_and(|w| LEGAL_SUFFIXES.contains(w) && !AMBIGUOUS.contains(w))
}

/// The organization as shown: white space collapsed.
pub fn display(raw: &str) -> String {
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `The Acme Corporation, Inc.` → `acme`; `Müller GmbH & Co. KG` → `muller`. Words written
/// together with capitals (`GlaxoSmithKline`) are parted, so that their initials (`GSK`) and
/// the name written apart (`Glaxo Smith Kline`) meet them.
pub fn key(raw: &str) -> Option<String> {
    let parted: Vec<String> = raw.split_whitespace().map(part_capitals).collect();
    let folded = deunicode::deunicode(&parted.join(" "))
        .to_lowercase()
        .replace(['.', '\''], "");
    let mut words: Vec<&str> = folded
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty() && *w != "and")
        .collect();
    if words.len() > 1 && words[0] == "the" {
        words.remove(0);
    }
    while words.len() > 1 && words.last().is_some_and(|w| LEGAL_SUFFIXES.contains(w)) {
        words.pop();
    }
    let key = words.join(" ");
    (!key.is_empty()).then_some(key)
}

/// A word written together with capitals parted where a capital follows a small letter, each
/// part two letters or more (`GlaxoSmithKline` → `Glaxo Smith Kline`, `McKinsey` → `Mc
/// Kinsey`); not a legal form (`GmbH`, `KGaA`) nor a letter before a word (`eBay`, `iPhone`).
fn part_capitals(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let breaks: Vec<usize> = (1..chars.len())
        .filter(|&i| chars[i - 1].is_lowercase() && chars[i].is_uppercase())
        .collect();
    if breaks.is_empty()
        || LEGAL_SUFFIXES.contains(
            &word
                .to_lowercase()
                .trim_matches(|c: char| !c.is_alphanumeric()),
        )
    {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len() + breaks.len());
    let mut start = 0;
    for (n, &at) in breaks.iter().enumerate() {
        let next = breaks.get(n + 1).copied().unwrap_or(chars.len());
        if at - start >= 2 && next - at >= 2 {
            out.extend(&chars[start..at]);
            out.push(' ');
            start = at;
        }
    }
    out.extend(&chars[start..]);
    out
}

/// Whether two keys name the same organization: equal, one the other's leading words
/// (`acme` ~ `acme widgets`), one word of four letters or more that is the other's last, the
/// founder's family name a firm goes by (`bosch` ~ `robert bosch`, `lilly` ~ `eli lilly`), or
/// one the other's initials, of three letters or more (`ibm` ~ `international business
/// machines`; two letters say too little: [`may_be_initials`]) or written apart (`p g` of
/// `P&G` ~ `procter gamble`), or the same letters with the words written together (`linkedin`
/// ~ `linked in`), or its words in another order ([`same_words`]), or its first word with the
/// initials of the other's words after it (`pko bp` ~ `pko bank polski`), or its leading words
/// written together or apart ([`leading_words_joined`]: `jp morgan` ~ `jpmorgan chase`).
pub fn keys_match(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long == short
        || (long.starts_with(short) && long.as_bytes().get(short.len()) == Some(&b' '))
        || (short.len() >= 4
            && !short.contains(' ')
            && long.ends_with(short)
            && long.as_bytes().get(long.len() - short.len() - 1) == Some(&b' '))
        || is_acronym(short, long)
        || initials_apart(short).is_some_and(|initials| initials_of(&initials, long))
        || short
            .bytes()
            .filter(|&c| c != b' ')
            .eq(long.bytes().filter(|&c| c != b' '))
        || same_words(short, long)
        || initials_after_first_word(short, long)
        || leading_words_joined(short, long)
}

/// Whether the shorter key's words written together are the longer one's first word (`jp
/// morgan` of J.P. Morgan ~ `jpmorgan chase`, `h m` of H&M ~ `hm hennes mauritz`), or its one
/// word is the other's first words written together (`jpmorgan` ~ `jp morgan chase`): a name
/// or initials one source writes apart and another together, with the rest of the name after.
fn leading_words_joined(short: &str, long: &str) -> bool {
    fn joined(s: &str) -> impl Iterator<Item = u8> + '_ {
        s.bytes().filter(|&c| c != b' ')
    }
    match long.split_once(' ') {
        None => false,
        Some((first, _)) if short.contains(' ') => joined(short).eq(first.bytes()),
        Some(_) => long
            .match_indices(' ')
            .any(|(i, _)| joined(&long[..i]).eq(short.bytes())),
    }
}

/// Whether the two keys begin with one word and the rest of one is the initials of the rest of
/// the other, of two letters or more (`pko bp` ~ `pko bank polski`, `banco bpi` ~ `banco
/// portugues de investimento`): the first word says which firm two letters stand for.
fn initials_after_first_word(a: &str, b: &str) -> bool {
    let (Some((first_a, rest_a)), Some((first_b, rest_b))) = (a.split_once(' '), b.split_once(' '))
    else {
        return false;
    };
    let (initials, words) = if rest_a.len() <= rest_b.len() {
        (rest_a, rest_b)
    } else {
        (rest_b, rest_a)
    };
    first_a == first_b
        && initials.len() >= 2
        && !initials.contains(' ')
        && words.contains(' ')
        && initials_of(initials, words)
}

/// Whether two keys are the same words of two or more in another order (`richter gedeon` ~
/// `gedeon richter`): a firm named for a person is written given name first or family name
/// first, as the country writes names.
pub fn same_words(a: &str, b: &str) -> bool {
    if a.len() != b.len() || a == b || !a.contains(' ') {
        return false;
    }
    fn words(s: &str) -> Vec<&str> {
        let mut w: Vec<&str> = s.split(' ').collect();
        w.sort_unstable();
        w
    }
    words(a) == words(b)
}

/// The initials a key writes apart (`p g` of `P&G`, `j j` of `J&J`), joined: two letters so
/// written are initials, where two letters written together (`ge`) may be a word.
fn initials_apart(key: &str) -> Option<String> {
    let letters: Vec<&str> = key.split(' ').collect();
    (letters.len() >= 2 && letters.iter().all(|w| w.len() == 1)).then(|| letters.concat())
}

/// Whether `initials` are the first letters of the words of `long`, one a word.
fn initials_of(initials: &str, long: &str) -> bool {
    let words = long.split(' ');
    words.clone().count() == initials.len()
        && words
            .zip(initials.bytes())
            .all(|(w, c)| w.as_bytes().first() == Some(&c))
}

/// Whether one key is two letters that are the other's initials (`dg` ~ `deutsche
/// grammophon`): too little to say the two are one organization, too much to say they differ.
pub fn may_be_initials(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short.len() == 2 && short.bytes().all(|c| c.is_ascii_alphabetic()) && initials_of(short, long)
}

fn is_acronym(short: &str, long: &str) -> bool {
    short.len() >= 3 && !short.contains(' ') && initials_of(short, long)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_suffixes_and_the_go() {
        assert_eq!(key("The Acme Corporation").as_deref(), Some("acme"));
        assert_eq!(key("ACME, Inc.").as_deref(), Some("acme"));
        assert_eq!(key("Müller GmbH & Co. KG").as_deref(), Some("muller"));
        assert_eq!(
            key("Société Générale S.A.").as_deref(),
            Some("societe generale")
        );
        assert_eq!(key("Inc").as_deref(), Some("inc"));
        assert_eq!(key("---"), None);
    }

    #[test]
    fn leading_words_written_together_or_apart_match() {
        let k = |name: &str| key(name).unwrap();
        assert!(keys_match(&k("J.P. Morgan"), &k("JPMorgan Chase & Co.")));
        assert!(keys_match(&k("JPMorgan"), &k("J P Morgan Chase")));
        assert!(keys_match(&k("H&M"), &k("HM Hennes & Mauritz AB")));
        assert!(!keys_match(&k("J.P. Morgan"), &k("Morgan Stanley")));
        assert!(!keys_match(&k("Ab Cd"), &k("Abc Foods")));
        assert!(!keys_match(&k("JP Morgan"), &k("JPM Chase")));
    }

    #[test]
    fn prefix_keys_match() {
        assert!(keys_match("acme", "acme widgets"));
        assert!(keys_match("bosch", &key("Robert Bosch GmbH").unwrap()));
        assert!(keys_match("lilly", "eli lilly"));
        assert!(!keys_match("bosch", "boschwerk"));
        assert!(!keys_match("widgets", "acme widgets sales"));
        assert!(!keys_match("acme", "acmex"));
        assert!(!keys_match("globex", "initech"));
        assert!(keys_match(
            &key("IBM").unwrap(),
            &key("International Business Machines Corp.").unwrap()
        ));
        assert!(keys_match("ibm", "international business machines"));
        assert!(!keys_match("ibm", "international business"));
        assert!(!keys_match("ge", "general electric"));
    }

    #[test]
    fn a_firm_named_for_a_person_matches_with_the_names_in_either_order() {
        assert!(keys_match(
            &key("Richter Gedeon Nyrt.").unwrap(),
            &key("Gedeon Richter Plc").unwrap()
        ));
        assert!(!keys_match("acme widgets", "widgets acme sales"));
    }

    #[test]
    fn a_first_word_and_the_initials_of_the_rest_match_the_words_in_full() {
        assert!(keys_match(
            &key("PKO BP").unwrap(),
            &key("PKO Bank Polski S.A.").unwrap()
        ));
        assert!(!keys_match("pko bp", "pko bank"));
        assert!(!keys_match("acme bp", "initech bank polski"));
    }

    #[test]
    fn words_written_together_with_capitals_are_parted() {
        let matches = |a: &str, b: &str| keys_match(&key(a).unwrap(), &key(b).unwrap());
        assert_eq!(
            key("GlaxoSmithKline plc").as_deref(),
            Some("glaxo smith kline")
        );
        assert!(matches("GSK", "GlaxoSmithKline"));
        assert!(matches("Total", "TotalEnergies SE"));
        assert!(matches("LinkedIn", "Linkedin"));
        // Not a legal form, nor a letter before a word.
        assert_eq!(key("Müller GmbH").as_deref(), Some("muller"));
        assert_eq!(key("eBay Inc.").as_deref(), Some("ebay"));
        assert_eq!(key("iPhone Repairs").as_deref(), Some("iphone repairs"));
    }

    #[test]
    fn initials_written_apart_and_names_written_together_match() {
        // `P&G`, `J&J`: two letters parted by an ampersand are initials, not a word.
        let pg = key("P&G").unwrap();
        assert!(keys_match(&pg, &key("Procter & Gamble").unwrap()));
        assert!(keys_match(&key("J&J").unwrap(), "johnson johnson"));
        assert!(!keys_match(&pg, "pacific gas electric"));
        assert!(!keys_match(&pg, "general mills"));
        // One name written as one word or two.
        assert!(keys_match(
            &key("LinkedIn").unwrap(),
            &key("Linked In").unwrap()
        ));
        assert!(keys_match("paypal", "pay pal"));
        assert!(!keys_match("linkedin", "linked out"));
    }
}
