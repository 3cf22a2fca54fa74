//! Drafted messages and actions from the cadence's templates (minijinja, Jinja2 syntax).
//!
//! The variables: `first_name`, `name`, `event`, `met_on` (ISO), `met_on_text` ("March 10"),
//! `notes` (the notes taken, joined), `organization`, `title`, `previous_organization`,
//! `reconnect` (known before the event), `new_organization` (their organization changed since),
//! `sender` (`--from-name`). A value that is missing is empty, never a placeholder, and the
//! text is tidied so that it leaves no gap: no doubled spaces, no space before punctuation,
//! no run of blank lines, no dangling "Best regards," line break.

use chrono::NaiveDate;
use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use crate::model::Contact;

/// What a template can say about a contact and the step.
#[derive(Debug, Serialize)]
pub struct Context<'a> {
    pub first_name: String,
    pub name: String,
    pub event: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_on: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub met_on_text: Option<String>,
    pub notes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organization: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub previous_organization: Option<&'a str>,
    pub reconnect: bool,
    pub new_organization: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sender: Option<&'a str>,
}

impl<'a> Context<'a> {
    pub fn new(
        c: &'a Contact,
        event: &'a str,
        met_on: Option<NaiveDate>,
        sender: Option<&'a str>,
    ) -> Context<'a> {
        let previous = c.previous_organization.as_deref();
        Context {
            first_name: first_name(c),
            name: c.display_name(),
            event,
            met_on: met_on.map(|d| d.to_string()),
            met_on_text: met_on.map(|d| d.format("%B %-d").to_string()),
            notes: sentence(&c.notes.join("; ")),
            organization: c.organization(),
            title: c.title(),
            previous_organization: previous,
            reconnect: c.known_before,
            new_organization: c.known_before && previous.is_some(),
            sender,
        }
    }
}

/// Notes read as prose: ending with a full stop unless they end with punctuation already.
fn sentence(text: &str) -> String {
    let text = text.trim();
    if text.is_empty() || text.ends_with(['.', '!', '?', '…']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// The name to greet a person by: the given name, else the nickname, else the whole name.
pub fn first_name(c: &Contact) -> String {
    c.name
        .given
        .clone()
        .or_else(|| c.nickname.clone())
        .unwrap_or_else(|| c.display_name())
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // A variable nobody filled in is empty, however it is used.
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    env
}

/// Checks that a template parses.
pub fn check(template: &str) -> Result<(), String> {
    environment()
        .template_from_str(template)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

/// The cadence's templates, parsed once for the whole worklist.
pub struct Drafter {
    env: Environment<'static>,
}

impl Drafter {
    pub fn new(templates: impl IntoIterator<Item = String>) -> Drafter {
        let mut env = environment();
        for (i, t) in templates.into_iter().enumerate() {
            // A template that does not parse renders as its error (cadence files are checked
            // when read, so only a bug gets here).
            let _ = env.add_template_owned(i.to_string(), t);
        }
        Drafter { env }
    }

    /// Renders template number `i` (in the order given to [`Drafter::new`]), tidied.
    pub fn render(&self, i: usize, ctx: &Context<'_>) -> String {
        let value = minijinja::Value::from(minijinja::value::Serde(ctx));
        match self
            .env
            .get_template(&i.to_string())
            .and_then(|t| t.render(value))
        {
            Ok(text) => tidy(&text),
            Err(e) => format!("(template error: {e})"),
        }
    }
}

/// Renders one template, tidied.
#[cfg(test)]
pub fn render(template: &str, ctx: &Context<'_>) -> String {
    Drafter::new([template.to_string()]).render(0, ctx)
}

/// Removes what missing values leave behind.
pub fn tidy(text: &str) -> String {
    let mut lines: Vec<String> = Vec::new();
    for line in text.lines() {
        let mut l = line.split_whitespace().collect::<Vec<_>>().join(" ");
        for p in [" ,", " .", " ;", " :", " !", " ?"] {
            l = l.replace(p, &p[1..]);
        }
        l = l.replace("()", "").replace(",.", ".").replace(",,", ",");
        let blank = l.is_empty();
        if blank && lines.last().is_none_or(|prev| prev.is_empty()) {
            continue;
        }
        lines.push(l);
    }
    while lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines.join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Name;

    #[test]
    fn missing_values_leave_no_gap_or_placeholder() {
        let c = Contact {
            name: Name {
                given: Some("Ana".into()),
                ..Name::default()
            },
            ..Contact::default()
        };
        let ctx = Context::new(&c, "Expo", None, None);
        let body = render(
            "Hi {{ first_name }},\n\nGreat to meet you at {{ event }}{% if met_on_text %} on {{ met_on_text }}{% endif %} .\n\n\n{{ notes }}\n\nBest regards,\n{{ sender }}",
            &ctx,
        );
        assert_eq!(
            body,
            "Hi Ana,\n\nGreat to meet you at Expo.\n\nBest regards,"
        );
        assert!(!render("{{ nothing.here }} ok", &ctx).contains("undefined"));
    }
}
