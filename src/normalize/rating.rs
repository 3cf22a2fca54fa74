//! Lead ratings: `hot`/`warm`/`cold` and the words and scales lead apps use for them.

use crate::model::Rating;

/// `Hot`, `A`, `5`, `4/5`, `★★★★`, `80%` → a rating; `None` if the value says nothing we know.
pub fn parse(raw: &str) -> Option<Rating> {
    let s = raw.trim().to_lowercase();
    let word = match s.as_str() {
        "hot" | "high" | "a" | "very interested" | "heiß" | "heiss" | "chaud" | "caliente"
        | "hoch" | "top" | "urgent" => Some(Rating::Hot),
        "warm" | "medium" | "b" | "interested" | "mittel" | "tiède" | "tiede" | "tibio" => {
            Some(Rating::Warm)
        }
        "cold" | "low" | "c" | "d" | "not interested" | "kalt" | "niedrig" | "froid" | "frio"
        | "frío" => Some(Rating::Cold),
        _ => None,
    };
    if word.is_some() {
        return word;
    }
    // Words inside a longer value: `Hot lead`, `3 - Warm`, `Cold (no budget)`.
    if s.contains("not interested") || s.contains("nicht interessiert") {
        return Some(Rating::Cold);
    }
    let tokens: Vec<&str> = s
        .split(|c: char| !c.is_alphabetic())
        .filter(|t| t.len() > 1)
        .collect();
    for token in &tokens {
        match *token {
            "hot" | "heiß" | "heiss" | "chaud" | "caliente" => return Some(Rating::Hot),
            "warm" | "tiède" | "tiede" | "tibio" => return Some(Rating::Warm),
            "cold" | "kalt" | "froid" | "frio" | "frío" => return Some(Rating::Cold),
            _ => {}
        }
    }
    let stars = s.chars().filter(|&c| c == '★' || c == '*').count();
    if stars > 0 && s.chars().all(|c| matches!(c, '★' | '☆' | '*' | ' ')) {
        return Some(scale(stars as f64, 5.0));
    }
    if let Some((n, d)) = s.split_once('/') {
        let (n, d): (f64, f64) = (n.trim().parse().ok()?, d.trim().parse().ok()?);
        return (d > 0.0 && n >= 0.0 && n <= d).then(|| scale(n, d));
    }
    if let Some(p) = s.strip_suffix('%') {
        let p: f64 = p.trim().parse().ok()?;
        return (0.0..=100.0).contains(&p).then(|| scale(p, 100.0));
    }
    let n: f64 = s.replace(',', ".").parse().ok()?;
    match n {
        n if (0.0..=5.0).contains(&n) => Some(scale(n, 5.0)),
        n if (0.0..=10.0).contains(&n) => Some(scale(n, 10.0)),
        n if (0.0..=100.0).contains(&n) => Some(scale(n, 100.0)),
        _ => None,
    }
}

/// A point on a 0..max scale: the top fifths hot (4-5 of 5), the middle warm (2-3), the rest cold.
fn scale(n: f64, max: f64) -> Rating {
    let five = n / max * 5.0;
    if five >= 3.5 {
        Rating::Hot
    } else if five >= 1.5 {
        Rating::Warm
    } else {
        Rating::Cold
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_scales() {
        assert_eq!(parse("HOT"), Some(Rating::Hot));
        assert_eq!(parse("Hot lead"), Some(Rating::Hot));
        assert_eq!(parse("3 - Warm"), Some(Rating::Warm));
        assert_eq!(parse("Not interested"), Some(Rating::Cold));
        assert_eq!(parse("Warm"), Some(Rating::Warm));
        assert_eq!(parse("5"), Some(Rating::Hot));
        assert_eq!(parse("4"), Some(Rating::Hot));
        assert_eq!(parse("3"), Some(Rating::Warm));
        assert_eq!(parse("2"), Some(Rating::Warm));
        assert_eq!(parse("1"), Some(Rating::Cold));
        assert_eq!(parse("0"), Some(Rating::Cold));
        assert_eq!(parse("★★★★"), Some(Rating::Hot));
        assert_eq!(parse("9/10"), Some(Rating::Hot));
        assert_eq!(parse("maybe"), None);
    }
}
