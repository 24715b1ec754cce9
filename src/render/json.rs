//! `--json` and `export --format json`: the plan as data.

use super::Exporter;
use crate::lang::{Lang, Say};
use crate::plan::{Plan, PlanStep, Status, Warning};
use crate::playbook::{Cite, Material, Playbook, Step};
use serde::Serialize;

pub(crate) struct Json;

impl Exporter for Json {
    fn name(&self) -> &'static str {
        "json"
    }

    fn export(&self, plan: &Plan, ctx: &mut super::ExportContext) -> String {
        let lang = ctx.lang;
        plan_json(plan, true, &[], lang)
    }
}

#[derive(Serialize)]
pub(crate) struct SourceJson<'a> {
    pub doc: &'a str,
    pub section: &'a str,
    pub title: Option<&'a str>,
    pub issuer: Option<&'a str>,
    pub trust: Option<crate::playbook::Trust>,
}

fn source<'a>(playbook: &'a Playbook, c: &'a Cite) -> SourceJson<'a> {
    let s = playbook.source(&c.doc);
    SourceJson {
        doc: &c.doc,
        section: &c.section,
        title: s.map(|s| s.title.as_ref()),
        issuer: s.map(|s| s.issuer.as_ref()),
        trust: s.map(|s| s.trust),
    }
}

#[derive(Serialize)]
pub(crate) struct StepJson<'a> {
    pub number: Option<usize>,
    pub id: &'a str,
    pub title: &'a str,
    pub title_en: Option<&'a str>,
    pub summary: Option<&'a str>,
    pub status: &'static str,
    pub deadline: Option<String>,
    pub deadline_rule: Option<String>,
    pub deadline_office_day: Option<String>,
    pub deadline_estimated: bool,
    pub deadline_pending: Option<String>,
    pub deadline_binds: Option<&'static str>,
    pub days_left: Option<i64>,
    /// The last day it can be done at all.
    pub window: Option<String>,
    pub window_rule: Option<String>,
    pub earliest_start: Option<String>,
    pub done_on: Option<String>,
    pub expected: Option<[String; 2]>,
    pub route: Option<&'a str>,
    pub optional: bool,
    pub agency: Option<&'a str>,
    pub channel: crate::playbook::Channel,
    pub path: Option<&'a str>,
    pub who: crate::playbook::Who,
    pub in_person: bool,
    pub prerequisites: Vec<&'a str>,
    pub open_prerequisites: Vec<&'a str>,
    pub unblocks: Vec<&'a str>,
    pub materials: Vec<&'a Material>,
    pub tips: Vec<String>,
    pub missed: Option<&'a str>,
    /// What to do once the deadline or window has passed (for a step overdue or missed).
    pub late: Option<String>,
    /// The scope of this region's step the family is outside (the step is then the rule of
    /// the playbook it extends, or done at the family's hukou place).
    pub outside: Option<&'a str>,
    pub why: Vec<String>,
    pub source: SourceJson<'a>,
}

fn ids<'a>(steps: &[&'a Step]) -> Vec<&'a str> {
    steps.iter().map(|s| &*s.id).collect()
}

pub(crate) fn step<'a>(plan: &'a Plan<'_>, s: &'a PlanStep<'_>, lang: Lang) -> StepJson<'a> {
    let d = s.deadline();
    StepJson {
        number: s.number,
        id: &s.step.id,
        title: &s.step.title,
        title_en: s.step.title_en.as_deref(),
        summary: s.step.summary.as_deref(),
        status: s.status.as_str(),
        deadline: d.map(|d| d.date.to_string()),
        deadline_rule: d.map(|d| d.rule.to_string()),
        deadline_office_day: d.and_then(|d| d.office_day).map(|o| o.to_string()),
        deadline_estimated: d.is_some_and(|d| d.estimated),
        deadline_pending: s.deadline_pending().map(|p| p.say(lang)),
        deadline_binds: d.map(|d| match d.binds {
            crate::playbook::Binds::Act => "act",
            crate::playbook::Binds::Result => "result",
        }),
        window: s.window.map(|w| w.date.to_string()),
        window_rule: s.window.map(|w| w.rule.to_string()),
        days_left: if !s.status.is_open() || s.step.who == crate::playbook::Who::Institution {
            None
        } else {
            s.days_left(plan.today)
        },
        earliest_start: s.earliest_start.map(|d| d.to_string()),
        done_on: s.done_on.map(|d| d.to_string()),
        expected: s.expected.map(|(a, b)| [a.to_string(), b.to_string()]),
        route: s.step.route.as_deref(),
        optional: s.step.optional,
        agency: s.step.agency.as_deref(),
        channel: s.step.channel,
        path: s.step.path.as_deref(),
        who: s.step.who,
        in_person: s.step.in_person,
        prerequisites: ids(&s.prerequisites),
        open_prerequisites: ids(&s.open_prerequisites),
        unblocks: ids(&s.unblocks),
        materials: s.materials.clone(),
        tips: s.tips.iter().map(|t| t.say(lang)).collect(),
        missed: s.step.missed.as_deref(),
        late: matches!(s.status, Status::Overdue | Status::Missed)
            .then(|| super::late(plan, s, lang)),
        outside: s.outside.map(|o| &*o.text),
        why: s.why.iter().map(|w| w.say(lang)).collect(),
        source: source(plan.playbook, &s.step.source),
    }
}

#[derive(Serialize)]
struct RouteJson<'a> {
    id: &'a str,
    title: &'a str,
    why: String,
}

#[derive(Serialize)]
struct PlanJson<'a> {
    region: &'a str,
    region_name: &'a str,
    planned_from: &'a str,
    today: String,
    birth_date: String,
    reviewed: String,
    route: Option<RouteJson<'a>>,
    out_of_scope: Option<OutOfScopeJson<'a>>,
    steps: Vec<StepJson<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    not_applicable: Option<Vec<StepJson<'a>>>,
    warnings: Vec<WarningJson>,
    /// One line on what registering the baby with the other parent would open (null: nothing).
    what_if: Option<String>,
    assumed_defaults: &'a [String],
}

#[derive(Serialize)]
struct OutOfScopeJson<'a> {
    /// The whole playbook: the family is planned from the one it extends.
    whole: bool,
    /// What the playbook (or its routes and steps) covers.
    text: Vec<&'a str>,
    /// What the family does not meet.
    why: Vec<String>,
    /// The steps the family does at its hukou place, or under the rules the playbook extends.
    steps: Vec<&'a str>,
}

/// A warning: `kind` (`too_late`, `stale`, `estimated`), the steps it is about, and its text.
#[derive(Serialize)]
pub(crate) struct WarningJson {
    kind: &'static str,
    steps: Vec<String>,
    text: String,
}

pub(crate) fn warning(w: &Warning<'_>, lang: Lang) -> WarningJson {
    let steps = match w {
        Warning::TooLate { step, .. } => vec![step.id.to_string()],
        Warning::Stale { .. } => Vec::new(),
        Warning::Estimated { steps, .. } => steps.iter().map(|s| s.id.to_string()).collect(),
    };
    WarningJson {
        kind: w.kind(),
        steps,
        text: w.say(lang),
    }
}

/// The plan as pretty JSON; `all` adds the steps that do not apply.
pub(crate) fn plan_json(plan: &Plan<'_>, all: bool, assumed: &[String], lang: Lang) -> String {
    let out = PlanJson {
        region: &plan.requested.id,
        region_name: &plan.requested.name,
        planned_from: &plan.playbook.id,
        today: plan.today.to_string(),
        birth_date: plan.profile.birth_date.to_string(),
        reviewed: plan.requested.reviewed.to_string(),
        route: plan.route.as_ref().map(|r| RouteJson {
            id: &r.route.id,
            title: &r.route.title,
            why: r.why.say(lang),
        }),
        out_of_scope: plan.out_of_scope.as_ref().map(|o| OutOfScopeJson {
            whole: o.whole,
            text: o.scopes.iter().map(|(s, _)| &*s.text).collect(),
            why: (o.scopes.iter())
                .flat_map(|(_, unmet)| unmet.iter().map(|u| u.say(lang)))
                .collect(),
            steps: o.steps.iter().map(|s| &*s.id).collect(),
        }),
        steps: plan.steps().map(|s| step(plan, s, lang)).collect(),
        not_applicable: all.then(|| {
            plan.not_applicable
                .iter()
                .map(|s| step(plan, s, lang))
                .collect()
        }),
        warnings: plan.warnings.iter().map(|w| warning(w, lang)).collect(),
        what_if: super::what_if(plan, lang),
        assumed_defaults: assumed,
    };
    serde_json::to_string_pretty(&out).expect("a plan serializes") + "\n"
}
