//! The shared corpus of real exports written by other projects: every file is read without a
//! panic, and every top-level vCard card ends in a contact or in the rejects.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::util::{TestDir, root};

fn corpus(folder: &str) -> Option<Vec<String>> {
    let dir: PathBuf = root().join("../shared/corpus").join(folder);
    if !dir.is_dir() {
        eprintln!(
            "skipped: {} is absent (the shared corpus sits beside the project)",
            dir.display()
        );
        return None;
    }
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("the corpus folder")
        .map(|e| e.expect("an entry").path())
        .filter(|p| p.is_file())
        .map(|p| p.display().to_string())
        .collect();
    files.sort();
    Some(files)
}

/// How many records of each file ended in a contact's sources or in the rejects.
fn accounted(run: &crate::util::Run) -> HashMap<String, usize> {
    let mut count: HashMap<String, usize> = HashMap::new();
    for c in &run.contacts {
        for s in c["sources"].as_array().expect("sources") {
            *count
                .entry(s["file"].as_str().expect("file").to_string())
                .or_default() += 1;
        }
    }
    for r in &run.rejects {
        *count.entry(r[0].to_string()).or_default() += 1;
    }
    count
}

fn read_all(folder: &str) -> Option<(Vec<String>, crate::util::Run)> {
    let files = corpus(folder)?;
    let dir = TestDir::new();
    let args: Vec<&str> = files.iter().map(String::as_str).collect();
    let run = dir.run(&args);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(
        run.code == 0 || run.code == 1,
        "exit {}: {}",
        run.code,
        run.stderr
    );
    Some((files, run))
}

/// The cards at the top level of a vCard file: a BEGIN:VCARD inside a card that is closed
/// later is that card's (an AGENT); a card never closed ends where the next card begins.
fn top_level_cards(text: &str) -> usize {
    let mut depth = 0usize;
    let mut cards = 0;
    for line in text
        .lines()
        .map(|l| l.trim().trim_start_matches('\u{feff}').to_ascii_uppercase())
    {
        if line == "BEGIN:VCARD" {
            if depth == 0 {
                cards += 1;
            }
            depth += 1;
        } else if line == "END:VCARD" {
            depth = depth.saturating_sub(1);
        }
    }
    cards
}

#[test]
fn every_vcard_card_is_accounted_for() {
    let Some((files, run)) = read_all("vcard") else {
        return;
    };
    let counts = accounted(&run);
    let mut total = 0;
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let text = rolo::read::text::decode(&bytes).text;
        let cards = top_level_cards(&text);
        let seen = counts.get(file).copied().unwrap_or(0);
        // A card whose END is missing is read as its own card and so are the cards after it,
        // so there may be more records than closed top-level cards, never fewer.
        let begins = text
            .lines()
            .filter(|l| l.trim().eq_ignore_ascii_case("BEGIN:VCARD"))
            .count();
        assert!(
            seen >= cards,
            "{file}: {seen} of {cards} cards accounted for"
        );
        assert!(
            seen <= begins.max(1),
            "{file}: {seen} records from {begins} BEGIN lines"
        );
        total += seen;
    }
    eprintln!(
        "vcard corpus: {} files, {total} cards accounted for",
        files.len()
    );
}

#[test]
fn every_csv_file_is_read() {
    let Some((files, run)) = read_all("csv") else {
        return;
    };
    assert_eq!(
        run.code, 0,
        "every CSV file of the corpus is readable: {}",
        run.stderr
    );
    let counts = accounted(&run);
    for file in &files {
        assert!(
            counts.get(file).copied().unwrap_or(0) > 0,
            "{file}: no record read"
        );
    }
    eprintln!(
        "csv corpus: {} files, {} records accounted for",
        files.len(),
        counts.values().sum::<usize>()
    );
}

#[test]
fn every_spreadsheet_is_read_or_named_with_a_reason() {
    let Some((files, run)) = read_all("sheets") else {
        return;
    };
    for file in &files {
        let name = file.rsplit('/').next().unwrap();
        assert!(
            run.stderr.contains(name),
            "{file} is in the summary: {}",
            run.stderr
        );
    }
    let counts = accounted(&run);
    eprintln!(
        "sheets corpus: {} files, {} records accounted for",
        files.len(),
        counts.values().sum::<usize>()
    );
}
