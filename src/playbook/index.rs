//! Where each step id is in a playbook, worked out once when the playbook is checked, so that
//! planning finds prerequisites and progress by number instead of looking steps up by name, and
//! evaluates each distinct condition once.

use super::{Anchor, Step};
use crate::condition::Expr;
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
    /// The number of each step's condition, by step. Equal conditions have the same number: a
    /// plan evaluates each once for the family, however many steps, materials and tips share
    /// it, instead of reading each copy (its names and values are all over the heap).
    when: Vec<Option<usize>>,
    /// The numbers of the conditions of each step's materials, in order (`None`: no condition),
    /// for step `k`: `material_when[material_from[k]..material_from[k + 1]]`.
    material_when: Vec<Option<usize>>,
    material_from: Vec<usize>,
    /// The same for the steps' tips.
    tip_when: Vec<Option<usize>>,
    tip_from: Vec<usize>,
    /// Whether each tip has placeholders to fill, side by side with `tip_when`.
    tip_fills: Vec<bool>,
    /// The route each step is on (`None`: every route), as a number in `route_ids`.
    route: Vec<Option<usize>>,
    /// The routes the steps are on, in order of first appearance.
    route_ids: Vec<String>,
    /// How many different conditions.
    conditions: usize,
}

impl StepIndex {
    pub fn new(steps: &[Step]) -> StepIndex {
        let mut by_id: HashMap<String, usize> = HashMap::with_capacity(steps.len());
        let mut first = Vec::new();
        let number: Vec<usize> = steps
            .iter()
            .enumerate()
            .map(|(k, s)| {
                *by_id.entry(s.id.clone()).or_insert_with(|| {
                    first.push(k);
                    first.len() - 1
                })
            })
            .collect();
        let mut requires = Vec::with_capacity(steps.len() * 2);
        let mut requires_from = Vec::with_capacity(steps.len() + 1);
        requires_from.push(0);
        for s in steps {
            requires.extend(s.requires.iter().filter_map(|r| by_id.get(r).copied()));
            requires_from.push(requires.len());
        }
        let deadline_from = steps
            .iter()
            .map(|s| match s.deadline.as_ref().map(|d| &d.from) {
                Some(Anchor::Step(id)) => by_id.get(id).copied(),
                _ => None,
            })
            .collect();
        // Equal conditions, numbered in order of first appearance.
        fn condition_number<'s>(
            numbers: &mut HashMap<&'s Expr, usize>,
            when: &'s Option<Expr>,
        ) -> Option<usize> {
            when.as_ref().map(|w| {
                let next = numbers.len();
                *numbers.entry(w).or_insert(next)
            })
        }
        let mut conditions = HashMap::new();
        let when = steps
            .iter()
            .map(|s| condition_number(&mut conditions, &s.when))
            .collect();
        let (mut material_when, mut material_from) = (Vec::new(), vec![0]);
        let (mut tip_when, mut tip_from) = (Vec::new(), vec![0]);
        let mut tip_fills = Vec::new();
        let mut route_ids: Vec<String> = Vec::new();
        let mut route = Vec::with_capacity(steps.len());
        for s in steps {
            material_when.extend(
                s.materials
                    .iter()
                    .map(|m| condition_number(&mut conditions, &m.when)),
            );
            material_from.push(material_when.len());
            tip_when.extend(
                s.tips
                    .iter()
                    .map(|t| condition_number(&mut conditions, &t.when)),
            );
            tip_from.push(tip_when.len());
            tip_fills.extend(s.tips.iter().map(|t| t.text.contains('{')));
            route.push(s.route.as_ref().map(|r| {
                route_ids.iter().position(|id| id == r).unwrap_or_else(|| {
                    route_ids.push(r.clone());
                    route_ids.len() - 1
                })
            }));
        }
        StepIndex {
            by_id,
            number,
            first,
            requires,
            requires_from,
            deadline_from,
            when,
            material_when,
            material_from,
            tip_when,
            tip_from,
            tip_fills,
            route,
            route_ids,
            conditions: conditions.len(),
        }
    }

    /// Whether this index can be for `steps` (as many steps). Only the length is compared, to
    /// keep planning free of lookups by name and of reading every step: a playbook's steps
    /// (their prerequisites, conditions, materials and tips) are not changed once checked.
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

    /// How many different conditions the steps, materials and tips have.
    pub fn conditions(&self) -> usize {
        self.conditions
    }

    /// The number of the condition of step `k` (`None`: it has none).
    pub fn when(&self, k: usize) -> Option<usize> {
        self.when[k]
    }

    /// The numbers of the conditions of the materials of step `k`, in order.
    pub fn material_when(&self, k: usize) -> &[Option<usize>] {
        &self.material_when[self.material_from[k]..self.material_from[k + 1]]
    }

    /// The numbers of the conditions of the tips of step `k`, in order.
    pub fn tip_when(&self, k: usize) -> &[Option<usize>] {
        &self.tip_when[self.tip_from[k]..self.tip_from[k + 1]]
    }

    /// Whether each tip of step `k` has placeholders to fill.
    pub fn tip_fills(&self, k: usize) -> &[bool] {
        &self.tip_fills[self.tip_from[k]..self.tip_from[k + 1]]
    }

    /// The number of the route step `k` is on (`None`: every route).
    pub fn route(&self, k: usize) -> Option<usize> {
        self.route[k]
    }

    /// The ids of the routes the steps are on, by number.
    pub fn route_ids(&self) -> &[String] {
        &self.route_ids
    }
}
