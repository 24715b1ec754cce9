//! One step in a plan: the playbook's step, with what it means for this family today.

use super::deadline::{Deadline, Due, WindowEnd};
use super::env::FamilyEnv;
use super::status::Status;
use super::why::Reason;
use crate::condition::fill;
use crate::period::{Period, Range};
use crate::playbook::{Cite, Material, Scope, Step, Tip};
use chrono::NaiveDate;
use std::borrow::Cow;

/// One step in the plan, with all a renderer shows of it.
#[derive(Debug, Clone)]
pub struct PlanStep<'a> {
    pub step: &'a Step,
    /// Its number in the plan (from 1); `None` for a step that does not apply.
    pub number: Option<usize>,
    pub status: Status,
    pub done_on: Option<NaiveDate>,
    /// Its deadline: a date, or what it will count from.
    pub due: Option<Due<'a>>,
    /// The last day it can be done at all.
    pub window: Option<WindowEnd>,
    /// The scope of this playbook's step that the family is outside: `step` is then the parent
    /// playbook's step of that id (e.g. the national rule), or this one, done elsewhere.
    pub outside: Option<&'a Scope>,
    /// Not before this day.
    pub earliest_start: Option<NaiveDate>,
    /// Why not before `earliest_start`.
    pub start_reason: Option<StartReason<'a>>,
    /// When its result is expected, from its lead time (once done).
    pub expected: Option<(NaiveDate, NaiveDate)>,
    /// Why the step applies (or not).
    pub why: Vec<Reason<'a>>,
    /// The applicable prerequisites, in the order required.
    pub prerequisites: Vec<&'a Step>,
    /// Those not done yet.
    pub open_prerequisites: Vec<&'a Step>,
    /// The applicable steps that wait for this one, in plan order.
    pub unblocks: Vec<&'a Step>,
    /// The materials the family needs for it.
    pub materials: Vec<&'a Material>,
    /// The tips that fit the family.
    pub tips: Vec<ShownTip<'a>>,
}

/// Why a step cannot start before a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartReason<'a> {
    /// A scheduled check: not before the baby is this old.
    Age(Period),
    /// A prerequisite's result comes this long after it was done.
    LeadTime { step: &'a Step, range: Range },
}

/// A tip as shown to one family: placeholders filled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownTip<'a> {
    pub tip: &'a Tip,
    pub text: Cow<'a, str>,
}

impl<'a> PlanStep<'a> {
    /// A step that applies, with what depends only on it and the family: its deadline, start,
    /// expected result, reasons, materials and tips. Its links and status come once all the
    /// applicable steps are known.
    pub(crate) fn applicable(
        step: &'a Step,
        done_on: Option<NaiveDate>,
        due: Option<Due<'a>>,
        why: Vec<Reason<'a>>,
        env: &FamilyEnv<'_>,
    ) -> PlanStep<'a> {
        let start = step.start.map(|p| (env.after(p, env.birth()).date, p));
        let expected = step.lead_time.zip(done_on).map(|(lead, done)| {
            let after = |p| env.after(p, done).date;
            (after(lead.min), after(lead.max))
        });
        PlanStep {
            status: Status::Ready,
            due,
            window: super::deadline::window(step, env),
            earliest_start: start.map(|(day, _)| day),
            start_reason: start.map(|(_, p)| StartReason::Age(p)),
            expected,
            ..PlanStep::not_applicable(step, done_on, why)
        }
    }

    /// A step that does not apply, with why (done, if the family did it anyway).
    pub(crate) fn not_applicable(
        step: &'a Step,
        done_on: Option<NaiveDate>,
        why: Vec<Reason<'a>>,
    ) -> PlanStep<'a> {
        let status = match done_on {
            Some(_) => Status::Done,
            None => Status::NotApplicable,
        };
        PlanStep {
            step,
            number: None,
            status,
            done_on,
            due: None,
            window: None,
            outside: None,
            earliest_start: None,
            start_reason: None,
            expected: None,
            why,
            prerequisites: Vec::new(),
            open_prerequisites: Vec::new(),
            unblocks: Vec::new(),
            materials: Vec::new(),
            tips: Vec::new(),
        }
    }

    /// Adds the materials and tips that fit the family, tips' placeholders filled. One whose
    /// condition holds or fails depending on an optional step the family has not decided on
    /// yet (done or skipped) is left out until it decides: it fits only one of the outcomes.
    pub(crate) fn with_materials_and_tips(mut self, env: &FamilyEnv<'_>) -> PlanStep<'a> {
        let fits = |when: &Option<crate::condition::Expr>| {
            when.as_ref()
                .is_none_or(|w| env.outcome(w) == super::env::Outcome::Holds)
        };
        self.materials = self
            .step
            .materials
            .iter()
            .filter(|m| fits(&m.when))
            .collect();
        self.tips = self
            .step
            .tips
            .iter()
            .filter(|t| fits(&t.when))
            .map(|tip| ShownTip {
                tip,
                text: fill(&tip.text, env),
            })
            .collect();
        self
    }

    /// The deadline, counted.
    pub fn deadline(&self) -> Option<&Deadline<'a>> {
        match &self.due {
            Some(Due::Date(d)) => Some(d),
            _ => None,
        }
    }

    /// A deadline that counts from a step not done yet.
    pub fn deadline_pending(&self) -> Option<&Due<'a>> {
        self.due
            .as_ref()
            .filter(|d| matches!(d, Due::Pending { .. }))
    }

    /// Days from today to the deadline (negative when past).
    /// Days from today to the deadline, else to the window's last day (negative when past).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        let last = self
            .deadline()
            .map(|d| d.date)
            .or(self.window.map(|w| w.date));
        last.map(|date| (date - today).num_days())
    }
}

impl ShownTip<'_> {
    pub fn source(&self) -> Option<&Cite> {
        self.tip.source.as_ref()
    }
}
