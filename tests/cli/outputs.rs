//! The output files' contracts.

use crate::util::{TestDir, fixture};

const WORKLIST_COLUMNS: &[&str] = &[
    "due",
    "overdue",
    "priority",
    "contact_id",
    "name",
    "organization",
    "title",
    "email",
    "phone",
    "linkedin",
    "event",
    "met_on",
    "step",
    "action",
    "notes",
];

#[test]
fn worklist_columns_come_first_in_the_contract_order() {
    let run = TestDir::new().run(&[
        &fixture("csv/badge-scans.csv"),
        "--event",
        "Expo",
        "--met-on",
        "2026-03-10..2026-03-12",
        "--today",
        "2026-03-20",
    ]);
    assert_eq!(
        &run.worklist_header[..WORKLIST_COLUMNS.len()],
        WORKLIST_COLUMNS
    );
    // Past due steps are due today and overdue; hot before warm on the same day.
    let sean = run.row("Sean McDonald");
    assert_eq!(
        (sean["due"].as_str(), sean["overdue"].as_str()),
        ("2026-03-20", "yes")
    );
    let order: Vec<&str> = run.worklist.iter().map(|r| &r[4]).collect();
    assert_eq!(order, ["Sean McDonald", "Patrick O'Brien", "Jane Doe"]);
}

#[test]
fn formula_cells_are_made_inert_in_csv() {
    let dir = TestDir::new();
    let contacts = dir.path("contacts.csv").display().to_string();
    let run = dir.run(&[&fixture("csv/badge-scans.csv"), "--contacts", &contacts]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = std::fs::read_to_string(&contacts).unwrap();
    assert!(text.contains("'=HYPERLINK("), "{text}");
    assert!(!text.contains(",=HYPERLINK("), "{text}");
}

#[test]
fn ids_are_stable_whatever_the_order_of_the_files() {
    let a = TestDir::new().run(&[
        &fixture("csv/no-header.csv"),
        &fixture("vcard/missing-end.vcf"),
    ]);
    let b = TestDir::new().run(&[
        &fixture("vcard/missing-end.vcf"),
        &fixture("csv/no-header.csv"),
    ]);
    let ids = |run: &crate::util::Run| {
        let mut ids: Vec<(String, String)> = run
            .contacts
            .iter()
            .map(|c| {
                (
                    c["name"].as_str().unwrap().to_string(),
                    c["id"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&a), ids(&b));
}

#[test]
fn without_an_event_nothing_is_tagged() {
    let run = TestDir::new().run(&[&fixture("csv/badge-scans.csv")]);
    assert!(run.worklist.is_empty());
    assert!(
        run.contacts
            .iter()
            .all(|c| c["events"].as_array().unwrap().is_empty())
    );
}
