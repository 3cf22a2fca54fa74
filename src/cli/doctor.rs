//! `rolo doctor FILE...`: what rolo finds in a file before it is imported, and why.

use std::fmt::Write as _;

use clap::Args;

use crate::error::ExitStatus;
use crate::model::Origin;
use crate::pipeline::{self, Input};
use crate::printer::Printer;
use crate::read::mapping::Applied;

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// The files to look at.
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<String>,
    #[command(flatten)]
    pub read: super::args::ReadArgs,
}

/// How many rejects and values kept as written are shown per file.
const SHOWN: usize = 10;

pub fn doctor(args: DoctorArgs, printer: Printer) -> anyhow::Result<ExitStatus> {
    let input = super::args::InputArgs {
        files: args.files.clone(),
        merge: Vec::new(),
        event: None,
        met_on: None,
        read: args.read.clone(),
    };
    let (inputs, _, normalize) = input.resolve()?;
    let inputs: Vec<Input> = inputs
        .into_iter()
        .map(|i| Input {
            origin: Origin::Context,
            ..i
        })
        .collect();
    let checked = pipeline::read_checked(&inputs, &normalize, &crate::progress::Silent);
    let mut out = String::new();
    let mut failed = false;
    for (report, records, rejects) in &checked {
        let _ = writeln!(out, "{}", report.file);
        if let Some(err) = &report.error {
            failed = true;
            let _ = writeln!(out, "  cannot be read: {err}\n  hint: {}\n", err.hint());
            continue;
        }
        let info = &report.info;
        let mut format = format!("  format     {}", info.format);
        if let Some(enc) = info.encoding {
            let _ = write!(format, ", {enc}");
        }
        let _ = writeln!(out, "{format}");
        for note in &info.notes {
            let _ = writeln!(out, "  note       {note}");
        }
        for sheet in &info.skipped_sheets {
            let _ = writeln!(out, "  sheet \"{sheet}\": skipped, no contact column");
        }
        if let Some(capture) = &info.capture {
            out.push_str(&describe_capture(capture));
        }
        for table in &info.tables {
            let place = match &table.sheet {
                Some(sheet) => format!("sheet \"{sheet}\": "),
                None => String::new(),
            };
            let header = match table.header_row {
                Some(row) => format!("header on row {row}"),
                None => "no header row: columns recognised by their values".into(),
            };
            let applied = match table.applied {
                Some(Applied::Given) => ", mapping given applied",
                Some(Applied::Remembered) => ", mapping remembered for this header applied",
                None => "",
            };
            let _ = writeln!(out, "  {place}{header}{applied}");
            let width = table
                .columns
                .iter()
                .map(|c| c.header.chars().count())
                .max()
                .unwrap_or(0)
                .clamp(6, 28);
            let field_width = table
                .columns
                .iter()
                .map(|c| c.field.chars().count())
                .max()
                .unwrap_or(0)
                .clamp(5, 30);
            for c in &table.columns {
                let header: String = c.header.chars().take(width).collect();
                let samples = if c.samples.is_empty() {
                    "(empty)".to_string()
                } else {
                    c.samples.join(" | ")
                };
                let _ = writeln!(
                    out,
                    "    {header:<width$}  {:<field_width$}  {}: {samples}",
                    c.field, c.why
                );
            }
        }
        let _ = writeln!(
            out,
            "  records    {} read: {} kept, {} rejected",
            report.records,
            records.len(),
            rejects.len()
        );
        for reject in rejects.iter().take(SHOWN) {
            let _ = writeln!(out, "  reject     {}: {}", reject.prov, reject.reason);
        }
        let problems: Vec<String> = records
            .iter()
            .flat_map(|r| {
                r.problems.iter().map(move |p| {
                    format!(
                        "{}: {} {:?} kept as written: {}",
                        r.prov(),
                        p.field,
                        p.value.as_str(),
                        p.problem
                    )
                })
            })
            .collect();
        for p in problems.iter().take(SHOWN) {
            let _ = writeln!(out, "  raw        {p}");
        }
        if problems.len() > SHOWN {
            let _ = writeln!(out, "  raw        and {} more", problems.len() - SHOWN);
        }
        out.push('\n');
    }
    printer.data(&out)?;
    Ok(if failed {
        ExitStatus::Failure
    } else {
        ExitStatus::Success
    })
}

/// The codes of an image with their payloads, and the lines read by OCR with the value each
/// became.
fn describe_capture(capture: &crate::read::image::Capture) -> String {
    let mut out = String::new();
    for code in &capture.codes {
        let payload: String = code
            .payload
            .trim()
            .replace("\r\n", " ⏎ ")
            .replace('\n', " ⏎ ")
            .chars()
            .take(300)
            .collect();
        let _ = writeln!(
            out,
            "  code       {} at ({}, {}): {payload}",
            code.symbology, code.at.0, code.at.1
        );
    }
    if capture.codes.is_empty() {
        let _ = writeln!(out, "  code       none found");
    }
    let Some(page) = &capture.page else {
        return out;
    };
    let _ = writeln!(
        out,
        "  ocr        {} line(s) read in {}{}",
        page.lines.len(),
        page.languages,
        if page.flattened {
            ", the card's edges found and its perspective flattened"
        } else {
            ", no card edges found: the image read as it is"
        }
    );
    for (i, line) in page.lines.iter().enumerate() {
        let fields: Vec<String> = capture
            .readings
            .iter()
            .filter(|r| r.line == i)
            .map(|r| {
                let unsure = if r.confidence < crate::read::card::TRUSTED {
                    ", unsure: kept as written"
                } else {
                    ""
                };
                let kinds = r.kind.types.join(",");
                if kinds.is_empty() {
                    format!("{}{unsure}", r.field)
                } else {
                    format!("{} ({kinds}){unsure}", r.field)
                }
            })
            .collect();
        let became = if fields.is_empty() {
            "-".to_string()
        } else {
            fields.join(", ")
        };
        let _ = writeln!(
            out,
            "    {:>3.0}% {:>3}px  {:<44}  {became}",
            line.confidence.max(0.0),
            line.height,
            line.text
        );
    }
    out
}
