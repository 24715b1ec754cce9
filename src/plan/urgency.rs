//! How urgent each step is, which the plan's order and `next` follow: an overdue duty (and the
//! open steps it waits for) first, then the earliest deadline, then steps without one and
//! scheduled checks, optional steps after required ones; done steps, then those closed, last.

use super::order::{Place, order};
use super::status::Status;
use super::step::PlanStep;
use chrono::NaiveDate;

/// Where a step goes in the plan, most urgent first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Class {
    /// Overdue, or an open step an overdue step waits for.
    Overdue,
    /// A required step with a deadline of its own or of a step that waits for it.
    Deadline,
    /// A required step without one (by the day it can start).
    Undated,
    /// An optional step no required step waits for.
    Optional,
    Done,
    /// Skipped, missed, or done elsewhere.
    Closed,
}

/// A step's key in the plan's order.
type Key = (Class, NaiveDate);

/// The plan's order: prerequisites that are still open first, then by urgency.
pub(crate) fn order_by_urgency(
    steps: &[PlanStep<'_>],
    prerequisites: &[Vec<Place>],
    birth: NaiveDate,
) -> Vec<Place> {
    // Only open prerequisites constrain: a done one is out of the way.
    let open: Vec<Vec<Place>> = prerequisites
        .iter()
        .map(|pre| {
            let open = pre.iter().filter(|p| steps[p.0].status.is_open());
            open.copied().collect()
        })
        .collect();
    let keys = keys(steps, &open, birth);
    order(&keys, &open)
}

/// Each step's key: its class, and the day it is ordered by.
fn keys(steps: &[PlanStep<'_>], open: &[Vec<Place>], birth: NaiveDate) -> Vec<Key> {
    let n = steps.len();
    let topological = order(&vec![(); n], open);
    // Forward: a step's own date (deadline, else start), else its latest prerequisite's.
    let mut date = vec![birth; n];
    for &Place(i) in &topological {
        let own = steps[i]
            .deadline()
            .map(|d| d.date)
            .or(steps[i].earliest_start);
        let inherited = open[i].iter().map(|p| date[p.0]).max();
        date[i] = own.or(inherited).unwrap_or(birth).max(birth);
    }
    // Backward: a deadline, being overdue and being needed pass to the steps waited for.
    let mut deadline: Vec<Option<NaiveDate>> = steps.iter().map(family_deadline).collect();
    let mut overdue: Vec<bool> = steps.iter().map(|s| s.status == Status::Overdue).collect();
    let mut needed: Vec<bool> = steps.iter().map(|s| !s.step.optional).collect();
    for &Place(i) in topological.iter().rev() {
        for p in &open[i] {
            deadline[p.0] = earliest(deadline[p.0], deadline[i]);
            overdue[p.0] |= overdue[i];
            needed[p.0] |= needed[i];
        }
    }
    (0..n)
        .map(|i| {
            let s = &steps[i];
            let by_deadline = deadline[i].unwrap_or(date[i]);
            match s.status {
                Status::Done => (Class::Done, s.done_on.unwrap_or(birth)),
                Status::Skipped | Status::Missed | Status::Elsewhere | Status::NotApplicable => {
                    (Class::Closed, birth)
                }
                _ if overdue[i] => (Class::Overdue, by_deadline),
                _ if !needed[i] => (Class::Optional, by_deadline),
                _ if deadline[i].is_some() => (Class::Deadline, by_deadline),
                _ => (Class::Undated, date[i]),
            }
        })
        .collect()
}

fn earliest(a: Option<NaiveDate>, b: Option<NaiveDate>) -> Option<NaiveDate> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// The last day the family has for an open step: its deadline or window, unless an office or
/// the hospital does the step.
fn family_deadline(s: &PlanStep<'_>) -> Option<NaiveDate> {
    let family = s.step.who != crate::playbook::Who::Institution;
    let last = earliest(s.deadline().map(|d| d.date), s.window.map(|w| w.date));
    last.filter(|_| s.status.is_open() && family)
}
