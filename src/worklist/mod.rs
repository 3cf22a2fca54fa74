//! Stage 6, **worklist**: who to contact, when, how, why first, and what to write.
//!
//! Every contact tagged with an event follows a cadence of steps counted in days from the day
//! met. The worklist holds each contact's next open step (with `--horizon`, every step due
//! within that many days); a step whose day has passed is due today and overdue. A birthday
//! inside the horizon is a greeting step of its own. With `--per-day`, at most that many steps
//! fall on one day, the most important first, the rest moved to the next days with room. Rows
//! are sorted by due day, then priority, highest first.

mod cadence;
mod draft;
mod priority;

use std::borrow::Cow;
use std::collections::HashMap;

use compact_str::CompactString;

use chrono::{Datelike, Duration, NaiveDate};
use rayon::prelude::*;

pub use cadence::{Cadence, CadenceError, Step};
pub(crate) use priority::seniority;
pub use priority::{Priority, priority};

use crate::model::Contact;

/// How the worklist is planned.
#[derive(Debug, Clone, Default)]
pub struct Plan {
    pub cadence: Cadence,
    /// The day the worklist is computed for.
    pub today: NaiveDate,
    /// List every step due within this many days, not only the next one per contact.
    pub horizon: Option<i64>,
    /// Schedule at most this many steps on one day.
    pub per_day: Option<usize>,
    /// With `per_day`: Saturdays and Sundays are days to schedule on too.
    pub weekends: bool,
    /// The name drafts are signed with.
    pub from_name: Option<String>,
}

/// How far ahead birthdays are looked for without `--horizon`: the coming week.
const BIRTHDAY_DAYS: i64 = 7;

/// The way a step reaches the person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    Email,
    Phone,
    LinkedIn,
    /// No way to reach them is known yet.
    Find,
}

impl Channel {
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Phone => "phone",
            Channel::LinkedIn => "linkedin",
            Channel::Find => "find contact details",
        }
    }
}

/// One follow-up step for one contact.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub due: NaiveDate,
    pub overdue: bool,
    /// How many days ago the step was due, when it is overdue.
    pub overdue_days: u32,
    pub priority: u8,
    pub contact_id: CompactString,
    pub name: CompactString,
    pub organization: CompactString,
    pub title: CompactString,
    pub email: CompactString,
    pub phone: CompactString,
    pub linkedin: CompactString,
    pub event: CompactString,
    pub met_on: Option<NaiveDate>,
    pub step: CompactString,
    pub action: String,
    pub notes: String,
    /// Why this priority, in words.
    pub reasons: String,
    pub channel: Channel,
    pub draft_subject: String,
    pub draft_body: String,
    /// The day the step was due before `--per-day` moved it.
    pub moved_from: Option<NaiveDate>,
    /// The last follow-up done with the contact: its day, step and note (`2026-10-17
    /// thank-you: sent the deck`), empty before any.
    pub last_touch: String,
    /// A step no longer open, for the calendar to close its task: done on a day, or cancelled
    /// (no more follow-ups for the contact).
    pub closed: Option<Closed>,
    /// How many times the contact's follow-up has changed (steps done, snoozed, skipped): a
    /// calendar takes the task with the higher number as the newer.
    pub sequence: u32,
}

impl Row {
    /// `overdue 3 days` for an overdue step.
    pub fn overdue_text(&self) -> Option<String> {
        self.overdue.then(|| match self.overdue_days {
            1 => "overdue 1 day".to_string(),
            n => format!("overdue {n} days"),
        })
    }
}

/// How a step ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Closed {
    Done(NaiveDate),
    Cancelled,
}

/// The worklist of the tagged contacts, every row written out: for a few contacts (a store
/// command about one); a run writes its rows from [`schedule`] as it writes them out.
pub fn build(contacts: &[Contact], plan: &Plan) -> Vec<Row> {
    schedule(contacts, plan).rows(contacts)
}

/// One step of the worklist as scheduled: its day, priority, contact and step. Its text (the
/// action, the drafts, the contact's fields) is written by [`Worklist::row`] when the row is
/// written out, so that a worklist of a million steps is not held as text.
#[derive(Debug, Clone)]
pub struct Planned {
    pub due: NaiveDate,
    pub overdue: bool,
    overdue_days: u32,
    priority: u8,
    /// The contact's index in the contacts the worklist was scheduled for.
    pub contact: u32,
    /// The cadence's step, or [`BIRTHDAY`].
    step: u16,
    /// The contact's next step before any was done: a new role is congratulated on.
    first_touch: bool,
    moved_from: Option<NaiveDate>,
    /// The contact's name as the rows show it, which orders rows of one day and priority.
    name: CompactString,
}

/// The step of a birthday greeting ([`Planned::step`]).
const BIRTHDAY: u16 = u16::MAX;

/// The steps scheduled, in order, and what writes them out.
pub struct Worklist {
    planned: Vec<Planned>,
    plan: Plan,
    drafter: draft::Drafter,
}

impl std::fmt::Debug for Worklist {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Worklist")
            .field("planned", &self.planned.len())
            .finish_non_exhaustive()
    }
}

impl Worklist {
    /// A worklist of no steps: nothing to write, so no template is parsed.
    pub fn empty() -> Worklist {
        Worklist {
            planned: Vec::new(),
            plan: Plan::default(),
            drafter: draft::Drafter::new(std::iter::empty()),
        }
    }

    fn new(planned: Vec<Planned>, plan: &Plan) -> Worklist {
        // Each step's action, subject and body: templates 3i, 3i+1 and 3i+2.
        let drafter = draft::Drafter::new(plan.cadence.steps.iter().flat_map(|s| {
            [
                s.action.clone(),
                s.subject.clone().unwrap_or_default(),
                s.body.clone().unwrap_or_default(),
            ]
        }));
        Worklist {
            planned,
            plan: plan.clone(),
            drafter,
        }
    }

    pub fn len(&self) -> usize {
        self.planned.len()
    }

    pub fn is_empty(&self) -> bool {
        self.planned.is_empty()
    }

    /// The steps, in order.
    pub fn planned(&self) -> &[Planned] {
        &self.planned
    }

    /// Keeps the steps `keep` says yes to.
    pub fn retain(&mut self, keep: impl FnMut(&Planned) -> bool) {
        self.planned.retain(keep);
    }

    /// Every row written out, in order.
    pub fn rows(&self, contacts: &[Contact]) -> Vec<Row> {
        self.with(contacts).all().into_owned()
    }

    /// The row of a step of this worklist, written out for the `contacts` it was scheduled for.
    pub fn row(&self, contacts: &[Contact], planned: &Planned) -> Row {
        let c = &contacts[planned.contact as usize];
        let event = event_of(c).expect("a contact with a step was met at an event");
        let p = priority(c);
        let head = row(
            c,
            &p,
            planned.due,
            planned.overdue,
            &event.name,
            event.met_on,
        );
        let mut row = if planned.step == BIRTHDAY {
            birthday_row(c, &self.plan, &event.name, head)
        } else {
            let i = usize::from(planned.step);
            let step = &self.plan.cadence.steps[i];
            // What the templates can say is the same for every step of the contact.
            let ctx =
                draft::Context::new(c, &event.name, event.met_on, self.plan.from_name.as_deref());
            let values = draft::Drafter::values(&ctx);
            let [action_text, draft_subject, draft_body] =
                self.drafter.render_three(3 * i, &values);
            let (channel, action) = action(c, &action_text, step, &event.name, planned.first_touch);
            Row {
                step: step.name.as_str().into(),
                action,
                channel,
                draft_subject,
                draft_body,
                ..head
            }
        };
        row.overdue_days = planned.overdue_days;
        row.moved_from = planned.moved_from;
        row
    }

    /// The worklist's rows, to write out for the `contacts` it was scheduled for.
    pub fn with<'w>(&'w self, contacts: &'w [Contact]) -> Scheduled<'w> {
        Scheduled {
            worklist: self,
            contacts,
        }
    }
}

/// Rows to write: rows written out already, or the steps of a worklist, each written out as it
/// is written ([`Scheduled`]).
pub trait Rows: Sync {
    type Item: Sync;
    fn items(&self) -> &[Self::Item];
    /// An item's row, written out.
    fn row<'a>(&'a self, item: &'a Self::Item) -> Cow<'a, Row>;
    /// An item's contact id.
    fn contact_id<'a>(&'a self, item: &'a Self::Item) -> &'a str;

    fn len(&self) -> usize {
        self.items().len()
    }

    fn is_empty(&self) -> bool {
        self.items().is_empty()
    }

    /// Every row, written out (over both cores).
    fn all(&self) -> Cow<'_, [Row]> {
        Cow::Owned(
            self.items()
                .par_iter()
                .map(|item| self.row(item).into_owned())
                .collect(),
        )
    }
}

/// No rows: a contacts file written without a worklist.
pub const NO_ROWS: &[Row] = &[];

impl Rows for [Row] {
    type Item = Row;

    fn items(&self) -> &[Row] {
        self
    }

    fn row<'a>(&'a self, item: &'a Row) -> Cow<'a, Row> {
        Cow::Borrowed(item)
    }

    fn contact_id<'a>(&'a self, item: &'a Row) -> &'a str {
        &item.contact_id
    }

    fn all(&self) -> Cow<'_, [Row]> {
        Cow::Borrowed(self)
    }
}

/// A worklist's steps with the contacts they were scheduled for ([`Worklist::with`]).
#[derive(Clone, Copy)]
pub struct Scheduled<'w> {
    worklist: &'w Worklist,
    contacts: &'w [Contact],
}

impl Rows for Scheduled<'_> {
    type Item = Planned;

    fn items(&self) -> &[Planned] {
        &self.worklist.planned
    }

    fn row<'a>(&'a self, item: &'a Planned) -> Cow<'a, Row> {
        Cow::Owned(self.worklist.row(self.contacts, item))
    }

    fn contact_id<'a>(&'a self, item: &'a Planned) -> &'a str {
        &self.contacts[item.contact as usize].id
    }
}

/// The event a contact is followed up on: the most recent one met at.
pub fn event_of(c: &Contact) -> Option<&crate::model::EventTag> {
    c.events.iter().max_by_key(|e| e.met_on)
}

/// The worklist of the tagged contacts, its rows not yet written out.
pub fn schedule(contacts: &[Contact], plan: &Plan) -> Worklist {
    let mut planned: Vec<Planned> = contacts
        .par_iter()
        .enumerate()
        .flat_map_iter(|(i, c)| steps_of(i as u32, c, plan))
        .collect();
    sort(&mut planned, contacts, &plan.cadence);
    if let Some(n) = plan.per_day.filter(|n| *n > 0) {
        spread(&mut planned, n, plan.weekends);
        sort(&mut planned, contacts, &plan.cadence);
    }
    Worklist::new(planned, plan)
}

fn sort(planned: &mut [Planned], contacts: &[Contact], cadence: &Cadence) {
    let id = |p: &Planned| contacts[p.contact as usize].id.as_str();
    let step = |p: &Planned| match p.step {
        BIRTHDAY => "birthday",
        i => cadence.steps[usize::from(i)].name.as_str(),
    };
    // Stable, as `sort_by` is, over both cores.
    planned.par_sort_by(|a, b| {
        a.due
            .cmp(&b.due)
            .then(b.priority.cmp(&a.priority))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| id(a).cmp(id(b)))
            .then_with(|| step(a).cmp(step(b)))
    });
}

/// At most `per_day` rows on a day: rows in order of due day and priority take the first day
/// from their own with room, a working day unless `weekends` (a step due on a Saturday moves
/// to the Monday).
fn spread(planned: &mut [Planned], per_day: usize, weekends: bool) {
    use chrono::Weekday;
    let mut taken: HashMap<NaiveDate, usize> = HashMap::new();
    let closed = |day: NaiveDate| !weekends && matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
    for row in planned.iter_mut() {
        let mut day = row.due;
        while closed(day) || taken.get(&day).copied().unwrap_or(0) >= per_day {
            day += Duration::days(1);
        }
        *taken.entry(day).or_insert(0) += 1;
        if day != row.due {
            row.moved_from = Some(row.due);
            row.due = day;
        }
    }
}

fn steps_of(index: u32, c: &Contact, plan: &Plan) -> Vec<Planned> {
    // A company's card (a switchboard number, no person) has nobody to write to.
    if c.name.is_empty() && c.emails.is_empty() && c.linkedin.is_none() {
        return Vec::new();
    }
    // The most recent event is the one to follow up on.
    let Some(event) = event_of(c) else {
        return Vec::new();
    };
    if c.followup.skipped {
        return Vec::new();
    }
    let today = plan.today;
    let base = event.met_on.unwrap_or(today);
    let steps = open_steps(c, &plan.cadence, base, today);
    let birthday = birthday(c, plan);
    if steps.is_empty() && birthday.is_none() {
        return Vec::new();
    }
    // What every step of the contact shares.
    let head = Planned {
        due: today,
        overdue: false,
        overdue_days: 0,
        priority: priority(c).score,
        contact: index,
        step: BIRTHDAY,
        first_touch: false,
        moved_from: None,
        name: c.display_name().into(),
    };
    let mut planned = Vec::new();
    let last = plan.horizon.map(|h| today + Duration::days(h));
    for (n, &(i, _, day)) in steps.iter().enumerate() {
        // Without a horizon, the contact's next step; with one, every step due up to its end
        // (`--horizon 0`: today's).
        if n > 0 && last.is_none() {
            break;
        }
        let (due, overdue) = match c.followup.snoozed_until {
            Some(until) if until > day.max(today) => (until, false),
            _ if day < today => (today, true),
            _ => (day, false),
        };
        if last.is_some_and(|last| due > last) {
            break;
        }
        let overdue_days = if overdue {
            (today - day).num_days().max(0) as u32
        } else {
            0
        };
        planned.push(Planned {
            due,
            overdue,
            overdue_days,
            step: u16::try_from(i).expect("a cadence has fewer than 65,535 steps"),
            first_touch: n == 0 && c.followup.done.is_empty(),
            ..head.clone()
        });
    }
    if let Some(day) = birthday {
        planned.push(Planned { due: day, ..head });
    }
    planned
}

/// The steps still to take for a contact, each with its day (cadence number, step, day), in
/// order.
///
/// A step's day counts from the last touch: the interval the cadence sets between it and the
/// step done before it, after the day that one was done (a thank-you sent late moves the rest
/// with it); before any is done, from the day met. A step whose time is over (the next step is
/// overdue too) gives way to the next: a thank-you three months late is no thank-you any more. The
/// last step the contact has stays due however late.
fn open_steps<'c>(
    c: &Contact,
    cadence: &'c Cadence,
    met_on: NaiveDate,
    today: NaiveDate,
) -> Vec<(usize, &'c Step, NaiveDate)> {
    let done = |s: &Step| {
        c.followup
            .done
            .iter()
            .filter(|(name, _, _)| *name == s.name)
            .map(|(_, day, _)| *day)
            .max()
    };
    let mut last = (0, met_on); // (the offset, the day) counted from
    let mut open: Vec<(usize, &Step, NaiveDate)> = Vec::new();
    for (i, step) in cadence.steps.iter().enumerate() {
        if !step.applies_to(c.rating) {
            continue;
        }
        if let Some(day) = done(step) {
            last = (step.offset_days, day.max(last.1));
            // What was not done before a later step was is passed over.
            open.clear();
            continue;
        }
        let interval = (step.offset_days - last.0).max(0);
        open.push((i, step, last.1 + Duration::days(interval)));
    }
    // Steps overtaken: the one after is overdue too.
    while open.len() > 1 && open[1].2 < today {
        open.remove(0);
    }
    // The steps after the first count from its day, not from a day already past.
    if let Some(&(_, first, day)) = open.first() {
        for (_, step, later) in open.iter_mut().skip(1) {
            *later = day.max(today) + Duration::days(step.offset_days - first.offset_days);
        }
    }
    open
}

/// The fields every row of a contact shares.
fn row(
    c: &Contact,
    p: &Priority,
    due: NaiveDate,
    overdue: bool,
    event: &str,
    met_on: Option<NaiveDate>,
) -> Row {
    Row {
        due,
        overdue,
        overdue_days: 0,
        priority: p.score,
        contact_id: c.id.as_str().into(),
        name: c.display_name().into(),
        organization: c.organization().unwrap_or_default().into(),
        title: c.title().unwrap_or_default().into(),
        email: c.emails.first().map_or("", String::as_str).into(),
        phone: c.phones.first().map_or("", String::as_str).into(),
        linkedin: c.linkedin.as_deref().unwrap_or_default().into(),
        event: event.into(),
        met_on,
        step: CompactString::default(),
        action: String::new(),
        notes: c.notes.join(" | "),
        reasons: p.reasons.join("; "),
        channel: any_channel(c).0,
        draft_subject: String::new(),
        draft_body: String::new(),
        moved_from: None,
        last_touch: c.followup.last_touch_text(),
        closed: None,
        sequence: (c.followup.done.len()
            + usize::from(c.followup.snoozed_until.is_some())
            + usize::from(c.followup.skipped)) as u32,
    }
}

/// The steps that are no longer open, for a calendar that imported them to close: each step
/// done (on its day) and, for a contact with no more follow-ups, the step that was next
/// (cancelled). Each keeps the task's UID, so the calendar updates the task it has.
pub fn closed(contacts: &[Contact], plan: &Plan) -> Vec<Row> {
    let mut rows = Vec::new();
    for c in contacts {
        let Some(event) = event_of(c) else {
            continue;
        };
        let p = priority(c);
        let at = |step: &str, due: NaiveDate, closed: Closed| Row {
            step: step.into(),
            action: match closed {
                Closed::Done(day) => format!("{step} done on {day}"),
                Closed::Cancelled => format!("{step}: no more follow-ups"),
            },
            closed: Some(closed),
            ..row(c, &p, due, false, &event.name, event.met_on)
        };
        // A step done twice is one task, done on the later day.
        let mut done: Vec<(&str, NaiveDate)> = Vec::new();
        for (step, day, _) in &c.followup.done {
            match done.iter_mut().find(|(s, _)| s == step) {
                Some((_, d)) => *d = (*d).max(*day),
                None => done.push((step, *day)),
            }
        }
        for (step, day) in done {
            rows.push(at(step, day, Closed::Done(day)));
        }
        if c.followup.skipped {
            let base = event.met_on.unwrap_or(plan.today);
            if let Some(&(_, step, due)) = open_steps(c, &plan.cadence, base, plan.today).first() {
                rows.push(at(&step.name, due.max(plan.today), Closed::Cancelled));
            }
        }
    }
    rows
}

/// The day of a greeting on the contact's birthday, when it falls between today and the
/// horizon.
fn birthday(c: &Contact, plan: &Plan) -> Option<NaiveDate> {
    let b = c.birthday.as_deref()?;
    let (month, day) = match b.strip_prefix("--") {
        Some(md) => (md.get(..2)?.parse().ok()?, md.get(3..5)?.parse().ok()?),
        None => {
            let d: NaiveDate = b.parse().ok()?;
            (d.month(), d.day())
        }
    };
    let today = plan.today;
    // This year's birthday, or next year's once it has passed; 29 February on 1 March.
    let on = |year: i32| {
        NaiveDate::from_ymd_opt(year, month, day)
            .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1).filter(|_| month == 2 && day == 29))
    };
    let next = on(today.year())
        .filter(|d| *d >= today)
        .or_else(|| on(today.year() + 1))?;
    let last = today + Duration::days(plan.horizon.unwrap_or(BIRTHDAY_DAYS));
    (next <= last).then_some(next)
}

/// The row of a birthday greeting, from the fields every row of the contact shares.
fn birthday_row(c: &Contact, plan: &Plan, event: &str, head: Row) -> Row {
    let first = draft::first_name(c);
    let greeting = Step {
        name: "birthday".into(),
        offset_days: 0,
        ratings: None,
        action: String::new(),
        channels: Vec::new(),
        subject: None,
        body: None,
    };
    let (channel, action) = action(
        c,
        &format!("Wish {first} a happy birthday"),
        &greeting,
        event,
        false,
    );
    let sign = plan
        .from_name
        .as_deref()
        .map(|s| format!("\n\n{s}"))
        .unwrap_or_default();
    Row {
        step: "birthday".into(),
        action,
        channel,
        draft_subject: "Happy birthday!".into(),
        draft_body: draft::tidy(&format!(
            "Hi {first},\n\nHappy birthday! I hope you have a great day.{sign}"
        )),
        ..head
    }
}

/// The channel to take: the first of `wanted` that the contact has; else (or when nothing is
/// wanted) the one that exists: email, else phone, else LinkedIn, else none yet. A wanted channel
/// that is missing is said (`no phone known: by email (…)`).
fn channel(c: &Contact, wanted: &[Channel]) -> (Channel, String) {
    let has = |ch: &Channel| match ch {
        Channel::Email => !c.emails.is_empty(),
        Channel::Phone => !c.phones.is_empty(),
        Channel::LinkedIn => c.linkedin.is_some(),
        Channel::Find => false,
    };
    match wanted.iter().find(|ch| has(ch)) {
        Some(Channel::Email) => {
            return (Channel::Email, format!("by email ({})", c.emails[0]));
        }
        Some(Channel::Phone) => {
            return (Channel::Phone, format!("by phone ({})", c.phones[0]));
        }
        Some(Channel::LinkedIn) => {
            let linkedin = c.linkedin.as_deref().unwrap_or_default();
            return (
                Channel::LinkedIn,
                format!("by LinkedIn message ({linkedin})"),
            );
        }
        _ => {}
    }
    let (found, how) = any_channel(c);
    match wanted.first() {
        Some(first) if found != Channel::Find => {
            let missing = match first {
                Channel::Phone => "no phone known",
                Channel::LinkedIn => "no LinkedIn profile known",
                _ => "no email known",
            };
            (found, format!("{missing}: {how}"))
        }
        _ => (found, how),
    }
}

/// The channel that exists: email, else phone, else LinkedIn, else none yet.
fn any_channel(c: &Contact) -> (Channel, String) {
    if let Some(email) = c.emails.first() {
        (Channel::Email, format!("by email ({email})"))
    } else if let Some(phone) = c.phones.first() {
        (Channel::Phone, format!("by phone or text ({phone})"))
    } else if let Some(linkedin) = &c.linkedin {
        (
            Channel::LinkedIn,
            format!("by LinkedIn message ({linkedin})"),
        )
    } else {
        (Channel::Find, String::new())
    }
}

/// The action of a step for a contact, naming the channel that exists. A contact known before
/// the event is a reconnection, and a change of organization is pointed out.
///
/// The new role is congratulated on at the first touch only: `first_touch` is the contact's next
/// step before any was done.
fn action(
    c: &Contact,
    step_text: &str,
    step: &Step,
    event: &str,
    first_touch: bool,
) -> (Channel, String) {
    let first = draft::first_name(c);
    let mut text = if c.known_before && step.offset_days == 1 {
        format!("Reconnect with {first}, whom you already knew: you met again at {event}")
    } else {
        step_text.to_string()
    };
    if c.known_before
        && first_touch
        && let (Some(previous), Some(now)) = (&c.previous_organization, c.organization())
    {
        text.push_str(&format!(
            "; now at {now}, was at {previous}: congratulate on the new role"
        ));
    }
    let (channel, how) = channel(c, &step.channels);
    let text = if channel == Channel::Find {
        let mut known: Vec<&str> = c.organizations.iter().map(String::as_str).collect();
        known.extend(c.events.iter().map(|e| e.name.as_str()));
        let hint = if known.is_empty() {
            String::new()
        } else {
            format!(" (known: {})", known.join(", "))
        };
        format!(
            "Find contact details for {}{hint}, then: {}",
            c.display_name(),
            lower_first(&text)
        )
    } else {
        format!("{text}, {how}")
    };
    (channel, text)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
