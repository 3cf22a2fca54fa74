//! The worklist as a Markdown checklist, grouped by day: each step a box to tick with the
//! person, their organization, the channel and the action, the notes, and the drafted message
//! in a collapsible block.

use std::io::{self, Write};

use chrono::NaiveDate;

use crate::worklist::Row;

pub fn write(w: &mut dyn Write, rows: &[Row], today: NaiveDate) -> io::Result<()> {
    writeln!(w, "# Follow-ups from {}", today.format("%A %-d %B %Y"))?;
    if rows.is_empty() {
        writeln!(w, "\nNothing to follow up.")?;
    }
    let mut day = None;
    for r in rows {
        if day != Some(r.due) {
            day = Some(r.due);
            let n = rows.iter().filter(|x| x.due == r.due).count();
            writeln!(w, "\n## {} ({n})\n", r.due.format("%A %-d %B %Y"))?;
        }
        let who = if r.organization.is_empty() {
            format!("**{}**", escape(&r.name))
        } else {
            format!("**{}**, {}", escape(&r.name), escape(&r.organization))
        };
        let mut flags = Vec::new();
        if r.overdue {
            flags.push("overdue".to_string());
        }
        if let Some(from) = r.moved_from {
            flags.push(format!("moved from {from}"));
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" _({})_", flags.join(", "))
        };
        writeln!(
            w,
            "- [ ] {who}: {} via {}{flags}",
            r.step,
            r.channel.as_str()
        )?;
        writeln!(w, "  - {}", escape(&r.action))?;
        if !r.notes.is_empty() {
            writeln!(w, "  - Notes: {}", escape(&r.notes))?;
        }
        writeln!(w, "  - Priority {}: {}", r.priority, escape(&r.reasons))?;
        if !r.draft_body.is_empty() {
            writeln!(w)?;
            writeln!(
                w,
                "  <details><summary>Draft: {}</summary>\n",
                html_escape(&r.draft_subject)
            )?;
            for l in r.draft_body.lines() {
                if l.is_empty() {
                    writeln!(w, "  >")?;
                } else {
                    writeln!(w, "  > {}", escape(l))?;
                }
            }
            writeln!(w, "\n  </details>\n")?;
        }
    }
    Ok(())
}

/// Characters that Markdown would read as markup.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if matches!(
            ch,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out.replace('\n', " ")
}

fn html_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_in_names_is_escaped() {
        assert_eq!(super::escape("*Ann* [x]"), "\\*Ann\\* \\[x\\]");
    }
}
