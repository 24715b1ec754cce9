//! Command-line options. The doc comments are the help text.

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use std::ffi::OsString;
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
pub(crate) struct Cli {
    /// The options given before the command's name.
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The command and its options, merged from both sides of its name and the environment.
    pub(crate) fn into_parts(self) -> Result<(Command, Global), String> {
        self.into_parts_with(|var| std::env::var_os(var))
    }

    /// As [`Cli::into_parts`], with the environment given (for tests).
    pub(crate) fn into_parts_with(
        mut self,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<(Command, Global), String> {
        let after = std::mem::take(self.command.global_mut());
        let global = after.over(self.global, env)?;
        Ok((self.command, global))
    }
}

// Options every command takes, before or after the command's name.
//
// They are not clap's `global` options: clap copies those into every command at start-up,
// which was a fifth of the work of `newborn next`. Each command instead has its own copy, built
// only when that command runs (`defer` on [`Command`]), and [`Cli::into_parts`] merges the two:
// a value after the command's name, else one before it, else the environment variable.
//
// (Not a doc comment: it would become the about text of every command.)
#[derive(Debug, Args, Default, Clone, PartialEq)]
pub(crate) struct Global {
    /// Where progress is kept [env: NEWBORN_DATA_DIR] [default: the platform's data dir for newborn]
    #[arg(long, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Plan as if today were DATE (YYYY-MM-DD) [env: NEWBORN_TODAY] [default: the system clock]
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    /// Which baby (when there are several)
    #[arg(long, value_name = "NAME")]
    pub baby: Option<String>,

    /// A folder of extra playbooks (*.toml); one with a shipped id replaces it [env: NEWBORN_REGIONS_DIR]
    #[arg(long, value_name = "DIR")]
    pub regions_dir: Option<PathBuf>,

    /// A holiday schedule (holiday-cn JSON) for a year newborn does not know yet
    #[arg(long, value_name = "FILE")]
    pub calendar: Vec<PathBuf>,

    /// Print data as JSON
    #[arg(long)]
    pub json: bool,

    /// Interface language: zh or en [default: from LC_ALL / LC_MESSAGES / LANG, Chinese otherwise]
    #[arg(long, value_name = "LANG")]
    pub lang: Option<crate::lang::Lang>,

    /// Colour the statuses: auto (only on a terminal, and not when NO_COLOR is set), always, never
    /// [default: auto]
    #[arg(long, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
}

impl Global {
    /// `self` (given after the command's name) over `before` (given before it), then the
    /// environment (`NEWBORN_DATA_DIR`, `NEWBORN_TODAY`, `NEWBORN_REGIONS_DIR`).
    fn over(
        self,
        before: Global,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<Global, String> {
        let today = match self.today.or(before.today) {
            Some(day) => Some(day),
            None => match env("NEWBORN_TODAY") {
                Some(v) => Some(
                    parse_date(&v.to_string_lossy())
                        .map_err(|e| format!("NEWBORN_TODAY={}: {e}", v.to_string_lossy()))?,
                ),
                None => None,
            },
        };
        let path = |var: &str| env(var).filter(|v| !v.is_empty()).map(PathBuf::from);
        Ok(Global {
            data_dir: self
                .data_dir
                .or(before.data_dir)
                .or_else(|| path("NEWBORN_DATA_DIR")),
            today,
            baby: self.baby.or(before.baby),
            regions_dir: self
                .regions_dir
                .or(before.regions_dir)
                .or_else(|| path("NEWBORN_REGIONS_DIR")),
            calendar: [before.calendar, self.calendar].concat(),
            json: self.json || before.json,
            lang: self.lang.or(before.lang),
            color: self.color.or(before.color),
        })
    }

    /// Whether to colour standard output.
    pub(crate) fn color(&self) -> bool {
        self.color.unwrap_or(ColorChoice::Auto).enabled()
    }
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether to colour standard output.
    pub(crate) fn enabled(self) -> bool {
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
pub(crate) struct FamilyArgs {
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
pub(crate) enum Command {
    /// Set up a baby: region, birth date and the family's facts (asks when run in a terminal)
    Init {
        #[command(flatten)]
        family: FamilyArgs,
        /// Replace an existing profile (progress is kept)
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        global: Global,
    },
    /// The whole plan as a table (with --region and --birth-date: a one-off plan, nothing saved)
    Plan {
        #[command(flatten)]
        family: FamilyArgs,
        /// Also list the steps that do not apply, with why
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        global: Global,
    },
    /// The next step: where to go, the route, materials, tips
    Next {
        #[command(flatten)]
        family: FamilyArgs,
        #[command(flatten)]
        global: Global,
    },
    /// Mark steps done (STEP: an id, a unique prefix, or the plan's number)
    Done {
        #[arg(required = true, value_name = "STEP")]
        steps: Vec<String>,
        /// The day it was done [default: today]
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        on: Option<NaiveDate>,
        #[command(flatten)]
        global: Global,
    },
    /// Record that the family will not take optional steps (undo reverses it)
    Skip {
        #[arg(required = true, value_name = "STEP")]
        steps: Vec<String>,
        #[command(flatten)]
        global: Global,
    },
    /// Mark steps not done (or not skipped) again
    Undo {
        #[arg(required = true, value_name = "STEP")]
        steps: Vec<String>,
        #[command(flatten)]
        global: Global,
    },
    /// Everything about one step: why it applies, its source, how its deadline was counted
    Show {
        #[arg(value_name = "STEP")]
        step: String,
        #[command(flatten)]
        family: FamilyArgs,
        #[command(flatten)]
        global: Global,
    },
    /// Every document the remaining steps need, merged and grouped by where you go
    Materials {
        #[command(flatten)]
        family: FamilyArgs,
        #[command(flatten)]
        global: Global,
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
        #[command(flatten)]
        global: Global,
    },
    /// The playbooks available
    Regions {
        #[command(flatten)]
        global: Global,
    },
    /// Validate playbook files (all playbooks when no PATH is given)
    Check {
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        global: Global,
    },
    /// The years whose official holiday schedule is known, and where each came from
    Calendar {
        #[command(flatten)]
        global: Global,
    },
    /// The babies set up in the data dir
    Babies {
        #[command(flatten)]
        global: Global,
    },
    /// Merge progress from another copy of the data dir (e.g. the other parent's synced folder)
    Sync {
        /// The other data dir
        #[arg(value_name = "FROM_DIR")]
        from: PathBuf,
        #[command(flatten)]
        global: Global,
    },
    /// The facts a profile holds, their allowed values and defaults
    Facts {
        #[command(flatten)]
        global: Global,
    },
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions {
        #[arg(value_name = "SHELL")]
        shell: clap_complete::Shell,
        #[command(flatten)]
        global: Global,
    },
    /// Print the manual page (roff) to standard output
    Man {
        #[command(flatten)]
        global: Global,
    },
}

impl Command {
    /// The options every command takes, as given after the command's name.
    fn global_mut(&mut self) -> &mut Global {
        match self {
            Command::Init { global, .. }
            | Command::Plan { global, .. }
            | Command::Next { global, .. }
            | Command::Done { global, .. }
            | Command::Undo { global, .. }
            | Command::Skip { global, .. }
            | Command::Show { global, .. }
            | Command::Materials { global, .. }
            | Command::Export { global, .. }
            | Command::Regions { global }
            | Command::Check { global, .. }
            | Command::Calendar { global }
            | Command::Babies { global }
            | Command::Sync { global, .. }
            | Command::Facts { global }
            | Command::Completions { global, .. }
            | Command::Man { global } => global,
        }
    }
}

/// Parses `YYYY-MM-DD`, saying what is wrong.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, String> {
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

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    fn parts(args: &[&str], env: &[(&str, &str)]) -> Result<(Command, Global), String> {
        let cli = Cli::try_parse_from(std::iter::once("newborn").chain(args.iter().copied()))
            .map_err(|e| e.to_string())?;
        cli.into_parts_with(|var| {
            env.iter()
                .find(|(k, _)| *k == var)
                .map(|(_, v)| OsString::from(v))
        })
    }

    fn day(s: &str) -> Option<NaiveDate> {
        Some(parse_date(s).unwrap())
    }

    #[test]
    fn options_work_before_and_after_the_command() {
        let (_, before) = parts(&["--today", "2026-11-20", "--json", "next"], &[]).unwrap();
        let (_, after) = parts(&["next", "--today", "2026-11-20", "--json"], &[]).unwrap();
        assert_eq!(before, after);
        assert_eq!(after.today, day("2026-11-20"));
        assert!(after.json);
    }

    #[test]
    fn after_the_command_wins_then_before_then_the_environment() {
        let env = [
            ("NEWBORN_TODAY", "2026-11-01"),
            ("NEWBORN_DATA_DIR", "/env"),
            ("NEWBORN_REGIONS_DIR", "/env-regions"),
        ];
        let (_, g) = parts(
            &["--today", "2026-11-02", "next", "--today", "2026-11-03"],
            &env,
        )
        .unwrap();
        assert_eq!(g.today, day("2026-11-03"));
        let (_, g) = parts(
            &["--today", "2026-11-02", "--data-dir", "/cli", "next"],
            &env,
        )
        .unwrap();
        assert_eq!(g.today, day("2026-11-02"));
        assert_eq!(g.data_dir, Some(PathBuf::from("/cli")));
        assert_eq!(g.regions_dir, Some(PathBuf::from("/env-regions")));
        let (_, g) = parts(&["next"], &env).unwrap();
        assert_eq!(g.today, day("2026-11-01"));
        assert_eq!(g.data_dir, Some(PathBuf::from("/env")));
    }

    #[test]
    fn calendars_from_both_sides_are_all_kept() {
        let (_, g) = parts(
            &["--calendar", "a.json", "plan", "--calendar", "b.json"],
            &[],
        )
        .unwrap();
        assert_eq!(
            g.calendar,
            [PathBuf::from("a.json"), PathBuf::from("b.json")]
        );
    }

    #[test]
    fn a_bad_date_in_the_environment_is_named() {
        let e = parts(&["next"], &[("NEWBORN_TODAY", "2026-13-01")]).unwrap_err();
        assert!(
            e.starts_with("NEWBORN_TODAY=2026-13-01: 2026-13-01 is not a date"),
            "{e}"
        );
        // An option given on the command line is not overridden by the environment.
        assert!(
            parts(
                &["next", "--today", "2026-11-01"],
                &[("NEWBORN_TODAY", "bad")]
            )
            .is_ok()
        );
    }

    #[test]
    fn colour_defaults_to_auto_and_is_chosen_on_either_side() {
        let (_, g) = parts(&["--color", "always", "plan"], &[]).unwrap();
        assert!(g.color());
        let (_, g) = parts(&["--color", "always", "plan", "--color", "never"], &[]).unwrap();
        assert!(!g.color());
        let (_, g) = parts(&["plan"], &[]).unwrap();
        assert_eq!(g.color, None);
    }
}
