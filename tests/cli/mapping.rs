//! What a column holds, in the user's words: `rolo doctor`, `--map`, `--mapping FILE`, and the
//! profile the store remembers for a header.

use crate::util::{TestDir, fixture, strings};

const MAP: [&str; 6] = [
    "--map",
    "Kunde=organization",
    "--map",
    "Ansprechpartner=name",
    "--map",
    "DW=phone_extension",
];

fn stdout(out: &std::process::Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn doctor_says_what_each_column_maps_to_and_why() {
    let dir = TestDir::new();
    let out = dir.rolo_ok(&[
        "doctor".into(),
        fixture("mapping/kunden-2026-10.csv"),
        fixture("csv/crm-area-code-extension.csv"),
    ]);
    let text = stdout(&out);
    for line in [
        "format     csv, UTF-8",
        "note       delimiter semicolon",
        "header on row 1",
        "Kunde            custom            kept as it is: rolo does not know the header: Bäckerei Huber GmbH | Schreinerei Vogt",
        "Kontakt          email             values: alois@baeckerei-huber.example",
        "Title       prefix           values: Mr. | Ms. | Dr",
        "Phone Ext   phone_extension  header: read with \"Phone\": 204 | 12",
        "records    3 read: 3 kept, 0 rejected",
    ] {
        assert!(text.contains(line), "{line:?} in\n{text}");
    }
}

#[test]
fn doctor_names_rejects_values_kept_as_written_and_skipped_sheets() {
    let dir = TestDir::new();
    let out = dir.rolo_ok(&["doctor".into(), fixture("demo/badge-scans.xlsx")]);
    let text = stdout(&out);
    assert!(
        text.contains("sheet \"Summary\": skipped, no contact column"),
        "{text}"
    );
    assert!(text.contains("sheet \"Leads\": header on row 4"), "{text}");
    assert!(
        text.contains("reject     ") && text.contains("record 9: no name, email, phone or URL"),
        "{text}"
    );
    let scans = dir.write("scans.csv", "Name,Phone\nAda Byron,call me maybe\n");
    let text = stdout(&dir.rolo_ok(&["doctor".into(), scans]));
    assert!(
        text.contains("phone \"call me maybe\" kept as written"),
        "{text}"
    );
}

#[test]
fn map_on_the_command_line_and_in_a_file_give_the_same_contacts() {
    let file = fixture("mapping/kunden-2026-10.csv");
    let mut args = vec![file.as_str(), "--region", "DE"];
    args.extend(MAP);
    let by_flags = TestDir::new().run(&args);
    assert_eq!(by_flags.code, 0, "{}", by_flags.stderr);
    let alois = by_flags.contact("Alois Huber");
    assert_eq!(alois["organization"], "Bäckerei Huber GmbH");
    assert_eq!(strings(&alois["emails"]), ["alois@baeckerei-huber.example"]);
    assert_eq!(strings(&alois["phones"]), ["+49891234560"]);
    assert_eq!(alois["phone_extensions"]["+49891234560"], "17");
    assert!(
        by_flags
            .stderr
            .contains("columns mapped as the mapping given says")
    );

    let dir = TestDir::new();
    let toml = dir.write(
        "kunden.toml",
        "[columns]\n\"Kunde\" = \"organization\"\n\"Ansprechpartner\" = \"name\"\n\"DW\" = \"phone_extension\"\n",
    );
    let by_file = dir.run(&[&file, "--region", "DE", "--mapping", &toml]);
    assert_eq!(by_file.contacts, by_flags.contacts);
}

#[test]
fn an_unknown_field_in_a_mapping_is_an_error_that_names_it() {
    let dir = TestDir::new();
    let toml = dir.write("bad.toml", "[columns]\n\"Kunde\" = \"firma\"\n");
    let run = dir.run(&[&fixture("mapping/kunden-2026-10.csv"), "--mapping", &toml]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("unknown field \"firma\" (for \"Kunde\")"),
        "{}",
        run.stderr
    );
    let toml = dir.write("typo.toml", "[colums]\n\"Kunde\" = \"organization\"\n");
    let run = dir.run(&[&fixture("mapping/kunden-2026-10.csv"), "--mapping", &toml]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("colums"), "{}", run.stderr);
}

#[test]
fn import_remembers_a_mapping_by_the_header_and_applies_it_next_time() {
    let dir = TestDir::new();
    let store = dir.path("rolo.db").display().to_string();
    let import = |file: &str, map: &[&str]| {
        let mut args: Vec<String> = [
            "--store", &store, "import", "--merge", file, "--region", "DE",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        args.extend(map.iter().map(|s| s.to_string()));
        let out = dir.rolo_ok(&args);
        String::from_utf8_lossy(&out.stderr).into_owned()
    };
    let first = import(&fixture("mapping/kunden-2026-10.csv"), &MAP);
    assert!(
        first.contains("the mapping is remembered for this header"),
        "{first}"
    );
    // Next month's export has the same header: read the same way without being told.
    let second = import(&fixture("mapping/kunden-2026-11.csv"), &[]);
    assert!(
        second.contains("columns mapped as the mapping remembered for this header says"),
        "{second}"
    );
    let out = dir.rolo_ok(&[
        "--store".into(),
        store.clone(),
        "show".into(),
        "Franz Lindner".into(),
    ]);
    let shown = stdout(&out);
    assert!(shown.contains("Metzgerei Lindner"), "{shown}");
    assert!(shown.contains("+4981229988"), "{shown}");
}
