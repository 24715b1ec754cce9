//! Property tests: date counting and merging hold for any input, not only the examples.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate};
use newborn::calendar::Calendar;
use newborn::family::{Event, EventKind, merge, progress_of};
use newborn::period::{Period, Rule, Unit};
use proptest::prelude::*;
use std::sync::OnceLock;

fn calendar() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(Calendar::embedded)
}

fn date() -> impl Strategy<Value = NaiveDate> {
    // 2006-12-01 … 2028-12-31: known years and the unknown years on both sides.
    (0u64..8067).prop_map(|d| NaiveDate::from_ymd_opt(2006, 12, 1).unwrap() + Days::new(d))
}

proptest! {
    #[test]
    fn the_nth_working_day_is_the_first_day_with_n_working_days(from in date(), n in 1u32..400) {
        let cal = calendar();
        let end = cal.add_working_days(from, n).date;
        prop_assert!(cal.is_working_day(end));
        prop_assert_eq!(cal.working_days_between(from, end), i64::from(n));
        prop_assert_eq!(cal.working_days_between(from, end.pred_opt().unwrap()), i64::from(n) - 1);
    }

    #[test]
    fn within_months_lands_on_the_same_day_or_the_months_last_day(from in date(), n in 1u32..36) {
        let end = Rule::Within(Period { amount: n, unit: Unit::Months }).last_day(from, calendar()).date;
        let months = (end.year() - from.year()) * 12 + end.month() as i32 - from.month() as i32;
        prop_assert_eq!(months, n as i32);
        let next = end.succ_opt().unwrap();
        prop_assert!(end.day() == from.day() || (end.day() < from.day() && next.month() != end.month()));
    }

    #[test]
    fn under_is_the_day_before_within(from in date(), n in 1u32..36, days in any::<bool>()) {
        let unit = if days { Unit::Days } else { Unit::Months };
        let p = Period { amount: n, unit };
        let within = Rule::Within(p).last_day(from, calendar()).date;
        let under = Rule::Under(p).last_day(from, calendar()).date;
        prop_assert_eq!(under.succ_opt().unwrap(), within);
    }

    #[test]
    fn within_days_counts_from_the_day_after(from in date(), n in 0u32..1000) {
        let end = Rule::Within(Period { amount: n, unit: Unit::Days }).last_day(from, calendar()).date;
        prop_assert_eq!((end - from).num_days(), i64::from(n));
        let _ = Months::new(0);
    }
}

fn event() -> impl Strategy<Value = Event> {
    (0i64..50, 0u8..6, any::<bool>(), 0u64..8, 0u32..30).prop_map(|(t, step, done, id, day)| {
        Event {
            recorded: DateTime::from_timestamp(1_790_000_000 + t, 0).unwrap(),
            id: format!("e{id}-{t}-{step}"),
            kind: if done {
                EventKind::Done
            } else {
                EventKind::Undone
            },
            step: format!("step-{step}"),
            on: NaiveDate::from_ymd_opt(2026, 10, 1).unwrap() + Days::new(u64::from(day)),
        }
    })
}

proptest! {
    #[test]
    fn merging_is_commutative_associative_and_idempotent(
        a in proptest::collection::vec(event(), 0..20),
        b in proptest::collection::vec(event(), 0..20),
        c in proptest::collection::vec(event(), 0..20),
    ) {
        prop_assert_eq!(merge(&a, &b), merge(&b, &a));
        prop_assert_eq!(merge(&merge(&a, &b), &c), merge(&a, &merge(&b, &c)));
        let ab = merge(&a, &b);
        prop_assert_eq!(merge(&ab, &ab), ab.clone());
        prop_assert_eq!(merge(&ab, &a), ab.clone());
        prop_assert_eq!(progress_of(&merge(&a, &b)), progress_of(&merge(&b, &a)));
    }
}
