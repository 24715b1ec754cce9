//! What changes between two plans of one family (after `set`, or what marking a step that does
//! not apply would do): the route, the steps that apply, and deadlines.
//!
//! Reads only what every plan keeps: its route, its steps in order, their ids, titles, numbers
//! and deadlines.

use crate::lang::{Lang, Say, tr};
use crate::plan::{Plan, PlanStep};

fn route_title(plan: &Plan<'_>, lang: Lang) -> Option<String> {
    plan.route.as_ref().map(|r| r.route.title(lang).to_string())
}

fn named(s: &PlanStep<'_>, lang: Lang) -> String {
    format!("{}{}", s.step.title(lang), lang.paren(&s.step.id))
}

/// The changes from `before` to `after`, one a line; empty when the plan is the same. The
/// steps in `skip` are not listed as added or removed.
pub(crate) fn changes(
    before: &Plan<'_>,
    after: &Plan<'_>,
    skip: &[&str],
    lang: Lang,
) -> Vec<String> {
    let mut lines = Vec::new();
    let (was, now) = (route_title(before, lang), route_title(after, lang));
    if was != now {
        let none = lang.pick("（无）", "(none)").to_string();
        let (was, now) = (was.unwrap_or(none.clone()), now.unwrap_or(none));
        lines.push(tr!(lang, "路线：{was} → {now}", "Route: {was} → {now}"));
        if let Some(r) = &after.route {
            lines.push(format!("  {}", lang.paren(&r.why.say(lang)).trim_start()));
        }
    }
    let has =
        |plan: &Plan<'_>, id: &str| skip.contains(&id) || plan.steps().any(|s| s.step.id == id);
    let added: Vec<String> = after
        .steps()
        .filter(|s| !has(before, &s.step.id))
        .map(|s| named(s, lang))
        .collect();
    let removed: Vec<String> = before
        .steps()
        .filter(|s| !has(after, &s.step.id))
        .map(|s| named(s, lang))
        .collect();
    if !added.is_empty() {
        let n = added.len();
        lines.push(tr!(lang, "新增 {n} 项：", "{n} new:"));
        lines.extend(added.iter().map(|s| format!("  + {s}")));
    }
    if !removed.is_empty() {
        let n = removed.len();
        lines.push(tr!(lang, "不再需要 {n} 项：", "{n} no longer needed:"));
        lines.extend(removed.iter().map(|s| format!("  - {s}")));
    }
    let mut outside = Vec::new();
    for s in after.steps() {
        let Some(old) = before.steps().find(|o| o.step.id == s.step.id) else {
            continue;
        };
        let (was, now) = (old.outside.is_some(), s.outside.is_some());
        if was != now {
            let name = named(s, lang);
            outside.push(match (now, lang) {
                (true, Lang::Zh) => format!("  {name}：改为在户籍地按当地规定办理"),
                (false, Lang::Zh) => format!("  {name}：改为按本地区手册办理"),
                (true, Lang::En) => format!("  {name}: now at the hukou place, under its rules"),
                (false, Lang::En) => format!("  {name}: now under this region's playbook"),
            });
        }
    }
    if !outside.is_empty() {
        lines.push(
            lang.pick("在哪里办变了：", "Where to do it changed:")
                .to_string(),
        );
        lines.extend(outside);
    }
    let mut moved = Vec::new();
    for s in after.steps() {
        let Some(old) = before.steps().find(|o| o.step.id == s.step.id) else {
            continue;
        };
        let (was, now) = (old.deadline().map(|d| d.date), s.deadline().map(|d| d.date));
        if was != now {
            let show = |d: Option<chrono::NaiveDate>| {
                d.map_or(lang.pick("无", "none").to_string(), |d| d.to_string())
            };
            let (was, now) = (show(was), show(now));
            moved.push(format!(
                "  {}{}{was} → {now}",
                named(s, lang),
                lang.pick("：", ": ")
            ));
        }
    }
    if !moved.is_empty() {
        lines.push(lang.pick("截止日期变了：", "Deadlines moved:").to_string());
        lines.extend(moved);
    }
    lines
}
