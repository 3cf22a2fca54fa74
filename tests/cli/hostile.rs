//! Hostile values and files: each payload of `fixtures/hostile/payloads.*` must reach every
//! output inert, checked by a parser of that output that is not rolo's (an iCalendar parser, a
//! vCard parser, a CSV reader with each separator, a Markdown parser, a URL decoder).

use crate::util::{TestDir, fixture};

/// `rolo run FILES… --event E` met on 10 March 2026 and worked on the 11th, with these
/// outputs and flags (an `out.…` or `out-…` file name is put in `dir`); it must succeed.
fn run_at_e(dir: &TestDir, files: &[&str], extra: &[&str]) -> std::process::Output {
    let mut args = vec!["run".to_string()];
    args.extend(files.iter().map(|f| fixture(f)));
    args.extend(
        [
            "--event",
            "E",
            "--met-on",
            "2026-03-10",
            "--today",
            "2026-03-11",
        ]
        .map(String::from),
    );
    args.extend(extra.iter().map(|a| {
        if a.starts_with("out.") || a.starts_with("out-") {
            dir.path(a).display().to_string()
        } else {
            a.to_string()
        }
    }));
    dir.rolo_ok(&args)
}

/// `rolo run` of both payload files met at "E", with these outputs and flags.
fn payload_run(dir: &TestDir, extra: &[&str]) -> std::process::Output {
    run_at_e(
        dir,
        &["hostile/payloads.csv", "hostile/payloads.vcf"],
        extra,
    )
}

/// Control characters a terminal obeys: C0 but line feed and tab, DEL, C1.
fn obeyed(text: &str) -> Vec<char> {
    text.chars()
        .filter(|c| c.is_control() && *c != '\n' && *c != '\t')
        .collect()
}

#[test]
fn nothing_printed_to_the_terminal_drives_it() {
    let dir = TestDir::new();
    let out = payload_run(&dir, &["-v", "--contacts", "out.jsonl"]);
    let (stdout, stderr) = (
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
    );
    assert_eq!(obeyed(&stdout), [], "{stdout}");
    assert_eq!(obeyed(&stderr), [], "{stderr}");
    // The values are shown, escaped, not hidden.
    assert!(stdout.contains(r"Eve\x1b]0;PWNED\x07\x1b[2J"), "{stdout}");

    // A file name and the store's commands too.
    let name = dir.write(
        "evil\x1b]0;PWNED\x07.csv",
        "First Name,Email\nEve\x1b[2J,e@x.example\n",
    );
    let store = dir.path("rolo.db").display().to_string();
    let import = dir.rolo_ok(&[
        "import".into(),
        "--store".into(),
        store.clone(),
        name,
        "--event".into(),
        "E".into(),
        "--met-on".into(),
        "2026-03-10".into(),
    ]);
    let missing = dir.rolo(&["run".into(), "gone\x1b[2J.csv".into()]);
    for cmd in [
        vec!["show", "e@x.example"],
        vec!["worklist", "--today", "2026-03-11"],
        vec!["history"],
    ] {
        let mut args = vec!["--store".to_string(), store.clone()];
        args.extend(cmd.iter().map(|a| a.to_string()));
        let out = dir.rolo_ok(&args);
        let shown = String::from_utf8_lossy(&out.stdout);
        assert_eq!(obeyed(&shown), [], "{cmd:?}: {shown}");
        assert!(shown.contains(r"\x1b"), "{cmd:?} shows the value: {shown}");
    }
    for out in [import, missing] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(obeyed(&err), [], "{err}");
        assert!(err.contains(r"\x1b"), "the file is named, escaped: {err}");
    }
}

#[test]
fn no_cell_is_a_formula_in_csv_whatever_the_separator_nor_in_the_workbook() {
    let dir = TestDir::new();
    for format in ["csv", "google-csv", "outlook-csv", "hubspot-csv"] {
        let file = format!("out-{format}.csv");
        payload_run(
            &dir,
            &[
                "--contacts",
                &file,
                "--contacts-format",
                format,
                "--worklist",
                "out-w.csv",
            ],
        );
        for path in [dir.path(&file), dir.path("out-w.csv")] {
            let text = std::fs::read_to_string(&path).expect("the export");
            for separator in [b',', b';'] {
                // A spreadsheet splits where it sees the separator; it honours a quote only at
                // the start of a cell.
                let mut reader = csv::ReaderBuilder::new()
                    .delimiter(separator)
                    .has_headers(false)
                    .flexible(true)
                    .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
                for record in reader.records() {
                    let record = record.expect("a CSV record");
                    for cell in record.iter() {
                        let formula = cell.starts_with(['=', '+', '@'])
                            || (cell.starts_with('-') && cell[1..].parse::<f64>().is_err());
                        assert!(
                            !formula,
                            "{format}, split at {:?}: cell {cell:?}",
                            separator as char
                        );
                    }
                }
            }
        }
    }
    // The workbook: no cell is a formula, and a text a spreadsheet would run is guarded.
    {
        use calamine::{Data, Reader, Xlsx, open_workbook};
        payload_run(&dir, &["--contacts", "out.xlsx"]);
        let mut book: Xlsx<_> = open_workbook(dir.path("out.xlsx")).expect("the workbook");
        for name in book.sheet_names() {
            let formulas = book.worksheet_formula(&name).expect("the formulas");
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "{name}"
            );
            let cells = book.worksheet_range(&name).expect("the sheet");
            for (_, _, cell) in cells.used_cells() {
                if let Data::String(text) = cell {
                    assert!(!text.starts_with(['=', '@']), "{name}: {text:?}");
                }
            }
        }
    }
    // And rolo reads its export back with the values as they were.
    let back = dir.run(&[&dir.path("out-csv.csv").display().to_string()]);
    let sam = back.contact("Sam Colon");
    assert_eq!(sam["organization"], "Acme;=cmd|' /C calc'!A0");
    assert_eq!(sam["notes"][0], "a,=1+1;@SUM(A1)");
}

#[test]
fn a_carriage_return_in_a_note_opens_no_code_block_in_markdown() {
    use pulldown_cmark::{Event, Parser, Tag};
    let dir = TestDir::new();
    payload_run(&dir, &["--worklist", "out.md"]);
    let md = std::fs::read_to_string(dir.path("out.md")).expect("the checklist");
    let blocks: Vec<_> = Parser::new(&md)
        .filter(|e| matches!(e, Event::Start(Tag::CodeBlock(_)) | Event::Code(_)))
        .collect();
    assert_eq!(blocks, [], "{md}");
    // Every person is still an item of the list, with their notes.
    let items = Parser::new(&md)
        .filter(|e| matches!(e, Event::TaskListMarker(_) | Event::Start(Tag::Item)))
        .count();
    assert!(items >= 7, "{items} items: {md}");
    assert!(md.contains("fenced?"), "{md}");
}

#[test]
fn the_calendar_and_the_cards_parse_and_hold_no_control_characters() {
    use icalendar::{Calendar, CalendarComponent};
    let dir = TestDir::new();
    payload_run(&dir, &["--worklist", "out.ics", "--contacts", "out.vcf"]);
    let ics = std::fs::read_to_string(dir.path("out.ics")).expect("the calendar");
    let vcf = std::fs::read_to_string(dir.path("out.vcf")).expect("the cards");
    for (name, text) in [("ics", &ics), ("vcf", &vcf)] {
        let bad: Vec<char> = text
            .chars()
            .filter(|c| c.is_control() && !matches!(c, '\r' | '\n'))
            .collect();
        assert_eq!(bad, [], "{name}: {text}");
    }
    let calendar: Calendar = ics.parse().expect("an iCalendar parser reads the file");
    let mut dues = 0;
    for component in &calendar.components {
        if let CalendarComponent::Todo(todo) = component {
            let due = todo
                .get_due()
                .expect("every task has a due date it can read");
            assert!(
                matches!(due, icalendar::DatePerhapsTime::Date(_)),
                "{due:?}"
            );
            dues += 1;
        }
    }
    assert_eq!(dues, 7, "{ics}");
    // The day no calendar holds stays in the event's name: Tim's step is due after the day met.
    assert!(ics.contains("Expo (9999-12-31)"), "{ics}");
    assert!(!ics.contains("DUE;VALUE=DATE:+"), "{ics}");

    let mut parser = calcard::Parser::new(&vcf);
    let mut cards = 0;
    loop {
        match parser.entry() {
            calcard::Entry::VCard(_) => cards += 1,
            calcard::Entry::Eof => break,
            other => panic!("calcard could not read the cards: {other:?}"),
        }
    }
    assert_eq!(cards, 7, "a vCard parser reads every card: {vcf}");
}

#[test]
fn an_encoded_comma_in_an_address_adds_no_recipient() {
    let dir = TestDir::new();
    payload_run(&dir, &["--worklist", "out.html"]);
    let html = std::fs::read_to_string(dir.path("out.html")).expect("the page");
    let hrefs: Vec<&str> = html
        .split("href=\"mailto:")
        .skip(1)
        .map(|h| h.split(['?', '"']).next().unwrap_or_default())
        .collect();
    assert_eq!(hrefs.len(), 7, "{html}");
    for href in hrefs {
        // What a mail client does with the link: one decoding, then `,` separates recipients.
        let to = percent_encoding::percent_decode_str(href).decode_utf8_lossy();
        assert_eq!(to.split(',').count(), 1, "{href} → {to}");
        assert!(!to.contains(['?', '&']), "{to}");
    }
    assert!(html.contains("mailto:mal%252cboss@x.example"), "{html}");
}

/// `rolo run FILE --rejects` in `dir`, killed after 60 seconds: a file that hangs rolo fails
/// the test instead of hanging it.
fn run_bounded(dir: &TestDir, file: &str) -> (i32, String, Vec<csv::StringRecord>) {
    let out = assert_cmd::Command::cargo_bin("rolo")
        .expect("the rolo binary")
        .args(["run", file, "--rejects"])
        .arg(dir.path("rejects.csv"))
        .arg("--contacts")
        .arg(dir.path("contacts.jsonl"))
        .env("ROLO_NO_PROGRESS", "1")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run rolo");
    let rejects = csv::Reader::from_path(dir.path("rejects.csv"))
        .map(|mut r| r.records().map(|r| r.expect("a reject")).collect())
        .unwrap_or_default();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
        rejects,
    )
}

#[test]
fn pipes_devices_and_binary_are_refused_by_name() {
    let dir = TestDir::new();
    let fifo = dir.path("f.csv");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success());
    let mut random = Vec::with_capacity(1 << 16);
    let mut x: u32 = 7;
    while random.len() < 1 << 16 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        random.push(((x >> 16) % 255 + 1) as u8); // no NUL
    }
    let binary = dir.write("random.csv", random);
    let mut cases = vec![
        ("/dev/zero".to_string(), "a device"),
        (binary, "binary data"),
    ];
    if made {
        cases.push((fifo.display().to_string(), "a named pipe"));
    }
    for (file, said) in cases {
        let (code, err, _) = run_bounded(&dir, &file);
        assert_eq!(code, 1, "{file}: {err}");
        assert!(
            err.contains(&format!("{file}: ")) && err.contains(said),
            "{err}"
        );
    }
}

#[test]
fn an_oversized_record_costs_itself_and_the_rest_is_read() {
    let dir = TestDir::new();
    // A cell of 2 MB (past the 1 MB a value may be) and a card of 3,000 emails (past the
    // 2,000 values a record may have), each between two people.
    let mut csv = String::from("First Name,Last Name,Email,Notes\nAnn,Lee,ann@x.example,hi\n");
    csv.push_str(&format!(
        "Huge,Cell,huge@x.example,\"{}\"\n",
        "b".repeat(2 << 20)
    ));
    csv.push_str("Bob,Ray,bob@x.example,hi\n");
    let mut vcf = String::from(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Card\r\nEMAIL:ac@x.example\r\nEND:VCARD\r\n",
    );
    vcf.push_str("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Eve Red\r\n");
    for i in 0..3_000 {
        vcf.push_str(&format!("EMAIL:eve{i}@x.example\r\n"));
    }
    vcf.push_str("END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bob Card\r\nEMAIL:bc@x.example\r\nEND:VCARD\r\n");
    // A row of 20,000 cells, and one of 14 MB: set aside before the reader holds them.
    let cells = format!(
        "First Name,Last Name,Email\nAnn,Lee,ann@x.example\n{}\nBob,Ray,bob@x.example\n",
        ",x".repeat(20_000)
    );
    let long = format!(
        "First Name,Last Name,Email,Notes\nAnn,Lee,ann@x.example,hi\nHuge,Row,h@x.example,\"{}\"\nBob,Ray,bob@x.example,hi\n",
        "line\n".repeat(11 << 18)
    );
    for (name, text, reason) in [
        ("cell.csv", csv, "more than the 1.0 MB a value may be"),
        ("card.vcf", vcf, "more than the 2000 a record may have"),
        (
            "cells.csv",
            cells,
            "20001 cells, more than the 16384 columns",
        ),
        (
            "long.csv",
            long,
            "MB, more than the 10.0 MB a record may be",
        ),
    ] {
        let file = dir.write(name, text);
        let (code, err, rejects) = run_bounded(&dir, &file);
        assert_eq!(code, 0, "{err}");
        assert_eq!(rejects.len(), 1, "{err}");
        assert_eq!(&rejects[0][2], "2", "the second record");
        assert!(rejects[0][3].contains(reason), "{:?}", &rejects[0]);
        assert!(rejects[0][4].len() > 1 << 15, "its raw text is kept");
        let contacts = std::fs::read_to_string(dir.path("contacts.jsonl")).expect("contacts");
        assert_eq!(
            contacts.lines().count(),
            2,
            "the people before and after are read"
        );
    }
}

#[test]
fn a_workbook_that_expands_a_hundredfold_is_refused_before_it_is_unzipped() {
    use std::io::Write;
    let dir = TestDir::new();
    let path = dir.path("bomb.xlsx");
    let mut zip = zip::ZipWriter::new(std::fs::File::create(&path).expect("create"));
    let deflate = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
    ];
    for (name, text) in parts {
        zip.start_file(name, deflate).expect("a part");
        zip.write_all(text.as_bytes()).expect("write");
    }
    zip.start_file("xl/worksheets/sheet1.xml", deflate)
        .expect("the sheet");
    zip.write_all(br#"<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row><c t="inlineStr"><is><t>Name</t></is></c><c t="inlineStr"><is><t>Email</t></is></c></row>"#).expect("write");
    let row = br#"<row><c t="inlineStr"><is><t>Eve Red</t></is></c><c t="inlineStr"><is><t>e@x.example</t></is></c></row>"#;
    for _ in 0..(20 << 20) / row.len() {
        zip.write_all(row).expect("write");
    }
    zip.write_all(b"</sheetData></worksheet>").expect("write");
    zip.finish().expect("the workbook");
    assert!(std::fs::metadata(&path).expect("size").len() < 200 << 10);

    let (code, err, _) = run_bounded(&dir, &path.display().to_string());
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("refused as a likely zip bomb"), "{err}");
}

#[test]
fn a_dash_reads_standard_input() {
    let out = assert_cmd::Command::cargo_bin("rolo")
        .expect("the rolo binary")
        .args(["run", "-"])
        .write_stdin("First Name,Last Name,Email\nAnn,Lee,ann@x.example\n")
        .env("ROLO_NO_PROGRESS", "1")
        .timeout(std::time::Duration::from_secs(60))
        .output()
        .expect("run rolo");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{err}");
    assert!(err.contains("-  csv, UTF-8: 1 record"), "{err}");
}

/// `rolo --store STORE ARGS…` in `dir`, which must succeed; its stderr.
fn store_ok(dir: &TestDir, store: &str, args: &[&str]) -> String {
    let mut all = vec!["--store".to_string(), store.to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    String::from_utf8_lossy(&dir.rolo_ok(&all).stderr).into_owned()
}

/// The demo haul imported into a new store, as the README does it.
fn demo_store(dir: &TestDir) -> String {
    let store = dir.path("data/rolo.db").display().to_string();
    let (book, linkedin) = (
        fixture("demo/google-contacts.csv"),
        fixture("demo/Connections.csv"),
    );
    store_ok(
        dir,
        &store,
        &["import", "--merge", &book, "--merge", &linkedin],
    );
    let (badges, phone) = (fixture("demo/badge-scans.xlsx"), fixture("demo/phone.vcf"));
    store_ok(
        dir,
        &store,
        &[
            "import",
            &badges,
            &phone,
            "--event",
            "NorthStack Expo 2026",
            "--met-on",
            "2026-10-14..2026-10-16",
        ],
    );
    store
}

/// Every byte of the store and its journal files, lower-cased.
fn store_bytes(store: &str) -> String {
    let mut all = Vec::new();
    for suffix in ["", "-wal", "-shm", "-journal"] {
        if let Ok(bytes) = std::fs::read(format!("{store}{suffix}")) {
            all.extend(bytes);
        }
    }
    String::from_utf8_lossy(&all).to_lowercase()
}

#[test]
fn a_forgotten_person_leaves_nothing_in_the_database_file() {
    let dir = TestDir::new();
    let store = demo_store(&dir);
    store_ok(
        &dir,
        &store,
        &[
            "done",
            "Kwame Mensah",
            "--on",
            "2026-10-17",
            "--note",
            "sent the deck",
        ],
    );
    let traces = [
        "mensah",
        "baobabfintech",
        "raising a seed round",
        "sent the deck",
    ];
    let before = store_bytes(&store);
    for t in traces {
        assert!(before.contains(t), "{t} is in the store before");
    }

    // Not without a word: standard input is no terminal here.
    let mut refused = vec!["--store".to_string(), store.clone()];
    refused.extend(["forget", "Kwame Mensah"].map(String::from));
    let out = dir.rolo(&refused);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--yes"));

    let said = store_ok(&dir, &store, &["forget", "Kwame Mensah", "--yes"]);
    assert!(
        said.contains("forgot Kwame Mensah (2 record(s)): 2 record(s)"),
        "{said}"
    );
    let after = store_bytes(&store);
    for t in traces {
        assert!(!after.contains(t), "{t} is still in the store's bytes");
    }
    // The others stay, history says something was erased but not what, and undo takes back
    // the last import, not the forgetting.
    let history = {
        let mut args = vec!["--store".to_string(), store.clone(), "history".into()];
        args.truncate(3);
        String::from_utf8_lossy(&dir.rolo_ok(&args).stdout).into_owned()
    };
    assert!(
        history.contains("forget   a person or an import erased"),
        "{history}"
    );
    assert!(!history.to_lowercase().contains("kwame"), "{history}");
    let export = dir.path("all.jsonl").display().to_string();
    store_ok(&dir, &store, &["export", &export]);
    let contacts = std::fs::read_to_string(&export).expect("the export");
    assert_eq!(contacts.lines().count(), 17, "{contacts}");
    let undo = store_ok(&dir, &store, &["undo"]);
    assert!(undo.contains("took back batch 2 (import)"), "{undo}");
}

#[test]
fn a_forgotten_import_takes_its_records_and_rejects() {
    let dir = TestDir::new();
    let store = demo_store(&dir);
    let before = store_bytes(&store);
    // The badge scan rejected for having nothing identifying, kept with its raw text.
    assert!(before.contains("tall guy"), "the reject is stored");
    store_ok(&dir, &store, &["forget", "--batch", "2", "--yes"]);
    let after = store_bytes(&store);
    for t in ["tall guy", "mensah", "baobabfintech"] {
        assert!(!after.contains(t), "{t} is still in the store's bytes");
    }
    // The address book stays.
    assert!(after.contains("fischer"), "the first import stays");
}

#[cfg(unix)]
#[test]
fn the_store_and_new_outputs_are_the_owners_alone() {
    use std::os::unix::fs::PermissionsExt;
    let mode =
        |p: &std::path::Path| std::fs::metadata(p).expect("the file").permissions().mode() & 0o777;
    let dir = TestDir::new();
    let store = demo_store(&dir);
    assert_eq!(mode(std::path::Path::new(&store)), 0o600);
    assert_eq!(mode(&dir.path("data")), 0o700);

    // A new output in a new folder; a replaced one keeps the mode its owner gave it; a
    // temporary file a killed rolo left is removed, one being written is not.
    std::fs::create_dir(dir.path("out")).expect("a folder");
    let kept = dir.write("out/worklist.csv", "old");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o640)).expect("chmod");
    let stale = dir.write("out/.rolo-AbC123", "Kwame Mensah,kwame@baobabfintech.com");
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&stale)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("age the file");
    let busy = dir.write("out/.rolo-Busy12", "being written");
    let lock = std::fs::File::open(&busy).expect("open");
    lock.lock().expect("lock it as a running rolo does");
    std::fs::File::options()
        .write(true)
        .open(&busy)
        .and_then(|f| f.set_modified(hour_ago))
        .expect("age the file");

    let contacts = dir.path("new/deeper/contacts.jsonl").display().to_string();
    let worklist = kept.clone();
    let mut args = crate::util::demo_run(&["--contacts", &contacts, "--worklist", &worklist]);
    args.retain(|a| a != "-q");
    dir.rolo_ok(&args);
    assert_eq!(mode(std::path::Path::new(&contacts)), 0o600);
    assert_eq!(mode(&dir.path("new")), 0o700);
    assert_eq!(mode(std::path::Path::new(&kept)), 0o640);
    assert!(
        !std::path::Path::new(&stale).exists(),
        "the stale temporary file is removed"
    );
    assert!(
        std::path::Path::new(&busy).exists(),
        "a locked one is someone's"
    );
    drop(lock);
}

#[test]
fn the_attacks_the_outputs_withstood_still_fail() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let dir = TestDir::new();
    let held = ["hostile/held.csv"];
    run_at_e(
        &dir,
        &held,
        &["-q", "--worklist", "out.html", "--contacts", "out.vcf"],
    );
    run_at_e(&dir, &held, &["-q", "--worklist", "out.ics"]);

    // The page: no markup, script or link that runs code comes from a value.
    let html = std::fs::read_to_string(dir.path("out.html")).expect("the page");
    for bad in [
        "<script",
        "<img",
        "</style><style>",
        "href=\"javascript:",
        "href=\"data:",
    ] {
        assert!(!html.contains(bad), "{bad} in the page");
    }
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the name is shown, escaped"
    );

    // A line break in a note ends no card and no task.
    let vcf = std::fs::read_to_string(dir.path("out.vcf")).expect("the cards");
    let mut parser = calcard::Parser::new(&vcf);
    let mut names = Vec::new();
    loop {
        match parser.entry() {
            calcard::Entry::VCard(card) => names.push(
                card.entries
                    .iter()
                    .find(|e| e.name == calcard::vcard::VCardProperty::Fn)
                    .and_then(|e| e.values.first())
                    .and_then(|v| v.as_text().map(str::to_string))
                    .unwrap_or_default(),
            ),
            calcard::Entry::Eof => break,
            other => panic!("calcard could not read the cards: {other:?}"),
        }
    }
    assert_eq!(names.len(), 3, "{names:?}");
    assert!(!names.iter().any(|n| n == "Injected"), "{names:?}");
    let ics = std::fs::read_to_string(dir.path("out.ics")).expect("the calendar");
    let calendar: Calendar = ics.parse().expect("an iCalendar parser reads the file");
    let summaries: Vec<String> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Todo(t) => Some(t.get_summary().unwrap_or_default().to_string()),
            _ => None,
        })
        .collect();
    assert_eq!(summaries.len(), 3, "{summaries:?}");
    assert!(!summaries.iter().any(|s| s == "Injected"), "{summaries:?}");
}
