//! Which route a family takes through the steps, and why.

use super::env::FamilyEnv;
use crate::condition::{Unmet, Words};
use crate::family::Progress;
use crate::playbook::{Playbook, Route, Step};
use rustc_hash::FxHashMap as HashMap;

/// The route taken, and why.
#[derive(Debug, Clone)]
pub struct RouteChoice<'a> {
    pub route: &'a Route,
    /// Why this route.
    pub why: RouteWhy<'a>,
    /// Routes passed over, with what the family does not meet.
    pub passed_over: Vec<(&'a Route, Vec<Unmet>)>,
    /// Of those, the routes the family could have taken at the birth: their window has closed.
    pub closed: Vec<&'a Route>,
}

/// Why the family takes its route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RouteWhy<'a> {
    /// A step only this route has is done: the family stays on it.
    Started { route: &'a Route, step: &'a Step },
    /// The route's condition holds (`condition`: its title, or the condition in words).
    Eligible { condition: Words, route: &'a Route },
    /// The fallback, after the routes the family cannot take (the first of them, and why).
    Fallback {
        route: &'a Route,
        passed_over: Option<(&'a Route, Vec<Unmet>)>,
    },
}

/// The family's route: one it has started on (a step only that route has is done), else the
/// first whose condition holds, else the fallback. `None` when the playbook has no routes.
pub(crate) fn choose<'a>(
    playbook: &'a Playbook,
    progress: &Progress,
    env: &FamilyEnv<'_>,
) -> Option<RouteChoice<'a>> {
    started(playbook, progress).or_else(|| eligible(playbook, env))
}

/// The first route with a done step that starts it: one its `started_by` names, else any step
/// no other route has.
fn started<'a>(playbook: &'a Playbook, progress: &Progress) -> Option<RouteChoice<'a>> {
    // The route of each step id, when all its variants are on that one route.
    let mut only_on: HashMap<&str, Option<&str>> = HashMap::default();
    for s in &playbook.steps {
        only_on
            .entry(&s.id)
            .and_modify(|r| *r = r.filter(|r| s.route.as_deref() == Some(r)))
            .or_insert(s.route.as_deref());
    }
    playbook.routes.iter().find_map(|route| {
        let starts = |s: &Step| match route.started_by.is_empty() {
            true => only_on.get(&*s.id) == Some(&Some(&*route.id)),
            false => route.started_by.contains(&s.id) && s.route.as_deref() == Some(&*route.id),
        };
        let step = (playbook.steps.iter()).find(|s| starts(s) && progress.is_done(&s.id))?;
        Some(RouteChoice {
            route,
            why: RouteWhy::Started { route, step },
            passed_over: Vec::new(),
            closed: Vec::new(),
        })
    })
}

/// The first route whose condition holds, or the fallback.
fn eligible<'a>(playbook: &'a Playbook, env: &FamilyEnv<'_>) -> Option<RouteChoice<'a>> {
    let mut passed_over: Vec<(&'a Route, Vec<Unmet>)> = Vec::new();
    for route in &playbook.routes {
        let why = match &route.when {
            Some(when) if !when.eval(env) => {
                passed_over.push((route, when.unmet(env)));
                continue;
            }
            Some(when) => RouteWhy::Eligible {
                condition: when.words(env),
                route,
            },
            None => RouteWhy::Fallback {
                route,
                passed_over: passed_over.first().cloned(),
            },
        };
        let at_birth = env.at_birth();
        let closed = (passed_over.iter())
            .filter(|(r, _)| r.when.as_ref().is_some_and(|w| w.eval(&at_birth)))
            .map(|(r, _)| *r)
            .collect();
        return Some(RouteChoice {
            route,
            why,
            passed_over,
            closed,
        });
    }
    None
}
