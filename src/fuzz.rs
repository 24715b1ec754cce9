//! Entry points for the fuzz targets (`fuzz/`) and their regression test: each takes arbitrary
//! text and must return without panicking, whatever the text.

use crate::calendar::Calendar;
use crate::condition::{self, Env, Op};
use crate::diagnostic::SourceFile;
use crate::facts::{Facts, Value};
use crate::family::{Profile, Progress};
use crate::period::Period;
use crate::plan;
use crate::playbook;
use chrono::NaiveDate;
use std::path::Path;

/// Loads a playbook from text and, when it is valid, plans a default family with it.
pub fn playbook(text: &str) {
    let file = SourceFile {
        name: "fuzz.toml".into(),
        text: text.to_owned().into(),
    };
    let Ok(raw) = playbook::parse_file(&file) else {
        return;
    };
    let chain = [(file, raw)];
    let Ok(p) = playbook::build(&chain) else {
        return;
    };
    let profile = Profile {
        region: p.id.to_string(),
        birth_date: NaiveDate::from_ymd_opt(2026, 10, 8).expect("a date"),
        facts: Facts::default(),
    };
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).expect("a date");
    let calendar = Calendar::embedded();
    let plan = plan::plan(&p, &profile, &Progress::new(), today, &calendar);
    let _ = crate::render::table::render(
        &plan,
        crate::render::table::View {
            all: true,
            color: true,
            width: Some(80),
            lang: crate::lang::Lang::Zh,
        },
    );
    let _ = crate::render::markdown::render(&plan, crate::lang::Lang::En);
    let now = chrono::DateTime::from_timestamp(1_795_000_000, 0).unwrap_or_default();
    let mut sequences = crate::render::ics::Sequences::default();
    let _ =
        crate::render::ics::render(&plan, &calendar, crate::lang::Lang::Zh, now, &mut sequences);
    let _ = crate::render::html::render(&plan, &calendar, crate::lang::Lang::En);
    let _ = crate::render::timeline::render(&plan, &calendar, crate::lang::Lang::Zh);
}

struct Fixed;

impl Env for Fixed {
    fn value(&self, name: &str) -> Value {
        Facts::default().get(name).cloned().unwrap_or(Value::Int(3))
    }
    fn named(&self, _: &str) -> bool {
        true
    }
    fn age(&self, op: Op, period: Period) -> bool {
        op.holds(&30, &i64::from(period.amount))
    }
    fn unmet_named(&self, _: &str) -> Vec<condition::Unmet> {
        Vec::new()
    }
    fn age_date(&self, _: Period) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 18).expect("a date")
    }
    fn step(&self, state: condition::StepState, id: &str) -> bool {
        state == condition::StepState::Done && id == "apply"
    }
}

/// Named conditions and step ids a fuzzed condition may use.
struct Known;

impl condition::Names for Known {
    fn is_named(&self, name: &str) -> bool {
        ["bundle", "local-hukou"].contains(&name)
    }
    fn named(&self) -> Vec<&str> {
        vec!["bundle", "local-hukou"]
    }
    fn steps(&self) -> Vec<&str> {
        vec!["apply", "pre-enrollment"]
    }
}

/// Parses a condition and, when it is valid, evaluates and explains it.
pub fn condition(text: &str) {
    if let Ok(e) = condition::parse(text, &Known) {
        let _ = e.eval(&Fixed);
        let _ = e.unmet(&Fixed);
        let shown = e.to_string();
        let again = condition::parse(&shown, &Known);
        assert_eq!(
            again.as_ref(),
            Ok(&e),
            "a condition prints as it parses: {shown}"
        );
    }
    let _ = condition::fill(text, &Fixed);
}

/// Reads a progress log and a profile from text.
pub fn state(text: &str) {
    if let Ok(events) = crate::store::parse_progress(Path::new("progress.json"), text) {
        let _ = crate::family::progress_of(&events);
    }
    let _ = crate::store::parse_profile(Path::new("profile.toml"), text);
}
