//! Web addresses; LinkedIn profiles made canonical (`https://linkedin.com/in/<slug>`: lower-case,
//! no `www` or country subdomain, no trailing slash, no query).

/// A normalized URL, and whether it is a LinkedIn profile.
pub fn normalize(raw: &str) -> Result<(String, bool), String> {
    let s = raw.trim();
    if s.is_empty() || s.contains(char::is_whitespace) {
        return Err("not a web address".into());
    }
    let (scheme, rest) = match s.split_once("://") {
        Some((scheme, rest)) => (scheme.to_ascii_lowercase(), rest),
        None => ("https".to_string(), s),
    };
    if !matches!(scheme.as_str(), "http" | "https") {
        return Err(format!("not a web address: scheme {scheme}"));
    }
    let (host, path) = match rest.find(['/', '?', '#']) {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.to_ascii_lowercase();
    if !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
        return Err("not a web address: no host".into());
    }
    if let Some(profile) = linkedin_profile(&host, path) {
        return Ok((profile, true));
    }
    let path = if path == "/" { "" } else { path };
    Ok((format!("{scheme}://{host}{path}"), false))
}

fn linkedin_profile(host: &str, path: &str) -> Option<String> {
    let bare = host.trim_start_matches("www.");
    let is_linkedin = bare == "linkedin.com"
        || (bare.ends_with(".linkedin.com")
            && bare.split('.').next().is_some_and(|sub| sub.len() == 2));
    if !is_linkedin {
        return None;
    }
    let path = path.split(['?', '#']).next().unwrap_or("");
    let mut segments = path.split('/').filter(|s| !s.is_empty());
    let kind = segments.next()?;
    if !matches!(kind, "in" | "pub") {
        return None;
    }
    let slug = segments.next()?.to_lowercase();
    Some(format!("https://linkedin.com/in/{slug}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn linkedin_profiles_are_canonical() {
        for raw in [
            "https://www.linkedin.com/in/Jane-Doe-123/",
            "http://de.linkedin.com/in/jane-doe-123?trk=abc",
            "linkedin.com/in/jane-doe-123",
            "www.LinkedIn.com/in/jane-doe-123/#x",
        ] {
            assert_eq!(
                normalize(raw),
                Ok(("https://linkedin.com/in/jane-doe-123".into(), true)),
                "{raw}"
            );
        }
    }

    #[test]
    fn other_addresses() {
        assert_eq!(
            normalize("Example.com/"),
            Ok(("https://example.com".into(), false))
        );
        assert_eq!(
            normalize("https://EXAMPLE.com/About"),
            Ok(("https://example.com/About".into(), false))
        );
        assert!(normalize("not a url").is_err());
        assert!(normalize("ftp://x.org").is_err());
    }
}
