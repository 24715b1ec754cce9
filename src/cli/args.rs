//! Command-line options. The doc comments are the help text.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

/// newborn：宝宝出生后要办的事——出生医学证明、上户口、医保、社保卡……按您所在地区的规定，
/// 排成有日期、有顺序的个人清单。完全离线。
///
/// An offline checklist for parents in mainland China after a baby is born.
#[derive(Debug, Parser)]
#[command(name = "newborn", version, about, long_about = None)]
#[command(
    after_help = "Exit status: 0 success, 1 failure (files, playbooks, state), 2 usage (bad options or values).\n例：newborn plan --region hebei --birth-date 2026-10-08"
)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

/// Options every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// Where progress is kept [default: the platform's data dir for newborn]
    #[arg(long, global = true, env = "NEWBORN_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Plan as if today were DATE (YYYY-MM-DD) [default: the system clock]
    #[arg(long, global = true, env = "NEWBORN_TODAY", value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Which baby (when there are several)
    #[arg(long, global = true, value_name = "NAME")]
    pub baby: Option<String>,

    /// A folder of extra playbooks (*.toml); one with a shipped id replaces it
    #[arg(long, global = true, env = "NEWBORN_REGIONS_DIR", value_name = "DIR")]
    pub regions_dir: Option<PathBuf>,

    /// A holiday schedule (holiday-cn JSON) for a year newborn does not know yet
    #[arg(long, global = true, value_name = "FILE")]
    pub calendar: Vec<PathBuf>,

    /// Print data as JSON
    #[arg(long, global = true)]
    pub json: bool,

    /// Interface language: zh or en [default: from LC_ALL / LC_MESSAGES / LANG, Chinese otherwise]
    #[arg(long, global = true, value_name = "LANG")]
    pub lang: Option<crate::lang::Lang>,

    /// Colour the statuses: auto (only on a terminal, and not when NO_COLOR is set), always, never
    #[arg(long, global = true, value_name = "WHEN", default_value = "auto")]
    pub color: ColorChoice,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output.
    pub fn enabled(self) -> bool {
        use std::io::IsTerminal;
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                    && std::io::stdout().is_terminal()
            }
        }
    }
}

// A region, birth date and facts given on the command line (no doc comment: it would become
// the about text of the commands that flatten it).
#[derive(Debug, Args, Clone, Default)]
pub struct FamilyArgs {
    /// The region's playbook id (see `newborn regions`), e.g. hebei
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,

    /// The baby's birth date, YYYY-MM-DD
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub birth_date: Option<NaiveDate>,

    /// A fact about the family, e.g. --set father_hukou=other (repeatable; see `newborn facts`)
    #[arg(long = "set", value_name = "FACT=VALUE")]
    pub set: Vec<String>,
}

/// Each command's own options are built only when it is the one run (`defer`), which keeps
/// start-up small.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub enum Command {
    /// Set up a baby: region, birth date and the family's facts (asks when run in a terminal)
    Init {
        #[command(flatten)]
        family: FamilyArgs,
        /// Replace an existing profile (progress is kept)
        #[arg(long)]
        force: bool,
    },
    /// The whole plan as a table (with --region and --birth-date: a one-off plan, nothing saved)
    Plan {
        #[command(flatten)]
        family: FamilyArgs,
        /// Also list the steps that do not apply, with why
        #[arg(long)]
        all: bool,
    },
    /// The next step: where to go, the route, materials, tips
    Next {
        #[command(flatten)]
        family: FamilyArgs,
    },
    /// Mark steps done (STEP: an id, a unique prefix, or the plan's number)
    Done {
        #[arg(required = true, value_name = "STEP")]
        steps: Vec<String>,
        /// The day it was done [default: today]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        on: Option<NaiveDate>,
    },
    /// Mark steps not done again
    Undo {
        #[arg(required = true, value_name = "STEP")]
        steps: Vec<String>,
    },
    /// Everything about one step: why it applies, its source, how its deadline was counted
    Show {
        #[arg(value_name = "STEP")]
        step: String,
        #[command(flatten)]
        family: FamilyArgs,
    },
    /// Every document the remaining steps need, merged and grouped by where you go
    Materials {
        #[command(flatten)]
        family: FamilyArgs,
    },
    /// Export the checklist
    Export {
        /// markdown, json or ics
        #[arg(long, default_value = "markdown", value_name = "FORMAT")]
        format: String,
        /// Write to FILE instead of standard output
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        family: FamilyArgs,
    },
    /// The playbooks available
    Regions,
    /// Validate playbook files (all playbooks when no PATH is given)
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// The years whose official holiday schedule is known, and where each came from
    Calendar,
    /// The babies set up in the data dir
    Babies,
    /// Merge progress from another copy of the data dir (e.g. the other parent's synced folder)
    Sync {
        /// The other data dir
        #[arg(value_name = "FROM_DIR")]
        from: PathBuf,
    },
    /// The facts a profile holds, their allowed values and defaults
    Facts,
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff) to standard output
    Man,
}

/// Parses `YYYY-MM-DD`, saying what is wrong.
pub fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        let shape = s.len() == 10
            && s.bytes().enumerate().all(|(i, b)| {
                if i == 4 || i == 7 {
                    b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            });
        if shape {
            format!("{s} is not a date in the calendar (expected YYYY-MM-DD, e.g. 2026-10-08)")
        } else {
            "expected a date as YYYY-MM-DD, e.g. 2026-10-08".to_string()
        }
    })
}
