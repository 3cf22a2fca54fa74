//! Cadences: the steps of following up and the words of each action.

use crate::model::{Contact, Rating};

/// One step: how many days after the day met, and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub name: String,
    pub offset_days: i64,
    /// What to do, for a new contact; `{name}` and `{event}` are filled in.
    pub template: String,
    /// Only for contacts rated hot or warm.
    pub leads_only: bool,
}

impl Step {
    pub fn applies_to(&self, rating: Option<Rating>) -> bool {
        !self.leads_only || rating.is_some_and(Rating::is_lead)
    }
}

/// The steps of following up, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cadence {
    pub steps: Vec<Step>,
}

impl Default for Cadence {
    /// Follow up within a day, recalling the conversation; offer something of value before
    /// asking for a meeting; check in after a month; keep in touch with leads after a quarter.
    fn default() -> Self {
        let step = |name: &str, offset_days, template: &str, leads_only| Step {
            name: name.into(),
            offset_days,
            template: template.into(),
            leads_only,
        };
        Cadence {
            steps: vec![
                step(
                    "thank-you",
                    1,
                    "Thank {name} for the conversation at {event} and recall what you talked about",
                    false,
                ),
                step(
                    "value",
                    7,
                    "Send {name} something of value (an article, an introduction, an answer) and propose a meeting",
                    false,
                ),
                step(
                    "check-in",
                    30,
                    "Check in with {name}: ask how things are going and whether the timing is right",
                    false,
                ),
                step(
                    "keep-in-touch",
                    90,
                    "Keep in touch with {name}: share news or ask about theirs",
                    true,
                ),
            ],
        }
    }
}

/// The action of a step for a contact, naming the channel that exists. A contact known before
/// the event is a reconnection, and a change of organization is pointed out.
pub(super) fn action(step: &Step, c: &Contact, event: &str) -> String {
    let first_name = c.name.given.clone().unwrap_or_else(|| c.display_name());
    let mut text = if c.known_before && step.offset_days <= 1 {
        format!("Reconnect with {first_name}, whom you already knew: you met again at {event}")
    } else {
        step.template
            .replace("{name}", &first_name)
            .replace("{event}", event)
    };
    if c.known_before
        && let (Some(previous), Some(now)) = (&c.previous_organization, c.organization())
    {
        text.push_str(&format!("; note the move from {previous} to {now}"));
    }
    let channel = if let Some(email) = c.emails.first() {
        format!("by email ({email})")
    } else if let Some(phone) = c.phones.first() {
        format!("by phone or text ({phone})")
    } else if let Some(linkedin) = &c.linkedin {
        format!("by LinkedIn message ({linkedin})")
    } else {
        return format!(
            "Find contact details for {}, then: {}",
            c.display_name(),
            lower_first(&text)
        );
    };
    format!("{text}, {channel}")
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
