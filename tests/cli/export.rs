//! The contacts export formats, read by parsers that are not rolo's: calcard for vCard,
//! calamine for xlsx, the csv crate for the CSV layouts the address books import.

use calamine::{Data, Reader, Xlsx, open_workbook};
use calcard::vcard::{VCard, VCardProperty};

use crate::util::{TestDir, demo_run, fixture};

/// The demo haul with an event, writing the contacts in `format` to `file` in `dir`.
fn export(dir: &TestDir, file: &str, format: Option<&str>) -> String {
    let path = dir.path(file).display().to_string();
    let mut args = demo_run(&["--contacts", &path]);
    if let Some(format) = format {
        args.extend(["--contacts-format".to_string(), format.to_string()]);
    }
    dir.rolo_ok(&args);
    path
}

fn cards(text: &str) -> Vec<VCard> {
    let mut parser = calcard::Parser::new(text);
    let mut cards = Vec::new();
    loop {
        match parser.entry() {
            calcard::Entry::VCard(card) => cards.push(card),
            calcard::Entry::Eof => break,
            other => panic!("calcard could not read rolo's vCard: {other:?}"),
        }
    }
    cards
}

fn texts(card: &VCard, property: VCardProperty) -> Vec<String> {
    card.entries
        .iter()
        .filter(|e| e.name == property)
        .map(|e| {
            e.values
                .iter()
                .filter_map(|v| v.as_text().map(str::to_string))
                .collect::<Vec<_>>()
                .join(";")
        })
        .collect()
}

#[test]
fn vcards_are_folded_escaped_and_complete() {
    for (format, version) in [(None, "3.0"), (Some("vcf4"), "4.0")] {
        let dir = TestDir::new();
        let path = export(&dir, "contacts.vcf", format);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(&format!("BEGIN:VCARD\r\nVERSION:{version}\r\n")));
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
            assert!(!line.contains('\n'), "a bare line feed in {line:?}");
        }
        let cards = cards(&text);
        assert_eq!(cards.len(), 18, "one card per contact");
        let maria = cards
            .iter()
            .find(|c| texts(c, VCardProperty::Fn) == ["Maria Gonzalez"])
            .expect("Maria's card");
        // Both addresses, the badge's first; the note with its semicolons intact, and the
        // event in the note and the categories.
        assert_eq!(
            texts(maria, VCardProperty::Email),
            ["maria.gonzalez@brightwave.io", "maria.g.personal@gmail.com"]
        );
        let note = texts(maria, VCardProperty::Note).join("");
        assert!(note.contains("loved the audit trail"), "{note}");
        assert!(note.contains("Saw the live demo; loved"), "{note}");
        assert!(note.ends_with("Met at Expo 2026 (2026-03-10)."), "{note}");
        assert_eq!(texts(maria, VCardProperty::Categories), ["Expo 2026"]);
        // The UID is stable from one export to the next.
        let again = TestDir::new();
        let second = std::fs::read_to_string(export(&again, "contacts.vcf", format)).unwrap();
        let uids = |t: &str| -> Vec<String> {
            t.lines()
                .filter(|l| l.starts_with("UID:"))
                .map(str::to_string)
                .collect()
        };
        assert_eq!(uids(&text), uids(&second));
        assert!(uids(&text)[0].starts_with("UID:urn:uuid:"));
    }
}

#[test]
fn a_year_less_birthday_is_written_as_each_version_expects() {
    let dir = TestDir::new();
    let v3 = std::fs::read_to_string(export(&dir, "v3.vcf", None)).unwrap();
    let v4 = std::fs::read_to_string(export(&dir, "v4.vcf", Some("vcf4"))).unwrap();
    // Daniel Okafor's birthday is known without its year.
    assert!(
        v3.contains("BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-17\r\n"),
        "{v3}"
    );
    assert!(v4.contains("BDAY:--0517\r\n"), "{v4}");
}

#[test]
fn the_workbook_keeps_phones_as_text_dates_as_dates_and_has_the_worklist() {
    let dir = TestDir::new();
    let path = export(&dir, "contacts.xlsx", None);
    let mut book: Xlsx<_> = open_workbook(&path).expect("calamine opens rolo's workbook");
    assert_eq!(book.sheet_names(), ["Contacts", "Worklist"]);
    let contacts = book.worksheet_range("Contacts").unwrap();
    let header: Vec<String> = contacts
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let maria = contacts
        .rows()
        .find(|r| r[col("name")] == "Maria Gonzalez")
        .expect("Maria's row");
    assert_eq!(maria[col("phones")], Data::String("+14155550142".into()));
    assert!(matches!(maria[col("id")], Data::String(_)));
    // A year-less birthday is text, made inert as it starts with `-`.
    let daniel_has_text = contacts.rows().any(|r| {
        r[col("name")] == "Daniel Okafor" && r[col("birthday")] == Data::String("'--05-17".into())
    });
    assert!(daniel_has_text, "a year-less birthday stays text");
    let worklist = book.worksheet_range("Worklist").unwrap();
    let first = worklist.rows().nth(1).expect("a worklist row");
    assert!(
        matches!(first[0], Data::DateTime(_)),
        "due is a date: {:?}",
        first[0]
    );
}

#[test]
fn a_formula_stays_inert_in_the_workbook() {
    let dir = TestDir::new();
    let path = dir.path("contacts.xlsx").display().to_string();
    let out = dir.rolo(
        &[
            "run",
            "-q",
            &fixture("csv/badge-scans.csv"),
            "--contacts",
            &path,
        ]
        .map(String::from),
    );
    assert!(out.status.success());
    let mut book: Xlsx<_> = open_workbook(&path).unwrap();
    let range = book.worksheet_range("Contacts").unwrap();
    let cells: Vec<String> = range.cells().map(|(_, _, c)| c.to_string()).collect();
    assert!(
        cells.iter().any(|c| c.starts_with("'=HYPERLINK(")),
        "{cells:?}"
    );
    assert!(!cells.iter().any(|c| c.starts_with("=HYPERLINK(")));
}

fn csv_rows(path: &str) -> (Vec<String>, Vec<csv::StringRecord>) {
    let text = std::fs::read_to_string(path).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    (header, reader.records().map(Result::unwrap).collect())
}

#[test]
fn google_outlook_and_hubspot_get_the_headers_they_map() {
    let dir = TestDir::new();
    let (google, rows) = csv_rows(&export(&dir, "google.csv", Some("google-csv")));
    assert_eq!(&google[..3], ["First Name", "Middle Name", "Last Name"]);
    for column in [
        "Organization Name",
        "Labels",
        "E-mail 2 - Value",
        "Custom Field 1 - Label",
    ] {
        assert!(google.contains(&column.to_string()), "{column}");
    }
    let labels = google.iter().position(|h| h == "Labels").unwrap();
    assert!(rows.iter().any(|r| &r[labels] == "Expo 2026"));

    let path = export(&dir, "outlook.csv", Some("outlook-csv"));
    assert!(
        std::fs::read(&path)
            .unwrap()
            .starts_with("\u{feff}".as_bytes())
    );
    let (outlook, rows) = csv_rows(&path);
    // outlook.com's 61 columns, then Outlook desktop's Categories and the contact's id.
    assert_eq!(outlook.len(), 63);
    assert_eq!(outlook[..2], ["First Name", "Middle Name"]);
    let categories = outlook.iter().position(|h| h == "Categories").unwrap();
    assert!(rows.iter().any(|r| r[categories].contains("Expo 2026")));
    let notes = outlook.iter().position(|h| h == "Notes").unwrap();
    assert!(
        rows.iter()
            .any(|r| r[notes].contains("Met at Expo 2026 (2026-03-10).\n\n"))
    );
    // What Outlook has no column for (a badge's id, a second title) is in the notes, as vCard
    // lines rolo reads back.
    assert!(rows.iter().any(|r| {
        r[notes].contains("More details (vCard):\n")
            && r[notes].contains("X-ROLO-FIELD;X-NAME=\"Badge ID\":NS-")
    }));

    let (hubspot, rows) = csv_rows(&export(&dir, "hubspot.csv", Some("hubspot-csv")));
    assert_eq!(
        hubspot[..6],
        [
            "First Name",
            "Last Name",
            "Email",
            "Phone Number",
            "Company Name",
            "Job Title"
        ]
    );
    let rating = hubspot.iter().position(|h| h == "Lead Rating").unwrap();
    assert!(rows.iter().any(|r| &r[rating] == "hot"));
}

#[test]
fn an_unknown_format_is_refused_before_any_work() {
    let dir = TestDir::new();
    let path = dir.path("contacts.txt").display().to_string();
    let out =
        dir.rolo(&["run", &fixture("csv/badge-scans.csv"), "--contacts", &path].map(String::from));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("contacts.txt") && err.contains("--contacts-format"),
        "{err}"
    );

    let out = dir.rolo(
        &[
            "run",
            &fixture("csv/badge-scans.csv"),
            "--contacts",
            &path,
            "--contacts-format",
            "palm",
        ]
        .map(String::from),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("google-csv"));
    assert!(!std::path::Path::new(&path).exists());
}

/// The typed details of the two address-book fixtures, as contacts.jsonl gives them.
fn check_details(run: &crate::util::Run, format: &str, holds_email_kinds: bool) {
    use crate::util::strings;
    let priya = run.contact("Priya Raman");
    let phones = priya["phone_entries"].as_array().unwrap();
    let kinds: Vec<Vec<&str>> = phones.iter().map(|p| strings(&p["types"])).collect();
    assert!(kinds.contains(&vec!["cell"]), "{format}: {kinds:?}");
    assert!(kinds.contains(&vec!["work", "fax"]), "{format}: {kinds:?}");
    assert_eq!(strings(&priya["phones"]), ["+447911123456"], "{format}");
    if holds_email_kinds {
        let emails = &priya["email_entries"];
        assert_eq!(strings(&emails[0]["types"]), ["work"], "{format}");
        assert_eq!(strings(&emails[1]["types"]), ["home"], "{format}");
    }
    let address = &priya["addresses"][0];
    assert_eq!(strings(&address["types"]), ["work"], "{format}");
    assert_eq!(address["street"], "1 Canal Street", "{format}");
    assert_eq!(address["locality"], "Manchester", "{format}");
    assert_eq!(address["postcode"], "M1 3HE", "{format}");
    assert_eq!(address["country"], "United Kingdom", "{format}");
    assert_eq!(priya["related"][0]["name"], "Arjun Raman", "{format}");
    assert_eq!(
        priya["related"][0]["relation"]
            .as_str()
            .unwrap()
            .to_lowercase(),
        "spouse",
        "{format}"
    );
    assert_eq!(priya["dates"][0]["kind"], "anniversary", "{format}");
    assert_eq!(priya["dates"][0]["value"], "2015-06-20", "{format}");
    assert_eq!(priya["ims"][0]["value"], "skype:priya.raman", "{format}");
    assert!(strings(&priya["tags"]).contains(&"Friends"), "{format}");

    let tomas = run.contact("Tomás Herrera");
    let phones = tomas["phone_entries"].as_array().unwrap();
    let kind_of = |number: &str| {
        phones
            .iter()
            .find(|p| p["e164"] == number)
            .map(|p| strings(&p["types"]))
            .unwrap_or_default()
    };
    assert_eq!(kind_of("+34612345678"), ["cell"], "{format}");
    assert_eq!(kind_of("+34917654321"), ["work", "fax"], "{format}");
    assert_eq!(kind_of("+34600112233"), ["pager"], "{format}");
    assert_eq!(kind_of("+34911234567"), ["home"], "{format}");
    // A fax and a pager are kept, but are no numbers to call.
    let mut callable = strings(&tomas["phones"]);
    callable.sort();
    assert_eq!(callable, ["+34612345678", "+34911234567"], "{format}");
    let addresses = tomas["addresses"].as_array().unwrap();
    let home = addresses
        .iter()
        .find(|a| strings(&a["types"]) == ["home"])
        .expect("the home address");
    assert_eq!(home["street"], "Calle Mayor 7\n3º izquierda", "{format}");
    assert_eq!(home["postcode"], "28013", "{format}");
    assert!(
        addresses
            .iter()
            .any(|a| strings(&a["types"]) == ["work"] && a["street"] == "Calle de Alcalá 42"),
        "{format}"
    );
    let related: Vec<(String, String)> = tomas["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["relation"].as_str().unwrap().to_lowercase(),
                r["name"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        related.contains(&("spouse".into(), "Elena Ruiz".into())),
        "{format}: {related:?}"
    );
    assert!(
        related.contains(&("manager".into(), "Lucía Gómez".into())),
        "{format}: {related:?}"
    );
    assert_eq!(tomas["dates"][0]["value"], "2010-09-18", "{format}");
    assert_eq!(
        tomas["ims"][0]["value"], "xmpp:tomas@jabber.example",
        "{format}"
    );
}

#[test]
fn google_and_outlook_details_reach_every_export_and_come_back_typed() {
    let dir = TestDir::new();
    let inputs = [
        fixture("csv/google-address-book.csv"),
        fixture("csv/outlook-address-book.csv"),
    ];
    let first = dir.run(&[&inputs[0], &inputs[1]]);
    check_details(&first, "as read", true);
    for (format, ext, email_kinds) in [
        ("jsonl", "jsonl", true),
        ("csv", "csv", true),
        ("xlsx", "xlsx", true),
        ("vcf", "vcf", true),
        ("vcf4", "vcf", true),
        ("google-csv", "csv", true),
        // Outlook's and HubSpot's e-mail columns have no kind.
        ("outlook-csv", "csv", false),
        ("hubspot-csv", "csv", false),
    ] {
        let out = dir
            .path(&format!("export-{format}.{ext}"))
            .display()
            .to_string();
        dir.rolo_ok(&[
            "run".into(),
            inputs[0].clone(),
            inputs[1].clone(),
            "--contacts".into(),
            out.clone(),
            "--contacts-format".into(),
            format.into(),
        ]);
        let back = TestDir::new().run(&[&out]);
        assert_eq!(back.contacts.len(), 2, "{format}: {}", back.stderr);
        check_details(&back, format, email_kinds);
    }
    // The store keeps them as `rolo run` does.
    let store = dir.path("rolo.db").display().to_string();
    let exported = dir.path("from-store.jsonl").display().to_string();
    for args in [
        vec!["import", "--merge", &inputs[0], "--merge", &inputs[1]],
        vec!["export", &exported],
    ] {
        let mut all = vec!["--store".to_string(), store.clone()];
        all.extend(args.iter().map(|a| a.to_string()));
        dir.rolo_ok(&all);
    }
    check_details(&TestDir::new().run(&[&exported]), "store", true);
}

/// A CRM's people export with a `gender` column (Atomic CRM's writes `male`, `female`,
/// `nonbinary`; Outlook writes `Unspecified`): the gender is the contact's, and vCard 4.0
/// writes it as a sex with the word after it, which a parser that is not rolo's reads and rolo
/// reads back as written.
#[test]
fn a_gender_column_is_the_contacts_gender_and_vcard_4_writes_its_sex() {
    let dir = TestDir::new();
    let people = dir.write(
        "people.csv",
        "first_name,last_name,gender,email\n\
         Abel,Bartoletti,male,abel@bartoletti.example\n\
         Adah,Abbott,nonbinary,adah@abbott.example\n\
         Agnes,Rogahn,female,agnes@rogahn.example\n",
    );
    let v4 = dir.path("v4.vcf").display().to_string();
    let run = dir.run(&[&people, "--contacts", &v4, "--contacts-format", "vcf4"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&v4).unwrap();
    let mut sexes: Vec<String> = cards(&text)
        .iter()
        .flat_map(|c| c.entries.iter().filter(|e| e.name == VCardProperty::Gender))
        .filter_map(|e| match e.values.first() {
            Some(calcard::vcard::VCardValue::Sex(s)) => {
                Some(calcard::common::IanaString::as_str(s).to_string())
            }
            _ => None,
        })
        .collect();
    sexes.sort();
    assert_eq!(sexes, ["F", "M", "O"], "{text}");
    assert!(text.contains("GENDER:M;male\r\n"), "{text}");
    assert!(text.contains("GENDER:O;nonbinary\r\n"), "{text}");
    assert!(text.contains("GENDER:F;female\r\n"), "{text}");
    // Read back, each is the word the CRM wrote.
    let back = dir.run(&[&v4]);
    let mut genders: Vec<&str> = back
        .contacts
        .iter()
        .filter_map(|c| c["gender"].as_str())
        .collect();
    genders.sort();
    assert_eq!(genders, ["female", "male", "nonbinary"]);
}
