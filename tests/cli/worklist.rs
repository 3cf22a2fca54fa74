//! The worklist as a user opens it: the order and spread of the steps, the drafts, a cadence of
//! one's own, and each format read by what would read it (a CSV reader, an iCalendar parser, a
//! real browser).

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::{TestDir, demo_run, fixture, root};

/// The demo haul, met on 10-12 March, worked on the 13th, with `extra` arguments; the worklist
/// written to `file` in `dir`.
fn worklist(dir: &TestDir, file: &str, extra: &[&str]) -> String {
    let path = dir.path(file).display().to_string();
    let mut args = demo_run(&["--worklist", &path]);
    args.extend(extra.iter().map(|a| a.to_string()));
    dir.rolo_ok(&args);
    path
}

fn jsonl(path: &str) -> Vec<Value> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

fn field<'a>(row: &'a Value, key: &str) -> &'a str {
    row[key].as_str().unwrap_or_default()
}

#[test]
fn per_day_spreads_the_steps_most_important_first() {
    let dir = TestDir::new();
    let rows = jsonl(&worklist(&dir, "w.jsonl", &["--per-day", "4"]));
    let mut per_day = std::collections::BTreeMap::new();
    for r in &rows {
        *per_day.entry(field(r, "due").to_string()).or_insert(0) += 1;
    }
    assert!(per_day.values().all(|n| *n <= 4), "{per_day:?}");
    // Twelve thank-yous overdue on the 13th: four that day, the rest on the next days.
    assert_eq!(per_day.get("2026-03-13"), Some(&4));
    let first: Vec<&str> = rows.iter().take(4).map(|r| field(r, "name")).collect();
    assert_eq!(
        first,
        [
            "Kwame Mensah",
            "Priya Raman",
            "Maria Gonzalez",
            "Sophie Martin"
        ]
    );
    // The 13th is a Friday: the rest go to Monday, not to the weekend.
    assert!(!per_day.contains_key("2026-03-14") && !per_day.contains_key("2026-03-15"));
    let moved = rows
        .iter()
        .find(|r| field(r, "due") == "2026-03-16")
        .unwrap();
    assert_eq!(field(moved, "moved_from"), "2026-03-13");
    // Priority never rises from one day's rows to the next day's first row that was moved.
    let lowest_first_day = rows
        .iter()
        .take(4)
        .map(|r| r["priority"].as_u64().unwrap())
        .min();
    assert!(moved["priority"].as_u64() <= lowest_first_day);
    // Unless the weekends are working days.
    let rows = jsonl(&worklist(
        &dir,
        "w2.jsonl",
        &["--per-day", "4", "--weekends"],
    ));
    assert!(rows.iter().any(|r| field(r, "due") == "2026-03-14"));
}

#[test]
fn a_horizon_lists_every_step_within_it() {
    let dir = TestDir::new();
    let next_only = jsonl(&worklist(&dir, "a.jsonl", &[]));
    let horizon = jsonl(&worklist(&dir, "b.jsonl", &["--horizon", "20"]));
    assert!(horizon.len() > next_only.len());
    let kwame: Vec<&str> = horizon
        .iter()
        .filter(|r| field(r, "name") == "Kwame Mensah")
        .map(|r| field(r, "step"))
        .collect();
    // Met on the 10th: +1 thank-you (overdue), +7 value on the 17th; +30 (9 April) is past
    // the horizon of 2 April.
    assert_eq!(kwame, ["thank-you", "value"]);
    // A horizon of 0 days: what is due today, and nothing later.
    let today = jsonl(&worklist(&dir, "c.jsonl", &["--horizon", "0"]));
    assert!(!today.is_empty());
    assert!(today.iter().all(|r| field(r, "due") == "2026-03-13"));
    let in_a_week = jsonl(&worklist(&dir, "d.jsonl", &["--horizon", "7"]));
    assert!(in_a_week.len() > today.len());
    assert!(in_a_week.iter().all(|r| field(r, "due") <= "2026-03-20"));
}

#[test]
fn drafts_greet_by_first_name_recall_the_meeting_keep_the_notes_beside_and_sign() {
    let dir = TestDir::new();
    let rows = jsonl(&worklist(&dir, "w.jsonl", &["--from-name", "Sam Lee"]));
    let kwame = rows
        .iter()
        .find(|r| field(r, "name") == "Kwame Mensah")
        .unwrap();
    assert_eq!(
        field(kwame, "draft_subject"),
        "Great to meet you at Expo 2026"
    );
    let body = field(kwame, "draft_body");
    assert!(body.starts_with("Hi Kwame,\n\n"), "{body}");
    assert!(body.contains("at Expo 2026 on March 10."), "{body}");
    // The rep's notes are talking points beside the draft, never words in it.
    assert!(!body.contains("seed round"), "{body}");
    assert_eq!(
        field(kwame, "notes"),
        "Raising a seed round; needs KYC tooling"
    );
    assert!(body.ends_with("Best regards,\nSam Lee"), "{body}");
    for r in &rows {
        for note in field(r, "notes").split(" | ").filter(|n| n.len() > 3) {
            let note = note.trim_end_matches('.');
            assert!(!field(r, "draft_body").contains(note), "{note} in a draft");
        }
    }
    for r in &rows {
        let text = format!("{} {}", field(r, "draft_subject"), field(r, "draft_body"));
        for gap in ["{{", "}}", "  ", " ,", " .", "\n\n\n", "None", "undefined"] {
            assert!(!text.contains(gap), "{gap:?} in {text:?}");
        }
    }
    // Oliver has no email, phone or profile: the channel says to find them first.
    let oliver = rows
        .iter()
        .find(|r| field(r, "name") == "Oliver Grant")
        .unwrap();
    assert_eq!(field(oliver, "channel"), "find contact details");
    assert!(field(oliver, "action").starts_with("Find contact details for Oliver Grant ("));
}

#[test]
fn a_birthday_in_the_coming_week_is_a_greeting() {
    let dir = TestDir::new();
    let badge = dir.write(
        "badges.csv",
        "First Name,Last Name,Email,Birthday\nAda,Nkemelu,ada@example.org,--03-16\nBo,Lind,bo@example.org,1980-09-01\n",
    );
    let path = dir.path("w.jsonl").display().to_string();
    let out = dir.rolo(
        &[
            "run",
            "-q",
            &badge,
            "--event",
            "Expo",
            "--met-on",
            "2026-03-10",
            "--today",
            "2026-03-13",
            "--worklist",
            &path,
        ]
        .map(String::from),
    );
    assert!(out.status.success());
    let rows = jsonl(&path);
    let greetings: Vec<(&str, &str)> = rows
        .iter()
        .filter(|r| field(r, "step") == "birthday")
        .map(|r| (field(r, "name"), field(r, "due")))
        .collect();
    assert_eq!(greetings, [("Ada Nkemelu", "2026-03-16")]);
}

#[test]
fn a_cadence_file_replaces_the_steps_and_an_unknown_key_is_named() {
    let dir = TestDir::new();
    let cadence = dir.write(
        "cadence.toml",
        r#"
[[step]]
name = "call"
days = 2
ratings = ["hot"]
action = "Call {{ first_name }} about {{ event }}"
subject = "After {{ event }}"
body = "Hi {{ first_name }}, {{ notes }}"

[[step]]
name = "email"
days = 3
action = "Email {{ first_name }}"
"#,
    );
    let rows = jsonl(&worklist(&dir, "w.jsonl", &["--cadence", &cadence]));
    let kwame = rows
        .iter()
        .find(|r| field(r, "name") == "Kwame Mensah")
        .unwrap();
    assert_eq!(field(kwame, "step"), "call");
    assert!(field(kwame, "action").starts_with("Call Kwame about Expo 2026"));
    assert_eq!(
        field(kwame, "draft_body"),
        "Hi Kwame, Raising a seed round; needs KYC tooling."
    );
    let emily = rows
        .iter()
        .find(|r| field(r, "name") == "Emily Watson")
        .unwrap();
    assert_eq!(
        field(emily, "step"),
        "email",
        "not hot: the first step is not for her"
    );

    let bad = dir.write(
        "bad.toml",
        "[[step]]\nname = \"x\"\ndays = 1\naction = \"a\"\nwhen = 2\n",
    );
    let out = dir.rolo(&["run", &fixture("demo/phone.vcf"), "--cadence", &bad].map(String::from));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("bad.toml") && err.contains("when"), "{err}");
}

#[test]
fn the_csv_opens_in_excel_with_the_drafts_after_the_contract_columns() {
    let dir = TestDir::new();
    let path = worklist(&dir, "w.csv", &[]);
    let bytes = std::fs::read(&path).unwrap();
    assert!(bytes.starts_with("\u{feff}due,overdue,priority,".as_bytes()));
    let text = String::from_utf8(bytes).unwrap();
    let header = text.lines().next().unwrap();
    assert!(
        header.ends_with(",notes,reasons,draft_subject,draft_body,last_touch"),
        "{header}"
    );
}

#[test]
fn the_markdown_checklist_groups_by_day_with_the_draft_folded() {
    let dir = TestDir::new();
    let text = std::fs::read_to_string(worklist(&dir, "w.md", &["--per-day", "5"])).unwrap();
    assert!(text.starts_with("# Follow-ups from Friday 13 March 2026\n"));
    assert!(text.contains("\n## Friday 13 March 2026 (5)\n"));
    assert!(
        text.contains("\n## Monday 16 March 2026 (5)\n"),
        "the weekend skipped"
    );
    assert!(
        text.contains(
            "- [ ] **Kwame Mensah**, Baobab Fintech: thank-you via email _(overdue 2 days)_"
        ),
        "{text}"
    );
    assert!(text.contains("<details><summary>Draft: Great to meet you at Expo 2026</summary>"));
    assert!(text.contains("  > Hi Kwame,"));
}

#[test]
fn the_calendar_has_one_valid_task_per_step() {
    let dir = TestDir::new();
    let path = worklist(&dir, "w.ics", &["--from-name", "Sam Lee"]);
    let text = std::fs::read_to_string(&path).unwrap();
    let mut parser = calcard::Parser::new(&text);
    let calendar = match parser.entry() {
        calcard::Entry::ICalendar(cal) => cal,
        other => panic!("not an iCalendar: {other:?}"),
    };
    assert!(matches!(parser.entry(), calcard::Entry::Eof));
    let todos: Vec<_> = calendar
        .components
        .iter()
        .filter(|c| c.component_type == calcard::icalendar::ICalendarComponentType::VTodo)
        .collect();
    let rows = jsonl(&worklist(&dir, "w.jsonl", &[]));
    assert_eq!(todos.len(), rows.len());
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{line}");
    }
    let unfolded = text.replace("\r\n ", "");
    assert!(unfolded.contains("DUE;VALUE=DATE:20260313\r\n"));
    assert!(unfolded.contains("SUMMARY:Thank Kwame for the conversation at Expo 2026"));
    assert!(
        unfolded.contains("Hi Kwame\\,\\n\\nThank you"),
        "the draft in the description"
    );
    // Each task has the properties RFC 5545 requires of it.
    for todo in &todos {
        for property in ["UID", "DTSTAMP", "DUE", "SUMMARY"] {
            assert!(
                todo.entries.iter().any(|e| e.name.as_str() == property),
                "{property} missing"
            );
        }
    }
}

/// Debian's chromium, or `CHROMIUM`; `.ci/run` installs it. Elsewhere the browser test says it
/// is skipped.
fn chromium() -> Option<PathBuf> {
    if let Ok(path) = std::env::var("CHROMIUM") {
        return Some(path.into());
    }
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .map(|name| Path::new("/usr/bin").join(name))
        .find(|p| p.exists())
}

/// Runs headless chromium on `page` with `extra` arguments, for a browser test; `None` (the test
/// says it is skipped) where there is no chromium outside CI.
fn browse(dir: &TestDir, page: &str, extra: &[String]) -> Option<std::process::Output> {
    let Some(browser) = chromium() else {
        assert!(
            std::env::var("CI").is_err(),
            "CI must have chromium (.ci/run installs it)"
        );
        eprintln!("skipped: no chromium here (set CHROMIUM or install Debian's chromium)");
        return None;
    };
    let mut cmd = Command::new(&browser);
    cmd.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--enable-logging=stderr",
        "--v=0",
    ])
    .arg(format!("--user-data-dir={}", dir.path("profile").display()))
    .args(extra)
    .arg(format!("file://{page}"));
    let out = cmd.output().expect("chromium runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(out)
}

#[test]
fn the_page_renders_in_a_real_browser_with_working_links() {
    let dir = TestDir::new();
    let page = worklist(
        &dir,
        "w.html",
        &["--from-name", "Sam Lee", "--per-day", "5"],
    );
    let html = std::fs::read_to_string(&page).unwrap();
    // Self-contained: nothing is fetched from the network.
    assert!(!html.contains("src=\"http"), "a remote resource");
    assert!(!html.contains("<link"), "a linked stylesheet");

    let shots = root().join("target").join("test-output");
    std::fs::create_dir_all(&shots).unwrap();
    let shot = shots.join("worklist.png");
    let browse = |extra: &[String]| browse(&dir, &page, extra);
    let Some(dom) = browse(&["--dump-dom".into()]) else {
        return;
    };
    let stderr = String::from_utf8_lossy(&dom.stderr);
    for line in stderr.lines() {
        assert!(
            !(line.contains("CONSOLE") || line.contains("Uncaught") || line.contains("net::ERR")),
            "the page logged an error: {line}"
        );
    }
    let dom = String::from_utf8_lossy(&dom.stdout);
    // The browser's own DOM: every mailto carries the drafted subject and body.
    let mailtos: Vec<&str> = dom
        .split("href=\"mailto:")
        .skip(1)
        .map(|rest| &rest[..rest.find('"').unwrap()])
        .collect();
    assert!(mailtos.len() >= 10, "{} mail links", mailtos.len());
    for link in &mailtos {
        assert!(
            link.contains("?subject=") && link.contains("&amp;body=Hi%20"),
            "{link}"
        );
    }
    assert!(mailtos.iter().any(|l| l.starts_with(
        "kwame@baobabfintech.com?subject=Great%20to%20meet%20you%20at%20Expo%202026"
    )));
    assert!(dom.contains("href=\"tel:+233241234567\""));
    assert!(dom.contains("href=\"https://linkedin.com/in/"));
    assert!(dom.contains("<svg") && dom.contains("Steps per day"));

    browse(&[
        format!("--screenshot={}", shot.display()),
        "--window-size=1000,1400".into(),
    ]);
    let png = std::fs::read(&shot).expect("a screenshot");
    assert!(png.starts_with(b"\x89PNG") && png.len() > 10_000);
}

#[test]
fn the_terminal_table_fits_the_width_and_has_no_colour_in_a_pipe() {
    let out = assert_cmd::Command::cargo_bin("rolo")
        .unwrap()
        .args([
            "run",
            &fixture("demo/badge-scans.xlsx"),
            "--event",
            "Expo 2026",
            "--met-on",
            "2026-03-10",
            "--today",
            "2026-03-13",
        ])
        .env("ROLO_NO_PROGRESS", "1")
        .env("COLUMNS", "72")
        .output()
        .unwrap();
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(!table.contains('\u{1b}'), "colour codes in a pipe");
    assert!(table.contains("Kwame Mensah"), "{table}");
    for line in table.lines() {
        assert!(
            line.chars().count() <= 72,
            "{} columns: {line}",
            line.chars().count()
        );
    }
}

#[test]
fn the_printed_page_shows_every_draft_with_its_card_on_one_page() {
    let dir = TestDir::new();
    let page = worklist(&dir, "w.html", &["--from-name", "Sam Lee"]);
    let rows = jsonl(&worklist(&dir, "w.jsonl", &["--from-name", "Sam Lee"]));
    let pdf = dir.path("w.pdf");
    let printed = browse(
        &dir,
        &page,
        &[
            format!("--print-to-pdf={}", pdf.display()),
            "--no-pdf-header-footer".into(),
        ],
    );
    if printed.is_none() {
        return;
    }
    let doc = lopdf::Document::load(&pdf).expect("chromium wrote a PDF");
    let pages: Vec<String> = doc
        .get_pages()
        .keys()
        .map(|&n| doc.extract_text(&[n]).unwrap())
        .collect();
    assert!(pages.len() > 1, "the demo fills more than one page");
    for row in &rows {
        let name = field(row, "name");
        let greeting = field(row, "draft_body").lines().next().unwrap();
        let Some(page) = pages.iter().find(|p| p.contains(name)) else {
            panic!("{name} is not in the printed page");
        };
        assert!(
            page.contains(greeting) && page.contains("Best regards,\nSam Lee"),
            "the draft to {name} is not printed on the page of the card:\n{page}"
        );
    }
    let heading = |line: &str| {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ]
        .iter()
        .any(|day| line.starts_with(day) && line.ends_with(char::is_numeric))
    };
    for (n, page) in pages.iter().enumerate() {
        let last = page
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("");
        assert!(
            !heading(last),
            "page {} ends with the heading {last:?}",
            n + 1
        );
    }
}

/// The cadence example of the README, as a user would copy it.
fn readme_cadence() -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("```toml\n[[step]]")
        .expect("a cadence in the README")
        + 8;
    let end = start + readme[start..].find("```").unwrap();
    readme[start..end].to_string()
}

#[test]
fn a_step_that_calls_is_taken_by_phone_and_says_when_there_is_none() {
    let dir = TestDir::new();
    let cadence = dir.write("cadence.toml", readme_cadence());
    let rows = jsonl(&worklist(
        &dir,
        "w.jsonl",
        &["--cadence", &cadence, "--from-name", "Sam Lee"],
    ));
    let kwame = rows
        .iter()
        .find(|r| field(r, "name") == "Kwame Mensah")
        .unwrap();
    assert_eq!(
        field(kwame, "action"),
        "Call Kwame about Expo 2026, by phone (+233241234567)"
    );
    assert_eq!(field(kwame, "channel"), "phone");
    assert!(
        field(kwame, "draft_body")
            .starts_with("Hi Kwame,\n\nThank you again for your time at Expo 2026 on March"),
        "{}",
        field(kwame, "draft_body")
    );
    // Someone without a number: the action says so and takes the channel there is.
    for r in &rows {
        let action = field(r, "action");
        assert!(
            !action.contains(", by email") || action.contains("no phone known: by email"),
            "{action}"
        );
    }

    let typo = dir.write(
        "typo.toml",
        readme_cadence().replace("channel = \"phone\"", "channel = \"fax\""),
    );
    let out = dir.rolo(&["run", &fixture("demo/phone.vcf"), "--cadence", &typo].map(String::from));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("unknown channel `fax`"), "{err}");
}

#[test]
fn a_worklist_longer_than_a_write_slice_has_every_step_once_in_order_each_draft_its_own() {
    // 17,000 people, each a row: more than one slice of the rows written at a time.
    const PEOPLE: usize = 17_000;
    let given = [
        "Anna", "Bruno", "Chiara", "Dmitri", "Elif", "Farid", "Grace", "Hiro",
    ];
    let ratings = ["Hot", "Warm", "Cold", ""];
    let mut badge = String::from("First Name,Last Name,Email,Rating\n");
    for i in 0..PEOPLE {
        // Family names of letters, one each: no two people alike.
        let family: String = format!("{i:05}")
            .bytes()
            .map(|d| char::from(b'a' + d - b'0'))
            .collect();
        badge.push_str(&format!(
            "{},Q{family},p{i}@x.example,{}\n",
            given[i % given.len()],
            ratings[i % ratings.len()]
        ));
    }
    let dir = TestDir::new();
    let badge = dir.write("badge.csv", badge);
    let (csv_path, jsonl_path) = (dir.path("w.csv"), dir.path("w.jsonl"));
    let contacts_path = dir.path("c.jsonl").display().to_string();
    for path in [&csv_path, &jsonl_path] {
        let path = path.display().to_string();
        dir.rolo_ok(
            &[
                "run",
                "-q",
                &badge,
                "--event",
                "Expo",
                "--met-on",
                "2026-03-10",
                "--today",
                "2026-03-11",
                "--worklist",
                &path,
                "--contacts",
                &contacts_path,
            ]
            .map(String::from),
        );
    }
    // Every contact has a step: one row each.
    let contacts = jsonl(&contacts_path);
    assert!(contacts.len() > 16_384, "{} contacts", contacts.len());
    let first_emails: std::collections::HashSet<&str> = contacts
        .iter()
        .map(|c| c["emails"][0].as_str().unwrap())
        .collect();
    let mut reader = csv::Reader::from_path(&csv_path).unwrap();
    let header = reader.headers().unwrap().clone();
    let col = |name: &str| {
        header
            .iter()
            .position(|h| h.trim_start_matches('\u{feff}') == name)
    };
    let (priority, name, email, body) = (
        col("priority").unwrap(),
        col("name").unwrap(),
        col("email").unwrap(),
        col("draft_body").unwrap(),
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), contacts.len(), "one step for each person");
    let emails: std::collections::HashSet<&str> = rows.iter().map(|r| &r[email]).collect();
    assert_eq!(emails, first_emails, "no one twice, no one missing");
    // All due on one day: the highest priority first, then by name.
    let keys: Vec<(std::cmp::Reverse<u32>, &str)> = rows
        .iter()
        .map(|r| (std::cmp::Reverse(r[priority].parse().unwrap()), &r[name]))
        .collect();
    assert!(keys.windows(2).all(|w| w[0] <= w[1]), "rows out of order");
    for r in &rows {
        let first = r[name].split(' ').next().unwrap();
        assert!(
            r[body].starts_with(&format!("Hi {first},")),
            "{} is sent a draft for someone else: {}",
            &r[name],
            &r[body]
        );
    }
    // The JSON Lines file holds the same rows in the same order.
    let lines = jsonl(&jsonl_path.display().to_string());
    assert_eq!(lines.len(), rows.len());
    for (line, row) in lines.iter().zip(&rows) {
        assert_eq!(field(line, "email"), &row[email]);
        assert_eq!(field(line, "draft_body"), &row[body]);
    }
}
