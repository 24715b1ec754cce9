//! `export --format html`: the plan as one self-contained page to open on a phone, pass on in a
//! chat or print on A4. Inline CSS and the timeline's inline SVG; no script, no web font, no
//! request to any address (links to the sources are plain links). Pure.
//!
//! Top to bottom: the timeline; the family (region, birth date, route and why, the facts);
//! what to watch out for; the checklist grouped as overdue / now / the next 30 days / later /
//! done; one bag per place; phone numbers; sources and the playbook's review date.

use super::materials::merged;
use super::timeline::{self, esc, runs, tone};
use super::{ExportContext, Exporter, days_left_cell, deadline_cell, notes, status};
use crate::calendar::Calendar;
use crate::lang::{Lang, Say};
use crate::period::{Rule, Unit};
use crate::plan::{CountedFrom, Deadline, Plan, PlanStep, Status};
use chrono::{Months, NaiveDate};
use std::fmt::Write as _;

pub(crate) struct Html;

impl Exporter for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn export(&self, plan: &Plan, ctx: &mut ExportContext) -> String {
        render(plan, ctx.calendar, ctx.lang)
    }
}

/// The page's styles (the status colours are added from [`timeline::tone`]).
const CSS: &str = include_str!("html.css");

/// How far ahead "soon" looks.
const SOON_DAYS: u64 = 30;

/// Where the checklist lists a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Group {
    Overdue,
    /// Can no longer be done: what to do instead.
    Missed,
    Now,
    Soon,
    Later,
    /// Not before the first birthday: listed briefly.
    AfterYear,
    /// Done at the hukou place, under its rules: listed so the family knows to do it there.
    Elsewhere,
    /// Listed briefly, ticked, with the day done (or skipped).
    Done,
}

/// The one place a status decides a step's group; a step that must wait is soon when its date
/// (deadline, else start) is within [`SOON_DAYS`], and after the first year when it is after
/// the first birthday.
fn group(s: &PlanStep<'_>, today: NaiveDate, birth: NaiveDate) -> Option<Group> {
    let soon = date(s).is_some_and(|d| d <= timeline::days_after(today, SOON_DAYS));
    let after_year = date(s).is_some_and(|d| Some(d) > birth.checked_add_months(Months::new(12)));
    match s.status {
        Status::Overdue => Some(Group::Overdue),
        Status::Ready | Status::Confirm => Some(Group::Now),
        Status::Missed => Some(Group::Missed),
        Status::Elsewhere => Some(Group::Elsewhere),
        Status::Blocked | Status::Waiting if soon => Some(Group::Soon),
        Status::Blocked | Status::Waiting if after_year => Some(Group::AfterYear),
        Status::Blocked | Status::Waiting => Some(Group::Later),
        Status::Done | Status::Skipped => Some(Group::Done),
        Status::NotApplicable => None,
    }
}

/// A step's own date: its deadline, else the day it starts.
fn date(s: &PlanStep<'_>) -> Option<NaiveDate> {
    s.deadline().map(|d| d.date).or(s.earliest_start)
}

impl Group {
    fn heading(self, today: NaiveDate, lang: Lang) -> String {
        let to = timeline::days_after(today, SOON_DAYS);
        match (self, lang) {
            (Group::Overdue, Lang::Zh) => "已逾期：尽快办理".to_string(),
            (Group::Overdue, Lang::En) => "Overdue: act now".to_string(),
            (Group::Missed, Lang::Zh) => "已无法办理：改为".to_string(),
            (Group::Missed, Lang::En) => "No longer possible: instead".to_string(),
            (Group::Elsewhere, Lang::Zh) => "到户籍地办理（本手册不涵盖）".to_string(),
            (Group::Elsewhere, Lang::En) => "At your hukou place (not covered here)".to_string(),
            (Group::Now, Lang::Zh) => "现在可以办".to_string(),
            (Group::Now, Lang::En) => "Can be done now".to_string(),
            (Group::Soon, Lang::Zh) => format!("未来30天（到 {to}）"),
            (Group::Soon, Lang::En) => format!("The next 30 days (to {to})"),
            (Group::Later, Lang::Zh) => "以后".to_string(),
            (Group::Later, Lang::En) => "Later".to_string(),
            (Group::AfterYear, Lang::Zh) => "第一年以后".to_string(),
            (Group::AfterYear, Lang::En) => "After the first year".to_string(),
            (Group::Done, Lang::Zh) => "已完成".to_string(),
            (Group::Done, Lang::En) => "Done".to_string(),
        }
    }

    fn class(self) -> &'static str {
        match self {
            Group::Overdue => "overdue",
            Group::Missed => "missed",
            Group::Elsewhere => "elsewhere",
            Group::Now => "now",
            Group::Soon => "soon",
            Group::Later => "later",
            Group::AfterYear => "after-year",
            Group::Done => "done",
        }
    }
}

/// The status colours as CSS, for the statuses the plan has: `--st` for the page, `f-`/`k-`
/// for the timeline's fills and strokes; light, and dark on a dark screen.
fn status_css(plan: &Plan<'_>) -> String {
    let mut present: Vec<Status> = plan.steps().map(|s| s.status).collect();
    present.sort();
    present.dedup();
    let rules = |pick: fn(timeline::Tone) -> &'static str| {
        let mut out = String::new();
        for st in &present {
            let (name, colour) = (st.as_str(), pick(tone(*st)));
            let _ = writeln!(
                out,
                ".c-{name}{{--st:{colour}}} .tl .f-{name}{{fill:{colour}}} .tl .k-{name}{{stroke:{colour}}}"
            );
        }
        out
    };
    format!(
        "{}@media screen and (prefers-color-scheme:dark){{\n{}}}\n",
        rules(|t| t.light),
        rules(|t| t.dark)
    )
}

/// The page.
pub(crate) fn render(plan: &Plan<'_>, calendar: &Calendar, lang: Lang) -> String {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let name = plan.requested.name(lang);
    let title = format!("{}{name}", l("新生儿办事清单：", "Newborn checklist: "));
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n\
         <meta name=\"generator\" content=\"newborn\">\n\
         <title>{} · {}</title>\n<style>\n{CSS}{}</style>\n</head>\n<body>\n",
        l("zh-CN", "en"),
        esc(&title),
        plan.profile.birth_date,
        status_css(plan)
    );
    let _ = write!(
        out,
        "<header>\n<h1>{}</h1>\n<p class=\"meta\">{}</p>\n</header>\n<main>\n",
        esc(&title),
        esc(&match lang {
            Lang::Zh => format!(
                "出生日期 {} · 按 {} 计算 · 由 newborn 离线生成，办理前请以办理部门的要求为准",
                plan.profile.birth_date, plan.today
            ),
            Lang::En => format!(
                "Born {} · as of {} · made offline by newborn; the offices' requirements prevail",
                plan.profile.birth_date, plan.today
            ),
        })
    );
    timeline_figure(&mut out, plan, calendar, lang);
    family(&mut out, plan, lang);
    warnings(&mut out, plan, lang);
    checklist(&mut out, plan, calendar, lang);
    bags(&mut out, plan, lang);
    contacts(&mut out, plan, lang);
    sources(&mut out, plan, lang);
    out.push_str("</main>\n</body>\n</html>\n");
    out
}

fn timeline_figure(out: &mut String, plan: &Plan<'_>, calendar: &Calendar, lang: Lang) {
    let caption = match lang {
        Lang::Zh => {
            "时间线：菱形是截止日，圆点是最早可以办的日子，横条是办理期（按工作日计算的办理期上标出了法定节假日和调休上班日），虚线是还不知道节假日安排的估算日期。颜色旁都有状态文字；编号与下方清单一致。"
        }
        Lang::En => {
            "Timeline: a diamond is a deadline, a dot the first day a step can be done, a bar a window (working-day windows show the public holidays and make-up working days they cross); dashed dates are estimates for a year whose holidays are not yet published. Every colour has its status word; numbers match the checklist below."
        }
    };
    let _ = write!(
        out,
        "<figure class=\"timeline\">\n<p class=\"swipe\" aria-hidden=\"true\">{}</p>\n<div class=\"scroll\">\n{}</div>\n<figcaption>{}</figcaption>\n</figure>\n",
        esc(lang.pick(
            "时间线较宽：左右滑动查看 ⇆",
            "The timeline is wide: swipe sideways ⇆"
        )),
        timeline::render(plan, calendar, lang),
        esc(caption)
    );
}

/// The family: region, birth date, route and why, and the facts planned from.
fn family(out: &mut String, plan: &Plan<'_>, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = write!(
        out,
        "<section class=\"family\" aria-labelledby=\"h-family\">\n<h2 id=\"h-family\">{}</h2>\n<dl class=\"pairs\">\n",
        l("家庭情况", "The family")
    );
    let mut region = format!(
        "{}{}",
        plan.requested.name(lang),
        lang.paren(&plan.requested.id)
    );
    if plan.playbook.id != plan.requested.id {
        region.push_str(&match lang {
            Lang::Zh => format!("，按“{}”的通用事项计算", plan.playbook.name),
            Lang::En => format!(", planned from the {} steps", plan.playbook.name(lang)),
        });
    }
    let mut pair = |dt: &str, dd: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{dd}</dd>", esc(dt));
    };
    pair(l("地区", "Region"), esc(&region));
    pair(
        l("出生日期", "Born"),
        esc(&plan.profile.birth_date.to_string()),
    );
    if let Some(r) = &plan.route {
        pair(
            l("路线", "Route"),
            format!(
                "<strong>{}</strong>{}{}",
                esc(r.route.title(lang)),
                l("——", " — "),
                esc(&r.why.say(lang))
            ),
        );
    }
    let facts = &plan.profile.facts;
    let used = plan.playbook.facts_used();
    let chips = |given: bool| -> String {
        facts
            .iter()
            .filter(|(f, _)| facts.is_set(f.name) == given)
            // Assumed: only what this playbook asks about, and not a fact that is undecided
            // until its step is done or skipped.
            .filter(|(f, _)| {
                given || (used.contains(&f.name) && !plan.playbook.step_stands_for(f.name))
            })
            .map(|(f, v)| {
                format!(
                    "<code title=\"{}\">{}={}</code>",
                    esc(lang.pick(f.question, f.help)),
                    esc(f.name),
                    esc(&v.to_string())
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let given = chips(true);
    if !given.is_empty() {
        pair(l("已知情况", "Facts given"), given);
    }
    let assumed = chips(false);
    if !assumed.is_empty() {
        pair(
            l("按默认假设", "Assumed"),
            format!(
                "{assumed}<br><small>{}</small>",
                esc(l(
                    "与您家不符时，用 --set FACT=VALUE 改正后重新导出（全部事实见 newborn facts）。",
                    "If one is wrong for your family, export again with --set FACT=VALUE (every fact: newborn facts)."
                ))
            ),
        );
    }
    out.push_str("</dl>\n</section>\n");
}

/// What the family must know: outside the playbook's scope, estimated dates, an old playbook,
/// a source that is not official.
fn warnings(out: &mut String, plan: &Plan<'_>, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut items: Vec<String> = Vec::new();
    // One item per scope the family is outside of, with why; then what the plan leaves out.
    for line in super::out_of_scope(plan, lang) {
        match (line.strip_prefix("  "), items.last_mut()) {
            (Some(why), Some(last)) => last.push_str(why),
            _ => items.push(line),
        }
    }
    items.extend(notes(plan, lang));
    if items.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"warnings\" aria-labelledby=\"h-warn\">\n<h2 id=\"h-warn\">{}</h2>\n<ul>\n",
        l("请注意", "Please note")
    );
    for w in items {
        let _ = writeln!(out, "<li><strong>⚠</strong> {}</li>", esc(&w));
    }
    out.push_str("</ul>\n</section>\n");
}

/// How a deadline was counted, in one sentence: the rule, day 0, and the holidays and make-up
/// working days crossed.
fn counted(d: &Deadline<'_>, calendar: &Calendar, lang: Lang) -> String {
    counted_rule(d.rule, d.from, d.date, d.estimated, calendar, lang)
}

/// How a rule counted from `from` reaches `date`, with the days off and make-up days it
/// crosses when it counts working days.
fn counted_rule(
    rule: Rule,
    from: CountedFrom<'_>,
    date: NaiveDate,
    estimated: bool,
    calendar: &Calendar,
    lang: Lang,
) -> String {
    let from_day = from.day();
    let from = match (from, lang) {
        (CountedFrom::Birth(day), Lang::Zh) => format!("从出生日 {day} 起算"),
        (CountedFrom::Birth(day), Lang::En) => format!("from the birth, {day}"),
        (CountedFrom::Step(step, day), Lang::Zh) => {
            format!("从“{}”办完之日 {day} 起算", step.title(lang))
        }
        (CountedFrom::Step(step, day), Lang::En) => {
            format!("from the day \"{}\" was done, {day}", step.title(lang))
        }
    };
    let mut out = format!("{}{}{from}", rule.say(lang), lang.pick("，", ", "));
    if let Rule::Under(p) = rule {
        out.push_str(&match lang {
            Lang::Zh => format!("；“未满”不含满{}那天", p.zh()),
            Lang::En => format!("; \"under\" ends the day before the baby turns {p}"),
        });
    }
    if rule.period().unit == Unit::WorkingDays {
        let crossed = runs(calendar, from_day, date);
        if crossed.is_empty() {
            out.push_str(lang.pick(
                "；期间没有法定节假日或调休",
                "; no public holiday or make-up working day in between",
            ));
        } else {
            let days: Vec<String> = crossed
                .iter()
                .map(|r| {
                    let when = if r.first == r.last {
                        r.first.format("%m-%d").to_string()
                    } else {
                        format!("{}–{}", r.first.format("%m-%d"), r.last.format("%m-%d"))
                    };
                    match (r.off, lang) {
                        (true, Lang::Zh) => format!("{}放假 {when}", r.name),
                        (false, Lang::Zh) => format!("{}调休上班 {when}", r.name),
                        (true, Lang::En) => format!("{} off {when}", r.name),
                        (false, Lang::En) => format!("{} make-up working day {when}", r.name),
                    }
                })
                .collect();
            out.push_str(&format!(
                "{}{}",
                lang.pick("；期间：", "; in between: "),
                days.join(lang.pick("，", ", "))
            ));
        }
        if estimated {
            let years: Vec<String> = calendar
                .unknown_years(from_day, date)
                .map(|y| y.to_string())
                .collect();
            out.push_str(&match lang {
                Lang::Zh => format!("；{}年的节假日安排尚未公布，只按周末估算", years.join("、")),
                Lang::En => format!(
                    "; the holidays of {} are not published yet: weekends only were counted",
                    years.join(", ")
                ),
            });
        }
    }
    out
}

/// The checklist, by group.
fn checklist(out: &mut String, plan: &Plan<'_>, calendar: &Calendar, lang: Lang) {
    let _ = write!(
        out,
        "<section class=\"checklist\" aria-labelledby=\"h-list\">\n<h2 id=\"h-list\">{}</h2>\n",
        lang.pick("清单", "Checklist")
    );
    let mut groups: Vec<(Group, Vec<&PlanStep<'_>>)> = Vec::new();
    for s in plan.steps() {
        let Some(g) = group(s, plan.today, plan.profile.birth_date) else {
            continue;
        };
        match groups.iter_mut().find(|(x, _)| *x == g) {
            Some((_, list)) => list.push(s),
            None => groups.push((g, vec![s])),
        }
    }
    groups.sort_by_key(|(g, _)| *g);
    for (g, steps) in groups {
        let _ = write!(
            out,
            "<section class=\"group g-{}\">\n<h3>{} <span class=\"count\">{}</span></h3>\n<ol class=\"steps\">\n",
            g.class(),
            esc(&g.heading(plan.today, lang)),
            steps.len()
        );
        for s in steps {
            let brief = matches!(g, Group::AfterYear | Group::Done);
            step(out, plan, s, calendar, brief, lang);
        }
        out.push_str("</ol>\n</section>\n");
    }
    out.push_str("</section>\n");
}

/// One step: its box, number, title and status; when; how it was counted; where, who, what to
/// bring, tips. `brief`: when, where and who only (a step after the first year, or done).
fn step(
    out: &mut String,
    plan: &Plan<'_>,
    s: &PlanStep<'_>,
    calendar: &Calendar,
    brief: bool,
    lang: Lang,
) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let step = s.step;
    let title = step.title(lang);
    let done = s.done_on.is_some();
    let _ = write!(
        out,
        "<li class=\"step c-{}\" id=\"step-{}\">\n<div class=\"head\"><input type=\"checkbox\"{} aria-label=\"{}\"><h4><span class=\"num\">{}</span> {}{}</h4> <span class=\"badge\">{}</span></div>\n",
        s.status.as_str(),
        esc(&step.id),
        if done { " checked" } else { "" },
        esc(&format!("{}{title}", l("办完：", "Done: "))),
        s.number.map_or(String::new(), |n| format!("{n}.")),
        esc(title),
        if step.optional {
            format!(
                " <small>{}</small>",
                esc(&lang.paren(l("可选", "optional")))
            )
        } else {
            String::new()
        },
        esc(status(s.status, lang))
    );
    if s.status == Status::Elsewhere {
        // Not this region's step for this family: its title only (the notice says why), never
        // this region's dates, channel or consequence.
        out.push_str("</li>\n");
        return;
    }
    let when = when(plan, s, lang);
    if brief {
        let mut line = when;
        if let Some(agency) = &step.agency {
            line.push(esc(agency));
        }
        line.push(esc(step.channel.say(lang)));
        line.push(esc(step.who.say(lang)));
        let _ = writeln!(out, "<p class=\"when\">{}</p>\n</li>", line.join(" · "));
        return;
    }
    let _ = writeln!(out, "<p class=\"when\">{}</p>", when.join(" · "));
    // What the family can do about it now: late, missed, to confirm, not covered here.
    for line in super::text::what_now(plan, s, lang) {
        let _ = writeln!(out, "<p class=\"now\">{}</p>", esc(&line));
    }
    counted_lines(out, plan, s, calendar, lang);
    details(out, plan, s, lang);
    out.push_str("</li>\n");
}

/// When: done, the deadline and days left, the last day, the earliest start, the result.
fn when(plan: &Plan<'_>, s: &PlanStep<'_>, lang: Lang) -> Vec<String> {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let step = s.step;
    let done = s.done_on.is_some();
    let mut when = Vec::new();
    if let Some(d) = s.done_on {
        when.push(format!(
            "<strong>{}</strong>",
            esc(&format!("{d} {}", l("办完", "done")))
        ));
    }
    match (s.deadline(), s.deadline_pending()) {
        (Some(_), _) => {
            let mut line = format!(
                "<strong>{}{}</strong>",
                l("截止 ", "Due "),
                esc(&deadline_cell(s, plan, lang))
            );
            if !done {
                line.push_str(&esc(&lang.paren(&days_left_cell(s, plan, lang))));
            }
            when.push(line);
        }
        (None, Some(p)) => when.push(format!(
            "<strong>{}</strong>{}",
            l("截止：", "Due: "),
            esc(&p.say(lang))
        )),
        (None, None) => {}
    }
    if let Some(w) = s.window {
        let est = if w.estimated {
            l("（估算）", " (estimated)")
        } else {
            ""
        };
        when.push(format!(
            "<strong>{}{}{est}</strong>",
            l("最晚可办 ", "Last day "),
            w.date
        ));
    }
    if let (Some(start), Some(reason)) = (s.earliest_start, &s.start_reason)
        && (start > plan.today || step.start.is_some())
    {
        when.push(format!(
            "{}{}{}",
            l("最早 ", "Not before "),
            start,
            esc(&lang.paren(&reason.say(lang)))
        ));
    }
    if let Some((lo, hi)) = s.expected {
        let range = if lo == hi {
            hi.to_string()
        } else {
            format!("{lo} {} {hi}", l("至", "to"))
        };
        when.push(format!("{}{range}", l("预计结果 ", "Result expected ")));
    }
    if when.is_empty() {
        when.push(esc(l("没有固定日期", "No fixed date")));
    }
    when
}

/// How the deadline and the last day were counted (with the playbook's notes).
fn counted_lines(
    out: &mut String,
    plan: &Plan<'_>,
    s: &PlanStep<'_>,
    calendar: &Calendar,
    lang: Lang,
) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let step = s.step;
    if let Some(d) = s.deadline() {
        let mut how = counted(d, calendar, lang);
        if let Some(note) = step.deadline.as_ref().and_then(|d| d.note.as_ref()) {
            how.push_str(&format!("{}{note}", l("。", ". ")));
        }
        let _ = writeln!(
            out,
            "<p class=\"counted\">{}{}</p>",
            esc(l("怎么算：", "Counted: ")),
            esc(&how)
        );
    }
    if let Some(w) = s.window {
        let birth = CountedFrom::Birth(plan.profile.birth_date);
        let mut how = counted_rule(w.rule, birth, w.date, w.estimated, calendar, lang);
        if let Some(note) = step.window.as_ref().and_then(|w| w.note.as_ref()) {
            how.push_str(&format!("{}{note}", l("。", ". ")));
        }
        let _ = writeln!(
            out,
            "<p class=\"counted\">{}{}</p>",
            esc(l("最晚可办，怎么算：", "Last day, counted: ")),
            esc(&how)
        );
    }
}

/// About, where and who, how long, what first, materials, tips, if missed, source.
fn details(out: &mut String, plan: &Plan<'_>, s: &PlanStep<'_>, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let step = s.step;
    out.push_str("<dl class=\"detail\">\n");
    let mut pair = |dt: &str, dd: String| {
        let _ = writeln!(out, "<dt>{}</dt><dd>{dd}</dd>", esc(dt));
    };
    if let Some(summary) = &step.summary {
        pair(l("说明", "About"), esc(summary));
    }
    let mut place = Vec::new();
    if let Some(agency) = &step.agency {
        place.push(esc(agency));
    }
    place.push(esc(step.channel.say(lang)));
    if let Some(path) = &step.path {
        place.push(esc(path));
    }
    // Where and who on one line: the two things a grandparent sent to an office asks.
    let mut who = esc(step.who.say(lang));
    if step.in_person {
        who.push_str(&format!(
            " · <strong>{}</strong>",
            esc(l("需要本人到场", "in person"))
        ));
    }
    pair(
        l("去哪里", "Where"),
        format!(
            "{}{}<span class=\"who\">{}</span>{who}",
            place.join(" · "),
            l("；", "; "),
            esc(l("谁去：", "who: "))
        ),
    );
    if let Some(lead) = step.lead_time
        && s.expected.is_none()
    {
        let note = step
            .lead_time_note
            .clone()
            .unwrap_or_else(|| lead.say(lang).into());
        pair(l("办理时间", "Takes"), esc(&note));
    }
    if !s.open_prerequisites.is_empty() {
        let names: Vec<String> = s
            .open_prerequisites
            .iter()
            .map(|p| {
                let n = plan.find(&p.id).and_then(|x| x.number);
                format!(
                    "<a href=\"#step-{}\">{}{}</a>",
                    esc(&p.id),
                    n.map_or(String::new(), |n| format!("{n}. ")),
                    esc(p.title(lang))
                )
            })
            .collect();
        pair(l("先办完", "First"), names.join(l("、", ", ")));
    }
    if !s.materials.is_empty() {
        let list: Vec<String> = s
            .materials
            .iter()
            .map(|m| esc(&format!("{}{}", m.name, lang.paren(&m.quantity(lang)))))
            .collect();
        pair(l("材料", "Bring"), list.join(l("、", ", ")));
    }
    if !s.tips.is_empty() {
        let tips: Vec<String> = s
            .tips
            .iter()
            .map(|t| format!("<li>{}</li>", esc(&t.say(lang))))
            .collect();
        pair(l("提示", "Tips"), format!("<ul>{}</ul>", tips.concat()));
    }
    if let Some(missed) = &step.missed {
        pair(l("错过后果", "If missed"), esc(missed));
    }
    // The source by its number in the list at the end, and the section.
    let sources = &plan.playbook.sources;
    let source = match sources.iter().position(|x| x.id == step.source.doc) {
        Some(i) => format!(
            "<a href=\"#src-{n}\">[{n}]</a> {}",
            esc(&step.source.section),
            n = i + 1
        ),
        None => esc(&format!("{} {}", step.source.doc, step.source.section)),
    };
    pair(l("依据", "Source"), source);
    out.push_str("</dl>\n");
}

/// One bag per place: the documents the steps not done yet need, merged.
fn bags(out: &mut String, plan: &Plan<'_>, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = write!(
        out,
        "<section class=\"bags\" aria-labelledby=\"h-bags\">\n<h2 id=\"h-bags\">{}</h2>\n",
        l(
            "每次出门带什么（按办理地点合并）",
            "What to bring, one bag per place"
        )
    );
    let groups = merged(plan, lang);
    if groups.is_empty() {
        let _ = writeln!(
            out,
            "<p>{}</p>",
            esc(l(
                "还没办的事项都不需要带材料。",
                "The steps left need no documents."
            ))
        );
    }
    for g in groups {
        let _ = write!(
            out,
            "<section class=\"bag\">\n<h3>{}</h3>\n<ul class=\"check\">\n",
            esc(&g.place)
        );
        for m in g.items {
            let used: Vec<String> = m
                .steps
                .iter()
                .map(|id| match plan.find(id).and_then(|s| s.number) {
                    Some(n) => format!("<a href=\"#step-{}\">{n}</a>", esc(id)),
                    None => esc(id),
                })
                .collect();
            let mut notes = String::new();
            for n in &m.notes {
                let _ = write!(notes, "<br><small>{}</small>", esc(n));
            }
            let _ = writeln!(
                out,
                "<li><label><input type=\"checkbox\"> {}{}</label> <span class=\"for\">{}{}</span>{notes}</li>",
                esc(&m.name),
                esc(&lang.paren(&m.quantity(lang))),
                esc(l("用于第 ", "for step ")),
                used.join(", ") + l(" 项", "")
            );
        }
        out.push_str("</ul>\n</section>\n");
    }
    out.push_str("</section>\n");
}

fn contacts(out: &mut String, plan: &Plan<'_>, lang: Lang) {
    if plan.playbook.contacts.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<section class=\"contacts\" aria-labelledby=\"h-phone\">\n<h2 id=\"h-phone\">{}</h2>\n<ul>\n",
        lang.pick("咨询电话", "Phone numbers")
    );
    for c in &plan.playbook.contacts {
        let note = c.note.as_ref().map_or(String::new(), |n| lang.paren(n));
        let _ = writeln!(
            out,
            "<li>{}{}<a href=\"tel:{}\">{}</a>{}</li>",
            esc(&c.name),
            lang.pick("：", ": "),
            esc(&c.phone.replace([' ', '-'], "")),
            esc(&c.phone),
            esc(&note)
        );
    }
    out.push_str("</ul>\n</section>\n");
}

/// The sources with their dates, the playbook's review date, and how dates are counted.
fn sources(out: &mut String, plan: &Plan<'_>, lang: Lang) {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let _ = write!(
        out,
        "<section class=\"sources\" aria-labelledby=\"h-src\">\n<h2 id=\"h-src\">{}</h2>\n<ol>\n",
        l("来源", "Sources")
    );
    for (i, s) in plan.playbook.sources.iter().enumerate() {
        let date = match s.date {
            Some(d) => d.to_string(),
            None => l("未注明日期", "undated").to_string(),
        };
        let title = s.title.trim_start_matches('《').trim_end_matches('》');
        let mut line = format!(
            "《{}》{}",
            esc(title),
            esc(&lang.paren(&format!(
                "{}{}{date}{}{}",
                s.issuer,
                lang.pick("，", ", "),
                lang.pick("；", "; "),
                s.trust.say(lang)
            )))
        );
        if let Some(url) = &s.url {
            let _ = write!(
                line,
                " <a class=\"url\" href=\"{}\">{}</a>",
                esc(url),
                esc(url)
            );
        }
        let _ = writeln!(out, "<li id=\"src-{}\">{line}</li>", i + 1);
    }
    out.push_str("</ol>\n");
    let p = plan.requested;
    let _ = writeln!(
        out,
        "<p><strong>{}</strong></p>",
        esc(&match lang {
            Lang::Zh => format!("手册“{}”最后核对：{}", p.name, p.reviewed),
            Lang::En => format!(
                "Playbook \"{}\" last reviewed: {}",
                p.name(lang),
                p.reviewed
            ),
        })
    );
    let _ = writeln!(
        out,
        "<p class=\"rules\">{}</p>",
        esc(l(
            "日期怎么算：出生当天是第0天，从第二天开始计算；“N天/个月/个工作日内”包括最后一天；按月的到期日没有这一天时取该月最后一天；“未满N个月”不包括满N个月那一天；工作日按国务院办公厅公布的节假日和调休安排计算。截止日期不会被顺延：要去窗口办理而截止日是休息日的，清单会写出之前最后一个工作日。",
            "How dates are counted: the day of birth is day 0 and counting starts the next day; \"within N days, months or working days\" includes the last day; a month date that does not exist is the month's last day; \"under N months\" ends the day before the baby turns N months; working days follow the State Council's holiday and make-up working day schedule. Deadlines are never moved: where an office visit's deadline falls on a day off, the last working day before it is given."
        ))
    );
    out.push_str("</section>\n");
}
