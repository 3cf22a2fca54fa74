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
        flags.extend(r.overdue_text());
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
        if !r.last_touch.is_empty() {
            writeln!(w, "  - Last touch: {}", escape(&r.last_touch))?;
        }
        writeln!(w, "  - Priority {}: {}", r.priority, escape(&r.reasons))?;
        if !r.draft_body.is_empty() {
            writeln!(w)?;
            writeln!(
                w,
                "  <details><summary>Draft: {}</summary>\n",
                html_escape(&r.draft_subject)
            )?;
            for l in lines(&r.draft_body) {
                if l.trim().is_empty() {
                    writeln!(w, "  >")?;
                } else {
                    writeln!(w, "  > {}", escape_line(l))?;
                }
            }
            writeln!(w, "\n  </details>\n")?;
        }
    }
    Ok(())
}

/// Whatever a Markdown reader takes for the end of a line: CommonMark's line feed and carriage
/// return, and the vertical tab, form feed and Unicode separators some renderers honour too.
fn is_break(ch: char) -> bool {
    matches!(
        ch,
        '\n' | '\r' | '\u{b}' | '\u{c}' | '\u{85}' | '\u{2028}' | '\u{2029}'
    )
}

/// A text's lines, split at every kind of line break ([`is_break`]; CRLF is one).
fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.split("\r\n").flat_map(|l| l.split(is_break))
}

/// A value on one line of Markdown: line breaks become spaces (so that no value starts a line,
/// where `~~~` or a fence would open a code block), other control characters are dropped, and
/// the characters Markdown reads as markup are escaped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        if is_break(ch) {
            out.push(' ');
            continue;
        }
        if ch.is_control() && ch != '\t' {
            continue;
        }
        if matches!(
            ch,
            '\\' | '*' | '_' | '`' | '~' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

/// A line of a draft, which starts a line of the quote: escaped as a value, and a start that
/// would make a list, a heading underline or a rule (`- `, `+ `, `1. `, `===`) escaped too.
fn escape_line(line: &str) -> String {
    let text = escape(line.trim_start());
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let starts_block = text.starts_with(['-', '+', '='])
        || (digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.' | b')')));
    if starts_block {
        let at = if digits > 0 { digits } else { 0 };
        format!("{}\\{}", &text[..at], &text[at..])
    } else {
        text
    }
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

    #[test]
    fn no_value_can_start_a_line_or_a_fence() {
        assert_eq!(
            super::escape("hi\r~~~\u{2028}```"),
            "hi \\~\\~\\~ \\`\\`\\`"
        );
        let quoted: Vec<String> = super::lines("a\rb\r\nc\n- d\n1. e")
            .map(super::escape_line)
            .collect();
        assert_eq!(quoted, ["a", "b", "c", "\\- d", "1\\. e"]);
    }
}
