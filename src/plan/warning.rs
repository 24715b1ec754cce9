//! What a parent must know about a plan's reliability: an old playbook, estimated dates.

use crate::calendar::Calendar;
use crate::condition::Words;
use crate::playbook::{Playbook, Step};
use chrono::NaiveDate;
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeSet;

/// Something the parent must know about the plan's reliability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning<'a> {
    /// The playbook was last reviewed more than a year ago.
    Stale {
        playbook: &'a Playbook,
        reviewed: NaiveDate,
    },
    /// A step cannot start before its deadline has passed: a lead time or a prerequisite's
    /// result comes too late.
    TooLate {
        step: &'a Step,
        /// The first day it can start.
        start: NaiveDate,
        deadline: NaiveDate,
    },
    /// Dates crossed years whose holiday schedule is not known: weekends only were counted.
    Estimated {
        years: Vec<i32>,
        /// The steps whose dates are estimates, in the order met.
        steps: Vec<&'a Step>,
        /// The conditions that were evaluated with estimates.
        conditions: Vec<Words>,
    },
}

impl Warning<'_> {
    /// The kinds of warning, as `kind` names them.
    pub const KINDS: [&'static str; 3] = ["too_late", "stale", "estimated"];

    /// What kind of warning it is: `too_late`, `stale` or `estimated` (as `--json` says).
    pub fn kind(&self) -> &'static str {
        match self {
            Warning::TooLate { .. } => "too_late",
            Warning::Stale { .. } => "stale",
            Warning::Estimated { .. } => "estimated",
        }
    }
}

/// The warnings of a plan as it is made: estimated dates gather into one warning.
#[derive(Default)]
pub(crate) struct Warnings<'a> {
    stale: Option<Warning<'a>>,
    too_late: Vec<Warning<'a>>,
    years: BTreeSet<i32>,
    steps: Vec<&'a Step>,
    /// The ids of `steps`.
    step_ids: HashSet<&'a str>,
    conditions: Vec<Words>,
}

impl<'a> Warnings<'a> {
    /// Reminds when `playbook` was last reviewed more than a year before `today`.
    pub(crate) fn stale(&mut self, playbook: &'a Playbook, today: NaiveDate) {
        let year_later = playbook
            .reviewed
            .checked_add_months(chrono::Months::new(12));
        if year_later.is_some_and(|later| today > later) {
            self.stale = Some(Warning::Stale {
                playbook,
                reviewed: playbook.reviewed,
            });
        }
    }

    /// Notes the step's deadline and window when they are estimates.
    pub(crate) fn dates(&mut self, calendar: &Calendar, birth: NaiveDate, s: &super::PlanStep<'a>) {
        if let Some(d) = s.deadline()
            && d.estimated
        {
            self.estimated(calendar, d.from.day(), d.date, s.step);
        }
        if let Some(w) = s.window
            && w.estimated
        {
            self.estimated(calendar, birth, w.date, s.step);
        }
    }

    /// `step` cannot start before `start`, after its deadline.
    pub(crate) fn too_late(&mut self, step: &'a Step, start: NaiveDate, deadline: NaiveDate) {
        self.too_late.push(Warning::TooLate {
            step,
            start,
            deadline,
        });
    }

    /// A date of `step`, counted from `from` to `to`, crossed years not known.
    pub(crate) fn estimated(
        &mut self,
        calendar: &Calendar,
        from: NaiveDate,
        to: NaiveDate,
        step: &'a Step,
    ) {
        self.years.extend(calendar.unknown_years(from, to));
        if self.step_ids.insert(&step.id) {
            self.steps.push(step);
        }
    }

    /// Conditions evaluated with estimates, and the unknown years they crossed.
    pub(crate) fn conditions(&mut self, (conditions, years): (Vec<Words>, BTreeSet<i32>)) {
        self.years.extend(years);
        for c in conditions {
            if !self.conditions.contains(&c) {
                self.conditions.push(c);
            }
        }
    }

    pub(crate) fn finish(self) -> Vec<Warning<'a>> {
        let mut out: Vec<Warning<'a>> = self.too_late;
        out.extend(self.stale);
        if !self.steps.is_empty() || !self.conditions.is_empty() {
            out.push(Warning::Estimated {
                years: self.years.into_iter().collect(),
                steps: self.steps,
                conditions: self.conditions,
            });
        }
        out
    }
}
