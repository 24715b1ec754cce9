//! The engine: from a playbook, a family's profile, its progress and today's date to a dated,
//! ordered plan. Pure: no IO, no clock.
//!
//! [`plan`] reads top to bottom: the playbook that covers the family ([`Plan::out_of_scope`]),
//! its route ([`route`]), the steps that apply ([`why`]), their deadlines ([`deadline`]), the
//! links between them and their status ([`status`]), then their order ([`order`]).

mod deadline;
mod env;
mod order;
mod route;
mod status;
mod step;
mod warning;
mod why;

pub use deadline::{CountedFrom, Deadline, Due};
pub use route::{RouteChoice, RouteWhy};
pub use status::Status;
pub use step::{PlanStep, ShownTip, StartReason};
pub use warning::Warning;
pub use why::Reason;

use crate::calendar::{Calendar, WorkDate};
use crate::condition::Unmet;
use crate::family::{Profile, Progress};
#[cfg(test)]
use crate::lang::{Lang, Say};
use crate::playbook::{Playbook, Route, Scope, Step};
use chrono::NaiveDate;
use env::FamilyEnv;
use order::{Place, ToOrder};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use status::Standing;
use warning::Warnings;
use why::Reasons;

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
    /// Set when the family is outside the requested playbook's scope.
    pub out_of_scope: Option<OutOfScope<'a>>,
    pub route: Option<RouteChoice<'a>>,
    /// The applicable steps, in plan order.
    steps: Vec<PlanStep<'a>>,
    /// The steps that do not apply, with why.
    pub not_applicable: Vec<PlanStep<'a>>,
    /// Things the parent must know about the plan's reliability.
    pub warnings: Vec<Warning<'a>>,
}

/// A family the requested playbook does not cover: what it covers, and what the family does not
/// meet.
#[derive(Debug, Clone)]
pub struct OutOfScope<'a> {
    pub scope: &'a Scope,
    pub unmet: Vec<Unmet>,
}

impl<'a> Plan<'a> {
    /// The applicable steps, in order.
    pub fn steps(&self) -> std::slice::Iter<'_, PlanStep<'a>> {
        self.steps.iter()
    }

    /// The step numbered `n` (from 1).
    pub fn step(&self, n: usize) -> Option<&PlanStep<'a>> {
        self.steps.get(n.checked_sub(1)?)
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

/// Computes the plan. `calendar` gives the working days; nothing here reads a clock or a file.
pub fn plan<'a>(
    requested: &'a Playbook,
    profile: &'a Profile,
    progress: &Progress,
    today: NaiveDate,
    calendar: &Calendar,
) -> Plan<'a> {
    let (playbook, out_of_scope) = covering(requested, profile, today, calendar);
    let env = FamilyEnv::new(playbook, profile, today, calendar);
    // What the plan shows of a step (its reason's values, materials, tips) is evaluated apart,
    // so the warning lists the conditions estimated in deciding what applies first.
    let shown = FamilyEnv::new(playbook, profile, today, calendar);
    let mut warnings = Warnings::default();
    warnings.stale(requested, today);

    let route = route::choose(playbook, progress, &env);
    let mut reasons = Reasons::default();
    let (applicable, not_applicable) =
        sort_out(playbook, route.as_ref(), progress, &env, &mut reasons);
    let mut steps = made(
        playbook,
        &applicable,
        progress,
        &env,
        &shown,
        &mut reasons,
        &mut warnings,
    );
    let prerequisites = prerequisites(&steps);
    // A step's own date, for the order: its deadline, else its scheduled start.
    let dates: Vec<Option<NaiveDate>> = steps
        .iter()
        .map(|s| s.deadline().map(|d| d.date).or(s.earliest_start))
        .collect();
    settle(&mut steps, &prerequisites, today, &env, &mut warnings);
    let steps = in_order(steps, &dates, &prerequisites, profile.birth_date);

    warnings.conditions(env.into_estimates());
    warnings.conditions(shown.into_estimates());
    Plan {
        requested,
        playbook,
        profile,
        today,
        out_of_scope,
        route,
        steps,
        not_applicable,
        warnings: warnings.finish(),
    }
}

/// The playbook that covers the family: the requested one, or the one it extends when the
/// family is outside its scope (with why).
fn covering<'a>(
    requested: &'a Playbook,
    profile: &'a Profile,
    today: NaiveDate,
    calendar: &Calendar,
) -> (&'a Playbook, Option<OutOfScope<'a>>) {
    let Some(scope) = &requested.scope else {
        return (requested, None);
    };
    let env = FamilyEnv::new(requested, profile, today, calendar);
    if scope.when.eval(&env) {
        return (requested, None);
    }
    let out = OutOfScope {
        scope,
        unmet: scope.when.unmet(&env),
    };
    (requested.parent.as_deref().unwrap_or(requested), Some(out))
}

/// The steps that apply (in playbook order), and those that do not, with why. A step id on
/// several routes is listed once: its applicable variant, else each variant that does not apply.
fn sort_out<'a>(
    playbook: &'a Playbook,
    route: Option<&RouteChoice<'a>>,
    progress: &Progress,
    env: &FamilyEnv<'_>,
    reasons: &mut Reasons<'a>,
) -> (Vec<&'a Step>, Vec<PlanStep<'a>>) {
    let route: Option<&Route> = route.map(|r| r.route);
    let mut applicable = Vec::new();
    let mut not_applicable = Vec::new();
    for step in &playbook.steps {
        let why_not = reasons.why_not(playbook, step, route, env);
        if why_not.is_empty() {
            applicable.push(step);
        } else {
            let done_on = progress.get(&*step.id).copied();
            not_applicable.push(PlanStep::not_applicable(step, done_on, why_not));
        }
    }
    let applies: HashSet<&str> = applicable.iter().map(|s| &*s.id).collect();
    not_applicable.retain(|s| !applies.contains(&*s.step.id));
    (applicable, not_applicable)
}

/// The applicable steps with what depends only on each (dates, reasons, materials, tips).
fn made<'a>(
    playbook: &'a Playbook,
    applicable: &[&'a Step],
    progress: &Progress,
    env: &FamilyEnv<'_>,
    shown: &FamilyEnv<'_>,
    reasons: &mut Reasons<'a>,
    warnings: &mut Warnings<'a>,
) -> Vec<PlanStep<'a>> {
    // A deadline counts from the applicable step with the id it names, else the first.
    let mut by_id: HashMap<&str, &'a Step> = HashMap::default();
    for s in playbook
        .steps
        .iter()
        .rev()
        .chain(applicable.iter().copied())
    {
        by_id.insert(&s.id, s);
    }
    let anchor = |id: &str| by_id.get(id).copied();
    let mut steps = Vec::with_capacity(applicable.len());
    for &step in applicable {
        let due = deadline::due(step, anchor, progress, env);
        if let Some(Due::Date(d)) = &due
            && d.estimated
        {
            warnings.estimated(env.calendar(), d.from.day(), d.date, step);
        }
        let done_on = progress.get(&*step.id).copied();
        let why = reasons.why(playbook, step, shown);
        let made = PlanStep::applicable(step, done_on, due, why, env);
        steps.push(made.with_materials_and_tips(shown));
    }
    steps
}

/// The applicable prerequisites of each step, in the order required (the applicable step with
/// each id required).
fn prerequisites(steps: &[PlanStep<'_>]) -> Vec<Vec<Place>> {
    let by_id: HashMap<&str, Place> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| (&*s.step.id, Place(i)))
        .collect();
    steps
        .iter()
        .map(|s| {
            let required = s.step.requires.iter();
            required
                .filter_map(|id| by_id.get(&**id).copied())
                .collect()
        })
        .collect()
}

/// Sets each step's prerequisites, its earliest start after their lead times, and its status.
fn settle<'a>(
    steps: &mut [PlanStep<'a>],
    prerequisites: &[Vec<Place>],
    today: NaiveDate,
    env: &FamilyEnv<'_>,
    warnings: &mut Warnings<'a>,
) {
    // The day each done step's result comes: its lead time's minimum after it was done.
    let results: Vec<Option<WorkDate>> = steps
        .iter()
        .map(|s| {
            let lead = s.step.lead_time?;
            Some(env.after(lead.min, s.done_on?))
        })
        .collect();
    for (i, pre) in prerequisites.iter().enumerate() {
        for p in pre {
            if let (Some(result), Some(done)) = (results[p.0], steps[p.0].done_on)
                && result.estimated
            {
                warnings.estimated(env.calendar(), done, result.date, steps[p.0].step);
            }
        }
        // The latest result of a prerequisite (the first, of equal ones) may put the start later.
        let latest = pre
            .iter()
            .filter_map(|p| Some((results[p.0]?.date, steps[p.0].step)))
            .fold(
                None,
                |latest: Option<(NaiveDate, &'a Step)>, (day, from)| match latest {
                    Some((later, _)) if later >= day => latest,
                    _ => Some((day, from)),
                },
            );
        let links: Vec<&'a Step> = pre.iter().map(|p| steps[p.0].step).collect();
        let open: Vec<&'a Step> = pre
            .iter()
            .filter(|p| steps[p.0].done_on.is_none())
            .map(|p| steps[p.0].step)
            .collect();
        let s = &mut steps[i];
        if let Some((day, from)) = latest
            && s.earliest_start.is_none_or(|start| day > start)
            && let Some(range) = from.lead_time
        {
            s.earliest_start = Some(day);
            s.start_reason = Some(StartReason::LeadTime { step: from, range });
        }
        s.status = Status::of(Standing {
            done: s.done_on.is_some(),
            past_deadline: s.deadline().is_some_and(|d| d.date < today),
            open_prerequisite: !open.is_empty(),
            not_yet: s.earliest_start.is_some_and(|start| start > today),
        });
        s.prerequisites = links;
        s.open_prerequisites = open;
    }
}

/// The steps in plan order, numbered, each with the steps it unblocks.
fn in_order<'a>(
    steps: Vec<PlanStep<'a>>,
    dates: &[Option<NaiveDate>],
    prerequisites: &[Vec<Place>],
    birth: NaiveDate,
) -> Vec<PlanStep<'a>> {
    let to_order: Vec<ToOrder> = dates
        .iter()
        .zip(prerequisites)
        .map(|(&date, pre)| ToOrder {
            date,
            prerequisites: pre.clone(),
        })
        .collect();
    let order = order::order(&to_order, birth);
    let mut number = vec![0; steps.len()];
    for (n, p) in order.iter().enumerate() {
        number[p.0] = n + 1;
    }
    let mut unblocks: Vec<Vec<Place>> = vec![Vec::new(); steps.len()];
    for (i, pre) in prerequisites.iter().enumerate() {
        for p in pre {
            unblocks[p.0].push(Place(i));
        }
    }
    let mut slots: Vec<Option<PlanStep<'a>>> = steps.into_iter().map(Some).collect();
    let at_place: Vec<&'a Step> = slots.iter().flatten().map(|s| s.step).collect();
    for (i, slot) in slots.iter_mut().enumerate() {
        let list = &mut unblocks[i];
        list.sort_by_key(|p| number[p.0]);
        list.dedup();
        if let Some(s) = slot {
            s.number = Some(number[i]);
            s.unblocks = list.iter().map(|p| at_place[p.0]).collect();
        }
    }
    order.iter().filter_map(|p| slots[p.0].take()).collect()
}

#[cfg(test)]
mod tests;
