//! A step's deadline, counted as `DOMAIN.md` says, from the birth or from the day another step
//! was done.

use super::env::FamilyEnv;
use crate::family::Progress;
use crate::period::Rule;
use crate::playbook::{Anchor, Binds, Channel, Step, Who};
use chrono::NaiveDate;

/// A step's deadline: counted, or waiting for the step it counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Due<'a> {
    Date(Deadline<'a>),
    /// It counts from a step not done yet.
    Pending {
        from: &'a Step,
        rule: Rule,
    },
}

/// A deadline, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline<'a> {
    /// The last day.
    pub date: NaiveDate,
    pub rule: Rule,
    /// Day 0 of the count.
    pub from: CountedFrom<'a>,
    /// Whether it binds the family's act or the step's result.
    pub binds: Binds,
    /// An unknown year's holidays were counted as weekends only.
    pub estimated: bool,
    /// For an office visit whose deadline falls on a day off: the last working day before it
    /// (never before the step can start, nor for a step an office or hospital does itself).
    pub office_day: Option<NaiveDate>,
}

/// The last day a step can be done at all, counted from the birth.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WindowEnd {
    pub date: NaiveDate,
    pub rule: Rule,
    pub estimated: bool,
    /// For an office visit whose last day is a day off: the last working day before it.
    pub office_day: Option<NaiveDate>,
}

/// The last day `step` can be done, if it has a window.
pub(crate) fn window(step: &Step, env: &FamilyEnv<'_>) -> Option<WindowEnd> {
    let rule = step.window.as_ref()?.rule;
    let last = rule.last_day_of(env.after(rule.period(), env.birth()));
    let (office_day, guessed) = office_day(step, last.date, env);
    Some(WindowEnd {
        date: last.date,
        rule,
        estimated: last.estimated || guessed,
        office_day,
    })
}

/// The last working day on or before `last` for a step the family does at an office, when
/// `last` is a day off; and whether that day off is a guess (a year not known).
fn office_day(step: &Step, last: NaiveDate, env: &FamilyEnv<'_>) -> (Option<NaiveDate>, bool) {
    let calendar = env.calendar();
    let office =
        (step.in_person || step.channel == Channel::Office) && step.who != Who::Institution;
    let day = (office && !calendar.is_working_day(last))
        .then(|| calendar.last_working_day_on_or_before(last));
    let guessed = day.is_some_and(|o| calendar.unknown_years(o, last).next().is_some());
    (day, guessed)
}

/// Day 0 of a deadline's count.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CountedFrom<'a> {
    Birth(NaiveDate),
    /// The day `step` was done.
    Step(&'a Step, NaiveDate),
}

impl CountedFrom<'_> {
    pub fn day(&self) -> NaiveDate {
        match self {
            CountedFrom::Birth(day) | CountedFrom::Step(_, day) => *day,
        }
    }
}

/// The deadline of `step`, if it has one. `anchor` finds the step a deadline counts from; a
/// checked playbook always has it.
pub(crate) fn due<'a>(
    step: &'a Step,
    anchor: impl Fn(&str) -> Option<&'a Step>,
    progress: &Progress,
    env: &FamilyEnv<'_>,
) -> Option<Due<'a>> {
    let deadline = step.deadline.as_ref()?;
    let rule = deadline.rule;
    let from = match &deadline.from {
        Anchor::Birth => CountedFrom::Birth(env.birth()),
        Anchor::Step(id) => {
            let from = anchor(id)?;
            match progress.done_on(id) {
                Some(done) => CountedFrom::Step(from, done),
                None => return Some(Due::Pending { from, rule }),
            }
        }
    };
    let last = rule.last_day_of(env.after(rule.period(), from.day()));
    // A day off in a year whose schedule is not known is a guess too.
    let (office_day, guessed) = office_day(step, last.date, env);
    Some(Due::Date(Deadline {
        date: last.date,
        rule,
        from,
        binds: deadline.binds,
        estimated: last.estimated || guessed,
        office_day,
    }))
}
