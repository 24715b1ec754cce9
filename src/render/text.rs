//! `newborn next` and `newborn show`: one step in words.

use super::{cite, days_left_cell, deadline_cell, heading, late, status};
use crate::calendar::Calendar;
use crate::lang::{Lang, Say};
use crate::period::{Rule, Unit};
use crate::plan::{CountedFrom, Deadline, Plan, PlanStep, Status};
use crate::playbook::Step;

/// Steps by title and id: `出生医学证明（birth-certificate）、…`.
fn named(steps: &[&Step], lang: Lang) -> String {
    let names: Vec<String> = steps
        .iter()
        .map(|s| format!("{}{}", s.title(lang), lang.paren(&s.id)))
        .collect();
    names.join(lang.pick("、", ", "))
}

/// The lines that say what to do: where, how, materials, tips, what it unblocks.
fn body(plan: &Plan<'_>, s: &PlanStep<'_>, lang: Lang) -> Vec<String> {
    let step = s.step;
    let label = |zh: &str, en: &str| lang.pick(zh, en).to_string();
    let mut lines = Vec::new();
    let mut line = format!("{}{}", label("状态：", "Status: "), status(s.status, lang));
    if let Some(d) = s.done_on {
        line.push_str(&lang.paren(&format!("{d} {}", lang.pick("办完", "done"))));
    }
    lines.push(line);
    match (s.deadline(), s.deadline_pending()) {
        (Some(d), _) => {
            let mut line = format!(
                "{}{}{}",
                label("截止：", "Deadline: "),
                deadline_cell(s, plan, lang),
                lang.paren(&days_left_cell(s, plan, lang))
            );
            if let Some(note) = step.deadline.as_ref().and_then(|d| d.note.as_ref()) {
                line.push_str(&format!("{}{note}", lang.pick("——", " — ")));
            }
            lines.push(line);
            if let Some(o) = d.office_day {
                lines.push(match lang {
                    Lang::Zh => format!(
                        "  {} 不是工作日：要去窗口办理的，最晚 {o}（最后一个工作日）前往。",
                        d.date
                    ),
                    Lang::En => format!(
                        "  {} is not a working day: for an office visit, go by {o} (the last working day).",
                        d.date
                    ),
                });
            }
        }
        (None, Some(p)) => lines.push(format!("{}{}", label("截止：", "Deadline: "), p.say(lang))),
        (None, None) => {}
    }
    if let Some(w) = s.window {
        let mut line = format!(
            "{}{}{}",
            label("最晚可办：", "Last day it can be done: "),
            w.date,
            lang.paren(&match lang {
                Lang::Zh => format!("{}，过后不能再办", w.rule.zh()),
                Lang::En => format!("{}; not after that", w.rule),
            })
        );
        if let Some(note) = step.window.as_ref().and_then(|w| w.note.as_ref()) {
            line.push_str(&format!("{}{note}", lang.pick("——", " — ")));
        }
        lines.push(line);
        if let Some(o) = w.office_day {
            lines.push(match lang {
                Lang::Zh => format!(
                    "  {} 不是工作日：要去窗口办理的，最晚 {o}（最后一个工作日）前往。",
                    w.date
                ),
                Lang::En => format!(
                    "  {} is not a working day: for an office visit, go by {o} (the last working day).",
                    w.date
                ),
            });
        }
    }
    lines.extend(what_now(plan, s, lang));
    if s.status == Status::Elsewhere {
        // This region's way of doing it is not the family's: only what it is, and where (not
        // its start, lead time, materials or tips).
        return lines;
    }
    if let (Some(start), Some(reason)) = (s.earliest_start, &s.start_reason)
        && (start > plan.today || step.start.is_some())
    {
        lines.push(format!(
            "{}{start}{}",
            label("最早：", "Not before: "),
            lang.paren(&reason.say(lang))
        ));
    }
    if let Some((lo, hi)) = s.expected {
        let note = step.lead_time_note.as_deref().unwrap_or("");
        let when = if lo == hi {
            hi.to_string()
        } else {
            format!("{lo} {} {hi}", lang.pick("至", "to"))
        };
        lines.push(format!(
            "{}{when}{}",
            label("预计结果：", "Result expected: "),
            lang.paren(note)
        ));
    } else if let Some(lead) = step.lead_time {
        let note = step
            .lead_time_note
            .clone()
            .unwrap_or_else(|| lead.say(lang).into());
        lines.push(format!("{}{note}", label("办理时间：", "Takes: ")));
    }
    if let Some(summary) = &step.summary {
        lines.push(format!("{}{summary}", label("说明：", "About: ")));
    }
    if let Some(agency) = &step.agency {
        lines.push(format!("{}{agency}", label("办理地点：", "Where: ")));
    }
    let mut how = vec![step.channel.say(lang), step.who.say(lang)];
    if step.in_person {
        how.push(lang.pick("需要本人到场", "in person"));
    }
    lines.push(format!("{}{}", label("方式：", "How: "), how.join(" · ")));
    if let Some(path) = &step.path {
        lines.push(format!("{}{path}", label("路径：", "Route: ")));
    }
    for c in super::contacts(plan, s) {
        let note = c.note.as_deref().map(|n| lang.paren(n)).unwrap_or_default();
        lines.push(format!(
            "{}{}：{}{note}",
            label("咨询：", "Helpline: "),
            c.name,
            c.phone
        ));
    }
    if !s.materials.is_empty() {
        lines.push(label("材料：", "Bring:"));
        for m in &s.materials {
            let mut line = format!("  - {}{}", m.name, lang.paren(&m.quantity(lang)));
            if let Some(note) = &m.note {
                line.push_str(&format!("{}{note}", lang.pick("：", ": ")));
            }
            lines.push(line);
        }
    }
    if !s.tips.is_empty() {
        lines.push(label("提示：", "Tips:"));
        for t in &s.tips {
            lines.push(format!("  - {}", t.say(lang)));
        }
    }
    if let Some(missed) = &step.missed {
        lines.push(format!("{}{missed}", label("错过后果：", "If missed: ")));
    }
    if !s.open_prerequisites.is_empty() {
        lines.push(format!(
            "{}{}",
            label("先要办完：", "First finish: "),
            named(&s.open_prerequisites, lang)
        ));
    }
    if !s.unblocks.is_empty() {
        lines.push(format!(
            "{}{}",
            label("办完后可以办：", "Then you can do: "),
            named(&s.unblocks, lang)
        ));
    }
    lines
}

/// What the family can do about a step in its status: late, missed, confirm, elsewhere.
pub(crate) fn what_now(plan: &Plan<'_>, s: &PlanStep<'_>, lang: Lang) -> Vec<String> {
    let label = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut lines = Vec::new();
    // The scope's text is in the notice every output puts above the steps: here, only what
    // it means for this step.
    if s.outside.is_some() {
        lines.push(
            match s.status {
                Status::Elsewhere => label(
                    "不在本手册范围：请在户籍地按当地规定办理（原因见上方“注意”）。",
                    "Not covered here: do it at your hukou place, under its rules (why: see the note above).",
                ),
                _ => label(
                    "本地办法不适用于本家庭（原因见上方“注意”），以下是全国通用的规定。",
                    "This region's rules do not cover this family (why: see the note above); these are the national rules.",
                ),
            }
            .to_string(),
        );
    }
    match s.status {
        Status::Overdue => lines.push(format!(
            "{}{}",
            label("现在怎么办：", "What to do now: "),
            late(plan, s, lang)
        )),
        // A missed step's consequence says what follows; `late` adds what to do instead.
        Status::Missed if s.step.late.is_some() || s.step.missed.is_none() => lines.push(format!(
            "{}{}",
            label("错过之后：", "Instead: "),
            late(plan, s, lang)
        )),
        Status::Confirm => lines.push(confirm(s, lang)),
        _ => {}
    }
    lines
}

/// What to do about a step an office or the hospital does: confirm it has been done.
fn confirm(s: &PlanStep<'_>, lang: Lang) -> String {
    let id = &s.step.id;
    let whom = s
        .step
        .agency
        .as_deref()
        .unwrap_or(lang.pick("办理部门", "the office"));
    let had_its_day = s.deadline().map(|d| d.date).or(s.earliest_start).is_some();
    let mut line = match (had_its_day, lang) {
        (true, Lang::Zh) => format!(
            "医院或办理部门应已办好：确认拿到结果后，newborn done {id}；没有拿到的，请联系{whom}。"
        ),
        (false, Lang::Zh) => format!("由医院或办理部门办理：办好、拿到结果后，newborn done {id}。"),
        (true, Lang::En) => format!(
            "The hospital or office should have done it: once you have the result, newborn done {id}; if not, contact {whom}."
        ),
        (false, Lang::En) => {
            format!("The hospital or office does it: once it is done, newborn done {id}.")
        }
    };
    if s.step.optional {
        line.push_str(&match lang {
            Lang::Zh => format!("没有办、也不办的话：newborn skip {id}。"),
            Lang::En => format!(" If it was not done and will not be: newborn skip {id}."),
        });
    }
    line
}

/// `newborn next`.
pub(crate) fn next(plan: &Plan<'_>, lang: Lang) -> String {
    let Some(s) = plan.next() else {
        return lang
            .pick(
                "全部办完了。用 newborn plan 查看完整清单。\n",
                "All done. See the whole list with newborn plan.\n",
            )
            .to_string();
    };
    let lead = match (s.status, lang) {
        (Status::Waiting, Lang::Zh) => "接下来（还不能办）",
        (Status::Blocked, Lang::Zh) => "接下来（先要办完前置事项）",
        (Status::Confirm, Lang::Zh) => "接下来（请确认）",
        (Status::Overdue, Lang::Zh) => "下一步（已逾期）",
        (_, Lang::Zh) => "下一步",
        (Status::Waiting, Lang::En) => "Coming up (not yet)",
        (Status::Blocked, Lang::En) => "Coming up (after its prerequisites)",
        (Status::Confirm, Lang::En) => "Coming up (please confirm)",
        (Status::Overdue, Lang::En) => "Next (overdue)",
        (_, Lang::En) => "Next",
    };
    let mut out = String::new();
    for line in super::out_of_scope(plan, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!(
        "{lead}{}{}\n",
        lang.pick("：", ": "),
        heading(s, lang)
    ));
    for line in body(plan, s, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!(
        "{}{}\n",
        lang.pick("来源：", "Source: "),
        cite(plan.playbook, &s.step.source, lang)
    ));
    out.push_str(&match lang {
        Lang::Zh => format!(
            "详情：newborn show {}    办完后：newborn done {}\n",
            s.step.id, s.step.id
        ),
        Lang::En => format!(
            "More: newborn show {}    When done: newborn done {}\n",
            s.step.id, s.step.id
        ),
    });
    let soon = plan.soon(7);
    if !soon.is_empty() {
        out.push_str(lang.pick("另外：\n", "Also:\n"));
        for other in soon {
            out.push_str(&format!(
                "  ! {}{}{}\n",
                heading(other, lang),
                lang.pick("——", " — "),
                days_left_cell(other, plan, lang)
            ));
        }
    }
    for w in &plan.warnings {
        out.push_str(&format!("⚠ {}\n", w.say(lang)));
    }
    out
}

/// A date counted by a rule: a deadline, or the last day of a window.
pub(crate) struct Counted<'a> {
    pub rule: Rule,
    pub from: CountedFrom<'a>,
    pub date: chrono::NaiveDate,
    pub estimated: bool,
}

impl<'a> From<&Deadline<'a>> for Counted<'a> {
    fn from(d: &Deadline<'a>) -> Counted<'a> {
        Counted {
            rule: d.rule,
            from: d.from,
            date: d.date,
            estimated: d.estimated,
        }
    }
}

/// How a deadline was counted: the rule, day 0, and the holidays and make-up days crossed. (The
/// last office day, when the deadline falls on a day off, is in the step's body.)
pub(crate) fn counting(d: &Counted, calendar: &Calendar, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    let start = match (d.from, lang) {
        (CountedFrom::Birth(day), Lang::Zh) => format!("出生日 {day}"),
        (CountedFrom::Birth(day), Lang::En) => format!("the birth, {day}"),
        (CountedFrom::Step(step, day), Lang::Zh) => format!("“{}”办完之日 {day}", step.title(lang)),
        (CountedFrom::Step(step, day), Lang::En) => {
            format!("the day \"{}\" was done, {day}", step.title(lang))
        }
    };
    lines.push(match lang {
        Lang::Zh => format!(
            "规则：{}（{}），从{}起算，当天是第0天，不计入；“以内”包括最后一天。",
            d.rule.zh(),
            d.rule,
            start
        ),
        Lang::En => format!(
            "Rule: {} ({}), counted from {start}: that day is day 0 and does not count; \"within\" includes the last day.",
            d.rule,
            d.rule.zh()
        ),
    });
    let unit = d.rule.period().unit;
    lines.push(match (d.rule, unit, lang) {
        (Rule::Under(_), _, Lang::Zh) => format!(
            "“未满”不包括满{}的那一天，所以最后一天是 {}。",
            d.rule.period().zh(),
            d.date
        ),
        (Rule::Under(_), _, Lang::En) => format!(
            "\"Under\" excludes the day the baby turns {}, so the last day is {}.",
            d.rule.period(),
            d.date
        ),
        (_, Unit::Months, Lang::Zh) => format!(
            "按月计算：到期月的同一日；没有这一天的，取该月最后一天：{}。",
            d.date
        ),
        (_, Unit::Months, Lang::En) => format!(
            "Months: the same day of the month; where it does not exist, the month's last day: {}.",
            d.date
        ),
        (_, Unit::Days, Lang::Zh) => format!("按日历天计算：{}。", d.date),
        (_, Unit::Days, Lang::En) => format!("Calendar days: {}.", d.date),
        (_, Unit::WorkingDays, Lang::Zh) => format!(
            "按工作日计算（周一至周五，除去法定节假日，加上调休上班的周末）：第{}个工作日是 {}。",
            d.rule.period().amount,
            d.date
        ),
        (_, Unit::WorkingDays, Lang::En) => format!(
            "Working days (Monday to Friday, less public holidays, plus make-up working weekends): working day {} is {}.",
            d.rule.period().amount,
            d.date
        ),
    });
    if unit == Unit::WorkingDays {
        let crossed = calendar.special_days_between(d.from.day(), d.date);
        if crossed.is_empty() && d.estimated {
            lines.push(
                lang.pick(
                    "期间没有已知的法定节假日或调休；有的年份的安排还不知道（见下）。",
                    "No known public holiday or make-up working day in between; some years' schedules are not known yet (below).",
                )
                .to_string(),
            );
        } else if crossed.is_empty() {
            lines.push(
                lang.pick(
                    "期间没有法定节假日或调休。",
                    "No public holiday or make-up working day in between.",
                )
                .to_string(),
            );
        } else {
            lines.push(
                lang.pick(
                    "期间的法定节假日和调休：",
                    "Public holidays and make-up working days in between:",
                )
                .to_string(),
            );
            let mut runs: Vec<(String, Vec<String>)> = Vec::new();
            for day in crossed {
                let label = match (day.off, lang) {
                    (true, Lang::Zh) => format!("{}放假", day.name),
                    (false, Lang::Zh) => format!("{}调休上班", day.name),
                    (true, Lang::En) => format!("{} (off)", day.name),
                    (false, Lang::En) => format!("{} (make-up working day)", day.name),
                };
                let date = day.date.format("%m-%d").to_string();
                match runs.last_mut() {
                    Some((l, dates)) if *l == label => dates.push(date),
                    _ => runs.push((label, vec![date])),
                }
            }
            for (label, dates) in runs {
                lines.push(format!(
                    "  - {label}{}{}",
                    lang.pick("：", ": "),
                    dates.join(lang.pick("、", ", "))
                ));
            }
        }
        if d.estimated {
            let years: Vec<String> = calendar
                .unknown_years(d.from.day(), d.date)
                .map(|y| y.to_string())
                .collect();
            lines.push(match lang {
                Lang::Zh => format!(
                    "⚠ {}年的节假日安排尚未知道，这段只按周末估算。",
                    years.join("、")
                ),
                Lang::En => format!(
                    "⚠ The holiday schedule of {} is not known yet: weekends only were counted.",
                    years.join(", ")
                ),
            });
        }
    }
    lines
}

/// `newborn show STEP`: everything about one step.
pub(crate) fn show(plan: &Plan<'_>, s: &PlanStep<'_>, calendar: &Calendar, lang: Lang) -> String {
    let mut out = String::new();
    if plan.out_of_scope.is_some() {
        for line in super::out_of_scope(plan, lang) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out.push_str(&format!("{}\n", heading(s, lang)));
    if lang == Lang::Zh
        && let Some(en) = &s.step.title_en
    {
        out.push_str(&format!("({en})\n"));
    }
    if lang == Lang::En && s.step.title_en.is_some() {
        out.push_str(&format!("({})\n", s.step.title));
    }
    for line in body(plan, s, lang) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(match (s.status == Status::NotApplicable, lang) {
        (true, Lang::Zh) => "为什么不适用：\n",
        (false, Lang::Zh) => "为什么适用：\n",
        (true, Lang::En) => "Why it does not apply:\n",
        (false, Lang::En) => "Why it applies:\n",
    });
    for w in s.why.iter() {
        out.push_str(&format!("  - {}\n", w.say(lang)));
    }
    if let Some(d) = s.deadline() {
        out.push_str(lang.pick("截止日期怎么算：\n", "How the deadline was counted:\n"));
        for line in counting(&d.into(), calendar, lang) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    if let Some(w) = s.window {
        out.push_str(lang.pick("最晚可办怎么算：\n", "How the last day was counted:\n"));
        let window = Counted {
            rule: w.rule,
            from: CountedFrom::Birth(plan.profile.birth_date),
            date: w.date,
            estimated: w.estimated,
        };
        for line in counting(&window, calendar, lang) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    let src = lang.pick("来源：", "Source: ");
    out.push_str(&format!(
        "{src}{}\n",
        cite(plan.playbook, &s.step.source, lang)
    ));
    if let Some(c) = s.step.deadline.as_ref().and_then(|d| d.source.as_ref()) {
        out.push_str(&format!(
            "{}{}\n",
            lang.pick("截止日期来源：", "Deadline source: "),
            cite(plan.playbook, c, lang)
        ));
    }
    for t in &s.tips {
        if let Some(c) = t.source()
            && c != &s.step.source
        {
            out.push_str(&format!(
                "{}{}\n",
                lang.pick("提示来源：", "Tip source: "),
                cite(plan.playbook, c, lang)
            ));
        }
    }
    out.push_str(&reviewed_line(plan, lang));
    for w in &plan.warnings {
        out.push_str(&format!("⚠ {}\n", w.say(lang)));
    }
    out
}

/// When the playbook was reviewed and how old its sources are.
pub(crate) fn reviewed_line(plan: &Plan<'_>, lang: Lang) -> String {
    let p = plan.requested;
    let mut out = match lang {
        Lang::Zh => format!("手册“{}”最后核对：{}", p.name, p.reviewed),
        Lang::En => format!(
            "Playbook \"{}\" last reviewed: {}",
            p.name(lang),
            p.reviewed
        ),
    };
    let dated: Vec<String> = plan
        .playbook
        .sources
        .iter()
        .map(|s| match (s.date, lang) {
            (Some(d), _) => format!("《{}》{d}", s.title),
            (None, Lang::Zh) => format!("《{}》（未注明日期）", s.title),
            (None, Lang::En) => format!("《{}》 (undated)", s.title),
        })
        .collect();
    if !dated.is_empty() {
        out.push_str(&format!(
            "{}{}",
            lang.pick("；来源：", "; sources: "),
            dated.join(lang.pick("，", ", "))
        ));
    }
    out.push('\n');
    out
}
