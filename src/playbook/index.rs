//! Where each step id is in a playbook, worked out once when the playbook is checked, so that
//! planning finds prerequisites and progress by number instead of looking steps up by name.

use super::{Anchor, Step};
use std::collections::HashMap;

/// The ids of a playbook's steps, numbered in order of first appearance (route variants of one
/// step share a number), and the steps' references as those numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepIndex {
    /// The number of each id.
    by_id: HashMap<String, usize>,
    /// The number of each step's id, by step.
    number: Vec<usize>,
    /// The first step with each id, by number.
    first: Vec<usize>,
    /// The numbers of the ids each step requires, in order (an id not in the playbook is left
    /// out), for step `k`: `requires[requires_from[k]..requires_from[k + 1]]`.
    requires: Vec<usize>,
    requires_from: Vec<usize>,
    /// The number of the step a deadline counts from, by step.
    deadline_from: Vec<Option<usize>>,
}

impl StepIndex {
    pub fn new(steps: &[Step]) -> StepIndex {
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(steps.len());
        let mut first = Vec::new();
        let number: Vec<usize> = steps
            .iter()
            .enumerate()
            .map(|(k, s)| {
                *by_id.entry(s.id.to_string()).or_insert_with(|| {
                    first.push(k);
                    first.len() - 1
                })
            })
            .collect();
        let mut requires = Vec::with_capacity(steps.len() * 2);
        let mut requires_from = Vec::with_capacity(steps.len() + 1);
        requires_from.push(0);
        for s in steps {
            requires.extend(
                s.requires
                    .iter()
                    .filter_map(|r| by_id.get(r.as_ref()).copied()),
            );
            requires_from.push(requires.len());
        }
        let deadline_from = steps
            .iter()
            .map(|s| match s.deadline.as_ref().map(|d| &d.from) {
                Some(Anchor::Step(id)) => by_id.get(id.as_ref()).copied(),
                _ => None,
            })
            .collect();
        StepIndex {
            by_id,
            number,
            first,
            requires,
            requires_from,
            deadline_from,
        }
    }

    /// Whether this index can be for `steps` (as many steps). Only the length is compared, to
    /// keep planning free of lookups by name: a playbook's steps are not changed once checked.
    pub fn fits(&self, steps: &[Step]) -> bool {
        self.number.len() == steps.len()
    }

    /// How many different ids.
    pub fn ids(&self) -> usize {
        self.first.len()
    }

    /// The number of the id `id`.
    pub fn id_number(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// The number of the id of step `k`.
    pub fn number(&self, k: usize) -> usize {
        self.number[k]
    }

    /// The first step with the id numbered `n`.
    pub fn first(&self, n: usize) -> usize {
        self.first[n]
    }

    /// The numbers of the ids step `k` requires.
    pub fn requires(&self, k: usize) -> &[usize] {
        &self.requires[self.requires_from[k]..self.requires_from[k + 1]]
    }

    /// How many requirements all the steps have together.
    pub fn requires_len(&self) -> usize {
        self.requires.len()
    }

    /// The number of the step whose completion starts the deadline of step `k`.
    pub fn deadline_from(&self, k: usize) -> Option<usize> {
        self.deadline_from[k]
    }
}
