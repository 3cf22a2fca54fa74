//! Files that cannot be read, and bad command lines.

use csv::StringRecord;

use crate::util::{Run, TestDir, fixture};

#[test]
fn an_unreadable_file_is_named_and_the_others_are_still_written() {
    let dir = TestDir::new();
    let missing = dir.path("missing.csv").display().to_string();
    let run = dir.run(&[
        &fixture("sheets/password.xlsx"),
        &missing,
        &fixture("csv/no-header.csv"),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("password.xlsx: workbook is password-protected"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("missing.csv: file not found"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("hint:"), "{}", run.stderr);
    assert_eq!(
        run.contacts.len(),
        2,
        "the readable file's contacts are written"
    );
}

#[test]
fn a_corrupt_workbook_and_an_image_get_clear_errors() {
    let dir = TestDir::new();
    let image = dir.write("card.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let run = dir.run(&[&fixture("sheets/truncated.xlsx"), &image]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("truncated.xlsx: not a readable workbook"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("card.png: the image is cut short: its end is missing"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_empty_file_and_binary_garbage_do_not_panic() {
    let dir = TestDir::new();
    let empty = dir.write("empty.csv", b"");
    let garbage = dir.write("garbage.vcf", [0u8, 159, 146, 150, 255, 0, 1, 2]);
    let run = dir.run(&[&empty, &garbage]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("empty.csv: file is empty"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
}

#[test]
fn bad_options_fail_with_a_hint_and_usage_errors_exit_2() {
    let dir = TestDir::new();
    let csv = fixture("csv/no-header.csv");
    let run = dir.run(&[&csv, "--met-on", "next tuesday"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("--met-on \"next tuesday\": not a date"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("hint: write dates as YYYY-MM-DD"),
        "{}",
        run.stderr
    );
    let out = dir.rolo(&[
        "run".into(),
        csv.clone(),
        "--contacts".into(),
        "out.xml".into(),
    ]);
    assert_eq!(out.status.code(), Some(1));
    let out = dir.rolo(&["run".into(), csv, "--no-such-flag".into()]);
    assert_eq!(out.status.code(), Some(2));
    let out = dir.rolo(&["run".into()]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_folder_stands_for_the_contact_files_inside_it() {
    let dir = TestDir::new();
    let folder = dir.path("exports");
    std::fs::create_dir(&folder).unwrap();
    std::fs::copy(fixture("csv/no-header.csv"), folder.join("a.csv")).unwrap();
    std::fs::copy(fixture("vcard/missing-end.vcf"), folder.join("b.vcf")).unwrap();
    std::fs::write(folder.join("notes.pdf"), b"%PDF-1.4").unwrap();
    let run = dir.run(&[&folder.display().to_string()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.contacts.len(), 5);
    let empty = dir.path("empty");
    std::fs::create_dir(&empty).unwrap();
    let run = dir.run(&[&empty.display().to_string()]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("a folder with no contact file"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_workbook_that_would_unzip_to_gigabytes_is_refused_before_unzipping() {
    // A real workbook whose zip directory declares each part a gigabyte: what a zip bomb looks
    // like to a reader that trusts it.
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "Email").unwrap();
    sheet.write_string(1, 0, "ann@example.org").unwrap();
    let mut bytes = book.save_to_buffer().unwrap();
    let mut at = 0;
    while let Some(i) = bytes[at..].windows(4).position(|w| w == b"PK\x01\x02") {
        let header = at + i;
        // The central directory header's uncompressed size, 24 bytes in.
        bytes[header + 24..header + 28].copy_from_slice(&1_000_000_000u32.to_le_bytes());
        at = header + 4;
    }
    let dir = TestDir::new();
    let file = dir.write("bomb.xlsx", &bytes);
    let run = dir.run(&[&file]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("bomb.xlsx") && run.stderr.contains("zip bomb"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_value_over_a_megabyte_is_a_reject_but_a_large_photo_is_not() {
    let dir = TestDir::new();
    let notes = dir.write(
        "notes.csv",
        format!(
            "Name,Email,Notes\nAnn Lee,ann@example.org,{}\nBo Lind,bo@example.org,fine\n",
            "n".repeat(1_100_000)
        ),
    );
    let card = dir.write(
        "photo.vcf",
        format!(
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cy Young\r\nEMAIL:cy@example.org\r\nPHOTO;ENCODING=b;TYPE=JPEG:{}\r\nEND:VCARD\r\n",
            "A".repeat(12 << 20)
        ),
    );
    let run = dir.run(&[&notes, &card]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.names(), ["Bo Lind", "Cy Young"]);
    // The photo is kept whole: 12 MiB of base64 are 9 MiB of image.
    assert_eq!(run.contact("Cy Young")["photo"]["bytes"], 9 << 20);
    assert_eq!(run.rejects.len(), 1);
    assert!(
        run.rejects[0][3].contains("notes is 1.0 MB, more than the 1.0 MB"),
        "{:?}",
        run.rejects[0]
    );
    assert!(
        run.rejects[0][4].starts_with("Ann Lee,ann@example.org,nnnn"),
        "the raw text is kept"
    );
}

#[test]
fn a_sheet_naming_its_last_cell_far_away_costs_only_its_cells() {
    // A few hundred bytes of XML put a cell at XFD1048576: a dense grid of that sheet would
    // need half a terabyte (calamine's worksheet_range aborted the process).
    use std::io::Write;
    let parts = [
        (
            "[Content_Types].xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
        ),
        (
            "_rels/.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ),
        (
            "xl/workbook.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Leads" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#,
        ),
        (
            "xl/worksheets/sheet1.xml",
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Name</t></is></c><c r="B1" t="inlineStr"><is><t>Email</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Ann Lee</t></is></c><c r="B2" t="inlineStr"><is><t>ann@example.org</t></is></c></row><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>far</t></is></c></row></sheetData></worksheet>"#,
        ),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(text.as_bytes()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let dir = TestDir::new();
    let file = dir.write("far.xlsx", bytes);
    let run = dir.run(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.names(), ["Ann Lee"]);
    // The far cell is a record of its own, with nothing to know a person by: a reject.
    assert_eq!(run.rejects.len(), 1);
}

#[cfg(unix)]
#[test]
fn a_write_that_fails_half_way_leaves_the_previous_output_whole() {
    // `ulimit -f` makes the file system refuse the write past 8 KB, as a full disk would
    // (SIGXFSZ ignored so that the write fails instead of killing the process).
    let dir = TestDir::new();
    let out = dir.path("contacts.jsonl");
    std::fs::write(&out, "previous\n").unwrap();
    let mut rows = String::from("First Name,Last Name,Email\n");
    for i in 0..2_000 {
        rows.push_str(&format!("Person{i},Family{i},p{i}@example.org\n"));
    }
    let input = dir.write("scans.csv", rows);
    let rolo = assert_cmd::cargo::cargo_bin("rolo");
    let script = format!(
        "trap '' XFSZ; ulimit -f 8; exec '{}' run -q '{input}' --contacts '{}'",
        rolo.display(),
        out.display()
    );
    let run = std::process::Command::new("sh")
        .args(["-c", &script])
        .env("ROLO_NO_PROGRESS", "1")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    let err = String::from_utf8_lossy(&run.stderr);
    assert!(err.contains("contacts.jsonl: cannot write"), "{err}");
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous\n");
    let leftovers: Vec<_> = std::fs::read_dir(out.parent().unwrap())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().starts_with(".rolo-"))
        .collect();
    assert!(leftovers.is_empty(), "a temporary file was left behind");
}

#[test]
fn an_output_where_no_folder_can_be_made_is_an_error_naming_it() {
    let dir = TestDir::new();
    let file = dir.write("not-a-folder", "x");
    let target = format!("{file}/contacts.jsonl");
    let run = dir.run(&[&fixture("vcard/missing-end.vcf"), "--contacts", &target]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains(&target) && run.stderr.contains("cannot write"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_xls_whose_directory_chain_loops_is_refused_at_once() {
    // Found by fuzzing the spreadsheet reader: 6 KB that made calamine 0.38 grow a buffer
    // until memory ran out (24 GB).
    let dir = TestDir::new();
    let run = dir.run(&[&fixture("hostile/looping-directory.xls")]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("chain of sectors loops"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_spreadsheet_the_reader_library_panics_on_is_an_unreadable_file() {
    // Found by fuzzing: an xls with a truncated sector trips an assertion inside calamine 0.38.
    let dir = TestDir::new();
    let run = dir.run(&[
        &fixture("hostile/truncated-sector.xls"),
        &fixture("demo/phone.vcf"),
    ]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr.contains("truncated-sector.xls: not a readable"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(!run.contacts.is_empty(), "the other file is still read");
}

/// What holds record `record` of a one-file run, as text to search: its contact (as JSON) or
/// its reject (its cells), with the reject. A record in both or in neither fails the test.
fn holder_of<'a>(run: &'a Run, record: u64, kind: &str) -> (String, Option<&'a StringRecord>) {
    let contact = run.contacts.iter().find(|c| {
        c["sources"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["record"] == record)
    });
    let reject = run.rejects.iter().find(|r| r[2] == record.to_string());
    match (contact, reject) {
        (Some(c), None) => (serde_json::to_string(c).unwrap(), None),
        (None, Some(r)) => (r.iter().collect::<Vec<_>>().join("|"), Some(r)),
        _ => panic!("{kind}: record {record} must be in one contact or rejected, once"),
    }
}

#[test]
fn every_kind_of_bad_value_ends_in_a_contact_or_a_reject_with_its_text() {
    // A badge export in which each row has a different bad value; every row must come out as
    // a contact that keeps the value (as a problem or a custom field) or as a reject with its
    // reason and raw text. (A row of empty cells is no record: it is skipped like a blank line.)
    let rows: &[(&str, &str)] = &[
        ("email without @", "Ann,Lee,ann.lee(at)acme.example,,,,,"),
        ("email with a space", "Bo,Lind,bo lind@acme.example,,,,,"),
        ("two @", "Cy,Young,cy@@acme.example,,,,,"),
        (
            "phone with letters",
            "Di,Moss,di@acme.example,call after 5,,,,",
        ),
        ("phone too short", "Ed,Nash,ed@acme.example,12,,,,"),
        (
            "phone too long",
            "Flo,Ortiz,flo@acme.example,+1 415 555 0100 0100 0100 0100,,,,",
        ),
        (
            "number of another plan",
            "Gus,Park,gus@acme.example,+999 1234 5678,,,,",
        ),
        (
            "impossible birthday",
            "Hana,Quist,hana@acme.example,,1990-02-31,,,",
        ),
        (
            "birthday in words",
            "Ivo,Rask,ivo@acme.example,,sometime in May,,,",
        ),
        ("rating not a rating", "Jo,Sand,jo@acme.example,,,maybe?,,"),
        (
            "scan time not a time",
            "Kai,Toft,kai@acme.example,,,,yesterday,",
        ),
        (
            "url that is no url",
            "Liv,Ude,liv@acme.example,,,,,htp//:nowhere",
        ),
        (
            "profile of a company",
            "Mo,Vik,mo@acme.example,,,,,https://www.linkedin.com/company/acme",
        ),
        ("control characters", "Ny\u{1}a,Wold,nya@acme.example,,,,,"),
        ("formula", "=HYPERLINK(\"x\"),Xu,xu@acme.example,,,,,"),
        ("a rating and nothing to reach", ",,,,,Hot,,"),
        ("only a note", ",,,,,,,\"met at the bar, no card\""),
        (
            "cells beyond the header",
            "Ole,Berg,ole@acme.example,,,,,,extra cell,another",
        ),
        ("too few cells", "Pia,Cruz"),
        (
            "a name that is only punctuation",
            "--,..,qa@acme.example,,,,,",
        ),
    ];
    let mut text =
        String::from("First Name,Last Name,Email,Phone,Birthday,Rating,Scanned At,Website\n");
    for (_, row) in rows {
        text.push_str(row);
        text.push('\n');
    }
    let dir = TestDir::new();
    let file = dir.write("bad.csv", &text);
    let run = dir.run(&[&file, "--region", "US"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (n, (kind, row)) in rows.iter().enumerate() {
        let (holder, reject) = holder_of(&run, (n + 1) as u64, kind);
        if let Some(r) = reject {
            assert!(!r[3].is_empty(), "{kind}: a reject says why");
            assert_eq!(&r[4], *row, "{kind}: raw text kept");
        }
        // Every non-empty cell of the row is in what holds the record, as written.
        for cell in csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(row.as_bytes())
            .records()
            .next()
            .unwrap()
            .unwrap()
            .iter()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        {
            let escaped = serde_json::to_string(cell).unwrap();
            let kept = holder.contains(&escaped[1..escaped.len() - 1])
                || holder.to_lowercase().contains(&cell.to_lowercase());
            assert!(kept, "{kind}: {cell:?} is lost");
        }
    }
}

#[test]
fn every_kind_of_bad_value_in_a_vcard_is_kept_with_its_card() {
    // Phone contacts, each card with another bad value; every value must stay with its card's
    // contact (as a problem or a custom field) or its card must be a reject.
    let cards: &[(&str, &str)] = &[
        (
            "email without @",
            "FN:Ann Lee\r\nEMAIL:ann.lee(at)acme.example",
        ),
        (
            "phone in words",
            "FN:Bo Lind\r\nTEL;TYPE=CELL:ask reception",
        ),
        ("birthday in words", "FN:Cy Young\r\nBDAY:sometime in May"),
        ("impossible birthday", "FN:Di Moss\r\nBDAY:1990-02-31"),
        ("url that is no url", "FN:Ed Nash\r\nURL:htp//:nowhere"),
        ("unknown property", "FN:Flo Ortiz\r\nX-SHOE-SIZE:44"),
        ("a name and nothing else broken, but no FN", "N:Park;Gus;;;"),
        ("nothing but a note", "NOTE:met at the bar"),
        ("geo that is no place", "FN:Hana Quist\r\nGEO:somewhere"),
        (
            "a category list with empties",
            "FN:Ivo Rask\r\nCATEGORIES:,,vip,,",
        ),
    ];
    let mut text = String::new();
    for (_, body) in cards {
        text.push_str("BEGIN:VCARD\r\nVERSION:3.0\r\n");
        text.push_str(body);
        text.push_str("\r\nEND:VCARD\r\n");
    }
    let dir = TestDir::new();
    let file = dir.write("bad.vcf", &text);
    let run = dir.run(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for (n, (kind, body)) in cards.iter().enumerate() {
        let (holder, _) = holder_of(&run, (n + 1) as u64, kind);
        for line in body.split("\r\n") {
            let value = line.split_once(':').unwrap().1;
            // A structured value (`N`, a list) is kept in its parts.
            for part in value.split([';', ',']).filter(|p| !p.is_empty()) {
                assert!(holder.contains(part), "{kind}: {part:?} is lost: {holder}");
            }
        }
    }
}
