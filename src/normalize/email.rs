//! E-mail addresses: trimmed, lower-cased, `mailto:` and display names removed, syntax-checked;
//! several in one cell split.

use std::borrow::Cow;

/// Splits a cell into the addresses it holds, each normalized or kept raw with its problem.
pub fn parse_cell(cell: &str) -> Vec<Result<String, (String, String)>> {
    let parts: Vec<&str> = if cell.matches('@').count() > 1 {
        cell.split([',', ';', ' ', '\n', '\t', '/'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect()
    } else {
        vec![cell.trim()]
    };
    parts
        .into_iter()
        .map(|part| normalize(part).map_err(|problem| (part.to_string(), problem)))
        .collect()
}

/// One address: `Jane Doe <Jane.Doe@Example.COM>` → `jane.doe@example.com`.
pub fn normalize(raw: &str) -> Result<String, String> {
    let mut s = raw.trim();
    if let (Some(open), Some(close)) = (s.rfind('<'), s.rfind('>'))
        && open < close
    {
        s = &s[open + 1..close];
    }
    let s = s
        .trim()
        .trim_matches(|c| matches!(c, '"' | '\'' | '<' | '>'));
    // `mailto:`, and the labels some exports write before an address (`e:`, `email:`).
    let s = ["mailto:", "email:", "e-mail:", "mail:", "e:"]
        .iter()
        .find_map(|p| strip_prefix_ci(s, p))
        .unwrap_or(s)
        .trim();
    let s = s.split('?').next().unwrap_or(s).trim().to_lowercase();
    check(&s)?;
    Ok(s)
}

/// The mailbox a normalized address delivers to, for telling two addresses of one person: a
/// `+tag` cut off (`jane+expo@x.com` is `jane@x.com`), and at Gmail the dots of the local part
/// left out and `googlemail.com` read as `gmail.com` (Gmail ignores both).
pub fn mailbox(email: &str) -> Cow<'_, str> {
    let Some((local, domain)) = email.rsplit_once('@') else {
        return Cow::Borrowed(email);
    };
    let local = match local.split_once('+') {
        Some((head, _)) if !head.is_empty() => head,
        _ => local,
    };
    let gmail = matches!(domain, "gmail.com" | "googlemail.com");
    if gmail && (local.contains('.') || domain != "gmail.com") {
        return Cow::Owned(format!("{}@gmail.com", local.replace('.', "")));
    }
    if local.len() + 1 + domain.len() == email.len() {
        Cow::Borrowed(email)
    } else {
        Cow::Owned(format!("{local}@{domain}"))
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

fn check(s: &str) -> Result<(), String> {
    let Some((local, domain)) = s.rsplit_once('@') else {
        return Err("not an e-mail address: no @".into());
    };
    if local.is_empty() || local.len() > 64 {
        return Err("not an e-mail address: nothing before the @".into());
    }
    if local.contains('@') || s.contains(char::is_whitespace) {
        return Err("not an e-mail address: more than one @ or a space".into());
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return Err("not an e-mail address: misplaced dot".into());
    }
    // RFC 5322's specials may stand in a local part only in quotes, which no address book
    // writes: `msn:ann@x.com` and `https://ann@x.com` are a scheme before an address, not one.
    if !local.starts_with('"')
        && local.contains(['(', ')', ',', ':', ';', '<', '>', '[', ']', '\\', '"'])
    {
        return Err(
            "not an e-mail address: a character an address cannot hold before the @".into(),
        );
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let tld = labels.last().copied().unwrap_or("");
    if labels.len() < 2
        || labels
            .iter()
            .any(|l| l.is_empty() || l.starts_with('-') || l.ends_with('-'))
        || !labels
            .iter()
            .all(|l| l.chars().all(|c| c.is_alphanumeric() || c == '-'))
        || tld.chars().count() < 2
        || tld.chars().all(|c| c.is_ascii_digit())
    {
        return Err(format!("not an e-mail address: bad domain {domain:?}"));
    }
    Ok(())
}

/// Mail providers whose domain says nothing about an employer, beside the brands of
/// [`FREE_MAIL_BRANDS`]: a country's own providers, and its internet providers' mail.
const FREE_MAIL: &[&str] = &[
    "icloud.com",
    "me.com",
    "mac.com",
    "proton.me",
    "pm.me",
    "protonmail.com",
    "tutanota.com",
    "tuta.io",
    "fastmail.com",
    "hushmail.com",
    "hey.com",
    "mailbox.org",
    "posteo.de",
    "web.de",
    "t-online.de",
    "freenet.de",
    "arcor.de",
    "online.de",
    "mail.com",
    "email.com",
    "mail.ru",
    "bk.ru",
    "list.ru",
    "inbox.ru",
    "rambler.ru",
    "ukr.net",
    "qq.com",
    "foxmail.com",
    "163.com",
    "126.com",
    "139.com",
    "sina.com",
    "sohu.com",
    "orange.fr",
    "free.fr",
    "laposte.net",
    "wanadoo.fr",
    "sfr.fr",
    "neuf.fr",
    "noos.fr",
    "voila.fr",
    "bbox.fr",
    "club-internet.fr",
    "libero.it",
    "virgilio.it",
    "alice.it",
    "tin.it",
    "tim.it",
    "tiscali.it",
    "email.it",
    "fastwebnet.it",
    "poste.it",
    "terra.es",
    "telefonica.net",
    "bol.com.br",
    "uol.com.br",
    "ig.com.br",
    "terra.com.br",
    "wp.pl",
    "o2.pl",
    "onet.pl",
    "op.pl",
    "interia.pl",
    "seznam.cz",
    "email.cz",
    "centrum.cz",
    "volny.cz",
    "post.cz",
    "atlas.cz",
    "chello.cz",
    "ziggo.nl",
    "kpnmail.nl",
    "hetnet.nl",
    "home.nl",
    "planet.nl",
    "xs4all.nl",
    "telenet.be",
    "skynet.be",
    "bluewin.ch",
    "telia.com",
    "btinternet.com",
    "sky.com",
    "virginmedia.com",
    "ntlworld.com",
    "talktalk.net",
    "blueyonder.co.uk",
    "comcast.net",
    "verizon.net",
    "att.net",
    "sbcglobal.net",
    "bellsouth.net",
    "cox.net",
    "charter.net",
    "earthlink.net",
    "optonline.net",
    "shaw.ca",
    "rogers.com",
    "sympatico.ca",
    "bigpond.com",
    "optusnet.com.au",
    "xtra.co.nz",
    "rediffmail.com",
    "naver.com",
    "hanmail.net",
    "daum.net",
    "nate.com",
];

/// Mail providers that serve many countries under their own domains: `yahoo.com.br`,
/// `hotmail.fr`, `gmx.at` and `outlook.de` are the brand's as `yahoo.com` is.
const FREE_MAIL_BRANDS: &[&str] = &[
    "gmail",
    "googlemail",
    "hotmail",
    "outlook",
    "live",
    "msn",
    "yahoo",
    "ymail",
    "rocketmail",
    "aol",
    "gmx",
    "yandex",
    "zoho",
];

/// Whether a domain is a mail provider's (`gmail.com`), which says nothing about an employer:
/// one of [`FREE_MAIL`], or a brand of [`FREE_MAIL_BRANDS`] under a top-level domain, a
/// country's (`hotmail.fr`) or one of its second-level domains (`yahoo.com.br`, `yahoo.co.uk`).
pub fn is_free_mail(domain: &str) -> bool {
    if FREE_MAIL.contains(&domain) {
        return true;
    }
    let Some((brand, suffix)) = domain.split_once('.') else {
        return false;
    };
    let country = |label: &str| label.len() == 2 && label.bytes().all(|b| b.is_ascii_lowercase());
    FREE_MAIL_BRANDS.contains(&brand)
        && match suffix.split_once('.') {
            None => matches!(suffix, "com" | "net") || country(suffix),
            Some((second, tld)) => {
                matches!(second, "com" | "co" | "net" | "ne" | "or") && country(tld)
            }
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_are_cleaned() {
        assert_eq!(
            normalize(" Jane.Doe@Example.COM ").unwrap(),
            "jane.doe@example.com"
        );
        assert_eq!(normalize("mailto:bob@x.org").unwrap(), "bob@x.org");
        assert_eq!(normalize("Bob <Bob@X.org>").unwrap(), "bob@x.org");
        assert!(normalize("bob@localhost").is_err());
        assert!(normalize("bob.x.org").is_err());
        assert!(normalize("a b@x.org").is_err());
    }

    #[test]
    fn a_scheme_before_the_address_is_no_address() {
        assert!(normalize("https://taylor@laravel.com").is_err());
        assert!(normalize("msn:ann@example.com").is_err());
        assert!(normalize("ann.o'neil+x@example.com").is_ok());
    }

    #[test]
    fn a_label_written_before_the_address_is_no_part_of_it() {
        for written in [
            "e:ann@example.com",
            "Email: ann@example.com",
            "E-Mail:ann@example.com",
        ] {
            assert_eq!(normalize(written).unwrap(), "ann@example.com", "{written}");
        }
    }

    #[test]
    fn one_mailbox_written_in_several_ways() {
        assert_eq!(mailbox("jane.doe+expo@gmail.com"), "janedoe@gmail.com");
        assert_eq!(
            mailbox("Jane.Doe@googlemail.com".to_lowercase().as_str()),
            "janedoe@gmail.com"
        );
        assert_eq!(
            mailbox("jane.doe+crm@acme.example"),
            "jane.doe@acme.example"
        );
        assert!(matches!(mailbox("jane.doe@acme.example"), Cow::Borrowed(_)));
        assert!(matches!(mailbox("janedoe@gmail.com"), Cow::Borrowed(_)));
        // Dots elsewhere are part of the address; a local part that is all tag stays whole.
        assert_eq!(mailbox("j.doe@outlook.com"), "j.doe@outlook.com");
        assert_eq!(mailbox("+1@acme.example"), "+1@acme.example");
    }

    #[test]
    fn a_provider_s_domain_of_any_country_is_no_employer_s() {
        for domain in [
            "gmail.com",
            "yahoo.com.br",
            "hotmail.fr",
            "yahoo.co.uk",
            "gmx.at",
            "outlook.de",
            "bol.com.br",
            "seznam.cz",
        ] {
            assert!(is_free_mail(domain), "{domain}");
        }
        for domain in [
            "yahoo.example.com",
            "live.acme.com",
            "acme.com.br",
            "gmailer.com",
        ] {
            assert!(!is_free_mail(domain), "{domain}");
        }
    }

    #[test]
    fn several_in_one_cell() {
        let got: Vec<_> = parse_cell("a@x.com; B@y.com, bad@").into_iter().collect();
        assert_eq!(got[0], Ok("a@x.com".to_string()));
        assert_eq!(got[1], Ok("b@y.com".to_string()));
        assert!(got[2].is_err());
    }
}
