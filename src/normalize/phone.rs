//! Phone numbers to E.164 with `rlibphonenumber` (libphonenumber's metadata and rules). The region for numbers written without a country
//! code comes from the record's own country, else `--region`, else the locale, else `US`.

use std::str::FromStr;

use rlibphonenumber::{PHONE_NUMBER_UTIL, PhoneNumberFormat};

/// A country or region of the phone numbering plan (ISO 3166 alpha-2).
pub type Id = rlibphonenumber::Region;

/// A number in E.164 and its extension, if it had one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phone {
    pub e164: String,
    pub extension: Option<String>,
    /// How the number was read where another reading was possible, for the user to check.
    pub note: Option<String>,
}

/// Normalizes one phone number; what cannot be made E.164 comes back with its problem.
///
/// Results are remembered by raw value and region, per thread: a company's switchboard or a
/// person's mobile appears in file after file, and libphonenumber's validation is the costliest
/// step of normalizing.
pub fn normalize(raw: &str, region: Id) -> Result<Phone, String> {
    CACHE.with_borrow_mut(|(count, cache)| {
        if let Some(known) = cache.get(&region).and_then(|c| c.get(raw)) {
            return known.clone();
        }
        let result = normalize_uncached(raw, region);
        if *count >= REMEMBERED {
            cache.clear();
            *count = 0;
        }
        *count += 1;
        cache
            .entry(region)
            .or_default()
            .insert(raw.into(), result.clone());
        result
    })
}

/// Enough for the distinct numbers of a large import; the cache starts over when full.
const REMEMBERED: usize = 1 << 16;
type Remembered = rustc_hash::FxHashMap<Box<str>, Result<Phone, String>>;
thread_local! {
    /// What [`normalize`] remembers: how many results, and each by region and raw value.
    static CACHE: std::cell::RefCell<(usize, rustc_hash::FxHashMap<Id, Remembered>)> =
        std::cell::RefCell::default();
}

/// Forgets the numbers [`normalize`] remembered, on every thread: once the files are read,
/// their memory is better spent resolving (up to 65,536 results a thread).
pub fn forget() {
    fn clear() {
        CACHE.with_borrow_mut(|remembered| *remembered = Default::default());
    }
    rayon::broadcast(|_| clear());
    clear();
}

fn normalize_uncached(raw: &str, region: Id) -> Result<Phone, String> {
    let mut s = raw.trim();
    if let Some(rest) = s.strip_prefix("tel:") {
        s = rest;
    }
    let digits = s.chars().filter(char::is_ascii_digit).count();
    if digits < 3 {
        return Err("not a phone number: too few digits".into());
    }
    if digits > 20 {
        return Err("not a phone number: too many digits".into());
    }
    let mut text = s.to_string();
    // 00 is the international prefix almost everywhere; the US writes 011.
    if let Some(rest) = text.trim_start().strip_prefix("00") {
        text = format!("+{rest}");
    }
    // `+33 (0)6 12 34 56 78`, `+49 (0) 30 …`: the national prefix in brackets after the
    // calling code, as European cards and signatures write it, is not dialled from abroad.
    if text.contains('(') && text.trim_start().starts_with('+') {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        if let Some(at) = compact.find("(0)")
            && compact[..at].chars().skip(1).all(|c| c.is_ascii_digit())
        {
            text = format!("{}{}", &compact[..at], &compact[at + 3..]);
        }
    }
    if let Some(number) = parse_valid(&text, region) {
        return Ok(international_without_plus(s, &text, region, number));
    }
    // A number that lost its leading + (a spreadsheet cell stored as a number).
    if !text.starts_with('+')
        && text.chars().all(|c| c.is_ascii_digit())
        && digits >= 8
        && let Some(number) = parse_valid(&format!("+{text}"), region)
    {
        return Ok(number);
    }
    Err(format!("not a valid phone number for region {}", region))
}

fn parse_valid(text: &str, region: Id) -> Option<Phone> {
    // A number in international form is parsed without a default region, so that no rule of
    // the default region (its national prefix) is applied to another country's number.
    let international = text.trim_start().starts_with('+');
    let number = PHONE_NUMBER_UTIL
        .parse(text, (!international).then_some(region))
        .ok()?;
    // Most numbers are of the default region: checking that region's patterns first spares
    // libphonenumber's search through every region of the calling code (25 share +1).
    let home = PHONE_NUMBER_UTIL.get_country_code_for_region(region) == Some(number.country_code)
        && PHONE_NUMBER_UTIL.is_valid_number_for_region(&number, region);
    if !home && !PHONE_NUMBER_UTIL.is_valid_number(&number) {
        return None;
    }
    Some(Phone {
        e164: PHONE_NUMBER_UTIL
            .format(&number, PhoneNumberFormat::E164)
            .into_owned(),
        extension: number.extension.clone().filter(|e| !e.is_empty()),
        note: None,
    })
}

/// A number written without `+` that reads as a number of the default region and also, with
/// a `+` before it, as a number of another country (`48 691 342 341`: a German number, or a
/// Polish mobile). Where the region writes its own numbers with a national prefix (`0` in
/// Germany) that the number lacks, it is the other country's, written without its `+`; either
/// way the record says which reading was taken.
fn international_without_plus(written: &str, text: &str, region: Id, national: Phone) -> Phone {
    let digits: String = text.chars().filter(char::is_ascii_digit).collect();
    if text.trim_start().starts_with('+') || digits.len() < 8 || !national.e164.ends_with(&digits) {
        return national;
    }
    // The digits are the national number alone; the region writes its own numbers with a
    // national prefix (`0` in Germany) that they lack.
    let lacks_prefix = !national_prefix(region, text).is_empty();
    if !lacks_prefix {
        return national;
    }
    let Some(abroad) = parse_valid(&format!("+{digits}"), region) else {
        return national;
    };
    // And it is written as one: its first group of digits is the other country's calling code
    // (`48 691…`, `1-833-…`), not an area code (`(951) 760-3884`, `495.334.3958`).
    let first_group: String = text
        .trim_start()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let code = PHONE_NUMBER_UTIL
        .parse(format!("+{digits}"), None)
        .map(|n| n.country_code.to_string())
        .unwrap_or_default();
    // Ten digits in three, three and four (`241.433.6273`) are a North American number whose
    // area code happens to be a calling code.
    let north_american = digits.len() == 10 && first_group.len() == 3;
    if first_group.is_empty() || first_group != code || north_american {
        return national;
    }
    Phone {
        note: Some(format!(
            "phone {written} read as {} (an international number written without its +); as a number of {region} it would be {}",
            abroad.e164, national.e164
        )),
        ..abroad
    }
}

/// The national prefix of a region (`0` in Germany, none in the United States), from the way
/// the region writes a number of its own (`text`, valid there): remembered per region.
fn national_prefix(region: Id, text: &str) -> String {
    use std::cell::RefCell;
    thread_local! {
        static PREFIXES: RefCell<rustc_hash::FxHashMap<Id, String>> = RefCell::default();
    }
    if let Some(known) = PREFIXES.with_borrow(|p| p.get(&region).cloned()) {
        return known;
    }
    let Ok(number) = PHONE_NUMBER_UTIL.parse(text, Some(region)) else {
        return String::new();
    };
    let own: String = PHONE_NUMBER_UTIL
        .format(&number, PhoneNumberFormat::National)
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    let nsn = number.get_national_significant_number();
    let prefix = own
        .strip_suffix(&nsn)
        .filter(|p| p.len() <= 2 && p.chars().all(|c| c == '0' || c == '8'))
        .unwrap_or_default()
        .to_string();
    PREFIXES.with_borrow_mut(|p| p.insert(region, prefix.clone()));
    prefix
}

/// The region of a country as written in a record: an ISO code or a common name, in English or in
/// the country's own language.
pub fn region_of(country: &str) -> Option<Id> {
    let folded = deunicode::deunicode(country.trim())
        .to_lowercase()
        .replace(['.', '(', ')'], "");
    let folded = folded.trim();
    if folded.len() == 2 {
        // The two codes in common use that ISO 3166 gives to no country: the United Kingdom's
        // `UK` (its internet domain) and the European Union's `EL` for Greece.
        let code = match folded {
            "uk" => "GB".to_string(),
            "el" => "GR".to_string(),
            other => other.to_uppercase(),
        };
        return supported(&code);
    }
    let code = match folded {
        "usa" | "united states" | "united states of america" | "us of america" | "america" => "US",
        "uk" | "gbr" | "united kingdom" | "great britain" | "england" | "scotland" | "wales"
        | "northern ireland" => "GB",
        "deu" | "germany" | "deutschland" | "allemagne" | "alemania" => "DE",
        "fra" | "france" | "frankreich" | "francia" => "FR",
        "esp" | "spain" | "espana" | "spanien" | "espagne" => "ES",
        "ita" | "italy" | "italia" | "italien" | "italie" => "IT",
        "nld" | "netherlands" | "the netherlands" | "holland" | "nederland" | "niederlande"
        | "pays-bas" => "NL",
        "bel" | "belgium" | "belgique" | "belgie" | "belgien" => "BE",
        "che" | "switzerland" | "schweiz" | "suisse" | "svizzera" => "CH",
        "aut" | "austria" | "osterreich" | "autriche" => "AT",
        "can" | "canada" | "kanada" => "CA",
        "mex" | "mexico" => "MX",
        "bra" | "brazil" | "brasil" | "brasilien" => "BR",
        "arg" | "argentina" => "AR",
        "aus" | "australia" | "australien" => "AU",
        "nzl" | "new zealand" => "NZ",
        "irl" | "ireland" | "irland" | "eire" => "IE",
        "prt" | "portugal" => "PT",
        "swe" | "sweden" | "sverige" | "schweden" => "SE",
        "nor" | "norway" | "norge" | "norwegen" => "NO",
        "dnk" | "denmark" | "danmark" | "danemark" => "DK",
        "fin" | "finland" | "suomi" | "finnland" => "FI",
        "pol" | "poland" | "polska" | "polen" => "PL",
        "cze" | "czech republic" | "czechia" | "tschechien" => "CZ",
        "hun" | "hungary" | "magyarorszag" | "ungarn" => "HU",
        "grc" | "greece" | "griechenland" => "GR",
        "tur" | "turkey" | "turkiye" | "turkei" => "TR",
        "isr" | "israel" => "IL",
        "are" | "united arab emirates" | "uae" => "AE",
        "ind" | "india" | "indien" => "IN",
        "chn" | "china" => "CN",
        "jpn" | "japan" | "japon" => "JP",
        "kor" | "south korea" | "korea" | "republic of korea" => "KR",
        "sgp" | "singapore" | "singapur" => "SG",
        "hkg" | "hong kong" => "HK",
        "twn" | "taiwan" => "TW",
        "zaf" | "south africa" | "sudafrika" => "ZA",
        "rus" | "russia" | "russland" | "russian federation" => "RU",
        "ukr" | "ukraine" => "UA",
        "rou" | "romania" | "rumanien" => "RO",
        "lux" | "luxembourg" | "luxemburg" => "LU",
        "est" | "estonia" => "EE",
        "lva" | "latvia" => "LV",
        "ltu" | "lithuania" => "LT",
        "isl" | "iceland" => "IS",
        "chl" | "chile" => "CL",
        "col" | "colombia" | "kolumbien" => "CO",
        "per" | "peru" => "PE",
        "ngr" | "nigeria" => "NG",
        "ken" | "kenya" => "KE",
        "egy" | "egypt" => "EG",
        "sau" | "saudi arabia" => "SA",
        "idn" | "indonesia" => "ID",
        "mys" | "malaysia" => "MY",
        "phl" | "philippines" => "PH",
        "tha" | "thailand" => "TH",
        "vnm" | "vietnam" | "viet nam" => "VN",
        "gha" | "ghana" => "GH",
        "pak" | "pakistan" => "PK",
        "bgd" | "bangladesh" => "BD",
        "mar" | "morocco" | "maroc" => "MA",
        "srb" | "serbia" => "RS",
        "hrv" | "croatia" | "kroatien" => "HR",
        "svn" | "slovenia" => "SI",
        "svk" | "slovakia" => "SK",
        "bgr" | "bulgaria" => "BG",
        _ => return None,
    };
    supported(code)
}

/// The region of an ISO code, if the numbering plan knows it.
fn supported(code: &str) -> Option<Id> {
    let region = Id::from_str(code).ok()?;
    PHONE_NUMBER_UTIL
        .get_country_code_for_region(region)
        .map(|_| region)
}

/// The region of the user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `de_DE.UTF-8` → DE).
pub fn locale_region() -> Option<Id> {
    ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|var| {
        let value = std::env::var(var).ok()?;
        let territory = value.split(['.', '@']).next()?.split('_').nth(1)?;
        supported(&territory.to_uppercase())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_national_prefix_in_brackets_after_the_calling_code() {
        let e164 = |raw: &str| normalize(raw, Id::US).map(|p| p.e164);
        assert_eq!(e164("+33 (0)6 12 34 56 78").as_deref(), Ok("+33612345678"));
        assert!(
            e164("+33 6 97 01 21 74").is_err(),
            "06 97 is no French mobile range"
        );
        assert_eq!(e164("+49 (0) 30 6690743").as_deref(), Ok("+49306690743"));
        assert_eq!(e164("+44 (0)20 7946 0958").as_deref(), Ok("+442079460958"));
    }

    #[test]
    fn national_and_international_forms() {
        assert_eq!(
            normalize("(202) 555-0143", Id::US).map(|p| p.e164),
            Ok("+12025550143".into())
        );
        assert_eq!(
            normalize("030 1234567", Id::DE).map(|p| p.e164),
            Ok("+49301234567".into())
        );
        assert_eq!(
            normalize("0049 30 1234567", Id::US).map(|p| p.e164),
            Ok("+49301234567".into())
        );
        assert_eq!(
            normalize("+44 20 7946 0018", Id::US).map(|p| p.e164),
            Ok("+442079460018".into())
        );
    }

    #[test]
    fn an_international_number_without_its_plus_is_read_as_one_and_said() {
        // Germany writes its own numbers with a 0: without it, the digits are a Polish mobile.
        let p = normalize("48 691 342 341", Id::DE).unwrap();
        assert_eq!(p.e164, "+48691342341");
        let note = p.note.unwrap();
        assert!(note.contains("+4948691342341"), "{note}");
        // A German number written the German way is German, without a word.
        let p = normalize("030 1234567", Id::DE).unwrap();
        assert_eq!((p.e164.as_str(), p.note), ("+49301234567", None));
        // The United States write theirs without a prefix: a US number stays one.
        let p = normalize("415 555 0142", Id::US).unwrap();
        assert_eq!((p.e164.as_str(), p.note), ("+14155550142", None));
    }

    #[test]
    fn a_lost_plus_is_recovered() {
        assert_eq!(
            normalize("4915123456789", Id::US).map(|p| p.e164),
            Ok("+4915123456789".into())
        );
        // Not mistaken for a national prefix of the default region.
        assert_eq!(
            normalize("+49 151 23456789", Id::US).map(|p| p.e164),
            Ok("+4915123456789".into())
        );
    }

    #[test]
    fn extensions_are_kept() {
        let p = normalize("+1 202-555-0143 ext. 42", Id::US).unwrap();
        assert_eq!(p.e164, "+12025550143");
        assert_eq!(p.extension.as_deref(), Some("42"));
    }

    #[test]
    fn junk_keeps_its_problem() {
        assert!(
            normalize("n/a", Id::US)
                .unwrap_err()
                .contains("too few digits")
        );
        assert!(normalize("12345", Id::US).is_err());
    }

    #[test]
    fn countries_by_name_and_code() {
        assert_eq!(region_of("Deutschland"), Some(Id::DE));
        assert_eq!(region_of("gb"), Some(Id::GB));
        assert_eq!(region_of("UK"), Some(Id::GB), "the UK's own code");
        assert_eq!(region_of("EL"), Some(Id::GR));
        assert_eq!(region_of("United States"), Some(Id::US));
        assert_eq!(region_of("Atlantis"), None);
    }
}
