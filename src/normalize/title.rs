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
