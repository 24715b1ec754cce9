//! The values a family's conditions see on one day: facts, ages, and named conditions.

use crate::calendar::{Calendar, WorkDate};
use crate::condition::{Env, Expr, Op, StepState, Unmet, Words};
use crate::facts::Value;
use crate::family::{Profile, Progress};
use crate::period::Period;
use crate::playbook::Playbook;
use crate::playbook::Step;
use chrono::{Datelike, NaiveDate};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::cell::{Cell, RefCell};
use std::collections::BTreeSet;

/// What a condition comes to for a family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Outcome {
    Holds,
    Fails,
    /// It holds or fails depending on these optional steps, which the family has neither done
    /// nor skipped.
    WaitsFor(Vec<String>),
}

/// The values conditions see for one family on one day.
pub(crate) struct FamilyEnv<'a> {
    playbook: &'a Playbook,
    profile: &'a Profile,
    progress: &'a Progress,
    today: NaiveDate,
    calendar: &'a Calendar,
    /// Optional steps the family has neither done nor skipped, while they can still be done: a
    /// condition that asks about one is evaluated for both outcomes (see [`Outcome`]).
    undecided: RefCell<HashSet<&'a str>>,
    /// While evaluating for one outcome: whether the undecided steps are taken as done.
    assume_done: Cell<Option<bool>>,
    /// Steps whose window has passed without them being done: they count as skipped.
    missed: RefCell<HashSet<&'a str>>,
    /// The family's route, once chosen: a step named in words is its variant on this route.
    route: Cell<Option<&'a str>>,
    /// What was evaluated with estimated dates, in the order first met (each once).
    estimated: RefCell<Vec<Words>>,
    /// The unknown years those estimates crossed.
    estimated_years: RefCell<BTreeSet<i32>>,
    /// Periods counted from a day: a plan counts the same few (ages, deadlines) for many steps.
    counted: RefCell<HashMap<(Period, NaiveDate), WorkDate>>,
    /// The fact each step id mirrors (its first step's), and the first step mirroring each fact.
    mirrors: Mirrors<'a>,
}

/// Which steps mirror which facts, looked up once per plan.
#[derive(Default)]
struct Mirrors<'a> {
    fact_of: HashMap<&'a str, Option<&'a str>>,
    step_of: HashMap<&'a str, &'a Step>,
}

impl<'a> Mirrors<'a> {
    fn of(playbook: &'a Playbook) -> Self {
        let mut m = Mirrors::default();
        for s in &playbook.steps {
            m.fact_of.entry(&s.id).or_insert(s.fact.as_deref());
            if let Some(fact) = s.fact.as_deref() {
                m.step_of.entry(fact).or_insert(s);
            }
        }
        m
    }
}

impl<'a> FamilyEnv<'a> {
    pub(crate) fn new(
        playbook: &'a Playbook,
        profile: &'a Profile,
        progress: &'a Progress,
        today: NaiveDate,
        calendar: &'a Calendar,
    ) -> Self {
        FamilyEnv {
            playbook,
            profile,
            progress,
            today,
            calendar,
            undecided: RefCell::default(),
            assume_done: Cell::new(None),
            missed: RefCell::default(),
            route: Cell::new(None),
            estimated: RefCell::default(),
            estimated_years: RefCell::default(),
            counted: RefCell::default(),
            mirrors: Mirrors::of(playbook),
        }
    }

    pub(crate) fn birth(&self) -> NaiveDate {
        self.profile.birth_date
    }

    pub(crate) fn calendar(&self) -> &'a Calendar {
        self.calendar
    }

    pub(crate) fn today(&self) -> NaiveDate {
        self.today
    }

    /// The same family as on the day of the birth (for windows that have closed since).
    pub(crate) fn at_birth(&self) -> FamilyEnv<'a> {
        FamilyEnv::new(
            self.playbook,
            self.profile,
            self.progress,
            self.birth(),
            self.calendar,
        )
    }

    /// The family's route, which optional steps are still undecided, and which steps' windows
    /// have passed.
    pub(crate) fn set_progress_view(
        &self,
        route: Option<&'a str>,
        undecided: Vec<&'a str>,
        missed: Vec<&'a str>,
    ) {
        self.route.set(route);
        *self.undecided.borrow_mut() = undecided.into_iter().collect();
        *self.missed.borrow_mut() = missed.into_iter().collect();
    }

    /// Whether `when` holds, fails, or depends on optional steps the family has not decided on.
    pub(crate) fn outcome(&self, when: &Expr) -> Outcome {
        let mut waits = Vec::new();
        self.undecided_in(when, &mut waits);
        if waits.is_empty() {
            return if when.eval(self) {
                Outcome::Holds
            } else {
                Outcome::Fails
            };
        }
        let with = |done| {
            self.assume_done.set(Some(done));
            let holds = when.eval(self);
            self.assume_done.set(None);
            holds
        };
        match (with(true), with(false)) {
            (true, true) => Outcome::Holds,
            (false, false) => Outcome::Fails,
            _ => Outcome::WaitsFor(waits),
        }
    }

    /// The undecided steps `when` asks about, directly, through a fact a step mirrors, or
    /// through a named condition.
    fn undecided_in(&self, when: &Expr, out: &mut Vec<String>) {
        let undecided = self.undecided.borrow();
        let mut add = |id: &str| {
            if undecided.contains(id) && !out.iter().any(|o| o == id) {
                out.push(id.to_string());
            }
        };
        match when {
            Expr::Step(_, id) => add(id),
            Expr::Flag(name) => {
                if let Some(step) = self.mirror(name) {
                    add(&step.id);
                }
            }
            Expr::Named(name) => {
                drop(undecided);
                if let Some(c) = self.playbook.condition(name) {
                    for clause in &c.clauses {
                        self.undecided_in(&clause.when, out);
                    }
                }
            }
            Expr::Not(inner) => {
                drop(undecided);
                self.undecided_in(inner, out);
            }
            Expr::And(parts) | Expr::Or(parts) => {
                drop(undecided);
                for p in parts {
                    self.undecided_in(p, out);
                }
            }
            Expr::Compare(..) | Expr::In(..) | Expr::Age(..) => {}
        }
    }

    /// Whether the family skipped step `id`.
    pub(crate) fn skipped(&self, id: &str) -> bool {
        self.progress.is_skipped(id)
    }

    /// What the family stated of the fact step `id` mirrors (`None`: it mirrors none, or the
    /// family did not say): the step then counts as done, or as not taken.
    pub(crate) fn stated(&self, id: &str) -> Option<bool> {
        let fact = (*self.mirrors.fact_of.get(id)?)?;
        if !self.profile.facts.is_set(fact) {
            return None;
        }
        Some(self.profile.facts.get(fact) == Some(&Value::Bool(true)))
    }

    /// The step that mirrors fact `name`, when the family has not stated the fact itself.
    fn mirror(&self, name: &str) -> Option<&'a Step> {
        if self.profile.facts.is_set(name) {
            return None;
        }
        self.mirrors.step_of.get(name).copied()
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
    pub(crate) fn into_estimates(self) -> (Vec<Words>, BTreeSet<i32>) {
        (
            self.estimated.into_inner(),
            self.estimated_years.into_inner(),
        )
    }

    /// A condition was evaluated with a date counted from `from` to `to` across unknown years.
    fn note_estimate(&self, what: Words, from: NaiveDate, to: NaiveDate) {
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
            let what = Words::new(
                format!("出生后的工作日数（{birth}到{today}）"),
                format!("working days since birth ({birth} to {today})"),
            );
            self.note_estimate(what, birth, today);
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
            fact => match self.mirror(fact) {
                Some(step) => Value::Bool(self.step(StepState::Done, &step.id)),
                None => self
                    .profile
                    .facts
                    .get(fact)
                    .cloned()
                    .unwrap_or(Value::Bool(false)),
            },
        }
    }

    fn step(&self, state: StepState, id: &str) -> bool {
        let undecided = self.undecided.borrow().contains(id);
        let stated = self.stated(id);
        match (self.assume_done.get(), state) {
            (Some(done), StepState::Done) if undecided => done,
            (Some(done), StepState::Skipped) if undecided => !done,
            (_, StepState::Done) => self.progress.is_done(id) || stated == Some(true),
            (_, StepState::Skipped) => {
                self.progress.is_skipped(id)
                    || self.missed.borrow().contains(id)
                    || stated == Some(false)
            }
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
            let what = Expr::Age(op, period).words(self);
            self.note_estimate(what, self.birth(), end.date);
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
                text: Words::same(cl.text.to_string()),
                values: cl.when.values(self),
            })
            .collect()
    }

    fn step_title(&self, id: &str) -> Words {
        // The variant on the family's route (a step id may have one per route), else the first.
        let steps = || self.playbook.steps.iter().filter(|s| s.id == id);
        let route = self.route.get();
        let on_route = steps().find(|s| s.route.is_none() || s.route.as_deref() == route);
        let step = on_route.or_else(|| steps().next());
        step.map_or_else(
            || Words::same(id),
            |s| Words::new(s.title.to_string(), s.title(crate::lang::Lang::En)),
        )
    }

    fn named_title(&self, name: &str) -> Words {
        let c = self.playbook.condition(name);
        c.map_or_else(
            || Words::same(name),
            |c| Words::new(c.title.to_string(), c.title(crate::lang::Lang::En)),
        )
    }

    fn age_date(&self, period: Period) -> NaiveDate {
        self.after(period, self.birth()).date
    }
}

/// The family's values as read on a tip's own day (`day = "done"`): `day_year`, `day_month` and
/// `day_months_since_birth_month` are that day's; everything else is the family's, as in `env`.
pub(crate) struct OnDay<'e, 'a> {
    pub env: &'e FamilyEnv<'a>,
    pub day: NaiveDate,
}

impl Env for OnDay<'_, '_> {
    fn value(&self, name: &str) -> Value {
        match name {
            "day_year" => Value::Int(self.day.year().into()),
            "day_month" => Value::Int(self.day.month().into()),
            "day_months_since_birth_month" => {
                Value::Int(months_between(self.env.birth(), self.day))
            }
            other => self.env.value(other),
        }
    }
    fn named(&self, name: &str) -> bool {
        Env::named(self.env, name)
    }
    fn age(&self, op: Op, period: Period) -> bool {
        self.env.age(op, period)
    }
    fn unmet_named(&self, name: &str) -> Vec<Unmet> {
        self.env.unmet_named(name)
    }
    fn age_date(&self, period: Period) -> NaiveDate {
        self.env.age_date(period)
    }
    fn step(&self, state: StepState, id: &str) -> bool {
        Env::step(self.env, state, id)
    }
    fn step_title(&self, id: &str) -> Words {
        self.env.step_title(id)
    }
    fn named_title(&self, name: &str) -> Words {
        self.env.named_title(name)
    }
}
