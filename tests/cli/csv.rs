//! CSV and text exports.

use crate::util::{TestDir, fixture, strings};

#[test]
fn google_current_export_with_multi_values_and_a_bom() {
    let run = TestDir::new().run(&[&fixture("csv/google-current-bom.csv")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let zoe = run.contact("Zoë Lefèvre-Dupont");
    // The value marked `* ` is the primary one and comes first.
    assert_eq!(
        strings(&zoe["emails"]),
        ["zoe.ld@gmail.com", "zoe@acme.example"]
    );
    assert_eq!(strings(&zoe["phones"]), ["+33612345678", "+33142685300"]);
    assert_eq!(zoe["organization"], "Acme Corporation");
    assert_eq!(zoe["title"], "Head of Growth");
    assert_eq!(strings(&zoe["urls"]), ["https://linkedin.com/in/zoeld"]);
    assert_eq!(
        strings(&zoe["notes"]),
        ["Met at the \"Future of Data\" panel\nlikes cycling"]
    );
    let ken = run.contact("Ken Adams");
    assert_eq!(ken["birthday"], "--12-03");
    assert_eq!(ken["phone_extensions"]["+12025550143"], "12");
}

#[test]
fn legacy_google_csv_in_utf16() {
    let run = TestDir::new().run(&[&fixture("csv/google-legacy-utf16.csv")]);
    assert!(run.stderr.contains("UTF-16LE"), "{}", run.stderr);
    let bjorn = run.contact("Björn Ångström");
    assert_eq!(bjorn["family_name"], "Ångström");
    assert_eq!(strings(&bjorn["emails"]), ["bjorn@nordic.example"]);
    assert_eq!(bjorn["organization"], "Nordic AB");
    // Google's "Priority: Normal" is no lead rating.
    assert!(bjorn["rating"].is_null());
}

#[test]
fn excel_unicode_text_is_tab_separated_utf16() {
    let run = TestDir::new().run(&[&fixture("csv/excel-unicode-text.txt")]);
    assert_eq!(run.names(), ["Øystein Nilsen", "Małgorzata Wójcik"]);
    assert_eq!(
        strings(&run.contact("Małgorzata Wójcik")["phones"]),
        ["+48512345678"]
    );
}

#[test]
fn outlook_desktop_in_windows_1252() {
    let run = TestDir::new().run(&[&fixture("csv/outlook-desktop-1252.csv")]);
    assert!(run.stderr.contains("windows-1252"), "{}", run.stderr);
    let francois = run.contact("François Müller");
    // "Title" is the honorific next to "Job Title"; the assistant's number is not his.
    assert_eq!(francois["prefix"], "Mr.");
    assert_eq!(francois["title"], "Directeur Financier");
    assert_eq!(
        strings(&francois["phones"]),
        ["+33142142000", "+33687654321"]
    );
    // It is his assistant's: a related person, with the number.
    assert_eq!(francois["related"][0]["relation"], "assistant");
    assert_eq!(francois["related"][0]["name"], "+33 1 42 14 99 99");
    assert!(
        francois["birthday"].is_null(),
        "0/0/00 is Outlook's empty birthday"
    );
    assert_eq!(run.contact("Ana Peña")["birthday"], "1990-03-14");
}

#[test]
fn german_outlook_with_semicolons() {
    let run = TestDir::new().run(&[&fixture("csv/outlook-de-semicolon.csv")]);
    let juergen = run.contact("Jürgen Weiß");
    assert_eq!(juergen["organization"], "Müller & Söhne GmbH");
    assert_eq!(juergen["title"], "Leiter Einkauf");
    assert_eq!(juergen["birthday"], "1963-09-21");
    // The country column decides the region: German numbers without +49.
    assert_eq!(
        strings(&juergen["phones"]),
        ["+497111234567", "+491712345678"]
    );
    assert_eq!(
        strings(&juergen["emails"]),
        ["j.weiss@mueller-soehne.example"]
    );
    assert!(
        juergen["problems"].as_array().unwrap().is_empty(),
        "{}",
        juergen["problems"]
    );
}

#[test]
fn french_and_spanish_headers() {
    let run = TestDir::new().run(&[
        &fixture("csv/outlook-fr.csv"),
        &fixture("csv/spanish-semicolon.csv"),
    ]);
    let helene = run.contact("Hélène Lefèvre");
    assert_eq!(helene["organization"], "L'Oréal");
    assert_eq!(
        strings(&helene["emails"]),
        ["helene.lefevre@loreal.example"]
    );
    assert_eq!(strings(&helene["phones"]), ["+33611223344"]);
    let jose = run.contact("José García Núñez");
    assert_eq!(jose["family_name"], "García Núñez");
    assert_eq!(strings(&jose["phones"]), ["+34612345678"]);
}

#[test]
fn linkedin_preamble_and_old_export_without_url() {
    let dir = TestDir::new();
    let run = dir.run(&[
        "--merge",
        &fixture("csv/linkedin-old-no-url.csv"),
        "--event",
        "Summit",
        "--met-on",
        "2024-03-12",
        "--today",
        "2024-03-13",
    ]);
    assert_eq!(run.names(), ["Ada Lovelace", "Grace Hopper"]);
    // Connected during the event: tagged. Connected in 2022: context only.
    assert_eq!(
        run.contact("Grace Hopper")["events"][0]["met_on"],
        "2024-03-12"
    );
    assert!(strings(&run.contact("Ada Lovelace")["events"]).is_empty());
    assert_eq!(run.worklist.len(), 1);
}

#[test]
fn badge_scans_with_quoted_newlines_ratings_and_a_failed_scan() {
    let run = TestDir::new().run(&[
        &fixture("csv/badge-scans.csv"),
        "--event",
        "Expo",
        "--met-on",
        "2026-03-10..2026-03-12",
        "--today",
        "2026-03-13",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let sean = run.contact("Sean McDonald");
    assert_eq!(strings(&sean["emails"]), ["sean@acme.example"]);
    assert_eq!(sean["rating"], "hot");
    assert_eq!(
        strings(&sean["notes"]),
        ["Said \"call me Monday\"\nBudget: 50k"]
    );
    // The Event column names the event instead of --event; the scan's own day is met_on.
    assert_eq!(sean["events"][0]["name"], "DataConf Berlin");
    assert_eq!(sean["events"][0]["met_on"], "2026-03-11");
    let jane = run.contact("Jane Doe");
    assert_eq!(jane["given_name"], "Jane");
    assert_eq!(jane["rating"], "warm");
    assert_eq!(jane["events"][0]["met_on"], "2026-03-12");
    // What cannot be normalized is kept raw.
    let patrick = run.contact("Patrick O'Brien");
    assert_eq!(strings(&patrick["phones_raw"]), ["12"]);
    assert!(patrick["problems"].to_string().contains("not-an-email"));
    // The failed scan is rejected with its reason and its original text.
    assert_eq!(run.rejects.len(), 1);
    assert_eq!(&run.rejects[0][2], "3");
    assert_eq!(&run.rejects[0][3], "no name, email, phone or URL");
    assert!(run.rejects[0][4].contains("nobody scanned"));
}

#[test]
fn a_file_without_header_is_read_by_its_contents() {
    let run = TestDir::new().run(&[&fixture("csv/no-header.csv")]);
    let alice = run.contact("Alice Smith");
    assert_eq!(
        (alice["given_name"].as_str(), alice["family_name"].as_str()),
        (Some("Alice"), Some("Smith"))
    );
    assert_eq!(strings(&alice["emails"]), ["alice@example.com"]);
    assert_eq!(strings(&alice["phones"]), ["+12025550111"]);
}

#[test]
fn outlook_com_export() {
    let run = TestDir::new().run(&[&fixture("csv/outlook-com.csv")]);
    let grace = run.contact("Grace O'Malley");
    assert_eq!(grace["prefix"], "Ms.");
    assert_eq!(grace["title"], "Harbour Master");
    assert_eq!(
        strings(&grace["emails"]),
        ["grace@omalley.example", "g.omalley@outlook.example"]
    );
    // The business country is Ireland: the mobile written nationally is Irish.
    assert_eq!(strings(&grace["phones"]), ["+35312345678", "+353871234567"]);
    assert_eq!(strings(&grace["urls"]), ["https://www.clewbay.example"]);
}

#[test]
fn thunderbird_birthday_in_three_columns() {
    let run = TestDir::new().run(&[&fixture("csv/thunderbird-birthday-parts.csv")]);
    assert_eq!(run.contact("Linus Berg")["birthday"], "1975-07-09");
    assert_eq!(run.contact("Maja Lind")["birthday"], "--12-24");
    assert!(
        run.contact("Maja Lind")["problems"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn a_row_written_with_another_delimiter_is_split_with_it() {
    let dir = TestDir::new();
    let file = dir.write(
        "mixed.csv",
        "Name\tEmail\tPhone\nAda Lovelace,ada@example.com,+44 20 7946 0018\nAlan Turing\talan@example.com\t+44 20 7946 0019\n",
    );
    let run = dir.run(&[&file]);
    assert!(run.rejects.is_empty(), "{:?}", run.rejects);
    assert_eq!(
        strings(&run.contact("Ada Lovelace")["emails"]),
        ["ada@example.com"]
    );
    assert_eq!(
        strings(&run.contact("Ada Lovelace")["phones"]),
        ["+442079460018"]
    );
}

#[test]
fn a_number_typed_fax_is_not_a_phone_to_call() {
    let dir = TestDir::new();
    let file = dir.write(
        "google.csv",
        "Name,Phone 1 - Type,Phone 1 - Value,Phone 2 - Type,Phone 2 - Value\n\
         Ada Lovelace,Work Fax,+44 20 7946 0018,* Mobile,+44 7911 123456\n",
    );
    let run = dir.run(&[&file]);
    let ada = run.contact("Ada Lovelace");
    assert_eq!(strings(&ada["phones"]), ["+447911123456"]);
    // The fax is kept with its kind, and the mobile is the cell phone.
    let entries = ada["phone_entries"].as_array().unwrap();
    assert_eq!(entries[0]["value"], "+44 20 7946 0018");
    assert_eq!(strings(&entries[0]["types"]), ["work", "fax"]);
    assert_eq!(strings(&entries[1]["types"]), ["cell"]);
    assert!(
        ada["custom"].as_array().unwrap().is_empty(),
        "{}",
        ada["custom"]
    );
}

#[test]
fn a_country_written_uk_reads_its_numbers_as_british() {
    let dir = TestDir::new();
    let file = dir.write(
        "leads.csv",
        "First Name,Last Name,Phone,Country\n\
         Olivia,Hughes,07911 123456,UK\n\
         Nikos,Papadopoulos,210 123 4567,EL\n",
    );
    // The locale is C: without the country the numbers would be read by US rules.
    let run = dir.run(&[&file, "--region", "US"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        strings(&run.contact("Olivia Hughes")["phones"]),
        ["+447911123456"]
    );
    assert_eq!(
        strings(&run.contact("Nikos Papadopoulos")["phones"]),
        ["+302101234567"]
    );
}

#[test]
fn a_groupware_export_named_by_vcard_properties() {
    // EGroupware and Tine 2.0 name their columns after the vCard's: n_given, n_family, tel_work.
    let run = TestDir::new().run(&[&fixture("csv/egroupware-addressbook.csv")]);
    assert!(run.rejects.is_empty(), "{:?}", run.rejects);
    let hannelore = run.contact("Dr. Hannelore Krause");
    assert_eq!(hannelore["given_name"], "Hannelore");
    assert_eq!(hannelore["family_name"], "Krause");
    assert_eq!(hannelore["organization"], "Stadtwerke Kassel");
    assert_eq!(strings(&hannelore["departments"]), ["Einkauf"]);
    assert_eq!(
        strings(&hannelore["phones"]),
        ["+495617821100", "+491715550142"]
    );
    assert_eq!(hannelore["addresses"][0]["locality"], "Kassel");
    assert_eq!(hannelore["addresses"][0]["postcode"], "34117");
    assert_eq!(hannelore["birthday"], "1968-04-02");
    // The assistant's number and name are hers, not Hannelore's own.
    let related: Vec<&str> = hannelore["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert_eq!(related, ["+49 561 782 1101", "Petra Lange"]);
    // A row with a name alone is a person, not a reject.
    assert!(
        run.contact("Jonas Becker")["emails"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn columns_about_someone_else_make_related_people() {
    let run = TestDir::new().run(&[&fixture("csv/family-contacts.csv")]);
    let lucy = run.contact("Lucy Fraser");
    assert_eq!(strings(&lucy["emails"]), ["lucy.fraser@example.org"]);
    assert_eq!(strings(&lucy["phones"]), ["+447911123456"]);
    let related: Vec<String> = lucy["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            format!(
                "{}: {}",
                r["relation"].as_str().unwrap(),
                r["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        related,
        [
            "Mum: ann.fraser@example.org",
            "Mum: +44 7911 654321",
            "Sister: kate.fraser@example.org",
            "Team: u12-coaches@example.org",
            "emergency: +44 7911 654321",
            "emergency: Ann Fraser",
        ]
    );
    // Two children of one team are not one person because they share its address.
    assert_eq!(run.names().len(), 2);
}

#[test]
fn an_area_code_and_an_extension_join_their_number() {
    let run = TestDir::new().run(&[
        &fixture("csv/crm-area-code-extension.csv"),
        "--region",
        "US",
    ]);
    let robert = run.contact("Robert Hale");
    // `Title` holds honorifics here, not jobs.
    assert_eq!(robert["prefix"], "Mr.");
    assert!(robert["title"].is_null());
    assert_eq!(strings(&robert["phones"]), ["+13125550188"]);
    assert_eq!(robert["phone_extensions"]["+13125550188"], "204");
    // A number that has its area code already keeps it once.
    assert_eq!(
        strings(&run.contact("Dana Whitfield")["phones"]),
        ["+17735550142", "+17735550199"]
    );
    // Without a number, the qualifiers are kept as they are.
    let amir = run.contact("Amir Haddad");
    assert!(amir["phones"].as_array().unwrap().is_empty());
    assert!(amir["custom"].to_string().contains("Phone Ext"));
}

#[test]
fn a_lead_name_is_no_persons_name() {
    let run = TestDir::new().run(&[&fixture("csv/crm-leads.csv")]);
    let mut names = run.names();
    names.sort();
    assert_eq!(names, ["Ines Ortiz", "Maya Ortiz", "Tom Ortiz"]);
    assert!(
        run.contact("Tom Ortiz")["custom"]
            .to_string()
            .contains("New lead 3")
    );
}

#[test]
fn chinese_labels_with_a_word_before_them() {
    let run = TestDir::new().run(&[&fixture("csv/cn-user-list.csv")]);
    let fang = run.contact("王芳");
    assert_eq!(strings(&fang["emails"]), ["wangfang@example.cn"]);
    assert_eq!(strings(&fang["phones"]), ["+8613812345678"]);
}

#[test]
fn mecard_and_bizcard_payloads_of_a_qr_reader() {
    let run = TestDir::new().run(&[&fixture("qr/qr-reader-history.txt")]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("mecard"), "{}", run.stderr);
    assert!(run.rejects.is_empty(), "{:?}", run.rejects);
    let sean = run.contact("Sean Owen");
    assert_eq!(strings(&sean["phones"]), ["+12125551212"]);
    assert_eq!(strings(&sean["emails"]), ["srowen@example.com"]);
    assert!(sean["notes"].to_string().contains("booth 12; wants a demo"));
    let maren = run.contact("Maren Solberg");
    assert_eq!(maren["organization"], "Fjord Logistics AS");
    assert_eq!(maren["title"], "Head of Procurement");
    assert_eq!(
        maren["addresses"][0]["formatted"],
        "Strandgata 5, 5013 Bergen, Norway"
    );
    assert_eq!(strings(&maren["phones"]), ["+4755123456", "+4791234567"]);
    // A one-line Chinese MECARD is a person, family name first.
    let wei = run.contact("王 伟");
    assert_eq!(wei["family_name"], "王");
    assert_eq!(wei["organization"], "上海云帆科技");
}

#[test]
fn a_stray_quote_costs_its_own_record_not_the_rest_of_the_file() {
    let dir = TestDir::new();
    let mut text = String::from("Name,Company,Email\n");
    for i in 0..1000 {
        if i == 10 {
            // The quote opens a cell and is never closed.
            text.push_str("Zoe Quill,\"Quill & Co, Ltd,zoe@quill.example\n");
        } else {
            text.push_str(&format!(
                "Person {i:04} Example,Firm {i},p{i}@example.com\n"
            ));
        }
    }
    let file = dir.write("scans.csv", text);
    let run = dir.run(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.contacts.len(), 999, "{}", run.stderr);
    assert_eq!(run.rejects.len(), 1);
    let reject = &run.rejects[0];
    assert_eq!(&reject[2], "11");
    assert!(reject[3].contains("line 12"), "{reject:?}");
    assert!(reject[4].contains("Zoe Quill"), "{reject:?}");
    // The line after the quote is the row it is.
    assert!(
        run.contacts
            .iter()
            .any(|c| strings(&c["emails"]) == ["p11@example.com"] && c["organization"] == "Firm 11")
    );
}

#[test]
fn a_type_column_names_its_numbers_kind_and_address_lines_are_the_street() {
    let run = TestDir::new().run(&[&fixture("csv/crm-phone-type-columns.csv")]);
    let marion = run.contact("Marion Murray");
    let kinds: Vec<String> = marion["phone_entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["e164"].as_str().unwrap(),
                e["types"][0].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "+16035550136 home",
            "+16035552996 cell",
            "+16035558897 work"
        ]
    );
    // The number's column name is no label of the number.
    assert!(marion["phone_entries"][0]["label"].is_null());
    assert_eq!(
        marion["addresses"][0]["street"],
        "423 Haley Gardens\nSuite 100"
    );
    assert_eq!(marion["addresses"][0]["postcode"], "03301");
    // `Do not email: false` is a preference, not an address.
    assert_eq!(strings(&marion["emails"]), ["marion.murray@lowe.example"]);
    assert!(marion["problems"].as_array().unwrap().is_empty());
}

#[test]
fn emails_and_phones_as_json_arrays_in_a_cell() {
    let run = TestDir::new().run(&[&fixture("csv/crm-json-cells.csv")]);
    let ingrid = run.contact("Ingrid Solheim");
    assert_eq!(
        strings(&ingrid["emails"]),
        ["ingrid.solheim@nordlys.example", "ingrid@solheim.example"]
    );
    assert_eq!(strings(&ingrid["phones"]), ["+4741234567", "+4722123456"]);
    assert_eq!(ingrid["phone_entries"][0]["types"][0], "cell");
    assert_eq!(
        strings(&run.contact("Tarek Haddad")["emails"]),
        ["tarek@cedar.example"]
    );
    assert!(run.rejects.is_empty());
}

#[test]
fn a_payroll_row_gives_its_employer_and_the_home_address_in_parts() {
    // Shaped as pseudopeople's W-2 export is: the employer's name and address, then the
    // employee's mailing address, each street as a number and a name, a unit, a `zipcode`.
    let dir = TestDir::new();
    let file = dir.write(
        "w2.csv",
        "employer_id,ssn,wages,employer_name,employer_street_number,employer_street_name,\
         employer_unit_number,employer_city,employer_state,employer_zipcode,first_name,\
         middle_initial,last_name,mailing_address_street_number,mailing_address_street_name,\
         mailing_address_unit_number,mailing_address_po_box,mailing_address_city,\
         mailing_address_state,mailing_address_zipcode,tax_form,tax_year\n\
         29,854-13-6295,28355,Red's Dairy Queen,264-12,hallmont dr,,Anytown,WA,98101,Erin,R,\
         Alonso Tellez,1501,interlake ave n,unit d13,,Anytown,WA,98103,W2,2020\n",
    );
    let run = dir.run(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let erin = run.contact("Erin R Alonso Tellez");
    assert_eq!(erin["organization"], "Red's Dairy Queen", "{erin}");
    let addresses = erin["addresses"].as_array().unwrap();
    assert_eq!(addresses.len(), 2, "{addresses:?}");
    let work = &addresses[0];
    assert_eq!(work["types"][0], "work");
    assert_eq!(work["street"], "264-12 hallmont dr");
    assert_eq!(work["postcode"], "98101");
    let home = &addresses[1];
    assert_eq!(home["street"], "1501 interlake ave n");
    assert_eq!(home["extended"], "unit d13");
    assert_eq!(home["postcode"], "98103");
    let custom = erin["custom"].as_array().cloned().unwrap_or_default();
    assert!(
        !custom
            .iter()
            .any(|c| c["field"].as_str().unwrap().contains("zipcode")),
        "{erin}"
    );
}

#[test]
fn a_lone_city_column_is_the_address_s_place_and_is_exported_as_one() {
    // Shaped as Splink's demo data is: names, date of birth, a lone `city`, an address; the
    // second record of Ruth mistypes her family name and her address's domain.
    let dir = TestDir::new();
    let file = dir.write(
        "people.csv",
        "first_name,surname,dob,city,email\n\
         Ruth ,Okafor,1984-02-11,Leeds,ruth.okafor84@example.org\n\
         Ruth ,Okafro,1984-02-11,Leeds,ruth.okafor84@exmaple.org\n\
         Tom ,Okafor,1990-05-02,York,tokafor@example.net\n",
    );
    let run = dir.run(&[&file]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.contacts.len(), 2, "{:?}", run.contacts);
    let ruth = run.contact("Ruth Okafor");
    assert_eq!(ruth["sources"].as_array().unwrap().len(), 2);
    assert_eq!(ruth["addresses"][0]["locality"], "Leeds");
    let custom = ruth["custom"].as_array().cloned().unwrap_or_default();
    assert!(!custom.iter().any(|c| c["field"] == "city"), "{ruth}");
    assert_eq!(
        run.contact("Tom Okafor")["addresses"][0]["locality"],
        "York"
    );
    // Google's import puts it in the address's city.
    let google = dir.path("google.csv").display().to_string();
    let args: Vec<String> = [
        "run",
        &file,
        "--contacts",
        &google,
        "--contacts-format",
        "google-csv",
    ]
    .map(String::from)
    .to_vec();
    dir.rolo_ok(&args);
    let mut reader = csv::Reader::from_path(&google).unwrap();
    let city = reader
        .headers()
        .unwrap()
        .iter()
        .position(|h| h == "Address 1 - City")
        .expect("an Address 1 - City column");
    let cities: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[city].to_string())
        .collect();
    assert_eq!(cities, ["Leeds", "York"]);
}
