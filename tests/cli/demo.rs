//! The README's demo command, run as written.

use crate::util::{TestDir, root, strings};

/// The arguments of the README's `cargo run --release -- run ...` command.
fn readme_demo_args() -> Vec<String> {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let start = readme
        .find("cargo run --release -- run")
        .expect("the demo command in the README");
    let mut command = String::new();
    for line in readme[start..].lines() {
        command.push_str(line.trim_end_matches('\\').trim());
        command.push(' ');
        if !line.trim_end().ends_with('\\') {
            break;
        }
    }
    let words = split_shell_words(&command);
    let at = words
        .iter()
        .position(|w| w == "--")
        .expect("cargo run -- ARGS");
    words[at + 1..].to_vec()
}

/// Splits a command line as a POSIX shell would, for the quoting the README uses.
fn split_shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quote: Option<char> = None;
    let mut in_word = false;
    for c in line.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                in_word = true;
            }
            (None, c) if c.is_whitespace() => {
                if in_word {
                    words.push(std::mem::take(&mut word));
                    in_word = false;
                }
            }
            (None, c) => {
                word.push(c);
                in_word = true;
            }
        }
    }
    if in_word {
        words.push(word);
    }
    words
}

#[test]
fn the_readme_demo_runs_and_writes_a_worklist() {
    let dir = TestDir::new();
    let out = dir.path("out").display().to_string();
    // The outputs go to a temporary folder instead of the README's `out/`.
    let args: Vec<String> = readme_demo_args()
        .into_iter()
        .map(|a| a.replacen("out/", &format!("{out}/"), 1))
        .collect();
    assert!(
        args.iter().any(|a| a.starts_with(&out)),
        "the demo writes its outputs: {args:?}"
    );
    let output = dir.rolo(&args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stderr}");
    assert!(stderr.contains("badge-scans.xlsx  xlsx"), "{stderr}");
    assert!(stdout.contains("Follow up first"), "{stdout}");

    let run_dir = |name: &str| std::path::Path::new(&out).join(name);
    let contacts: Vec<serde_json::Value> = std::fs::read_to_string(run_dir("contacts.jsonl"))
        .expect("contacts.jsonl")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let by_name = |name: &str| {
        contacts
            .iter()
            .find(|c| c["name"] == name)
            .unwrap_or_else(|| panic!("{name}"))
    };

    // Scanned twice and saved to the phone: one contact, every email kept, the badge's first.
    let maria = by_name("Maria Gonzalez");
    assert_eq!(
        strings(&maria["emails"]),
        ["maria.gonzalez@brightwave.io", "maria.g.personal@gmail.com"]
    );
    assert_eq!(maria["sources"].as_array().unwrap().len(), 3);
    assert_eq!(maria["events"][0]["met_on"], "2026-10-14");
    // LinkedIn rows without email join the badge scan by name and organization.
    let priya = by_name("Priya Raman");
    assert_eq!(priya["linkedin"], "https://linkedin.com/in/priyaraman");
    // Connected on LinkedIn during the event: tagged; in 2025: context only.
    assert_eq!(by_name("Grace Liu")["events"][0]["met_on"], "2026-10-15");
    assert!(
        by_name("Hannah Schmidt")["events"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    let mut reader = csv::Reader::from_path(run_dir("worklist.csv")).expect("worklist.csv");
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    assert_eq!(rows.len(), 13);
    // The lead rating dominates: every hot lead comes before the first warm one on a day.
    assert_eq!(&rows[0][col("name")], "Kwame Mensah");
    // An old contact met again is a reconnection, and the change of job is pointed out.
    let lena = rows
        .iter()
        .find(|r| &r[col("name")] == "Lena Fischer")
        .unwrap();
    assert!(
        lena[col("action")].starts_with("Reconnect with Lena"),
        "{}",
        &lena[col("action")]
    );
    assert!(
        lena[col("action")]
            .contains("now at Quantia AG, was at Globex Corporation: congratulate on the new role"),
        "{}",
        &lena[col("action")]
    );
    // Her draft says so too, and is signed by nobody rather than by a placeholder.
    assert!(
        lena[col("draft_body")].contains("congratulations on the new role at Quantia AG"),
        "{}",
        &lena[col("draft_body")]
    );
    assert!(lena[col("draft_body")].ends_with("Best regards,"));
    // Nobody to reach: the action says to find the details first.
    let oliver = rows
        .iter()
        .find(|r| &r[col("name")] == "Oliver Grant")
        .unwrap();
    assert!(oliver[col("action")].starts_with("Find contact details"));

    let rejects = std::fs::read_to_string(run_dir("rejects.csv")).unwrap();
    assert_eq!(rejects.lines().count(), 2, "{rejects}");
    assert!(
        rejects.contains("Leads,9,\"no name, email, phone or URL\""),
        "{rejects}"
    );
}
