//! Command-line options. Their help, in Chinese and English, is in `help.rs` (one table for
//! both languages, applied only when help, a manual page or completions are asked for), so
//! the items here carry plain comments, not doc comments (which clap would make help text).

use super::complete;
use crate::lang::{Lang, Say};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};
use clap_complete::engine::{ArgValueCandidates, ArgValueCompleter};
use std::ffi::OsString;
use std::path::PathBuf;

// The program: the options before a command's name, and the command (none: what is next).
#[derive(Debug, Parser)]
#[command(name = "newborn", version)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The command and its options, merged from both sides of its name and the environment.
    pub(crate) fn into_parts(self) -> Result<(Command, Global), String> {
        self.into_parts_with(|var| std::env::var_os(var))
    }

    /// As [`Cli::into_parts`], with the environment given (for tests).
    pub(crate) fn into_parts_with(
        self,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<(Command, Global), String> {
        let mut command = self.command.unwrap_or(Command::Home {
            global: Global::default(),
        });
        let after = std::mem::take(command.global_mut());
        let global = after.over(self.global, env)?;
        Ok((command, global))
    }
}

// Options every command takes, before or after the command's name.
//
// They are not clap's `global` options: clap copies those into every command at start-up,
// which was a fifth of the work of `newborn next`. Each command instead has its own copy, built
// only when that command runs (`defer` on [`Command`]), and [`Cli::into_parts`] merges the two:
// a value after the command's name, else one before it, else the environment variable.
#[derive(Debug, Args, Default, Clone, PartialEq)]
pub(crate) struct Global {
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub data_dir: Option<PathBuf>,

    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub today: Option<NaiveDate>,

    #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::babies))]
    pub baby: Option<String>,

    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub regions_dir: Option<PathBuf>,

    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub calendar: Vec<PathBuf>,

    #[arg(long)]
    pub json: bool,

    #[arg(long, value_name = "LANG")]
    pub lang: Option<Lang>,

    #[arg(long, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
}

impl Global {
    /// `self` (given after the command's name) over `before` (given before it), then the
    /// environment (`NEWBORN_DATA_DIR`, `NEWBORN_TODAY`, `NEWBORN_REGIONS_DIR`).
    pub(super) fn over(
        self,
        before: Global,
        env: impl Fn(&str) -> Option<OsString>,
    ) -> Result<Global, String> {
        let lang = self
            .lang
            .or(before.lang)
            .unwrap_or_else(|| Lang::from_vars(&env));
        let today = match self.today.or(before.today) {
            Some(day) => Some(day),
            None => match env("NEWBORN_TODAY") {
                Some(v) => {
                    let v = v.to_string_lossy();
                    Some(parse_date(&v).map_err(|e| {
                        format!("NEWBORN_TODAY={v}{}{}", lang.pick("：", ": "), e.say(lang))
                    })?)
                }
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
    /// Whether to colour standard output: `always` and `never` as said (an explicit choice wins
    /// over `NO_COLOR`), `auto` on a terminal when `NO_COLOR` is not set.
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

// A region, birth date and facts given on the command line.
#[derive(Debug, Args, Clone, Default)]
pub(crate) struct FamilyArgs {
    #[arg(long, value_name = "REGION", add = ArgValueCandidates::new(complete::regions))]
    pub region: Option<String>,

    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub birth_date: Option<NaiveDate>,

    #[arg(long = "set", value_name = "FACT=VALUE", add = ArgValueCompleter::new(complete::fact_pairs))]
    pub set: Vec<String>,

    #[arg(short = 'y', long)]
    pub yes: bool,
}

// Each command's own options are built only when it is the one run (`defer`), which keeps
// start-up small.
#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub(crate) enum Command {
    Init {
        #[command(flatten)]
        family: FamilyArgs,
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        global: Global,
    },
    Set {
        #[arg(required = true, value_name = "FACT=VALUE", add = ArgValueCompleter::new(complete::set_pairs))]
        pairs: Vec<String>,
        #[arg(short = 'y', long)]
        yes: bool,
        #[command(flatten)]
        global: Global,
    },
    Plan {
        #[command(flatten)]
        family: FamilyArgs,
        #[arg(long)]
        all: bool,
        #[command(flatten)]
        global: Global,
    },
    Next {
        #[command(flatten)]
        family: FamilyArgs,
        #[command(flatten)]
        global: Global,
    },
    Done {
        #[arg(required = true, value_name = "STEP", add = ArgValueCompleter::new(complete::steps_to_do))]
        steps: Vec<String>,
        #[arg(long, value_name = "DATE", value_parser = parse_date)]
        on: Option<NaiveDate>,
        #[arg(long)]
        force: bool,
        #[command(flatten)]
        global: Global,
    },
    Skip {
        #[arg(required = true, value_name = "STEP", add = ArgValueCompleter::new(complete::steps_optional))]
        steps: Vec<String>,
        #[command(flatten)]
        global: Global,
    },
    Undo {
        #[arg(required = true, value_name = "STEP", add = ArgValueCompleter::new(complete::steps_done))]
        steps: Vec<String>,
        #[command(flatten)]
        global: Global,
    },
    Show {
        #[arg(value_name = "STEP", add = ArgValueCompleter::new(complete::steps_all))]
        step: String,
        #[command(flatten)]
        family: FamilyArgs,
        #[command(flatten)]
        global: Global,
    },
    Materials {
        #[command(flatten)]
        family: FamilyArgs,
        #[command(flatten)]
        global: Global,
    },
    Export {
        #[arg(long, value_name = "FORMAT", add = ArgValueCandidates::new(complete::formats))]
        format: Option<String>,
        #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
        #[command(flatten)]
        family: FamilyArgs,
        #[command(flatten)]
        global: Global,
    },
    Regions {
        #[command(flatten)]
        global: Global,
    },
    Check {
        #[arg(value_name = "PATH", value_hint = clap::ValueHint::FilePath)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        global: Global,
    },
    Test {
        #[arg(value_name = "PATH", value_hint = clap::ValueHint::AnyPath)]
        paths: Vec<PathBuf>,
        #[command(flatten)]
        global: Global,
    },
    Schema {
        #[arg(long)]
        scenarios: bool,
        #[command(flatten)]
        global: Global,
    },
    Calendar {
        #[command(flatten)]
        global: Global,
    },
    Babies {
        #[arg(long, value_name = "NAME", add = ArgValueCandidates::new(complete::babies))]
        default: Option<String>,
        #[command(flatten)]
        global: Global,
    },
    Sync {
        #[arg(value_name = "FROM_DIR", value_hint = clap::ValueHint::DirPath)]
        from: PathBuf,
        #[command(flatten)]
        global: Global,
    },
    Facts {
        #[command(flatten)]
        global: Global,
    },
    Completions {
        #[arg(value_name = "SHELL")]
        shell: Shell,
        #[command(flatten)]
        global: Global,
    },
    Man {
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        dir: Option<PathBuf>,
        #[command(flatten)]
        global: Global,
    },
    // A bare `newborn`: what is next for each baby, with the counts (not a command by name).
    #[command(skip)]
    Home { global: Global },
}

/// The shells whose completion `newborn completions` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum Shell {
    Bash,
    Zsh,
    Fish,
    Powershell,
    Elvish,
}

impl Command {
    /// The options every command takes, as given after the command's name.
    fn global_mut(&mut self) -> &mut Global {
        match self {
            Command::Init { global, .. }
            | Command::Set { global, .. }
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
            | Command::Test { global, .. }
            | Command::Schema { global, .. }
            | Command::Calendar { global }
            | Command::Babies { global, .. }
            | Command::Sync { global, .. }
            | Command::Facts { global }
            | Command::Completions { global, .. }
            | Command::Man { global, .. }
            | Command::Home { global } => global,
        }
    }
}

/// A date that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub(crate) enum DateError {
    #[error("expected a date as YYYY-MM-DD with a four-digit year, e.g. 2026-10-08")]
    Shape(String),
    #[error("{0} is not a date in the calendar (expected YYYY-MM-DD, e.g. 2026-10-08)")]
    NotInCalendar(String),
}

impl Say for DateError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (DateError::Shape(s), Lang::Zh) => {
                format!("“{s}”不是日期：请写成 YYYY-MM-DD，年份写全四位，例如 2026-10-08")
            }
            (DateError::NotInCalendar(s), Lang::Zh) => {
                format!("{s} 这一天不存在（日期写成 YYYY-MM-DD，例如 2026-10-08）")
            }
        }
    }
}

/// Parses a date with a four-digit year: `2026-10-08`, also `2026/10/8`, `2026.10.8` and
/// `2026年10月8日`.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate, DateError> {
    let text = s.trim();
    let parts: Vec<&str> = text
        .trim_end_matches('日')
        .split(['-', '/', '.', '年', '月'])
        .collect();
    let shaped = matches!(parts.as_slice(), [y, m, d]
        if y.len() == 4
            && (1..=2).contains(&m.len())
            && (1..=2).contains(&d.len())
            && [y, m, d].iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())));
    if !shaped {
        return Err(DateError::Shape(s.to_string()));
    }
    let n = |p: &str| p.parse::<u32>().unwrap_or(0);
    NaiveDate::from_ymd_opt(n(parts[0]) as i32, n(parts[1]), n(parts[2]))
        .ok_or_else(|| DateError::NotInCalendar(text.to_string()))
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
    fn a_bad_date_in_the_environment_is_named_in_the_interface_language() {
        let e = parts(
            &["next", "--lang", "en"],
            &[("NEWBORN_TODAY", "2026-13-01")],
        )
        .unwrap_err();
        assert!(
            e.starts_with("NEWBORN_TODAY=2026-13-01: 2026-13-01 is not a date"),
            "{e}"
        );
        let e = parts(&["next"], &[("NEWBORN_TODAY", "2026-13-01")]).unwrap_err();
        assert_eq!(
            e,
            "NEWBORN_TODAY=2026-13-01：2026-13-01 这一天不存在（日期写成 YYYY-MM-DD，例如 2026-10-08）"
        );
        let e = parts(
            &["next"],
            &[("NEWBORN_TODAY", "x"), ("LANG", "en_GB.UTF-8")],
        )
        .unwrap_err();
        assert!(e.starts_with("NEWBORN_TODAY=x: expected a date"), "{e}");
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

    #[test]
    fn a_bare_newborn_is_the_home_view() {
        let (c, _) = parts(&["--today", "2026-11-02"], &[]).unwrap();
        assert!(matches!(c, Command::Home { .. }));
    }

    #[test]
    fn dates_need_a_four_digit_year_and_may_use_other_separators() {
        assert_eq!(parse_date("2026-10-08"), Ok(day("2026-10-08").unwrap()));
        assert_eq!(parse_date("2026/10/8"), Ok(day("2026-10-08").unwrap()));
        assert_eq!(parse_date("2026.1.31"), Ok(day("2026-01-31").unwrap()));
        assert_eq!(parse_date("2026年10月8日"), Ok(day("2026-10-08").unwrap()));
        assert_eq!(
            parse_date("26-10-08"),
            Err(DateError::Shape("26-10-08".into()))
        );
        assert_eq!(
            parse_date("+2026-10-08"),
            Err(DateError::Shape("+2026-10-08".into()))
        );
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateError::NotInCalendar("2026-02-30".into()))
        );
    }
}
