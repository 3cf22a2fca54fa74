//! Drafted messages and actions from the cadence's templates (minijinja, Jinja2 syntax).
//!
//! The variables ([`VARIABLES`]): `first_name`, `name`, `event`, `met_on` (ISO), `met_on_text`
//! ("March 10"), `organization`, `title`, `previous_organization`, `reconnect` (known before the
//! event), `new_organization` (their organization changed since), `sender` (`--from-name`), and
//! `private_notes` (the notes taken, joined; `notes` is the same, as older cadence files name
//! it). Notes are the rep's shorthand about a person, not words to them: the default templates
//! never put them in a message, and the worklist shows them beside it as talking points. A value
//! that is missing is empty, never a placeholder, and the text is tidied so that it leaves no
//! gap: no doubled spaces, no space before punctuation, no run of blank lines, no dangling
//! "Best regards," line break. A template naming any other variable is refused when the cadence
//! is read.

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
    pub private_notes: String,
    /// The same as `private_notes`, under the name older cadence files use.
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
        let notes = sentence(&c.notes.join("; "));
        Context {
            first_name: first_name(c),
            name: c.display_name(),
            event,
            met_on: met_on.map(|d| d.to_string()),
            met_on_text: met_on.map(|d| d.format("%B %-d").to_string()),
            private_notes: notes.clone(),
            notes,
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
        .as_deref()
        .or(c.nickname.as_deref())
        .map_or_else(|| c.display_name(), str::to_string)
}

fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    // A variable nobody filled in is empty, however it is used.
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    env
}

/// Every variable a template may use.
pub const VARIABLES: &[&str] = &[
    "first_name",
    "name",
    "event",
    "met_on",
    "met_on_text",
    "private_notes",
    "notes",
    "organization",
    "title",
    "previous_organization",
    "reconnect",
    "new_organization",
    "sender",
];

/// Checks that a template parses and names only variables rolo fills in: a misspelt one
/// (`{{ firstname }}`) would render as nothing.
pub fn check(template: &str) -> Result<(), String> {
    let env = environment();
    let parsed = env.template_from_str(template).map_err(|e| e.to_string())?;
    let mut unknown: Vec<String> = parsed
        .undeclared_variables(false)
        .into_iter()
        .filter(|v| !VARIABLES.contains(&v.as_str()))
        .collect();
    unknown.sort();
    match unknown.first() {
        None => Ok(()),
        Some(first) => {
            let near = VARIABLES
                .iter()
                .map(|v| (strsim::jaro_winkler(v, first), *v))
                .filter(|(score, _)| *score > 0.85)
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .map(|(_, v)| format!(" (did you mean `{v}`?)"))
                .unwrap_or_default();
            Err(format!(
                "unknown variable `{}`{near}; the variables are {}",
                unknown.join("`, `"),
                VARIABLES.join(", ")
            ))
        }
    }
}

/// The cadence's templates, parsed once for the whole worklist.
pub struct Drafter {
    env: Environment<'static>,
    /// The templates' names in the environment: their numbers, written once.
    names: Vec<String>,
    /// The names of the templates each three joined ([`Drafter::render_three`]), the first
    /// three's first.
    joined: Vec<String>,
}

/// The character that parts the three templates of a step joined into one: one no template or
/// text of a contact holds, as a rule (and where one does, each is rendered alone).
const PART: char = '\u{1e}';

impl Drafter {
    /// The templates, in order; each three from the first (a step's action, subject and body)
    /// are also joined into one, rendered in one pass by [`Drafter::render_three`].
    pub fn new(templates: impl IntoIterator<Item = String>) -> Drafter {
        let templates: Vec<String> = templates.into_iter().collect();
        let mut env = environment();
        let mut names = Vec::new();
        for (i, t) in templates.iter().enumerate() {
            // A template that does not parse renders as nothing (cadence files are checked when
            // read, so only a bug gets here).
            let _ = env.add_template_owned(i.to_string(), t.clone());
            names.push(i.to_string());
        }
        let mut joined = Vec::new();
        for (i, three) in templates.chunks_exact(3).enumerate() {
            let name = format!("joined {}", 3 * i);
            let _ = env.add_template_owned(name.clone(), three.join(&PART.to_string()));
            joined.push(name);
        }
        Drafter { env, names, joined }
    }

    /// Renders templates `first`, `first + 1` and `first + 2` (`first` a multiple of three),
    /// each tidied, as [`Drafter::render`] renders them one by one, in one pass: each render
    /// sets up and tears down the template engine's state, and a worklist renders three
    /// templates a row.
    pub fn render_three(&self, first: usize, values: &minijinja::Value) -> [String; 3] {
        let one_by_one = || {
            [
                self.render(first, values),
                self.render(first + 1, values),
                self.render(first + 2, values),
            ]
        };
        let Some(Ok(template)) = self.joined.get(first / 3).map(|n| self.env.get_template(n))
        else {
            return one_by_one();
        };
        let Ok(text) = template.render(values) else {
            return one_by_one();
        };
        let mut parts = text.split(PART);
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(a), Some(b), Some(c), None) => [tidy(a), tidy(b), tidy(c)],
            // A value held the separator.
            _ => one_by_one(),
        }
    }

    /// The template values of a context, made once for all the templates of a step.
    pub fn values(ctx: &Context<'_>) -> minijinja::Value {
        minijinja::Value::from(minijinja::value::Serde(ctx))
    }

    /// Renders template number `i` (in the order given to [`Drafter::new`]), tidied. An empty
    /// template renders as nothing without being run.
    pub fn render(&self, i: usize, values: &minijinja::Value) -> String {
        let Some(Ok(template)) = self.names.get(i).map(|n| self.env.get_template(n)) else {
            return String::new();
        };
        if template.source().is_empty() {
            return String::new();
        }
        match template.render(values) {
            Ok(text) => tidy(&text),
            Err(e) => format!("(template error: {e})"),
        }
    }
}

/// Renders one template, tidied.
#[cfg(test)]
pub fn render(template: &str, ctx: &Context<'_>) -> String {
    Drafter::new([template.to_string()]).render(0, &Drafter::values(ctx))
}

/// Removes what missing values leave behind: runs of spaces, a space before punctuation, an
/// empty `()`, a comma before a full stop or another comma, runs of blank lines, blank lines at
/// the end. One pass.
pub fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_lines = 0;
    for line in text.lines() {
        let start = out.len();
        for word in line.split_whitespace() {
            let word = word.strip_prefix("()").unwrap_or(word);
            if word.is_empty() {
                continue;
            }
            let mut chars = word.chars().peekable();
            let first = chars.peek().copied();
            // A word of punctuation joins the previous word: `Expo .` → `Expo.`.
            let glue = first.is_some_and(|c| matches!(c, ',' | '.' | ';' | ':' | '!' | '?'));
            if out.len() > start && !glue {
                out.push(' ');
            }
            // Most words have nothing to tidy: no bracket, comma or full stop.
            if !word.bytes().any(|b| matches!(b, b'(' | b',' | b'.')) {
                out.push_str(word);
                continue;
            }
            while let Some(c) = chars.next() {
                match (c, chars.peek()) {
                    ('(', Some(')')) => {
                        chars.next();
                    }
                    (',', Some('.' | ',')) => {}
                    _ if (c == '.' || c == ',') && out.ends_with(',') => {
                        out.pop();
                        out.push(c);
                    }
                    _ => out.push(c),
                }
            }
        }
        if out.len() == start {
            blank_lines += 1;
            continue;
        }
        // The line's text is in place: put the line break(s) before it.
        if start > 0 {
            out.insert_str(start, if blank_lines > 0 { "\n\n" } else { "\n" });
        }
        blank_lines = 0;
    }
    out
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
        assert_eq!(tidy("a ,b () c,. d\n\n\n\ne  f\n\n"), "a,b c. d\n\ne f");
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

    #[test]
    fn a_steps_three_templates_render_in_one_pass_as_they_do_one_by_one() {
        let templates = [
            "Thank {{ first_name }} for {{ event }}",
            "",
            "Hi {{ first_name }},\n\n{% if notes %}{{ notes }}{% endif %}\n\nBest regards,{%- if sender %}\n{{ sender }}{% endif %}",
        ]
        .map(str::to_string);
        let drafter = Drafter::new(templates.clone());
        let c = |given: &str, note: &str| Contact {
            name: Name {
                given: Some(given.into()),
                ..Name::default()
            },
            notes: vec![note.to_string()].into(),
            ..Contact::default()
        };
        // The last holds the character the joined templates are parted by.
        for contact in [c("Ana", "met at the booth"), c("Bo", "a\u{1e}b")] {
            let ctx = Context::new(&contact, "Expo", None, Some("Sam"));
            let values = Drafter::values(&ctx);
            let one_by_one = [0, 1, 2].map(|i| drafter.render(i, &values));
            assert_eq!(drafter.render_three(0, &values), one_by_one);
        }
    }
}
