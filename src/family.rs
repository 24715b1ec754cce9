//! The family's data: who the baby is (the profile) and what the family has done (progress, folded
//! from a log of events). The store keeps it; the engine plans from it.

use crate::facts::Facts;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What the engine knows about the family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub region: String,
    pub birth_date: NaiveDate,
    pub facts: Facts,
}

/// The steps marked done, and the day each was done.
pub type Progress = BTreeMap<String, NaiveDate>;

/// One recorded change of progress.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Event {
    /// When it was recorded (the clock of the machine that recorded it).
    pub recorded: DateTime<Utc>,
    /// A unique id, so that merged copies hold each event once.
    pub id: String,
    pub kind: EventKind,
    pub step: String,
    /// The day the step was done (for `done`).
    pub on: NaiveDate,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Done,
    Undone,
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
        match e.kind {
            EventKind::Done => {
                progress.insert(e.step.clone(), e.on);
            }
            EventKind::Undone => {
                progress.remove(&e.step);
            }
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
