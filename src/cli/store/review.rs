//! `rolo review`: the pairs that may be one person, answered on a terminal or by their ids.

use std::fmt::Write as _;

use anyhow::bail;
use clap::Args;

use super::derive;
use crate::error::ExitStatus;
use crate::pipeline::Derived;
use crate::printer::Printer;
use crate::store::Store;
use crate::store::{Decision, DecisionKind};

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The pair (LEFT_ID-RIGHT_ID, as listed) is one person.
    #[arg(long, value_name = "ID", conflicts_with = "reject")]
    accept: Option<String>,
    /// The pair is two people.
    #[arg(long, value_name = "ID")]
    reject: Option<String>,
}

/// The ID of a review pair: its two contacts' ids.
fn pair_id(derived: &Derived, p: &crate::resolve::ReviewPair) -> String {
    let c = &derived.resolved.contacts;
    format!("{}-{}", c[p.left].id, c[p.right].id)
}

pub(super) fn review(
    db: &mut Store,
    args: &ReviewArgs,
    printer: Printer,
) -> anyhow::Result<ExitStatus> {
    use std::io::{BufRead, IsTerminal};
    let derived = derive(db, None)?;
    let pairs = &derived.resolved.review;
    let answer = |db: &mut Store, p: &crate::resolve::ReviewPair, same: bool| {
        let c = &derived.resolved.contacts;
        db.decide(&Decision {
            records: derived.record_ids(p.left),
            kind: if same {
                DecisionKind::Merge {
                    other: derived.record_ids(p.right),
                }
            } else {
                DecisionKind::Apart {
                    other: derived.record_ids(p.right),
                }
            },
            about: Some(format!(
                "{} and {}: {}",
                c[p.left].display_name(),
                c[p.right].display_name(),
                if same {
                    "one person"
                } else {
                    "two people, kept apart"
                }
            )),
        })
    };
    let describe = |p: &crate::resolve::ReviewPair| {
        let c = &derived.resolved.contacts;
        let who = |i: usize| {
            let x = &c[i];
            let mut s = x.display_name();
            if let Some(o) = x.organization() {
                let _ = write!(s, ", {o}");
            }
            if let Some(e) = x.emails.first() {
                let _ = write!(s, " <{e}>");
            }
            let records: Vec<String> = x.sources.iter().map(|p| p.short()).collect();
            let _ = write!(s, "\n    records: {}", records.join(", "));
            s
        };
        format!(
            "{}\n  {}\n  {}\n  score {:+.1}: {}\n",
            pair_id(&derived, p),
            who(p.left),
            who(p.right),
            p.score,
            p.evidence
        )
    };
    if let Some((id, same)) = args
        .accept
        .as_ref()
        .map(|id| (id, true))
        .or(args.reject.as_ref().map(|id| (id, false)))
    {
        let Some(p) = pairs.iter().find(|p| pair_id(&derived, p) == id.trim()) else {
            bail!("{id}: no such pair to review (list them with `rolo review`)");
        };
        answer(db, p, same)?;
        printer.message(format!(
            "{}: {}",
            id.trim(),
            if same {
                "one person, merged"
            } else {
                "two people, kept apart"
            }
        ));
        return Ok(ExitStatus::Success);
    }
    if pairs.is_empty() {
        printer.message("nothing to review");
        return Ok(ExitStatus::Success);
    }
    if !std::io::stdin().is_terminal() {
        let mut out = String::new();
        for p in pairs {
            out.push_str(&describe(p));
        }
        let _ = writeln!(
            out,
            "{} pair(s); answer with rolo review --accept ID or --reject ID",
            pairs.len()
        );
        printer.data(&out)?;
        return Ok(ExitStatus::Success);
    }
    let stdin = std::io::stdin();
    let mut lines = stdin.lock().lines();
    let (mut merged, mut apart) = (0, 0);
    let total = pairs.len();
    'pairs: for (k, p) in pairs.iter().enumerate() {
        printer.data(&format!("\npair {} of {total}: {}", k + 1, describe(p)))?;
        loop {
            printer.data("one person? [y]es, [n]o, [s]kip, [q]uit, [?] help: ")?;
            let Some(Ok(line)) = lines.next() else {
                break 'pairs;
            };
            match line.trim().to_lowercase().as_str() {
                "y" | "yes" => {
                    answer(db, p, true)?;
                    merged += 1;
                }
                "n" | "no" => {
                    answer(db, p, false)?;
                    apart += 1;
                }
                "s" | "skip" => {}
                "q" | "quit" => break 'pairs,
                "?" | "h" | "help" => {
                    printer.data(
                        "  y: one person: merge them (remembered by later imports)\n  \
                         n: two people: keep them apart (remembered too)\n  \
                         s: decide later\n  q: stop here; what was answered is kept\n",
                    )?;
                    continue;
                }
                _ => {
                    printer.data("  answer y, n, s or q (? for help)\n")?;
                    continue;
                }
            }
            break;
        }
    }
    printer.message(format!("{merged} merged, {apart} kept apart"));
    Ok(ExitStatus::Success)
}
