#![allow(dead_code)]
//! The engine: from a playbook, a family's profile, its progress and today's date to a dated,
//! ordered plan. Pure: no IO, no clock.

use super::index::StepIndex;
use crate::calendar::{Calendar, WorkDate};
use crate::condition::{Env, Expr, Op, Shown, Unmet};
use crate::facts::Value;
use crate::lang::{Lang, Say, Title};
use crate::period::{Period, Rule};
use crate::playbook::{Anchor, Deadline, Material, Playbook, Route, Step, Tip};
use chrono::{Datelike, NaiveDate};
use rustc_hash::FxHashMap;
use serde::Serialize;
use std::borrow::Cow;
use std::cell::{Cell, OnceCell, RefCell};
use std::collections::HashSet;
use std::rc::Rc;

use super::order::{Lists as StepLists, order};

pub use crate::family::{Profile, Progress};

/// Where a step stands today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Done,
    /// Its deadline has passed and it is not done.
    Overdue,
    /// Can be done now.
    Ready,
    /// A prerequisite is not done yet.
    Blocked,
    /// Prerequisites are done, but not before a later day (a lead time, a scheduled check).
    Waiting,
    /// Does not apply to this family (shown only on request).
    NotApplicable,
}

impl Status {
    /// The status of a step not done and not overdue (`Ready` until its prerequisites are
    /// known), once they are: blocked by an `open` one, else `waiting` for a later day, else
    /// ready. Looked up, without a branch.
    fn settle(self, open: bool, waiting: bool) -> Status {
        const READY: [Status; 4] = [
            Status::Ready,
            Status::Waiting,
            Status::Blocked,
            Status::Blocked,
        ];
        let settled = READY[usize::from(open) * 2 + usize::from(waiting)];
        [settled, self][usize::from(self != Status::Ready)]
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Overdue => "overdue",
            Status::Ready => "ready",
            Status::Blocked => "blocked",
            Status::Waiting => "waiting",
            Status::NotApplicable => "not_applicable",
        }
    }

    pub fn zh(self) -> &'static str {
        match self {
            Status::Done => "已完成",
            Status::Overdue => "已逾期",
            Status::Ready => "可以办",
            Status::Blocked => "待前置",
            Status::Waiting => "等待中",
            Status::NotApplicable => "不适用",
        }
    }
}

/// A step's deadline: counted, or waiting for the step it counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Due<'a> {
    Date(DeadlineInfo<'a>),
    Pending(Pending<'a>),
}

/// A step's deadline, counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DeadlineInfo<'a> {
    pub date: NaiveDate,
    pub rule: Rule,
    /// Day 0 of the count.
    pub from: NaiveDate,
    /// `None`: from the birth; else the step whose completion starts the count.
    pub from_step: Option<&'a str>,
    /// An unknown year's holidays were counted as weekends only.
    pub estimated: bool,
    /// For an office visit whose deadline falls on a day off: the last working day before it.
    pub office_day: Option<NaiveDate>,
}

/// One step in the plan.
///
/// The fields set once the plan's order is known come first, in the step's first cache line:
/// at 10,000 steps, the steps made before the order are out of the cache by then, and setting
/// these reads and writes that line only.
#[derive(Debug, Clone)]
#[repr(C, align(64))]
pub struct PlanStep<'a> {
    /// The step's number in the plan (1-based); `None` for steps that do not apply.
    pub number: Option<usize>,
    /// Not before this day.
    pub earliest_start: Option<NaiveDate>,
    pub done_on: Option<NaiveDate>,
    pub step: &'a Step,
    /// Its place among the plan's applicable steps, in playbook order (`NOT_PLACED` for a step
    /// that does not apply): where its links are in `lists`.
    place: u32,
    pub status: Status,
    /// Why not before `earliest_start`.
    pub start_reason: Option<StartReason<'a>>,
    /// The deadline: its date, or why there is none yet (see `deadline`, `deadline_pending`).
    due: Option<Due<'a>>,
    /// When the step's result is expected, from its lead time (once done).
    pub expected: Option<(NaiveDate, NaiveDate)>,
    /// Why the step applies (or not). The applicable steps on the same route with the same
    /// condition share their reasons (one list, not one per step).
    pub why: Rc<[Reason<'a>]>,
    /// The lists of all the plan's steps, each in one buffer (see `Lists`).
    lists: Rc<OnceCell<Lists<'a>>>,
}

/// The place of a step that does not apply (see `PlanStep::place`).
const NOT_PLACED: u32 = u32::MAX;

/// The lists of a plan's steps, each in one buffer for the whole plan, shared by its steps: a
/// plan allocates a few lists instead of a few per step. A step's links (its prerequisites, and
/// the steps that wait for it) are read from the lists the order was worked out with, and its
/// materials and tips from the conditions the plan evaluated, when they are asked for (a
/// command such as `next` shows one step's; at 10,000 steps, listing every step's took a
/// seventh of the plan's time, most of it reading the steps).
struct Lists<'a> {
    /// The playbook's steps.
    playbook: &'a [Step],
    /// The playbook's index, which numbers the conditions of each step's materials and tips.
    index: Cow<'a, StepIndex>,
    /// The place in the playbook of each applicable step, in playbook order: their places in
    /// this list are the numbers below.
    at: Vec<u32>,
    /// Whether each is done.
    done: Vec<bool>,
    /// Its number in the plan.
    numbers: Vec<u32>,
    /// The applicable prerequisites of each, in the order required.
    prereqs: StepLists,
    /// The applicable steps that wait for each, in playbook order (once per time required).
    dependents: StepLists,
    /// Whether each condition holds (by its number in the index), for those of the materials
    /// and tips of the applicable steps.
    holds: Vec<Option<bool>>,
    /// The tip texts with the family's values, by their numbers in the index.
    filled: Vec<Option<Rc<str>>>,
}

impl Lists<'_> {
    /// Whether the condition numbered `n` holds (no condition: it does).
    fn holds(&self, n: Option<usize>) -> bool {
        n.is_none_or(|n| self.holds.get(n).copied().flatten() == Some(true))
    }
}

impl std::fmt::Debug for Lists<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Lists")
            .field("steps", &self.at.len())
            .field("conditions", &self.holds.len())
            .finish()
    }
}

/// The ids of some of a plan's steps (see `PlanStep::prerequisites`), read from the steps as
/// they are asked for: a plan does not read the steps' ids.
#[derive(Debug, Clone)]
pub struct Ids<'p, 'a> {
    places: std::vec::IntoIter<u32>,
    /// The place in the playbook of each applicable step (see `Lists::at`).
    at: &'p [u32],
    playbook: &'a [Step],
}

impl<'a> Iterator for Ids<'_, 'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let k = *self.at.get(self.places.next()? as usize)?;
        let step: &'a Step = self.playbook.get(k as usize)?;
        Some(&step.id)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.places.size_hint()
    }
}

impl ExactSizeIterator for Ids<'_, '_> {}

impl Ids<'_, '_> {
    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.places.len() == 0
    }
}

impl<'a> PlanStep<'a> {
    /// The deadline, counted.
    pub fn deadline(&self) -> Option<&DeadlineInfo<'a>> {
        match &self.due {
            Some(Due::Date(d)) => Some(d),
            _ => None,
        }
    }

    /// Why there is no deadline date yet: it counts from a step not done.
    pub fn deadline_pending(&self) -> Option<&Pending<'a>> {
        match &self.due {
            Some(Due::Pending(p)) => Some(p),
            _ => None,
        }
    }

    /// The ids of the steps at `places` (made from the plan's lists and this step's place).
    fn links(&self, places: impl FnOnce(&Lists<'a>, usize) -> Vec<u32>) -> Ids<'_, 'a> {
        let (places, at, playbook) = match self.lists.get() {
            Some(l) if self.place != NOT_PLACED => {
                (places(l, self.place as usize), &l.at[..], l.playbook)
            }
            _ => (Vec::new(), &[][..], &[][..]),
        };
        Ids {
            places: places.into_iter(),
            at,
            playbook,
        }
    }

    /// The ids of the applicable prerequisites.
    pub fn prerequisites(&self) -> Ids<'_, 'a> {
        self.links(|l, i| l.prereqs.of(i).to_vec())
    }

    /// The ids of the applicable prerequisites not yet done.
    pub fn open_prerequisites(&self) -> Ids<'_, 'a> {
        self.links(|l, i| {
            let open = |&&j: &&u32| !l.done.get(j as usize).copied().unwrap_or(true);
            l.prereqs.of(i).iter().filter(open).copied().collect()
        })
    }

    /// The ids of the applicable steps that wait for this one, in plan order (once each).
    pub fn unblocks(&self) -> Ids<'_, 'a> {
        self.links(|l, i| {
            let mut waiting = l.dependents.of(i).to_vec();
            waiting.dedup();
            waiting.sort_by_key(|&k| l.numbers.get(k as usize).copied());
            waiting
        })
    }

    /// The plan's lists and this step's place in the playbook, for an applicable step.
    fn listed(&self) -> Option<(&Lists<'a>, usize)> {
        let lists = self.lists.get()?;
        let k = *lists.at.get(self.place as usize)?;
        Some((lists, k as usize))
    }

    /// The materials the family needs for this step.
    pub fn materials(&self) -> Vec<&'a Material> {
        let Some((l, k)) = self.listed() else {
            return Vec::new();
        };
        let step: &'a Step = self.step;
        step.materials
            .iter()
            .zip(l.index.material_when(k))
            .filter(|(_, n)| l.holds(n.get()))
            .map(|(m, _)| m)
            .collect()
    }

    /// The tips that fit the family, placeholders filled.
    pub fn tips(&self) -> Vec<ShownTip<'a>> {
        let Some((l, k)) = self.listed() else {
            return Vec::new();
        };
        let step: &'a Step = self.step;
        let numbers = l.index.tip_when(k).iter().zip(l.index.tip_fills(k));
        step.tips
            .iter()
            .zip(numbers)
            .filter(|(_, (n, _))| l.holds(n.get()))
            .map(|(tip, (_, fills))| ShownTip {
                tip,
                filled: fills.get().and_then(|n| l.filled.get(n).cloned().flatten()),
            })
            .collect()
    }

    /// Days from today to the deadline (negative when past).
    pub fn days_left(&self, today: NaiveDate) -> Option<i64> {
        self.deadline().map(|d| (d.date - today).num_days())
    }
}

/// Why a step applies, or does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'a> {
    /// The step is on the route the family takes.
    OnRoute { route: Title<'a> },
    /// The step's condition holds, with the family's values.
    Holds {
        condition: &'a Expr,
        /// Shared by the steps with the same condition.
        values: Rc<[Shown]>,
    },
    /// A step for every family.
    Everyone,
    /// The step belongs to a route the family does not take.
    OtherRoute { route: Title<'a> },
    /// A part of the step's condition the family does not meet.
    Unmet(Unmet),
}

/// Why a step cannot start before a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StartReason<'a> {
    /// A scheduled check: not before the baby is this old.
    Age(Period),
    /// A prerequisite's result comes this long after it was done.
    LeadTime {
        step: &'a Step,
        range: crate::period::Range,
    },
}

/// A deadline that counts from a step not done yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pending<'a> {
    /// The title of the step the count starts from.
    pub step: Title<'a>,
    pub rule: Rule,
}

/// Something the parent must know about the plan's reliability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning<'a> {
    /// The playbook was last reviewed more than a year ago.
    Stale {
        playbook: String,
        reviewed: NaiveDate,
    },
    /// Dates crossed years whose holiday schedule is not known: weekends only were counted.
    Estimated {
        years: Vec<i32>,
        /// The steps whose dates are estimates (their titles are read when shown: the warning
        /// names the first five).
        steps: Vec<&'a Step>,
        /// The conditions that were evaluated with estimates.
        conditions: Vec<String>,
    },
}

/// Why the family takes its route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteWhy<'a> {
    /// A step only this route has is done: the family stays on it.
    Started { route: Title<'a>, step: Title<'a> },
    /// The route's condition holds.
    Eligible { condition: String, route: Title<'a> },
    /// The fallback, after the routes the family cannot take.
    Fallback {
        route: Title<'a>,
        passed_over: Option<(Title<'a>, Vec<Unmet>)>,
    },
}

fn values_text(values: &[Shown], lang: Lang) -> String {
    let v: Vec<String> = values.iter().map(|x| x.say(lang)).collect();
    v.join(lang.pick("，", ", "))
}

impl Say for Reason<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::OnRoute { route }, Lang::Zh) => format!("属于路线“{}”", route.zh),
            (Reason::OnRoute { route }, Lang::En) => {
                format!("on the route \"{}\"", route.say(lang))
            }
            (Reason::Holds { condition, values }, _) => {
                let mut out = format!(
                    "{}{condition}",
                    lang.pick("条件成立：", "condition holds: ")
                );
                if !values.is_empty() {
                    out.push_str(&lang.paren(&values_text(values, lang)));
                }
                out
            }
            (Reason::Everyone, _) => lang
                .pick("适用于所有家庭", "applies to every family")
                .into(),
            (Reason::OtherRoute { route }, Lang::Zh) => {
                format!("只属于路线“{}”，本家庭走的不是这条路线", route.zh)
            }
            (Reason::OtherRoute { route }, Lang::En) => {
                format!(
                    "only on the route \"{}\", which this family does not take",
                    route.say(lang)
                )
            }
            (Reason::Unmet(u), _) => u.say(lang),
        }
    }
}

impl Say for StartReason<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (StartReason::Age(p), Lang::Zh) => format!("宝宝满{}", p.zh()),
            (StartReason::Age(p), Lang::En) => format!("when the baby is {p} old"),
            (StartReason::LeadTime { step, range }, Lang::Zh) => {
                format!("“{}”办完后需{}", step.title, range.zh())
            }
            (StartReason::LeadTime { step, range }, Lang::En) => {
                let title = Title::new(&step.title, step.title_en.as_deref());
                format!("\"{}\" takes {range} after it is done", title.say(lang))
            }
        }
    }
}

impl Say for Pending<'_> {
    fn say(&self, lang: Lang) -> String {
        match lang {
            Lang::Zh => format!("从“{}”办完之日起算{}", self.step.zh, self.rule.zh()),
            Lang::En => format!(
                "{} from the day \"{}\" is done",
                self.rule,
                self.step.say(lang)
            ),
        }
    }
}

impl Say for Warning<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Warning::Stale { playbook, reviewed }, Lang::Zh) => format!(
                "“{playbook}”手册最后核对于 {reviewed}，已超过一年：规定可能已变，办理前请向办理部门或热线确认。"
            ),
            (Warning::Stale { playbook, reviewed }, Lang::En) => format!(
                "The {playbook} playbook was last reviewed on {reviewed}, more than a year ago: rules may have changed, so confirm with the office or helpline before acting."
            ),
            (
                Warning::Estimated {
                    years,
                    steps,
                    conditions,
                },
                _,
            ) => {
                let ys: Vec<String> = years.iter().map(|y| y.to_string()).collect();
                let mut titles: Vec<String> = steps
                    .iter()
                    .take(5)
                    .map(|s| lang.quote(&Title::new(&s.title, s.title_en.as_deref()).say(lang)))
                    .collect();
                if steps.len() > 5 {
                    titles.push(match lang {
                        Lang::Zh => format!("等{}项", steps.len()),
                        Lang::En => format!("{} more", steps.len() - 5),
                    });
                }
                let mut parts = Vec::new();
                if !titles.is_empty() {
                    parts.push(match lang {
                        Lang::Zh => format!("{}的日期", titles.join("、")),
                        Lang::En => format!("the dates of {}", titles.join(", ")),
                    });
                }
                for c in conditions {
                    parts.push(match lang {
                        Lang::Zh => format!("条件“{c}”的判断"),
                        Lang::En => format!("the condition \"{c}\""),
                    });
                }
                match lang {
                    Lang::Zh => format!(
                        "{}年的法定节假日安排尚未知道：{}只按周末估算，可能不准。国务院公布后，把安排文件放进数据目录的 calendar/ 文件夹（或用 --calendar FILE），用 newborn calendar 查看。",
                        ys.join("、"),
                        parts.join("，以及")
                    ),
                    Lang::En => format!(
                        "The official holiday schedule of {} is not known yet: {} count weekends only and may be off. Once the State Council publishes it, put the schedule file in the data dir's calendar/ folder (or pass --calendar FILE); see newborn calendar.",
                        ys.join(", "),
                        parts.join(", and ")
                    ),
                }
            }
        }
    }
}

impl Say for RouteWhy<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (RouteWhy::Started { route, step }, Lang::Zh) => {
                format!("已按“{}”办理（“{}”已完成）", route.zh, step.zh)
            }
            (RouteWhy::Started { route, step }, Lang::En) => format!(
                "already on \"{}\" (\"{}\" is done)",
                route.say(lang),
                step.say(lang)
            ),
            (RouteWhy::Eligible { condition, route }, Lang::Zh) => {
                format!("{condition}，走“{}”", route.zh)
            }
            (RouteWhy::Eligible { condition, route }, Lang::En) => {
                format!("{condition}: \"{}\"", route.say(lang))
            }
            (
                RouteWhy::Fallback {
                    passed_over: Some((r, unmet)),
                    ..
                },
                _,
            ) => {
                let u: Vec<String> = unmet.iter().map(|x| x.say(lang)).collect();
                match lang {
                    Lang::Zh => format!("不能走“{}”：{}", r.zh, u.join("；")),
                    Lang::En => format!("cannot take \"{}\": {}", r.say(lang), u.join("; ")),
                }
            }
            (RouteWhy::Fallback { route, .. }, Lang::Zh) => format!("走“{}”", route.zh),
            (RouteWhy::Fallback { route, .. }, Lang::En) => format!("\"{}\"", route.say(lang)),
        }
    }
}

/// A tip as shown to one family.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownTip<'a> {
    pub tip: &'a Tip,
    /// The text with the family's values in its placeholders (shared by the tips with this
    /// text); `None`: it has none (a plan does not read the texts it need not fill).
    filled: Option<Rc<str>>,
}

impl<'a> ShownTip<'a> {
    /// The text as shown to the family.
    pub fn text(&self) -> &str {
        self.filled.as_deref().unwrap_or(&self.tip.text)
    }

    pub fn source(&self) -> Option<&'a crate::playbook::Cite> {
        self.tip.source.as_ref()
    }
}

/// The route taken, and why.
#[derive(Debug, Clone)]
pub struct RouteChoice<'a> {
    pub route: &'a Route,
    /// Why this route.
    pub why: RouteWhy<'a>,
    /// Routes passed over, with what the family does not meet.
    pub passed_over: Vec<(&'a Route, Vec<Unmet>)>,
}

/// A personal, dated, ordered plan.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    /// The playbook the family asked for.
    pub requested: &'a Playbook,
    /// The playbook planned from: `requested`, or the one it extends when the family is out of
    /// its scope.
    pub playbook: &'a Playbook,
    pub profile: &'a Profile,
    pub today: NaiveDate,
    /// Set when the family is outside the requested playbook's scope: what it covers and why.
    pub out_of_scope: Option<(&'a str, Vec<Unmet>)>,
    pub route: Option<RouteChoice<'a>>,
    /// The applicable steps, in playbook order (`steps` gives them in plan order).
    applicable: Vec<PlanStep<'a>>,
    /// The plan's order: the places of the applicable steps in `applicable`. The steps stay
    /// where they were made (at 10,000 steps, moving them into order took a fifth of the plan's
    /// time, for a command such as `next` that shows one).
    order: Vec<u32>,
    /// The steps that do not apply, with why.
    pub not_applicable: Vec<PlanStep<'a>>,
    /// Things the parent must know about the plan's reliability.
    pub warnings: Vec<Warning<'a>>,
}

impl<'a> Plan<'a> {
    /// The applicable steps, in order.
    pub fn steps(
        &self,
    ) -> impl DoubleEndedIterator<Item = &PlanStep<'a>> + ExactSizeIterator + Clone + '_ {
        self.order.iter().map(|&i| &self.applicable[i as usize])
    }

    /// The step numbered `n` (from 1).
    pub fn step(&self, n: usize) -> Option<&PlanStep<'a>> {
        let i = *self.order.get(n.checked_sub(1)?)?;
        self.applicable.get(i as usize)
    }

    /// The step to do next: the first overdue or ready step the parents act on (required
    /// before optional), then one an institution does, else the first one waiting or blocked.
    pub fn next(&self) -> Option<&PlanStep<'a>> {
        let actionable = |s: &&PlanStep<'a>| matches!(s.status, Status::Overdue | Status::Ready);
        let by_parent = |s: &&PlanStep<'a>| s.step.who != crate::playbook::Who::Institution;
        self.steps()
            .filter(actionable)
            .find(|s| !s.step.optional && by_parent(s))
            .or_else(|| self.steps().filter(actionable).find(by_parent))
            .or_else(|| self.steps().find(actionable))
            .or_else(|| {
                self.steps()
                    .find(|s| matches!(s.status, Status::Waiting | Status::Blocked))
            })
    }

    /// A step by id (applicable first), for `show`.
    pub fn find(&self, id: &str) -> Option<&PlanStep<'a>> {
        self.steps()
            .chain(&self.not_applicable)
            .find(|s| s.step.id == id)
    }
}

/// The values conditions see for one family on one day.
pub struct FamilyEnv<'a> {
    pub playbook: &'a Playbook,
    pub profile: &'a Profile,
    pub today: NaiveDate,
    pub calendar: &'a Calendar,
    /// What was estimated, in the order first met (and the same as a set).
    estimated: RefCell<(Vec<String>, HashSet<String>)>,
    /// The unknown years those estimates crossed.
    estimated_years: RefCell<std::collections::BTreeSet<i32>>,
    /// The ends of periods counted from a day, remembered: a playbook counts the same few
    /// periods (ages, deadlines, lead times) from the same few days (the birth, the days steps
    /// were done) for many steps.
    counts: Counts,
}

/// Periods counted from days, remembered in a small hash table: looking one up is mostly one
/// comparison, where searching a list took a choice for each entry that the processor could
/// not predict (at 10,000 steps, such choices took more time than the counting they saved).
/// Once the table is three-quarters full, further periods are counted each time.
struct Counts {
    slots: [Cell<(u64, WorkDate)>; Counts::SLOTS],
    used: Cell<usize>,
}

impl Counts {
    const SLOTS: usize = 128;
    /// The key of an empty place (no period and day has it: see `key`).
    const EMPTY: u64 = u64::MAX;

    fn new() -> Counts {
        let empty = WorkDate {
            date: NaiveDate::MIN,
            estimated: false,
        };
        Counts {
            slots: std::array::from_fn(|_| Cell::new((Counts::EMPTY, empty))),
            used: Cell::new(0),
        }
    }

    /// The period and the day in one number, different for each: the amount (32 bits), the
    /// unit (2 bits) and the day's number (30 bits: chrono's days run from about -95.7 million
    /// to 95.7 million, fewer than 2^30 numbers, so their low 30 bits tell them apart). No key
    /// is `EMPTY`, as no unit is 3.
    fn key(period: Period, from: NaiveDate) -> u64 {
        let day = from.num_days_from_ce() as u32 & 0x3FFF_FFFF;
        u64::from(period.amount) << 32 | (period.unit as u64) << 30 | u64::from(day)
    }

    /// `period` after `from`, counted the first time it is asked for.
    fn after(&self, period: Period, from: NaiveDate, calendar: &Calendar) -> WorkDate {
        let key = Counts::key(period, from);
        let mut at = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 57) as usize;
        loop {
            let (held, end) = self.slots[at].get();
            if held == key {
                return end;
            }
            if held == Counts::EMPTY {
                break;
            }
            at = (at + 1) % Counts::SLOTS;
        }
        let end = period.after(from, calendar);
        if self.used.get() < Counts::SLOTS * 3 / 4 {
            self.slots[at].set((key, end));
            self.used.set(self.used.get() + 1);
        }
        end
    }
}

impl<'a> FamilyEnv<'a> {
    pub fn new(
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
            estimated: RefCell::new((Vec::new(), HashSet::new())),
            estimated_years: RefCell::new(std::collections::BTreeSet::new()),
            counts: Counts::new(),
        }
    }

    fn birth(&self) -> NaiveDate {
        self.profile.birth_date
    }

    /// `period` after the birth, remembered.
    fn age_end(&self, period: Period) -> WorkDate {
        self.after(period, self.birth())
    }

    /// `period` after `from`, remembered.
    fn after(&self, period: Period, from: NaiveDate) -> WorkDate {
        self.counts.after(period, from, self.calendar)
    }

    /// A condition was evaluated with a date counted from `from` to `to` across unknown years.
    fn note_estimate(&self, what: String, from: NaiveDate, to: NaiveDate) {
        self.estimated_years
            .borrow_mut()
            .extend(self.calendar.unknown_years(from, to));
        let (list, seen) = &mut *self.estimated.borrow_mut();
        if seen.insert(what.clone()) {
            list.push(what);
        }
    }

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
}

impl Env for FamilyEnv<'_> {
    fn value(&self, name: &str) -> Value {
        let (birth, today) = (self.birth(), self.today);
        let months = |a: NaiveDate, b: NaiveDate| {
            i64::from(b.year() * 12 + b.month() as i32 - a.year() * 12 - a.month() as i32)
        };
        let int = |n: i64| Value::Int(n);
        match name {
            "age_days" => int((today - birth).num_days()),
            "age_months" => {
                // The largest m with birth + m months <= today.
                let mut m = months(birth, today).max(0);
                while m > 0
                    && birth
                        .checked_add_months(chrono::Months::new(m as u32))
                        .is_none_or(|d| d > today)
                {
                    m -= 1;
                }
                int(m)
            }
            "age_working_days" => int(self.age_working_days()),
            "birth_year" => int(birth.year().into()),
            "birth_month" => int(birth.month().into()),
            "today_year" => int(today.year().into()),
            "today_month" => int(today.month().into()),
            "months_since_birth_month" => int(months(birth, today)),
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
        let end = self.age_end(period);
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
        period.after(self.birth(), self.calendar).date
    }
}

/// Computes the plan. `calendar` gives the working days; nothing here reads a clock or a file.
pub fn plan<'a>(
    requested: &'a Playbook,
    profile: &'a Profile,
    progress: &Progress,
    today: NaiveDate,
    calendar: &Calendar,
) -> Plan<'a> {
    let mut warnings = Warnings::default();

    // Scope: a family the playbook does not cover is planned from the playbook it extends.
    let mut playbook = requested;
    let mut out_of_scope = None;
    if let Some(scope) = &requested.scope {
        let env = FamilyEnv::new(requested, profile, today, calendar);
        if !scope.when.eval(&env) {
            out_of_scope = Some((&*scope.text, scope.when.unmet(&env)));
            if let Some(parent) = &requested.parent {
                playbook = parent;
            }
        }
    }
    let env = FamilyEnv::new(playbook, profile, today, calendar);

    // Rules change: remind when the playbook was last reviewed more than a year ago.
    if let Some(year_later) = requested
        .reviewed
        .checked_add_months(chrono::Months::new(12))
        && today > year_later
    {
        warnings.stale = Some(Warning::Stale {
            playbook: requested.name.to_string(),
            reviewed: requested.reviewed,
        });
    }

    // Steps and progress by the number of their id, not by name (see `StepIndex`).
    let idx: Cow<'_, StepIndex> = Cow::Owned(StepIndex::new(&playbook.steps));
    let mut done_by_id: Vec<Option<NaiveDate>> = vec![None; idx.ids()];
    idx.each_known(
        progress.iter().map(|(id, day)| (id.as_str(), *day)),
        |n, day| done_by_id[n] = Some(day),
    );

    let route = choose_route(playbook, &idx, &done_by_id, &env);
    let route_id = route.as_ref().map(|r| r.route.id.as_ref());

    // What the plan shows of each step (the values behind its reason, its materials and tips) is
    // evaluated with an env of its own: the warning lists the conditions estimated while
    // deciding what applies first, then those met in what is shown, although both are now
    // evaluated in the same pass over the steps.
    let shown = FamilyEnv::new(playbook, profile, today, calendar);

    // One pass over the playbook's steps, while each step's data is in cache: which steps apply
    // (with their places in `playbook.steps`), and of those that do, all that depends only on
    // the step and the family (dates, reasons, materials, tips). What depends on other steps
    // (prerequisites, lead times, status, number) is added once all are known.
    let birth = profile.birth_date;
    // Sized for every step to apply (most do): a large playbook's lists are not copied as they
    // grow.
    let all = playbook.steps.len();
    // The applicable steps, in playbook order (where they stay: the plan keeps their order).
    let mut steps: Vec<PlanStep<'a>> = Vec::with_capacity(all);
    let mut applicable_at: Vec<u32> = Vec::with_capacity(all);
    // The done day and lead time of each applicable step, side by side: the second pass looks
    // these up for each prerequisite.
    let mut done_of: Vec<Option<NaiveDate>> = Vec::with_capacity(all);
    let mut lead_of: Vec<Option<crate::period::Range>> = Vec::with_capacity(all);
    // And the day its result is expected (`NO_RESULT` when not done or without a lead time).
    let mut result_of: Vec<WorkDate> = Vec::with_capacity(all);
    // A step's own date, for the order: its deadline, else its scheduled start.
    let mut own: Vec<Option<NaiveDate>> = Vec::with_capacity(all);
    let mut not_applicable = Vec::new();
    let mut evaluated = Evaluated::new(idx.conditions());
    // Tip texts with the family's values, by their numbers in the index (each filled once).
    let mut filled: Vec<Option<Rc<str>>> = vec![None; idx.fills()];
    // The routes by their numbers in the index (see `StepIndex::route`), and the family's.
    let routes: Vec<Option<&'a Route>> = idx
        .route_ids()
        .iter()
        .map(|id| playbook.route(id))
        .collect();
    let chosen = route_id.and_then(|id| idx.route_ids().iter().position(|r| r == id));
    // The reasons of the applicable steps, by the numbers of their route and condition.
    let mut reasons: FxHashMap<RouteAndCondition, Rc<[Reason<'a>]>> = FxHashMap::default();
    // The plan's lists, shared by its steps once complete (set at the end).
    let shared: Rc<OnceCell<Lists<'a>>> = Rc::default();
    // The reasons of the steps that do not apply.
    let mut not_reasons: FxHashMap<RouteAndCondition, Rc<[Reason<'a>]>> = FxHashMap::default();
    for (k, step) in playbook.steps.iter().enumerate() {
        let step_route = idx.route(k);
        let other_route = step_route.is_some_and(|r| Some(r) != chosen);
        // The condition is read only the first time its number is met.
        let unmet = match idx.when(k) {
            Some(n) => evaluated.unmet(n, || step.when.as_ref(), &env),
            None => &[],
        };
        if other_route || !unmet.is_empty() {
            // The reasons are the same for the steps on the route with the condition.
            let why = not_reasons
                .entry((step_route, idx.when(k)))
                .or_insert_with(|| {
                    let route = other_route.then(|| {
                        let route = step_route.and_then(|r| routes[r]).map_or_else(
                            || Title::new("", None),
                            |r| Title::new(&r.title, r.title_en.as_deref()),
                        );
                        Reason::OtherRoute { route }
                    });
                    let unmet = unmet.iter().cloned().map(Reason::Unmet);
                    route.into_iter().chain(unmet).collect()
                })
                .clone();
            not_applicable.push((k, step, why));
            continue;
        }
        applicable_at.push(k as u32);
        // The step a deadline counts from: when it was done, and its title.
        let from = idx
            .deadline_from(k)
            .map(|n| (done_by_id[n], &playbook.steps[idx.first(n)]));
        let due = deadline_of(step, k, &idx, &env, progress, from, &mut warnings);
        let deadline = match &due {
            Some(Due::Date(d)) => Some(d),
            _ => None,
        };
        // A scheduled start; lead times of prerequisites may put it later.
        let start = idx.planning(k).start.map(|p| (env.age_end(p).date, p));
        own.push(deadline.map(|d| d.date).or(start.map(|(date, _)| date)));
        let done_on = done_by_id[idx.number(k)];
        done_of.push(done_on);
        let lead_time = idx.planning(k).lead_time;
        lead_of.push(lead_time);
        // Its result is expected from `lead.min` after it was done: the earliest day a step
        // that requires it can start.
        let (expected, result) = match (lead_time, done_on) {
            (Some(lead), Some(done)) => {
                let first = env.after(lead.min, done);
                let last = env.after(lead.max, done);
                (Some((first.date, last.date)), first)
            }
            _ => (None, NO_RESULT),
        };
        result_of.push(result);

        // The route, and the condition or "every family": at most two reasons, the same for
        // every step on the route with the condition (equal conditions have the same number, and
        // read the same: the first step's is shown).
        let why = reasons
            .entry((step_route, idx.when(k)))
            .or_insert_with(|| {
                let mut why = Vec::with_capacity(2);
                if let Some(route) = step_route.and_then(|r| routes[r]) {
                    why.push(Reason::OnRoute {
                        route: Title::new(&route.title, route.title_en.as_deref()),
                    });
                }
                match &step.when {
                    Some(when) => why.push(Reason::Holds {
                        condition: when,
                        values: evaluated.values(idx.when(k), when, &shown),
                    }),
                    None if step_route.is_none() => why.push(Reason::Everyone),
                    None => {}
                }
                why.into()
            })
            .clone();

        // The conditions of its materials and tips, each evaluated the first time it is met,
        // and its tips' texts filled: a step's materials and tips are listed when asked for. A
        // material or tip without a condition is not read here (the index knows).
        for (m, n) in idx.material_when(k).iter().enumerate() {
            if let Some(n) = n.get() {
                evaluated.holds(n, || &step.materials[m].when, &shown);
            }
        }
        let tip_numbers = idx.tip_when(k).iter().zip(idx.tip_fills(k));
        for (t, (n, fills)) in tip_numbers.enumerate() {
            let holds = n
                .get()
                .is_none_or(|n| evaluated.holds(n, || &step.tips[t].when, &shown));
            if let (true, Some(n)) = (holds, fills.get()) {
                filled[n].get_or_insert_with(|| {
                    crate::condition::fill(&step.tips[t].text, &shown).into()
                });
            }
        }

        steps.push(PlanStep {
            // Set below, once the order is known.
            number: None,
            // Done or overdue; else set below, once the prerequisites are known.
            status: [
                [Status::Ready, Status::Overdue],
                [Status::Done, Status::Done],
            ][usize::from(done_on.is_some())]
                [usize::from(deadline.is_some_and(|d| d.date < today))],
            step,
            due,
            earliest_start: start.map(|(date, _)| date),
            start_reason: start.map(|(_, p)| StartReason::Age(p)),
            done_on,
            expected,
            why,
            lists: Rc::clone(&shared),
            place: steps.len() as u32,
        });
    }
    // The applicable step with each id (the last one, should there be several).
    const NONE: u32 = u32::MAX;
    let mut applicable_by_id: Vec<u32> = vec![NONE; idx.ids()];
    for (i, &k) in applicable_at.iter().enumerate() {
        applicable_by_id[idx.number(k as usize)] = i as u32;
    }
    // When a step id exists on several routes, only the applicable variant is listed.
    not_applicable.retain(|(k, _, _)| applicable_by_id[idx.number(*k)] == NONE);
    // Applicable prerequisites, in the order required.
    let mut prereqs = StepLists::with_capacity(steps.len(), idx.requires_len());
    for &k in &applicable_at {
        let requires = idx.requires(k as usize).iter();
        prereqs.push(
            requires
                .map(|&n| applicable_by_id[n as usize])
                .filter(|&i| i != NONE),
        );
    }
    // The applicable steps that wait for each one, in playbook order (once per edge).
    let dependents = prereqs.reversed();

    // Order: prerequisites first, then the earliest date, then playbook order.
    let order = order(&own, &prereqs, &dependents, birth);
    let mut number_of = vec![0; steps.len()];
    for (n, &i) in order.iter().enumerate() {
        number_of[i as usize] = n + 1;
    }
    // What depends on the other steps, step by step in playbook order (each step and the lists
    // by step are read in the order they are laid out). Which prerequisites are done, or have a
    // lead time, follows no pattern the processor could predict: choices among them are made
    // without branches (at 10,000 steps, mispredicted branches took most of this pass's time).
    let is_done: Vec<bool> = done_of.iter().map(Option::is_some).collect();
    // No day: before every day.
    let none = NO_RESULT.date;
    for (i, s) in steps.iter_mut().enumerate() {
        s.number = Some(number_of[i]);
        let pre = prereqs.of(i);
        // Whether a prerequisite is not done; the latest result day of the done prerequisites
        // with a lead time (the first, of equal ones); whether any of those days is estimated.
        let (mut open, mut latest, mut estimated) = (false, (none, 0), false);
        for &j in pre {
            let j = j as usize;
            open |= !is_done[j];
            let result = result_of[j];
            estimated |= result.estimated;
            latest = if result.date > latest.0 {
                (result.date, j)
            } else {
                latest
            };
        }
        // The warning lists the steps whose dates are estimated in the order met.
        if estimated {
            for &j in pre {
                let j = j as usize;
                if let (true, Some(done)) = (result_of[j].estimated, done_of[j]) {
                    let k = applicable_at[j] as usize;
                    let step = &playbook.steps[k];
                    warnings.estimated(calendar, done, result_of[j].date, step, idx.number(k));
                }
            }
        }
        // Earliest start: the scheduled age (set above), unless a prerequisite's result comes
        // later.
        let (day, j) = latest;
        if day > s.earliest_start.unwrap_or(none)
            && let Some(range) = lead_of[j]
        {
            s.earliest_start = Some(result_of[j].date);
            s.start_reason = Some(StartReason::LeadTime {
                step: &playbook.steps[applicable_at[j] as usize],
                range,
            });
        }
        let waiting = s.earliest_start.unwrap_or(none) > today;
        s.status = s.status.settle(open, waiting);
    }

    let not_applicable = not_applicable
        .into_iter()
        .map(|(k, step, why)| PlanStep {
            number: None,
            step,
            status: if done_by_id[idx.number(k)].is_some() {
                Status::Done
            } else {
                Status::NotApplicable
            },
            due: None,
            earliest_start: None,
            start_reason: None,
            done_on: done_by_id[idx.number(k)],
            expected: None,
            why,
            lists: Rc::clone(&shared),
            place: NOT_PLACED,
        })
        .collect();
    // The lists are complete: the steps can read them.
    let _ = shared.set(Lists {
        playbook: &playbook.steps,
        index: idx,
        at: applicable_at,
        done: is_done,
        numbers: number_of.iter().map(|&n| n as u32).collect(),
        prereqs,
        dependents,
        holds: evaluated.holds,
        filled,
    });

    // The conditions estimated while deciding what applies, then those met in what is shown.
    for env in [env, shown] {
        let (estimated, _) = env.estimated.into_inner();
        warnings.years.extend(env.estimated_years.into_inner());
        for c in estimated {
            if !warnings.conditions.contains(&c) {
                warnings.conditions.push(c);
            }
        }
    }
    let warnings = warnings.finish();

    Plan {
        requested,
        playbook,
        profile,
        today,
        out_of_scope,
        route,
        applicable: steps,
        order,
        not_applicable,
        warnings,
    }
}

/// The result day of a step not done, or without a lead time (before any other day).
const NO_RESULT: WorkDate = WorkDate {
    date: NaiveDate::MIN,
    estimated: false,
};

/// The family's conditions, each evaluated once, by its number in the playbook's `StepIndex`:
/// many steps, materials and tips share a condition, and evaluating one reads its expression,
/// names and values from all over the playbook (at 10,000 steps, far more than the cache holds).
/// Evaluating is deterministic, so a condition noted as estimated the first time it is evaluated
/// would be noted again each time: the warning is the same.
struct Evaluated {
    /// Why a condition does not hold (empty when it holds), to decide what applies.
    unmet: Vec<Option<Vec<Unmet>>>,
    /// Whether it holds, for materials and tips.
    holds: Vec<Option<bool>>,
    /// The family's values it names, shown with a step's reason.
    values: Vec<Option<Rc<[Shown]>>>,
}

impl Evaluated {
    fn new(conditions: usize) -> Evaluated {
        Evaluated {
            unmet: vec![None; conditions],
            holds: vec![None; conditions],
            values: vec![None; conditions],
        }
    }

    /// Why `when`, numbered `n`, does not hold (empty, without allocating, when it holds).
    fn unmet<'e>(
        &mut self,
        n: usize,
        when: impl FnOnce() -> Option<&'e Expr>,
        env: &FamilyEnv<'_>,
    ) -> &[Unmet] {
        self.unmet[n].get_or_insert_with(|| when().map_or_else(Vec::new, |w| w.unmet(env)))
    }

    /// Whether the condition numbered `n` holds (`when` gives it, read only the first time).
    fn holds<'e>(
        &mut self,
        n: usize,
        when: impl FnOnce() -> &'e Option<Expr>,
        env: &FamilyEnv<'_>,
    ) -> bool {
        *self.holds[n].get_or_insert_with(|| when().as_ref().is_none_or(|w| w.eval(env)))
    }

    /// The family's values that `when`, numbered `n`, names.
    fn values(&mut self, n: Option<usize>, when: &Expr, env: &FamilyEnv<'_>) -> Rc<[Shown]> {
        match n {
            Some(n) => self.values[n]
                .get_or_insert_with(|| when.values(env).into())
                .clone(),
            None => when.values(env).into(),
        }
    }
}

/// The plan's warnings as they are gathered: estimated dates are collected into one warning
/// per plan, listing the steps (each once).
#[derive(Default)]
struct Warnings<'a> {
    stale: Option<Warning<'a>>,
    years: std::collections::BTreeSet<i32>,
    steps: Vec<&'a Step>,
    /// Whether the step with each id number (see `StepIndex`) is in `steps`.
    seen: Vec<bool>,
    conditions: Vec<String>,
}

impl<'a> Warnings<'a> {
    /// A date of `step` (whose id has the number `n`) counted from `from` to `to` crossed years
    /// not known.
    fn estimated(
        &mut self,
        calendar: &Calendar,
        from: NaiveDate,
        to: NaiveDate,
        step: &'a Step,
        n: usize,
    ) {
        self.years.extend(calendar.unknown_years(from, to));
        if n >= self.seen.len() {
            self.seen.resize(n + 1, false);
        }
        if !std::mem::replace(&mut self.seen[n], true) {
            self.steps.push(step);
        }
    }

    fn finish(self) -> Vec<Warning<'a>> {
        let mut out: Vec<Warning<'a>> = self.stale.into_iter().collect();
        if !self.steps.is_empty() || !self.conditions.is_empty() {
            out.push(Warning::Estimated {
                years: self.years.into_iter().collect(),
                steps: self.steps,
                conditions: self.conditions,
            });
        }
        out
    }
}

/// The numbers of a step's route and condition in the playbook's `StepIndex`.
type RouteAndCondition = (Option<usize>, Option<usize>);

/// The deadline of `step`, number `k` in the playbook. Only a deadline counted from a step reads
/// the step itself (for that step's id): the rest is in the index.
fn deadline_of<'a>(
    step: &'a Step,
    k: usize,
    idx: &StepIndex,
    env: &FamilyEnv<'_>,
    progress: &Progress,
    // For a deadline counting from a step of the playbook: when it was done, and its title.
    from_step: Option<(Option<NaiveDate>, &'a Step)>,
    warnings: &mut Warnings<'a>,
) -> Option<Due<'a>> {
    let (birth, calendar) = (env.birth(), env.calendar);
    let planning = idx.planning(k);
    let (rule, from_birth) = planning.deadline?;
    let (from, from_step) = match &step.deadline {
        // Checked first: a deadline counted from the birth does not read the step.
        _ if from_birth => (birth, None),
        Some(Deadline {
            from: Anchor::Step(id),
            ..
        }) => match from_step.map_or_else(|| progress.get(id.as_ref()).copied(), |f| f.0) {
            Some(done) => (done, Some(id.as_ref())),
            None => {
                let title = from_step.map_or_else(
                    || Title::new(id, None),
                    |(_, s)| Title::new(&s.title, s.title_en.as_deref()),
                );
                return Some(Due::Pending(Pending { step: title, rule }));
            }
        },
        _ => (birth, None),
    };
    let last = if from_birth {
        // Counted from the birth: many steps share a period, and the family's env remembers it.
        rule.last_day_of(env.age_end(rule.period()))
    } else {
        rule.last_day(from, calendar)
    };
    if last.estimated {
        warnings.estimated(calendar, from, last.date, step, idx.number(k));
    }
    let office_day = (planning.office && !calendar.is_working_day(last.date))
        .then(|| calendar.last_working_day_on_or_before(last.date));
    Some(Due::Date(DeadlineInfo {
        date: last.date,
        rule,
        from,
        from_step,
        estimated: last.estimated,
        office_day,
    }))
}

fn choose_route<'a>(
    playbook: &'a Playbook,
    idx: &StepIndex,
    done_by_id: &[Option<NaiveDate>],
    env: &FamilyEnv<'_>,
) -> Option<RouteChoice<'a>> {
    // A route the family has started on stays its route.
    for route in &playbook.routes {
        let on_route = |s: &Step| s.route.as_deref() == Some(route.id.as_ref());
        if let Some((k, step)) = playbook
            .steps
            .iter()
            .enumerate()
            .find(|(k, s)| on_route(s) && done_by_id[idx.number(*k)].is_some())
        {
            let n = idx.number(k);
            let only_here = !playbook
                .steps
                .iter()
                .enumerate()
                .any(|(k2, s)| idx.number(k2) == n && !on_route(s));
            if only_here {
                return Some(RouteChoice {
                    route,
                    why: RouteWhy::Started {
                        route: Title::new(&route.title, route.title_en.as_deref()),
                        step: Title::new(&step.title, step.title_en.as_deref()),
                    },
                    passed_over: Vec::new(),
                });
            }
        }
    }
    let mut passed_over = Vec::new();
    for route in &playbook.routes {
        match &route.when {
            Some(when) if !when.eval(env) => passed_over.push((route, when.unmet(env))),
            Some(when) => {
                let what = match when {
                    crate::condition::Expr::Named(n) => playbook
                        .condition(n)
                        .map_or_else(|| when.to_string(), |c| c.title.to_string()),
                    _ => when.to_string(),
                };
                return Some(RouteChoice {
                    route,
                    why: RouteWhy::Eligible {
                        condition: what,
                        route: Title::new(&route.title, route.title_en.as_deref()),
                    },
                    passed_over,
                });
            }
            None => {
                let why = RouteWhy::Fallback {
                    route: Title::new(&route.title, route.title_en.as_deref()),
                    passed_over: passed_over
                        .first()
                        .map(|(r, unmet): &(&Route, Vec<Unmet>)| {
                            (Title::new(&r.title, r.title_en.as_deref()), unmet.clone())
                        }),
                };
                return Some(RouteChoice {
                    route,
                    why,
                    passed_over,
                });
            }
        }
    }
    None
}
