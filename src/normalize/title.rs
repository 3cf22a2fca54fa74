//! Job titles: white space collapsed; an all-caps or all-lower-case title proper-cased with its
//! acronyms kept (`VP OF SALES, EMEA` → `VP of Sales, EMEA`).

const ACRONYMS: &[&str] = &[
    "ceo", "cto", "cfo", "coo", "cio", "cmo", "cpo", "cro", "ciso", "vp", "svp", "evp", "avp",
    "it", "hr", "pr", "r&d", "emea", "apac", "latam", "us", "uk", "eu", "ai", "ml", "ux", "ui",
    "qa", "b2b", "b2c", "saas", "gm", "md", "ae", "sdr", "bdr", "pm", "ict", "erp", "crm", "seo",
];
const SMALL: &[&str] = &[
    "of", "and", "for", "the", "in", "at", "to", "a", "an", "und", "de", "la", "du",
];

/// Words of job titles that say what a person does, in the common European languages; how
/// senior a title is comes from the worklist's priority.
const ROLES: &[&str] = &[
    "engineer",
    "developer",
    "manager",
    "sales",
    "marketing",
    "consultant",
    "analyst",
    "scientist",
    "account",
    "executive",
    "officer",
    "specialist",
    "designer",
    "architect",
    "administrator",
    "coordinator",
    "representative",
    "associate",
    "advisor",
    "adviser",
    "assistant",
    "researcher",
    "professor",
    "lecturer",
    "attorney",
    "lawyer",
    "counsel",
    "accountant",
    "recruiter",
    "buyer",
    "procurement",
    "purchasing",
    "partnerships",
    "operations",
    "product",
    "project",
    "business",
    "development",
    "strategy",
    "editor",
    "journalist",
    "producer",
    "physician",
    "nurse",
    "technician",
    "evangelist",
    "advocate",
    "entwickler",
    "entwicklerin",
    "berater",
    "beraterin",
    "vertrieb",
    "vertriebsleiter",
    "vertriebsleiterin",
    "einkauf",
    "einkaufsleiter",
    "einkaufsleiterin",
    "projektleiter",
    "projektleiterin",
    "leiterin",
    "ingenieur",
    "ingenieurin",
    "referent",
    "referentin",
    "softwareentwickler",
    "softwareentwicklerin",
    "prokurist",
    "ingénieur",
    "chef",
    "cheffe",
    "chargé",
    "chargée",
    "commercial",
    "commerciale",
    "responsable",
    "conseiller",
    "conseillère",
    "gérant",
    "gérante",
    "directrice",
    "ingeniero",
    "ingeniera",
    "jefe",
    "jefa",
    "gerente",
    "director",
    "directora",
    "comercial",
    "ventas",
    "compras",
    "asesor",
    "asesora",
    "consultor",
    "consultora",
    "desarrollador",
    "desarrolladora",
    "responsabile",
    "direttore",
    "direttrice",
];

/// Whether a line of a card reads as a job title: a role or seniority word in it.
pub fn looks_like_title(line: &str) -> bool {
    let lower = line.to_lowercase();
    let words = lower
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty());
    // An acronym alone is a logo's initials (`ML`), unless it is a title by itself (`CEO`).
    let several = words.clone().count() > 1;
    let role = words.clone().any(|w| {
        ROLES.contains(&w)
            || several && ACRONYMS.contains(&w) && !matches!(w, "us" | "uk" | "eu" | "it")
    });
    role || crate::worklist::seniority(line).0 > 0
}

pub fn normalize(raw: &str) -> String {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let upper = s.chars().any(char::is_uppercase);
    let lower = s.chars().any(char::is_lowercase);
    if upper && lower || s.chars().filter(|c| c.is_alphabetic()).count() <= 4 {
        return s;
    }
    s.split(' ')
        .enumerate()
        .map(|(i, word)| {
            let lw = word.to_lowercase();
            let bare = lw.trim_matches(|c: char| !c.is_alphanumeric() && c != '&');
            if ACRONYMS.contains(&bare) {
                word.to_uppercase()
            } else if i > 0 && SMALL.contains(&bare) {
                lw
            } else {
                let mut out = String::new();
                let mut start = true;
                for c in lw.chars() {
                    if start && c.is_alphabetic() {
                        out.extend(c.to_uppercase());
                        start = false;
                    } else {
                        out.push(c);
                    }
                    if c == '-' || c == '/' {
                        start = true;
                    }
                }
                out
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn shouted_titles() {
        assert_eq!(super::normalize("VP OF SALES, EMEA"), "VP of Sales, EMEA");
        assert_eq!(super::normalize("head of   product"), "Head of Product");
        assert_eq!(super::normalize("Director R&D"), "Director R&D");
        assert_eq!(super::normalize("CEO"), "CEO");
    }
}
