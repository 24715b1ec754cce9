//! Scenario tests beside the playbooks: a family on a day (region, birth date, facts, progress)
//! and what its plan must say (route, next step, each step's status and dates, warnings,
//! texts). `regions/tests/*.toml` are shipped in the binary; a `--regions-dir` may hold its own
//! in `tests/`. `newborn test` and `cargo test` run them.
//!
//! A file is read by [`raw`], checked against the region's playbook by [`check`] (each mistake
//! located, as `newborn check` does for playbooks), and each scenario is planned and compared by
//! [`run`]; [`report`] says what was found.

mod check;
pub(crate) mod raw;
mod report;
mod run;

use crate::calendar::Calendar;
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::family::{Profile, Progress};
use crate::lang::Lang;
use crate::plan::Status;
use crate::registry::Registry;
use chrono::NaiveDate;
use std::ops::Range;

/// The shipped scenario files, written by `build.rs`.
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/scenarios.rs"));
}

/// A family on a day, checked: it can be planned, and every expectation names what exists.
#[derive(Debug, Clone)]
pub(crate) struct Scenario {
    pub name: String,
    /// Where its name is written.
    pub name_span: Range<usize>,
    /// Region (the playbook's id), birth date and facts.
    pub profile: Profile,
    pub progress: Progress,
    pub today: NaiveDate,
    /// The language of the plan's texts that `text` and `lacks` look in.
    pub lang: Lang,
    pub expectations: Vec<Expectation>,
}

/// One thing the plan must say, and where it is written.
#[derive(Debug, Clone)]
pub(crate) struct Expectation {
    pub span: Range<usize>,
    pub want: Want,
}

impl Expectation {
    fn new(span: Range<usize>, want: Want) -> Expectation {
        Expectation { span, want }
    }
}

/// What the plan must say (`None`: nothing, written `false`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Want {
    Route(Option<String>),
    Next(Option<String>),
    /// The kinds of its warnings, sorted, once each.
    Warnings(Vec<String>),
    OutOfScope(bool),
    /// A text in `show` of the steps named or in the export (`present`), or in neither.
    Text {
        text: String,
        present: bool,
    },
    Step {
        id: String,
        want: StepWant,
    },
}

/// What the plan must say of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum StepWant {
    Status(Status),
    Applies(bool),
    Deadline(Option<NaiveDate>),
    Window(Option<NaiveDate>),
    EarliestStart(Option<NaiveDate>),
    OfficeDay(Option<NaiveDate>),
    Number(usize),
    /// The step comes before this one.
    Before(String),
    /// A text in its `show` (`present`), or not.
    Text {
        text: String,
        present: bool,
    },
}

/// One scenario file: its mistakes, and each scenario that ran with the expectations it failed.
#[derive(Debug)]
pub(crate) struct FileOutcome {
    pub name: String,
    pub errors: Vec<Diagnostic>,
    pub scenarios: Vec<ScenarioOutcome>,
}

/// One scenario that ran.
#[derive(Debug)]
pub(crate) struct ScenarioOutcome {
    pub name: String,
    /// Where its name is written (the message is empty).
    pub at: Diagnostic,
    /// Each failed expectation: where it is written, and what the plan said instead.
    pub failures: Vec<Diagnostic>,
}

/// What a run of scenario files found.
#[derive(Debug, Default)]
pub struct Outcome {
    pub(crate) files: Vec<FileOutcome>,
}

impl Outcome {
    /// How many scenarios ran and passed.
    pub fn passed(&self) -> usize {
        self.scenarios().filter(|s| s.failures.is_empty()).count()
    }

    /// How many scenarios ran and failed.
    pub fn failed(&self) -> usize {
        self.scenarios().filter(|s| !s.failures.is_empty()).count()
    }

    /// How many mistakes the files hold (their scenarios did not run).
    pub fn errors(&self) -> usize {
        self.files.iter().map(|f| f.errors.len()).sum()
    }

    /// Every scenario ran and passed.
    pub fn ok(&self) -> bool {
        self.failed() == 0 && self.errors() == 0
    }

    fn scenarios(&self) -> impl Iterator<Item = &ScenarioOutcome> {
        self.files.iter().flat_map(|f| &f.scenarios)
    }

    /// The report `newborn test` prints: each mistake and failure with its file, line and what
    /// the plan said, a line per file, and the counts.
    pub fn report(&self, lang: Lang) -> String {
        report::text(self, lang)
    }
}

/// The outcome as data (`newborn test --json`).
pub(crate) fn json(outcome: &Outcome) -> serde_json::Value {
    report::json(outcome)
}

/// Runs the shipped scenario files against the shipped playbooks and holiday schedules.
pub fn run_shipped(lang: Lang) -> Outcome {
    run_files(
        &shipped(),
        &Registry::embedded(),
        &Calendar::embedded(),
        lang,
    )
}

/// The shipped scenario files (`regions/tests/*.toml`).
pub(crate) fn shipped() -> Vec<SourceFile> {
    embedded::SCENARIOS
        .iter()
        .map(|(name, text)| SourceFile {
            name: (*name).to_string(),
            text: std::borrow::Cow::Borrowed(*text),
        })
        .collect()
}

/// Checks and runs each file's scenarios; messages in `lang`.
pub(crate) fn run_files(
    files: &[SourceFile],
    registry: &Registry,
    calendar: &Calendar,
    lang: Lang,
) -> Outcome {
    let mut playbooks = check::Playbooks::default();
    let files = files
        .iter()
        .map(|file| run_file(file, registry, calendar, &mut playbooks, lang))
        .collect();
    Outcome { files }
}

fn run_file(
    file: &SourceFile,
    registry: &Registry,
    calendar: &Calendar,
    playbooks: &mut check::Playbooks,
    lang: Lang,
) -> FileOutcome {
    let raw = match check::parse(file, lang) {
        Ok(raw) => raw,
        Err(d) => {
            return FileOutcome {
                name: file.name.clone(),
                errors: vec![d],
                scenarios: Vec::new(),
            };
        }
    };
    let (scenarios, errors) = check::check(file, raw, registry, playbooks, lang);
    let scenarios = scenarios
        .iter()
        .map(|s| {
            let playbook = playbooks
                .get(&s.profile.region)
                .expect("a checked scenario's playbook is loaded");
            let mut failures: Vec<Diagnostic> = run::run(s, playbook, calendar, lang)
                .into_iter()
                .map(|(span, message)| Diagnostic::at(file, span, message))
                .collect();
            failures.sort_by_key(|d| (d.line, d.column));
            ScenarioOutcome {
                name: s.name.clone(),
                at: Diagnostic::at(file, s.name_span.clone(), ""),
                failures,
            }
        })
        .collect();
    FileOutcome {
        name: file.name.clone(),
        errors,
        scenarios,
    }
}

#[cfg(test)]
mod tests;
