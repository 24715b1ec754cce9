//! The order of a plan: prerequisites first, then the earliest date, then playbook order.

use chrono::NaiveDate;
use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A step's place among the plan's applicable steps, in playbook order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Place(pub usize);

/// What the order needs to know of one step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ToOrder {
    /// Its own date: its deadline, else its scheduled start.
    pub date: Option<NaiveDate>,
    pub prerequisites: Vec<Place>,
}

/// A topological order that takes, among the steps whose prerequisites are placed, the one with
/// the earliest date, then the first in the playbook. A step without a date of its own takes the
/// latest date of its prerequisites (or the birth). Steps on a cycle (which a checked playbook
/// cannot have) come last, in playbook order.
pub(crate) fn order(steps: &[ToOrder], birth: NaiveDate) -> Vec<Place> {
    let n = steps.len();
    let mut waiting_for: Vec<usize> = steps.iter().map(|s| s.prerequisites.len()).collect();
    let mut dependents: Vec<Vec<Place>> = vec![Vec::new(); n];
    for (i, s) in steps.iter().enumerate() {
        for p in &s.prerequisites {
            dependents[p.0].push(Place(i));
        }
    }
    let mut key: Vec<NaiveDate> = vec![birth; n];
    let key_of = |i: usize, key: &[NaiveDate]| {
        steps[i].date.unwrap_or_else(|| {
            let latest = steps[i].prerequisites.iter().map(|p| key[p.0]).max();
            latest.map_or(birth, |k| k.max(birth))
        })
    };
    let mut ready = BinaryHeap::new();
    for i in (0..n).filter(|&i| waiting_for[i] == 0) {
        key[i] = key_of(i, &key);
        ready.push(Reverse((key[i], Place(i))));
    }
    let mut out = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    while let Some(Reverse((_, place))) = ready.pop() {
        out.push(place);
        placed[place.0] = true;
        for &d in &dependents[place.0] {
            waiting_for[d.0] -= 1;
            if waiting_for[d.0] == 0 {
                key[d.0] = key_of(d.0, &key);
                ready.push(Reverse((key[d.0], d)));
            }
        }
    }
    out.extend((0..n).filter(|&i| !placed[i]).map(Place));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 10, d).unwrap()
    }

    fn steps(list: &[(Option<u32>, &[usize])]) -> Vec<ToOrder> {
        list.iter()
            .map(|(date, pre)| ToOrder {
                date: date.map(day),
                prerequisites: pre.iter().map(|&p| Place(p)).collect(),
            })
            .collect()
    }

    fn places(order: Vec<Place>) -> Vec<usize> {
        order.into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn ready_steps_go_by_date_then_playbook_order_and_wait_for_their_prerequisites() {
        // 0: the 20th; 1: the 10th; 2: the 10th; 3: the 5th but after 0; 4: undated after 1.
        let s = steps(&[
            (Some(20), &[]),
            (Some(10), &[]),
            (Some(10), &[]),
            (Some(5), &[0]),
            (None, &[1]),
        ]);
        assert_eq!(places(order(&s, day(8))), [1, 2, 4, 0, 3]);
    }

    #[test]
    fn an_undated_step_takes_the_date_of_its_latest_prerequisite() {
        // 0 (undated) waits for 2 (the 20th), which waits for 3 (the 12th); 1 is the 15th.
        let s = steps(&[
            (None, &[2]),
            (Some(15), &[]),
            (Some(20), &[3]),
            (Some(12), &[]),
        ]);
        assert_eq!(places(order(&s, day(8))), [3, 1, 2, 0]);
    }

    #[test]
    fn a_long_chain_is_ordered_without_recursion() {
        // 0 ← 1 ← 2 ← …, listed backwards; only the last has a date.
        let n = 50_000;
        let s: Vec<ToOrder> = (0..n)
            .map(|i| ToOrder {
                date: (i + 1 == n).then(|| day(8)),
                prerequisites: if i + 1 < n {
                    vec![Place(i + 1)]
                } else {
                    vec![]
                },
            })
            .collect();
        assert_eq!(places(order(&s, day(8))), (0..n).rev().collect::<Vec<_>>());
    }

    #[test]
    fn steps_on_a_cycle_are_kept() {
        let s = steps(&[(Some(9), &[1]), (None, &[0]), (Some(10), &[])]);
        assert_eq!(places(order(&s, day(8))), [2, 0, 1]);
    }
}
