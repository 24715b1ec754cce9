//! Why a step applies to a family, or does not.

use super::env::FamilyEnv;
use crate::condition::{Expr, Shown, Unmet, Words};
use crate::playbook::{Playbook, Route, Step};
use rustc_hash::FxHashMap as HashMap;
use std::rc::Rc;

/// The reasons of a plan's steps, worked out once for each route and condition steps share
/// (a playbook has many steps and few distinct conditions).
#[derive(Default)]
pub(crate) struct Reasons<'a> {
    why: HashMap<Key<'a>, Vec<Reason<'a>>>,
    why_not: HashMap<Key<'a>, Vec<Reason<'a>>>,
}

/// A step's route and condition.
type Key<'a> = (Option<&'a str>, Option<&'a Expr>);

impl<'a> Reasons<'a> {
    /// Why `step` does not apply to the family on `route`: empty when it applies.
    pub(crate) fn why_not(
        &mut self,
        playbook: &'a Playbook,
        step: &'a Step,
        route: Option<&Route>,
        env: &FamilyEnv<'_>,
    ) -> Vec<Reason<'a>> {
        let key = (step.route.as_deref(), step.when.as_ref());
        let reasons = self.why_not.entry(key);
        reasons
            .or_insert_with(|| why_not(playbook, step, route, env))
            .clone()
    }

    /// Why `step`, which applies, does.
    pub(crate) fn why(
        &mut self,
        playbook: &'a Playbook,
        step: &'a Step,
        env: &FamilyEnv<'_>,
    ) -> Vec<Reason<'a>> {
        let key = (step.route.as_deref(), step.when.as_ref());
        let reasons = self.why.entry(key);
        reasons.or_insert_with(|| why(playbook, step, env)).clone()
    }
}

/// Why a step applies, or does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'a> {
    /// The step is on the route the family takes.
    OnRoute(&'a Route),
    /// The step's condition holds, with the family's values.
    Holds {
        condition: &'a Expr,
        /// The condition in words.
        words: Words,
        /// Shared by the steps with this condition.
        values: Rc<[Shown]>,
    },
    /// A step for every family.
    Everyone,
    /// The step belongs to a route the family does not take (`None`: a route the playbook does
    /// not define).
    OtherRoute(Option<&'a Route>),
    /// A part of the step's condition the family does not meet.
    Unmet(Unmet),
    /// Whether it applies depends on optional steps the family has not decided on.
    Depends(Vec<&'a Step>),
}

fn why_not<'a>(
    playbook: &'a Playbook,
    step: &Step,
    route: Option<&Route>,
    env: &FamilyEnv<'_>,
) -> Vec<Reason<'a>> {
    let other_route = step
        .route
        .as_deref()
        .filter(|r| route.is_none_or(|taken| taken.id != *r));
    let unmet = step.when.as_ref().map_or_else(Vec::new, |w| w.unmet(env));
    other_route
        .map(|r| Reason::OtherRoute(playbook.route(r)))
        .into_iter()
        .chain(unmet.into_iter().map(Reason::Unmet))
        .collect()
}

/// Its route, and its condition with the family's values (or that it is for everyone).
fn why<'a>(playbook: &'a Playbook, step: &'a Step, env: &FamilyEnv<'_>) -> Vec<Reason<'a>> {
    let on_route = step.route.as_deref().and_then(|r| playbook.route(r));
    let condition = match &step.when {
        Some(when) => Some(Reason::Holds {
            condition: when,
            words: when.words(env),
            values: when.values(env).into(),
        }),
        None if step.route.is_none() => Some(Reason::Everyone),
        None => None,
    };
    on_route
        .map(Reason::OnRoute)
        .into_iter()
        .chain(condition)
        .collect()
}
