//! HTML tables: what many lead-retrieval and CRM tools save under an `.xls` name. The first
//! table is turned into tab-separated text for the CSV reader, tags removed and entities
//! decoded.

/// Whether the text is an HTML document with a table.
pub fn is_html_table(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(2048)
        .collect();
    let head = head.to_ascii_lowercase();
    head.starts_with('<') && text.to_ascii_lowercase().contains("<table")
}

/// The rows of the first table as tab-separated lines.
pub fn table_as_tsv(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let start = lower.find("<table").unwrap_or(0);
    let end = lower[start..]
        .find("</table")
        .map_or(text.len(), |e| start + e);
    let (table, table_lower) = (&text[start..end], &lower[start..end]);
    let mut out = String::new();
    for (row_start, _) in table_lower.match_indices("<tr") {
        let row_end = table_lower[row_start + 3..]
            .find("<tr")
            .map_or(table.len(), |e| row_start + 3 + e);
        let row = &table[row_start..row_end];
        let row_lower = &table_lower[row_start..row_end];
        let mut cells = Vec::new();
        let mut at = 0;
        while let Some(open) = find_cell(&row_lower[at..]) {
            let open = at + open;
            let Some(content) = row[open..].find('>').map(|g| open + g + 1) else {
                break;
            };
            let close = find_cell(&row_lower[content..])
                .map(|c| content + c)
                .unwrap_or(row.len());
            cells.push(cell_text(&row[content..close]));
            at = close;
        }
        if !cells.is_empty() {
            out.push_str(&cells.join("\t"));
            out.push('\n');
        }
    }
    out
}

/// Where the next `<td>` or `<th>` tag starts (not `<thead>`).
fn find_cell(lower: &str) -> Option<usize> {
    let tag = |name: &str| {
        lower.match_indices(name).map(|(i, _)| i).find(|&i| {
            lower[i + name.len()..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace())
        })
    };
    [tag("<td"), tag("<th")].into_iter().flatten().min()
}

/// A cell's text: tags removed, entities decoded, white space collapsed (a tab or newline
/// inside would break the row).
fn cell_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    let text = text
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_becomes_rows() {
        let html = "<html><body><table border=1>\n<thead><tr><th>Name</th><th>E-mail</th></tr></thead>\n\
                    <tr><td>Ana &amp; Bo</td><td><a href='mailto:x'>ana@x.example</a></td></tr>\n\
                    </table></body></html>";
        assert!(is_html_table(html));
        assert_eq!(
            table_as_tsv(html),
            "Name\tE-mail\nAna & Bo\tana@x.example\n"
        );
    }
}
