//! A test directory and a way to run the real `rolo` binary in it.

use std::path::{Path, PathBuf};
use std::process::Output;

use serde_json::Value;

/// The project root, where `fixtures/` is.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture(path: &str) -> String {
    root().join("fixtures").join(path).display().to_string()
}

/// `rolo run -q` on the demo haul, met at "Expo 2026" on 10-12 March 2026 and worked on the
/// 13th, followed by `extra`.
pub fn demo_run(extra: &[&str]) -> Vec<String> {
    let mut args: Vec<String> = vec!["run".into(), "-q".into()];
    args.extend([
        fixture("demo/badge-scans.xlsx"),
        fixture("demo/phone.vcf"),
        "--merge".into(),
        fixture("demo/Connections.csv"),
        "--merge".into(),
        fixture("demo/google-contacts.csv"),
    ]);
    args.extend(
        [
            "--event",
            "Expo 2026",
            "--met-on",
            "2026-03-10..2026-03-12",
            "--today",
            "2026-03-13",
        ]
        .map(String::from),
    );
    args.extend(extra.iter().map(|a| a.to_string()));
    args
}

/// A temporary directory for outputs; removed when dropped.
pub struct TestDir {
    dir: tempfile::TempDir,
}

/// What a run did: exit code, stdout, stderr, and the output files read back.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    pub contacts: Vec<Value>,
    pub worklist: Vec<csv::StringRecord>,
    pub worklist_header: Vec<String>,
    pub rejects: Vec<csv::StringRecord>,
    pub review: Vec<csv::StringRecord>,
}

impl TestDir {
    pub fn new() -> TestDir {
        TestDir {
            dir: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes a file into the directory and returns its path.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> String {
        let path = self.path(name);
        std::fs::write(&path, bytes).expect("write a test file");
        path.display().to_string()
    }

    /// Runs `rolo run ARGS` with every output written into the directory.
    pub fn run(&self, args: &[&str]) -> Run {
        let contacts = self.path("contacts.jsonl");
        let worklist = self.path("worklist.csv");
        let rejects = self.path("rejects.csv");
        let review = self.path("review.csv");
        let mut all: Vec<String> = vec!["run".into()];
        all.extend(args.iter().map(|a| a.to_string()));
        for (flag, path) in [
            ("--contacts", &contacts),
            ("--worklist", &worklist),
            ("--rejects", &rejects),
            ("--review", &review),
        ] {
            if !args.contains(&flag) {
                all.push(flag.into());
                all.push(path.display().to_string());
            }
        }
        let output = self.rolo(&all);
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            contacts: read_jsonl(&contacts),
            worklist_header: read_header(&worklist),
            worklist: read_csv(&worklist),
            rejects: read_csv(&rejects),
            review: read_csv(&review),
        }
    }

    /// Runs `rolo` with exactly these arguments.
    pub fn rolo(&self, args: &[String]) -> Output {
        assert_cmd::Command::cargo_bin("rolo")
            .expect("the rolo binary")
            .args(args)
            .current_dir(root())
            .env("ROLO_NO_PROGRESS", "1")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .output()
            .expect("run rolo")
    }

    /// Runs rolo with these arguments, which must succeed.
    pub fn rolo_ok(&self, args: &[String]) -> Output {
        let out = self.rolo(args);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out
    }
}

fn read_jsonl(path: &Path) -> Vec<Value> {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Vec::new();
    };
    text.lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect()
}

fn read_csv(path: &Path) -> Vec<csv::StringRecord> {
    let Ok(mut reader) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    reader.records().map(|r| r.expect("a CSV record")).collect()
}

fn read_header(path: &Path) -> Vec<String> {
    let Ok(mut reader) = csv::Reader::from_path(path) else {
        return Vec::new();
    };
    reader
        .headers()
        .map(|h| h.iter().map(String::from).collect())
        .unwrap_or_default()
}

impl Run {
    /// The one contact whose display name is `name`.
    pub fn contact(&self, name: &str) -> &Value {
        let found: Vec<&Value> = self.contacts.iter().filter(|c| c["name"] == name).collect();
        assert_eq!(
            found.len(),
            1,
            "one contact named {name} in {:#?}",
            self.names()
        );
        found[0]
    }

    /// How many records each contact whose family name `family` accepts has, fewest first.
    pub fn sources_by_family(&self, family: impl Fn(&str) -> bool) -> Vec<usize> {
        let mut n: Vec<usize> = self
            .contacts
            .iter()
            .filter(|c| c["family_name"].as_str().is_some_and(&family))
            .map(|c| c["sources"].as_array().map_or(0, Vec::len))
            .collect();
        n.sort();
        n
    }

    /// The place among the contacts of the one that holds record `record` of the file named
    /// `file`.
    pub fn holding(&self, file: &str, record: u64) -> Option<usize> {
        self.contacts.iter().position(|c| {
            c["sources"].as_array().is_some_and(|s| {
                s.iter().any(|s| {
                    s["file"].as_str().is_some_and(|f| f.ends_with(file))
                        && s["record"].as_u64() == Some(record)
                })
            })
        })
    }

    pub fn names(&self) -> Vec<String> {
        self.contacts
            .iter()
            .map(|c| c["name"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// The worklist row of a contact, as column → value.
    pub fn row(&self, name: &str) -> std::collections::HashMap<String, String> {
        let row = self
            .worklist
            .iter()
            .find(|r| r.get(4) == Some(name))
            .unwrap_or_else(|| panic!("a worklist row for {name}"));
        self.worklist_header
            .iter()
            .cloned()
            .zip(row.iter().map(String::from))
            .collect()
    }
}

/// The strings of a JSON array.
pub fn strings(value: &Value) -> Vec<&str> {
    value
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}
