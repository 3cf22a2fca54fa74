//! Finding the same person across files, and never merging two people.

use crate::util::{TestDir, strings};

#[test]
fn one_person_across_files_keeps_every_value_and_the_written_case() {
    let dir = TestDir::new();
    let badge = dir.write(
        "badges.csv",
        "Full Name,Company,Email,Phone\r\nMARTA KOWALSKA,Vistula Ltd,marta@vistula.example,+48 512 345 678\r\n",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Kowalska;Marta;;;\r\nFN:Marta Kowalska\r\nTEL;TYPE=CELL:+48 512 345 678\r\nEMAIL:marta.k@gmail.example\r\nEND:VCARD\r\n",
    );
    let run = dir.run(&[&badge, &phone]);
    assert_eq!(run.contacts.len(), 1, "{:?}", run.names());
    let marta = &run.contacts[0];
    assert_eq!(marta["name"], "Marta Kowalska");
    assert_eq!(
        strings(&marta["emails"]),
        ["marta@vistula.example", "marta.k@gmail.example"]
    );
    assert_eq!(marta["sources"].as_array().unwrap().len(), 2);
}

#[test]
fn a_shared_address_or_number_does_not_merge_two_people() {
    let dir = TestDir::new();
    let csv = dir.write(
        "scans.csv",
        "First Name,Last Name,Company,Email,Phone\n\
         Anna,Berg,Nordic AB,info@nordic.example,+46 8 123 456 78\n\
         Erik,Berg,Nordic AB,info@nordic.example,\n\
         Lars,Holm,Nordic AB,,+46 8 123 456 78\n",
    );
    let run = dir.run(&[&csv]);
    assert_eq!(run.names(), ["Anna Berg", "Erik Berg", "Lars Holm"]);
    // Two given names of their own on a team's address or line are two people's: not even a
    // question. The family name and the employer they share are the team's too.
    assert!(run.review.is_empty(), "{:?}", run.review);
    let why = dir
        .run(&[&csv, "--explain", "scans.csv:1", "scans.csv:2"])
        .stdout;
    assert!(
        why.contains("shared role address info@nordic.example"),
        "{why}"
    );
    assert!(
        why.contains("family name equal (berg), as the shared line or address has it"),
        "{why}"
    );
}

#[test]
fn same_name_joins_by_organization_and_stays_apart_across_organizations() {
    let dir = TestDir::new();
    let scans = dir.write(
        "scans.csv",
        "Name,Company,Email\nJohn Smith,Acme Corporation,john@acme.example\nJohn Smith,Globex,jsmith@globex.example\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\nJohn,Smith,https://www.linkedin.com/in/jsmith-acme,,Acme,Engineer,01 Jan 2024\n",
    );
    let run = dir.run(&[&scans, "--merge", &linkedin]);
    assert_eq!(run.contacts.len(), 2, "{:?}", run.contacts);
    let acme = run
        .contacts
        .iter()
        .find(|c| c["organization"] == "Acme Corporation")
        .unwrap();
    assert_eq!(acme["linkedin"], "https://linkedin.com/in/jsmith-acme");
    // A common name at two companies is two people, not a question.
    assert!(run.review.is_empty(), "{:?}", run.review);
    let explained = dir.run(&[&scans, "--explain", "scans.csv:1", "scans.csv:2"]);
    assert!(
        explained
            .stdout
            .contains("organizations differ (acme / globex)")
    );
    assert!(
        explained.stdout.contains("→ separate"),
        "{}",
        explained.stdout
    );
}

#[test]
fn the_worklist_is_printed_on_stdout_and_the_summary_on_stderr() {
    let dir = TestDir::new();
    let csv = dir.write(
        "scans.csv",
        "Name,Email,Rating\nAda Lovelace,ada@example.com,hot\n",
    );
    let run = dir.run(&[
        &csv,
        "--event",
        "Expo",
        "--met-on",
        "2026-03-10",
        "--today",
        "2026-03-10",
    ]);
    assert!(run.stdout.contains("Ada Lovelace"), "{}", run.stdout);
    assert!(run.stdout.contains("2026-03-11"), "{}", run.stdout);
    assert!(!run.stdout.contains("read 1 of 1 file"));
    assert!(run.stderr.contains("read 1 of 1 file"), "{}", run.stderr);
}

#[test]
fn nicknames_transliterations_and_company_suffixes_still_meet() {
    let dir = TestDir::new();
    let scans = dir.write(
        "scans.csv",
        "First Name,Last Name,Company,Email\n\
         Robert,Smith,Acme Corporation,robert.smith@acme.example\n\
         Jürgen,Müller,Nordlicht GmbH,j.mueller@nordlicht.example\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Bob,Smith,https://www.linkedin.com/in/bobsmith,,Acme,Engineer,01 Jan 2024\n\
         Juergen,Mueller,https://www.linkedin.com/in/jmueller,,Nordlicht,CTO,01 Jan 2024\n",
    );
    let run = dir.run(&[&scans, "--merge", &linkedin]);
    assert_eq!(
        run.names(),
        ["Robert Smith", "Jürgen Müller"],
        "{:#?}",
        run.contacts
    );
    assert_eq!(
        run.contact("Robert Smith")["linkedin"],
        "https://linkedin.com/in/bobsmith"
    );
}

#[test]
fn a_rare_family_name_joins_a_phone_contact_without_organization() {
    let dir = TestDir::new();
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Søren,Tukason,https://www.linkedin.com/in/soren-tukason,,Fjordlys AS,CTO,01 Jan 2024\n\
         John,Smith,https://www.linkedin.com/in/jsmith,,Acme,Engineer,01 Jan 2024\n",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:SØREN TUKASON\r\nN:TUKASON;SØREN;;;\r\nTEL:+47 412 34 567\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:John Smith\r\nN:Smith;John;;;\r\nTEL:+1 202 555 0111\r\nEND:VCARD\r\n",
    );
    let run = dir.run(&[&phone, "--merge", &linkedin]);
    // Tukason: one person in the data. Smith: too common to say without an organization.
    assert_eq!(run.contacts.len(), 3, "{:?}", run.names());
    assert_eq!(
        strings(&run.contact("Søren Tukason")["phones"]),
        ["+4741234567"]
    );
}

#[test]
fn namesakes_at_one_company_stay_apart() {
    let dir = TestDir::new();
    let scans = dir.write(
        "scans.csv",
        "First Name,Last Name,Company,Email\n\
         David,Schmidt,Hooli,david.schmidt@hooli.example\n\
         David,Schmidt,Hooli Inc,d.schmidt2@hooli.example\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Andy,Wang,https://www.linkedin.com/in/andy-wang-1,,Globex,Engineer,01 Jan 2024\n\
         Andy,Wang,https://www.linkedin.com/in/andy-wang-2,,Globex,Designer,01 Jan 2024\n",
    );
    let run = dir.run(&[&scans, "--merge", &linkedin]);
    assert_eq!(run.contacts.len(), 4, "{:#?}", run.contacts);
}

#[test]
fn a_slip_in_a_name_does_not_split_a_person() {
    let dir = TestDir::new();
    let scans = dir.write(
        "scans.csv",
        "First Name,Last Name,Company,Email,Phone\n\
         Søren,Ngguyen,Umbrella Bank,soren.nguyen@umbrella.example,\n\
         Jonh,Okafor,Kestrel,j.okafor@kestrel.example,+1 202 555 0133\n\
         Amara,Okafro,,,+1 202 555 0144\n",
    );
    let book = dir.write(
        "book.csv",
        "First Name,Last Name,Organization Name,E-mail 1 - Value,Phone 1 - Value\n\
         Søren,Nguyen,Umbrella Bank,,\n\
         John,Okafor,,j.okafor@kestrel.example,\n\
         Amara,Okafor,,,+1 202 555 0144\n",
    );
    let run = dir.run(&[&scans, "--merge", &book]);
    // Family name slipped at one organization, given name slipped on one address, family name
    // slipped on one number: three people, not six.
    assert_eq!(run.contacts.len(), 3, "{:?}", run.names());
}

#[test]
fn what_a_badge_form_puts_beside_the_name_tells_people_apart_or_together() {
    let dir = TestDir::new();
    let scans = dir.write(
        "scans.csv",
        "First Name,Last Name,Company,Email,Phone\n\
         John,Kalomison Jr.,Kalomison & Sons,,+1 415 555 0101\n\
         John,Kalomison Sr.,Kalomison & Sons,,+1 415 555 0101\n\
         Ana Q.,Dordasen,Initech,,\n\
         Chhidi,Sasukasen,Tuqui,chidi.sasukasen@tuqui.example,\n",
    );
    let book = dir.write(
        "book.csv",
        "First Name,Last Name,Organization Name,E-mail 1 - Value\n\
         Ana,Dordasen,Initech Inc,\n\
         Cidi,Sasukasen,Tuqui,chidi.sasukasen@tuqui.example\n",
    );
    let run = dir.run(&[&scans, "--merge", &book]);
    // Father and son of one name and number stay two; a middle initial in the First Name column
    // and a name mistyped twice on one address do not split a person.
    assert_eq!(run.contacts.len(), 4, "{:?}", run.names());
    let son = run.contact("John Kalomison Jr.");
    assert_eq!(son["family_name"], "Kalomison");
    assert_eq!(son["suffix"], "Jr.");
    let ana = run.contact("Ana Q. Dordasen");
    assert_eq!(
        (&ana["given_name"], &ana["middle_name"]),
        (&"Ana".into(), &"Q.".into())
    );
    assert_eq!(ana["sources"].as_array().map(Vec::len), Some(2));
}

#[test]
fn one_mailbox_a_diminutive_and_an_acronym_meet_their_full_forms() {
    let dir = TestDir::new();
    let scans = dir.write(
        "scans.csv",
        "First Name,Last Name,Company,Email,Phone,Country\n\
         Oliver,Pemberton,Initech,,020 7946 0958,United Kingdom\n\
         Sophie,Marchetti,Hooli,sophie.marchetti+expo@gmail.com,,\n\
         Ingrid,Vasquez-Holm,IBM,,,\n",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Pemberton;Olly;;;\r\nFN:Olly Pemberton\r\n\
         TEL;TYPE=CELL:+44 20 7946 0958\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nN:Marchetti;Sophie;;;\r\nFN:Sophie Marchetti\r\n\
         EMAIL:SophieMarchetti@googlemail.com\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nN:Vasquez-Holm;Ingrid;;;\r\nFN:Ingrid Vasquez-Holm\r\n\
         ORG:International Business Machines Corp.\r\nEND:VCARD\r\n",
    );
    let run = dir.run(&[&scans, &phone]);
    assert_eq!(run.contacts.len(), 3, "{:?}", run.names());
    // Both addresses are kept as written.
    assert_eq!(
        strings(&run.contact("Sophie Marchetti")["emails"]),
        [
            "sophie.marchetti+expo@gmail.com",
            "sophiemarchetti@googlemail.com"
        ]
    );
}

#[test]
fn a_job_change_keeps_both_organizations_the_newer_first() {
    let dir = TestDir::new();
    let badge = dir.write(
        "badges.csv",
        "First Name,Last Name,Company,Email,Phone\nLena,Fischer,Quantia AG,lena@quantia.example,+41 79 555 12 34\n",
    );
    let book = dir.write(
        "contacts.csv",
        "Given Name,Family Name,Organization 1 - Name,E-mail 1 - Value,Phone 1 - Value\nLena,Fischer,Globex Corporation,lena.fischer@globex.example,+41795551234\n",
    );
    let run = dir.run(&[&badge, "--merge", &book]);
    assert_eq!(run.contacts.len(), 1, "{:?}", run.names());
    assert_eq!(
        strings(&run.contacts[0]["organizations"]),
        ["Quantia AG", "Globex Corporation"]
    );
}

#[test]
fn explain_prints_the_evidence_of_a_pair_as_a_waterfall() {
    let dir = TestDir::new();
    let csv = dir.write(
        "scans.csv",
        "First Name,Last Name,Company,Email\n\
         Robert,Tukason,Fjordlys AS,rt@fjordlys.example\n\
         Bob,Tukason,Fjordlys,RT@FJORDLYS.EXAMPLE\n\
         Erik,Tukason,Fjordlys,et@fjordlys.example\n",
    );
    let run = dir.run(&[&csv, "--explain", "scans.csv:1", "scans.csv:2"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    for line in [
        "Robert Tukason (",
        "email equal (rt@fjordlys.example)",
        "nickname (robert / bob)",
        "organization equal (fjordlys",
        "→ merge",
    ] {
        assert!(run.stdout.contains(line), "{line} in\n{}", run.stdout);
    }
    let run = dir.run(&[&csv, "--explain", "Robert Tukason", "et@fjordlys.example"]);
    assert!(run.stdout.contains("given names differ (robert / erik)"));
    assert!(
        run.stdout
            .contains("different addresses at fjordlys.example")
    );
    assert!(run.stdout.contains("in two contacts"));
    let run = dir.run(&[&csv, "--explain", "Nobody Here", "scans.csv:1"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("no record matches \"Nobody Here\""));
}

#[test]
fn verbose_counts_candidate_pairs_per_rule_and_reports_keys_too_common() {
    let dir = TestDir::new();
    let mut rows = String::from("First Name,Last Name,Email\n");
    for i in 0..60u8 {
        let (a, b) = (char::from(b'a' + i % 26), char::from(b'a' + i / 26));
        rows.push_str(&format!("Gi{a}{b},Fa{b}{a}ly,info@acme.example\n"));
    }
    rows.push_str("Jane,Doe,jane@doe.example\nJane,Doe,jane@doe.example\n");
    let csv = dir.write("scans.csv", rows);
    let run = dir.run(&[&csv, "-v"]);
    assert!(run.stderr.contains("candidate pairs"), "{}", run.stderr);
    assert!(
        run.stderr.contains("email info@acme.example: 60 records"),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.contact("Jane Doe")["sources"].as_array().unwrap().len(),
        2
    );
}

#[test]
fn a_refused_merge_names_the_records_as_the_user_types_them() {
    let dir = TestDir::new();
    let file = dir.write(
        "chain.csv",
        "First Name,Last Name,Company,Email,Phone\n\
         Jane,Doe,Acme,jane@acme.example,+14155550101\n\
         J.,Doe,Acme,,+14155550101\n\
         John,Doe,Acme,john@acme.example,\n\
         J.,Doe,Acme,john@acme.example,\n",
    );
    let run = dir.run(&[&file]);
    let evidence: Vec<&str> = run.review.iter().map(|r| &r[3]).collect();
    assert!(
        evidence
            .iter()
            .any(|e| e.contains("would join chain.csv:1 and chain.csv:3")),
        "{evidence:?}"
    );
}

/// A register of members typed twice: a second typist's record of a person differs in its
/// given name, date of birth or street, and the address, postcode and member number agree.
/// Household members share the address and stay apart.
#[test]
fn records_that_differ_in_one_field_meet_by_the_fields_that_agree() {
    let dir = TestDir::new();
    let mut csv = String::from(
        "given_name,surname,street_number,address_1,suburb,postcode,state,date_of_birth,member_no\n",
    );
    let people = [
        (
            "siobhan",
            "o'sullivan",
            "14",
            "marine parade",
            "coogee",
            "2034",
            "19830412",
            "M-40213",
        ),
        (
            "mateus",
            "ferreira",
            "3",
            "rua das flores",
            "porto",
            "4050",
            "19700130",
            "M-40214",
        ),
        (
            "thi lan",
            "nguyen",
            "27",
            "le loi street",
            "cabramatta",
            "2166",
            "19910605",
            "M-40215",
        ),
        (
            "oluwaseun",
            "adeyemi",
            "8",
            "harbour road",
            "lagos island",
            "101001",
            "19851120",
            "M-40216",
        ),
    ];
    for (g, f, n, street, town, code, born, id) in people {
        csv.push_str(&format!(
            "{g},{f},{n},{street},{town},{code},nsw,{born},{id}\n"
        ));
    }
    // The second typist: Seun for Oluwaseun (a name rolo has no table of), a date of birth with
    // day and month swapped, a street misspelt, a given name left out.
    csv.push_str("seun,adeyemi,8,harbour road,lagos island,101001,nsw,19851120,M-40216\n");
    csv.push_str("mateus,ferreira,3,rua das flores,porto,4050,nsw,19703001,M-40214\n");
    csv.push_str("thi lan,nguyen,27,le loi stret,cabramatta,2166,nsw,19910605,M-40215\n");
    csv.push_str(",o'sullivan,14,marine parade,coogee,2034,nsw,19830412,M-40213\n");
    // A husband and a daughter at Siobhan's address: other given names, birthdays and numbers.
    csv.push_str("declan,o'sullivan,14,marine parade,coogee,2034,nsw,19790203,M-40290\n");
    csv.push_str("aoife,o'sullivan,14,marine parade,coogee,2034,nsw,20120917,M-40291\n");
    // Filler members, so that the member number column is seen as one.
    for i in 0..12 {
        csv.push_str(&format!(
            "member{i},filler{i},{i},street {i},town{i},{},nsw,1960010{},M-5{i:04}\n",
            3000 + i,
            i % 9 + 1
        ));
    }
    let path = dir.write("members.csv", &csv);
    let run = dir.run(&[&path]);
    let sources_of = |family: &str| run.sources_by_family(|f: &str| f.eq_ignore_ascii_case(family));
    assert_eq!(sources_of("Adeyemi"), [2], "{:?}", run.names());
    assert_eq!(sources_of("Ferreira"), [2], "{:?}", run.names());
    assert_eq!(sources_of("Nguyen"), [2], "{:?}", run.names());
    // Siobhan and her record without a given name are one; her husband and daughter are not her.
    assert_eq!(sources_of("O'Sullivan"), [1, 1, 2], "{:?}", run.names());
}

/// A register typed by several clerks: one wrote a person's family name alone in the given
/// name's column, another a family name alone where a third had swapped the two. Each lone
/// name is the other record's name in its other column. A colleague saved as plain Jordan is
/// not Michael Jordan: Jordan is a given name in its own column.
#[test]
fn a_lone_name_in_the_other_column_is_the_same_name() {
    let dir = TestDir::new();
    let path = dir.write(
        "register.csv",
        "first_name,surname,dob,city,company\n\
         Brennan,,1984-07-19,Galway,\n\
         Siobhan,Brennan,1984-07-19,Galway,\n\
         Okonkwo,Nkechi,1990-03-12,Enugu,\n\
         ,Okonkwo,1990-03-12,Enugu,\n\
         Jordan,,,Leeds,Hartley Foods\n\
         Michael,Jordan,,Leeds,Hartley Foods\n\
         Ingrid,Solberg,1991-06-07,Bergen,\n\
         Tomasz,Wójcik,1968-10-21,Kraków,\n",
    );
    let run = dir.run(&[&path]);
    let mut groups: Vec<Vec<u64>> = run
        .contacts
        .iter()
        .map(|c| {
            let mut records: Vec<u64> = c["sources"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|s| s["record"].as_u64())
                .collect();
            records.sort();
            records
        })
        .collect();
    groups.sort();
    assert_eq!(
        groups,
        [vec![1, 2], vec![3, 4], vec![5], vec![6], vec![7], vec![8]],
        "{:?}",
        run.names()
    );
}

/// People met at a show written by three sources in their own ways: a diminutive of another
/// language, a name in Cyrillic, a transliteration, a family name in capitals written first,
/// a double surname cut to the first. Beside them, people a loose name match would take for
/// them: a man and a woman of one stem at one firm, a compound given name and its first part,
/// and two names swapped that are both given names.
#[test]
fn names_of_many_languages_meet_and_two_people_of_one_stem_stay_apart() {
    let dir = TestDir::new();
    let badges = dir.write(
        "badges.csv",
        "Full Name,Company,Email,Phone\n\
         Alexander Volkov,Severstal Digital,a.volkov@severstal.example,+7 916 123 45 67\n\
         Dmitry Sokolov,Yandex Cloud,dsokolov@yandex-cloud.example,\n\
         José Luis García Márquez,Iberdata,,\n\
         Mohamed Salah,Nile Analytics,,+20 100 555 1234\n\
         DUPONT Jean,Thales Avionics,jean.dupont@thales.example,\n\
         Alexander Petrov,Gazprom Neft,a.petrov@gazpromneft.example,\n\
         Alexandra Petrova,Gazprom Neft,a.petrova@gazpromneft.example,\n\
         Jean Martin,Airbus,jean.martin@airbus.example,\n\
         Jean-Pierre Martin,Airbus,jp.martin@airbus.example,\n\
         Thomas Paul,Contoso,thomas.paul@contoso.example,\n\
         Paul Thomas,Contoso,paul.thomas@contoso.example,\n\
         J. Robert Oppenheimer,Los Alamos Laboratory,,\n",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Волков;Саша;;;\r\nFN:Саша Волков\r\nTEL;TYPE=CELL:+7 916 123 45 67\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nN:Sokolov;Dmitrii;;;\r\nFN:Dmitrii Sokolov\r\nEMAIL:dsokolov@yandex-cloud.example\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nN:Salah;Muhammad;;;\r\nFN:Muhammad Salah\r\nTEL;TYPE=CELL:+20 100 555 1234\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nN:Dupont;Jean;;;\r\nFN:Jean Dupont\r\nORG:Thales Avionics\r\nEMAIL:jean.dupont@thales.example\r\nEND:VCARD\r\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Pepe,García,https://www.linkedin.com/in/pepe-garcia-iberdata,,Iberdata,CTO,02 Dec 2026\n\
         Robert,Oppenheimer,https://www.linkedin.com/in/robert-oppenheimer,,Los Alamos Laboratory,Director,02 Dec 2026\n",
    );
    let run = dir.run(&[&badges, &phone, &linkedin]);
    let sources = |name: &str| -> usize {
        let c = run
            .contacts
            .iter()
            .find(|c| c["name"].as_str() == Some(name))
            .unwrap_or_else(|| panic!("no contact {name}: {:?}", run.names()));
        c["sources"].as_array().unwrap().len()
    };
    // Sasha is Alexander; Dmitrii, Dmitry; Muhammad, Mohamed; Pepe, José; DUPONT Jean, Jean
    // Dupont; J. Robert Oppenheimer goes by Robert.
    for name in [
        "J. Robert Oppenheimer",
        "Alexander Volkov",
        "Dmitry Sokolov",
        "Mohamed Salah",
        "José Luis García Márquez",
        "DUPONT Jean",
    ] {
        assert_eq!(sources(name), 2, "{name}: {:?}", run.names());
    }
    for name in [
        "Alexander Petrov",
        "Alexandra Petrova",
        "Jean Martin",
        "Jean-Pierre Martin",
        "Thomas Paul",
        "Paul Thomas",
    ] {
        assert_eq!(sources(name), 1, "{name}: {:?}", run.names());
    }
    assert_eq!(run.contacts.len(), 12, "{:?}", run.names());
}

/// What the sources a rep brings home write otherwise of one person: both surnames on a badge
/// and one on LinkedIn, a name in kanji on a phone, the firm a founder's family name stands for,
/// an initial before the name a person goes by. And what tells two people apart though their
/// names are a letter apart: an address of each, spelt as each one's name.
#[test]
fn a_double_surname_a_name_in_kanji_and_a_firms_short_name_meet_their_person() {
    let dir = TestDir::new();
    let badges = dir.write(
        "badges.csv",
        "Name,Company,Email\n\
         María José García López,Inditex,\n\
         João Pedro Silva Santos,Embraer,\n\
         Taro Yamada,Toyota,taro.yamada@toyota.example\n\
         Friedrich Baumann,Bosch,\n\
         Sophie Bauer,Siemens,sophie.bauer@siemens.example\n",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:山田;太郎;;;\r\nFN:山田 太郎\r\nEMAIL:taro.yamada@toyota.example\r\nEND:VCARD\r\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         María José,García,https://www.linkedin.com/in/mjgarcia,,Inditex,,02 Dec 2026\n\
         João Pedro,Santos,https://www.linkedin.com/in/jpsantos,,Embraer,,02 Dec 2026\n\
         Fritz,Baumann,https://www.linkedin.com/in/fbaumann,,Robert Bosch GmbH,,02 Dec 2026\n\
         F. Scott,Fitzgerald,https://www.linkedin.com/in/fscott,,Scribner,,02 Dec 2026\n",
    );
    let cards = dir.write(
        "cards.csv",
        "First Name,Last Name,Company,Email\n\
         Scott,Fitzgerald,Scribner,\n\
         Sophia,Bauer,Siemens,sophia.bauer@siemens.example\n",
    );
    let run = dir.run(&[&badges, &phone, &linkedin, &cards]);
    let sources = |family: &str| run.sources_by_family(|f: &str| f.starts_with(family));
    for family in ["García", "Silva Santos", "Baumann", "Fitzgerald"] {
        assert_eq!(sources(family), [2], "{family}: {:?}", run.names());
    }
    // 山田 太郎 is Yamada Taro, whose address the phone has.
    assert_eq!(sources("Yamada"), [2], "{:?}", run.names());
    // Sophie and Sophia Bauer have an address each at Siemens: two people.
    assert_eq!(sources("Bauer"), [1, 1], "{:?}", run.names());
}

#[test]
fn a_vietnamese_name_meets_the_given_name_it_is_called_by() {
    // A badge form's First Name holds the middle name too (Thị Hoa); her phone knows her as
    // Hoa. Văn Minh and Văn Long are two brothers at one firm. Thị Anh Phạm and Phạm Văn Anh,
    // whose phone entry gives his middle name, are a woman and a man of one name.
    let dir = TestDir::new();
    let badges = dir.write(
        "badges.csv",
        "First Name,Last Name,Company
         Thị Hoa,Nguyễn,Vietcombank
         Văn Minh,Trần,FPT Software
         Văn Long,Trần,FPT Software
         Thị Anh,Phạm,Vingroup
",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Nguyen;Hoa;;;\r\nFN:Hoa Nguyen\r\nORG:Vietcombank\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nN:Phạm;Anh;Văn;;\r\nFN:Phạm Văn Anh\r\nORG:Vingroup\r\nEND:VCARD\r\n",
    );
    let run = dir.run(&[&badges, &phone]);
    assert_eq!(
        run.sources_by_family(|f: &str| f == "Nguyễn"),
        [2],
        "{:?}",
        run.names()
    );
    assert_eq!(
        run.sources_by_family(|f: &str| f == "Trần"),
        [1, 1],
        "{:?}",
        run.names()
    );
    assert_eq!(
        run.sources_by_family(|f: &str| f == "Phạm"),
        [1, 1],
        "{:?}",
        run.names()
    );
}

#[test]
fn a_former_family_name_the_record_gives_meets_records_of_that_name() {
    // LinkedIn members write the name they were known by in brackets after their family name;
    // Apple's contacts keep it as X-MAIDENNAME; a card scanner's sheet may have a column.
    let dir = TestDir::new();
    let badges = dir.write(
        "badges.csv",
        "First Name,Last Name,Company\n\
         Jennifer,Morrison,Unilever\n\
         Karen,Morrison,Unilever\n\
         Anna,Schmidt,BASF\n\
         Sofia,Berg,Volvo Cars\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Jennifer,Walsh (Morrison),https://www.linkedin.com/in/jwalsh,,Unilever,,02 Dec 2026\n",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Müller;Anna;;;\r\nFN:Anna Müller\r\nX-MAIDENNAME:Schmidt\r\nORG:BASF SE\r\nEND:VCARD\r\n",
    );
    let cards = dir.write(
        "cards.csv",
        "First Name,Last Name,Maiden Name,Company\nSofia,Lindqvist,Berg,Volvo Cars\n",
    );
    let run = dir.run(&[&badges, &linkedin, &phone, &cards]);
    // The contact holding a file's first record.
    let of = |file: &str| {
        let at = run.holding(file, 1);
        &run.contacts[at.unwrap_or_else(|| panic!("a contact of {file}"))]
    };
    for file in ["Connections.csv", "phone.vcf", "cards.csv"] {
        assert_eq!(
            of(file)["sources"].as_array().map(Vec::len),
            Some(2),
            "{file}: {:?}",
            run.names()
        );
    }
    assert!(
        of("Connections.csv")["custom"].as_array().is_some_and(|c| c
            .iter()
            .any(|f| f["field"] == "former name" && f["value"] == "Morrison")),
        "{:#}",
        of("Connections.csv")
    );
    // Karen Morrison, her colleague, is another person.
    assert_eq!(run.contacts.len(), 4, "{:?}", run.names());
}

#[test]
fn names_alike_as_a_whole_but_of_two_people_stay_apart() {
    // Two double surnames that share the first; two patronymics, one in a First Name column;
    // a man's and a woman's name of one stem; two Arabic given names that begin with Abdul.
    let dir = TestDir::new();
    let badges = dir.write(
        "badges.csv",
        "Name,Company\n\
         María García López,Santander\n\
         Ivan Petrovich Sidorov,Rosneft\n\
         Marie Dubois,Renault\n\
         Abdul Rahman Hassan,Maybank\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         María,García Pérez,https://www.linkedin.com/in/mgp,,Santander,,02 Dec 2026\n\
         Ivan Sergeyevich,Sidorov,https://www.linkedin.com/in/isidorov,,Rosneft,,02 Dec 2026\n\
         Mario,Dubois,https://www.linkedin.com/in/mdubois,,Renault,,02 Dec 2026\n\
         Abdul Karim,Hassan,https://www.linkedin.com/in/akhassan,,Maybank,,02 Dec 2026\n\
         Ivan,Sidorov,https://www.linkedin.com/in/ivan-sidorov,,Gazprom Neft,,02 Dec 2026\n",
    );
    let run = dir.run(&[&badges, &linkedin]);
    assert_eq!(run.contacts.len(), 9, "{:?}", run.names());
}

#[test]
fn a_short_name_or_an_initial_of_two_people_joins_neither_to_the_other() {
    // Alex is Alexandra's and Alexander's; J. is John's and Jane's; M. is Marco's and Maria's;
    // Chris is Christopher's (his mobile says which) and Christine's; Sam is Samuel's and
    // Samantha's; Toni is Anthony's and Antonia's; Fran is Francisco's and Francesca's; Joe is
    // Joseph's, never Joanna's.
    let dir = TestDir::new();
    let badges = dir.write(
        "badges.csv",
        "First Name,Last Name,Company,Phone\n\
         Alexandra,Chen,Google,\n\
         J.,Smith,Acme Corp,\n\
         M.,Rossi,Ferrari,\n\
         Christopher,Taylor,Unilever,+44 7700 900555\n\
         Samuel,Okafor,Zenith Bank,\n\
         Toni,Russo,Eni,\n\
         Fran,Molina,Repsol,\n\
         Joe,Brennan,Intel,\n",
    );
    let linkedin = dir.write(
        "Connections.csv",
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n\
         Alex,Chen,https://www.linkedin.com/in/alexchen,,Google,,02 Dec 2026\n\
         John,Smith,https://www.linkedin.com/in/johnsmith-acme,,Acme Corp,,02 Dec 2026\n\
         Marco,Rossi,https://www.linkedin.com/in/marcorossi,,Ferrari,,02 Dec 2026\n\
         Christine,Taylor,https://www.linkedin.com/in/ctaylor,,Unilever,,02 Dec 2026\n\
         Sam,Okafor,https://www.linkedin.com/in/samokafor,,Zenith Bank,,02 Dec 2026\n\
         Anthony,Russo,https://www.linkedin.com/in/arusso,,Eni,,02 Dec 2026\n\
         Francisco,Molina,https://www.linkedin.com/in/fmolina,,Repsol,,02 Dec 2026\n\
         Joseph,Brennan,https://www.linkedin.com/in/jbrennan,,Intel,,02 Dec 2026\n",
    );
    let cards = dir.write(
        "cards.csv",
        "First Name,Last Name,Company\nAlexander,Chen,Google\nJane,Smith,Acme Corp\nMaria,Rossi,Ferrari\n\
         Samantha,Okafor,Zenith Bank\nAntonia,Russo,Eni\nFrancesca,Molina,Repsol\n\
         Joanna,Brennan,Intel\n",
    );
    let phone = dir.write(
        "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Taylor;Chris;;;\r\nFN:Chris Taylor\r\nTEL;TYPE=CELL:07700 900555\r\nEND:VCARD\r\n",
    );
    let run = dir.run(&[&badges, &linkedin, &cards, &phone]);
    let of = |file: &str, record: u64| run.holding(file, record);
    // Alexandra and Alexander, John and Jane, Marco and Maria, Christopher and Christine.
    for (one, other) in [
        (("badges.csv", 1), ("cards.csv", 1)),
        (("Connections.csv", 2), ("cards.csv", 2)),
        (("Connections.csv", 3), ("cards.csv", 3)),
        (("badges.csv", 4), ("Connections.csv", 4)),
        (("badges.csv", 5), ("cards.csv", 4)),
        (("Connections.csv", 6), ("cards.csv", 5)),
        (("Connections.csv", 7), ("cards.csv", 6)),
        (("badges.csv", 8), ("cards.csv", 7)),
    ] {
        assert_ne!(
            of(one.0, one.1),
            of(other.0, other.1),
            "{one:?} {other:?}: {:?}",
            run.names()
        );
    }
    assert_eq!(of("phone.vcf", 1), of("badges.csv", 4), "{:?}", run.names());
    assert_eq!(
        of("badges.csv", 8),
        of("Connections.csv", 8),
        "{:?}",
        run.names()
    );
}

/// Syllables for names no list knows, so that only what the file says weighs.
fn made_up_name(i: usize) -> String {
    const SYLLABLES: [&str; 20] = [
        "ka", "lo", "mi", "ren", "sa", "tor", "vel", "dan", "bri", "cor", "fen", "gal", "hul",
        "jor", "mas", "nel", "pir", "qua", "ros", "til",
    ];
    let word: String = [i % 20, (i / 20) % 20, (i / 400 + 1) % 20]
        .iter()
        .map(|&s| SYLLABLES[s])
        .collect();
    let mut chars = word.chars();
    chars.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(chars).collect()
    })
}

#[test]
fn colleagues_who_share_their_firm_s_number_or_info_address_stay_apart_however_many_there_are() {
    // 600 people on two badges each, found by their address; 300 shops whose two employees
    // each give the shop's one number, or its `info@` address. Learning from those pairs once
    // taught that one person's records often differ in both names, and every two colleagues
    // became one contact.
    for shared in ["number", "address"] {
        let mut rows = String::from("First Name,Last Name,Company,Email,Phone\n");
        for i in 0..600 {
            let (given, family) = (made_up_name(i), made_up_name(i * 7 + 3));
            let address = format!(
                "{}.{}@firm{i}.example",
                given.to_lowercase(),
                family.to_lowercase()
            );
            for _ in 0..2 {
                rows.push_str(&format!("{given},{family},Firm {i},{address},\n"));
            }
        }
        for shop in 0..300 {
            let contact = match shared {
                "number" => format!(",+1 212 555 {shop:04}"),
                _ => format!("info@shop{shop}.example,"),
            };
            for k in 0..2 {
                let j = 10_000 + shop * 2 + k;
                rows.push_str(&format!(
                    "{},{},Shop {shop},{contact}\n",
                    made_up_name(j),
                    made_up_name(j * 3 + 1)
                ));
            }
        }
        let naser = match shared {
            "number" => ",+1 415 555 0101",
            _ => "info@naser.example,",
        };
        rows.push_str(&format!(
            "Chad,Smith,Naser,{naser}\nRobert,Smith,Naser,{naser}\n"
        ));
        let dir = TestDir::new();
        let csv = dir.write("scans.csv", rows);
        let run = dir.run(&[&csv]);
        assert_eq!(
            run.contacts.len(),
            600 + 600 + 2,
            "{shared}: {:?}",
            &run.names()[..20]
        );
        assert!(run.names().contains(&"Chad Smith".to_string()), "{shared}");
        assert!(
            run.names().contains(&"Robert Smith".to_string()),
            "{shared}"
        );
    }
}

/// A registry extract that logs each record's event with its day (a birth's is the birthday)
/// and a benefits list that types dates of birth without their slashes. Two people born on one
/// day share that day and nothing else; one person's records in the two files share a name, a
/// street and a date of birth written two ways.
#[test]
fn a_day_two_people_share_is_no_code_and_a_date_typed_without_slashes_is_a_date() {
    let dir = TestDir::new();
    let mut registry =
        String::from("ssn,first_name,middle_name,last_name,date_of_birth,event_type,event_date\n");
    let born = [
        ("Amanda", "Lisa", "Miguel Herran", "19820618"),
        ("Andrea", "Laura", "Johnson", "19820618"),
        ("George", "Robert", "Hicks", "19421211"),
        ("George", "Raymond", "Johnson", "19421211"),
    ];
    for (i, (g, m, f, day)) in born.iter().enumerate() {
        registry.push_str(&format!(
            "{}-{:02}-{:04},{g},{m},{f},{day},creation,{day}\n",
            412 + i * 37,
            10 + i,
            4821 + i * 977
        ));
    }
    // Others, so that the columns are seen as a registry's: one code and one day each.
    let given = [
        "Walter", "Irene", "Curtis", "Norma", "Ramon", "Vera", "Dale", "Edna", "Floyd", "Opal",
    ];
    let family = ["Pruitt", "Ocampo", "Strand"];
    for i in 0..30 {
        let day = format!("19{}0{}1{}", 40 + i, i % 9 + 1, i % 9);
        registry.push_str(&format!(
            "{}-{}-{},{},A,{},{day},creation,{day}\n",
            500 + i * 11,
            20 + i,
            1000 + i * 271,
            given[i % 10],
            family[i / 10],
        ));
    }
    let registry = dir.write("ssa.csv", &registry);
    let benefits = dir.write(
        "wic.csv",
        "first_name,middle_initial,last_name,date_of_birth,street_number,street_name,zipcode\n\
         Amy,J,Mcmahon,09051989,4840,irvington,98101\n",
    );
    let census = dir.write(
        "census.csv",
        "first_name,middle_initial,last_name,date_of_birth,street_number,street_name,zipcode\n\
         Amy,J,Mcmahon,09/05/1989,4840,irvington,98101\n",
    );
    let run = dir.run(&[&registry, &benefits, &census]);
    let apart = |a: u64, b: u64| run.holding("ssa.csv", a) != run.holding("ssa.csv", b);
    assert!(apart(1, 2) && apart(3, 4), "{:?}", run.names());
    assert_eq!(
        run.contact("Amanda Lisa Miguel Herran")["birthday"],
        "1982-06-18"
    );
    let amy = run.contact("Amy J Mcmahon");
    assert_eq!(amy["birthday"], "1989-09-05");
    assert_eq!(amy["sources"].as_array().map(Vec::len), Some(2));
}
