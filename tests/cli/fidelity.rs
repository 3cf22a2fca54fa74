//! Nothing is lost on the way out: every data-bearing property of every real vCard of the shared
//! corpus, as a parser that is not rolo's reader reads it (calcard, used directly), is in rolo's
//! vCard 3.0 and 4.0 exports of that file: each of its values, its types and its custom label.

use calcard::common::IanaString;
use calcard::vcard::{VCard, VCardParameterName, VCardParameterValue, VCardProperty, VCardValue};
use calcard::{Entry, Parser};
use sha2::{Digest, Sha256};

use crate::util::{TestDir, root};

/// A property as compared: its name, its types, its label and its values, each folded.
#[derive(Debug)]
struct Prop {
    name: String,
    types: Vec<String>,
    label: Option<String>,
    values: Vec<String>,
    text: String,
}

/// What rolo knowingly does not keep: a custom label on an organization (khard's
/// `item1.ORG` with `item1.X-ABLabel:Work`), which has no place in any export format.
const KNOWN_LOSSES: &[&str] = &["ORG label"];

/// Properties that describe the card or its writer, not the person.
const NOT_DATA: &[&str] = &[
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "REV",
    "X-ABLABEL",
    "X-ABSHOWAS",
    "KIND",
];

/// Letters and digits only, lower-cased: the value whatever its escaping, case and spacing.
fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A date or time as its digits in order: year, month, day, hour, minute, second, offset.
fn date(d: &calcard::common::PartialDateTime) -> String {
    let mut out = String::new();
    if let Some(y) = d.year {
        out.push_str(&format!("{y:04}"));
    }
    for part in [
        d.month,
        d.day,
        d.hour,
        d.minute,
        d.second,
        d.tz_hour,
        d.tz_minute,
    ]
    .into_iter()
    .flatten()
    {
        out.push_str(&format!("{part:02}"));
    }
    out
}

/// `=E5=8D=81` decoded, where a value is quoted-printable text.
fn quoted_printable(v: &str) -> String {
    let encoded = v.matches('=').count() >= 2
        && v.split('=').skip(1).all(|p| {
            p.len() >= 2 && p.as_bytes()[..2].iter().all(u8::is_ascii_hexdigit) || p.is_empty()
        });
    if !encoded {
        return v.to_string();
    }
    let mut bytes = Vec::new();
    let mut rest = v.as_bytes();
    while let Some((&b, tail)) = rest.split_first() {
        match (b, tail) {
            (b'=', [h, l, tail @ ..]) if h.is_ascii_hexdigit() && l.is_ascii_hexdigit() => {
                let hex = [*h, *l];
                bytes.push(u8::from_str_radix(std::str::from_utf8(&hex).unwrap(), 16).unwrap());
                rest = tail;
            }
            (b'=', tail) => rest = tail,
            (b, tail) => {
                bytes.push(b);
                rest = tail;
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

fn cards(text: &str) -> Vec<VCard> {
    let mut parser = Parser::new(text);
    let mut cards = Vec::new();
    loop {
        match parser.entry() {
            Entry::VCard(card) => cards.push(card),
            Entry::Eof => break,
            _ => {}
        }
    }
    cards
}

fn props(card: &VCard) -> Vec<Prop> {
    let label_of = |group: &Option<String>| -> Option<String> {
        let group = group.as_deref()?;
        card.entries.iter().find_map(|e| match (&e.name, &e.group) {
            (VCardProperty::Other(n), Some(g))
                if n.eq_ignore_ascii_case("X-ABLabel") && g.eq_ignore_ascii_case(group) =>
            {
                e.values.iter().find_map(|v| match v {
                    VCardValue::Text(t) => Some(t.clone()),
                    _ => None,
                })
            }
            _ => None,
        })
    };
    card.entries
        .iter()
        .filter(|e| !NOT_DATA.contains(&e.name.as_str().to_ascii_uppercase().as_str()))
        .filter_map(|e| {
            let mut values = Vec::new();
            for v in &e.values {
                match v {
                    // A photo written as base64 text without its `ENCODING` is that image.
                    VCardValue::Text(t) if e.name == VCardProperty::Photo => {
                        use base64::Engine;
                        let clean: String = t.chars().filter(|c| !c.is_whitespace()).collect();
                        match base64::engine::general_purpose::STANDARD.decode(&clean) {
                            Ok(image) => values.push(format!("{:x}", Sha256::digest(image))),
                            Err(_) => values.push(t.clone()),
                        }
                    }
                    VCardValue::Text(t) => values.push(t.clone()),
                    VCardValue::Component(parts) => values.extend(parts.iter().cloned()),
                    // Bytes that are text (a quoted-printable value without a charset) are
                    // that text; an image is its digest.
                    VCardValue::Binary(data) if e.name != VCardProperty::Photo => {
                        values.push(String::from_utf8_lossy(&data.data).into_owned())
                    }
                    VCardValue::Binary(data) => {
                        values.push(format!("{:x}", Sha256::digest(&data.data)))
                    }
                    VCardValue::PartialDateTime(d) => values.push(date(d)),
                    VCardValue::Sex(x) => values.push(x.as_str().into()),
                    VCardValue::Kind(x) => values.push(x.as_str().into()),
                    VCardValue::GramGender(x) => values.push(x.as_str().into()),
                    other => values.push(format!("{other:?}")),
                }
            }
            let tel = e.name == VCardProperty::Tel;
            // calcard leaves a value under a bare `QUOTED-PRINTABLE` parameter (vCard 2.1
            // allows it for `ENCODING=QUOTED-PRINTABLE`) encoded: it is compared decoded.
            let values: Vec<String> = values.iter().map(|v| quoted_printable(v)).collect();
            let values: Vec<String> = values
                .iter()
                .map(|v| v.strip_prefix("tel:").unwrap_or(v))
                // `"Omega" <omega@example.com>`: the address, not the name before it.
                .map(|v| match (v.rfind('<'), v.rfind('>')) {
                    (Some(a), Some(b)) if a < b && e.name == VCardProperty::Email => &v[a + 1..b],
                    _ => v,
                })
                // `+49 (0)40 …`: the zero in brackets is dialled only within the country.
                .map(|v| {
                    if tel {
                        v.replace("(0)", "")
                    } else {
                        v.to_string()
                    }
                })
                .map(|v| fold(&v))
                .filter(|v| !v.is_empty())
                .collect();
            // vCard 4.0 gives an address's formatted text as a parameter.
            let formatted = e.params.iter().find_map(|p| match &p.value {
                VCardParameterValue::Text(t) if p.name.as_str().eq_ignore_ascii_case("LABEL") => {
                    Some(fold(t))
                }
                _ => None,
            });
            let values = match (values.is_empty(), &formatted) {
                (true, Some(f)) => vec![f.clone()],
                (true, None) => return None,
                (false, _) => values,
            };
            let mut types = Vec::new();
            for p in &e.params {
                match (&p.name, &p.value) {
                    (_, VCardParameterValue::Type(t)) => types.push(t.as_str().to_lowercase()),
                    (VCardParameterName::Type, VCardParameterValue::Text(t)) => {
                        types.extend(t.split(',').map(str::to_lowercase))
                    }
                    _ => {}
                }
            }
            // `pref` orders values, `internet` says an address is an e-mail address, and
            // `voice` is a number's type where no other is said (RFC 6350 6.4.1).
            types.retain(|t| !matches!(t.as_str(), "pref" | "internet" | "x400" | "voice"));
            Some(Prop {
                name: e.name.as_str().to_ascii_uppercase(),
                types,
                label: label_of(&e.group),
                text: values.concat() + &formatted.unwrap_or_default(),
                values,
            })
        })
        .collect()
}

/// Whether `out` holds the value `v` of a property named `name`: a phone number by its digits
/// (the export writes E.164, so the national trunk zero and the country code may differ), any
/// other value within the text of a property.
fn holds(out: &Prop, name: &str, v: &str) -> bool {
    if name == "TEL" && !digits(v).is_empty() {
        let d = digits(v);
        let d = d.trim_start_matches('0');
        // `+49 (040) 12345` is `+49 40 12345`: the last seven digits decide.
        let tail = &d[d.len().saturating_sub(7)..];
        return out.name == "TEL" && digits(&out.text).ends_with(tail);
    }
    // A date or time read as one is compared by its digits.
    if v.chars().all(|c| c.is_ascii_digit()) {
        return digits(&out.text).contains(v);
    }
    out.text.contains(v)
}

/// What of `input` the export `output` lost: each missing property with the reason.
fn lost(input: &[Prop], output: &[Prop]) -> Vec<String> {
    let mut lost = Vec::new();
    for p in input {
        for v in &p.values {
            let candidates: Vec<&Prop> = output.iter().filter(|o| holds(o, &p.name, v)).collect();
            if candidates.is_empty() {
                lost.push(format!("{} value {v:?}", p.name));
                continue;
            }
            let typed = matches!(p.name.as_str(), "TEL" | "EMAIL" | "ADR" | "URL" | "IMPP");
            if typed
                && !candidates
                    .iter()
                    .any(|o| p.types.iter().all(|t| o.types.contains(t)))
            {
                lost.push(format!("{} types {:?} of {v:?}", p.name, p.types));
            }
            if let Some(label) = &p.label
                && !candidates.iter().any(|o| o.label.as_ref() == Some(label))
            {
                lost.push(format!("{} label {label:?} of {v:?}", p.name));
            }
        }
    }
    lost
}

/// A corpus file's text: UTF-8, else the encoding its byte order mark names or the one it
/// reads best in (the independent parser reads text; so does a person), each property that
/// names its own `CHARSET` (and is not quoted-printable) read in that charset, as its card says.
fn decoded(bytes: &[u8]) -> String {
    if let Ok(text) = std::str::from_utf8(bytes) {
        return text.to_string();
    }
    let charset = |line: &[u8]| -> Option<(&'static encoding_rs::Encoding, usize)> {
        let colon = line.iter().position(|&b| b == b':')?;
        let head = String::from_utf8_lossy(&line[..colon]).to_ascii_uppercase();
        if head.contains("QUOTED-PRINTABLE") {
            return None;
        }
        let label = head.split(';').find_map(|p| p.strip_prefix("CHARSET="))?;
        Some((encoding_rs::Encoding::for_label(label.as_bytes())?, colon))
    };
    let lines: Vec<&[u8]> = bytes.split_inclusive(|&b| b == b'\n').collect();
    let rest: Vec<u8> = lines
        .iter()
        .filter(|l| charset(l).is_none())
        .flat_map(|l| l.iter().copied())
        .collect();
    let encoding = encoding_rs::Encoding::for_bom(bytes)
        .map(|(e, _)| e)
        .unwrap_or_else(|| {
            if std::str::from_utf8(&rest).is_ok() {
                return encoding_rs::UTF_8;
            }
            let mut detector =
                chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
            detector.feed(&rest, true);
            detector.guess(None, chardetng::Utf8Detection::Allow)
        });
    let mut text = String::new();
    for line in lines {
        match charset(line) {
            Some((own, colon)) => {
                let head = String::from_utf8_lossy(&line[..colon]);
                let head: Vec<&str> = head
                    .split(';')
                    .filter(|p| !p.to_ascii_uppercase().starts_with("CHARSET="))
                    .collect();
                text.push_str(&head.join(";"));
                text.push(':');
                text.push_str(&own.decode_without_bom_handling(&line[colon + 1..]).0);
            }
            None => text.push_str(&encoding.decode_without_bom_handling(line).0),
        }
    }
    text
}

/// Rolo run on `files`, its contacts written in `format`; a format other than vCard is read
/// back and written as vCard 4.0, so that what it kept compares with the cards. Also the cards
/// rejected whole: (file, ordinal).
fn through(test: &TestDir, files: &[String], format: &str) -> (String, Vec<(String, usize)>) {
    let ext = match format {
        "vcf" | "vcf4" => "vcf",
        "jsonl" => "jsonl",
        "xlsx" => "xlsx",
        _ => "csv",
    };
    let out = test.path(&format!("out.{format}.{ext}"));
    let rejects = test.path("rejects.csv");
    let run = |inputs: &[String], output: &std::path::Path, format: &str| {
        let mut args: Vec<String> = vec!["run".into()];
        args.extend(inputs.iter().cloned());
        args.extend([
            "--contacts".into(),
            output.display().to_string(),
            "--contacts-format".into(),
            format.into(),
            "--region".into(),
            "DE".into(),
            "--rejects".into(),
            rejects.display().to_string(),
        ]);
        test.rolo(&args);
    };
    run(files, &out, format);
    let rejected = ::csv::Reader::from_path(&rejects)
        .map(|mut r| {
            r.records()
                .filter_map(|row| {
                    let row = row.ok()?;
                    Some((row.get(0)?.to_string(), row.get(2)?.parse::<usize>().ok()?))
                })
                .collect()
        })
        .unwrap_or_default();
    let card = if ext == "vcf" {
        out
    } else {
        let card = test.path("back.vcf");
        run(&[out.display().to_string()], &card, "vcf4");
        card
    };
    (std::fs::read_to_string(&card).unwrap_or_default(), rejected)
}

#[test]
fn every_corpus_vcard_property_reaches_every_export() {
    let dir = root().join("../shared/corpus/vcard");
    if !dir.is_dir() {
        eprintln!("skipped: {} is absent", dir.display());
        return;
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path().display().to_string())
        .collect();
    files.sort();
    let cards: Vec<Vec<VCard>> = files
        .iter()
        .map(|f| self::cards(&decoded(&std::fs::read(f).unwrap())))
        .collect();
    let test = TestDir::new();
    const FORMATS: [&str; 8] = [
        "vcf",
        "vcf4",
        "jsonl",
        "csv",
        "xlsx",
        "google-csv",
        "outlook-csv",
        "hubspot-csv",
    ];
    let total: usize = cards.iter().flatten().map(|c| props(c).len()).sum();
    let mut rejected = 0;
    let mut summary = Vec::new();
    let mut lost_anywhere = Vec::new();
    for format in FORMATS {
        let (written, rejected_cards) = through(&test, &files, format);
        let output: Vec<Prop> = self::cards(&written).iter().flat_map(props).collect();
        let (mut kept, mut lost_here) = (0, Vec::new());
        rejected = 0;
        for (file, cards) in files.iter().zip(&cards) {
            for (i, card) in cards.iter().enumerate() {
                let input = props(card);
                // A card with nothing to know a person by is in the rejects, whole.
                if rejected_cards.contains(&(file.clone(), i + 1)) {
                    rejected += input.len();
                    continue;
                }
                let missing: Vec<String> = lost(&input, &output)
                    .into_iter()
                    .filter(|m| !KNOWN_LOSSES.iter().any(|k| m.starts_with(k)))
                    // A cell of a workbook holds 32,767 characters: a photo of more than about
                    // 24 KB does not fit (the README says so).
                    .filter(|m| !(format == "xlsx" && m.starts_with("PHOTO value")))
                    .collect();
                kept += input
                    .iter()
                    .filter(|p| {
                        !missing
                            .iter()
                            .any(|m| m.starts_with(&format!("{} ", p.name)))
                    })
                    .count();
                let name = file.rsplit('/').next().unwrap_or_default();
                lost_here.extend(missing.into_iter().map(|m| format!("{name}: {m}")));
            }
        }
        summary.push(format!("{format} {kept}"));
        if !lost_here.is_empty() {
            lost_anywhere.push(format!("{format}:\n  {}", lost_here.join("\n  ")));
        }
    }
    eprintln!(
        "corpus vCard properties: {total}, {rejected} on cards rejected whole; kept: {}",
        summary.join(", ")
    );
    // Every format keeps every property of the cards it was given, with its types and labels:
    // the vCard exports in their own properties, the others in their columns and in the
    // paragraph of vCard lines their notes hold.
    assert!(
        lost_anywhere.is_empty(),
        "lost:\n{}",
        lost_anywhere.join("\n")
    );
}

/// The cells of a workbook's sheets: the file itself records when it was written.
fn workbook_cells(path: &std::path::Path) -> Vec<Vec<String>> {
    use calamine::{Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(path).expect("rolo's workbook");
    let mut rows = Vec::new();
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name).expect("a sheet");
        rows.extend(
            range
                .rows()
                .map(|r| r.iter().map(|c| c.to_string()).collect::<Vec<_>>()),
        );
    }
    rows
}

/// The ids of the contacts of a file, as rolo reads it.
fn ids(test: &TestDir, file: &std::path::Path) -> Vec<String> {
    let out = test.path("ids.jsonl");
    test.rolo_ok(&[
        "run".into(),
        file.display().to_string(),
        "--contacts".into(),
        out.display().to_string(),
        "--region".into(),
        "DE".into(),
    ]);
    let mut ids: Vec<String> = std::fs::read_to_string(&out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    ids.sort();
    ids
}

#[test]
fn every_export_read_back_and_exported_again_is_the_same_file() {
    let corpus = root().join("../shared/corpus");
    if !corpus.is_dir() {
        eprintln!("skipped: {} is absent", corpus.display());
        return;
    }
    let mut inputs: Vec<String> = Vec::new();
    for folder in ["vcard", "csv", "sheets"] {
        let mut files: Vec<_> = std::fs::read_dir(corpus.join(folder))
            .unwrap()
            .map(|e| e.unwrap().path().display().to_string())
            .collect();
        files.sort();
        inputs.extend(files);
    }
    let test = TestDir::new();
    let formats = [
        ("jsonl", "jsonl"),
        ("csv", "csv"),
        ("vcf", "vcf"),
        ("vcf4", "vcf"),
        ("google-csv", "csv"),
        ("outlook-csv", "csv"),
        ("hubspot-csv", "csv"),
        ("xlsx", "xlsx"),
    ];
    let run = |inputs: &[String], out: &std::path::Path, format: &str| {
        let mut args: Vec<String> = vec!["run".into()];
        args.extend(inputs.iter().cloned());
        args.extend(
            [
                "--contacts",
                &out.display().to_string(),
                "--contacts-format",
                format,
                "--region",
                "DE",
            ]
            .map(String::from),
        );
        test.rolo(&args)
    };
    let first = ids(&test, &{
        let all = test.path("all.jsonl");
        run(&inputs, &all, "jsonl");
        all
    });
    for (format, ext) in formats {
        // Each pass reads the file under the same name, as a user who exports over the file
        // they read would: the sources then name the same file.
        let (a, input) = (
            test.path(&format!("a.{ext}")),
            test.path(&format!("in.{ext}")),
        );
        let (b, c) = (
            test.path(&format!("b.{ext}")),
            test.path(&format!("c.{ext}")),
        );
        run(&inputs, &a, format);
        std::fs::copy(&a, &input).unwrap();
        run(&[input.display().to_string()], &b, format);
        std::fs::copy(&b, &input).unwrap();
        run(&[input.display().to_string()], &c, format);
        if format == "xlsx" {
            assert_eq!(workbook_cells(&b), workbook_cells(&c), "{format}");
        } else {
            let (b_text, c_text) = (std::fs::read(&b).unwrap(), std::fs::read(&c).unwrap());
            assert!(
                b_text == c_text,
                "{format}: the second export differs from the first"
            );
        }
        // The same contacts: as many as the corpus gives, with the same ids, each time.
        let (read_a, read_b) = (ids(&test, &a), ids(&test, &b));
        let differ = |x: &[String], y: &[String]| -> Vec<String> {
            x.iter()
                .filter(|i| !y.contains(i))
                .chain(y.iter().filter(|i| !x.contains(i)))
                .cloned()
                .collect()
        };
        assert_eq!(
            read_a.len(),
            first.len(),
            "{format}: contacts of the export"
        );
        assert!(
            read_a == read_b,
            "{format}: contacts read back differ: {:?}",
            differ(&read_a, &read_b)
        );
        // Formats that hold the name as shown keep every contact's id.
        if matches!(format, "jsonl" | "csv" | "vcf" | "vcf4" | "xlsx") {
            assert!(
                read_a == first,
                "{format}: ids differ: {:?}",
                differ(&read_a, &first)
            );
        }
    }
}
