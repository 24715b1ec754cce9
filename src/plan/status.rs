//! Where a step stands today.

use serde::Serialize;

/// Where a step stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    /// Its deadline has passed and it is not done.
    Overdue,
    /// Can be done now.
    Ready,
    /// A prerequisite is not done yet.
    Blocked,
    /// Prerequisites are done, but not before a later day (a lead time, a scheduled check).
    Waiting,
    /// Does not apply to this family (shown only on request).
    NotApplicable,
}

/// What decides the status of a step that applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Standing {
    pub done: bool,
    /// Its deadline is before today.
    pub past_deadline: bool,
    /// A prerequisite is not done.
    pub open_prerequisite: bool,
    /// It cannot start before a day after today.
    pub not_yet: bool,
}

impl Status {
    /// The status of a step that applies: done, else overdue, else blocked, else waiting, else
    /// ready.
    pub(crate) fn of(s: Standing) -> Status {
        if s.done {
            Status::Done
        } else if s.past_deadline {
            Status::Overdue
        } else if s.open_prerequisite {
            Status::Blocked
        } else if s.not_yet {
            Status::Waiting
        } else {
            Status::Ready
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Overdue => "overdue",
            Status::Ready => "ready",
            Status::Blocked => "blocked",
            Status::Waiting => "waiting",
            Status::NotApplicable => "not_applicable",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn done_wins_then_overdue_then_blocked_then_waiting() {
        let all = Standing {
            done: true,
            past_deadline: true,
            open_prerequisite: true,
            not_yet: true,
        };
        assert_eq!(Status::of(all), Status::Done);
        let late = Standing { done: false, ..all };
        assert_eq!(Status::of(late), Status::Overdue);
        let blocked = Standing {
            past_deadline: false,
            ..late
        };
        assert_eq!(Status::of(blocked), Status::Blocked);
        let waiting = Standing {
            open_prerequisite: false,
            ..blocked
        };
        assert_eq!(Status::of(waiting), Status::Waiting);
        assert_eq!(Status::of(Standing::default()), Status::Ready);
    }
}
