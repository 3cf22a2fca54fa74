//! The worklist as one self-contained page to work through or print: no script, font or image
//! from the network. A chart of the steps per day, then a checklist per day; each step links to
//! its channel: `mailto:` with the drafted subject and body filled in, `tel:`, the LinkedIn
//! profile.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::NaiveDate;

use crate::worklist::Row;

const STYLE: &str = "
body{font:15px/1.45 system-ui,-apple-system,'Segoe UI',sans-serif;margin:2rem auto;max-width:52rem;padding:0 1rem;color:#1d1d1f}
h1{font-size:1.5rem;margin-bottom:.2rem}
h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #ddd;padding-bottom:.2rem}
.sub{color:#666;margin-top:0}
ul{list-style:none;padding:0}
h2{break-after:avoid;page-break-after:avoid}
li{margin:.8rem 0;padding:.6rem .8rem;border:1px solid #e3e3e3;border-radius:6px;break-inside:avoid;page-break-inside:avoid}
li label{font-weight:600}
.org,.meta{color:#555}
.overdue{color:#b00020;font-weight:600}
.action{margin:.3rem 0}
.links a{margin-right:1rem}
details{margin-top:.4rem}
pre{white-space:pre-wrap;font:inherit;background:#f6f6f6;padding:.5rem;border-radius:4px}
svg text{font-size:11px;fill:#333}
svg{break-inside:avoid}
.printed{display:none}
@media print{body{margin:0;max-width:none}a{color:inherit;text-decoration:none}details{display:none}.printed{display:block}}
";

pub fn write(w: &mut dyn Write, rows: &[Row], today: NaiveDate) -> io::Result<()> {
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Follow-ups from {day}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <h1>Follow-ups</h1>\n<p class=\"sub\">from {day}: {n} step{s}</p>\n",
        day = today.format("%A %-d %B %Y"),
        n = rows.len(),
        s = if rows.len() == 1 { "" } else { "s" },
    );
    chart(&mut out, rows);
    let mut day = None;
    for (i, r) in rows.iter().enumerate() {
        if day != Some(r.due) {
            if day.is_some() {
                out.push_str("</ul>\n</section>\n");
            }
            day = Some(r.due);
            let _ = write!(
                out,
                "<section>\n<h2 id=\"d{}\">{}</h2>\n<ul>\n",
                r.due,
                r.due.format("%A %-d %B %Y")
            );
        }
        item(&mut out, r, i);
    }
    if day.is_some() {
        out.push_str("</ul>\n</section>\n");
    } else {
        out.push_str("<p>Nothing to follow up.</p>\n");
    }
    out.push_str("</body>\n</html>\n");
    w.write_all(out.as_bytes())
}

/// A bar per day with the number of steps on it.
fn chart(out: &mut String, rows: &[Row]) {
    let mut days: Vec<(NaiveDate, usize)> = Vec::new();
    for r in rows {
        match days.last_mut() {
            Some((d, n)) if *d == r.due => *n += 1,
            _ => days.push((r.due, 1)),
        }
    }
    if days.is_empty() {
        return;
    }
    let days = &days[..days.len().min(60)];
    let most = days.iter().map(|(_, n)| *n).max().unwrap_or(1).max(1);
    let (bar, gap, height) = (36, 8, 80);
    let width = days.len() * (bar + gap);
    let _ = write!(
        out,
        "<figure>\n<svg role=\"img\" aria-label=\"Steps per day\" width=\"{width}\" height=\"{}\" \
         viewBox=\"0 0 {width} {}\">\n",
        height + 34,
        height + 34
    );
    for (i, (d, n)) in days.iter().enumerate() {
        let h = (n * height / most).max(2);
        let x = i * (bar + gap);
        let _ = writeln!(
            out,
            "<g><title>{d}: {n}</title><rect x=\"{x}\" y=\"{}\" width=\"{bar}\" height=\"{h}\" \
             fill=\"#4a7bd0\"/><text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{n}</text>\
             <text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text></g>",
            12 + height - h,
            x + bar / 2,
            10 + height - h,
            x + bar / 2,
            height + 28,
            d.format("%d/%m"),
        );
    }
    out.push_str("</svg>\n<figcaption>Steps per day</figcaption>\n</figure>\n");
}

fn item(out: &mut String, r: &Row, i: usize) {
    let _ = write!(
        out,
        "<li>\n<input type=\"checkbox\" id=\"s{i}\"> <label for=\"s{i}\">{}</label>",
        esc(&r.name)
    );
    if !r.organization.is_empty() {
        let _ = write!(out, " <span class=\"org\">{}</span>", esc(&r.organization));
    }
    if let Some(overdue) = r.overdue_text() {
        let _ = write!(out, " <span class=\"overdue\">{overdue}</span>");
    }
    let _ = write!(
        out,
        "\n<div class=\"action\">{}</div>\n<div class=\"links\">",
        esc(&r.action)
    );
    if !r.email.is_empty() {
        let href = format!(
            "mailto:{}?subject={}&body={}",
            mailto_address(&r.email),
            percent(&r.draft_subject),
            percent(&r.draft_body.replace('\n', "\r\n"))
        );
        let _ = write!(
            out,
            "<a href=\"{}\">Email {}</a>",
            esc(&href),
            esc(&r.email)
        );
    }
    if !r.phone.is_empty() {
        let _ = write!(out, "<a href=\"tel:{0}\">Call {0}</a>", esc(&r.phone));
    }
    if !r.linkedin.is_empty() {
        let _ = write!(out, "<a href=\"{}\">LinkedIn</a>", esc(&r.linkedin));
    }
    out.push_str("</div>\n");
    let mut meta = vec![format!("{} step", esc(&r.step))];
    if !r.event.is_empty() {
        meta.push(format!("met at {}", esc(&r.event)));
    }
    meta.push(format!("priority {}: {}", r.priority, esc(&r.reasons)));
    let _ = writeln!(out, "<div class=\"meta\">{}</div>", meta.join(" · "));
    if !r.notes.is_empty() {
        let _ = writeln!(out, "<div class=\"meta\">Notes: {}</div>", esc(&r.notes));
    }
    if !r.last_touch.is_empty() {
        let _ = writeln!(
            out,
            "<div class=\"meta\">Last touch: {}</div>",
            esc(&r.last_touch)
        );
    }
    if !r.draft_body.is_empty() {
        let _ = writeln!(
            out,
            "<details><summary>Draft: {0}</summary><pre>{1}</pre></details>\n\
             <div class=\"printed\"><div class=\"meta\">Draft: {0}</div><pre>{1}</pre></div>",
            esc(&r.draft_subject),
            esc(&r.draft_body)
        );
    }
    out.push_str("</li>\n");
}

fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

/// The address of a `mailto:` link (RFC 6068 2): percent-encoded but for the unreserved
/// characters and the `@`, so that a `%2C` or a `,` in it cannot add a recipient and a `?` or
/// `&` cannot add a header.
pub(super) fn mailto_address(email: &str) -> String {
    percent(email).replace("%40", "@")
}

/// Percent-encoding of a `mailto:` header value (RFC 6068): everything but the unreserved
/// characters, so that spaces, line breaks, `&` and `?` survive.
fn percent(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 3);
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}
