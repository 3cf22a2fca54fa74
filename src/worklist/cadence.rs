//! Cadences: the steps of following up, each with its day, the ratings it is for, the action and
//! a drafted message. The default follows what networking practice recommends; a TOML file
//! (`--cadence FILE`) replaces it:
//!
//! ```toml
//! [[step]]
//! name = "thank-you"
//! days = 1
//! ratings = ["hot", "warm", "unrated", "cold"]   # optional: every rating
//! action = "Thank {{ first_name }} for the conversation at {{ event }}"
//! channel = "email"                              # optional: email, phone or linkedin, or a
//!                                                # list in order of preference
//! subject = "Great to meet you at {{ event }}"  # optional
//! body = "Hi {{ first_name }}, ..."              # optional
//! ```
//!
//! Templates are minijinja (Jinja2) templates; [`super::draft`] lists their variables.

use serde::Deserialize;

use super::Channel;
use crate::model::Rating;

/// One step: how many days after the day met, for whom, and what to do and write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    pub offset_days: i64,
    /// The ratings the step is for (`None` in the list: unrated); `None` for every contact.
    pub ratings: Option<Vec<Option<Rating>>>,
    /// What to do, as a template.
    pub action: String,
    /// The ways the step is taken, in order of preference (a call: the phone); empty for the
    /// one that exists, email first.
    pub channels: Vec<Channel>,
    /// The drafted message's subject and body, as templates.
    pub subject: Option<String>,
    pub body: Option<String>,
}

impl Step {
    pub fn applies_to(&self, rating: Option<Rating>) -> bool {
        self.ratings.as_ref().is_none_or(|r| r.contains(&rating))
    }
}

/// The steps of following up, in order of their day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cadence {
    pub steps: Vec<Step>,
}

/// A cadence file that cannot be used, with what is wrong in it.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct CadenceError(String);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CadenceFile {
    step: Vec<StepFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StepFile {
    name: String,
    days: i64,
    ratings: Option<Vec<String>>,
    action: String,
    channel: Option<OneOrMany>,
    subject: Option<String>,
    body: Option<String>,
}

/// `"phone"` or `["phone", "email"]`.
#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

/// The channels a step names, in its order.
fn channels(step: &str, given: Option<OneOrMany>) -> Result<Vec<Channel>, CadenceError> {
    let names = match given {
        None => Vec::new(),
        Some(OneOrMany::One(name)) => vec![name],
        Some(OneOrMany::Many(names)) => names,
    };
    names
        .iter()
        .map(|name| match name.to_ascii_lowercase().as_str() {
            "email" | "e-mail" | "mail" => Ok(Channel::Email),
            "phone" | "call" | "text" | "sms" => Ok(Channel::Phone),
            "linkedin" => Ok(Channel::LinkedIn),
            other => Err(CadenceError(format!(
                "step `{step}`: unknown channel `{other}` (use email, phone, linkedin)"
            ))),
        })
        .collect()
}

impl Cadence {
    /// Reads a cadence from TOML. An unknown key, a rating that is none, a template that does
    /// not parse or a file without steps is an error that says which.
    pub fn from_toml(text: &str) -> Result<Cadence, CadenceError> {
        let file: CadenceFile =
            toml::from_str(text).map_err(|e| CadenceError(e.to_string().trim().to_string()))?;
        if file.step.is_empty() {
            return Err(CadenceError("no [[step]] in the cadence".into()));
        }
        let mut steps = Vec::new();
        for s in file.step {
            let ratings = match s.ratings {
                None => None,
                Some(list) => Some(
                    list.iter()
                        .map(|r| match r.to_ascii_lowercase().as_str() {
                            "hot" => Ok(Some(Rating::Hot)),
                            "warm" => Ok(Some(Rating::Warm)),
                            "cold" => Ok(Some(Rating::Cold)),
                            "unrated" | "none" => Ok(None),
                            other => Err(CadenceError(format!(
                                "step `{}`: unknown rating `{other}` (use hot, warm, unrated, cold)",
                                s.name
                            ))),
                        })
                        .collect::<Result<Vec<_>, _>>()?,
                ),
            };
            let channels = channels(&s.name, s.channel)?;
            let step = Step {
                name: s.name,
                offset_days: s.days,
                ratings,
                action: s.action,
                channels,
                subject: s.subject,
                body: s.body,
            };
            for (what, template) in [
                ("action", Some(&step.action)),
                ("subject", step.subject.as_ref()),
                ("body", step.body.as_ref()),
            ] {
                if let Some(t) = template {
                    super::draft::check(t).map_err(|e| {
                        CadenceError(format!("step `{}`: {what} template: {e}", step.name))
                    })?;
                }
            }
            steps.push(step);
        }
        steps.sort_by_key(|s| s.offset_days);
        Ok(Cadence { steps })
    }
}

impl Default for Cadence {
    /// Follow up within a day, recalling the conversation; offer something of value before
    /// asking for a meeting; check in after a month; keep in touch with leads after a quarter.
    fn default() -> Self {
        let step = |name: &str, offset_days, action: &str, subject: &str, body: &str| Step {
            name: name.into(),
            offset_days,
            ratings: None,
            action: action.into(),
            channels: Vec::new(),
            subject: Some(subject.into()),
            body: Some(body.into()),
        };
        let mut keep_in_touch = step(
            "keep-in-touch",
            90,
            "Keep in touch with {{ first_name }}: share news or ask about theirs",
            "Catching up",
            "Hi {{ first_name }},\n\nIt has been a few months since {{ event }}, and I wanted to \
             catch up. How are things going{% if organization %} at {{ organization }}{% endif %}?\n\n\
             Best regards,\n{{ sender }}",
        );
        keep_in_touch.ratings = Some(vec![Some(Rating::Hot), Some(Rating::Warm)]);
        Cadence {
            steps: vec![
                step(
                    "thank-you",
                    1,
                    "Thank {{ first_name }} for the conversation at {{ event }} and recall what you talked about",
                    "{% if reconnect %}Good to see you again at {{ event }}{% else %}Great to meet you at {{ event }}{% endif %}",
                    "Hi {{ first_name }},\n\n\
                     {% if reconnect %}It was good to see you again at {{ event }}\
                     {% if new_organization %}, and congratulations on the new role at {{ organization }}{% endif %}.\
                     {% else %}Thank you for taking the time to talk at {{ event }}{% if met_on_text %} on {{ met_on_text }}{% endif %}.{% endif %}\n\n\
                     I'd be glad to stay in touch.\n\n\
                     Best regards,\n{{ sender }}",
                ),
                step(
                    "value",
                    7,
                    "Send {{ first_name }} something of value (an article, an introduction, an answer) and propose a meeting",
                    "Following up from {{ event }}",
                    "Hi {{ first_name }},\n\n\
                     Since we spoke at {{ event }}, I wanted to share something that may help with \
                     what you are working on.\n\n\
                     Would you have 20 minutes for a call in the next couple of weeks?\n\n\
                     Best regards,\n{{ sender }}",
                ),
                step(
                    "check-in",
                    30,
                    "Check in with {{ first_name }}: ask how things are going and whether the timing is right",
                    "Checking in",
                    "Hi {{ first_name }},\n\nI hope all is well since {{ event }}. Is now a good time to \
                     pick up our conversation{% if organization %} about {{ organization }}'s plans{% endif %}?\n\n\
                     Best regards,\n{{ sender }}",
                ),
                keep_in_touch,
            ],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cadence_file_replaces_the_steps_and_names_an_unknown_key() {
        let cadence = Cadence::from_toml(
            r#"
            [[step]]
            name = "call"
            days = 2
            ratings = ["hot"]
            action = "Call {{ first_name }}"

            [[step]]
            name = "note"
            days = 0
            action = "Write a note"
            "#,
        )
        .unwrap();
        assert_eq!(cadence.steps[0].name, "note");
        assert!(cadence.steps[1].applies_to(Some(Rating::Hot)));
        assert!(!cadence.steps[1].applies_to(None));

        let err =
            Cadence::from_toml("[[step]]\nname = \"a\"\ndays = 1\naction = \"x\"\noffset = 3\n")
                .unwrap_err()
                .to_string();
        assert!(err.contains("offset"), "{err}");
        let err = Cadence::from_toml("[[step]]\nname = \"a\"\ndays = 1\naction = \"{{ x \"\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("step `a`: action template"), "{err}");
        let err = Cadence::from_toml(
            "[[step]]\nname = \"a\"\ndays = 1\naction = \"x\"\nratings = [\"tepid\"]\n",
        )
        .unwrap_err()
        .to_string();
        assert!(err.contains("tepid"), "{err}");
        // A misspelt variable would render as nothing: it is named, with the one meant.
        let err = Cadence::from_toml(
            "[[step]]\nname = \"a\"\ndays = 1\naction = \"Call {{ firstname }}\"\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("step `a`: action template: unknown variable `firstname` (did you mean `first_name`?)"),
            "{err}"
        );
        // A variable set in the template itself is no unknown one.
        assert!(Cadence::from_toml(
            "[[step]]\nname = \"a\"\ndays = 1\naction = \"{% set who = first_name %}{{ who }} {{ private_notes }}\"\n"
        )
        .is_ok());
    }
}
