//! The values a family's conditions see on one day: facts, ages, and named conditions.

use crate::calendar::{Calendar, WorkDate};
use crate::condition::{Env, Op, Unmet};
use crate::facts::Value;
use crate::family::Profile;
use crate::period::Period;
use crate::playbook::Playbook;
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap as HashMap;
use std::cell::RefCell;
use std::collections::BTreeSet;

/// The values conditions see for one family on one day.
pub(crate) struct FamilyEnv<'a> {
    playbook: &'a Playbook,
    profile: &'a Profile,
    today: NaiveDate,
    calendar: &'a Calendar,
    /// What was evaluated with estimated dates, in the order first met (each once).
    estimated: RefCell<Vec<String>>,
    /// The unknown years those estimates crossed.
    estimated_years: RefCell<BTreeSet<i32>>,
    /// Periods counted from a day: a plan counts the same few (ages, deadlines) for many steps.
    counted: RefCell<HashMap<(Period, NaiveDate), WorkDate>>,
}

impl<'a> FamilyEnv<'a> {
    pub(crate) fn new(
        playbook: &'a Playbook,
        profile: &'a Profile,
        today: NaiveDate,
        calendar: &'a Calendar,
    ) -> Self {
        FamilyEnv {
            playbook,
            profile,
            today,
            calendar,
            estimated: RefCell::default(),
            estimated_years: RefCell::default(),
            counted: RefCell::default(),
        }
    }

    pub(crate) fn birth(&self) -> NaiveDate {
        self.profile.birth_date
    }

    pub(crate) fn calendar(&self) -> &'a Calendar {
        self.calendar
    }

    /// `period` after `from` (remembered).
    pub(crate) fn after(&self, period: Period, from: NaiveDate) -> WorkDate {
        *self
            .counted
            .borrow_mut()
            .entry((period, from))
            .or_insert_with(|| period.after(from, self.calendar))
    }

    /// The conditions evaluated with estimated dates, and the unknown years they crossed.
    pub(crate) fn into_estimates(self) -> (Vec<String>, BTreeSet<i32>) {
        (
            self.estimated.into_inner(),
            self.estimated_years.into_inner(),
        )
    }

    /// A condition was evaluated with a date counted from `from` to `to` across unknown years.
    fn note_estimate(&self, what: String, from: NaiveDate, to: NaiveDate) {
        self.estimated_years
            .borrow_mut()
            .extend(self.calendar.unknown_years(from, to));
        let mut list = self.estimated.borrow_mut();
        if !list.contains(&what) {
            list.push(what);
        }
    }

    /// Working days since birth; on a day off, the number of the next working day.
    fn age_working_days(&self) -> i64 {
        let (birth, today) = (self.birth(), self.today);
        if self.calendar.unknown_years(birth, today).next().is_some() {
            self.note_estimate(
                format!("age_working_days ({birth} → {today})"),
                birth,
                today,
            );
        }
        let n = self.calendar.working_days_between(birth, today);
        if today > birth && !self.calendar.is_working_day(today) {
            n + 1
        } else {
            n
        }
    }

    /// Whole months from the birth to today: the largest m with birth + m months <= today.
    fn age_months(&self) -> i64 {
        let (birth, today) = (self.birth(), self.today);
        let mut m = months_between(birth, today).max(0);
        while m > 0
            && birth
                .checked_add_months(chrono::Months::new(m as u32))
                .is_none_or(|d| d > today)
        {
            m -= 1;
        }
        m
    }
}

/// Calendar months from `a`'s month to `b`'s.
fn months_between(a: NaiveDate, b: NaiveDate) -> i64 {
    i64::from(b.year() * 12 + b.month() as i32 - a.year() * 12 - a.month() as i32)
}

impl Env for FamilyEnv<'_> {
    fn value(&self, name: &str) -> Value {
        let (birth, today) = (self.birth(), self.today);
        let int = Value::Int;
        match name {
            "age_days" => int((today - birth).num_days()),
            "age_months" => int(self.age_months()),
            "age_working_days" => int(self.age_working_days()),
            "birth_year" => int(birth.year().into()),
            "birth_month" => int(birth.month().into()),
            "today_year" => int(today.year().into()),
            "today_month" => int(today.month().into()),
            "months_since_birth_month" => int(months_between(birth, today)),
            fact => self
                .profile
                .facts
                .get(fact)
                .cloned()
                .unwrap_or(Value::Bool(false)),
        }
    }

    fn named(&self, name: &str) -> bool {
        self.playbook
            .condition(name)
            .is_some_and(|c| c.clauses.iter().all(|cl| cl.when.eval(self)))
    }

    fn age(&self, op: Op, period: Period) -> bool {
        let end = self.after(period, self.birth());
        if end.estimated {
            self.note_estimate(format!("age {op} {period}"), self.birth(), end.date);
        }
        op.holds(&self.today, &end.date)
    }

    fn unmet_named(&self, name: &str) -> Vec<Unmet> {
        let Some(c) = self.playbook.condition(name) else {
            return Vec::new();
        };
        c.clauses
            .iter()
            .filter(|cl| !cl.when.eval(self))
            .map(|cl| Unmet {
                text: cl.text.to_string(),
                values: cl.when.values(self),
            })
            .collect()
    }

    fn age_date(&self, period: Period) -> NaiveDate {
        self.after(period, self.birth()).date
    }
}
