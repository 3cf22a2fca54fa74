//! Progress of a run, reported by the pipeline through [`Reporter`] and drawn by `indicatif` on a
//! terminal. Off a terminal, with `--quiet`, or with `ROLO_NO_PROGRESS` set nothing is drawn.

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// What the pipeline tells about its progress.
pub trait Reporter: Sync {
    /// A file is being read.
    fn reading(&self, _file: &str) {}
    /// `n` more records were read.
    fn records(&self, _n: u64) {}
    /// A stage after reading has begun.
    fn stage(&self, _what: &str) {}
    /// The run is over; clear what is drawn.
    fn finish(&self) {}
}

/// Reports nothing.
pub struct Silent;

impl Reporter for Silent {}

/// A spinner on stderr with the file being read and the records counted.
pub struct Spinner {
    bar: ProgressBar,
}

impl Spinner {
    /// A spinner, hidden unless stderr is a terminal and progress is wanted.
    pub fn new(show: bool) -> Spinner {
        let target = if show {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        bar.set_style(
            ProgressStyle::with_template("{spinner} {msg} {human_pos} records [{elapsed}]")
                .unwrap_or_else(|_| ProgressStyle::default_spinner()),
        );
        bar.enable_steady_tick(std::time::Duration::from_millis(120));
        Spinner { bar }
    }
}

impl Reporter for Spinner {
    fn reading(&self, file: &str) {
        self.bar
            .set_message(format!("reading {}", crate::printer::shown(file)));
    }

    fn records(&self, n: u64) {
        self.bar.inc(n);
    }

    fn stage(&self, what: &str) {
        self.bar.set_message(what.to_string());
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The most memory the process has held so far (its peak resident set), where the system says
/// (Linux); for the stage report of `-v`.
pub fn peak_memory() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}

/// How long a stage took, and the peak memory when it ended.
#[derive(Debug, Clone)]
pub struct Timing {
    pub stage: &'static str,
    pub took: std::time::Duration,
    pub peak: Option<u64>,
}

impl Timing {
    /// The stage that began at `started` has just ended.
    pub fn since(stage: &'static str, started: std::time::Instant) -> Timing {
        Timing {
            stage,
            took: started.elapsed(),
            peak: peak_memory(),
        }
    }
}

impl std::fmt::Display for Timing {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {:.2} s", self.stage, self.took.as_secs_f64())?;
        if let Some(peak) = self.peak {
            write!(f, " (peak memory so far {} MB)", peak >> 20)?;
        }
        Ok(())
    }
}
