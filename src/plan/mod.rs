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
mod urgency;
mod warning;
mod why;

pub use deadline::{CountedFrom, Deadline, Due, WindowEnd};
pub use route::{RouteChoice, RouteWhy};
pub use status::Status;
pub use step::{PlanStep, ReadOn, ShownTip, StartReason};
pub use warning::Warning;
pub use why::Reason;

use crate::calendar::{Calendar, WorkDate};
use crate::condition::Unmet;
use crate::family::{Profile, Progress};
use crate::playbook::{Binds, Playbook, Route, Scope, Step, Who};
use chrono::NaiveDate;
use env::{FamilyEnv, Outcome};
use order::Place;
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use status::Standing;
use warning::Warnings;
use why::Reasons;

/// The counts a plan's header shows.
#[derive(Debug, Clone, Copy)]
pub struct Counts<'a, 'p> {
    pub overdue: usize,
    pub ready: usize,
    /// The earliest deadline from today on of an open step the family acts on.
    pub next_deadline: Option<(NaiveDate, &'p PlanStep<'a>)>,
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
    /// Set when the family is outside the requested playbook's scope.
    pub out_of_scope: Option<OutOfScope<'a>>,
    pub route: Option<RouteChoice<'a>>,
    /// The applicable steps, in plan order.
    steps: Vec<PlanStep<'a>>,
    /// The steps that do not apply, with why.
    pub not_applicable: Vec<PlanStep<'a>>,
    /// Things the parent must know about the plan's reliability.
    pub warnings: Vec<Warning<'a>>,
    /// What registering the baby with the other parent would open.
    pub what_if: Option<WhatIf<'a>>,
}

/// What registering the baby with the other parent (`follows`) would open.
#[derive(Debug, Clone)]
pub struct WhatIf<'a> {
    /// The other parent: `father` or `mother`.
    pub follows: &'static str,
    /// A route the family cannot take now and could then (a bundle).
    pub route: Option<&'a Route>,
    /// More of this playbook's own steps would cover the family.
    pub covered: bool,
}

/// What the requested playbook does not cover for this family: the scopes it is outside (the
/// playbook's, a route's, a step's), what it does not meet of each, and the steps it must do at
/// its hukou place or under the rules of the playbook this one extends.
#[derive(Debug, Clone)]
pub struct OutOfScope<'a> {
    /// The whole playbook: the family is planned from the one it extends.
    pub whole: bool,
    pub scopes: Vec<(&'a Scope, Vec<Unmet>)>,
    /// The steps outside a route's or step's scope, as planned.
    pub steps: Vec<&'a Step>,
}

impl<'a> OutOfScope<'a> {
    /// The notice for a plan: the whole playbook's scope, and those of its steps, each with
    /// what the family does not meet of it.
    fn of(
        whole: Option<(&'a Scope, Vec<Unmet>)>,
        steps: &[PlanStep<'a>],
        env: &FamilyEnv<'_>,
    ) -> Option<OutOfScope<'a>> {
        let is_whole = whole.is_some();
        let mut scopes: Vec<(&'a Scope, Vec<Unmet>)> = whole.into_iter().collect();
        let mut outside = Vec::new();
        for s in steps {
            let Some(scope) = s.outside else { continue };
            outside.push(s.step);
            if !scopes.iter().any(|(x, _)| x.text == scope.text) {
                scopes.push((scope, scope.when.unmet(env)));
            }
        }
        (!scopes.is_empty()).then_some(OutOfScope {
            whole: is_whole,
            scopes,
            steps: outside,
        })
    }
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

    /// The step to do next, in the plan's order of urgency: an overdue or ready step the family
    /// acts on (required before optional), then one an office or the hospital has done that
    /// the family confirms, else the first one waiting or blocked.
    pub fn next(&self) -> Option<&PlanStep<'a>> {
        let actionable = |s: &&PlanStep<'a>| matches!(s.status, Status::Overdue | Status::Ready);
        let by_family = |s: &&PlanStep<'a>| s.step.who != Who::Institution;
        let first = |f: &dyn Fn(&&PlanStep<'a>) -> bool| self.steps().find(|s| f(s));
        first(&|s| actionable(s) && by_family(s) && !s.step.optional)
            .or_else(|| first(&|s| actionable(s) && by_family(s)))
            .or_else(|| first(&|s| s.status == Status::Confirm))
            .or_else(|| first(&|s| matches!(s.status, Status::Waiting | Status::Blocked)))
    }

    /// Besides `next`: the other steps overdue, or whose deadline is within `days` days, that the
    /// family must act on.
    pub fn soon(&self, days: i64) -> Vec<&PlanStep<'a>> {
        let next = self.next().map(|s| s.step);
        self.steps()
            .filter(|s| next.is_none_or(|n| !std::ptr::eq(n, s.step)))
            .filter(|s| s.step.who != Who::Institution && s.status.is_open())
            .filter(|s| {
                s.status == Status::Overdue
                    || s.days_left(self.today)
                        .is_some_and(|d| (0..=days).contains(&d))
            })
            .collect()
    }

    /// How many steps are overdue and ready, and the next deadline the family must meet.
    pub fn counts(&self) -> Counts<'a, '_> {
        let count = |status| self.steps().filter(|s| s.status == status).count();
        let next_deadline = (self.steps())
            .filter(|s| s.status.is_open() && s.step.who != Who::Institution)
            .filter_map(|s| Some((s.deadline()?.date, s)))
            .filter(|(date, _)| *date >= self.today)
            .min_by_key(|(date, _)| *date);
        Counts {
            overdue: count(Status::Overdue),
            ready: count(Status::Ready),
            next_deadline,
        }
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
    let mut plan = plan_for(requested, profile, progress, today, calendar);
    plan.what_if = what_if(&plan, progress, calendar);
    plan
}

/// What registering the baby with the other parent would open: a route the family cannot take
/// now (a bundle), or this playbook's own steps where the family is outside their scope.
fn what_if<'a>(plan: &Plan<'a>, progress: &Progress, calendar: &Calendar) -> Option<WhatIf<'a>> {
    let other = match plan.profile.facts.get("follows") {
        Some(crate::facts::Value::Word(w)) if w == "father" => "mother",
        Some(crate::facts::Value::Word(w)) if w == "mother" => "father",
        _ => return None,
    };
    let fallback = |p: &Plan<'_>| {
        matches!(
            p.route.as_ref().map(|r| &r.why),
            Some(RouteWhy::Fallback { .. })
        )
    };
    let outside = |p: &Plan<'_>| {
        p.out_of_scope
            .as_ref()
            .map_or(0, |o| o.steps.len() + usize::from(o.whole))
    };
    // Nothing to open: the family is on a chosen route and inside every scope.
    if !fallback(plan) && outside(plan) == 0 {
        return None;
    }
    let mut flipped = plan.profile.clone();
    flipped.facts.set("follows", other).ok()?;
    let alt = plan_for(plan.requested, &flipped, progress, plan.today, calendar);
    let route = match (fallback(plan), &alt.route) {
        (true, Some(r)) if !fallback(&alt) => {
            plan.requested.routes.iter().find(|x| x.id == r.route.id)
        }
        _ => None,
    };
    let covered = outside(&alt) < outside(plan);
    (route.is_some() || covered).then_some(WhatIf {
        follows: other,
        route,
        covered,
    })
}

/// The plan, without asking what registering with the other parent would change.
fn plan_for<'a>(
    requested: &'a Playbook,
    profile: &'a Profile,
    progress: &Progress,
    today: NaiveDate,
    calendar: &Calendar,
) -> Plan<'a> {
    let (playbook, whole) = covering(requested, profile, progress, today, calendar);
    let env = FamilyEnv::new(playbook, profile, progress, today, calendar);
    // What the plan shows of a step (its reason's values, materials, tips) is evaluated apart,
    // so the warning lists the conditions estimated in deciding what applies first.
    let shown = FamilyEnv::new(playbook, profile, progress, today, calendar);
    let mut warnings = Warnings::default();
    warnings.stale(requested, today);

    let route = route::choose(playbook, progress, &env);
    let taken = route.as_ref().map(|r| r.route);
    let (undecided, missed) = undecided_and_missed(playbook, taken, progress, &env);
    let route_id = taken.map(|r| &*r.id);
    env.set_progress_view(route_id, undecided.clone(), missed.clone());
    shown.set_progress_view(route_id, undecided, missed);

    let mut reasons = Reasons::default();
    let sorted = sort_out(playbook, route.as_ref(), progress, &env, &mut reasons);
    let mut steps = made(
        playbook,
        &sorted.applicable,
        progress,
        &env,
        &shown,
        &mut reasons,
    );
    for s in &steps {
        warnings.dates(env.calendar(), profile.birth_date, s);
    }
    let prerequisites = prerequisites(&steps, &sorted.applicable);
    settle(&mut steps, &prerequisites, &env, &mut warnings);
    steps.extend(sorted.closed_routes);
    let prerequisites: Vec<Vec<Place>> = (0..steps.len())
        .map(|i| prerequisites.get(i).cloned().unwrap_or_default())
        .collect();
    let steps = in_order(steps, &prerequisites, profile.birth_date);

    let out_of_scope = OutOfScope::of(whole, &steps, &shown);
    warnings.conditions(env.into_estimates());
    warnings.conditions(shown.into_estimates());
    Plan {
        out_of_scope,
        requested,
        playbook,
        profile,
        today,
        route,
        steps,
        not_applicable: sorted.not_applicable,
        warnings: warnings.finish(),
        what_if: None,
    }
}

/// The playbook that covers the family: the requested one, or the one it extends when the
/// family is outside its scope (with what it does not meet).
fn covering<'a>(
    requested: &'a Playbook,
    profile: &'a Profile,
    progress: &Progress,
    today: NaiveDate,
    calendar: &Calendar,
) -> (&'a Playbook, Option<(&'a Scope, Vec<Unmet>)>) {
    let Some(scope) = &requested.scope else {
        return (requested, None);
    };
    let env = FamilyEnv::new(requested, profile, progress, today, calendar);
    if scope.when.eval(&env) {
        return (requested, None);
    }
    let unmet = scope.when.unmet(&env);
    (
        requested.parent.as_deref().unwrap_or(requested),
        Some((scope, unmet)),
    )
}

/// The optional steps on the family's route the family has neither done nor skipped while they
/// can still be done, and the steps whose window has passed without being done.
fn undecided_and_missed<'a>(
    playbook: &'a Playbook,
    route: Option<&Route>,
    progress: &Progress,
    env: &FamilyEnv<'_>,
) -> (Vec<&'a str>, Vec<&'a str>) {
    let (mut undecided, mut missed) = (Vec::new(), Vec::new());
    for step in &playbook.steps {
        if progress.is_done(&step.id) {
            continue;
        }
        if deadline::window(step, env).is_some_and(|w| w.date < env.today()) {
            missed.push(&*step.id);
            continue;
        }
        let on_route = step.route.is_none() || step.route.as_deref() == route.map(|r| &*r.id);
        let applies = step.when.as_ref().is_none_or(|w| w.eval(env));
        let decided = progress.is_skipped(&step.id) || env.stated(&step.id).is_some();
        if step.optional && !decided && on_route && applies {
            undecided.push(&*step.id);
        }
    }
    (undecided, missed)
}

/// The playbook's steps, sorted out for the family.
struct Sorted<'a> {
    /// The steps that apply, in playbook order, with the optional steps each waits on a decision
    /// about (its condition holds or fails depending on them).
    applicable: Vec<(&'a Step, Vec<&'a Step>)>,
    /// The steps that do not apply, with why (one per id: a step whose id has an applicable
    /// variant on the family's route is left out).
    not_applicable: Vec<PlanStep<'a>>,
    /// The steps of a route whose window has closed, which the family could have taken: missed.
    closed_routes: Vec<PlanStep<'a>>,
}

fn sort_out<'a>(
    playbook: &'a Playbook,
    route: Option<&RouteChoice<'a>>,
    progress: &Progress,
    env: &FamilyEnv<'_>,
    reasons: &mut Reasons<'a>,
) -> Sorted<'a> {
    let taken: Option<&Route> = route.map(|r| r.route);
    let mut applicable = Vec::new();
    let mut not_applicable = Vec::new();
    for step in &playbook.steps {
        let other_route = step.route.is_some() && step.route.as_deref() != taken.map(|r| &*r.id);
        let outcome = step
            .when
            .as_ref()
            .map_or(Outcome::Holds, |w| env.outcome(w));
        match outcome {
            Outcome::Holds if !other_route => applicable.push((step, Vec::new())),
            Outcome::WaitsFor(ids) if !other_route => {
                // A step's condition may ask about the step itself (a fact it mirrors).
                let others = ids.iter().filter(|id| **id != *step.id);
                let waits = others.filter_map(|id| first_with(playbook, id)).collect();
                applicable.push((step, waits));
            }
            _ => {
                let why = reasons.why_not(playbook, step, taken, env);
                let done_on = progress.done_on(&step.id);
                not_applicable.push(PlanStep::not_applicable(step, done_on, why));
            }
        }
    }
    let applies: HashSet<&str> = applicable.iter().map(|(s, _)| &*s.id).collect();
    not_applicable.retain(|s| !applies.contains(&*s.step.id));
    // A route that closed with its window: its own steps that have a window are missed.
    let closed: Vec<&Route> = route.map(|r| r.closed.clone()).unwrap_or_default();
    let (closed_routes, not_applicable) = not_applicable.into_iter().partition(|s| {
        let on_closed = closed
            .iter()
            .any(|r| s.step.route.as_deref() == Some(&*r.id));
        on_closed && s.step.window.is_some() && s.done_on.is_none()
    });
    let closed_routes: Vec<PlanStep<'a>> = closed_routes;
    let closed_routes = closed_routes
        .into_iter()
        .map(|mut s| {
            s.status = Status::Missed;
            s.window = deadline::window(s.step, env);
            s
        })
        .collect();
    Sorted {
        applicable,
        not_applicable,
        closed_routes,
    }
}

fn first_with<'a>(playbook: &'a Playbook, id: &str) -> Option<&'a Step> {
    playbook.steps.iter().find(|s| s.id == id)
}

/// The applicable steps with what depends only on each (dates, reasons, materials, tips). A step
/// whose scope the family is outside is replaced by its parent playbook's step of that id (e.g.
/// the national rule), or kept to be done elsewhere.
fn made<'a>(
    playbook: &'a Playbook,
    applicable: &[(&'a Step, Vec<&'a Step>)],
    progress: &Progress,
    env: &FamilyEnv<'_>,
    shown: &FamilyEnv<'_>,
    reasons: &mut Reasons<'a>,
) -> Vec<PlanStep<'a>> {
    // A deadline counts from the applicable step with the id it names, else the first.
    let mut by_id: HashMap<&str, &'a Step> = HashMap::default();
    for s in (playbook.steps.iter().rev()).chain(applicable.iter().map(|(s, _)| *s)) {
        by_id.insert(&s.id, s);
    }
    let anchor = |id: &str| by_id.get(id).copied();
    let mut steps = Vec::with_capacity(applicable.len());
    for (step, waits) in applicable {
        let step: &'a Step = step;
        let outside = scope_of(playbook, step).filter(|scope| !scope.when.eval(env));
        let planned = match outside {
            Some(_) => parent_step(playbook, step, env).unwrap_or(step),
            None => step,
        };
        let done_on = progress.done_on(&step.id);
        let elsewhere = outside.is_some() && std::ptr::eq(planned, step);
        let due = (!elsewhere)
            .then(|| deadline::due(planned, anchor, progress, env))
            .flatten();
        let mut why = reasons.why(playbook, planned, shown);
        if !waits.is_empty() {
            why.retain(|r| matches!(r, Reason::OnRoute(_)));
            why.push(Reason::Depends(waits.clone()));
        }
        let mut made = PlanStep::applicable(planned, done_on, due, why, env);
        made.outside = outside;
        if elsewhere {
            // Done at the hukou place: none of this region's dates, materials or tips.
            made.window = None;
            made.status = Status::Elsewhere;
            steps.push(made);
        } else {
            steps.push(made.with_materials_and_tips(shown));
        }
    }
    steps
}

/// The scope a step has, of its own or of its route.
fn scope_of<'a>(playbook: &'a Playbook, step: &'a Step) -> Option<&'a Scope> {
    let route = step.route.as_deref().and_then(|r| playbook.route(r));
    step.scope.as_ref().or(route.and_then(|r| r.scope.as_ref()))
}

/// The step of the same id in the playbooks `playbook` extends, nearest first, that covers the
/// family (no scope, or one it meets) and applies.
fn parent_step<'a>(playbook: &'a Playbook, step: &Step, env: &FamilyEnv<'_>) -> Option<&'a Step> {
    let parent = playbook.parent.as_deref()?;
    let found = parent.steps.iter().find(|s| {
        s.id == step.id
            && s.route.is_none()
            && !std::ptr::eq(*s, step)
            && s.scope.as_ref().is_none_or(|x| x.when.eval(env))
            && s.when.as_ref().is_none_or(|w| w.eval(env))
    });
    found.or_else(|| parent_step(parent, step, env))
}

/// The applicable prerequisites of each step, in the order required (the applicable step with
/// each id required), then the optional steps it waits on a decision about.
fn prerequisites(steps: &[PlanStep<'_>], applicable: &[(&Step, Vec<&Step>)]) -> Vec<Vec<Place>> {
    let by_id: HashMap<&str, Place> = steps
        .iter()
        .enumerate()
        .map(|(i, s)| (&*s.step.id, Place(i)))
        .collect();
    steps
        .iter()
        .zip(applicable)
        .map(|(s, (_, waits))| {
            let required = s.step.requires.iter().map(|id| &**id);
            let waited = waits.iter().map(|w| &*w.id);
            let mut pre: Vec<Place> = Vec::new();
            for p in required
                .chain(waited)
                .filter_map(|id| by_id.get(id).copied())
            {
                if !pre.contains(&p) {
                    pre.push(p);
                }
            }
            pre
        })
        .collect()
}

/// Sets each step's prerequisites, its earliest start after their lead times, and its status;
/// warns where a step cannot start before its deadline.
fn settle<'a>(
    steps: &mut [PlanStep<'a>],
    prerequisites: &[Vec<Place>],
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
    let implied = implied_done(steps, prerequisites, env);
    // Whether each is settled (done, skipped): its dependents need not wait for it.
    let settled: Vec<bool> = steps
        .iter()
        .zip(&implied)
        .map(|(s, &implied)| {
            let stated = env.stated(&s.step.id) == Some(true);
            s.done_on.is_some() || stated || implied || env_skipped(s, env)
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
        let latest = latest_result(pre, &results, steps);
        let links: Vec<&'a Step> = pre.iter().map(|p| steps[p.0].step).collect();
        let open: Vec<&'a Step> = (pre.iter())
            .filter(|p| !settled[p.0])
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
        s.prerequisites = links;
        s.open_prerequisites = open;
        settle_one(s, implied[i], env, warnings);
    }
}

/// The latest day a prerequisite's result comes (the first, of equal ones), with that step: it
/// may put the start later.
fn latest_result<'a>(
    pre: &[Place],
    results: &[Option<WorkDate>],
    steps: &[PlanStep<'a>],
) -> Option<(NaiveDate, &'a Step)> {
    let mut latest: Option<(NaiveDate, &'a Step)> = None;
    for p in pre {
        if let Some(result) = results[p.0]
            && latest.is_none_or(|(later, _)| result.date > later)
        {
            latest = Some((result.date, steps[p.0].step));
        }
    }
    latest
}

/// The steps a done step requires, and the steps those require: the family could not have done
/// it without them, so they count as done even if not marked (`newborn done` on a later step
/// first). A step that mirrors a fact is left to the family to state, since conditions ask
/// about the fact.
fn implied_done(
    steps: &[PlanStep<'_>],
    prerequisites: &[Vec<Place>],
    env: &FamilyEnv<'_>,
) -> Vec<bool> {
    let mut implied = vec![false; steps.len()];
    let mut todo: Vec<usize> = (0..steps.len())
        .filter(|&i| steps[i].done_on.is_some() || env.stated(&steps[i].step.id) == Some(true))
        .collect();
    while let Some(i) = todo.pop() {
        for p in &prerequisites[i] {
            let pre = steps[p.0].step;
            let required = steps[i].step.requires.contains(&pre.id);
            if required && pre.fact.is_none() && !implied[p.0] {
                implied[p.0] = true;
                todo.push(p.0);
            }
        }
    }
    implied
}

/// Whether the family will not take `s`, an optional step: it skipped it, or said the fact the
/// step mirrors is false.
fn env_skipped(s: &PlanStep<'_>, env: &FamilyEnv<'_>) -> bool {
    s.step.optional && (env.skipped(&s.step.id) || env.stated(&s.step.id) == Some(false))
}

/// One step's status, once its prerequisites and earliest start are known; its office day is
/// dropped when it falls before the step can start.
fn settle_one<'a>(
    s: &mut PlanStep<'a>,
    implied: bool,
    env: &FamilyEnv<'_>,
    warnings: &mut Warnings<'a>,
) {
    let today = env.today();
    let can_start = s.earliest_start.unwrap_or(env.birth()).max(env.birth());
    let deadline = s.deadline().map(|d| (d.date, d.binds));
    if let Some(Due::Date(d)) = &mut s.due {
        d.office_day = d.office_day.filter(|&o| o >= can_start);
    }
    if let Some(w) = &mut s.window {
        w.office_day = w.office_day.filter(|&o| o >= can_start);
    }
    let open = !s.open_prerequisites.is_empty();
    let not_yet = s.earliest_start.is_some_and(|start| start > today);
    let past_deadline = deadline.is_some_and(|(date, _)| date < today);
    // Waiting on an office's or the hospital's steps only: the family cannot act yet.
    let offices_only = open && (s.open_prerequisites.iter()).all(|p| p.who == Who::Institution);
    let result_late = deadline.is_some_and(|(date, binds)| {
        let result = binds == Binds::Result && (open || not_yet || can_start > date);
        result || offices_only
    });
    let day = deadline.map(|(date, _)| date).or(s.earliest_start);
    if s.status != Status::Elsewhere {
        s.status = Status::of(Standing {
            done: s.done_on.is_some() || env.stated(&s.step.id) == Some(true) || implied,
            skipped: env_skipped(s, env),
            elsewhere: false,
            window_passed: s.window.is_some_and(|w| w.date < today),
            institution: s.step.who == Who::Institution,
            past_deadline,
            result_late,
            open_prerequisite: open,
            not_yet,
            day_passed: day.is_none_or(|d| d < today),
        });
    }
    if let Some((date, Binds::Act)) = deadline
        && s.status.is_open()
        && s.step.who != Who::Institution
        && can_start > date
    {
        warnings.too_late(s.step, can_start, date);
    }
}

/// The steps in plan order, numbered, each with the steps it unblocks.
fn in_order<'a>(
    steps: Vec<PlanStep<'a>>,
    prerequisites: &[Vec<Place>],
    birth: NaiveDate,
) -> Vec<PlanStep<'a>> {
    let order = urgency::order_by_urgency(&steps, prerequisites, birth);
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
