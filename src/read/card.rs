//! The text of a business card (read by OCR from a photo) or of an email signature (a `.txt`
//! file) turned into labelled values.
//!
//! Emails, links and phone numbers are found by their shape, each number with the label
//! printed before it (`T`, `Tel.`, `M`, `Mobil`, `Portable`, `Móvil`, `F`, `Fax`, `Direct`...);
//! a postal address by its postcode line and the street above it; the organization by a legal
//! suffix or the email's domain; the title by the role and seniority words of job titles; the
//! person's name among the lines left, by the size of its print, the given-name lists and the
//! email's local part. Every line a value came from is kept in the card's text.

use std::sync::OnceLock;

use regex::Regex;

use super::ocr::Line;
use crate::model::{Address, Field, Kind, RawRecord};
use crate::resolve::names::{fold, is_given_name};

/// A value found on a card, the line it came from and Tesseract's confidence in that line.
#[derive(Debug, Clone, PartialEq)]
pub struct Reading {
    pub line: usize,
    pub field: Field,
    pub value: String,
    pub kind: Kind,
    pub confidence: f32,
    /// The country whose language the label printed before the value is in (`Handy` → DE),
    /// where only one country's cards use it.
    pub label_country: Option<&'static str>,
}

/// The confidence below which a value read by OCR is not trusted: it is kept as written, with
/// a problem, for the user to check against the photo. Tesseract gives 90 and more to words
/// it is sure of; below 60 a word is as often wrong as right.
pub const TRUSTED: f32 = 60.0;

/// The labels printed before a phone number, in the common European languages, and the kind
/// of number each names.
const PHONE_LABELS: &[(&str, &str)] = &[
    ("t", "work"),
    ("tel", "work"),
    ("tél", "work"),
    ("tlf", "work"),
    ("telefon", "work"),
    ("telephone", "work"),
    ("téléphone", "work"),
    ("teléfono", "work"),
    ("telefono", "work"),
    ("telefone", "work"),
    ("phone", "work"),
    ("ph", "work"),
    ("p", "work"),
    ("fon", "work"),
    ("office", "work"),
    ("o", "work"),
    ("direct", "work"),
    ("dir", "work"),
    ("d", "work"),
    ("durchwahl", "work"),
    ("büro", "work"),
    ("bureau", "work"),
    ("oficina", "work"),
    ("ufficio", "work"),
    ("main", "work"),
    ("zentrale", "work"),
    ("standard", "work"),
    ("switchboard", "work"),
    ("m", "cell"),
    ("mob", "cell"),
    ("mobile", "cell"),
    ("mobil", "cell"),
    ("mobiel", "cell"),
    ("cell", "cell"),
    ("c", "cell"),
    ("handy", "cell"),
    ("portable", "cell"),
    ("port", "cell"),
    ("móvil", "cell"),
    ("movil", "cell"),
    ("mov", "cell"),
    ("cellulare", "cell"),
    ("cel", "cell"),
    ("celular", "cell"),
    ("telemóvel", "cell"),
    ("gsm", "cell"),
    ("natel", "cell"),
    ("f", "fax"),
    ("fax", "fax"),
    ("telefax", "fax"),
    ("télécopie", "fax"),
    ("h", "home"),
    ("home", "home"),
    ("privat", "home"),
];

/// The country of a phone label only its language prints (`Handy`, `Portable`, `Móvil`).
fn label_country(line: &str) -> Option<&'static str> {
    const LABELS: &[(&str, &str)] = &[
        ("handy", "DE"),
        ("mobil", "DE"),
        ("telefon", "DE"),
        ("fon", "DE"),
        ("durchwahl", "DE"),
        ("zentrale", "DE"),
        ("büro", "DE"),
        ("portable", "FR"),
        ("tél", "FR"),
        ("téléphone", "FR"),
        ("télécopie", "FR"),
        ("móvil", "ES"),
        ("movil", "ES"),
        ("mov", "ES"),
        ("teléfono", "ES"),
        ("cellulare", "IT"),
        ("ufficio", "IT"),
        ("mobiel", "NL"),
        ("telemóvel", "PT"),
    ];
    line.split_whitespace().find_map(|w| {
        let w = w
            .trim_matches(|c: char| matches!(c, ':' | '.' | ','))
            .to_lowercase();
        LABELS.iter().find(|(l, _)| *l == w).map(|(_, cc)| *cc)
    })
}

/// The kind of number a printed label names (`Tel.:` → work).
fn phone_label(word: &str) -> Option<&'static str> {
    let word = word
        .trim_matches(|c: char| matches!(c, ':' | '.' | ',' | '|' | '/' | '(' | ')' | '•' | '·'))
        .to_lowercase();
    PHONE_LABELS
        .iter()
        .find(|(label, _)| *label == word)
        .map(|(_, kind)| *kind)
}

/// The labels printed before an email or a link, left out of the value.
const OTHER_LABELS: &[&str] = &[
    "e", "email", "e-mail", "mail", "courriel", "correo", "w", "web", "www", "internet", "site",
    "url",
];

fn is_other_label(word: &str) -> bool {
    let word = word
        .trim_matches(|c: char| matches!(c, ':' | '.' | '|'))
        .to_lowercase();
    OTHER_LABELS.contains(&word.as_str())
}

/// Lines of a signature that are no part of the contact.
fn is_sign_off(line: &str) -> bool {
    let l = line.trim().to_lowercase();
    const OFFS: &[&str] = &[
        "best regards",
        "kind regards",
        "regards",
        "best,",
        "best",
        "cheers",
        "thanks",
        "thank you",
        "many thanks",
        "sincerely",
        "mit freundlichen grüßen",
        "mit freundlichen grüssen",
        "viele grüße",
        "beste grüße",
        "cordialement",
        "bien cordialement",
        "bien à vous",
        "saludos",
        "un saludo",
        "atentamente",
        "cordiali saluti",
        "met vriendelijke groet",
        "sent from my iphone",
        "sent from my android",
        "--",
        "-- ",
    ];
    OFFS.iter()
        .any(|o| l == *o || l.trim_end_matches([',', '.', '!']) == o.trim_end_matches(','))
        || l.starts_with("sent from my")
}

/// What OCR writes for a letter: `|` for `l` or `I`, a bullet for a separator.
fn clean_line(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j]);
        let next = chars.get(i + 1).copied();
        match c {
            // A bar between letters is an l; at the start of a word before a capital or a dot
            // an I (`|. Smith`); between spaces a separator.
            '|' if prev.is_some_and(char::is_alphabetic) => out.push('l'),
            '|' if next.is_some_and(|n| n.is_alphabetic() || n == '.') => out.push('I'),
            '|' | '•' | '·' | '■' | '▪' => out.push(' '),
            '‘' | '’' | '`' => out.push('\''),
            '—' | '–' => out.push('-'),
            _ => out.push(c),
        }
    }
    out.split_whitespace()
        .map(|word| {
            // A capital I read as l: no word starts `lr`, `ln`, `lm`… (`lronwood`).
            let mut chars = word.chars();
            match (chars.next(), chars.next()) {
                (Some('l'), Some(second))
                    if "bcdfghjkmnpqrstvwxz".contains(second)
                        && word[1..].chars().all(|c| c.is_lowercase()) =>
                {
                    format!("I{}", &word[1..])
                }
                _ => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn email_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(
            r"(?i)[a-z0-9._%+'-]+\s?(?:@|\(at\)|\[at\])\s?[a-z0-9-]+(?:\s?\.[a-z0-9-]+)*\s?\.[a-z]{2,}\b",
        )
        .expect("email pattern")
    })
}

fn url_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        Regex::new(r"(?i)\b(?:https?://\S+|www\.[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:/\S*)?|[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|co|de|fr|es|it|nl|eu|uk|ch|at|be|ai|app|dev|tech|biz|info)(?:/\S*)?)\b/?")
            .expect("url pattern")
    })
}

/// A postcode line: `San Francisco, CA 94105`, `London EC1A 1BB`, `10117 Berlin`,
/// `D-80331 München`, `1012 AB Amsterdam`. Gives (locality, region, postcode, country).
fn postcode_line(line: &str) -> Option<(String, Option<String>, String, Option<&'static str>)> {
    static RES: OnceLock<[Regex; 4]> = OnceLock::new();
    let [us, uk, first, nl] = RES.get_or_init(|| {
        [
            Regex::new(r"^(\p{L}[\p{L} .'-]+?),?\s+([A-Z]{2})\s+(\d{5}(?:-\d{4})?)$").unwrap(),
            Regex::new(r"^(\p{L}[\p{L} .'-]+?),?\s+([A-Z]{1,2}\d[A-Z\d]?)\s?([\dO][A-Z]{2})$")
                .unwrap(),
            Regex::new(r"^(?:([A-Z])-\s?)?(\d{5})\s+(\p{L}[\p{L} .'-]+)$").unwrap(),
            Regex::new(r"^(?:([A-Z]{1,2})-\s?)?(\d{4}(?:\s?[A-Z]{2})?)\s+(\p{L}[\p{L} .'-]+)$")
                .unwrap(),
        ]
    });
    let line = line.trim().trim_end_matches([',', '.']);
    if let Some(c) = us.captures(line) {
        return Some((c[1].into(), Some(c[2].into()), c[3].into(), Some("US")));
    }
    if let Some(c) = uk.captures(line) {
        // The inward code starts with a digit: an O there is a 0 OCR misread.
        let inward = c[3].replacen('O', "0", 1);
        return Some((c[1].into(), None, format!("{} {inward}", &c[2]), Some("GB")));
    }
    for (re, country_of) in [
        (
            first,
            &[("D", "DE"), ("F", "FR"), ("E", "ES"), ("I", "IT")][..],
        ),
        (
            nl,
            &[("A", "AT"), ("CH", "CH"), ("NL", "NL"), ("B", "BE")][..],
        ),
    ] {
        if let Some(c) = re.captures(line) {
            let country = c.get(1).and_then(|p| {
                country_of
                    .iter()
                    .find(|(code, _)| *code == p.as_str())
                    .map(|(_, cc)| *cc)
            });
            return Some((c[3].into(), None, c[2].into(), country));
        }
    }
    None
}

/// Whether a line reads as a street: a number and a street word.
fn is_street(line: &str) -> bool {
    const WORDS: &[&str] = &[
        "street",
        "st",
        "avenue",
        "ave",
        "road",
        "rd",
        "boulevard",
        "blvd",
        "lane",
        "ln",
        "drive",
        "dr",
        "way",
        "suite",
        "floor",
        "square",
        "place",
        "court",
        "straße",
        "strasse",
        "str",
        "weg",
        "platz",
        "allee",
        "gasse",
        "ring",
        "damm",
        "ufer",
        "rue",
        "av",
        "bd",
        "chemin",
        "allée",
        "quai",
        "calle",
        "c",
        "avenida",
        "avda",
        "paseo",
        "plaza",
        "via",
        "viale",
        "piazza",
        "corso",
        "straat",
        "laan",
        "plein",
        "gracht",
        "rua",
    ];
    let has_digit = line.chars().any(|c| c.is_ascii_digit());
    let words = line
        .split(|c: char| !c.is_alphanumeric() && c != 'ß')
        .map(str::to_lowercase);
    let has_word = words.clone().any(|w| WORDS.contains(&w.as_str()))
        || words.clone().any(|w| {
            ["straße", "strasse", "str", "weg", "platz", "allee", "gasse"]
                .iter()
                .any(|end| w.len() > end.len() + 2 && w.ends_with(end))
        });
    has_digit && has_word
}

/// The digits of a run of phone characters, with OCR's letters for digits read back (`O` for
/// 0, `l` for 1) where the rest is digits.
fn phone_chars(token: &str) -> Option<String> {
    let digits = token.chars().filter(char::is_ascii_digit).count();
    let mut out = String::new();
    for c in token.chars() {
        match c {
            '0'..='9' | '+' | '(' | ')' | '.' | '-' | '/' => out.push(c),
            'O' | 'o' if digits >= 2 => out.push('0'),
            'l' | 'I' if digits >= 2 => out.push('1'),
            _ => return None,
        }
    }
    Some(out)
}

/// The numbers of a line, each with the kind its label names.
fn phones(line: &str) -> Vec<(String, Option<&'static str>)> {
    let mut found = Vec::new();
    let mut label: Option<&'static str> = None;
    let mut number: Vec<String> = Vec::new();
    // A number right after a word that is no label (`ATT-2026-004512`, `Booth 12 345 678`) is
    // a code or a reference, not a phone.
    let mut stray = false;
    let flush =
        |number: &mut Vec<String>, label: Option<&'static str>, stray: bool, found: &mut Vec<_>| {
            let text = number.join(" ");
            let digits = text.chars().filter(char::is_ascii_digit).count();
            let starts_well =
                text.starts_with(|c: char| c.is_ascii_digit() || c == '+' || c == '(');
            if (7..=16).contains(&digits) && starts_well && (label.is_some() || !stray) {
                found.push((text.trim_matches(['.', '-', '/']).to_string(), label));
            }
            number.clear();
        };
    for token in line.split_whitespace() {
        // `Tel.:+49…` and `M:0151…` are a label and a number in one token.
        let (head, rest) = match token.find(|c: char| c.is_ascii_digit() || c == '+') {
            Some(i) if i > 0 && phone_label(&token[..i]).is_some() => token.split_at(i),
            _ => ("", token),
        };
        if !head.is_empty() {
            flush(&mut number, label, stray, &mut found);
            label = phone_label(head);
        }
        if let Some(kind) = phone_label(rest) {
            flush(&mut number, label, stray, &mut found);
            label = Some(kind);
            continue;
        }
        match phone_chars(rest) {
            Some(chars) if !chars.is_empty() => number.push(chars),
            _ => {
                flush(&mut number, label, stray, &mut found);
                label = None;
                stray = rest.chars().any(char::is_alphanumeric);
            }
        }
    }
    flush(&mut number, label, stray, &mut found);
    found
}

/// Whether a line names a company: a legal suffix (`GmbH`, `Inc.`, `S.L.`), or the email's
/// domain written in it.
fn is_organization(line: &str, domains: &[String]) -> bool {
    if crate::normalize::org::has_legal_suffix(line) {
        return true;
    }
    let folded = fold(line);
    domains
        .iter()
        .any(|d| d.len() >= 4 && folded.contains(d.as_str()))
}

/// Whether a word could be part of a person's name as printed.
fn is_name_word(word: &str) -> bool {
    let first = word.chars().next();
    first.is_some_and(char::is_uppercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '.'))
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 1
}

/// A card's lines split where a separator stands between two parts of one line (`Head of
/// Partnerships | Acme Ltd`, `T +44 … • M +44 …`), as signatures and cards print them.
fn segments(lines: &[Line]) -> Vec<Line> {
    let mut out = Vec::new();
    for line in lines {
        let mut rest = line.text.as_str();
        let mut parts = Vec::new();
        while let Some(at) = [" | ", " • ", " · ", " ▪ ", " ■ "]
            .iter()
            .filter_map(|sep| rest.find(sep).map(|i| (i, sep.len())))
            .min()
        {
            parts.push(&rest[..at.0]);
            rest = &rest[at.0 + at.1..];
        }
        parts.push(rest);
        for part in parts.into_iter().filter(|p| !p.trim().is_empty()) {
            out.push(Line {
                text: part.trim().to_string(),
                ..line.clone()
            });
        }
    }
    out
}

/// Parses a card's lines.
pub fn parse(lines: &[Line]) -> Vec<Reading> {
    let lines = &segments(lines)[..];
    let mut readings = Vec::new();
    let cleaned: Vec<String> = lines.iter().map(|l| clean_line(&l.text)).collect();
    let mut used = vec![false; lines.len()];
    let conf = |i: usize| lines[i].confidence;
    let push = |readings: &mut Vec<Reading>, i: usize, field: Field, value: String, kind| {
        readings.push(Reading {
            line: i,
            field,
            value,
            kind,
            confidence: conf(i),
            label_country: None,
        });
    };
    for (i, line) in cleaned.iter().enumerate() {
        if is_sign_off(line) || line.chars().all(|c| !c.is_alphanumeric()) {
            used[i] = true;
        }
    }
    // Spaces OCR put into an address or a site (`liam. hughes@redstone. fr`, `www.acme. de`)
    // and a bracket before its `@` (`sgomez(@brisa.com`) are taken out again.
    static SPACED: OnceLock<[Regex; 4]> = OnceLock::new();
    let spaced = SPACED.get_or_init(|| {
        [
            Regex::new(r"((?:@|\bwww\.)[A-Za-z0-9.-]+)\. ([a-z]{2,3})\b").expect("pattern"),
            Regex::new(r"\b([a-z0-9_-]+)\. ([a-z0-9._-]+ ?@)").expect("pattern"),
            Regex::new(r"([a-z0-9])[(\[{|]@").expect("pattern"),
            Regex::new(r"@[)\]}|]([a-z0-9])").expect("pattern"),
        ]
    });
    let cleaned: Vec<String> = cleaned
        .into_iter()
        .map(|l| {
            let l = spaced[0].replace_all(&l, "$1.$2");
            let l = spaced[1].replace_all(&l, "$1.$2");
            let l = spaced[2].replace_all(&l, "$1@");
            spaced[3].replace_all(&l, "@$1").into_owned()
        })
        .collect();
    // Emails and links, wherever they are.
    let mut domains = Vec::new();
    let mut locals = Vec::new();
    for (i, line) in cleaned.iter().enumerate() {
        let mut rest = line.clone();
        for m in email_re().find_iter(line) {
            let email: String = m
                .as_str()
                .replace("(at)", "@")
                .replace("[at]", "@")
                .chars()
                .filter(|c| !c.is_whitespace())
                .collect();
            if let Some((local, domain)) = email.split_once('@') {
                locals.push(local.to_lowercase());
                let host = domain.to_lowercase();
                let labels: Vec<&str> = host.split('.').collect();
                domains.push(fold(registrable(&labels)));
            }
            push(&mut readings, i, Field::Email, email, Kind::default());
            rest = rest.replace(m.as_str(), " ");
        }
        let without_email = rest.clone();
        for m in url_re().find_iter(&without_email) {
            let url = m.as_str().trim_end_matches(['.', ',', ';']).to_string();
            let field = if url.to_lowercase().contains("linkedin.com/") {
                Field::LinkedIn
            } else {
                Field::Url
            };
            push(&mut readings, i, field, url, Kind::default());
            rest = rest.replace(m.as_str(), " ");
        }
        if rest.len() != line.len()
            && rest
                .split_whitespace()
                .all(|w| is_other_label(w) || w.chars().all(|c| !c.is_alphanumeric()))
        {
            used[i] = true;
        }
    }
    // An `@` read as `O`, `Q`, `©`, `(W` or a `0` before a space (`tlopezObrisa.io`): a line
    // that ends in the card's own domain, its web site's or the one its company is named by,
    // with a local part before it.
    if !readings.iter().any(|r| r.field == Field::Email) {
        // The card's site, written as one (`www.`, `https://`).
        let sites: Vec<String> = readings
            .iter()
            .filter(|r| r.field == Field::Url)
            .filter(|r| {
                let lower = r.value.to_lowercase();
                lower.starts_with("www.") || lower.starts_with("http")
            })
            .map(|r| host(&r.value).to_lowercase())
            .filter(|h| h.contains('.'))
            .collect();
        let found = cleaned.iter().enumerate().find_map(|(i, line)| {
            let others: String = cleaned
                .iter()
                .enumerate()
                .filter(|(j, _)| *j != i)
                .map(|(_, l)| fold(l))
                .collect();
            misread_email(line, &sites, &others).map(|email| (i, email))
        });
        if let Some((i, email)) = found {
            // The link read from the same line is the address, not a second site.
            readings.retain(|r| !(r.line == i && r.field == Field::Url));
            if let Some((local, domain)) = email.split_once('@') {
                locals.push(local.to_lowercase());
                let labels: Vec<&str> = domain.split('.').collect();
                domains.push(fold(registrable(&labels)));
            }
            push(&mut readings, i, Field::Email, email, Kind::default());
            used[i] = true;
        }
    }
    // Phone numbers, by shape and label.
    for (i, line) in cleaned.iter().enumerate() {
        if used[i] || line.contains('@') {
            continue;
        }
        let found = phones(line);
        if found.is_empty() {
            continue;
        }
        let digits_in_numbers: usize = found
            .iter()
            .map(|(n, _)| n.chars().filter(char::is_ascii_digit).count())
            .sum();
        let digits_in_line = line.chars().filter(char::is_ascii_digit).count();
        // A street and postcode line has digits too, but not a number's worth in one run.
        if digits_in_numbers * 2 < digits_in_line {
            continue;
        }
        for (number, kind) in found {
            let kind = Kind {
                types: kind.map(|k| vec![k.to_string()]).unwrap_or_default(),
                label: None,
            };
            push(&mut readings, i, Field::Phone, number, kind);
            if let Some(r) = readings.last_mut() {
                r.label_country = label_country(line);
            }
        }
        used[i] = true;
    }
    // The postal address: a postcode line and the street above it.
    for i in 0..cleaned.len() {
        if used[i] {
            continue;
        }
        let Some((locality, region, postcode, country)) = postcode_line(&cleaned[i]) else {
            continue;
        };
        let street = (i > 0 && !used[i - 1] && is_street(&cleaned[i - 1])).then(|| i - 1);
        let address = Address {
            street: street.map(|s| cleaned[s].clone()),
            locality: Some(locality),
            region,
            postcode: Some(postcode),
            country: country.map(String::from),
            ..Address::default()
        };
        let line = street.unwrap_or(i);
        push(
            &mut readings,
            line,
            Field::Address,
            address.encode(),
            Kind {
                types: vec!["work".into()],
                label: None,
            },
        );
        used[i] = true;
        if let Some(s) = street {
            used[s] = true;
        }
    }
    // A street line alone is still an address.
    for i in 0..cleaned.len() {
        if !used[i] && is_street(&cleaned[i]) && phones(&cleaned[i]).is_empty() {
            let address = Address {
                street: Some(cleaned[i].clone()),
                ..Address::default()
            };
            push(
                &mut readings,
                i,
                Field::Address,
                address.encode(),
                Kind {
                    types: vec!["work".into()],
                    label: None,
                },
            );
            used[i] = true;
        }
    }
    // The organization, the title and the name among the lines left.
    let left: Vec<usize> = (0..cleaned.len()).filter(|&i| !used[i]).collect();
    let org = left
        .iter()
        .copied()
        .find(|&i| is_organization(&cleaned[i], &domains) && !is_title(&cleaned[i]));
    // A badge prints the given name and the family name on lines of their own.
    let mut cleaned = cleaned;
    join_name_lines(&mut cleaned, lines, &mut used, org);
    let left: Vec<usize> = left.into_iter().filter(|&i| !used[i]).collect();
    let name = best_name(&cleaned, lines, &left, org, &locals);
    let title = left
        .iter()
        .copied()
        .find(|&i| Some(i) != org && Some(i) != name && is_title(&cleaned[i]));
    for (line, field, value) in [
        (name, Field::FullName, name.map(|i| cleaned[i].clone())),
        (title, Field::Title, title.map(|i| cleaned[i].clone())),
        (
            org,
            Field::Organization,
            org.map(|i| dotted_suffix(&cleaned[i])),
        ),
    ] {
        if let (Some(i), Some(value)) = (line, value) {
            push(&mut readings, i, field, value, Kind::default());
        }
    }
    // No organization line: the largest line left that is none of the others, where the
    // email's domain is a company's (not a mail provider's).
    if org.is_none() {
        let company = left
            .iter()
            .copied()
            .filter(|&i| Some(i) != name && Some(i) != title)
            .filter(|&i| !cleaned[i].chars().any(|c| c.is_ascii_digit()))
            .max_by_key(|&i| lines[i].height);
        // A badge has no email: the line under the name is its company.
        let no_email = domains.is_empty();
        let company_email = readings
            .iter()
            .filter(|r| r.field == Field::Email)
            .filter_map(|r| r.value.rsplit_once('@'))
            .any(|(_, domain)| !crate::normalize::email::is_free_mail(&domain.to_lowercase()));
        if let Some(i) = company
            && (no_email || company_email)
            && lines[i].confidence >= TRUSTED
            && cleaned[i].chars().filter(|c| c.is_alphabetic()).count() >= 2
        {
            push(
                &mut readings,
                i,
                Field::Organization,
                cleaned[i].clone(),
                Kind::default(),
            );
        }
    }
    readings.sort_by_key(|r| r.line);
    fix_initial_in_email(&mut readings);
    corroborate(&mut readings, &locals, &domains);
    // Diacritics that large print lost, put back in the card's language: the one its numbers,
    // address or email say, else the one whose spellings its words have (`Pérez` beside
    // `Andres`). A name is put back in the language its own spelling says first (`Begoña
    // Garcia` on a card of a French company).
    let card_lang = language_country(&readings).map(language_of);
    let name_lang = spelled_language(
        &readings
            .iter()
            .filter(|r| r.field == Field::FullName)
            .cloned()
            .collect::<Vec<_>>(),
    );
    let lang = card_lang.or_else(|| spelled_language(&readings));
    if let Some(name_lang) = name_lang.or(lang) {
        for r in readings.iter_mut().filter(|r| r.field == Field::FullName) {
            r.value = restore_accents(&r.value, name_lang);
        }
    }
    if let Some(lang) = lang {
        for r in &mut readings {
            match r.field {
                Field::Organization | Field::Title => {
                    r.value = restore_accents(&r.value, lang);
                }
                Field::Address => {
                    let mut address = Address::decode(&r.value, &Kind::default());
                    for p in [&mut address.street, &mut address.locality]
                        .into_iter()
                        .flatten()
                    {
                        *p = restore_accents(p, lang);
                    }
                    r.value = address.encode();
                }
                _ => {}
            }
        }
    }
    readings
}

/// Joins a one-word line in the largest print to the one-word line under it (`Sabine` over
/// `Zimmermann`), where both read as name words: the line below is then used.
fn join_name_lines(cleaned: &mut [String], lines: &[Line], used: &mut [bool], org: Option<usize>) {
    let one_word = |k: usize| {
        let words: Vec<&str> = cleaned[k].split_whitespace().collect();
        words.len() == 1
            && is_name_word(words[0])
            && !words[0].contains('.')
            && words[0].chars().count() >= 2
    };
    let tallest = (0..cleaned.len())
        .filter(|&i| !used[i] && lines[i].confidence >= TRUSTED)
        .filter(|&i| cleaned[i].chars().filter(|c| c.is_alphabetic()).count() >= 2)
        .max_by_key(|&i| lines[i].height);
    let Some(i) = tallest else { return };
    let j = i + 1;
    if j < cleaned.len()
        && !used[j]
        && Some(j) != org
        && Some(i) != org
        && one_word(i)
        && one_word(j)
        && !is_title(&cleaned[j])
        && lines[j].height * 3 >= lines[i].height
    {
        cleaned[i] = format!("{} {}", cleaned[i], cleaned[j]);
        used[j] = true;
    }
}

/// A name the email's local part spells, or an organization the email's domain names, is
/// trusted however unsure OCR was of its letters: large bold print with accents reads with
/// low confidence and is right more often than not, and the email says it is the person's or
/// the company's.
fn corroborate(readings: &mut [Reading], locals: &[String], domains: &[String]) {
    let locals: Vec<String> = locals.iter().map(|l| fold(l)).collect();
    let of = |field: Field| -> Vec<String> {
        readings
            .iter()
            .filter(|r| r.field == field && r.confidence >= TRUSTED)
            .flat_map(|r| r.value.split_whitespace().map(fold).collect::<Vec<_>>())
            .collect()
    };
    let names = of(Field::FullName);
    let companies: Vec<String> = readings
        .iter()
        .filter(|r| matches!(r.field, Field::Organization | Field::Url) && r.confidence >= TRUSTED)
        .map(|r| fold(&r.value))
        .collect();
    for r in readings.iter_mut() {
        let spelled = match r.field {
            Field::FullName => r
                .value
                .split_whitespace()
                .map(fold)
                .filter(|w| w.len() >= 3)
                .any(|w| locals.iter().any(|l| l.contains(&w))),
            Field::Organization => {
                let folded = fold(&r.value);
                domains
                    .iter()
                    .any(|d| d.len() >= 4 && folded.contains(d.as_str()))
            }
            // An address whose local part the person's name spells, at the company's domain.
            Field::Email => {
                let (local, domain) = r.value.split_once('@').unwrap_or_default();
                let (local, domain) = (
                    fold(local),
                    fold(registrable(&domain.split('.').collect::<Vec<_>>())),
                );
                let named = names
                    .iter()
                    .any(|w| w.len() >= 3 && local.contains(w.as_str()));
                let company = domain.len() >= 4 && companies.iter().any(|c| c.contains(&domain));
                named && company
            }
            _ => false,
        };
        if spelled {
            r.confidence = r.confidence.max(TRUSTED);
        }
    }
}

/// An email whose local part is an initial and the family name (`imartinez`) where the initial
/// is an `l` read as `i` or the other way round: the name on the card says which.
fn fix_initial_in_email(readings: &mut [Reading]) {
    let Some(name) = readings.iter().find(|r| r.field == Field::FullName) else {
        return;
    };
    let words: Vec<String> = name.value.split_whitespace().map(fold).collect();
    let (Some(given), Some(family)) = (words.first(), words.last()) else {
        return;
    };
    let Some(initial) = given.chars().next() else {
        return;
    };
    for r in readings.iter_mut().filter(|r| r.field == Field::Email) {
        let Some((local, domain)) = r.value.split_once('@') else {
            continue;
        };
        let mut chars = local.chars();
        let first = chars.next().unwrap_or_default().to_ascii_lowercase();
        let slips = ['i', 'l', '1'];
        if chars.as_str().eq_ignore_ascii_case(family)
            && first != initial
            && slips.contains(&first)
            && slips.contains(&initial)
        {
            r.value = format!("{initial}{}@{domain}", chars.as_str());
        }
    }
}

/// An address in a line whose `@` OCR misread: the line ends in a domain (`ironwood.co.uk`)
/// that is the card's web site's or names its company (`others`, the card's other lines
/// folded), after a local part and one or two characters that stand for the `@`.
fn misread_email(line: &str, sites: &[String], others: &str) -> Option<String> {
    static DOMAIN: OnceLock<Regex> = OnceLock::new();
    let domain_re =
        DOMAIN.get_or_init(|| Regex::new(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}$").unwrap());
    let line = line.trim().trim_end_matches(['.', ',', ';']);
    let lower = line.to_lowercase();
    if lower.starts_with("www.") || lower.contains("//") || line.contains('@') {
        return None;
    }
    // The domain: a site's host the line ends with, else the lower-case domain it ends with.
    let host = sites
        .iter()
        .find(|s| lower.len() > s.len() && lower.ends_with(s.as_str()))
        .cloned()
        .or_else(|| domain_re.find(line).map(|m| m.as_str().to_string()))?;
    let labels: Vec<&str> = host.split('.').collect();
    let name = fold(registrable(&labels));
    let known = sites.contains(&host) || (name.len() >= 4 && others.contains(&name));
    if !known {
        return None;
    }
    let before = &line[..line.len() - host.len()];
    // `jimenez560 mirador.es`: a `0` or `O` with a space after it is the `@`.
    let local = match before.strip_suffix(' ') {
        Some(rest) => {
            let rest = rest.trim_end();
            rest.strip_suffix(['0', 'O', 'o', 'Q', '©', '®'])
                .unwrap_or(rest)
        }
        None => misread_at(before)?,
    };
    let local = local.rsplit(' ').next().unwrap_or_default();
    let ok = local.len() >= 2
        && local
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    ok.then(|| format!("{local}@{}", &line[line.len() - host.len()..]))
}

/// The local part of an address whose `@` OCR read as one or two other characters: what is
/// left of `before` when up to two characters that are no letter of a lower-case local part
/// (`O`, `(W`, `©`) are taken off its end.
fn misread_at(before: &str) -> Option<&str> {
    let mut local = before;
    for _ in 0..2 {
        let last = local.chars().last()?;
        if last.is_ascii_lowercase() || last.is_ascii_digit() {
            break;
        }
        local = &local[..local.len() - last.len_utf8()];
    }
    let ok = local.len() >= 2
        && local.len() < before.len()
        && local
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '.' | '_' | '-'));
    ok.then_some(local)
}

/// A legal form written with dots whose last dot OCR lost (`S.A` → `S.A.`).
fn dotted_suffix(line: &str) -> String {
    let last = line.rsplit(' ').next().unwrap_or_default();
    let bytes = last.as_bytes();
    let dotted = bytes.len() >= 3
        && bytes.len() % 2 == 1
        && bytes.iter().enumerate().all(|(i, b)| {
            if i % 2 == 0 {
                b.is_ascii_alphabetic()
            } else {
                *b == b'.'
            }
        });
    if dotted {
        format!("{line}.")
    } else {
        line.to_string()
    }
}

/// The name a company registered of a host's labels: `acme` of `acme.com`, `mail.acme.de` and
/// `acme.co.uk`.
fn registrable<'a>(labels: &[&'a str]) -> &'a str {
    const SECOND_LEVEL: &[&str] = &["co", "com", "org", "net", "ac", "gov", "gob", "edu"];
    match labels {
        [] => "",
        [only] => only,
        [.., name, second, _] if SECOND_LEVEL.contains(second) => name,
        [.., name, _] => name,
    }
}

/// The host of a link, without `www.` and a scheme.
fn host(url: &str) -> String {
    let url = url.trim();
    let rest = url
        .split_once("://")
        .map_or(url, |(_, rest)| rest)
        .trim_start_matches("www.");
    rest.split(['/', '?', '#'])
        .next()
        .unwrap_or_default()
        .to_string()
}

fn is_title(line: &str) -> bool {
    crate::normalize::title::looks_like_title(line)
}

/// The line that names the person: two to four name words, no digits; the one whose words the
/// email's local part spells wins, then one that starts with a known given name, then the
/// largest print.
fn best_name(
    cleaned: &[String],
    lines: &[Line],
    left: &[usize],
    org: Option<usize>,
    locals: &[String],
) -> Option<usize> {
    let tallest = left
        .iter()
        .map(|&i| lines[i].height)
        .max()
        .unwrap_or(0)
        .max(1);
    left.iter()
        .copied()
        .filter(|&i| Some(i) != org)
        .filter_map(|i| {
            let line = &cleaned[i];
            let words: Vec<&str> = line.split_whitespace().collect();
            if !(2..=5).contains(&words.len())
                || line.chars().any(|c| c.is_ascii_digit() || c == '@')
                || !words.iter().all(|w| is_name_word(w) || is_particle(w))
                || crate::normalize::org::has_legal_suffix(line)
            {
                return None;
            }
            let folded: Vec<String> = words.iter().map(|w| fold(w)).collect();
            let mut score = 0i32;
            let in_email = folded
                .iter()
                .filter(|w| w.len() >= 3)
                .filter(|w| locals.iter().any(|l| fold(l).contains(w.as_str())))
                .count();
            score += 6 * in_email.min(2) as i32;
            // An initial and a family name: `jdoe`.
            if in_email == 0
                && let (Some(first), Some(last)) = (folded.first(), folded.last())
                && locals.iter().any(|l| {
                    let l = fold(l);
                    first.get(..1).is_some_and(|f| l == format!("{f}{last}"))
                })
            {
                score += 8;
            }
            if is_given_name(&folded[0]) {
                score += 4;
            }
            if is_title(line) {
                score -= 6;
            }
            score += (4 * lines[i].height / tallest) as i32;
            Some((score, std::cmp::Reverse(i), i))
        })
        .max()
        .map(|(_, _, i)| i)
}

/// A particle of a family name (`van`, `de`, `bin`), or Arabic `al` written apart.
fn is_particle(word: &str) -> bool {
    crate::normalize::name::is_particle(word) || word.eq_ignore_ascii_case("al")
}

/// The country a card is from, as its postal address or its phone numbers say, with what said
/// it.
pub fn country(readings: &[Reading]) -> Option<(&'static str, &'static str)> {
    match country_and_language(readings)? {
        // A label's language (`Handy 0176 62082004`) or the email's domain (`.de`) says where
        // the numbers are from where they are all numbers of that country as it writes them,
        // with the trunk `0` of the countries that dial one.
        (cc, from @ ("phone labels" | "email domain")) => {
            let region = crate::normalize::phone::region_of(cc)?;
            let trunk = matches!(cc, "DE" | "AT" | "CH" | "FR" | "BE" | "NL" | "GB" | "IE");
            let phones: Vec<&Reading> = readings
                .iter()
                .filter(|r| r.field == Field::Phone)
                .collect();
            let national = phones
                .iter()
                .any(|r| !r.value.trim_start().starts_with('+'));
            let all_theirs = phones.iter().all(|r| {
                let first = r.value.trim_start_matches('(').chars().next();
                let national_ok = !trunk || matches!(first, Some('0' | '+'));
                national_ok && crate::normalize::phone::normalize(&r.value, region).is_ok()
            });
            (national && all_theirs).then_some((cc, from))
        }
        found => Some(found),
    }
}

/// [`country`], or the country of the email's domain (`.de`): enough to choose the language the
/// card is read in, not to say where its phone numbers are.
pub fn language_country(readings: &[Reading]) -> Option<&'static str> {
    country_and_language(readings).map(|(cc, _)| cc)
}

fn country_and_language(readings: &[Reading]) -> Option<(&'static str, &'static str)> {
    for r in readings.iter().filter(|r| r.field == Field::Address) {
        let address = Address::decode(&r.value, &Kind::default());
        if let Some(cc) = address.country.as_deref().and_then(known_country) {
            return Some((cc, "address"));
        }
        let street = address.street.as_deref().unwrap_or_default().to_lowercase();
        let by_street = [
            (
                &[
                    "straße", "strasse", "str.", "weg ", "platz", "allee", "gasse",
                ][..],
                "DE",
            ),
            (
                &[
                    "rue ",
                    "avenue ",
                    "boulevard ",
                    "allée ",
                    "chemin ",
                    "quai ",
                ][..],
                "FR",
            ),
            (
                &["calle ", "avenida ", "paseo ", "plaza ", "avda"][..],
                "ES",
            ),
            (&["via ", "viale ", "piazza ", "corso "][..], "IT"),
            (&["straat", "laan ", "plein", "gracht"][..], "NL"),
        ];
        if address.postcode.as_deref().is_some_and(|p| p.len() == 5)
            && let Some((_, cc)) = by_street
                .iter()
                .find(|(words, _)| words.iter().any(|w| format!("{street} ").contains(w)))
        {
            return Some((cc, "address"));
        }
    }
    let mut calling: Vec<&'static str> = readings
        .iter()
        .filter(|r| r.field == Field::Phone)
        .filter_map(|r| country_of_number(&r.value))
        .collect();
    calling.dedup();
    if let [cc] = calling.as_slice() {
        return Some((cc, "phone numbers"));
    }
    let mut labels: Vec<&'static str> = readings.iter().filter_map(|r| r.label_country).collect();
    labels.dedup();
    if let [cc] = labels.as_slice() {
        return Some((cc, "phone labels"));
    }
    readings
        .iter()
        .filter(|r| r.field == Field::Email)
        .find_map(|r| {
            let tld = r.value.rsplit('.').next()?.to_ascii_lowercase();
            known_country(&tld).filter(|cc| *cc != "US")
        })
        .map(|cc| (cc, "email domain"))
}

/// The countries whose cards rolo reads in their own language, by ISO code or top-level domain.
fn known_country(code: &str) -> Option<&'static str> {
    const CODES: &[&str] = &[
        "US", "GB", "IE", "DE", "AT", "CH", "FR", "BE", "ES", "IT", "NL", "PT", "CA", "AU",
    ];
    let upper = code.trim().to_ascii_uppercase();
    let upper = if upper == "UK" { "GB".into() } else { upper };
    CODES.iter().find(|c| **c == upper).copied()
}

/// The country of a number written with its calling code (`+49 …`), or in a national format
/// only one country writes: France's five pairs (`01 42 68 53 00`), Spain's nine digits in
/// threes (`912 345 678`).
fn country_of_number(number: &str) -> Option<&'static str> {
    let groups: Vec<&str> = number.split([' ', '.']).filter(|g| !g.is_empty()).collect();
    let all_digits = groups.iter().all(|g| g.chars().all(|c| c.is_ascii_digit()));
    if all_digits
        && groups.len() == 5
        && groups.iter().all(|g| g.len() == 2)
        && groups[0].starts_with('0')
    {
        return Some("FR");
    }
    if all_digits
        && groups.len() == 3
        && groups.iter().all(|g| g.len() == 3)
        && groups[0].starts_with(['6', '7', '8', '9'])
    {
        return Some("ES");
    }
    let digits: String = number
        .trim_start()
        .strip_prefix('+')
        .or_else(|| number.trim_start().strip_prefix("00"))?
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    const CODES: &[(&str, &str)] = &[
        ("1", "US"),
        ("44", "GB"),
        ("353", "IE"),
        ("49", "DE"),
        ("43", "AT"),
        ("41", "CH"),
        ("33", "FR"),
        ("32", "BE"),
        ("34", "ES"),
        ("39", "IT"),
        ("31", "NL"),
        ("351", "PT"),
    ];
    CODES
        .iter()
        .filter(|(code, _)| digits.starts_with(code))
        .max_by_key(|(code, _)| code.len())
        .map(|(_, cc)| *cc)
}

/// Names and places spelt with diacritics in a language, as Tesseract drops them from large
/// bold print (`Sören` read `Soren`): a word read without them, on a card of that language,
/// gets them back. Common given names, family names and cities; a word is restored only where
/// its unaccented form is no spelling of its own in that language (`Jose` stays on an English
/// card, `Muller` is never touched: `Mueller`/`Müller` both exist).
const ACCENTED: &[(&str, &[&str])] = &[
    (
        "deu",
        &[
            "Jürgen",
            "Jörg",
            "Sören",
            "Björn",
            "Käthe",
            "Günter",
            "Günther",
            "Jörn",
            "Bärbel",
            "Dörte",
            "Jürgens",
            "Schröder",
            "Schäfer",
            "Krüger",
            "Köhler",
            "Bäumer",
            "Böhm",
            "Jäger",
            "Möller",
            "Förster",
            "Gärtner",
            "Köster",
            "Hübner",
            "Kühn",
            "Löffler",
            "Köln",
            "München",
            "Düsseldorf",
            "Nürnberg",
            "Zürich",
            "Göttingen",
            "Lübeck",
            "Münster",
            "Saarbrücken",
            "Würzburg",
            "Osnabrück",
            "Fürth",
            "Tübingen",
            "Jülich",
            "Königsallee",
        ],
    ),
    (
        "fra",
        &[
            "Hélène",
            "François",
            "Françoise",
            "Amélie",
            "Jérôme",
            "Céline",
            "Benoît",
            "Élodie",
            "Loïc",
            "Stéphane",
            "Anaïs",
            "Chloé",
            "Zoé",
            "Léa",
            "Théo",
            "Clément",
            "Gaëlle",
            "Noël",
            "Raphaël",
            "Michaël",
            "Maël",
            "Inès",
            "Agnès",
            "Frédéric",
            "Sébastien",
            "Jérémy",
            "Cédric",
            "Valérie",
            "Aurélie",
            "Mélanie",
            "Émilie",
            "Hervé",
            "Rémi",
            "Lefèvre",
            "Lemaître",
            "Bérenger",
            "Genève",
            "Orléans",
            "Besançon",
            "Nîmes",
            "Cévennes",
            "Lumière",
            "Honoré",
            "République",
            "Système",
            "Systèmes",
            "Énergie",
            "Société",
            "Générale",
        ],
    ),
    (
        "spa",
        &[
            "José",
            "María",
            "Lucía",
            "Sofía",
            "Inés",
            "Álvaro",
            "Raúl",
            "Tomás",
            "Andrés",
            "Íñigo",
            "Begoña",
            "Jesús",
            "Ramón",
            "Joaquín",
            "Martín",
            "Sebastián",
            "Adrián",
            "Rubén",
            "Óscar",
            "Víctor",
            "Héctor",
            "Iván",
            "Nicolás",
            "Julián",
            "Fernández",
            "Martínez",
            "López",
            "Gómez",
            "Muñoz",
            "Jiménez",
            "Pérez",
            "Sánchez",
            "Ibáñez",
            "Núñez",
            "González",
            "Rodríguez",
            "Hernández",
            "Díaz",
            "Álvarez",
            "Gutiérrez",
            "Ramírez",
            "Domínguez",
            "Vázquez",
            "Suárez",
            "Ordóñez",
            "Alcalá",
            "Málaga",
            "Córdoba",
            "León",
            "Cádiz",
            "Logroño",
            "Ávila",
            "Alcázar",
            "Logística",
            "Tecnología",
            "Energía",
        ],
    ),
    (
        "por",
        &[
            "João",
            "Conceição",
            "São",
            "Gonçalves",
            "Simões",
            "Magalhães",
        ],
    ),
];

/// A value with the diacritics of [`ACCENTED`] put back, word by word, for a card in `lang`.
fn restore_accents(value: &str, lang: &str) -> String {
    let Some((_, words)) = ACCENTED.iter().find(|(l, _)| *l == lang) else {
        return value.to_string();
    };
    value
        .split(' ')
        .map(|word| {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_empty() {
                return word.to_string();
            }
            // `ü` is read `u`, or `ii` where the dots stand apart; `Núñez` may lose one mark of
            // two, `Lumière` get the wrong one.
            let bare = |w: &str| deunicode::deunicode(w);
            let split = |w: &str| bare(&w.replace('ü', "ii"));
            let same_letters = |w: &str| {
                w.chars().count() == core.chars().count() && bare(w) == bare(core) && w != core
            };
            match words
                .iter()
                .find(|w| bare(w) == core || split(w) == core || same_letters(w))
            {
                Some(accented) => word.replacen(core, accented, 1),
                None => word.to_string(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The one language of [`ACCENTED`] whose accented spellings the card's names and company use
/// as printed (`Pérez`), if only one's are.
fn spelled_language(readings: &[Reading]) -> Option<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    for r in readings
        .iter()
        .filter(|r| matches!(r.field, Field::FullName | Field::Organization))
    {
        for word in r.value.split_whitespace() {
            let core = word.trim_matches(|c: char| !c.is_alphanumeric());
            if core.is_ascii() {
                continue;
            }
            for (lang, words) in ACCENTED {
                if words.contains(&core) && !found.contains(lang) {
                    found.push(lang);
                }
            }
        }
    }
    match found.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// The Tesseract language a card of a country is printed in.
pub fn language_of(country: &str) -> &'static str {
    match country {
        "DE" | "AT" | "CH" => "deu",
        "FR" | "BE" => "fra",
        "ES" => "spa",
        "IT" => "ita",
        "NL" => "nld",
        "PT" => "por",
        _ => "eng",
    }
}

/// The values of a card as fields of a record: those read with confidence as they are, the
/// others kept as written with a problem; the card's whole text as its `card_text`.
pub fn fill(record: &mut RawRecord, readings: Vec<Reading>, text: &str) {
    // Numbers written without their calling code are of the card's country.
    if let Some((cc, from)) = country(&readings) {
        record.push(Field::Country, cc);
        record
            .warnings
            .push(format!("country {cc} taken from the card's {from}"));
    }
    for r in readings {
        if r.confidence < TRUSTED {
            record.push_unsure(
                &r.field,
                &r.value,
                format!(
                    "read by OCR with {:.0}% confidence: check it against the photo",
                    r.confidence.max(0.0)
                ),
            );
        } else {
            record.push_kind(r.field, &r.value, r.kind);
        }
    }
    record.push(Field::Custom("card_text".into()), text);
}

/// Whether a text file reads as one card or signature rather than a table: a few short lines,
/// no tabs, an email or a phone number, and no header of comma-separated columns.
pub fn is_card_text(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().filter(|l| !l.trim().is_empty()).collect();
    if lines.is_empty() || lines.len() > 30 || text.contains('\t') {
        return false;
    }
    let separators = |l: &str| l.matches([',', ';']).count();
    let table_like = lines.len() >= 2
        && separators(lines[0]) >= 2
        && separators(lines[0]) == separators(lines[1]);
    let has_contact = lines
        .iter()
        .any(|l| email_re().is_match(l) || !phones(l).is_empty());
    !table_like && has_contact && lines.iter().all(|l| l.chars().count() <= 200)
}

/// A text's lines as OCR lines read with full confidence.
pub fn text_lines(text: &str) -> Vec<Line> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .enumerate()
        .map(|(i, l)| Line {
            text: l.trim_start_matches('\u{feff}').to_string(),
            confidence: 100.0,
            height: 0,
            top: i as u32,
            left: 0,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Vec<(Field, String, Vec<String>)> {
        parse(&text_lines(text))
            .into_iter()
            .map(|r| (r.field, r.value, r.kind.types))
            .collect()
    }

    fn values(text: &str, field: Field) -> Vec<String> {
        read(text)
            .into_iter()
            .filter(|(f, _, _)| *f == field)
            .map(|(_, v, _)| v)
            .collect()
    }

    #[test]
    fn an_english_card() {
        let card = "Northwind Analytics Inc.\nEmily Whitmore\nVP of Sales\n\
            T (415) 555-0143\nM +1 415 555 0199\nemily.whitmore@northwind.com\nwww.northwind.com\n\
            120 Market Street\nSan Francisco, CA 94105";
        let r = read(card);
        let get = |f: Field| values(card, f);
        assert_eq!(get(Field::FullName), ["Emily Whitmore"]);
        assert_eq!(get(Field::Title), ["VP of Sales"]);
        assert_eq!(get(Field::Organization), ["Northwind Analytics Inc."]);
        assert_eq!(get(Field::Email), ["emily.whitmore@northwind.com"]);
        assert_eq!(get(Field::Url), ["www.northwind.com"]);
        let phones: Vec<_> = r.iter().filter(|(f, _, _)| *f == Field::Phone).collect();
        assert_eq!(phones[0].1, "(415) 555-0143");
        assert_eq!(phones[0].2, ["work"]);
        assert_eq!(phones[1].1, "+1 415 555 0199");
        assert_eq!(phones[1].2, ["cell"]);
        let address = Address::decode(&get(Field::Address)[0], &Kind::default());
        assert_eq!(address.street.as_deref(), Some("120 Market Street"));
        assert_eq!(address.locality.as_deref(), Some("San Francisco"));
        assert_eq!(address.region.as_deref(), Some("CA"));
        assert_eq!(address.postcode.as_deref(), Some("94105"));
    }

    #[test]
    fn phone_labels_in_four_languages() {
        let kinds = |text: &str| -> Vec<Vec<String>> {
            read(text)
                .into_iter()
                .filter(|(f, _, _)| *f == Field::Phone)
                .map(|(_, _, k)| k)
                .collect()
        };
        let w = || vec!["work".to_string()];
        let c = || vec!["cell".to_string()];
        let f = || vec!["fax".to_string()];
        assert_eq!(
            kinds("Tel. +49 30 1234567\nMobil: 0151 23456789\nFax +49 30 1234568"),
            [w(), c(), f()]
        );
        assert_eq!(kinds("Handy +49 176 00080636"), [c()]);
        assert_eq!(
            kinds("Tél. +33 1 42 68 53 00\nPortable 06 12 34 56 78"),
            [w(), c()]
        );
        assert_eq!(kinds("Tel. 912 345 678\nMóvil +34 612 345 678"), [w(), c()]);
        assert_eq!(kinds("T +44 20 7946 0958 | M +44 7911 123456"), [w(), c()]);
        assert_eq!(kinds("Direct: 212.555.0143"), [w()]);
    }

    #[test]
    fn a_german_card_with_its_address() {
        let card = "Sonnenfeld Maschinenbau GmbH\nJürgen Schröder\nVertriebsleiter\n\
            Hauptstraße 12\n10117 Berlin\nj.schroeder@sonnenfeld.de";
        assert_eq!(values(card, Field::FullName), ["Jürgen Schröder"]);
        assert_eq!(values(card, Field::Title), ["Vertriebsleiter"]);
        let address = Address::decode(&values(card, Field::Address)[0], &Kind::default());
        assert_eq!(address.street.as_deref(), Some("Hauptstraße 12"));
        assert_eq!(address.postcode.as_deref(), Some("10117"));
        assert_eq!(address.locality.as_deref(), Some("Berlin"));
    }

    #[test]
    fn the_name_is_the_line_the_email_spells() {
        // Both lines are two capitalised words; the email says which is the person.
        let card = "Bluepeak Systems\nSales Team\nHannah Fletcher\nhfletcher@bluepeak.io";
        assert_eq!(values(card, Field::FullName), ["Hannah Fletcher"]);
        assert_eq!(values(card, Field::Organization), ["Bluepeak Systems"]);
    }

    #[test]
    fn ocr_slips_in_a_name_and_an_email() {
        assert_eq!(clean_line("|. Smith"), "I. Smith");
        assert_eq!(clean_line("Wi|liam Carter"), "William Carter");
        assert_eq!(
            values("J. Doe\njane.doe @ acme.com", Field::Email),
            ["jane.doe@acme.com"]
        );
    }

    #[test]
    fn diacritics_lost_in_large_print_come_back_in_the_cards_language() {
        let card = "Soren Bäumer\nHandy +49 151 07500562\nHauptstraße 12\n50667 Koln";
        assert_eq!(values(card, Field::FullName), ["Sören Bäumer"]);
        let address = Address::decode(&values(card, Field::Address)[0], &Kind::default());
        assert_eq!(address.locality.as_deref(), Some("Köln"));
        // On an English card, José is Jose.
        assert_eq!(
            values("Jose Carter\nT +1 415 555 0143", Field::FullName),
            ["Jose Carter"]
        );
        assert_eq!(
            values("Chloe Reyes\nchloe@harbor.co.uk", Field::FullName),
            ["Chloe Reyes"]
        );
        // A mark of two lost, the wrong one, and a language the name's own spelling says.
        assert_eq!(
            values("Lucía Núnez\nTel. 912 345 678", Field::FullName),
            ["Lucía Núñez"]
        );
        assert_eq!(
            values("Andres Pérez\nLevante S.A.", Field::FullName),
            ["Andrés Pérez"]
        );
    }

    #[test]
    fn a_badge_name_on_two_lines() {
        let mut lines =
            text_lines("Sabine\nZimmermann\nWaldmann Maschinenbau GmbH\nATT-2026-006076");
        lines[0].height = 140;
        lines[1].height = 90;
        lines[2].height = 60;
        let r = parse(&lines);
        let get = |f: Field| {
            r.iter()
                .filter(|x| x.field == f)
                .map(|x| x.value.clone())
                .collect::<Vec<_>>()
        };
        assert_eq!(get(Field::FullName), ["Sabine Zimmermann"]);
        assert_eq!(get(Field::Organization), ["Waldmann Maschinenbau GmbH"]);
        // An attendee number is no phone.
        assert!(get(Field::Phone).is_empty());
        assert!(get(Field::Phone).is_empty());
        assert!(phones("ATT -2026-006076").is_empty());
        assert!(phones("Booth 12 345 678").is_empty());
    }

    #[test]
    fn the_country_of_a_card() {
        let c = |text: &str| country(&parse(&text_lines(text))).map(|(cc, _)| cc);
        assert_eq!(
            c("Lucía Gómez\nCalle de Alcalá, 157\n28702 Valencia\nTel. 915 929 224"),
            Some("ES")
        );
        assert_eq!(c("Stefan Schröder\nTel. +49 30 6690743"), Some("DE"));
        // An email's domain chooses the language; the country of the numbers only where they
        // are that country's as it writes them.
        assert_eq!(c("Amélie Girard\namelie@horizon.fr"), None);
        assert_eq!(
            c("Ute Bäumer\nT 0221 2096113\nM 0151 21053141\nubaumer@waldmann.de"),
            Some("DE")
        );
        assert_eq!(
            c("Hannah Hughes\nFax 212.404.6344\nhannah@bluepeak.de"),
            None
        );
        assert_eq!(
            language_country(&parse(&text_lines("Amélie Girard\namelie@horizon.fr"))),
            Some("FR")
        );
        assert_eq!(c("Emily Carter\nT (415) 555-0143"), None);
        assert_eq!(
            c("Emily Carter\n120 Market Street\nSan Francisco, CA 94105"),
            Some("US")
        );
    }

    #[test]
    fn an_at_sign_read_as_a_letter() {
        let card = "Tomás López\ntlopezObrisa.io\nwww.brisa.io";
        assert_eq!(values(card, Field::Email), ["tlopez@brisa.io"]);
        assert_eq!(values(card, Field::Url), ["www.brisa.io"]);
        let card = "Begoña López\nblopez(Walcazar.es\nwww.alcazar.es";
        assert_eq!(values(card, Field::Email), ["blopez@alcazar.es"]);
        // No site printed: the company's name says the domain is the card's.
        let card = "Ironwood Systems Ltd\nMichael Carter\nmichael.carter(Vironwood.co.uk";
        assert_eq!(
            values(card, Field::Email),
            ["michael.carter@ironwood.co.uk"]
        );
        let card = "Sofía Jiménez\nsofia.jimenez560 mirador.es\nwww.mirador.es";
        assert_eq!(values(card, Field::Email), ["sofia.jimenez56@mirador.es"]);
        // A domain of its own is a link.
        assert_eq!(
            values("Anna Kern\nkernOnet.io", Field::Url),
            ["kernOnet.io"]
        );
    }

    #[test]
    fn ocr_slips_the_rest_of_the_card_corrects() {
        assert_eq!(clean_line("lronwood Analytics"), "Ironwood Analytics");
        assert_eq!(clean_line("lsabel"), "Isabel");
        assert_eq!(clean_line("lena"), "lena");
        let card = "Lucía Martínez\nimartinez@castell.es\nTel. 912 345 678";
        assert_eq!(values(card, Field::Email), ["lmartinez@castell.es"]);
        assert_eq!(
            values(
                "Matthias Zimmermann\nmatthias.zimmermann@waldmann .fr",
                Field::Email
            ),
            ["matthias.zimmermann@waldmann.fr"]
        );
        let card = "Benoit Lefevre\nFax 02 60 42 45 43\nSillage Systemes SAS";
        assert_eq!(values(card, Field::FullName), ["Benoît Lefèvre"]);
        assert_eq!(values(card, Field::Organization), ["Sillage Systèmes SAS"]);
        let card = "Stefan Weber\nHauptstr. 3\n40210 Diisseldorf\nTel. +49 211 123456";
        let address = Address::decode(&values(card, Field::Address)[0], &Kind::default());
        assert_eq!(address.locality.as_deref(), Some("Düsseldorf"));
    }

    #[test]
    fn ocr_slips_in_postcodes_and_addresses() {
        assert_eq!(
            postcode_line("London SE1 OAN").map(|p| p.2),
            Some("SE1 0AN".to_string())
        );
        assert_eq!(
            values("Benoit Lemaitre\nbenoit.lemaitre@sillage. fr", Field::Email),
            ["benoit.lemaitre@sillage.fr"]
        );
        assert_eq!(
            values("Jane Roe\njane@acme.com. Fax +1 212 555 0143", Field::Email),
            ["jane@acme.com"]
        );
        let card = "Liam Hughes\nliam. hughes@redstone. fr\nwww.redstone. fr";
        assert_eq!(values(card, Field::Email), ["liam.hughes@redstone.fr"]);
        assert_eq!(values(card, Field::Url), ["www.redstone.fr"]);
        assert_eq!(
            values("Sofía Gómez\nsgomez(@brisa.com", Field::Email),
            ["sgomez@brisa.com"]
        );
    }

    #[test]
    fn a_badges_company_is_the_line_under_the_name() {
        let mut lines = text_lines("Grace\nReyes\nBrightline Robotics !_td\nATT -2026-299272");
        lines[0].height = 140;
        lines[1].height = 100;
        lines[2].height = 64;
        let r = parse(&lines);
        let org: Vec<_> = r
            .iter()
            .filter(|x| x.field == Field::Organization)
            .collect();
        assert_eq!(org[0].value, "Brightline Robotics !_td");
    }

    #[test]
    fn the_company_an_email_domain_names() {
        assert_eq!(registrable(&["ironwood", "com"]), "ironwood");
        assert_eq!(registrable(&["mail", "acme", "de"]), "acme");
        assert_eq!(registrable(&["acme", "co", "uk"]), "acme");
        let mut lines = text_lines("Ironwood Software Ltd\nThomas Kowalski\nthomas@ironwood.com");
        lines[0].confidence = 37.0;
        let r = parse(&lines);
        let org = r.iter().find(|x| x.field == Field::Organization).unwrap();
        assert!(
            org.confidence >= TRUSTED,
            "the email's domain names the company"
        );
    }

    #[test]
    fn a_legal_form_keeps_its_last_dot() {
        assert_eq!(dotted_suffix("Solana Sistemas S.A"), "Solana Sistemas S.A.");
        assert_eq!(
            dotted_suffix("Solana Sistemas S.A."),
            "Solana Sistemas S.A."
        );
        assert_eq!(dotted_suffix("Bluepeak Corp"), "Bluepeak Corp");
    }

    #[test]
    fn a_label_in_the_cards_language_says_where_its_numbers_are() {
        let card = "Käthe Groß\nFax 089 2047711\nMobil 0176 62082004\nkathe@bergwerk.com";
        assert_eq!(
            country(&parse(&text_lines(card))),
            Some(("DE", "phone labels"))
        );
        // Not where a number is no number of that country.
        let card = "Käthe Groß\nMobil (415) 555-0143";
        assert_eq!(country(&parse(&text_lines(card))), None);
    }

    #[test]
    fn a_name_the_email_spells_is_trusted() {
        let mut lines = text_lines("Begoña Sánchez\nbsanchez@mirador.es");
        lines[0].confidence = 56.0;
        let r = parse(&lines);
        assert_eq!(r[0].field, Field::FullName);
        assert!(r[0].confidence >= TRUSTED);
        let mut lines = text_lines("Begoña Sánchez\nbegona@gmail.com\nTel. 912 345 678");
        lines[0].confidence = 56.0;
        lines[0].text = "Begoña Sánchez".into();
        let r = parse(&lines);
        assert!(r[0].confidence >= TRUSTED, "the given name is in the email");
        let mut lines = text_lines("Anna Kern\ninfo@mirador.es");
        lines[0].confidence = 40.0;
        assert!(parse(&lines)[0].confidence < TRUSTED);
    }

    #[test]
    fn an_email_the_name_and_the_company_spell_is_trusted() {
        let mut lines = text_lines("Bluepeak Systems Ltd\nHannah O'Brien\nhannah @bluepeak.co.uk");
        lines[2].confidence = 34.0;
        let r = parse(&lines);
        let email = r.iter().find(|x| x.field == Field::Email).unwrap();
        assert_eq!(email.value, "hannah@bluepeak.co.uk");
        assert!(email.confidence >= TRUSTED);
        let mut lines = text_lines("Bluepeak Systems Ltd\nHannah O'Brien\nsales @bluepeak.co.uk");
        lines[2].confidence = 34.0;
        assert!(
            parse(&lines)
                .iter()
                .any(|x| x.field == Field::Email && x.confidence < TRUSTED)
        );
    }

    #[test]
    fn a_logo_is_no_title() {
        assert_eq!(
            values("ML\nAnna Kern\nJefa de ventas\nanna@ml.es", Field::Title),
            ["Jefa de ventas"]
        );
    }

    #[test]
    fn a_signature_is_card_text_and_a_csv_is_not() {
        assert!(is_card_text(
            "Best regards,\nJane Doe\nHead of Partnerships | Acme Corp\njane@acme.com\n+1 212 555 0143"
        ));
        assert!(!is_card_text("name,email,phone\nJane,jane@acme.com,555\n"));
        assert!(!is_card_text("just a note with no contact"));
        let sig = "Best regards,\nJane Doe\njane@acme.com";
        assert_eq!(values(sig, Field::FullName), ["Jane Doe"]);
        let sig =
            "Jane Doe\nHead of Partnerships | Acme Corp\nT +1 212 555 0143 | M +1 917 555 0199";
        assert_eq!(values(sig, Field::Title), ["Head of Partnerships"]);
        assert_eq!(values(sig, Field::Organization), ["Acme Corp"]);
        assert_eq!(values(sig, Field::Phone).len(), 2);
    }

    #[test]
    fn a_low_confidence_value_is_kept_with_a_problem() {
        let mut lines = text_lines("Emily Whitmore\nemily@northwind.com");
        lines[1].confidence = 31.0;
        let mut record = RawRecord::new(
            crate::model::Provenance {
                file: "card.jpg".into(),
                sheet: None,
                record: 1,
            },
            String::new(),
        );
        fill(
            &mut record,
            parse(&lines),
            "Emily Whitmore\nemily@northwind.com",
        );
        assert_eq!(record.first(&Field::Email), None);
        let unsure: Vec<_> = record
            .fields
            .iter()
            .filter(|f| f.field == Field::Unsure)
            .collect();
        assert_eq!(unsure.len(), 1);
        assert_eq!(unsure[0].value, "emily@northwind.com");
        assert_eq!(unsure[0].kind().types, ["email"]);
        assert!(unsure[0].kind().label.as_ref().unwrap().contains("31%"));
        assert_eq!(record.first(&Field::FullName), Some("Emily Whitmore"));
    }
}
