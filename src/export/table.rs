//! The worklist as a table for the terminal: as wide as the terminal (or `COLUMNS`), each
//! action wrapped under its own column, colour only on a terminal and never with `NO_COLOR`.
//! Every value is passed through [`shown`] before it is coloured, so the table is printed as it
//! is ([`crate::printer::Printer::styled`]).

use std::fmt::Write as _;

use console::{Style, measure_text_width, pad_str, truncate_str};

use crate::printer::shown;
use crate::worklist::Rows;

/// How the table is drawn.
#[derive(Debug, Clone, Copy)]
pub struct Look {
    pub width: usize,
    pub colour: bool,
}

impl Look {
    /// The look for standard output: the terminal's width, else `COLUMNS`, else 100; colour
    /// when it is a terminal and `NO_COLOR` is not set.
    pub fn stdout() -> Look {
        use std::io::IsTerminal;
        let terminal = std::io::stdout().is_terminal();
        let width = console::Term::stdout()
            .size_checked()
            .filter(|_| terminal)
            .map(|(_, w)| usize::from(w))
            .or_else(|| std::env::var("COLUMNS").ok()?.parse().ok())
            .unwrap_or(100);
        let no_colour = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Look {
            width: width.clamp(60, 240),
            colour: terminal && !no_colour,
        }
    }
}

/// The columns before the action: due and its mark (11), a space, priority (3), two spaces,
/// who, two spaces.
const FIXED: usize = 11 + 1 + 3 + 2 + 2;

/// The first `limit` rows as a table.
pub fn table(rows: &(impl Rows + ?Sized), limit: usize, look: Look) -> String {
    let style = |s: Style| s.force_styling(look.colour);
    let bold = style(Style::new().bold());
    let red = style(Style::new().red());
    let dim = style(Style::new().dim());
    // The person's column gets a third of the width, between 16 and 32 columns.
    let who_width = (look.width / 3).clamp(16, 32);
    let action_width = look.width.saturating_sub(FIXED + who_width).max(16);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}",
        bold.apply_to(format!(
            "{:<11} {:>3}  {}  {}",
            "due",
            "pri",
            pad_str("who", who_width, console::Alignment::Left, None),
            "step: action"
        ))
    );
    let ids = short_ids(rows, limit);
    let mut any_overdue = false;
    for (item, id) in rows.items().iter().zip(&ids) {
        let r = rows.row(item);
        any_overdue |= r.overdue;
        let mut who = r.name.clone();
        if !r.organization.is_empty() {
            let _ = write!(who, ", {}", r.organization);
        }
        let who = shown(&who);
        let who = truncate_str(&who, who_width, "…");
        let who = pad_str(&who, who_width, console::Alignment::Left, None);
        let due = if r.overdue {
            red.apply_to(format!("{}!", r.due)).to_string()
        } else {
            format!("{} ", r.due)
        };
        let text = shown(&format!("{}: {}", r.step, r.action)).into_owned();
        let lines = wrap(&text, action_width);
        let indent = " ".repeat(FIXED + who_width);
        // The short id goes under the name, on the second line of the row.
        let id_line = format!(
            "{}{}  ",
            " ".repeat(FIXED - 2),
            dim.apply_to(pad_str(id, who_width, console::Alignment::Left, None))
        );
        for (i, line) in lines.iter().enumerate() {
            match i {
                0 => {
                    let _ = writeln!(
                        out,
                        "{due} {:>3}  {}  {line}",
                        r.priority,
                        bold.apply_to(who.as_ref())
                    );
                }
                1 => {
                    let _ = writeln!(out, "{id_line}{line}");
                }
                _ => {
                    let _ = writeln!(out, "{indent}{line}");
                }
            }
        }
        let indent = if lines.len() == 1 { &id_line } else { &indent };
        let reasons = shown(&r.reasons);
        let reasons = truncate_str(&reasons, action_width, "…");
        match r.overdue_text() {
            Some(overdue) => {
                let overdue = format!("{overdue}; ");
                let rest = truncate_str(&reasons, action_width.saturating_sub(overdue.len()), "…");
                let _ = writeln!(
                    out,
                    "{indent}{}{}",
                    red.apply_to(overdue),
                    dim.apply_to(rest)
                );
            }
            None => {
                let _ = writeln!(out, "{indent}{}", dim.apply_to(reasons));
            }
        }
    }
    if any_overdue {
        let _ = writeln!(
            out,
            "{}",
            dim.apply_to("! overdue: its day has passed, so it is due today")
        );
    }
    out
}

/// The start of each row's contact id that tells it from every other contact in the rows, seven
/// characters or more: what `rolo show`, `done` and the other commands take.
fn short_ids<R: Rows + ?Sized>(rows: &R, limit: usize) -> Vec<&str> {
    const SHORTEST: usize = 7;
    let mut ids: Vec<&str> = rows.items().iter().map(|r| rows.contact_id(r)).collect();
    ids.sort_unstable();
    ids.dedup();
    // The prefix needed is one more than the longest it shares with its neighbours in order.
    let needed = |id: &str| {
        let at = ids.binary_search(&id).unwrap_or(0);
        let shared = |other: Option<&&str>| {
            other.map_or(0, |o| {
                o.bytes()
                    .zip(id.bytes())
                    .take_while(|(a, b)| a == b)
                    .count()
            })
        };
        let longest =
            shared(at.checked_sub(1).and_then(|i| ids.get(i))).max(shared(ids.get(at + 1)));
        (longest + 1).max(SHORTEST)
    };
    rows.items()
        .iter()
        .take(limit)
        .map(|r| {
            let id = rows.contact_id(r);
            let n = needed(id);
            id.get(..n).unwrap_or(id)
        })
        .collect()
}

/// Words into lines of at most `width` columns; a longer word is cut.
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let needed =
            measure_text_width(&line) + usize::from(!line.is_empty()) + measure_text_width(word);
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&truncate_str(word, width, "…"));
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_never_pass_the_width() {
        let text = "Thank Kwame for the conversation at Expo 2026 and recall what you talked about";
        for line in wrap(text, 24) {
            assert!(measure_text_width(&line) <= 24, "{line}");
        }
    }
}
