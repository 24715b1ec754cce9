//! Where a step stands today: what the family can do about it.

use serde::Serialize;

/// Where a step stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    /// A duty past its deadline: still to be done, late.
    Overdue,
    /// Can be done now.
    Ready,
    /// A prerequisite is not done yet.
    Blocked,
    /// Prerequisites are done, but not before a later day (a lead time, a scheduled check), or
    /// an office or the hospital is doing it.
    Waiting,
    /// An office or the hospital has had its day: the family confirms it has the result.
    Confirm,
    /// An optional step the family will not take.
    Skipped,
    /// Its window has closed (an age limit, a bundle's window): it can no longer be done.
    Missed,
    /// Outside what the playbook covers for this family: done at its hukou place, under that
    /// place's rules.
    Elsewhere,
    /// Does not apply to this family (shown only on request).
    NotApplicable,
}

/// What decides the status of a step that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Standing {
    pub done: bool,
    pub skipped: bool,
    pub elsewhere: bool,
    /// Its window has passed.
    pub window_passed: bool,
    /// The hospital or an office does it.
    pub institution: bool,
    /// Its deadline is before today.
    pub past_deadline: bool,
    /// Its deadline binds its result, and the result came (or comes) only after the deadline or
    /// is not in yet: the office took its time, not the family.
    pub result_late: bool,
    /// A prerequisite is not done.
    pub open_prerequisite: bool,
    /// It cannot start before a day after today.
    pub not_yet: bool,
    /// For an institution's step: its day (deadline, or when its result is expected) has passed,
    /// or it has none.
    pub day_passed: bool,
}

impl Status {
    /// Every status, in the order a plan's header counts them.
    pub const ALL: [Status; 10] = [
        Status::Overdue,
        Status::Ready,
        Status::Confirm,
        Status::Blocked,
        Status::Waiting,
        Status::Elsewhere,
        Status::Done,
        Status::Skipped,
        Status::Missed,
        Status::NotApplicable,
    ];

    /// The status of a step that applies.
    pub(crate) fn of(s: Standing) -> Status {
        if s.done {
            Status::Done
        } else if s.skipped {
            Status::Skipped
        } else if s.elsewhere {
            Status::Elsewhere
        } else if s.window_passed {
            Status::Missed
        } else if s.institution {
            Status::institution(s)
        } else if s.past_deadline && !s.result_late {
            Status::Overdue
        } else if s.open_prerequisite {
            Status::Blocked
        } else if s.not_yet {
            Status::Waiting
        } else {
            Status::Ready
        }
    }

    /// An institution's step is never the family's overdue task.
    fn institution(s: Standing) -> Status {
        if s.open_prerequisite {
            Status::Blocked
        } else if s.day_passed {
            Status::Confirm
        } else {
            Status::Waiting
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Overdue => "overdue",
            Status::Ready => "ready",
            Status::Blocked => "blocked",
            Status::Waiting => "waiting",
            Status::Confirm => "confirm",
            Status::Skipped => "skipped",
            Status::Missed => "missed",
            Status::Elsewhere => "elsewhere",
            Status::NotApplicable => "not_applicable",
        }
    }

    /// Still to be done by someone: not done, skipped, missed, elsewhere or not applicable.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            Status::Overdue | Status::Ready | Status::Blocked | Status::Waiting | Status::Confirm
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_wins_then_skipped_elsewhere_missed_then_overdue_blocked_waiting() {
        let all = Standing {
            done: true,
            skipped: true,
            elsewhere: true,
            window_passed: true,
            institution: false,
            past_deadline: true,
            result_late: false,
            open_prerequisite: true,
            not_yet: true,
            day_passed: true,
        };
        assert_eq!(Status::of(all), Status::Done);
        let s = Standing { done: false, ..all };
        assert_eq!(Status::of(s), Status::Skipped);
        let s = Standing {
            skipped: false,
            ..s
        };
        assert_eq!(Status::of(s), Status::Elsewhere);
        let s = Standing {
            elsewhere: false,
            ..s
        };
        assert_eq!(Status::of(s), Status::Missed);
        let s = Standing {
            window_passed: false,
            ..s
        };
        assert_eq!(Status::of(s), Status::Overdue);
        // A result the office is late with is not the family's overdue task.
        let late = Standing {
            result_late: true,
            ..s
        };
        assert_eq!(Status::of(late), Status::Blocked);
        let s = Standing {
            past_deadline: false,
            ..s
        };
        assert_eq!(Status::of(s), Status::Blocked);
        let s = Standing {
            open_prerequisite: false,
            ..s
        };
        assert_eq!(Status::of(s), Status::Waiting);
        assert_eq!(Status::of(Standing::default()), Status::Ready);
    }

    #[test]
    fn an_institution_s_step_waits_then_asks_to_be_confirmed_and_is_never_overdue() {
        let s = Standing {
            institution: true,
            past_deadline: true,
            ..Standing::default()
        };
        assert_eq!(Status::of(s), Status::Waiting);
        let s = Standing {
            day_passed: true,
            ..s
        };
        assert_eq!(Status::of(s), Status::Confirm);
        let s = Standing {
            open_prerequisite: true,
            ..s
        };
        assert_eq!(Status::of(s), Status::Blocked);
    }
}
