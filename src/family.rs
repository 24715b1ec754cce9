//! The family's data: who the baby is (the profile) and what the family has done (progress, folded
//! from a log of events). The store keeps it; the engine plans from it.

use crate::facts::Facts;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// What the engine knows about the family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub region: String,
    pub birth_date: NaiveDate,
    pub facts: Facts,
}

/// What the family has done: the steps marked done (and the day each was done), and the
/// optional steps it will not take.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Progress {
    pub done: BTreeMap<String, NaiveDate>,
    pub skipped: BTreeSet<String>,
}

impl Progress {
    pub fn new() -> Progress {
        Progress::default()
    }

    /// The day step `id` was done.
    pub fn done_on(&self, id: &str) -> Option<NaiveDate> {
        self.done.get(id).copied()
    }

    pub fn is_done(&self, id: &str) -> bool {
        self.done.contains_key(id)
    }

    pub fn is_skipped(&self, id: &str) -> bool {
        self.skipped.contains(id)
    }
}

impl FromIterator<(String, NaiveDate)> for Progress {
    /// Steps done, none skipped.
    fn from_iter<I: IntoIterator<Item = (String, NaiveDate)>>(done: I) -> Progress {
        Progress {
            done: done.into_iter().collect(),
            skipped: BTreeSet::new(),
        }
    }
}

/// One recorded change of progress.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Event {
    /// When it was recorded (the clock of the machine that recorded it).
    pub recorded: DateTime<Utc>,
    /// A unique id, so that merged copies hold each event once.
    pub id: String,
    pub kind: EventKind,
    pub step: String,
    /// The day the step was done (for `done`), or the day recorded.
    pub on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Done,
    /// `undo`: neither done nor skipped.
    Undone,
    /// The family will not take this optional step.
    Skipped,
}

/// The union of two event logs by event id, in a canonical order: merging is commutative,
/// associative and idempotent, so two parents' copies give the same plan whichever way they merge.
pub fn merge(a: &[Event], b: &[Event]) -> Vec<Event> {
    let mut by_id: BTreeMap<&str, &Event> = BTreeMap::new();
    for e in a.iter().chain(b) {
        by_id
            .entry(e.id.as_str())
            .and_modify(|kept| {
                if e < *kept {
                    *kept = e;
                }
            })
            .or_insert(e);
    }
    let mut out: Vec<Event> = by_id.into_values().cloned().collect();
    out.sort();
    out
}

/// Folds events into progress: in the order recorded, the last event of a step wins.
pub fn progress_of(events: &[Event]) -> Progress {
    let mut sorted: Vec<&Event> = events.iter().collect();
    sorted.sort();
    let mut progress = Progress::new();
    for e in sorted {
        progress.skipped.remove(&e.step);
        progress.done.remove(&e.step);
        match e.kind {
            EventKind::Done => {
                progress.done.insert(e.step.clone(), e.on);
            }
            EventKind::Skipped => {
                progress.skipped.insert(e.step.clone());
            }
            EventKind::Undone => {}
        }
    }
    progress
}

/// A new random event id.
pub(crate) fn new_event_id() -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut out = String::new();
    for salt in 0..2u64 {
        let mut h = std::hash::RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        h.write_u32(std::process::id());
        out.push_str(&format!("{:016x}", h.finish()));
    }
    out
}
