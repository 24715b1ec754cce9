//! `newborn done`, `skip` and `undo`, and how a parent names a step (id, number, prefix).
//!
//! Reads only what every plan keeps: its steps in order and those that do not apply, their
//! ids, titles, numbers, statuses and deadlines, and the next step.

use super::{Context, Family, diff, warn};
use crate::error::usage;
use crate::facts::hint;
use crate::family::{Event, EventKind, new_event_id};
use crate::lang::{Lang, Say, tr};
use crate::plan::{Plan, PlanStep, Status};
use crate::render;
use crate::render::table::wrap;
use anyhow::Result;
use chrono::{NaiveDate, Utc};
use std::io::Write;

/// Which steps a parent may name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Among {
    /// The steps that apply; a step that does not apply is found only by its exact id.
    Applicable,
    /// Every step, applicable or not (`show`).
    All,
}

/// STEP as an id (in any case), the plan's number, or the start of an id. Suggestions name
/// only the steps `among` allows.
pub(crate) fn resolve<'p, 'a>(
    plan: &'p Plan<'a>,
    text: &str,
    among: Among,
    lang: Lang,
) -> Result<&'p PlanStep<'a>> {
    let text = text.trim();
    let every = || plan.steps().chain(&plan.not_applicable);
    if let Some(s) = every().find(|s| s.step.id == text) {
        return Ok(s);
    }
    if let Ok(n) = text.parse::<usize>() {
        return plan.steps().find(|s| s.number == Some(n)).ok_or_else(|| {
            let last = plan.steps().len();
            usage(tr!(
                lang,
                "清单里没有第 {n} 项：序号是 1 到 {last}（见 newborn plan --all）",
                "there is no step number {n}: the plan has steps 1 to {last} (see newborn plan --all)"
            ))
        });
    }
    let lower = text.to_lowercase();
    if let Some(s) = every().find(|s| s.step.id == lower.as_str()) {
        return Ok(s);
    }
    let mut ids: Vec<&str> = match among {
        Among::Applicable => plan.steps().map(|s| s.step.id.as_ref()).collect(),
        Among::All => every().map(|s| s.step.id.as_ref()).collect(),
    };
    let mut seen = std::collections::HashSet::new();
    ids.retain(|id| seen.insert(*id));
    let matches: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| !lower.is_empty() && id.starts_with(lower.as_str()))
        .collect();
    match matches.as_slice() {
        [one] => Ok(every()
            .find(|s| s.step.id == *one)
            .expect("a step of the plan")),
        [] => {
            let near = hint(&lower, ids.iter().copied(), lang);
            let all = lang.list(&ids);
            Err(usage(tr!(
                lang,
                "没有“{text}”这个事项{near}；清单里的事项：{all}",
                "unknown step `{text}`{near}; steps: {all}"
            )))
        }
        many => {
            let many = lang.list(many);
            Err(usage(tr!(
                lang,
                "“{text}”可能是 {many}：请多写几个字",
                "`{text}` could be {many}: type more of the id"
            )))
        }
    }
}

/// `newborn done STEP… [--on DATE] [--force]`.
pub(crate) fn done(
    ctx: &Context,
    steps: &[String],
    on: NaiveDate,
    force: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = ctx.lang;
    let fam = ctx.one_family()?;
    let baby = fam.baby.clone().unwrap_or_default();
    if on > ctx.today {
        let today = ctx.today;
        return Err(usage(tr!(
            lang,
            "--on {on} 在今天（{today}）之后：办完了再标记",
            "--on {on} is after today ({today}): mark a step done once it is done"
        )));
    }
    let birth = fam.profile.birth_date;
    if on < birth {
        return Err(usage(tr!(
            lang,
            "--on {on} 在出生日期（{birth}）之前",
            "--on {on} is before the birth date ({birth})"
        )));
    }
    let plan = fam.plan(ctx);
    let mut chosen: Vec<&PlanStep<'_>> = Vec::new();
    for text in steps {
        let s = resolve(&plan, text, Among::Applicable, lang)?;
        if !chosen.iter().any(|c| c.step.id == s.step.id) {
            chosen.push(s);
        }
    }
    if !force {
        // A step that applied on the day it was done (a bundle applied for in its window,
        // marked later) is not refused.
        let then = fam.plan_on(ctx, on);
        for s in chosen.iter().filter(|s| s.status == Status::NotApplicable) {
            if !then.steps().any(|t| t.step.id == s.step.id) {
                return Err(usage(not_applicable(ctx, &fam, &plan, s, on)));
            }
        }
    }
    let events: Vec<Event> = chosen
        .iter()
        .map(|s| event(EventKind::Done, &s.step.id, on))
        .collect();
    ctx.store.append_events(&baby, &events)?;

    for s in &chosen {
        let label = render::heading(s, lang);
        let line = format!(
            "✓ {}{label}{}{on}",
            lang.pick("已完成：", "Done: "),
            lang.pick("，", ", ")
        );
        write!(out, "{}", wrap(&line, ctx.width(), "  "))?;
        let id = &s.step.id;
        let open: Vec<&str> = s
            .step
            .requires
            .iter()
            .map(|r| r.as_ref())
            .filter(|r| {
                plan.steps()
                    .any(|p| p.step.id == *r && p.status != Status::Done)
                    && !chosen.iter().any(|c| c.step.id == *r)
            })
            .collect();
        if !open.is_empty() {
            let open = lang.list(&open);
            warn(
                lang,
                &tr!(
                    lang,
                    "{id} 的前置事项 {open} 还没有标记办完；已照样记下",
                    "{id} was marked done before its prerequisites {open}; recorded anyway"
                ),
            );
        }
        if let Some(period) = &s.step.start {
            let start = period.after(birth, &ctx.calendar).date;
            if start > on + chrono::Days::new(30) {
                let when = age(period, lang);
                warn(
                    lang,
                    &tr!(
                        lang,
                        "{id} 要到 {start}（宝宝满{when}）才开始，却记成 {on} 办完：记错了的话用 newborn undo {id} 改回",
                        "{id} starts on {start} (at {when} old) but was marked done on {on}: if that was a slip, newborn undo {id}"
                    ),
                );
            }
        }
    }
    what_next(ctx, out)
}

/// Why a step that does not apply is refused, and what marking it would change.
fn not_applicable(
    ctx: &Context,
    fam: &Family,
    plan: &Plan<'_>,
    s: &PlanStep<'_>,
    on: NaiveDate,
) -> String {
    let lang = ctx.lang;
    let name = format!("{}{}", s.step.title(lang), lang.paren(&s.step.id));
    let why: Vec<String> = s.why.iter().map(|w| w.say(lang)).collect();
    let why = why.join(lang.sep());
    let mut progress = fam.progress.clone();
    progress.done.insert(s.step.id.to_string(), on);
    let after = fam.plan_with(ctx, &progress);
    let changes = diff::changes(plan, &after, &[&s.step.id], lang);
    let id = &s.step.id;
    let mut text = tr!(
        lang,
        "{name}不适用于您家：{why}。",
        "{name} does not apply to this family: {why}."
    );
    if changes.is_empty() {
        text.push_str(lang.pick(
            "\n标记它办完不会改变清单。",
            "\nMarking it done would not change the plan.",
        ));
    } else {
        text.push_str(lang.pick(
            "\n标记它办完会改变清单：\n",
            "\nMarking it done would change the plan:\n",
        ));
        text.push_str(&changes.join("\n"));
    }
    text.push_str(&tr!(
        lang,
        "\n确实办过的话：newborn done {id} --force",
        "\nIf it was done: newborn done {id} --force"
    ));
    text
}

/// `newborn undo STEP…`.
pub(crate) fn undo(ctx: &Context, steps: &[String], out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let fam = ctx.one_family()?;
    let baby = fam.baby.clone().unwrap_or_default();
    let plan = fam.plan(ctx);
    let mut chosen: Vec<&PlanStep<'_>> = Vec::new();
    for text in steps {
        let s = resolve(&plan, text, Among::All, lang)?;
        let id: &str = &s.step.id;
        if !fam.progress.is_done(id) && !fam.progress.is_skipped(id) {
            let name = format!("{}{}", s.step.title(lang), lang.paren(&s.step.id));
            let done: Vec<&str> = (fam.progress.done.keys())
                .chain(&fam.progress.skipped)
                .map(String::as_str)
                .collect();
            let none = done.is_empty();
            let done = lang.list(&done);
            return Err(usage(if none {
                tr!(
                    lang,
                    "{name}没有标记为办完，不用改回；还没有标记任何事项办完",
                    "{name} is not marked done, so there is nothing to undo; no step is marked done yet"
                )
            } else {
                tr!(
                    lang,
                    "{name}没有标记为办完，不用改回；已办完的：{done}",
                    "{name} is not marked done, so there is nothing to undo; done: {done}"
                )
            }));
        }
        if !chosen.iter().any(|c| c.step.id == s.step.id) {
            chosen.push(s);
        }
    }
    let said = lang.pick("↺ 已改回未完成：", "↺ Not done again: ");
    record(ctx, &baby, &chosen, EventKind::Undone, said, out)
}

/// `newborn skip STEP…`: the family will not take these optional steps (`undo` reverses it).
pub(crate) fn skip(ctx: &Context, steps: &[String], out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let fam = ctx.one_family()?;
    let baby = fam.baby.clone().unwrap_or_default();
    let plan = fam.plan(ctx);
    let mut chosen: Vec<&PlanStep<'_>> = Vec::new();
    for text in steps {
        let s = resolve(&plan, text, Among::Applicable, lang)?;
        if !s.step.optional {
            let name = format!("{}{}", s.step.title(lang), lang.paren(&s.step.id));
            return Err(usage(tr!(
                lang,
                "{name}不是可选事项，不能跳过；只有标为“可选”的事项可以用 newborn skip",
                "{name} is not optional and cannot be skipped; only optional steps can (newborn skip)"
            )));
        }
        if !chosen.iter().any(|c| c.step.id == s.step.id) {
            chosen.push(s);
        }
    }
    let said = lang.pick("– 不办了：", "– Skipped: ");
    record(ctx, &baby, &chosen, EventKind::Skipped, said, out)
}

/// Logs one `kind` event per chosen step, says `said` and each step's heading, then what next.
fn record(
    ctx: &Context,
    baby: &str,
    chosen: &[&PlanStep<'_>],
    kind: EventKind,
    said: &str,
    out: &mut dyn Write,
) -> Result<()> {
    let events: Vec<Event> = (chosen.iter())
        .map(|s| event(kind, &s.step.id, ctx.today))
        .collect();
    ctx.store.append_events(baby, &events)?;
    for s in chosen {
        let line = format!("{said}{}", render::heading(s, ctx.lang));
        write!(out, "{}", wrap(&line, ctx.width(), "  "))?;
    }
    what_next(ctx, out)
}

/// An age: `6岁` / `6 years` for whole years, else the period (`3个月`).
fn age(period: &crate::period::Period, lang: Lang) -> String {
    let years = period.amount / 12;
    match period.unit {
        crate::period::Unit::Months if years > 0 && period.amount.is_multiple_of(12) => {
            tr!(lang, "{years}岁", "{years} years")
        }
        _ => period.say(lang),
    }
}

fn event(kind: EventKind, step: &str, on: NaiveDate) -> Event {
    Event {
        recorded: Utc::now(),
        id: new_event_id(),
        kind,
        step: step.to_string(),
        on,
    }
}

/// The next step after a change.
fn what_next(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let fam = ctx.one_family()?;
    let plan = fam.plan(ctx);
    match plan.next() {
        Some(s) => {
            let line = format!(
                "{}{}",
                lang.pick("下一步：", "Next: "),
                render::heading(s, lang)
            );
            write!(out, "{}", wrap(&line, ctx.width(), "  "))?
        }
        None => writeln!(out, "{}", lang.pick("全部办完了。", "All done."))?,
    }
    Ok(())
}
