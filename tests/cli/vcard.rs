//! vCard 2.1, 3.0 and 4.0 files.

use crate::util::{TestDir, fixture, strings};

#[test]
fn quoted_printable_with_split_utf8_and_bare_types() {
    let run = TestDir::new().run(&[&fixture("vcard/v21-quoted-printable.vcf"), "--region", "DE"]);
    let juergen = run.contact("Jürgen Müller");
    assert_eq!(juergen["organization"], "Bäckerei Müller GmbH");
    assert_eq!(
        strings(&juergen["notes"]),
        ["Grüße von der Messe, Stand 42; Brötchen probieren"]
    );
    // The PREF number first; a fax is no number to call, but it is kept with its type.
    assert_eq!(
        strings(&juergen["phones"]),
        ["+491712345678", "+49301234567"]
    );
    let entries = juergen["phone_entries"].as_array().unwrap();
    let fax = entries
        .iter()
        .find(|e| e["value"] == "030 1234568")
        .unwrap();
    assert_eq!(strings(&fax["types"]), ["fax"]);
    assert_eq!(fax["e164"], "+49301234568");
    assert_eq!(strings(&entries[0]["types"]), ["cell"]);
    assert_eq!(strings(&entries[1]["types"]), ["work", "voice"]);
    // The photo is kept, image and all.
    assert_eq!(juergen["photo"]["mime"], "image/jpeg");
    assert!(juergen["photo"]["bytes"].as_u64().unwrap() > 0);
    assert_eq!(
        strings(&run.contact("Karin Svensson")["phones"]),
        ["+46812345678"]
    );
}

#[test]
fn iphone_groups_escapes_and_a_company_card() {
    let run = TestDir::new().run(&[&fixture("vcard/iphone-groups.vcf")]);
    let yuki = run.contact("Yuki Nakamura");
    assert_eq!(
        strings(&yuki["notes"]),
        ["First line\nSecond line, with a comma; and a semicolon"]
    );
    assert_eq!(yuki["linkedin"], "https://linkedin.com/in/yuki-nakamura");
    assert_eq!(strings(&yuki["phones"]), ["+81312345678"]);
    // The company card is the company's, not a person called "Hikari Labs".
    let company = run.contact("Hikari Labs");
    assert!(company["given_name"].is_null());
    assert_eq!(company["organization"], "Hikari Labs");
}

#[test]
fn a_card_without_end_loses_no_card_after_it() {
    let run = TestDir::new().run(&[&fixture("vcard/missing-end.vcf")]);
    assert_eq!(
        run.names(),
        ["Carol Danvers", "Peter Parker", "Wanda Maximoff"]
    );
    let records: Vec<u64> = run
        .contacts
        .iter()
        .map(|c| c["sources"][0]["record"].as_u64().unwrap())
        .collect();
    assert_eq!(records, [1, 2, 3]);
    assert!(run.stderr.contains("without END:VCARD"), "{}", run.stderr);
}

#[test]
fn legacy_encoding_and_folded_lines() {
    let run = TestDir::new().run(&[&fixture("vcard/windows-1252.vcf")]);
    let renee = run.contact("Renée Gärtner");
    assert_eq!(strings(&renee["emails"]), ["renee@blumenhaus.example"]);
    assert_eq!(
        strings(&renee["notes"]),
        ["Sehr nette Kundin, mag Tulpen und Rosen"]
    );
}

#[test]
fn birthdays_with_and_without_a_year() {
    let run = TestDir::new().run(&[&fixture("vcard/v40-birthdays.vcf")]);
    assert_eq!(run.contact("Margaret Hamilton")["birthday"], "1936-08-17");
    assert_eq!(
        strings(&run.contact("Margaret Hamilton")["phones"]),
        ["+12025550199"]
    );
    assert_eq!(run.contact("Alan Turing")["birthday"], "--06-23");
    assert_eq!(run.contact("Rosalind Franklin")["birthday"], "--07-25");
}
