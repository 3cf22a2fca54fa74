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

/// The rows of a delimited fixture, decoded and split as a spreadsheet would hold them.
fn rows_of(path: &str) -> Vec<Vec<String>> {
    let bytes = std::fs::read(path).expect("fixture");
    let text = rolo::read::text::decode(&bytes).text;
    let delimiter = rolo::read::csv::sniff_delimiter(&text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    reader
        .records()
        .map(|r| r.expect("a row").iter().map(String::from).collect())
        .collect()
}

/// A contact without what says where it came from: the file, and the id made from it.
fn without_provenance(run: &crate::util::Run) -> Vec<serde_json::Value> {
    let mut contacts: Vec<serde_json::Value> = run
        .contacts
        .iter()
        .map(|c| {
            let mut c = c.clone();
            let object = c.as_object_mut().unwrap();
            object.remove("id");
            object.remove("sources");
            c
        })
        .collect();
    contacts.sort_by_key(|c| c.to_string());
    contacts
}

#[test]
fn a_sheet_gives_the_records_its_rows_give_as_csv() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/csv");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv" || e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 10, "the CSV fixtures");
    for path in names {
        let path = path.display().to_string();
        let test = TestDir::new();
        let mut workbook = rust_xlsxwriter::Workbook::new();
        let sheet = workbook.add_worksheet();
        for (r, row) in rows_of(&path).iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, cell).unwrap();
            }
        }
        let xlsx = test.path("same.xlsx").display().to_string();
        workbook.save(&xlsx).unwrap();
        let as_csv = TestDir::new().run(&[&path]);
        let as_sheet = test.run(&[&xlsx]);
        assert_eq!(as_csv.code, 0, "{path}: {}", as_csv.stderr);
        assert_eq!(as_sheet.code, 0, "{path}: {}", as_sheet.stderr);
        assert_eq!(
            without_provenance(&as_sheet),
            without_provenance(&as_csv),
            "{path}: the sheet reads otherwise than the CSV"
        );
        assert_eq!(as_sheet.rejects.len(), as_csv.rejects.len(), "{path}");
    }
}

#[test]
fn a_headerless_sheet_is_read_and_a_sheet_of_books_is_skipped_by_name() {
    let test = TestDir::new();
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let people = workbook.add_worksheet().set_name("Sheet1").unwrap();
    for (r, row) in [
        ["Ruth Adler", "Adler Consulting", "ruth@adler.example"],
        ["Kofi Boateng", "Volta Labs", "kofi@volta.example"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            people.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let books = workbook.add_worksheet().set_name("Bibliography").unwrap();
    for (r, row) in [
        ["Title", "Author", "Year", "URL"],
        ["Dune", "Frank Herbert", "1965", "https://example.org/dune"],
        ["Emma", "Jane Austen", "1815", "https://example.org/emma"],
    ]
    .iter()
    .enumerate()
    {
        for (c, cell) in row.iter().enumerate() {
            books.write_string(r as u32, c as u16, *cell).unwrap();
        }
    }
    let path = test.path("mixed.xlsx").display().to_string();
    workbook.save(&path).unwrap();
    let run = test.run(&[&path]);
    // The first row is a person, not a header.
    let mut names = run.names();
    names.sort();
    assert_eq!(names, ["Kofi Boateng", "Ruth Adler"]);
    assert_eq!(
        strings(&run.contact("Ruth Adler")["emails"]),
        ["ruth@adler.example"]
    );
    assert!(
        run.stderr.contains("\"Bibliography\""),
        "the sheet of books is named as skipped: {}",
        run.stderr
    );
}
