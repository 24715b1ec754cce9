//! One step in a plan: the playbook's step, with what it means for this family today.

use super::deadline::{Deadline, Due, WindowEnd};
use super::env::{FamilyEnv, OnDay};
use super::status::Status;
use super::why::Reason;
use crate::condition::fill;
use crate::period::{Period, Range};
use crate::playbook::{Cite, Material, Scope, Step, Tip};
use chrono::{Datelike, Months, NaiveDate};
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
    /// The day a tip with `day = "done"` was read on (`None`: today).
    pub read_on: Option<ReadOn>,
}

/// The day a tip with `day = "done"` was read on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReadOn {
    /// The day the step was done.
    Done(NaiveDate),
    /// What the tip says if the step is done on a day from the first to the second (both
    /// included).
    Between(NaiveDate, NaiveDate),
}

/// How many months ahead a tip read on its step's day is read for, while the step is not done:
/// a year, so that a yearly rule shows each of its cases.
const MONTHS_AHEAD: u32 = 12;

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
            .filter(|t| t.day.is_none() && fits(&t.when))
            .map(|tip| ShownTip {
                tip,
                text: fill(&tip.text, env),
                read_on: None,
            })
            .collect();
        let on_day: Vec<&'a Tip> = self.step.tips.iter().filter(|t| t.day.is_some()).collect();
        if let Some(first) = on_day.first() {
            let read = match self.done_on {
                Some(done) => read_on_done(&on_day, done, env),
                // Done, by a fact the family stated, on a day not known: nothing to read on.
                None if env.stated(&self.step.id) == Some(true) => Vec::new(),
                None => read_ahead(&on_day, env),
            };
            // Where the first of them stands among the step's tips.
            let at = (self.tips.iter())
                .take_while(|t| {
                    let place = |x: &Tip| self.step.tips.iter().position(|y| std::ptr::eq(x, y));
                    place(t.tip) < place(first)
                })
                .count();
            self.tips.splice(at..at, read);
        }
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

/// The tips read on the day their step was done.
fn read_on_done<'a>(tips: &[&'a Tip], done: NaiveDate, env: &FamilyEnv<'_>) -> Vec<ShownTip<'a>> {
    let on = OnDay { env, day: done };
    (tips.iter())
        .filter(|t| t.when.as_ref().is_none_or(|w| w.eval(&on)))
        .map(|tip| ShownTip {
            tip,
            text: Cow::Owned(fill(&tip.text, &on).into_owned()),
            read_on: Some(ReadOn::Done(done)),
        })
        .collect()
}

/// The tips read on the end of each month from today's on, for a step not done yet: each tip's
/// consecutive months that read the same become one range (from today, or a month's first day, to
/// a month's last), and ranges of the same text that follow each other merge, whichever tip they
/// come from; in order of their first day.
fn read_ahead<'a>(tips: &[&'a Tip], env: &FamilyEnv<'_>) -> Vec<ShownTip<'a>> {
    let today = env.today();
    let first = today.with_day(1).expect("a month has a first day");
    let months: Vec<(NaiveDate, NaiveDate)> = (0..MONTHS_AHEAD)
        .filter_map(|i| {
            let start = first.checked_add_months(Months::new(i))?;
            let end = start.checked_add_months(Months::new(1))?.pred_opt()?;
            Some((start.max(today), end))
        })
        .collect();
    // (tip's place, first month, last month, text)
    let mut runs: Vec<(usize, usize, usize, String)> = Vec::new();
    for (k, tip) in tips.iter().enumerate() {
        let mut open: Option<(usize, usize, String)> = None;
        for (i, &(_, end)) in months.iter().enumerate() {
            let on = OnDay { env, day: end };
            let text = (tip.when.as_ref().is_none_or(|w| w.eval(&on)))
                .then(|| fill(&tip.text, &on).into_owned());
            match (&mut open, text) {
                (Some(run), Some(text)) if run.2 == text => run.1 = i,
                (_, text) => {
                    if let Some((a, b, t)) = open.take() {
                        runs.push((k, a, b, t));
                    }
                    open = text.map(|t| (i, i, t));
                }
            }
        }
        if let Some((a, b, t)) = open {
            runs.push((k, a, b, t));
        }
    }
    runs.sort_by_key(|&(k, a, _, _)| (a, k));
    let mut merged: Vec<(usize, usize, usize, String)> = Vec::new();
    for run in runs {
        let follows = (merged.iter_mut()).find(|m| m.3 == run.3 && m.2 + 1 == run.1);
        match follows {
            Some(m) => m.2 = run.2,
            None => merged.push(run),
        }
    }
    merged
        .into_iter()
        .map(|(k, a, b, text)| ShownTip {
            tip: tips[k],
            text: Cow::Owned(text),
            read_on: Some(ReadOn::Between(months[a].0, months[b].1)),
        })
        .collect()
}
