#![allow(dead_code)]
//! Where each step id is in a playbook, worked out once when the playbook is checked, so that
//! planning finds prerequisites and progress by number instead of looking steps up by name, and
//! evaluates each distinct condition once.

use crate::condition::Expr;
use crate::period::{Period, Range, Rule};
use crate::playbook::{Anchor, Channel, Step, Text};
use rustc_hash::FxHashMap;

/// The maps the index is built with: keyed by ids, conditions and texts of a playbook being
/// checked (not chosen to collide), so a fast hash will do (FxHash, as rustc uses; SipHash,
/// the default, took half the time of building a 10,000-step index).
type Map<K, V> = FxHashMap<K, V>;

/// What a plan reads of every step, copied side by side from the steps when the index is made:
/// a plan reads these instead of the steps themselves (560 bytes each, mostly texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Planning {
    /// The deadline's rule, and whether it counts from the birth (else from a step).
    pub deadline: Option<(Rule, bool)>,
    /// Not before this long after birth.
    pub start: Option<Period>,
    pub lead_time: Option<Range>,
    /// Done at an office (in person, or through an office's window).
    pub office: bool,
}

/// The ids of a playbook's steps, numbered in order of first appearance (route variants of one
/// step share a number), and the steps' references as those numbers.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StepIndex {
    /// The ids, sorted, one after the other in one string: a family's progress (sorted by id
    /// too) is matched to them in one sweep over both, through one block of memory, instead of
    /// a hash lookup each (at 10,000 steps, most miss the cache).
    sorted_ids: String,
    /// For each id in `sorted_ids`, in order: its first bytes, where it ends there, and its
    /// number.
    sorted: Vec<SortedId>,
    // The numbers below are `u32`s (and `Num`s for those that may be missing): a plan reads
    // most of these lists, and at 10,000 steps, the index is as large as the plan.
    /// The number of each step's id, by step.
    number: Vec<u32>,
    /// The first step with each id, by number.
    first: Vec<u32>,
    /// The numbers of the ids each step requires, in order (an id not in the playbook is left
    /// out), for step `k`: `requires[requires_from[k]..requires_from[k + 1]]`.
    requires: Vec<u32>,
    requires_from: Vec<u32>,
    /// The number of the step a deadline counts from, by step.
    deadline_from: Vec<Num>,
    /// The number of each step's condition, by step. Equal conditions have the same number: a
    /// plan evaluates each once for the family, however many steps, materials and tips share
    /// it, instead of reading each copy (its names and values are all over the heap).
    when: Vec<Num>,
    /// The numbers of the conditions of each step's materials, in order (`None`: no condition),
    /// for step `k`: `material_when[material_from[k]..material_from[k + 1]]`.
    material_when: Vec<Num>,
    material_from: Vec<u32>,
    /// The same for the steps' tips.
    tip_when: Vec<Num>,
    tip_from: Vec<u32>,
    /// For each tip with placeholders to fill, side by side with `tip_when`, the number of its
    /// text: equal texts have the same number, and a plan fills each once.
    tip_fills: Vec<Num>,
    /// How many different texts with placeholders.
    fills: usize,
    /// The route each step is on (`None`: every route), as a number in `route_ids`.
    route: Vec<Num>,
    /// The routes the steps are on, in order of first appearance.
    route_ids: Vec<Text>,
    /// How many different conditions.
    conditions: usize,
    /// What a plan reads of each step, by step.
    planning: Vec<Planning>,
}

/// An id in the sorted list of a playbook's ids.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SortedId {
    /// Its first bytes, as `prefix` gives them, in two halves (a `u128` would align the entry
    /// to 16 bytes, making it 32 instead of 24).
    prefix: [u64; 2],
    /// Where it ends in `StepIndex::sorted_ids`.
    end: u32,
    /// Its number.
    number: u32,
}

impl SortedId {
    fn prefix(&self) -> u128 {
        u128::from(self.prefix[0]) << 64 | u128::from(self.prefix[1])
    }
}

/// The first 16 bytes of `id` as a number, zeros after its end. Ids whose prefixes differ sort
/// as their prefixes do (an id that another starts with sorts first, as its zeros do); ids with
/// the same prefix must be compared whole. Sixteen bytes, not eight: ids such as `step-1234`
/// (9 bytes) share their first eight with nine others, and comparing them whole, one after the
/// other, made the sweep over 10,000 ids take 19 times as long as over 1,000.
fn prefix(id: &str) -> u128 {
    let mut bytes = [0u8; 16];
    let n = id.len().min(16);
    bytes[..n].copy_from_slice(&id.as_bytes()[..n]);
    u128::from_be_bytes(bytes)
}

/// A number in the index, or none: half the bytes of an `Option<usize>`'s sixteen would do, and
/// a quarter do (`u32::MAX` is none; a playbook has far fewer steps, conditions and texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Num(u32);

impl Num {
    const NONE: Num = Num(u32::MAX);

    /// The number, if there is one.
    pub fn get(self) -> Option<usize> {
        (self != Num::NONE).then_some(self.0 as usize)
    }
}

impl From<Option<usize>> for Num {
    fn from(n: Option<usize>) -> Num {
        n.and_then(|n| u32::try_from(n).ok())
            .filter(|&n| n != u32::MAX)
            .map_or(Num::NONE, Num)
    }
}

impl StepIndex {
    pub fn new(steps: &[Step]) -> StepIndex {
        let mut by_id: Map<&str, usize> =
            Map::with_capacity_and_hasher(steps.len(), Default::default());
        let mut first = Vec::new();
        let number: Vec<usize> = steps
            .iter()
            .enumerate()
            .map(|(k, s)| {
                *by_id.entry(&s.id).or_insert_with(|| {
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
        let mut sorted: Vec<(&str, usize)> = by_id.iter().map(|(&id, &n)| (id, n)).collect();
        sorted.sort_unstable();
        let mut sorted_ids = String::with_capacity(sorted.iter().map(|(id, _)| id.len()).sum());
        let sorted = sorted
            .into_iter()
            .map(|(id, n)| {
                sorted_ids.push_str(id);
                let first = prefix(id);
                SortedId {
                    prefix: [(first >> 64) as u64, first as u64],
                    end: sorted_ids.len() as u32,
                    number: n as u32,
                }
            })
            .collect();
        let deadline_from: Vec<Option<usize>> = steps
            .iter()
            .map(|s| match s.deadline.as_ref().map(|d| &d.from) {
                Some(Anchor::Step(id)) => by_id.get(id.as_ref()).copied(),
                _ => None,
            })
            .collect();
        // Equal conditions, numbered in order of first appearance.
        fn condition_number<'s>(
            numbers: &mut Map<&'s Expr, usize>,
            when: &'s Option<Expr>,
        ) -> Option<usize> {
            when.as_ref().map(|w| {
                let next = numbers.len();
                *numbers.entry(w).or_insert(next)
            })
        }
        let mut conditions = Map::default();
        let when: Vec<Option<usize>> = steps
            .iter()
            .map(|s| condition_number(&mut conditions, &s.when))
            .collect();
        let (mut material_when, mut material_from) = (Vec::new(), vec![0]);
        let (mut tip_when, mut tip_from) = (Vec::new(), vec![0]);
        let mut tip_fills = Vec::new();
        let mut fills: Map<&str, usize> = Map::default();
        let mut route_ids: Vec<Text> = Vec::new();
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
            tip_fills.extend(s.tips.iter().map(|t| {
                t.text.contains('{').then(|| {
                    let next = fills.len();
                    *fills.entry(&t.text).or_insert(next)
                })
            }));
            route.push(s.route.as_ref().map(|r| {
                route_ids.iter().position(|id| id == r).unwrap_or_else(|| {
                    route_ids.push(r.clone());
                    route_ids.len() - 1
                })
            }));
        }
        let planning = steps
            .iter()
            .map(|s| Planning {
                deadline: s
                    .deadline
                    .as_ref()
                    .map(|d| (d.rule, d.from == Anchor::Birth)),
                start: s.start,
                lead_time: s.lead_time,
                office: s.in_person || s.channel == Channel::Office,
            })
            .collect();
        fn small(list: Vec<usize>) -> Vec<u32> {
            list.into_iter().map(|n| n as u32).collect()
        }
        fn nums(list: Vec<Option<usize>>) -> Vec<Num> {
            list.into_iter().map(Num::from).collect()
        }
        StepIndex {
            planning,
            sorted_ids,
            sorted,
            number: small(number),
            first: small(first),
            requires: small(requires),
            requires_from: small(requires_from),
            deadline_from: nums(deadline_from),
            when: nums(when),
            material_when: nums(material_when),
            material_from: small(material_from),
            tip_when: nums(tip_when),
            tip_from: small(tip_from),
            tip_fills: nums(tip_fills),
            fills: fills.len(),
            route: nums(route),
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

    /// The `i`th id in sorted order.
    fn sorted_id(&self, i: usize) -> &str {
        let start = i.checked_sub(1).map_or(0, |before| self.sorted[before].end);
        &self.sorted_ids[start as usize..self.sorted[i].end as usize]
    }

    /// The number of the id `id`.
    pub fn id_number(&self, id: &str) -> Option<usize> {
        let (mut lo, mut hi) = (0, self.sorted.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            match self.sorted_id(mid).cmp(id) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Equal => return Some(self.sorted[mid].number as usize),
                std::cmp::Ordering::Greater => hi = mid,
            }
        }
        None
    }

    /// Calls `f` with the number of each id of `by_id` that the playbook has, and its value.
    /// `by_id` must be sorted by id, each id once (as a map's entries are): both lists are
    /// read once, in order.
    pub fn each_known<'i, T>(
        &self,
        by_id: impl IntoIterator<Item = (&'i str, T)>,
        mut f: impl FnMut(usize, T),
    ) {
        use std::cmp::Ordering::{Equal, Greater, Less};
        // The first bytes of every id given are read before the sweep: the ids are all over the
        // heap, and read one after the other, their cache misses overlap. The sweep then
        // compares numbers, and texts only where the first bytes are the same.
        let given: Vec<(u128, &str, T)> = by_id
            .into_iter()
            .map(|(id, value)| (prefix(id), id, value))
            .collect();
        let mut i = 0;
        for (first, id, value) in given {
            while let Some(known) = self.sorted.get(i) {
                let order = known
                    .prefix()
                    .cmp(&first)
                    .then_with(|| self.sorted_id(i).cmp(id));
                match order {
                    Less => i += 1,
                    Equal => {
                        f(known.number as usize, value);
                        i += 1;
                        break;
                    }
                    Greater => break,
                }
            }
        }
    }

    /// The number of the id of step `k`.
    pub fn number(&self, k: usize) -> usize {
        self.number[k] as usize
    }

    /// The first step with the id numbered `n`.
    pub fn first(&self, n: usize) -> usize {
        self.first[n] as usize
    }

    /// The numbers of the ids step `k` requires.
    pub fn requires(&self, k: usize) -> &[u32] {
        &self.requires[self.requires_from[k] as usize..self.requires_from[k + 1] as usize]
    }

    /// How many requirements all the steps have together.
    pub fn requires_len(&self) -> usize {
        self.requires.len()
    }

    /// The number of the step whose completion starts the deadline of step `k`.
    pub fn deadline_from(&self, k: usize) -> Option<usize> {
        self.deadline_from[k].get()
    }

    /// How many different tip texts have placeholders.
    pub fn fills(&self) -> usize {
        self.fills
    }

    /// How many different conditions the steps, materials and tips have.
    pub fn conditions(&self) -> usize {
        self.conditions
    }

    /// The number of the condition of step `k` (`None`: it has none).
    pub fn when(&self, k: usize) -> Option<usize> {
        self.when[k].get()
    }

    /// The numbers of the conditions of the materials of step `k`, in order.
    pub fn material_when(&self, k: usize) -> &[Num] {
        &self.material_when[self.material_from[k] as usize..self.material_from[k + 1] as usize]
    }

    /// The numbers of the conditions of the tips of step `k`, in order.
    pub fn tip_when(&self, k: usize) -> &[Num] {
        &self.tip_when[self.tip_from[k] as usize..self.tip_from[k + 1] as usize]
    }

    /// The numbers of the texts of the tips of step `k` that have placeholders to fill.
    pub fn tip_fills(&self, k: usize) -> &[Num] {
        &self.tip_fills[self.tip_from[k] as usize..self.tip_from[k + 1] as usize]
    }

    /// What a plan reads of step `k`.
    pub fn planning(&self, k: usize) -> Planning {
        self.planning[k]
    }

    /// The number of the route step `k` is on (`None`: every route).
    pub fn route(&self, k: usize) -> Option<usize> {
        self.route[k].get()
    }

    /// The ids of the routes the steps are on, by number.
    pub fn route_ids(&self) -> &[Text] {
        &self.route_ids
    }
}
