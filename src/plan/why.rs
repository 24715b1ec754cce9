//! Why a step applies to a family, or does not.

use super::env::FamilyEnv;
use crate::condition::{Expr, Shown, Unmet};
use crate::lang::{Lang, Say};
use crate::playbook::{Playbook, Route, Step};

/// Why a step applies, or does not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason<'a> {
    /// The step is on the route the family takes.
    OnRoute(&'a Route),
    /// The step's condition holds, with the family's values.
    Holds {
        condition: &'a Expr,
        values: Vec<Shown>,
    },
    /// A step for every family.
    Everyone,
    /// The step belongs to a route the family does not take (`None`: a route the playbook does
    /// not define).
    OtherRoute(Option<&'a Route>),
    /// A part of the step's condition the family does not meet.
    Unmet(Unmet),
}

/// Why `step` does not apply to the family on `route`: empty when it applies.
pub(crate) fn why_not<'a>(
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

/// Why `step`, which applies, does: its route, and its condition with the family's values (or
/// that it is for everyone).
pub(crate) fn why<'a>(
    playbook: &'a Playbook,
    step: &'a Step,
    env: &FamilyEnv<'_>,
) -> Vec<Reason<'a>> {
    let on_route = step.route.as_deref().and_then(|r| playbook.route(r));
    let condition = match &step.when {
        Some(when) => Some(Reason::Holds {
            condition: when,
            values: when.values(env),
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

impl Say for Reason<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::OnRoute(route), Lang::Zh) => format!("属于路线“{}”", route.title),
            (Reason::OnRoute(route), Lang::En) => {
                format!("on the route \"{}\"", route.title(lang))
            }
            (Reason::Holds { condition, values }, _) => {
                let mut out = format!(
                    "{}{condition}",
                    lang.pick("条件成立：", "condition holds: ")
                );
                if !values.is_empty() {
                    let v: Vec<String> = values.iter().map(|x| x.say(lang)).collect();
                    out.push_str(&lang.paren(&v.join(lang.pick("，", ", "))));
                }
                out
            }
            (Reason::Everyone, _) => lang
                .pick("适用于所有家庭", "applies to every family")
                .into(),
            (Reason::OtherRoute(route), Lang::Zh) => format!(
                "只属于路线“{}”，本家庭走的不是这条路线",
                route.map_or("", |r| &*r.title)
            ),
            (Reason::OtherRoute(route), Lang::En) => format!(
                "only on the route \"{}\", which this family does not take",
                route.map_or("", |r| r.title(lang))
            ),
            (Reason::Unmet(u), _) => u.say(lang),
        }
    }
}
