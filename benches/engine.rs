//! Benchmarks of the engine (divan): reading and checking a playbook, planning 100 to 10,000
//! steps, and working-day arithmetic over a decade. The synthetic playbooks come from
//! `examples/support/synthetic.rs` (as `cargo run --example gen_playbook` prints them).
//!
//! ```sh
//! cargo bench --bench engine             # full run
//! cargo bench --bench engine -- --test   # smoke: every benchmark once (CI)
//! ```
//!
//! `plan` also reports its allocations: `max alloc` is the peak heap a plan holds.

#[path = "../examples/support/synthetic.rs"]
mod synthetic;

use chrono::NaiveDate;
use divan::{AllocProfiler, Bencher, black_box};
use newborn::calendar::Calendar;
use newborn::diagnostic::SourceFile;
use newborn::facts::Facts;
use newborn::family::{Profile, Progress};
use newborn::plan;
use newborn::playbook::Playbook;
use newborn::registry::Registry;

#[global_allocator]
static ALLOC: AllocProfiler = AllocProfiler::system();

const SIZES: &[usize] = &[100, 1_000, 10_000];

fn main() {
    divan::main();
}

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn synthetic_file(steps: usize) -> SourceFile {
    SourceFile {
        name: "synthetic.toml".into(),
        text: synthetic::playbook(steps).into(),
    }
}

fn load(steps: usize) -> Playbook {
    Registry::embedded()
        .load_file(synthetic_file(steps))
        .unwrap_or_else(|e| panic!("{e}"))
}

/// Reading (TOML) and checking a synthetic playbook.
#[divan::bench(args = SIZES, sample_count = 10)]
fn parse_and_validate(bencher: Bencher, steps: usize) {
    let registry = Registry::embedded();
    let file = synthetic_file(steps);
    bencher.bench_local(|| registry.load_file(black_box(file.clone())).unwrap());
}

/// Loading a shipped playbook and the one it extends, as every command does.
#[divan::bench]
fn load_shipped_hebei(bencher: Bencher) {
    let registry = Registry::embedded();
    bencher.bench_local(|| registry.load(black_box("hebei")).unwrap());
}

/// The plan of a family a month after a birth in late 2026, a third of the steps done: working
/// days run into 2027, whose schedule is not known, so most steps also carry a warning. The plan
/// is returned, so freeing it is not timed (divan drops returned values outside the timing).
#[divan::bench(args = SIZES)]
fn plan(bencher: Bencher, steps: usize) {
    let playbook = load(steps);
    let calendar = Calendar::embedded();
    let birth = date("2026-11-20");
    let profile = Profile {
        region: "synthetic".into(),
        birth_date: birth,
        facts: Facts::default(),
    };
    let progress: Progress = playbook
        .steps
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 3 == 0)
        .map(|(_, s)| (s.id.to_string(), date("2026-12-01")))
        .collect();
    let today = date("2026-12-20");
    bencher.bench_local(|| {
        plan::plan(
            black_box(&playbook),
            &profile,
            &progress,
            black_box(today),
            &calendar,
        )
    });
}

/// The plan of a family in each shipped region, three weeks after the birth.
#[divan::bench(args = ["national", "shenzhen", "xiamen", "hebei", "guangxi", "nanning"])]
fn plan_shipped(bencher: Bencher, region: &str) {
    let playbook = Registry::embedded().load(region).unwrap();
    let calendar = Calendar::embedded();
    let profile = Profile {
        region: region.into(),
        birth_date: date("2026-10-08"),
        facts: Facts::default(),
    };
    let progress = Progress::new();
    bencher.bench_local(|| {
        plan::plan(
            black_box(&playbook),
            &profile,
            &progress,
            black_box(date("2026-10-29")),
            &calendar,
        )
    });
}

/// Building the calendar from the shipped schedule (every command does).
#[divan::bench]
fn calendar_embedded() -> Calendar {
    Calendar::embedded()
}

mod working_days {
    use super::*;

    /// Working days in spans from a week to a decade: the cost must not grow with the span.
    #[divan::bench(args = [7, 365, 3650])]
    fn between(bencher: Bencher, days: u64) {
        let calendar = Calendar::embedded();
        let from = date("2016-01-01");
        let to = from + chrono::Days::new(days);
        bencher.bench_local(|| calendar.working_days_between(black_box(from), black_box(to)));
    }

    /// The Nth working day after a date, for N from a week to a decade (2,400 ≈ 10 years).
    #[divan::bench(args = [5, 240, 2400])]
    fn add(bencher: Bencher, n: u32) {
        let calendar = Calendar::embedded();
        let from = date("2016-01-01");
        bencher.bench_local(|| calendar.add_working_days(black_box(from), black_box(n)));
    }

    /// Every day of a decade: is it a working day?
    #[divan::bench(sample_count = 20)]
    fn is_working_day_for_every_day_of_a_decade(bencher: Bencher) {
        let calendar = Calendar::embedded();
        let from = date("2016-01-01");
        bencher.bench_local(|| {
            (0..3653u64)
                .filter(|&d| calendar.is_working_day(from + chrono::Days::new(d)))
                .count()
        });
    }
}
