//! Spreadsheets: xlsx, xls, ods.

use crate::util::{TestDir, fixture, strings};

#[test]
fn phones_stored_as_numbers_1904_dates_and_several_sheets() {
    let run = TestDir::new().run(&[
        &fixture("sheets/numbers-1904-two-sheets.xlsx"),
        "--event",
        "Expo",
        "--met-on",
        "2026-03-10..2026-03-11",
        "--today",
        "2026-03-12",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let ingrid = run.contact("Ingrid Berg");
    // Written back as plain digits, the lost + recovered, with a warning.
    assert_eq!(strings(&ingrid["phones"]), ["+46701234567"]);
    assert!(
        run.stderr.contains("was stored as a number"),
        "{}",
        run.stderr
    );
    // Dates of the 1904 epoch are read as the days they show.
    assert_eq!(ingrid["events"][0]["met_on"], "2026-03-10");
    let mei = run.contact("Mei Chen");
    assert_eq!(mei["sources"][0]["sheet"], "Day 2");
    assert_eq!(mei["events"][0]["met_on"], "2026-03-11");
    assert!(
        run.stderr.contains("\"Notes\""),
        "the sheet without contacts is named: {}",
        run.stderr
    );
}

#[test]
fn excel_97_workbook() {
    let run = TestDir::new().run(&[&fixture("sheets/card-scanner.xls")]);
    assert_eq!(run.names(), ["Olga Ivanova", "Tariq Aziz"]);
    assert_eq!(
        strings(&run.contact("Tariq Aziz")["phones"]),
        ["+923001234567"]
    );
    assert_eq!(run.contact("Olga Ivanova")["sources"][0]["sheet"], "Cards");
}

#[test]
fn opendocument_spreadsheet() {
    let run = TestDir::new().run(&[&fixture("sheets/libreoffice.ods")]);
    let lukas = run.contact("Lukas Schneider");
    assert_eq!(lukas["organization"], "Alpen IT GmbH");
    assert_eq!(strings(&lukas["phones"]), ["+436641234567"]);
}

#[test]
fn badge_export_with_title_rows_above_the_header() {
    let run = TestDir::new().run(&[&fixture("demo/badge-scans.xlsx")]);
    assert!(
        run.stderr.contains("header found below 3 title row(s)"),
        "{}",
        run.stderr
    );
    let james = run.contact("James O'Connor");
    assert_eq!(
        strings(&james["emails"]),
        ["james.oconnor@harborlogistics.co.uk"]
    );
    assert_eq!(strings(&james["phones"]), ["+447911123456"]);
    assert_eq!(run.contact("Priya Raman")["rating"], "hot");
}

#[test]
fn a_workbook_whose_xml_is_utf16_is_read() {
    // calamine alone fails on it: "Unexpected end of xml, expecting '</Relationships>'".
    let run = TestDir::new().run(&[&fixture("sheets/windows-phone-utf16.xlsx")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        strings(&run.contact("Anders Lund")["emails"]),
        ["anders@lund.example"]
    );
}

#[test]
fn an_html_table_saved_as_xls_is_read() {
    let run = TestDir::new().run(&[&fixture("sheets/html-table.xls")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("html table"), "{}", run.stderr);
    let zoe = run.contact("Zoë Martin");
    assert_eq!(zoe["organization"], "Dupont & Fils");
    assert_eq!(zoe["rating"], "hot");
    assert_eq!(
        strings(&run.contact("Paul Roux")["emails"]),
        ["paul@roux.example"]
    );
}
