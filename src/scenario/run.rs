//! Running a scenario: the plan for its family on its day, in-process and pure (the scenario's
//! `today`, never the clock), compared with each expectation. A failure says what the plan
//! said instead, in the interface language.

use super::{Expectation, Scenario, StepWant, Want};
use crate::calendar::Calendar;
use crate::lang::{Lang, Say, tr};
use crate::plan::{self, Plan, PlanStep, Status};
use crate::playbook::Playbook;
use crate::render;
use chrono::NaiveDate;
use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::ops::Range;

/// The expectations of `scenario` the plan does not meet: where each is written, and what the
/// plan said instead.
pub(crate) fn run(
    scenario: &Scenario,
    playbook: &Playbook,
    calendar: &Calendar,
    lang: Lang,
) -> Vec<(Range<usize>, String)> {
    let plan = plan::plan(
        playbook,
        &scenario.profile,
        &scenario.progress,
        scenario.today,
        calendar,
    );
    let texts = Texts::new(&plan, scenario, calendar);
    scenario
        .expectations
        .iter()
        .filter_map(|e| Some((e.span.clone(), failure(e, &plan, &texts, lang)?)))
        .collect()
}

/// What `show` and the export say, in the scenario's language, made once when asked for.
struct Texts<'p, 'a> {
    plan: &'p Plan<'a>,
    calendar: &'p Calendar,
    lang: Lang,
    /// The steps named under `steps`, in the order written.
    named: Vec<&'p str>,
    shown: BTreeMap<&'p str, OnceCell<String>>,
    export: OnceCell<String>,
}

impl<'p, 'a> Texts<'p, 'a> {
    fn new(plan: &'p Plan<'a>, scenario: &'p Scenario, calendar: &'p Calendar) -> Self {
        let mut named: Vec<&str> = Vec::new();
        for e in &scenario.expectations {
            if let Want::Step { id, .. } = &e.want
                && !named.contains(&id.as_str())
            {
                named.push(id);
            }
        }
        Texts {
            plan,
            calendar,
            lang: scenario.lang,
            shown: named.iter().map(|id| (*id, OnceCell::new())).collect(),
            named,
            export: OnceCell::new(),
        }
    }

    /// `newborn show ID` (empty when the plan has no such step).
    fn show(&self, id: &str) -> &str {
        let Some(cell) = self.shown.get(id) else {
            return "";
        };
        cell.get_or_init(|| match self.plan.find(id) {
            Some(s) => render::text::show(self.plan, s, self.calendar, self.lang),
            None => String::new(),
        })
    }

    /// The Markdown export.
    fn export(&self) -> &str {
        self.export
            .get_or_init(|| render::markdown::render(self.plan, self.lang))
    }

    /// Where `text` appears: `show ID` or `export`, with the line it is on.
    fn find(&self, text: &str) -> Option<(String, String)> {
        let at = |haystack: &str| {
            haystack
                .lines()
                .find(|l| l.contains(text))
                .map(|l| l.trim().to_string())
        };
        for id in &self.named {
            if let Some(line) = at(self.show(id)) {
                return Some((format!("newborn show {id}"), line));
            }
        }
        at(self.export()).map(|line| ("export".to_string(), line))
    }
}

/// Why the plan does not meet `e`, or `None` when it does.
fn failure(e: &Expectation, plan: &Plan<'_>, texts: &Texts<'_, '_>, lang: Lang) -> Option<String> {
    match &e.want {
        Want::Route(want) => {
            let route = plan.route.as_ref();
            let got = route.map(|r| r.route.id.to_string());
            (got != *want).then(|| {
                let (want, got) = (
                    id_or_none(want.as_deref(), lang),
                    id_or_none(got.as_deref(), lang),
                );
                let why = route
                    .map(|r| lang.paren(&r.why.say(lang)))
                    .unwrap_or_default();
                tr!(
                    lang,
                    "route：应为 {want}，清单走的是 {got}{why}",
                    "route: expected {want}, the plan takes {got}{why}"
                )
            })
        }
        Want::Next(want) => {
            let next = plan.next();
            let got = next.map(|s| s.step.id.to_string());
            (got != *want).then(|| {
                let (want, got) = (
                    id_or_none(want.as_deref(), lang),
                    id_or_none(got.as_deref(), lang),
                );
                let about = next
                    .map(|s| lang.paren(&describe(Some(s), lang)))
                    .unwrap_or_default();
                tr!(
                    lang,
                    "next：应为 {want}，清单的下一步是 {got}{about}",
                    "next: expected {want}, the plan's next step is {got}{about}"
                )
            })
        }
        Want::Warnings(want) => {
            let mut got: Vec<&str> = plan.warnings.iter().map(|w| w.kind()).collect();
            got.sort_unstable();
            got.dedup();
            (got != *want).then(|| {
                let texts: Vec<String> = (plan.warnings.iter())
                    .filter(|w| !want.iter().any(|k| k == w.kind()))
                    .map(|w| format!("{}: {}", w.kind(), w.say(lang)))
                    .collect();
                let (want, got) = (list(want, lang), list(&got, lang));
                let texts = if texts.is_empty() {
                    String::new()
                } else {
                    format!("\n{}", texts.join("\n"))
                };
                tr!(
                    lang,
                    "warnings：应为 {want}，清单的提醒是 {got}{texts}",
                    "warnings: expected {want}, the plan warns {got}{texts}"
                )
            })
        }
        Want::OutOfScope(want) => {
            let got = plan.out_of_scope.is_some();
            (got != *want).then(|| {
                if got {
                    let notice = render::out_of_scope(plan, lang).join(" ");
                    tr!(
                        lang,
                        "out_of_scope：应为 false，清单有不覆盖的说明：{notice}",
                        "out_of_scope: expected false, the plan has a notice: {notice}"
                    )
                } else {
                    tr!(
                        lang,
                        "out_of_scope：应为 true，清单没有不覆盖的说明",
                        "out_of_scope: expected true, the plan has no out-of-scope notice"
                    )
                }
            })
        }
        Want::Text { text, present } => {
            let found = texts.find(text);
            match (found, present) {
                (None, true) => {
                    let steps = if texts.named.is_empty() {
                        lang.pick("（steps 下没有事项）", " (no step under steps)")
                            .to_string()
                    } else {
                        lang.list(&texts.named)
                    };
                    Some(tr!(
                        lang,
                        "text：“{text}”不在 newborn show（{steps}）里，也不在导出的清单里",
                        "text: \"{text}\" is in neither newborn show ({steps}) nor the export"
                    ))
                }
                (Some((place, line)), false) => Some(tr!(
                    lang,
                    "lacks：“{text}”出现在 {place} 里：{line}",
                    "lacks: \"{text}\" appears in {place}: {line}"
                )),
                _ => None,
            }
        }
        Want::Step { id, want } => step_failure(id, want, plan, texts, lang),
    }
}

fn step_failure(
    id: &str,
    want: &StepWant,
    plan: &Plan<'_>,
    texts: &Texts<'_, '_>,
    lang: Lang,
) -> Option<String> {
    let s = plan.find(id);
    let applies = plan.steps().any(|x| x.step.id == id);
    let about = || describe(s, lang);
    let date = |d: Option<NaiveDate>| match d {
        Some(d) => d.to_string(),
        None => lang.pick("无", "none").to_string(),
    };
    let dates = |key: &str, want: &Option<NaiveDate>, got: Option<NaiveDate>| {
        (*want != got).then(|| {
            let (want, got, about) = (date(*want), date(got), about());
            tr!(
                lang,
                "{id} 的 {key}：应为 {want}，清单是 {got}（{about}）",
                "{id} {key}: expected {want}, the plan says {got} ({about})"
            )
        })
    };
    match want {
        StepWant::Status(want) => {
            let got = s.map_or(Status::NotApplicable, |s| s.status);
            (got != *want).then(|| {
                let (want, got, about) = (want.as_str(), got.as_str(), about());
                tr!(
                    lang,
                    "{id} 的 status：应为 {want}，清单是 {got}（{about}）",
                    "{id} status: expected {want}, the plan says {got} ({about})"
                )
            })
        }
        StepWant::Applies(want) => (applies != *want).then(|| {
            let about = about();
            if *want {
                tr!(
                    lang,
                    "{id} 应当适用，清单里不适用（{about}）",
                    "{id} should apply, but the plan leaves it out ({about})"
                )
            } else {
                tr!(
                    lang,
                    "{id} 应当不适用，清单里适用（{about}）",
                    "{id} should not apply, but the plan has it ({about})"
                )
            }
        }),
        StepWant::Deadline(want) => dates(
            "deadline",
            want,
            s.and_then(|s| s.deadline()).map(|d| d.date),
        ),
        StepWant::Window(want) => dates("window", want, s.and_then(|s| s.window).map(|w| w.date)),
        StepWant::EarliestStart(want) => {
            dates("earliest_start", want, s.and_then(|s| s.earliest_start))
        }
        StepWant::OfficeDay(want) => dates(
            "office_day",
            want,
            s.and_then(|s| s.deadline()).and_then(|d| d.office_day),
        ),
        StepWant::Number(want) => {
            let got = s.and_then(|s| s.number);
            (got != Some(*want)).then(|| {
                let got =
                    got.map_or_else(|| lang.pick("无", "none").to_string(), |n| n.to_string());
                let about = about();
                tr!(
                    lang,
                    "{id} 的 number：应为 {want}，清单是 {got}（{about}）",
                    "{id} number: expected {want}, the plan says {got} ({about})"
                )
            })
        }
        StepWant::Before(other) => {
            let number = |id: &str| {
                plan.steps()
                    .find(|x| x.step.id == id)
                    .and_then(|x| x.number)
            };
            match (number(id), number(other)) {
                (Some(a), Some(b)) if a < b => None,
                (Some(a), Some(b)) => Some(tr!(
                    lang,
                    "before：{id} 应排在 {other} 前面，清单里 {id} 是第 {a} 项，{other} 是第 {b} 项",
                    "before: {id} should come before {other}; the plan has {id} at {a} and {other} at {b}"
                )),
                (a, _) => {
                    let missing = if a.is_none() { id } else { other.as_str() };
                    let about = describe(plan.find(missing), lang);
                    Some(tr!(
                        lang,
                        "before：{missing} 不在清单里（{about}）",
                        "before: {missing} is not in the plan ({about})"
                    ))
                }
            }
        }
        StepWant::Text { text, present } => {
            let shown = texts.show(id);
            let line = shown.lines().find(|l| l.contains(text.as_str()));
            match (line, present) {
                (None, true) => Some(tr!(
                    lang,
                    "text：“{text}”不在 newborn show {id} 里",
                    "text: \"{text}\" is not in newborn show {id}"
                )),
                (Some(line), false) => {
                    let line = line.trim();
                    Some(tr!(
                        lang,
                        "lacks：“{text}”出现在 newborn show {id} 里：{line}",
                        "lacks: \"{text}\" appears in newborn show {id}: {line}"
                    ))
                }
                _ => None,
            }
        }
    }
}

/// An id in backquotes, or "none".
fn id_or_none(id: Option<&str>, lang: Lang) -> String {
    match id {
        Some(id) => format!("`{id}`"),
        None => lang.pick("无（false）", "none (false)").to_string(),
    }
}

/// `[a, b]`.
fn list<S: AsRef<str>>(items: &[S], lang: Lang) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    format!("[{}]", items.join(lang.pick("、", ", ")))
}

/// What the plan says of a step, briefly: its status, number, dates and what it waits for, or
/// why it does not apply.
fn describe(s: Option<&PlanStep<'_>>, lang: Lang) -> String {
    let Some(s) = s else {
        return lang
            .pick("清单里没有这个事项", "the plan does not have it")
            .to_string();
    };
    let status = s.status.as_str();
    let mut parts = vec![match lang {
        Lang::Zh => format!("{status}（{}）", render::status(s.status, lang)),
        Lang::En => status.to_string(),
    }];
    if s.status == Status::NotApplicable {
        let why: Vec<String> = s.why.iter().map(|w| w.say(lang)).collect();
        if !why.is_empty() {
            parts.push(why.join(lang.sep()));
        }
        return parts.join(lang.pick("，", ", "));
    }
    if let Some(n) = s.number {
        parts.push(tr!(lang, "第 {n} 项", "number {n}"));
    }
    if let Some(d) = s.deadline() {
        let date = d.date;
        parts.push(tr!(lang, "截止 {date}", "deadline {date}"));
        if let Some(o) = d.office_day {
            parts.push(tr!(lang, "窗口最后工作日 {o}", "office day {o}"));
        }
    } else if let Some(p) = s.deadline_pending() {
        let pending = p.say(lang);
        parts.push(tr!(lang, "截止：{pending}", "deadline: {pending}"));
    }
    if let Some(w) = s.window {
        let date = w.date;
        parts.push(tr!(lang, "最晚可办 {date}", "window {date}"));
    }
    if let Some(start) = s.earliest_start {
        parts.push(tr!(lang, "{start} 起", "from {start}"));
    }
    if let Some(done) = s.done_on {
        parts.push(tr!(lang, "{done} 办完", "done on {done}"));
    }
    if !s.open_prerequisites.is_empty() {
        let ids: Vec<&str> = s.open_prerequisites.iter().map(|p| &*p.id).collect();
        let ids = lang.list(&ids);
        parts.push(tr!(lang, "等 {ids}", "waits for {ids}"));
    }
    parts.join(lang.pick("，", ", "))
}
