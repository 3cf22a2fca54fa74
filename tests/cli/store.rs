//! The store through the binary: repeated imports, an address book then the show's cards,
//! follow-ups done, undo, remembered merges and splits, a killed import, two processes at
//! once, and a store from a newer rolo.

use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::util::{TestDir, fixture};

const EVENT: &[&str] = &[
    "--event",
    "NorthStack Expo 2026",
    "--met-on",
    "2026-10-14..2026-10-16",
];

struct Db {
    dir: TestDir,
}

impl Db {
    fn new() -> Db {
        Db {
            dir: TestDir::new(),
        }
    }

    fn path(&self) -> String {
        self.dir.path("rolo.db").display().to_string()
    }

    /// The arguments with this store.
    fn args(&self, args: &[&str]) -> Vec<String> {
        let mut all = vec!["--store".to_string(), self.path()];
        all.extend(args.iter().map(|a| a.to_string()));
        all
    }

    fn rolo(&self, args: &[&str]) -> Output {
        self.dir.rolo(&self.args(args))
    }

    /// Runs a command that must succeed; its stderr and stdout.
    fn ok(&self, args: &[&str]) -> (String, String) {
        let out = self.dir.rolo_ok(&self.args(args));
        (
            String::from_utf8_lossy(&out.stderr).into_owned(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
        )
    }

    fn address_book(&self) -> String {
        self.ok(&[
            "import",
            "--merge",
            &fixture("demo/google-contacts.csv"),
            "--merge",
            &fixture("demo/Connections.csv"),
        ])
        .0
    }

    fn show(&self) -> String {
        let mut args = vec!["import".to_string()];
        args.push(fixture("demo/badge-scans.xlsx"));
        args.push(fixture("demo/phone.vcf"));
        args.extend(EVENT.iter().map(|s| s.to_string()));
        let refs: Vec<&str> = args.iter().map(String::as_str).collect();
        self.ok(&refs).0
    }

    /// A store holding Maria Holm of Nordic AB and Maria Holm of Baltic AB: one person who
    /// changed jobs, or two of one name; a pair for review.
    fn with_pair_to_review() -> Db {
        let db = Db::new();
        let scans = db.dir.write(
            "scans.csv",
            "First Name,Last Name,Company\n\
             Maria,Holm,Nordic AB\n\
             Maria,Holm,Baltic AB\n",
        );
        db.ok(&[
            "import",
            &scans,
            "--event",
            "Expo",
            "--met-on",
            "2026-03-10",
        ]);
        db
    }

    fn worklist(&self, today: &str) -> Vec<Value> {
        let path = self.dir.path("w.jsonl").display().to_string();
        self.ok(&["worklist", "--today", today, "-o", &path]);
        std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }

    fn contacts(&self) -> Vec<Value> {
        let path = self.dir.path("c.jsonl").display().to_string();
        self.ok(&["export", &path]);
        std::fs::read_to_string(&path)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    }
}

fn row<'a>(rows: &'a [Value], name: &str) -> Option<&'a Value> {
    rows.iter().find(|r| r["name"] == name)
}

#[test]
fn importing_the_same_files_again_changes_nothing() {
    let db = Db::new();
    let first = db.show();
    assert!(first.contains("16 new, 0 updated, 0 unchanged"), "{first}");
    let before = db.contacts().len();
    let again = db.show();
    assert!(again.contains("0 new, 0 updated, 16 unchanged"), "{again}");
    assert!(again.contains("0 new, 0 matched"), "{again}");
    assert_eq!(db.contacts().len(), before);
}

#[test]
fn files_imported_again_keep_the_contacts_without_deriving_them_again() {
    let db = Db::new();
    db.address_book();
    db.show();
    let before = db.contacts();
    let (said, _) = db.ok(&[
        "-v",
        "import",
        "--merge",
        &fixture("demo/google-contacts.csv"),
        "--merge",
        &fixture("demo/Connections.csv"),
    ]);
    assert!(
        said.contains("nothing changed: the contacts kept"),
        "{said}"
    );
    assert!(
        said.contains(&format!("{} in the store", before.len())),
        "{said}"
    );
    assert_eq!(db.contacts(), before);
    // The batch taken back changes nothing either; a batch that adds a record still does.
    db.ok(&["undo"]);
    assert_eq!(db.contacts(), before);
    let late = db.dir.write(
        "late.csv",
        "First Name,Last Name,Company,Email\nIngrid,Solberg,Fjord AS,ingrid@fjord.example\n",
    );
    let (said, _) = db.ok(&["-v", "import", &late, "--event", "Expo"]);
    assert!(!said.contains("nothing changed"), "{said}");
    assert_eq!(db.contacts().len(), before.len() + 1);
}

#[test]
fn the_address_book_then_the_show_matches_known_people_and_reconnects() {
    let db = Db::new();
    db.address_book();
    let said = db.show();
    // Lena, Maria and others were in the address book: matched, not added again.
    assert!(said.contains("matched to existing"), "{said}");
    let contacts = db.contacts();
    let lenas: Vec<&Value> = contacts
        .iter()
        .filter(|c| c["name"] == "Lena Fischer")
        .collect();
    assert_eq!(lenas.len(), 1);
    let rows = db.worklist("2026-10-17");
    let lena = row(&rows, "Lena Fischer").expect("Lena is tagged");
    let action = lena["action"].as_str().unwrap();
    assert!(action.starts_with("Reconnect with Lena"), "{action}");
    assert!(
        action.contains("now at Quantia AG, was at Globex Corporation"),
        "{action}"
    );
}

#[test]
fn done_snooze_and_skip_move_the_worklist() {
    let db = Db::new();
    db.show();
    db.ok(&[
        "done",
        "Kwame Mensah",
        "--on",
        "2026-10-17",
        "--note",
        "sent the deck",
    ]);
    db.ok(&["snooze", "priya@kestrelhealth.com", "--until", "2026-10-25"]);
    db.ok(&["skip", "Emily Watson"]);
    let rows = db.worklist("2026-10-17");
    let kwame = row(&rows, "Kwame Mensah").unwrap();
    assert_eq!(
        (kwame["step"].as_str(), kwame["due"].as_str()),
        (Some("value"), Some("2026-10-23"))
    );
    let priya = row(&rows, "Priya Raman").unwrap();
    assert_eq!(priya["due"], "2026-10-25");
    assert!(row(&rows, "Emily Watson").is_none());
    let (_, shown) = db.ok(&["show", "Kwame Mensah"]);
    assert!(
        shown.contains("2026-10-17  thank-you done: sent the deck"),
        "{shown}"
    );
    // An ambiguous or unknown contact is refused with the reason.
    let out = db.rolo(&["done", "Nobody Here"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no contact has this id, email"));
}

#[test]
fn undo_takes_back_the_last_or_an_older_batch_and_keeps_later_decisions() {
    let db = Db::new();
    db.address_book(); // batch 1
    db.show(); // batch 2
    db.ok(&["done", "Kwame Mensah", "--on", "2026-10-17"]); // batch 3
    let with_all = db.contacts().len();
    // Taking back the address book: its people who were not at the show go; Kwame's step
    // stays done.
    db.ok(&["undo", "1"]);
    let contacts = db.contacts();
    assert!(contacts.len() < with_all);
    assert!(
        contacts.iter().all(|c| c["name"] != "Grace Liu"),
        "Grace was only on LinkedIn"
    );
    let rows = db.worklist("2026-10-17");
    assert_eq!(row(&rows, "Kwame Mensah").unwrap()["step"], "value");
    // The last batch (the done step) taken back: Kwame's thank-you is open again.
    db.ok(&["undo"]);
    let rows = db.worklist("2026-10-17");
    assert_eq!(row(&rows, "Kwame Mensah").unwrap()["step"], "thank-you");
    let (history, _) = (db.ok(&["history"]).1, ());
    assert!(history.contains("(undone"), "{history}");
    let out = db.rolo(&["undo", "1"]);
    assert_eq!(out.status.code(), Some(1), "a batch is taken back once");
}

#[test]
fn merge_and_split_are_remembered_by_later_imports() {
    let db = Db::new();
    db.show();
    // Tom Becker and Thomas Becker of the demo are kept apart by the resolver; the user knows
    // better. And Maria's phone contact is split off her badge scans.
    let before = db.contacts();
    let maria = before
        .iter()
        .find(|c| c["name"] == "Maria Gonzalez")
        .unwrap();
    let sources: Vec<String> = maria["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| format!("{}:{}", s["file"].as_str().unwrap(), s["record"]))
        .collect();
    let phone = sources
        .iter()
        .find(|s| s.contains("phone.vcf"))
        .unwrap()
        .clone();
    let phone_name = phone.rsplit('/').next().unwrap().to_string();
    db.ok(&["split", "Maria Gonzalez", &phone_name]);
    let after_split = db.contacts();
    assert_eq!(after_split.len(), before.len() + 1);

    let a = before.iter().find(|c| c["name"] == "Kwame Mensah").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let b = before.iter().find(|c| c["name"] == "Aiko Tanaka").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    db.ok(&["merge", &a, &b]);
    assert_eq!(db.contacts().len(), after_split.len() - 1);

    // A later import of the same people (the phone again, and the address book) keeps both
    // decisions.
    db.address_book();
    let later = db.contacts();
    let marias = later
        .iter()
        .filter(|c| c["name"] == "Maria Gonzalez")
        .count();
    assert_eq!(marias, 2, "the split holds");
    let together = later.iter().any(|c| {
        let emails: Vec<&str> = c["emails"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e.as_str().unwrap())
            .collect();
        emails.contains(&"kwame@baobabfintech.com")
            && emails
                .iter()
                .any(|e| e.contains("tanaka") || e.contains("aiko"))
    });
    assert!(together, "the merge holds");
}

#[test]
fn a_store_from_a_newer_rolo_is_refused_and_left_untouched() {
    let db = Db::new();
    db.show();
    {
        let conn = rusqlite::Connection::open(db.path()).unwrap();
        conn.pragma_update(None, "user_version", 99).unwrap();
    }
    let bytes = std::fs::read(db.path()).unwrap();
    let out = db.rolo(&["history"]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("written by a newer rolo") && err.contains("99"),
        "{err}"
    );
    assert_eq!(std::fs::read(db.path()).unwrap(), bytes);
}

/// A badge export of `n` people.
fn big_csv(db: &Db, n: usize, name: &str) -> String {
    let mut text = String::from("First Name,Last Name,Email,Company\n");
    for i in 0..n {
        text.push_str(&format!(
            "Person{i},Family{i},p{i}@{name}.example,Org {}\n",
            i % 97
        ));
    }
    db.dir.write(&format!("{name}.csv"), text)
}

fn spawn(db: &Db, args: &[&str]) -> std::process::Child {
    Command::new(assert_cmd::cargo::cargo_bin("rolo"))
        .arg("--store")
        .arg(db.path())
        .args(args)
        .env("ROLO_NO_PROGRESS", "1")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn a_killed_import_leaves_the_store_as_it_was() {
    let db = Db::new();
    db.show();
    let contacts = db.contacts().len();
    let file = big_csv(&db, 60_000, "killed");
    // Killed while reading, while writing its one transaction, or after: whenever it dies, the
    // import is all there or not there at all.
    for delay in [800, 2_000, 3_500] {
        let mut child = spawn(&db, &["import", &file, "--event", "Big Expo"]);
        std::thread::sleep(std::time::Duration::from_millis(delay));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        let conn = rusqlite::Connection::open(db.path()).unwrap();
        let ok: String = conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))
            .unwrap();
        assert_eq!(ok, "ok");
        let (batches, records): (i64, i64) = conn
            .query_row(
                "SELECT (SELECT count(*) FROM batch WHERE event = 'Big Expo'), \
                 (SELECT count(*) FROM record r JOIN batch b ON b.id = r.batch WHERE b.event = 'Big Expo')",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        assert!(
            (batches, records) == (0, 0) || (batches >= 1 && records == 60_000),
            "after {delay} ms: {batches} batch(es), {records} records"
        );
        let now = db.contacts().len();
        assert!(
            now == contacts || now == contacts + 60_000,
            "{now} contacts"
        );
    }
}

#[test]
fn two_imports_at_once_both_land() {
    let db = Db::new();
    db.show();
    let a = big_csv(&db, 5_000, "one");
    let b = big_csv(&db, 5_000, "two");
    let first = spawn(&db, &["import", &a, "--event", "One"]);
    let second = spawn(&db, &["import", &b, "--event", "Two"]);
    for child in [first, second] {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let history = db.ok(&["history"]).1;
    assert!(
        history.contains("at One") && history.contains("at Two"),
        "{history}"
    );
}

#[test]
fn a_changed_row_of_a_re_exported_file_updates_its_record() {
    let db = Db::new();
    let file = db.dir.write(
        "leads.csv",
        "First Name,Last Name,Email,Title\nAda,Nkemelu,ada@example.org,Engineer\nBo,Lind,bo@example.org,Buyer\n",
    );
    db.ok(&["import", &file, "--event", "Expo", "--met-on", "2026-03-10"]);
    db.dir.write(
        "leads.csv",
        "First Name,Last Name,Email,Title\nAda,Nkemelu,ada@example.org,Head of Engineering\nBo,Lind,bo@example.org,Buyer\n",
    );
    let (said, _) = db.ok(&["import", &file, "--event", "Expo", "--met-on", "2026-03-10"]);
    assert!(said.contains("0 new, 1 updated, 1 unchanged"), "{said}");
    let contacts = db.contacts();
    assert_eq!(contacts.len(), 2);
    let ada = contacts
        .iter()
        .find(|c| c["name"] == "Ada Nkemelu")
        .unwrap();
    assert_eq!(ada["title"], "Head of Engineering");
    assert_eq!(
        ada["sources"].as_array().unwrap().len(),
        1,
        "the old version no longer counts"
    );
    // Taking the update back brings the old version back.
    db.ok(&["undo"]);
    let ada = db
        .contacts()
        .into_iter()
        .find(|c| c["name"] == "Ada Nkemelu")
        .unwrap();
    assert_eq!(ada["title"], "Engineer");
}

#[test]
fn a_store_of_the_first_schema_is_upgraded_without_losing_anything() {
    // fixtures/store/v1.db: written by the first schema: an address book, the show's badge
    // scans and Kwame's thank-you done.
    let db = Db::new();
    std::fs::copy(fixture("store/v1.db"), db.path()).unwrap();
    let rows = db.worklist("2026-10-17");
    assert_eq!(
        row(&rows, "Kwame Mensah").unwrap()["step"],
        "value",
        "the step done is kept"
    );
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 10);
    let records: i64 = conn
        .query_row("SELECT count(*) FROM record", [], |r| r.get(0))
        .unwrap();
    assert_eq!(records, 18);
    assert_eq!(db.contacts().len(), 15);
}

#[test]
fn the_store_remembers_the_cadence_and_the_sender_when_told_to() {
    let db = Db::new();
    db.show();
    let cadence = db.dir.write(
        "cadence.toml",
        "[[step]]\nname = \"call\"\ndays = 2\naction = \"Call {{ first_name }}\"\nbody = \"Hi {{ first_name }}\\n\\n{{ sender }}\"\n",
    );
    let path = db.dir.path("w.jsonl").display().to_string();
    let with_cadence = |save: bool| {
        let mut args = vec![
            "worklist",
            "--today",
            "2026-10-17",
            "--cadence",
            &cadence,
            "--from-name",
            "Sam Lee",
            "-o",
            &path,
        ];
        if save {
            args.push("--save");
        }
        db.ok(&args);
    };
    // A flag given once applies to that worklist only.
    with_cadence(false);
    let rows = db.worklist("2026-10-17");
    assert_eq!(row(&rows, "Kwame Mensah").unwrap()["step"], "thank-you");
    let (_, config) = db.ok(&["config"]);
    assert!(
        config.contains("cadence    thank-you +1, value +7"),
        "{config}"
    );
    assert!(config.contains("(rolo's default)"), "{config}");
    // With --save it is remembered, and `rolo config` says so.
    with_cadence(true);
    let (_, config) = db.ok(&["config"]);
    assert!(config.contains("cadence    call +2  (store)"), "{config}");
    assert!(config.contains("from-name  Sam Lee  (store)"), "{config}");
    let rows = db.worklist("2026-10-17");
    let kwame = row(&rows, "Kwame Mensah").unwrap();
    assert_eq!(kwame["step"], "call");
    assert_eq!(kwame["draft_body"], "Hi Kwame\n\nSam Lee");
    // `done` marks the step of the remembered cadence, and `show` names what comes after.
    db.ok(&["done", "Kwame Mensah", "--on", "2026-10-17"]);
    let rows = db.worklist("2026-10-17");
    assert!(
        row(&rows, "Kwame Mensah").is_none(),
        "its only step is done"
    );
    let (_, shown) = db.ok(&["show", "Kwame Mensah"]);
    assert!(shown.contains("2026-10-17  call done"), "{shown}");
    // And back to rolo's own cadence.
    db.ok(&["config", "unset", "cadence"]);
    let (_, config) = db.ok(&["config"]);
    assert!(config.contains("thank-you +1"), "{config}");
    let bad = db.rolo(&["config", "set", "colour", "blue"]);
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("colour: no such setting"));
}

#[test]
fn review_answers_are_remembered_by_later_imports() {
    let db = Db::with_pair_to_review();
    let (_, listed) = db.ok(&["review"]);
    let id = listed
        .lines()
        .next()
        .expect("a pair to review")
        .trim()
        .to_string();
    assert!(
        listed.contains("Maria Holm") && listed.contains("organizations differ"),
        "{listed}"
    );
    assert!(listed.contains("--accept ID or --reject ID"));
    // Two people: kept apart, and not asked again.
    db.ok(&["review", "--reject", &id]);
    let (said, _) = db.ok(&["review"]);
    assert!(said.contains("nothing to review"), "{said}");
    // The same people again in a later export: still two, still not asked.
    let again = db.dir.write(
        "scans2.csv",
        "First Name,Last Name,Company\nMaria,Holm,Baltic AB\n",
    );
    db.ok(&[
        "import",
        &again,
        "--event",
        "Summit",
        "--met-on",
        "2026-05-02",
    ]);
    let contacts = db.contacts();
    // Two: the later scan joins the Maria Holm of its employer.
    let records = |employer: &str| {
        let mine = contacts
            .iter()
            .filter(|c| c["name"] == "Maria Holm" && c["organization"] == employer);
        mine.map(|c| c["sources"].as_array().unwrap().len())
            .collect::<Vec<_>>()
    };
    assert_eq!(records("Nordic AB"), [1], "{contacts:?}");
    assert_eq!(records("Baltic AB"), [2], "{contacts:?}");
    // Accepting an unknown pair says so.
    let out = db.rolo(&["review", "--accept", "nope-nope"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn an_accepted_review_pair_becomes_one_contact() {
    let db = Db::with_pair_to_review();
    let (_, listed) = db.ok(&["review"]);
    let id = listed.lines().next().unwrap().trim().to_string();
    let (said, _) = db.ok(&["review", "--accept", &id]);
    assert!(said.contains("one person, merged"), "{said}");
    assert_eq!(db.contacts().len(), 1);
}

#[test]
fn review_on_a_terminal_asks_about_each_pair() {
    // `script` (util-linux) runs rolo on a pseudo-terminal and types the answer.
    if !std::path::Path::new("/usr/bin/script").exists() {
        eprintln!("skipped: no /usr/bin/script to give rolo a terminal");
        return;
    }
    let db = Db::with_pair_to_review();
    let rolo = assert_cmd::cargo::cargo_bin("rolo");
    let command = format!("'{}' --store '{}' review", rolo.display(), db.path());
    let mut child = Command::new("/usr/bin/script")
        .args(["-qec", &command, "/dev/null"])
        .env("ROLO_NO_PROGRESS", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    {
        use std::io::Write;
        // A key it does not know and `?` ask again instead of quitting; then "n".
        child.stdin.take().unwrap().write_all(b"\n?\nn\n").unwrap();
    }
    let out = child.wait_with_output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("pair 1 of 1: "), "{text}");
    assert!(text.contains("records: scans.csv:1"), "{text}");
    assert!(text.contains("one person? [y]es, [n]o"), "{text}");
    assert!(text.contains("answer y, n, s or q (? for help)"), "{text}");
    assert!(text.contains("n: two people: keep them apart"), "{text}");
    assert!(text.contains("0 merged, 1 kept apart"), "{text}");
    let (said, _) = db.ok(&["review"]);
    assert!(said.contains("nothing to review"), "{said}");
}

#[test]
fn numbers_keep_the_region_they_were_imported_with() {
    // A Berlin rep's badge export: national numbers, no country column.
    let db = Db::new();
    let file = db.dir.write(
        "scans.csv",
        "First Name,Last Name,Email,Phone\nLena,Vogel,lena@vogel.example,030 901820\n",
    );
    db.ok(&["import", &file, "--region", "DE"]);
    let contacts = db.contacts();
    assert_eq!(contacts[0]["phones"][0], "+4930901820", "{contacts:?}");
    // A later import with another region does not change how the first one reads.
    let more = db.dir.write(
        "more.csv",
        "First Name,Last Name,Email,Phone\nAmy,Lund,amy@lund.example,(415) 555-0132\n",
    );
    db.ok(&["import", &more, "--region", "US"]);
    let contacts = db.contacts();
    let phones: Vec<&str> = contacts
        .iter()
        .filter_map(|c| c["phones"][0].as_str())
        .collect();
    assert!(phones.contains(&"+4930901820"), "{phones:?}");
    assert!(phones.contains(&"+14155550132"), "{phones:?}");
}

#[test]
fn a_contact_is_found_however_the_user_types_it() {
    let db = Db::new();
    db.address_book();
    db.show();
    // `show` prints the contact's name first.
    for query in [
        "james o’connor",
        "JAMES OCONNOR",
        "O'Connor, James",
        "2cdfda32",
        "+44 7911 123456",
        "mailto:James.OConnor@harborlogistics.co.uk",
    ] {
        let (_, out) = db.ok(&["show", query]);
        assert!(out.starts_with("James O'Connor"), "{query}: {out}");
    }
    for query in [
        "Kwame",
        "https://www.linkedin.com/in/Kwame-Mensah/",
        "kwame@baobabfintech.com",
    ] {
        let (_, out) = db.ok(&["show", query]);
        assert!(out.starts_with("Kwame Mensah"), "{query}: {out}");
    }
    let miss = db.rolo(&["done", "Kwame Mensha"]);
    assert_eq!(miss.status.code(), Some(1));
    let err = String::from_utf8_lossy(&miss.stderr);
    assert!(
        err.contains("did you mean:") && err.contains("Kwame Mensah"),
        "{err}"
    );
}

#[test]
fn the_cadence_counts_from_the_last_touch_and_a_stale_step_gives_way() {
    let db = Db::new();
    db.show();
    let kwame_step = |today: &str| {
        db.worklist(today)
            .into_iter()
            .find(|r| r["name"] == "Kwame Mensah")
            .map(|r| {
                (
                    r["step"].as_str().unwrap_or_default().to_string(),
                    r["due"].as_str().unwrap_or_default().to_string(),
                )
            })
    };
    // Met on the 16th: on the 20th the thank-you is four days late, still the step to take.
    assert_eq!(
        kwame_step("2026-10-20"),
        Some(("thank-you".into(), "2026-10-20".into()))
    );
    // Sent late, it moves the rest with it: the value step is six days after, not on the 23rd.
    let (said, _) = db.ok(&["done", "Kwame", "--on", "2026-10-20"]);
    assert!(
        said.contains("thank-you done on 2026-10-20; next: value on 2026-10-26"),
        "{said}"
    );
    assert_eq!(
        kwame_step("2026-10-21"),
        Some(("value".into(), "2026-10-26".into()))
    );
    // Catching up in December: no week-old "value" email and a check-in on the same day; the
    // check-in is the step, and done, the next is two months on (hot: keep in touch at +90).
    assert_eq!(
        kwame_step("2026-12-03"),
        Some(("check-in".into(), "2026-12-03".into()))
    );
    let (said, _) = db.ok(&["done", "Kwame Mensah", "--on", "2026-12-03"]);
    assert!(
        said.contains("check-in done on 2026-12-03; next: keep-in-touch on 2027-02-01"),
        "{said}"
    );
}

#[test]
fn the_worklist_is_the_same_whatever_the_order_of_the_imports_and_as_run_gives() {
    let rows = |rows: Vec<Value>| -> Vec<(String, String, String)> {
        let mut rows: Vec<_> = rows
            .iter()
            .map(|r| {
                let s = |k: &str| r[k].as_str().unwrap_or_default().to_string();
                (s("name"), s("step"), s("action"))
            })
            .collect();
        rows.sort();
        rows
    };
    let book_first = Db::new();
    book_first.address_book();
    book_first.show();
    let show_first = Db::new();
    show_first.show();
    show_first.address_book();

    let dir = TestDir::new();
    let path = dir.path("w.jsonl").display().to_string();
    let mut args = vec!["run".to_string(), "-q".to_string()];
    args.extend([
        fixture("demo/badge-scans.xlsx"),
        fixture("demo/phone.vcf"),
        "--merge".into(),
        fixture("demo/Connections.csv"),
        "--merge".into(),
        fixture("demo/google-contacts.csv"),
    ]);
    args.extend(EVENT.iter().map(|s| s.to_string()));
    args.extend(["--today", "2026-10-17", "--worklist", &path].map(String::from));
    dir.rolo_ok(&args);
    let run: Vec<Value> = std::fs::read_to_string(&path)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();

    let expected = rows(run);
    assert_eq!(expected.len(), 13, "{expected:#?}");
    // Grace Liu is known only from LinkedIn, connected during the show: met there.
    assert!(expected.iter().any(|r| r.0 == "Grace Liu"), "{expected:#?}");
    assert_eq!(rows(book_first.worklist("2026-10-17")), expected);
    assert_eq!(rows(show_first.worklist("2026-10-17")), expected);
}

#[test]
fn import_shows_its_rejects_and_a_mistyped_store_is_no_empty_one() {
    let db = Db::new();
    let rejects = db.dir.path("rejects.csv").display().to_string();
    let mut args = vec!["import".to_string(), "--rejects".into(), rejects.clone()];
    args.push(fixture("demo/badge-scans.xlsx"));
    args.extend(EVENT.iter().map(|s| s.to_string()));
    let refs: Vec<&str> = args.iter().map(String::as_str).collect();
    let (said, _) = db.ok(&refs);
    assert!(said.contains(&format!("store: {}", db.path())), "{said}");
    assert!(
        said.contains("record 9: rejected: no name, email, phone or URL"),
        "{said}"
    );
    let written = std::fs::read_to_string(&rejects).expect("the rejects");
    assert!(written.contains("tall guy"), "{written}");

    let typo = db.dir.path("rolo.bd").display().to_string();
    for cmd in ["worklist", "show", "history"] {
        let mut args = vec!["--store".to_string(), typo.clone(), cmd.to_string()];
        if cmd == "show" {
            args.push("Kwame".into());
        }
        let out = db.dir.rolo(&args);
        assert_eq!(out.status.code(), Some(1), "{cmd}");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains("no store here"),
            "{cmd}"
        );
    }
    assert!(!std::path::Path::new(&typo).exists(), "no store was made");
}

#[test]
fn history_and_undo_say_whom_a_decision_was_about() {
    let db = Db::new();
    db.show();
    db.ok(&["done", "Kwame Mensah", "--on", "2026-10-17"]);
    db.ok(&["snooze", "Priya Raman", "--until", "2026-10-25"]);
    let (_, history) = db.ok(&["history"]);
    assert!(
        history.contains("done     Kwame Mensah: thank-you on 2026-10-17"),
        "{history}"
    );
    assert!(
        history.contains("snooze   Priya Raman: nothing due before 2026-10-25"),
        "{history}"
    );
    let (said, _) = db.ok(&["undo", "2"]);
    assert!(
        said.contains("took back batch 2 (done): Kwame Mensah: thank-you on 2026-10-17"),
        "{said}"
    );
}

#[test]
fn the_calendar_closes_the_tasks_done_or_cancelled_and_the_last_touch_is_shown() {
    use icalendar::{Calendar, CalendarComponent, Component};
    let db = Db::new();
    db.show();
    let ics = db.dir.path("plan.ics").display().to_string();
    db.ok(&["worklist", "--today", "2026-10-17", "-o", &ics]);
    db.ok(&[
        "done",
        "Kwame Mensah",
        "--on",
        "2026-10-17",
        "--note",
        "sent the deck",
    ]);
    db.ok(&["skip", "Priya Raman"]);
    let (said, _) = db.ok(&["worklist", "--today", "2026-10-18", "-o", &ics]);
    assert!(
        said.contains(", and 2 closed (done or cancelled) to"),
        "{said}"
    );
    let text = std::fs::read_to_string(&ics).unwrap();
    let calendar: Calendar = text.parse().expect("an iCalendar parser reads it");
    let task = |uid_start: &str, step: &str| {
        calendar
            .components
            .iter()
            .filter_map(|c| match c {
                CalendarComponent::Todo(t) => Some(t),
                _ => None,
            })
            .find(|t| {
                t.get_uid()
                    .is_some_and(|u| u.starts_with(uid_start) && u.contains(step))
            })
            .map(|t| {
                (
                    t.property_value("STATUS").unwrap_or_default().to_string(),
                    t.property_value("SEQUENCE").unwrap_or_default().to_string(),
                )
            })
    };
    let rows = db.worklist("2026-10-18");
    let id = |name: &str| row(&rows, name).map(|r| r["contact_id"].as_str().unwrap().to_string());
    let kwame = id("Kwame Mensah").expect("Kwame's next step");
    assert_eq!(
        task(&kwame, "-thank-you@"),
        Some(("COMPLETED".into(), "1".into()))
    );
    assert_eq!(
        task(&kwame, "-value@"),
        Some(("NEEDS-ACTION".into(), "1".into()))
    );
    assert!(
        text.contains("STATUS:CANCELLED"),
        "Priya's open step is cancelled: {text}"
    );
    assert_eq!(
        row(&rows, "Kwame Mensah").unwrap()["last_touch"],
        "2026-10-17 thank-you: sent the deck"
    );
    // The contact exports say it too.
    let contacts = db.contacts();
    assert_eq!(
        row(&contacts, "Kwame Mensah").unwrap()["last_touch"],
        serde_json::json!({"day": "2026-10-17", "step": "thank-you", "note": "sent the deck"})
    );
    assert!(row(&contacts, "Maria Gonzalez").unwrap()["last_touch"].is_null());
    let csv = db.dir.path("c.csv").display().to_string();
    db.ok(&["export", &csv]);
    let mut reader = csv::Reader::from_path(&csv).unwrap();
    let at = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "last_touch")
        .expect("a last_touch column");
    let kwame_row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| &r[1] == "Kwame Mensah")
        .unwrap();
    assert_eq!(&kwame_row[at], "2026-10-17 thank-you: sent the deck");
}

#[test]
fn the_due_view_says_how_late_each_step_is_and_gives_an_id_to_copy() {
    let db = Db::new();
    db.address_book();
    db.show();
    db.ok(&["done", "Lena Fischer", "--on", "2026-10-19"]);
    let (_, table) = db.ok(&["worklist", "--today", "2026-10-20", "--due"]);
    // Kwame was met on the 16th: his thank-you was due on the 17th.
    let kwame = table
        .lines()
        .position(|l| l.contains("Kwame Mensah"))
        .unwrap_or_else(|| panic!("{table}"));
    let rest: Vec<&str> = table.lines().skip(kwame).take(5).collect();
    assert!(
        rest.iter().any(|l| l.contains("overdue 3 days; hot lead")),
        "{table}"
    );
    // Lena's next step is a week away: not due today.
    assert!(!table.contains("Lena Fischer"), "{table}");
    let (_, all) = db.ok(&["worklist", "--today", "2026-10-20"]);
    assert!(all.contains("Lena Fischer"), "{all}");
    let (_, today) = db.ok(&["worklist", "--today", "2026-10-20", "--horizon", "0"]);
    assert!(!today.contains("Lena Fischer"), "{today}");
    assert!(today.contains("Kwame Mensah"), "{today}");
    // Under the name, the start of the id: `show` takes it.
    let id = rest[1].split_whitespace().next().unwrap();
    assert!(
        id.len() >= 7 && id.chars().all(|c| c.is_ascii_hexdigit()),
        "{table}"
    );
    let (_, shown) = db.ok(&["show", id]);
    assert!(shown.starts_with("Kwame Mensah"), "{shown}");
    let rows = db.worklist("2026-10-20");
    assert_eq!(row(&rows, "Kwame Mensah").unwrap()["overdue_days"], 3);
    // Lena's new role was congratulated on with the thank-you: the next step does not again.
    let lena = row(&rows, "Lena Fischer").unwrap()["action"]
        .as_str()
        .unwrap();
    assert!(!lena.contains("congratulate"), "{lena}");
}

#[test]
fn a_flag_beats_the_environment_which_beats_the_store() {
    let db = Db::new();
    db.show();
    db.ok(&["config", "set", "from-name", "Sam Lee"]);
    let path = db.dir.path("w.jsonl").display().to_string();
    let run = |env: Option<&str>, args: &[&str]| {
        let mut cmd = assert_cmd::Command::cargo_bin("rolo").unwrap();
        cmd.args(db.args(args)).env("ROLO_NO_PROGRESS", "1");
        match env {
            Some(name) => cmd.env("ROLO_FROM_NAME", name),
            None => cmd.env_remove("ROLO_FROM_NAME"),
        };
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let signed = |env: Option<&str>, flag: &[&str]| {
        let mut args = vec!["worklist", "--today", "2026-10-17", "-o", &path];
        args.extend(flag);
        run(env, &args);
        let text = std::fs::read_to_string(&path).unwrap();
        let first: Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
        let body = first["draft_body"].as_str().unwrap().to_string();
        body.lines().last().unwrap().to_string()
    };
    assert_eq!(signed(None, &[]), "Sam Lee");
    assert_eq!(signed(Some("Alex Kim"), &[]), "Alex Kim");
    assert_eq!(
        signed(Some("Alex Kim"), &["--from-name", "Pat Doe"]),
        "Pat Doe"
    );
    let config = run(Some("Alex Kim"), &["config"]);
    assert!(
        config.contains("from-name  Alex Kim  (environment ROLO_FROM_NAME)"),
        "{config}"
    );
    // --save keeps what a flag gave, not what the environment gives.
    signed(Some("Alex Kim"), &["--save"]);
    let config = run(None, &["config"]);
    assert!(config.contains("from-name  Sam Lee  (store)"), "{config}");
}

/// The store keeps the contacts it last derived, with the state of its batches they come from.
fn kept_state(db: &Db) -> Option<String> {
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    conn.query_row("SELECT value FROM derived WHERE key = 'state'", [], |r| {
        r.get(0)
    })
    .ok()
}

#[test]
fn the_contacts_kept_in_the_store_are_those_its_records_give() {
    let db = Db::new();
    db.address_book();
    db.show();
    db.ok(&[
        "done",
        "Kwame Mensah",
        "--on",
        "2026-10-16",
        "--note",
        "sent the deck",
    ]);
    db.ok(&["snooze", "priya@kestrelhealth.com", "--until", "2026-11-02"]);
    let state = kept_state(&db).expect("an import keeps the contacts it derived");
    // Follow-ups are applied to the kept contacts: they do not make every contact derived again.
    assert_eq!(kept_state(&db).as_deref(), Some(state.as_str()));
    let read = |db: &Db| {
        (
            db.worklist("2026-10-17"),
            db.contacts(),
            db.ok(&["show", "Kwame Mensah"]).1,
            db.ok(&["show", "Priya Raman"]).1,
        )
    };
    let kept = read(&db);
    assert!(
        kept.2
            .contains("why these are one person:\n  Kwame Mensah (badge-scans.xlsx:Leads:11)\n    ~ Kwame Mensah (phone.vcf:2)"),
        "{}",
        kept.2
    );
    assert!(
        kept.2.contains("thank-you done: sent the deck"),
        "{}",
        kept.2
    );
    assert!(kept.3.contains("snoozed until 2026-11-02"), "{}", kept.3);
    // Without the kept contacts, every command derives the same ones again.
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    conn.execute("DELETE FROM derived", []).unwrap();
    assert_eq!(read(&db), kept);

    // Kept contacts of another state are never trusted: changed behind rolo's back and no
    // longer of the store's batches, they are derived again.
    conn.execute_batch(
        "UPDATE derived_contact SET contact = replace(contact, 'Kwame', 'Kwabena');
         UPDATE derived SET value = 'an older state' WHERE key = 'state';",
    )
    .unwrap();
    let (_, shown) = db.ok(&["show", "Kwame Mensah"]);
    assert!(shown.starts_with("Kwame Mensah  ("), "{shown}");
    assert_eq!(kept_state(&db).as_deref(), Some(state.as_str()));

    // A merge and its undo each change what the contacts derive from.
    db.ok(&["merge", "Kwame Mensah", "Priya Raman"]);
    let rows = db.worklist("2026-10-17");
    let merged = kept_state(&db);
    assert_ne!(merged.as_deref(), Some(state.as_str()));
    assert!(row(&rows, "Priya Raman").is_none() || row(&rows, "Kwame Mensah").is_none());
    db.ok(&["undo"]);
    assert_eq!(db.worklist("2026-10-17"), kept.0, "the merge taken back");
    let undone = kept_state(&db);
    assert!(undone != merged && undone.as_deref() != Some(state.as_str()));
}

/// The contacts of a store as sets of their sources (`file:record`), whatever their order.
fn groups(contacts: &[Value]) -> Vec<Vec<String>> {
    let mut groups: Vec<Vec<String>> = contacts
        .iter()
        .map(|c| {
            let mut sources: Vec<String> = c["sources"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| format!("{}:{}", s["file"], s["record"]))
                .collect();
            sources.sort();
            sources
        })
        .collect();
    groups.sort();
    groups
}

#[test]
fn a_few_records_added_join_the_contacts_kept_as_deriving_them_all_would() {
    let db = Db::new();
    db.address_book();
    db.show();
    let before = db.contacts();
    // Kwame Mensah's card from a scanner app (his mobile, as the phone has it), and a person
    // the store has never seen.
    let cards = db.dir.write(
        "cards.csv",
        "First Name,Last Name,Company,Mobile,Email\n\
         Kwame,Mensah,Baobab Fintech,+233 24 123 4567,kwame@baobab.example\n\
         Ingrid,Solbakken,Fjord Analytics,+47 912 34 567,ingrid@fjord.example\n",
    );
    let mut args = vec!["import", "-v", &cards];
    args.extend(EVENT);
    let said = db.ok(&args).0;
    assert!(
        said.contains("contacts: 1 new, 1 matched to existing ones"),
        "{said}"
    );
    assert!(
        said.contains("(the new records and the contacts they may join)"),
        "only the contacts the records may join are resolved again: {said}"
    );
    let added = db.contacts();
    assert_eq!(added.len(), before.len() + 1);
    let kwame = db.ok(&["show", "kwame@baobab.example"]).1;
    assert!(kwame.contains("cards.csv:1"), "{kwame}");
    assert!(kwame.contains("phone.vcf:2"), "{kwame}");
    assert!(kwame.contains("why these are one person:"), "{kwame}");
    let ingrid = db.ok(&["show", "Ingrid Solbakken"]).1;
    assert!(ingrid.starts_with("Ingrid Solbakken  ("), "{ingrid}");
    // Every contact but Kwame's is as it was, and the contacts are those a derivation of every
    // record gives.
    let untouched = |c: &&Value| c["name"] != "Kwame Mensah";
    let kept: Vec<&Value> = before.iter().filter(untouched).collect();
    let now: Vec<&Value> = added
        .iter()
        .filter(untouched)
        .filter(|c| c["name"] != "Ingrid Solbakken")
        .collect();
    assert_eq!(
        groups(&kept.into_iter().cloned().collect::<Vec<_>>()),
        groups(&now.into_iter().cloned().collect::<Vec<_>>())
    );
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    conn.execute("DELETE FROM derived", []).unwrap();
    let derived = db.contacts();
    assert_eq!(groups(&added), groups(&derived));
    let ids = |cs: &[Value]| {
        let mut ids: Vec<String> = cs.iter().map(|c| c["id"].to_string()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&added), ids(&derived));
    // The worklist holds the new person, and taking the import back leaves the contacts as
    // they were.
    assert!(row(&db.worklist("2026-10-17"), "Ingrid Solbakken").is_some());
    db.ok(&["undo"]);
    assert_eq!(groups(&db.contacts()), groups(&before));
}

#[test]
fn a_record_that_joins_two_contacts_kept_leaves_no_gap_and_keeps_the_pairs_to_review() {
    let db = Db::new();
    // Jon Smith's work card and a phone entry of Jonathan Smith at another firm: not enough to
    // say they are one person. Maria Holm at two employers: a pair to review. And thirty
    // people besides.
    let mut book = String::from("First Name,Last Name,Company,Email,Mobile\n");
    book.push_str("Jon,Smith,Acme,jon.smith@acme.example,\n");
    book.push_str("Jonathan,Smith,Initech,,+1 415 555 0100\n");
    book.push_str("Maria,Holm,Nordic AB,,\n");
    book.push_str("Maria,Holm,Baltic AB,,\n");
    let given = ["Maria", "Kenji", "Fatima", "Lucas", "Priya", "Tomasz"];
    let family = ["Okafor", "Lindqvist", "Haddad", "Moreau", "Tanaka"];
    for (i, g) in given.iter().enumerate() {
        for (j, f) in family.iter().enumerate() {
            book.push_str(&format!(
                "{g},{f},Firm {i}{j},{}.{}@firm{i}{j}.example,\n",
                g.to_lowercase(),
                f.to_lowercase()
            ));
        }
    }
    let book = db.dir.write("book.csv", book);
    // Imported with the show's event, as the scan that follows: one event, known to the store.
    let mut args = vec!["import", "--merge", &book];
    args.extend(EVENT);
    db.ok(&args);
    let before = db.contacts();
    assert_eq!(before.len(), 34, "the Marias kept apart, the Smiths too");
    let reviewed = |db: &Db| db.ok(&["review"]).1;
    assert!(reviewed(&db).contains("Maria Holm"));
    // His badge scan has the address of one and the number of the other.
    let scan = db.dir.write(
        "scan.csv",
        "First Name,Last Name,Company,Email,Mobile\n\
         Jonathan,Smith,Acme,jon.smith@acme.example,+1 415 555 0100\n",
    );
    let mut args = vec!["import", "-v", &scan];
    args.extend(EVENT);
    let said = db.ok(&args).0;
    assert!(
        said.contains("(the new records and the contacts they may join)"),
        "{said}"
    );
    let added = db.contacts();
    assert_eq!(
        added.len(),
        33,
        "the two Smiths and the scan are one contact"
    );
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    let ordinals: Vec<i64> = conn
        .prepare("SELECT ordinal FROM derived_contact ORDER BY ordinal")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(ordinals, (0..added.len() as i64).collect::<Vec<_>>());
    let kept_review = reviewed(&db);
    // Each contact is found by the keys it was found by before it moved.
    let keys = |conn: &rusqlite::Connection| -> Vec<(i64, String)> {
        conn.prepare(
            "SELECT k.key, c.id FROM derived_key k JOIN derived_contact c ON c.ordinal = k.ordinal
             ORDER BY 1, 2",
        )
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
    };
    let kept_keys = keys(&conn);
    conn.execute("DELETE FROM derived", []).unwrap();
    assert_eq!(groups(&added), groups(&db.contacts()));
    assert_eq!(kept_review, reviewed(&db));
    assert_eq!(kept_keys, keys(&conn));
}

#[test]
fn what_a_resolve_learned_is_not_trusted_when_it_cannot_be_read() {
    let db = Db::new();
    db.address_book();
    db.show();
    let conn = rusqlite::Connection::open(db.path()).unwrap();
    // Damaged behind rolo's back: what the resolve learned is cut short.
    conn.execute(
        "UPDATE derived SET value = substr(value, 1, length(value) - 3) WHERE key = 'snapshot'",
        [],
    )
    .unwrap();
    let cards = db.dir.write(
        "cards.csv",
        "First Name,Last Name,Company,Mobile\nKwame,Mensah,Baobab Fintech,+233 24 123 4567\n",
    );
    let mut args = vec!["import", "-v", &cards];
    args.extend(EVENT);
    let said = db.ok(&args).0;
    assert!(said.contains("contacts: 0 new, 1 matched"), "{said}");
    assert!(!said.contains("the contacts they may join"), "{said}");
    let kwame = db.ok(&["show", "Kwame Mensah"]).1;
    assert!(kwame.contains("cards.csv:1"), "{kwame}");
}

#[test]
fn a_few_records_of_a_new_event_tag_the_connections_made_on_its_days() {
    let db = Db::new();
    db.address_book();
    let scan = db.dir.write(
        "scan.csv",
        "First Name,Last Name,Company,Email\nIngrid,Solbakken,Fjord Analytics,ingrid@fjord.example\n",
    );
    let mut args = vec!["import", &scan];
    args.extend(EVENT);
    db.ok(&args);
    // Grace Liu is known only from LinkedIn, connected during the show: met there, as one
    // import of everything would say.
    let rows = db.worklist("2026-10-17");
    assert!(row(&rows, "Grace Liu").is_some(), "{rows:#?}");
    assert!(row(&rows, "Ingrid Solbakken").is_some(), "{rows:#?}");
}
