//! A plan's order: prerequisites first, then the smallest key (see `urgency`), then playbook
//! order.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// A step's place among the plan's steps, in playbook order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Place(pub usize);

/// A topological order that takes, among the steps whose prerequisites are placed, the one with
/// the smallest key, then the first in the playbook. Steps on a cycle (which a checked playbook
/// cannot have) come last, in playbook order.
pub(crate) fn order<K: Ord + Copy>(keys: &[K], prerequisites: &[Vec<Place>]) -> Vec<Place> {
    let n = keys.len();
    let mut waiting_for: Vec<usize> = prerequisites.iter().map(Vec::len).collect();
    let mut dependents: Vec<Vec<Place>> = vec![Vec::new(); n];
    for (i, pre) in prerequisites.iter().enumerate() {
        for p in pre {
            dependents[p.0].push(Place(i));
        }
    }
    let mut ready: BinaryHeap<Reverse<(K, Place)>> = (0..n)
        .filter(|&i| waiting_for[i] == 0)
        .map(|i| Reverse((keys[i], Place(i))))
        .collect();
    let mut out = Vec::with_capacity(n);
    let mut placed = vec![false; n];
    while let Some(Reverse((_, place))) = ready.pop() {
        out.push(place);
        placed[place.0] = true;
        for &d in &dependents[place.0] {
            waiting_for[d.0] -= 1;
            if waiting_for[d.0] == 0 {
                ready.push(Reverse((keys[d.0], d)));
            }
        }
    }
    out.extend((0..n).filter(|&i| !placed[i]).map(Place));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pre(list: &[&[usize]]) -> Vec<Vec<Place>> {
        list.iter()
            .map(|p| p.iter().map(|&i| Place(i)).collect())
            .collect()
    }

    fn places(order: Vec<Place>) -> Vec<usize> {
        order.into_iter().map(|p| p.0).collect()
    }

    #[test]
    fn ready_steps_go_by_key_then_playbook_order_and_wait_for_their_prerequisites() {
        // 3 has the smallest key but waits for 0.
        let keys = [20, 10, 10, 5, 15];
        let prerequisites = pre(&[&[], &[], &[], &[0], &[1]]);
        assert_eq!(places(order(&keys, &prerequisites)), [1, 2, 4, 0, 3]);
    }

    #[test]
    fn a_long_chain_is_ordered_without_recursion() {
        // 0 ← 1 ← 2 ← …, listed backwards.
        let n = 50_000;
        let prerequisites: Vec<Vec<Place>> = (0..n)
            .map(|i| {
                if i + 1 < n {
                    vec![Place(i + 1)]
                } else {
                    vec![]
                }
            })
            .collect();
        let keys = vec![0; n];
        assert_eq!(
            places(order(&keys, &prerequisites)),
            (0..n).rev().collect::<Vec<_>>()
        );
    }

    #[test]
    fn steps_on_a_cycle_are_kept() {
        let prerequisites = pre(&[&[1], &[0], &[]]);
        assert_eq!(places(order(&[1, 2, 3], &prerequisites)), [2, 0, 1]);
    }
}
