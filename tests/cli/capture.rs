//! Photos of business cards and badges: codes decoded, printed text read by Tesseract, and a
//! pasted email signature.
//!
//! The photos of `fixtures/capture/` were rendered and photographed (perspective, turn, blur,
//! uneven light, JPEG) by `fixtures/make_capture.py`. The tests that read printed text need
//! Tesseract with its English, German, French and Spanish languages (`.ci/run` installs them);
//! without it they say they are skipped, except under CI, where they fail.

use serde_json::Value;

use crate::util::{TestDir, fixture, strings};

/// Whether Tesseract is here to read printed text.
fn tesseract() -> bool {
    let found = std::process::Command::new("tesseract")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found {
        assert!(
            std::env::var_os("CI").is_none(),
            "Tesseract is not installed: .ci/run installs it"
        );
        eprintln!("skipped: Tesseract is not installed (apt install tesseract-ocr)");
    }
    found
}

const LANGS: [&str; 2] = ["--ocr-lang", "en,de,fr,es"];

fn phones(contact: &Value) -> Vec<(String, String)> {
    contact["phone_entries"]
        .as_array()
        .expect("phone entries")
        .iter()
        .map(|p| {
            (
                p["e164"].as_str().unwrap_or("(raw)").to_string(),
                strings(&p["types"]).join(","),
            )
        })
        .collect()
}

fn address(contact: &Value) -> (String, String, String) {
    let a = &contact["addresses"][0];
    let part = |k: &str| a[k].as_str().unwrap_or_default().to_string();
    (part("street"), part("postcode"), part("locality"))
}

#[test]
fn cards_in_four_languages_become_contacts_with_their_labelled_numbers() {
    if !tesseract() {
        return;
    }
    let dir = TestDir::new();
    let files = ["card-en.jpg", "card-de.jpg", "card-fr.jpg", "card-es.jpg"]
        .map(|f| fixture(&format!("capture/{f}")));
    let mut args: Vec<&str> = files.iter().map(String::as_str).collect();
    args.extend(LANGS);
    let run = dir.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.contacts.len(), 4, "{:?}", run.names());

    let en = run.contact("Emily Whitmore");
    assert_eq!(strings(&en["emails"]), ["emily.whitmore@northwind.com"]);
    assert_eq!(en["title"], "VP of Sales");
    assert_eq!(en["organization"], "Northwind Analytics Inc.");
    let work_cell_fax = |w: &str, c: &str, f: &str| {
        vec![
            (w.to_string(), "work".to_string()),
            (c.to_string(), "cell".to_string()),
            (f.to_string(), "fax".to_string()),
        ]
    };
    assert_eq!(
        phones(en),
        work_cell_fax("+14158023310", "+14156132207", "+14158023311")
    );
    assert_eq!(
        address(en),
        (
            "120 Market Street".into(),
            "94105".into(),
            "San Francisco".into()
        )
    );
    assert_eq!(en["addresses"][0]["region"], "CA");

    // Tel., Mobil, Fax; the umlaut of a large bold name comes back in the card's language.
    let de = run.contact("Jürgen Schröder");
    assert_eq!(strings(&de["emails"]), ["j.schroeder@sonnenfeld.de"]);
    assert_eq!(de["title"], "Vertriebsleiter");
    assert_eq!(de["organization"], "Sonnenfeld Maschinenbau GmbH");
    assert_eq!(
        phones(de),
        work_cell_fax("+49306690743", "+4915123456789", "+49306690744")
    );
    assert_eq!(
        address(de),
        ("Hauptstraße 12".into(), "10117".into(), "Berlin".into())
    );

    // Tél., Portable; numbers written nationally are French by their country's format.
    let fr = run.contact("Hélène Lefèvre");
    assert_eq!(strings(&fr["emails"]), ["helene.lefevre@horizon.fr"]);
    assert_eq!(fr["title"], "Directrice commerciale");
    assert_eq!(fr["organization"], "Horizon Conseil SAS");
    assert_eq!(
        phones(fr),
        [
            ("+33142685300".to_string(), "work".to_string()),
            ("+33612345678".to_string(), "cell".to_string())
        ]
    );
    assert_eq!(
        address(fr),
        (
            "24 rue de la République".into(),
            "69002".into(),
            "Lyon".into()
        )
    );

    // Teléfono, Móvil.
    let es = run.contact("José Fernández");
    assert_eq!(strings(&es["emails"]), ["jfernandez@mirador.es"]);
    assert_eq!(es["organization"], "Mirador Logística S.L.");
    assert_eq!(
        phones(es),
        [
            ("+34912345678".to_string(), "work".to_string()),
            ("+34612345678".to_string(), "cell".to_string())
        ]
    );

    // The photo is kept with the contact, and the card's whole text beside its values.
    for c in &run.contacts {
        assert_eq!(c["photo"]["mime"], "image/jpeg", "{}", c["name"]);
        assert!(c["photo"]["bytes"].as_u64().unwrap() > 50_000);
        let text = c["custom"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["field"] == "card_text")
            .expect("the card's text");
        assert!(
            text["value"]
                .as_str()
                .unwrap()
                .contains(c["emails"][0].as_str().unwrap())
        );
    }
}

#[test]
fn a_card_is_read_again_in_its_own_language_when_its_numbers_say_it() {
    if !tesseract() {
        return;
    }
    // English only is asked for (the locale is C); the card's +49 numbers say it is German.
    let dir = TestDir::new();
    let run = dir.run(&[&fixture("capture/card-de.jpg")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let de = run.contact("Jürgen Schröder");
    assert_eq!(
        address(de),
        ("Hauptstraße 12".into(), "10117".into(), "Berlin".into())
    );
}

#[test]
fn a_photo_is_turned_upright_as_its_exif_orientation_says() {
    if !tesseract() {
        return;
    }
    let dir = TestDir::new();
    let run = dir.run(&[&fixture("capture/card-en-exif-rotated.jpg")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let en = run.contact("Emily Whitmore");
    assert_eq!(strings(&en["emails"]), ["emily.whitmore@northwind.com"]);
    assert_eq!(en["title"], "VP of Sales");
}

#[test]
fn badge_codes_are_read_exactly_without_ocr() {
    // No Tesseract is needed where the codes hold the contacts.
    let dir = TestDir::new();
    let out = assert_cmd::Command::cargo_bin("rolo")
        .unwrap()
        .args([
            "run",
            &fixture("capture/badge-vcard.png"),
            &fixture("capture/badge-mecard.jpg"),
            &fixture("capture/two-badges.jpg"),
            "--contacts",
            &dir.path("contacts.jsonl").display().to_string(),
        ])
        .env("ROLO_TESSERACT", "/nonexistent/tesseract")
        .env("ROLO_NO_PROGRESS", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    let contacts: Vec<Value> = std::fs::read_to_string(dir.path("contacts.jsonl"))
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    // Two people, each on a badge of their own and on the photo of both.
    assert_eq!(contacts.len(), 2, "{contacts:#?}");
    let daniel = contacts
        .iter()
        .find(|c| c["name"] == "Daniel O'Brien")
        .unwrap();
    assert_eq!(strings(&daniel["emails"]), ["daniel.obrien@summit.co.uk"]);
    assert_eq!(strings(&daniel["phones"]), ["+447911123456"]);
    assert_eq!(daniel["title"], "Product Manager");
    assert_eq!(daniel["organization"], "Summit Health Ltd");
    assert_eq!(daniel["sources"].as_array().unwrap().len(), 2);
    let camille = contacts
        .iter()
        .find(|c| c["name"] == "Camille Girard")
        .unwrap();
    assert_eq!(strings(&camille["emails"]), ["camille.girard@atelier.fr"]);
    assert_eq!(strings(&camille["phones"]), ["+33698765432"]);
    assert_eq!(camille["given_name"], "Camille");
    assert_eq!(camille["family_name"], "Girard");
    // The photo of two badges is two records, numbered left to right, each saying where its
    // code is.
    let records: Vec<(String, u64)> = contacts
        .iter()
        .flat_map(|c| c["sources"].as_array().unwrap().clone())
        .filter(|s| s["file"].as_str().unwrap().ends_with("two-badges.jpg"))
        .map(|s| {
            (
                s["file"].as_str().unwrap().to_string(),
                s["record"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(records.len(), 2);
    assert!(
        stderr.contains("two-badges.jpg: record 2: read from the QR code at ("),
        "{stderr}"
    );
}

#[test]
fn an_id_only_badge_is_a_reject_and_its_printed_name_a_contact() {
    if !tesseract() {
        return;
    }
    let dir = TestDir::new();
    let mut args = vec![fixture("capture/badge-id.jpg")];
    args.extend(LANGS.map(String::from));
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let run = dir.run(&args);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.rejects.len(), 1);
    let reason = &run.rejects[0][3];
    assert!(reason.contains("holds only an id, no contact"), "{reason}");
    assert!(reason.contains("look \"ATT-2026-410946\" up"), "{reason}");
    assert_eq!(&run.rejects[0][4], "ATT-2026-410946");
    // The name and company printed on the badge are a contact; the id is no phone number.
    let sabine = run.contact("Sabine Zimmermann");
    assert_eq!(sabine["organization"], "Waldmann Logistik GmbH");
    assert!(sabine["phones"].as_array().unwrap().is_empty());
    assert!(sabine["problems"].as_array().unwrap().is_empty());
}

#[test]
fn a_blank_photo_is_a_reject_and_a_photo_cut_short_an_error_that_stops_nothing_else() {
    if !tesseract() {
        return;
    }
    let dir = TestDir::new();
    let run = dir.run(&[
        &fixture("capture/blank.png"),
        &fixture("capture/truncated.jpg"),
        &fixture("capture/badge-vcard.png"),
    ]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("capture/truncated.jpg: the image is cut short: its end is missing"),
        "{}",
        run.stderr
    );
    assert_eq!(run.rejects.len(), 1);
    assert_eq!(
        &run.rejects[0][3],
        "no code and no printed text found in the image"
    );
    assert_eq!(run.names(), ["Daniel O'Brien"]);
}

#[test]
fn without_tesseract_a_photo_says_how_to_install_it_and_the_other_files_are_read() {
    let dir = TestDir::new();
    let out = assert_cmd::Command::cargo_bin("rolo")
        .unwrap()
        .args([
            "run",
            &fixture("capture/card-en.jpg"),
            &fixture("capture/badge-vcard.png"),
            &fixture("csv/badge-scans.csv"),
            "--contacts",
            &dir.path("contacts.jsonl").display().to_string(),
        ])
        .env("ROLO_TESSERACT", "/nonexistent/tesseract")
        .env("ROLO_NO_PROGRESS", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("card-en.jpg: no code holds a contact, and Tesseract, which reads printed text, is not installed"),
        "{stderr}"
    );
    assert!(
        stderr.contains("sudo apt install tesseract-ocr"),
        "{stderr}"
    );
    let contacts = std::fs::read_to_string(dir.path("contacts.jsonl")).unwrap();
    assert!(contacts.contains("Daniel O'Brien"));
    assert!(
        contacts.lines().count() > 2,
        "the CSV's contacts are written"
    );
}

#[test]
fn a_heic_photo_says_how_to_convert_it() {
    let dir = TestDir::new();
    let mut heic = vec![0, 0, 0, 0x18];
    heic.extend(b"ftypheic\0\0\0\0mif1heic");
    heic.extend([0u8; 64]);
    let path = dir.write("IMG_0412.HEIC", heic);
    let run = dir.run(&[&path]);
    assert_eq!(run.code, 1);
    assert!(
        run.stderr
            .contains("IMG_0412.HEIC: a HEIC photo, which rolo does not decode"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("heif-convert"), "{}", run.stderr);
}

#[test]
fn a_folder_of_photos_becomes_a_worklist() {
    if !tesseract() {
        return;
    }
    let dir = TestDir::new();
    let folder = dir.path("cards");
    std::fs::create_dir(&folder).unwrap();
    for f in ["card-en.jpg", "card-de.jpg", "badge-vcard.png"] {
        std::fs::copy(
            std::path::Path::new(&fixture(&format!("capture/{f}"))),
            folder.join(f),
        )
        .unwrap();
    }
    let folder = folder.display().to_string();
    let run = dir.run(&[
        &folder,
        "--event",
        "NorthStack Expo 2026",
        "--met-on",
        "2026-10-14",
        "--today",
        "2026-10-15",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.worklist.len(), 3, "{:?}", run.names());
    let emily = run.row("Emily Whitmore");
    assert_eq!(emily["email"], "emily.whitmore@northwind.com");
    assert_eq!(emily["event"], "NorthStack Expo 2026");
}

#[test]
fn doctor_shows_a_codes_payload_and_how_each_printed_line_became_a_value() {
    let dir = TestDir::new();
    let out = dir.rolo_ok(&["doctor".into(), fixture("capture/badge-vcard.png")]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("format     image"), "{text}");
    assert!(
        text.contains("code       QR code at (") && text.contains("FN:Daniel O'Brien"),
        "{text}"
    );
    if !tesseract() {
        return;
    }
    let out = dir.rolo_ok(&[
        "doctor".into(),
        fixture("capture/card-de.jpg"),
        "--ocr-lang".into(),
        "de,en".into(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("code       none found"), "{text}");
    assert!(
        text.contains("read in deu+eng, the card's edges found and its perspective flattened"),
        "{text}"
    );
    for (line, field) in [
        ("Mobil 0151 23456789", "phone (cell)"),
        ("j.schroeder@sonnenfeld.de", "email"),
        ("Vertriebsleiter", "title"),
    ] {
        let row = text
            .lines()
            .find(|l| l.contains(line))
            .unwrap_or_else(|| panic!("{line} in {text}"));
        assert!(row.trim_end().ends_with(field), "{row}");
    }
}

#[test]
fn an_email_signature_in_a_text_file_is_a_contact() {
    let dir = TestDir::new();
    let run = dir.run(&[&fixture("capture/signature.txt")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let priya = run.contact("Priya Raman");
    assert_eq!(priya["title"], "Head of Partnerships");
    assert_eq!(priya["organization"], "Brightline Robotics Ltd");
    assert_eq!(strings(&priya["emails"]), ["priya.raman@brightline.co.uk"]);
    assert_eq!(
        phones(priya),
        [
            ("+442079460958".to_string(), "work".to_string()),
            ("+447911123457".to_string(), "cell".to_string())
        ]
    );
}

#[test]
fn the_photo_of_a_card_goes_into_the_vcard_export() {
    let dir = TestDir::new();
    let vcf = dir.path("out.vcf").display().to_string();
    dir.rolo_ok(&[
        "run".into(),
        fixture("capture/badge-vcard.png"),
        "--contacts".into(),
        vcf.clone(),
    ]);
    let text = std::fs::read_to_string(&vcf).unwrap();
    assert!(text.contains("PHOTO"), "{text}");
    assert!(
        text.contains("image/png") || text.contains("TYPE=PNG"),
        "{text}"
    );
}

#[test]
fn a_badge_photo_imported_into_the_store_keeps_its_photo() {
    let dir = TestDir::new();
    let db = dir.path("rolo.db").display().to_string();
    let store = |args: &[&str]| {
        let mut all = vec!["--store".to_string(), db.clone()];
        all.extend(args.iter().map(|a| a.to_string()));
        dir.rolo_ok(&all)
    };
    let out = store(&[
        "import",
        &fixture("capture/badge-vcard.png"),
        "--event",
        "NorthStack Expo 2026",
        "--met-on",
        "2026-10-14",
    ]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("400×550 image: a code; QR code (vCard)"),
        "{stderr}"
    );
    let exported = dir.path("contacts.jsonl").display().to_string();
    store(&["export", &exported]);
    let contacts: Vec<Value> = std::fs::read_to_string(&exported)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(contacts.len(), 1);
    let daniel = &contacts[0];
    assert_eq!(daniel["name"], "Daniel O'Brien");
    assert_eq!(daniel["photo"]["mime"], "image/png");
    let size = std::fs::metadata(fixture("capture/badge-vcard.png"))
        .unwrap()
        .len();
    assert_eq!(daniel["photo"]["bytes"].as_u64(), Some(size));
    assert_eq!(daniel["events"][0]["name"], "NorthStack Expo 2026");
}
