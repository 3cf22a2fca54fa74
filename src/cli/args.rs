//! Options shared by commands: the files to read and their event, and how the worklist is
//! planned.

use std::path::PathBuf;

use clap::Args;

use crate::model::Origin;
use crate::normalize::Options;
use crate::pipeline::Input;
use crate::settings;
use crate::tag::Event;
use crate::worklist::Plan;

#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files captured at the event: badge scans, card-scanner exports, lists (CSV, vCard, xlsx,
    /// xls, ods).
    #[arg(value_name = "FILE", required_unless_present = "merge")]
    pub files: Vec<String>,
    /// A context file (address book, phone, LinkedIn): merged with the rest, not tagged unless
    /// its own timestamp falls in the --met-on window. Repeat for several files.
    #[arg(long, value_name = "FILE")]
    pub merge: Vec<String>,
    /// The event where the FILE records were met. Without it nothing is tagged.
    #[arg(long, value_name = "NAME")]
    pub event: Option<String>,
    /// The event's day or days: YYYY-MM-DD or YYYY-MM-DD..YYYY-MM-DD.
    #[arg(long, value_name = "DATE")]
    pub met_on: Option<String>,
    #[command(flatten)]
    pub read: ReadArgs,
}

/// How files are read: the flags `run`, `import` and `doctor` share.
#[derive(Debug, Clone, Args)]
pub struct ReadArgs {
    /// Country for phone numbers written without a country code [default: from the locale, else
    /// US]. A record's own country wins.
    #[arg(long, value_name = "CC")]
    pub region: Option<String>,
    /// What a column holds, where rolo reads it wrong: COLUMN=FIELD (the field names `rolo
    /// doctor` prints: given_name, phone, phone_extension, street, custom...). Repeat for
    /// several columns.
    #[arg(long = "map", value_name = "COLUMN=FIELD")]
    pub map: Vec<String>,
    /// A TOML mapping file: a [columns] table of "Column" = "field".
    #[arg(long, value_name = "FILE")]
    pub mapping: Option<PathBuf>,
    /// The languages of the printed text on photos of cards, for OCR: ISO codes or Tesseract's
    /// (de,en or deu+eng) [default: English and the locale's language]
    #[arg(long, value_name = "LANGS", env = "ROLO_OCR_LANG")]
    pub ocr_lang: Option<String>,
}

impl InputArgs {
    /// The files with their origin, the event, and the normalization options.
    pub fn resolve(&self) -> anyhow::Result<(Vec<Input>, Event, Options)> {
        let window = self.met_on.as_deref().map(settings::met_on).transpose()?;
        let read = std::sync::Arc::new(crate::read::mapping::Options {
            mapping: self.read.mapping()?,
            profiles: Vec::new(),
            ocr_lang: self.read.ocr_lang.clone(),
        });
        let region = settings::region(self.read.region.as_deref())?;
        let inputs = settings::expand_folders(&self.files)
            .into_iter()
            .map(|file| Input {
                file,
                origin: Origin::Event,
                read: read.clone(),
            })
            .chain(
                settings::expand_folders(&self.merge)
                    .into_iter()
                    .map(|file| Input {
                        file,
                        origin: Origin::Context,
                        read: read.clone(),
                    }),
            )
            .collect();
        let name = self
            .event
            .as_ref()
            .map(|e| e.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|e| !e.is_empty());
        Ok((inputs, Event { name, window }, Options { region }))
    }
}

impl ReadArgs {
    /// The mapping `--mapping FILE` and `--map COLUMN=FIELD` give (a `--map` wins).
    pub fn mapping(&self) -> anyhow::Result<crate::read::mapping::Mapping> {
        use crate::error::BadOption;
        let mut mapping = match &self.mapping {
            Some(path) => {
                let text = fs_err::read_to_string(path)?;
                crate::read::mapping::Mapping::from_toml(&text).map_err(|why| BadOption {
                    message: format!("--mapping {}: {why}", path.display()),
                    hint: "write a [columns] table of \"Column\" = \"field\"; rolo doctor FILE prints each column's field".into(),
                })?
            }
            None => Default::default(),
        };
        mapping.add_pairs(&self.map).map_err(|why| BadOption {
            message: why,
            hint: "rolo doctor FILE prints each column's field".into(),
        })?;
        Ok(mapping)
    }
}

#[derive(Debug, Args)]
pub struct PlanArgs {
    /// The day the worklist is computed for [default: today].
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// A cadence file (TOML) that replaces the default steps, their days, actions and drafts;
    /// `default` for rolo's own.
    #[arg(long, value_name = "FILE")]
    pub cadence: Option<PathBuf>,
    /// List every step due within this many days (0: today's), not only each contact's next one,
    /// and none due later.
    #[arg(long, value_name = "DAYS", value_parser = clap::value_parser!(i64).range(0..=3650))]
    pub horizon: Option<i64>,
    /// Schedule at most N steps a day, the most important first; the rest move to later days.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    pub per_day: Option<u32>,
    /// With --per-day, schedule on Saturdays and Sundays too.
    #[arg(long, requires = "per_day")]
    pub weekends: bool,
    /// The name drafted messages are signed with [env: ROLO_FROM_NAME].
    #[arg(long, value_name = "NAME")]
    pub from_name: Option<String>,
}

impl PlanArgs {
    /// The flags of the settings (see [`settings::Settings::resolve`]).
    pub fn given(&self) -> settings::Given<'_> {
        settings::Given {
            cadence: self.cadence.as_deref(),
            from_name: self.from_name.as_deref(),
            region: None,
        }
    }

    /// The plan, with the settings in force.
    pub fn plan(&self, settings: &settings::Settings) -> anyhow::Result<Plan> {
        Ok(Plan {
            cadence: settings.cadence.value.clone(),
            today: settings::today(self.today.as_deref())?,
            horizon: self.horizon,
            per_day: self.per_day.map(|n| n as usize),
            weekends: self.weekends,
            from_name: settings.from_name.as_ref().map(|s| s.value.clone()),
        })
    }
}
