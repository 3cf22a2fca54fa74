//! Column headers to fields: the labels of Google Contacts (current and legacy), Outlook desktop
//! and outlook.com (English, German, French), LinkedIn, Thunderbird, badge-scan and lead apps,
//! and common German, French and Spanish headers.
//!
//! A header is folded before lookup: diacritics removed, lower-cased, and everything but letters
//! dropped, along with number tokens, so `E-mail 2 - Value`, `E-Mail-Adresse` and `email`
//! meet their synonyms whatever their spacing, punctuation or numbering.

use crate::model::Field;

/// Folds a header to its lookup key: `"E-mail 1 - Value"` → `"emailvalue"`.
pub fn fold(header: &str) -> String {
    deunicode::deunicode(header.trim_start_matches('\u{feff}'))
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The words of a header: diacritics removed, lower case, split at everything but letters and
/// digits and where a lower-case letter meets a capital (`tel_work`, `MumEmail`, `Phone-Ext`).
pub fn words(header: &str) -> Vec<String> {
    let ascii = deunicode::deunicode(header.trim_start_matches('\u{feff}'));
    let mut out: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut last_lower = false;
    for c in ascii.chars() {
        if !c.is_ascii_alphanumeric() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            last_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && last_lower && !word.is_empty() {
            out.push(std::mem::take(&mut word));
        }
        last_lower = c.is_ascii_lowercase();
        word.push(c.to_ascii_lowercase());
    }
    if !word.is_empty() {
        out.push(word);
    }
    out
}

/// The relation of a column about someone else than the row's person (`Mum-email`,
/// `Assistant's Phone`, `Spouse First Name`, `Emergency Contact`, `Referred By`): the vCard
/// relation type, and the word as the header writes it.
pub fn relation(header: &str) -> Option<(&'static str, String)> {
    let ws = words(header);
    // `Parent Account`, `Partner Company`: organizations, not people.
    if ws.iter().any(|w| {
        matches!(
            w.as_str(),
            "account" | "company" | "organization" | "organisation" | "firma" | "owner"
        )
    }) {
        return None;
    }
    ws.iter().find_map(|w| {
        let relation = match w.as_str() {
            "mum" | "mom" | "mother" | "mama" | "mummy" | "mommy" | "father" | "dad" | "daddy"
            | "papa" | "parent" | "parents" | "mutter" | "vater" | "eltern" | "mere" | "pere"
            | "madre" | "padre" | "guardian" => "parent",
            "sister" | "brother" | "sibling" | "schwester" | "bruder" | "soeur" | "frere"
            | "hermano" | "hermana" => "sibling",
            "child" | "children" | "kid" | "kids" | "son" | "daughter" | "sohn" | "tochter"
            | "kinder" | "enfant" | "enfants" | "hijo" | "hija" => "child",
            "spouse" | "wife" | "husband" | "partner" | "ehepartner" | "ehefrau" | "ehemann"
            | "conjoint" | "epoux" | "epouse" | "esposa" | "esposo" | "lebenspartner" => "spouse",
            "assistant" | "assistent" | "assistentin" | "secretary" | "sekretariat" => "assistant",
            "manager" | "boss" | "supervisor" | "vorgesetzter" | "vorgesetzte" => "manager",
            "team" | "colleague" | "coworker" | "kollege" | "kollegin" | "collegue" => "co-worker",
            "emergency" | "notfall" | "notfallkontakt" => "emergency",
            "referred" | "referrer" | "referral" | "referredby" | "empfohlen" => "referred-by",
            "friend" | "freund" | "freundin" | "ami" | "amie" => "friend",
            _ => return None,
        };
        let written = header
            .split(|c: char| !c.is_alphanumeric())
            .find(|p| {
                deunicode::deunicode(p)
                    .to_lowercase()
                    .starts_with(w.as_str())
            })
            .unwrap_or(w)
            .to_string();
        Some((relation, written))
    })
}

/// What a column that qualifies another holds: a phone number's extension, its area code or
/// its country calling code, each read with the number it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Qualifier {
    Extension,
    AreaCode,
    CountryCode,
}

/// The qualifier a header names: `Phone Ext`, `Extension`, `Durchwahl`, `Area Code`, `Vorwahl`,
/// `Phone Country Code`.
pub fn qualifier(header: &str) -> Option<Qualifier> {
    let ws = words(header);
    let has = |w: &str| ws.iter().any(|x| x == w);
    if has("ext") || has("extension") || has("durchwahl") || has("nebenstelle") {
        return Some(Qualifier::Extension);
    }
    if (has("area") && has("code")) || has("areacode") || has("vorwahl") || has("prefijo") {
        return Some(Qualifier::AreaCode);
    }
    let about_a_number = ws.iter().any(|w| {
        w.starts_with("phone") || w.starts_with("tel") || w.starts_with("mobil") || w == "cell"
    });
    if about_a_number && ((has("country") && has("code")) || has("dial") || has("calling")) {
        return Some(Qualifier::CountryCode);
    }
    // `Vorwahl_Tel`, where the words run together after folding.
    if ws.iter().any(|w| w.starts_with("vorwahl")) {
        return Some(Qualifier::AreaCode);
    }
    None
}

/// The labels of a birthday given in three columns, put together by normalization.
pub const BIRTH_YEAR: &str = "Birth Year";
pub const BIRTH_MONTH: &str = "Birth Month";
pub const BIRTH_DAY: &str = "Birth Day";

/// Maps a whole header row. Context decides the ambiguous labels: `Title` is an honorific where a
/// `Job Title` column exists (Outlook), `Name` next to `Vorname` is the family name.
pub fn map_headers(headers: &[String]) -> Vec<Field> {
    let keys: Vec<String> = headers.iter().map(|h| fold(h)).collect();
    let mut fields: Vec<Field> = headers
        .iter()
        .zip(&keys)
        .map(|(header, key)| {
            // Another person's values and a number's qualifiers are never the contact's own.
            if relation(header).is_some() || qualifier(header).is_some() {
                return Field::Custom(header.trim().to_string());
            }
            cjk(header)
                // `Attendee #`, `Order #`: numbers that identify a row, not a person's values.
                .or_else(|| (!header.contains('#')).then(|| lookup(key)).flatten())
                .unwrap_or_else(|| Field::Custom(header.trim().to_string()))
        })
        .collect();
    let has = |wanted: &[&str]| keys.iter().any(|k| wanted.contains(&k.as_str()));
    let has_job_title = has(&[
        "jobtitle", "position", "role", "fonction", "cargo", "puesto",
    ]);
    let has_given = fields.contains(&Field::GivenName);
    let has_family = fields.contains(&Field::FamilyName);
    for (field, key) in fields.iter_mut().zip(&keys) {
        match key.as_str() {
            "title" | "titre" | "titel" if has_job_title => *field = Field::Prefix,
            "name" | "nom" | "nombre" | "naam" if has_given && !has_family => {
                *field = Field::FamilyName;
            }
            "nombre" if has_family => *field = Field::GivenName,
            // Thunderbird splits the birthday: `Birth Year`, `Birth Month`, `Birth Day`.
            "birthday" if has(&["birthmonth"]) => *field = Field::Custom(BIRTH_DAY.into()),
            "birthmonth" => *field = Field::Custom(BIRTH_MONTH.into()),
            "birthyear" => *field = Field::Custom(BIRTH_YEAR.into()),
            _ => {}
        }
    }
    // An address book may give several family-name or given-name columns (phonetic, yomi): only
    // the first of each names the person, the others stay custom fields.
    for unique in [
        Field::GivenName,
        Field::FamilyName,
        Field::FullName,
        Field::MiddleName,
    ] {
        let mut seen = false;
        for (field, header) in fields.iter_mut().zip(headers) {
            if *field == unique {
                if seen {
                    *field = Field::Custom(header.trim().to_string());
                }
                seen = true;
            }
        }
    }
    fields
}

/// How many cells of a row are headers we know: the reader takes the first row that names at
/// least two fields, or one that identifies a person, as the header.
pub fn header_score(cells: &[String]) -> usize {
    cells
        .iter()
        .filter(|c| c.chars().count() <= 60)
        .filter(|c| cjk(c).is_some() || (!c.contains('#') && lookup(&fold(c)).is_some()))
        .count()
}

/// Whether a header row names something a person can be found by.
pub fn identifies_person(fields: &[Field]) -> bool {
    fields.iter().any(|f| {
        matches!(
            f,
            Field::FullName
                | Field::GivenName
                | Field::FamilyName
                | Field::Email
                | Field::Phone
                | Field::Url
                | Field::LinkedIn
        )
    })
}

/// Japanese, Chinese and Korean labels, which folding to ASCII would garble.
fn cjk(header: &str) -> Option<Field> {
    let field = match header.trim().trim_start_matches('\u{feff}') {
        "氏名" | "名前" | "姓名" | "フルネーム" | "이름" | "성명" => Field::FullName,
        "姓" | "苗字" | "名字" | "성" => Field::FamilyName,
        "名" | "名字（名）" | "이름(名)" => Field::GivenName,
        "メールアドレス"
        | "電子メール"
        | "メール"
        | "Eメール"
        | "邮箱"
        | "电子邮件"
        | "电子邮箱"
        | "電子郵件"
        | "이메일"
        | "전자우편" => Field::Email,
        "電話番号"
        | "電話"
        | "携帯電話"
        | "携帯"
        | "電話番号（携帯）"
        | "手机"
        | "电话"
        | "手機"
        | "電話號碼"
        | "전화번호"
        | "전화"
        | "휴대폰"
        | "휴대전화" => Field::Phone,
        "会社名" | "会社" | "勤務先" | "公司" | "公司名称" | "單位" | "회사" | "회사명" => {
            Field::Organization
        }
        "役職" | "職位" | "肩書" | "职位" | "职务" | "職稱" | "직책" | "직위" => {
            Field::Title
        }
        "部署" | "部门" | "部門" | "부서" => Field::Department,
        "国" | "国家" | "國家" | "국가" => Field::Country,
        "メモ" | "備考" | "备注" | "備註" | "메모" | "비고" => Field::Notes,
        "誕生日" | "生日" | "생일" => Field::Birthday,
        "性別" | "性别" | "성별" => Field::Gender,
        // Labels with a word before them: `用户姓名` (a user's name), `联系电话`, `工作邮箱`.
        h if h.ends_with("姓名") || h.ends_with("氏名") || h.ends_with("이름") => {
            Field::FullName
        }
        h if ["邮箱", "邮件", "郵件", "メール", "이메일"]
            .iter()
            .any(|w| h.contains(w)) =>
        {
            Field::Email
        }
        h if ["手机", "电话", "電話", "手機", "携帯", "전화", "휴대폰"]
            .iter()
            .any(|w| h.contains(w)) =>
        {
            Field::Phone
        }
        _ => return None,
    };
    Some(field)
}

fn lookup(key: &str) -> Option<Field> {
    if key.is_empty() {
        return None;
    }
    exact(key)
        .or_else(|| by_keyword(key))
        .or_else(|| of_the_person(key))
}

/// Words lead-retrieval and registration exports put before a header to say it is about the
/// row's person (`Attendee Company`, `Lead Notes`, `Visitor Job Title`, `Contact Department`).
const PERSON_WORDS: &[&str] = &[
    "attendee",
    "lead",
    "contact",
    "visitor",
    "registrant",
    "participant",
    "prospect",
    "customer",
    "guest",
    "delegate",
    "member",
    "person",
    "teilnehmer",
    "besucher",
    "kontakt",
    "participante",
    "visiteur",
];

/// A header that names the row's person, then a field (`Attendee Company`): the field, where
/// it is one of the person's values (not an identifier of the row: `Member ID`).
fn of_the_person(key: &str) -> Option<Field> {
    let rest = PERSON_WORDS
        .iter()
        .find_map(|w| key.strip_prefix(w))
        .filter(|rest| !rest.is_empty())?;
    exact(rest).filter(|f| !matches!(f, Field::Uid | Field::ContactId | Field::Extra))
}

fn exact(key: &str) -> Option<Field> {
    let field = match key {
        "name" | "fullname" | "displayname" | "fn" | "nfn" | "contactname" | "contact"
        | "attendee" | "attendeename" | "leadname" | "formattedname" | "nomcomplet"
        | "nombrecompleto" | "vollstandigername" | "vollername" | "nombre" | "naam"
        | "personname" | "visitor" | "visitorname" | "participant" | "participantname" => {
            Field::FullName
        }
        "prefix" | "nameprefix" | "nprefix" | "honorificprefix" | "salutation" | "anrede"
        | "civilite" | "tratamiento" | "aanhef" => Field::Prefix,
        "firstname" | "givenname" | "ngiven" | "first" | "forename" | "vorname" | "prenom"
        | "fname" | "primernombre" | "voornaam" | "nomedebattesimo" | "firstnames" => {
            Field::GivenName
        }
        "middlename" | "additionalname" | "nmiddle" | "middle" | "weiterevornamen"
        | "zweitervorname" | "deuxiemeprenom" | "segundonombre" | "middlenames"
        | "middleinitial" => Field::MiddleName,
        "lastname" | "familyname" | "nfamily" | "surname" | "last" | "nachname" | "nom"
        | "nomdefamille" | "apellido" | "apellidos" | "lname" | "achternaam" | "familienname"
        | "cognome" => Field::FamilyName,
        "suffix" | "namesuffix" | "nsuffix" | "honorificsuffix" | "namenszusatz" | "suffixe"
        | "sufijo" | "generationalsuffix" => Field::Suffix,
        "nickname" | "spitzname" | "surnom" | "apodo" | "bijnaam" => Field::Nickname,
        "phoneticfirstname" | "givenyomi" | "phoneticgivenname" => Field::PhoneticGiven,
        "phoneticmiddlename" => Field::PhoneticMiddle,
        "phoneticlastname" | "surnameyomi" | "phoneticfamilyname" => Field::PhoneticFamily,
        "companyyomi" | "phoneticorganization" | "organizationphoneticname" => {
            Field::PhoneticOrganization
        }
        "photo" | "photourl" | "picture" | "avatar" => Field::Photo,
        "roloid" => Field::ContactId,
        "company"
        | "companyname"
        | "organization"
        | "organisation"
        | "organizationname"
        | "organisationname"
        | "org"
        | "orgname"
        | "firma"
        | "firmenname"
        | "unternehmen"
        | "societe"
        | "entreprise"
        | "empresa"
        | "compania"
        | "employer"
        | "employername"
        | "accountname"
        | "account"
        | "bedrijf"
        | "azienda"
        | "organizationvalue"
        | "companyorganization"
        | "companyorganisation"
        | "institution"
        | "organizations"
        | "organisations"
        | "companies"
        | "additionalcompanies" => Field::Organization,
        "department"
        | "abteilung"
        | "service"
        | "departement"
        | "departamento"
        | "organizationdepartment"
        | "orgunit"
        | "afdeling" => Field::Department,
        "jobtitle" | "title" | "titre" | "titel" | "position" | "role" | "jobrole"
        | "organizationtitle" | "designation" | "funktion" | "fonction" | "cargo" | "puesto"
        | "poste" | "stellung" | "berufsbezeichnung" | "headline" | "jobposition" | "functie"
        | "professionaltitle" | "jobfunction" | "occupation" | "titles" | "jobtitles" => {
            Field::Title
        }
        "website" | "webpage" | "url" | "web" | "homepage" | "websitevalue" | "webseite"
        | "pageweb" | "sitioweb" | "personalwebsite" | "businesswebsite" | "webaddress"
        | "homewebpage" | "workwebpage" | "webpagework" | "webpagehome" | "internet"
        | "socialprofile" | "profileurl" | "urls" | "websites" => Field::Url,
        "linkedin" | "linkedinurl" | "linkedinprofile" | "linkedinprofileurl" => Field::LinkedIn,
        "birthday" | "birthdate" | "bday" | "dateofbirth" | "dob" | "geburtstag"
        | "geburtsdatum" | "anniversaire" | "datedenaissance" | "cumpleanos"
        | "fechadenacimiento" | "verjaardag" | "birthdayday" => Field::Birthday,
        "gender" | "sex" | "geschlecht" | "sexe" | "sexo" | "genero" | "geslacht" | "genere"
        | "sesso" => Field::Gender,
        "notes" | "note" | "comments" | "comment" | "remarks" | "notizen" | "notiz"
        | "bemerkungen" | "bemerkung" | "kommentar" | "remarques" | "commentaires"
        | "commentaire" | "notas" | "nota" | "comentarios" | "leadnotes" | "conversationnotes"
        | "memo" | "description" | "opmerkingen" | "qualifiernotes" | "followupnotes" => {
            Field::Notes
        }
        "country"
        | "countryregion"
        | "businesscountryregion"
        | "homecountryregion"
        | "othercountryregion"
        | "land"
        | "pays"
        | "pais"
        | "countrycode"
        | "addresscountry"
        | "workcountry"
        | "homecountry"
        | "businesscountry"
        | "landregion"
        | "landregiongeschaftlich"
        | "landregionprivat"
        | "paysregion"
        | "paysregionbureau"
        | "paysregiondomicile"
        | "addressworkcountry"
        | "addresshomecountry" => Field::Country,
        "leadrating" | "rating" | "score" | "leadscore" | "leadquality" | "temperature"
        | "leadtemperature" | "interestlevel" | "bewertung" | "qualification"
        | "leadqualification" | "stars" | "leadgrade" => Field::Rating,
        "scannedat" | "scantime" | "scandate" | "timestamp" | "capturedat" | "connectedon"
        | "dateconnected" | "datescanned" | "scanned" | "capturedate" | "leadcapturedat"
        | "scandatetime" | "datetimescanned" | "createdon" | "datecaptured" | "metat" | "meton"
        | "datemet" => Field::Timestamp,
        "tags" | "tag" | "labels" | "label" | "categories" | "category" | "groupmembership"
        | "kategorien" | "kategorie" | "categorie" | "etiquetas" | "groups" | "group" | "lists" => {
            Field::Tags
        }
        "event" | "events" | "eventname" | "show" | "tradeshow" | "conference"
        | "veranstaltung" | "messe" | "evenement" | "evento" | "meetup" | "eventtitle" => {
            Field::Event
        }
        _ => return None,
    };
    Some(field)
}

/// Headers no table lists, recognised by what they contain: `Work E-mail`, `Mobile Number`.
fn by_keyword(key: &str) -> Option<Field> {
    let has = |words: &[&str]| words.iter().any(|w| key.contains(w));
    // When a lead was scanned: `Scanned Date/Time`, `Scan Timestamp`, `Date Captured`.
    if has(&["scan", "captur"]) && has(&["date", "time", "when"]) {
        return Some(Field::Timestamp);
    }
    if key.ends_with("country") || key.ends_with("countryregion") || key.ends_with("countryname") {
        return Some(Field::Country);
    }
    // Labels of other values (`E-mail Type`, `E-Mail: Angezeigter Name`), facts about a value
    // (`Email Opt Out`, `Email Domain`, `Phone Extension`), another person's number
    // (`Assistant's Phone`) and readings of names are not the contact's values.
    if has(&[
        "typ",
        "label",
        "display",
        "angezeigt",
        "affich",
        "kind",
        "vorwahl",
        "areacode",
        "optin",
        "optout",
        "donot",
        "dont",
        "unsubscri",
        "consent",
        "phonetic",
        "yomi",
        "assistant",
        "assistent",
        "domain",
        "status",
        "bounce",
        "verif",
        "valid",
        "subscri",
        "count",
        "date",
        "source",
        "owner",
        "format",
        "permission",
        "privacy",
        "extension",
        "durchwahl",
        "country",
        "code",
        "sent",
        "opened",
        "clicked",
    ]) {
        return None;
    }
    if has(&["rating", "leadscore", "temperature"]) {
        return Some(Field::Rating);
    }
    // Name parts under a prefix or a suffix: `Attendee First Name`, `Name (Last)`.
    if has(&[
        "spouse",
        "partner",
        "manager",
        "emergency",
        "referr",
        "child",
    ]) {
        return None;
    }
    if key.ends_with("firstname") || key == "namefirst" || key.ends_with("givenname") {
        return Some(Field::GivenName);
    }
    if key.ends_with("lastname") || key == "namelast" || key.ends_with("surname") {
        return Some(Field::FamilyName);
    }
    if key.ends_with("fullname") {
        return Some(Field::FullName);
    }
    if has(&["fax", "pager"]) {
        return None;
    }
    // `Mailing Street` is a postal address.
    if has(&["email", "courriel", "correo", "messagerie"]) || (has(&["mail"]) && !has(&["mailing"]))
    {
        return Some(Field::Email);
    }
    if has(&[
        "phone", "telefon", "telephon", "mobil", "cell", "handy", "movil",
    ]) || key.ends_with("tel")
        || key.starts_with("tel")
    {
        return Some(Field::Phone);
    }
    if has(&["linkedin"]) {
        return Some(Field::LinkedIn);
    }
    if has(&["website", "webpage", "homepage", "webseite"])
        || key.starts_with("url")
        || key.ends_with("url")
    {
        return Some(Field::Url);
    }
    if has(&["birthday", "geburtstag"]) {
        return Some(Field::Birthday);
    }
    if has(&["jobtitle"]) {
        return Some(Field::Title);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn map(headers: &str, sep: char) -> Vec<Field> {
        map_headers(&headers.split(sep).map(String::from).collect::<Vec<_>>())
    }

    #[test]
    fn a_header_about_the_row_s_person_is_its_field() {
        let f = map(
            "Attendee Full Name,Attendee Company,Attendee Title,Attendee Email,Attendee Mobile,Lead Notes,Lead Rating,Visitor Department,Member ID,Lead Source,Contact Owner",
            ',',
        );
        assert_eq!(
            &f[..7],
            &[
                Field::FullName,
                Field::Organization,
                Field::Title,
                Field::Email,
                Field::Phone,
                Field::Notes,
                Field::Rating
            ]
        );
        assert_eq!(f[7], Field::Department);
        // A row's identifier, where it came from and who owns it stay as the export names them.
        assert_eq!(f[8], Field::Custom("Member ID".into()));
        assert_eq!(f[9], Field::Custom("Lead Source".into()));
        assert_eq!(f[10], Field::Custom("Contact Owner".into()));
    }

    #[test]
    fn google_numbered_groups() {
        let f = map(
            "First Name,Last Name,E-mail 1 - Value,E-mail 2 - Label,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title,Website 1 - Value",
            ',',
        );
        assert_eq!(f[0], Field::GivenName);
        assert_eq!(f[1], Field::FamilyName);
        assert_eq!(f[2], Field::Email);
        assert_eq!(f[3], Field::Custom("E-mail 2 - Label".into()));
        assert_eq!(f[4], Field::Phone);
        assert_eq!(f[5], Field::Organization);
        assert_eq!(f[6], Field::Title);
        assert_eq!(f[7], Field::Url);
    }

    #[test]
    fn google_current_export_with_phonetic_names() {
        let f = map(
            "First Name,Middle Name,Last Name,Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,Name Prefix,Name Suffix,Nickname,File As,Organization Name,Organization Title,Organization Department,Birthday,Notes,Photo,Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,Address 1 - Country,Website 1 - Value",
            ',',
        );
        assert_eq!(
            &f[..3],
            &[Field::GivenName, Field::MiddleName, Field::FamilyName]
        );
        assert_eq!(f[3], Field::PhoneticGiven);
        assert_eq!(f[5], Field::PhoneticFamily);
        assert_eq!(
            (f[10].clone(), f[11].clone(), f[12].clone()),
            (Field::Organization, Field::Title, Field::Department)
        );
        assert_eq!(f[16], Field::Tags);
        assert_eq!(
            (f[18].clone(), f[20].clone(), f[21].clone()),
            (Field::Email, Field::Phone, Field::Country)
        );
    }

    #[test]
    fn name_parts_under_a_prefix() {
        let f = map(
            "Attendee First Name,Attendee Last Name,Name (First),Name (Last),Spouse First Name",
            ',',
        );
        assert_eq!(&f[..2], &[Field::GivenName, Field::FamilyName]);
        // Only the first of each names the person; the second pair is kept.
        assert_eq!(f[2], Field::Custom("Name (First)".into()));
        assert_eq!(f[4], Field::Custom("Spouse First Name".into()));
    }

    #[test]
    fn eventbrite_attendee_numbers_are_not_names() {
        let f = map(
            "Order #,Order Date,First Name,Last Name,Email,Ticket Type,Attendee #,Company,Job Title,Cell Phone,Attendee Status",
            ',',
        );
        assert_eq!(f[0], Field::Custom("Order #".into()));
        assert_eq!(f[6], Field::Custom("Attendee #".into()));
        assert_eq!(
            (f[2].clone(), f[3].clone(), f[4].clone()),
            (Field::GivenName, Field::FamilyName, Field::Email)
        );
        assert_eq!(f[9], Field::Phone);
        assert_eq!(f[10], Field::Custom("Attendee Status".into()));
    }

    #[test]
    fn japanese_chinese_and_korean_headers() {
        let f = map("姓,名,メールアドレス,電話番号,会社名,役職", ',');
        assert_eq!(
            f,
            [
                Field::FamilyName,
                Field::GivenName,
                Field::Email,
                Field::Phone,
                Field::Organization,
                Field::Title
            ]
        );
        assert_eq!(
            map("姓名,邮箱,手机,公司", ',')[..2],
            [Field::FullName, Field::Email]
        );
        assert_eq!(map("이름,이메일,휴대폰", ',')[2], Field::Phone);
    }

    #[test]
    fn lead_app_and_crm_headers() {
        let f = map(
            "First Name,Last Name,Email Address,Mobile Phone Number,Lead Score/Rating,Scanned Date/Time,Scanned By,Email Opt Out,Email Domain,Phone Extension,Phone Country Code",
            ',',
        );
        assert_eq!(f[2], Field::Email);
        assert_eq!(f[3], Field::Phone);
        assert_eq!(f[4], Field::Rating);
        assert_eq!(f[5], Field::Timestamp);
        for (i, label) in [
            (6, "Scanned By"),
            (7, "Email Opt Out"),
            (8, "Email Domain"),
            (9, "Phone Extension"),
            (10, "Phone Country Code"),
        ] {
            assert_eq!(f[i], Field::Custom(label.into()));
        }
        let f = map("Mailing Street,Mailing Country,Phone", ',');
        assert_eq!(
            f,
            [
                Field::Custom("Mailing Street".into()),
                Field::Country,
                Field::Phone
            ]
        );
    }

    #[test]
    fn outlook_title_is_an_honorific_next_to_job_title() {
        let f = map(
            "Title,First Name,Last Name,Company,Job Title,E-mail Address,E-mail Display Name",
            ',',
        );
        assert_eq!(f[0], Field::Prefix);
        assert_eq!(f[4], Field::Title);
        assert_eq!(f[5], Field::Email);
        assert_eq!(f[6], Field::Custom("E-mail Display Name".into()));
    }

    #[test]
    fn german_and_french_outlook() {
        let f = map(
            "Anrede;Vorname;Nachname;Firma;Position;E-Mail-Adresse;Mobiltelefon;Telefon geschäftlich;Geburtstag",
            ';',
        );
        assert_eq!(
            f,
            vec![
                Field::Prefix,
                Field::GivenName,
                Field::FamilyName,
                Field::Organization,
                Field::Title,
                Field::Email,
                Field::Phone,
                Field::Phone,
                Field::Birthday
            ]
        );
        let f = map(
            "Titre;Prénom;Nom;Société;Fonction;Adresse de messagerie;Téléphone mobile",
            ';',
        );
        assert_eq!(f[0], Field::Prefix);
        assert_eq!(f[1], Field::GivenName);
        assert_eq!(f[2], Field::FamilyName);
        assert_eq!(f[3], Field::Organization);
        assert_eq!(f[5], Field::Email);
        assert_eq!(f[6], Field::Phone);
    }

    #[test]
    fn name_next_to_vorname_is_the_family_name() {
        let f = map("Vorwahl_Tel;Telefonnummer;Name;Vorname", ';');
        assert_eq!(f[0], Field::Custom("Vorwahl_Tel".into()));
        assert_eq!(f[1], Field::Phone);
        assert_eq!(f[2], Field::FamilyName);
        assert_eq!(f[3], Field::GivenName);
    }

    #[test]
    fn badge_scan_headers() {
        let f = map(
            "Full Name,Organisation,Job Title,Email,Mobile,Country,Lead Rating,Comments,Scanned At,Tags,Event",
            ',',
        );
        assert_eq!(
            f,
            vec![
                Field::FullName,
                Field::Organization,
                Field::Title,
                Field::Email,
                Field::Phone,
                Field::Country,
                Field::Rating,
                Field::Notes,
                Field::Timestamp,
                Field::Tags,
                Field::Event
            ]
        );
    }
}
