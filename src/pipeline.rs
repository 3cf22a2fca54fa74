//! The one code path of a run: read every file, normalize every record, resolve, tag, and
//! build the worklist. Writing the outputs is left to the caller.

use crate::model::{Origin, Record, Reject};
use crate::normalize::{self, Options};
use crate::progress::Reporter;
use crate::read::{self, FileInfo, ReadError};
use crate::resolve::{self, Resolved};
use crate::tag::{self, Event};
use crate::worklist::{self, Plan, Row};

/// A file to read, and whether it was captured at the event or is context.
#[derive(Debug, Clone)]
pub struct Input {
    pub file: String,
    pub origin: Origin,
}

/// Everything a run needs, resolved from flags, environment and locale.
#[derive(Debug, Clone)]
pub struct RunSettings {
    pub inputs: Vec<Input>,
    pub event: Event,
    pub normalize: Options,
    /// The worklist's cadence, day, horizon, daily capacity and sender.
    pub plan: Plan,
    /// Two records or contacts whose evidence to explain (`--explain A B`).
    pub explain: Option<(String, String)>,
}

/// What happened to one file.
#[derive(Debug)]
pub struct FileReport {
    pub file: String,
    pub origin: Origin,
    pub info: FileInfo,
    /// The file could not be read at all.
    pub error: Option<ReadError>,
    pub records: u64,
    pub rejected: u64,
    pub warnings: u64,
    pub photos: u64,
    /// The first few warnings and rejects, with where they are, for the summary.
    pub examples: Vec<String>,
}

/// The result of a run.
#[derive(Debug)]
pub struct Outcome {
    pub files: Vec<FileReport>,
    pub records: Vec<Record>,
    pub rejects: Vec<Reject>,
    pub resolved: Resolved,
    pub tagged: usize,
    pub worklist: Vec<Row>,
    /// How long each stage took.
    pub timings: Vec<(&'static str, std::time::Duration)>,
    /// The evidence `--explain` asked for, or why it could not be given.
    pub explained: Option<Result<String, String>>,
}

impl Outcome {
    /// Some file could not be read.
    pub fn had_file_errors(&self) -> bool {
        self.files.iter().any(|f| f.error.is_some())
    }
}

const EXAMPLES_PER_FILE: usize = 3;

/// Runs the pipeline.
pub fn run(settings: &RunSettings, reporter: &dyn Reporter) -> Outcome {
    let started = std::time::Instant::now();
    let mut timings = Vec::new();
    let mut records = Vec::new();
    let mut rejects = Vec::new();
    let mut files = Vec::new();
    for input in &settings.inputs {
        reporter.reading(&input.file);
        files.push(read_file(
            input,
            &settings.normalize,
            &mut records,
            &mut rejects,
            reporter,
        ));
    }
    // Records are many and large: no spare capacity from the vector's doubling.
    records.shrink_to_fit();
    timings.push(("read and normalize", started.elapsed()));
    let started = std::time::Instant::now();
    reporter.stage("resolving");
    // The merged view moves values out of the records; explaining needs them as they were.
    let snapshot = settings.explain.as_ref().map(|_| records.clone());
    let mut resolved = resolve::resolve(&mut records);
    let explained = settings
        .explain
        .as_ref()
        .zip(snapshot)
        .map(|((a, b), snapshot)| resolve::explain(&snapshot, &resolved.contacts, a, b));
    timings.push(("resolve", started.elapsed()));
    let started = std::time::Instant::now();
    reporter.stage("tagging");
    let tagged = tag::tag(&mut resolved.contacts, &records, &settings.event);
    timings.push(("tag", started.elapsed()));
    let started = std::time::Instant::now();
    // Without `--event` a run is a clean-and-merge: events read back from an earlier export are
    // kept on the contacts, but there is nothing new to follow up.
    let worklist = if settings.event.name.is_some() {
        worklist::build(&resolved.contacts, &settings.plan)
    } else {
        Vec::new()
    };
    timings.push(("worklist", started.elapsed()));
    Outcome {
        files,
        records,
        rejects,
        resolved,
        tagged,
        worklist,
        timings,
        explained,
    }
}

fn read_file(
    input: &Input,
    opts: &Options,
    records: &mut Vec<Record>,
    rejects: &mut Vec<Reject>,
    reporter: &dyn Reporter,
) -> FileReport {
    let mut report = FileReport {
        file: input.file.clone(),
        origin: input.origin,
        info: FileInfo::default(),
        error: None,
        records: 0,
        rejected: 0,
        warnings: 0,
        photos: 0,
        examples: Vec::new(),
    };
    let opened = match read::open(&input.file) {
        Ok(opened) => opened,
        Err(err) => {
            report.error = Some(err);
            return report;
        }
    };
    report.info = opened.info;
    let mut batch = 0;
    for item in opened.records {
        report.records += 1;
        batch += 1;
        if batch == 1000 {
            reporter.records(batch);
            batch = 0;
        }
        let reject = match item {
            Ok(raw) => {
                let mut record = normalize::normalize(raw, opts);
                record.origin = input.origin;
                if record.is_identifiable() {
                    for w in &record.warnings {
                        report.warnings += 1;
                        if let Some(n) = w.strip_suffix(read::vcard::PHOTOS_NOT_STORED) {
                            report.photos += n.parse::<u64>().unwrap_or(1);
                        } else if report.examples.len() < EXAMPLES_PER_FILE {
                            report.examples.push(format!("{}: {w}", record.prov()));
                        }
                    }
                    // The original text is kept for rejects only: a contact keeps every value.
                    record.raw = String::new();
                    records.push(record);
                    continue;
                }
                let prov = record.prov().clone();
                Reject {
                    prov,
                    reason: "no name, email, phone or URL".into(),
                    raw: record.raw,
                }
            }
            Err(reject) => reject,
        };
        report.rejected += 1;
        if report.examples.len() < EXAMPLES_PER_FILE {
            report
                .examples
                .push(format!("{}: rejected: {}", reject.prov, reject.reason));
        }
        rejects.push(reject);
    }
    reporter.records(batch);
    report
}
