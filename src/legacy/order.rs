#![allow(dead_code)]
//! The order of a plan: prerequisites first, then the earliest date, then playbook order. Linear
//! in steps and edges: no comparison sort and no binary heap, whose log factor made a
//! 10,000-step plan's order take 28 times as long as a 1,000-step plan's.

use chrono::{Datelike, NaiveDate};

/// A list of step numbers for each step, kept in one buffer (a step's prerequisites, or the
/// steps that wait for it). Numbers are `u32`: at 10,000 steps, the lists and the arrays the
/// order is worked out with are read in an order of their own, and half the bytes keep them in
/// the core's cache.
pub(super) struct Lists {
    items: Vec<u32>,
    /// The list of step `i` is `items[from[i]..from[i + 1]]`.
    from: Vec<u32>,
}

impl Default for Lists {
    /// No lists.
    fn default() -> Lists {
        Lists::with_capacity(0, 0)
    }
}

impl Lists {
    pub(super) fn with_capacity(lists: usize, items: usize) -> Lists {
        let mut from = Vec::with_capacity(lists + 1);
        from.push(0);
        Lists {
            items: Vec::with_capacity(items),
            from,
        }
    }

    /// Adds the next step's list.
    pub(super) fn push(&mut self, items: impl IntoIterator<Item = u32>) {
        self.items.extend(items);
        self.from.push(self.items.len() as u32);
    }

    pub(super) fn of(&self, i: usize) -> &[u32] {
        &self.items[self.from[i] as usize..self.from[i + 1] as usize]
    }

    pub(super) fn len(&self) -> usize {
        self.from.len() - 1
    }

    /// For each step, the steps whose lists hold it, in order (once per time held).
    pub(super) fn reversed(&self) -> Lists {
        let mut count = vec![0u32; self.len() + 1];
        for &j in &self.items {
            count[j as usize + 1] += 1;
        }
        for j in 0..self.len() {
            count[j + 1] += count[j];
        }
        let from = count.clone();
        let mut items = vec![0; self.items.len()];
        let mut next = count;
        for i in 0..self.len() {
            for &j in self.of(i) {
                let at = &mut next[j as usize];
                items[*at as usize] = i as u32;
                *at += 1;
            }
        }
        Lists { items, from }
    }
}

/// A step without a date of its own, among the days of `order`.
const UNDATED: i32 = i32::MIN;

/// A topological order that, among the steps whose prerequisites are placed, takes the one with
/// the earliest date, then the earliest in the playbook. `own` is each step's own date (its
/// deadline, else its scheduled start); an undated step sorts right after its latest
/// prerequisite (or at the birth). Returns the steps in order. Nothing recurses, so a long chain
/// cannot overflow the stack.
pub(super) fn order(
    own: &[Option<NaiveDate>],
    prereqs: &Lists,
    dependents: &Lists,
    birth: NaiveDate,
) -> Vec<u32> {
    let n = own.len();
    // Dates as day numbers.
    let day = |d: NaiveDate| d.num_days_from_ce();
    let birth = day(birth);
    let own: Vec<i32> = own.iter().map(|d| d.map_or(UNDATED, day)).collect();

    // Each step's key: its own date, or the latest key of its prerequisites. Prerequisites
    // mostly come first in a playbook, so one sweep in playbook order keys most steps, reading
    // the arrays front to back; the steps it could not key are keyed as their prerequisites are.
    let mut key: Vec<i32> = vec![birth; n];
    let mut keyed = vec![false; n];
    // Both are worked out and one is taken: whether a step is dated follows no pattern, and a
    // choice the processor cannot predict costs more than the few keys read.
    let key_of = |i: usize, key: &[i32]| {
        let latest = prereqs
            .of(i)
            .iter()
            .fold(birth, |k, &j| k.max(key[j as usize]));
        let own = own[i];
        if own == UNDATED { latest } else { own }
    };
    let mut late = false;
    for i in 0..n {
        if prereqs.of(i).iter().all(|&j| keyed[j as usize]) {
            key[i] = key_of(i, &key);
            keyed[i] = true;
        } else {
            late = true;
        }
    }
    if late {
        let mut left: Vec<u32> = (0..n)
            .map(|i| {
                let pre = prereqs.of(i).iter();
                pre.filter(|&&j| !keyed[j as usize]).count() as u32
            })
            .collect();
        let mut ready: Vec<u32> = (0..n as u32)
            .filter(|&i| !keyed[i as usize] && left[i as usize] == 0)
            .collect();
        while let Some(i) = ready.pop() {
            let i = i as usize;
            key[i] = key_of(i, &key);
            keyed[i] = true;
            for &d in dependents.of(i) {
                let d = d as usize;
                if !keyed[d] {
                    left[d] -= 1;
                    if left[d] == 0 {
                        ready.push(d as u32);
                    }
                }
            }
        }
        // Validation forbids cycles; a step on one keeps its own date, or the birth.
        for i in 0..n {
            if !keyed[i] {
                key[i] = if own[i] == UNDATED { birth } else { own[i] };
            }
        }
    }

    // The steps by key, then playbook order; a step's rank is its place there.
    let by_rank = sort_by_key_then_index(&key);
    let mut rank = vec![0u32; n];
    for (r, &i) in by_rank.iter().enumerate() {
        rank[i as usize] = r as u32;
    }

    // The rest is done by rank: each rank's number of prerequisites, and the ranks that wait for
    // it. The steps are then taken mostly in rank order, and so are these arrays read.
    let mut left = vec![0u32; n];
    let mut waiting = vec![0u32; n + 1];
    for i in 0..n {
        let pre = prereqs.of(i);
        left[rank[i] as usize] = pre.len() as u32;
        for &j in pre {
            waiting[rank[j as usize] as usize + 1] += 1;
        }
    }
    for r in 0..n {
        waiting[r + 1] += waiting[r];
    }
    let mut next = waiting.clone();
    let mut waiters = vec![0u32; waiting[n] as usize];
    for i in 0..n {
        for &j in prereqs.of(i) {
            let at = &mut next[rank[j as usize] as usize];
            waiters[*at as usize] = rank[i];
            *at += 1;
        }
    }

    // Take the ready step of the lowest rank, again and again.
    let mut queue = RankQueue::new(n);
    for (r, &l) in left.iter().enumerate() {
        queue.insert_if(r, l == 0);
    }
    let mut out = Vec::with_capacity(n);
    while let Some(r) = queue.pop_min() {
        out.push(by_rank[r]);
        for &w in &waiters[waiting[r] as usize..waiting[r + 1] as usize] {
            let l = &mut left[w as usize];
            *l -= 1;
            queue.insert_if(w as usize, *l == 0);
        }
    }
    // Validation forbids cycles; keep every step even so (those on one still wait).
    if out.len() < n {
        out.extend((0..n as u32).filter(|&i| left[rank[i as usize] as usize] > 0));
    }
    out
}

/// The indices `0..keys.len()` sorted by key (a day number), equal keys in index order. Dates in
/// a plan span a few years, so they are counted into one bucket per day (linear); a wider span
/// is sorted.
fn sort_by_key_then_index(keys: &[i32]) -> Vec<u32> {
    let (Some(&lo), Some(&hi)) = (keys.iter().min(), keys.iter().max()) else {
        return Vec::new();
    };
    let span = (i64::from(hi) - i64::from(lo)) as usize + 1;
    if span > 4 * keys.len() + 4096 {
        let mut out: Vec<u32> = (0..keys.len() as u32).collect();
        out.sort_by_key(|&i| (keys[i as usize], i));
        return out;
    }
    let bucket = |k: i32| (k - lo) as usize;
    let mut start = vec![0u32; span + 1];
    for &k in keys {
        start[bucket(k) + 1] += 1;
    }
    for b in 0..span {
        start[b + 1] += start[b];
    }
    let mut out = vec![0; keys.len()];
    for (i, &k) in keys.iter().enumerate() {
        let at = &mut start[bucket(k)];
        out[*at as usize] = i as u32;
        *at += 1;
    }
    out
}

/// A set of ranks `0..n` that gives up its lowest: a bit per rank, and a bit per 64 ranks that
/// says whether any of them is in the set. Inserting is constant time; taking the lowest scans
/// one summary word per 4,096 ranks.
struct RankQueue {
    words: Vec<u64>,
    summary: Vec<u64>,
}

impl RankQueue {
    fn new(n: usize) -> RankQueue {
        let words = n.div_ceil(64);
        RankQueue {
            words: vec![0; words],
            summary: vec![0; words.div_ceil(64)],
        }
    }

    #[cfg(test)]
    fn insert(&mut self, rank: usize) {
        self.insert_if(rank, true);
    }

    /// Inserts `rank` if `yes`, without a branch: whether a step became ready follows no pattern
    /// the processor could predict.
    fn insert_if(&mut self, rank: usize, yes: bool) {
        let w = rank / 64;
        self.words[w] |= u64::from(yes) << (rank % 64);
        self.summary[w / 64] |= u64::from(yes) << (w % 64);
    }

    fn pop_min(&mut self) -> Option<usize> {
        let s = self.summary.iter().position(|&s| s != 0)?;
        let w = s * 64 + self.summary[s].trailing_zeros() as usize;
        let bit = self.words[w].trailing_zeros() as usize;
        self.words[w] &= self.words[w] - 1;
        // The word's summary bit goes when the word is empty (without a branch, as above).
        self.summary[s] &= !(u64::from(self.words[w] == 0) << (w % 64));
        Some(w * 64 + bit)
    }
}
