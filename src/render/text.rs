//! `newborn next` and `newborn show`: one step in words.

use super::{cite, days_left_cell, deadline_cell};
use crate::calendar::Calendar;
use crate::plan::{DeadlineInfo, Plan, PlanStep, Status};
use crate::playbook::Step;

fn title_of<'a>(plan: &'a Plan<'_>, id: &'a str) -> &'a str {
    plan.steps
        .iter()
        .find(|s| s.step.id == id)
        .map_or(id, |s| s.step.title.as_str())
}

fn who_line(step: &Step) -> String {
    let mut parts = vec![step.channel.zh().to_string(), step.who.zh().to_string()];
    if step.in_person {
        parts.push("需要本人到场".to_string());
    }
    parts.join(" · ")
}

/// The lines that say what to do: where, how, materials, tips, what it unblocks.
fn body(plan: &Plan<'_>, s: &PlanStep<'_>) -> Vec<String> {
    let step = s.step;
    let mut lines = Vec::new();
    let mut status = format!("状态：{}", s.status.zh());
    if let Some(d) = s.done_on {
        status.push_str(&format!("（{d} 办完）"));
    }
    lines.push(status);
    match (&s.deadline, &s.deadline_pending) {
        (Some(d), _) => {
            let mut line = format!(
                "截止：{}（{}）",
                deadline_cell(s, plan),
                days_left_cell(s, plan)
            );
            if let Some(note) = &step.deadline.as_ref().and_then(|d| d.note.clone()) {
                line.push_str(&format!("——{note}"));
            }
            lines.push(line);
            if let Some(o) = d.office_day {
                lines.push(format!(
                    "  {} 不是工作日：要去窗口办理的，最晚 {o}（最后一个工作日）前往。",
                    d.date
                ));
            }
        }
        (None, Some(p)) => lines.push(format!("截止：{p}")),
        (None, None) => {}
    }
    if let (Some(start), Some(reason)) = (s.earliest_start, &s.start_reason)
        && (start > plan.today || step.start.is_some())
    {
        lines.push(format!("最早：{start}（{reason}）"));
    }
    if let Some((lo, hi)) = s.expected {
        let note = step.lead_time_note.as_deref().unwrap_or("");
        lines.push(if lo == hi {
            format!("预计结果：{hi}（{note}）")
        } else {
            format!("预计结果：{lo} 至 {hi}（{note}）")
        });
    } else if let Some(lead) = step.lead_time {
        let note = step.lead_time_note.clone().unwrap_or_else(|| lead.zh());
        lines.push(format!("办理时间：{note}"));
    }
    if let Some(summary) = &step.summary {
        lines.push(format!("说明：{summary}"));
    }
    if let Some(agency) = &step.agency {
        lines.push(format!("办理地点：{agency}"));
    }
    lines.push(format!("方式：{}", who_line(step)));
    if let Some(path) = &step.path {
        lines.push(format!("路径：{path}"));
    }
    if !s.materials.is_empty() {
        lines.push("材料：".to_string());
        for m in &s.materials {
            let mut line = format!("  - {}（{}）", m.name, m.quantity_zh());
            if let Some(note) = &m.note {
                line.push_str(&format!("：{note}"));
            }
            lines.push(line);
        }
    }
    if !s.tips.is_empty() {
        lines.push("提示：".to_string());
        for t in &s.tips {
            lines.push(format!("  - {}", t.text));
        }
    }
    if let Some(missed) = &step.missed {
        lines.push(format!("逾期后果：{missed}"));
    }
    if !s.open_prerequisites.is_empty() {
        let names: Vec<String> = s
            .open_prerequisites
            .iter()
            .map(|id| format!("{}（{id}）", title_of(plan, id)))
            .collect();
        lines.push(format!("先要办完：{}", names.join("、")));
    }
    if !s.unblocks.is_empty() {
        let names: Vec<String> = s
            .unblocks
            .iter()
            .map(|id| format!("{}（{id}）", title_of(plan, id)))
            .collect();
        lines.push(format!("办完后可以办：{}", names.join("、")));
    }
    lines
}

fn heading(s: &PlanStep<'_>) -> String {
    let optional = if s.step.optional { "（可选）" } else { "" };
    match s.number {
        Some(n) => format!("{n}. {}{optional}（{}）", s.step.title, s.step.id),
        None => format!("{}{optional}（{}）", s.step.title, s.step.id),
    }
}

/// `newborn next`.
pub fn next(plan: &Plan<'_>) -> String {
    let Some(s) = plan.next() else {
        return "全部办完了。用 newborn plan 查看完整清单。\n".to_string();
    };
    let mut out = String::new();
    let lead = match s.status {
        Status::Waiting => "接下来（还不能办）",
        Status::Blocked => "接下来（先要办完前置事项）",
        _ => "下一步",
    };
    out.push_str(&format!("{lead}：{}\n", heading(s)));
    for line in body(plan, s) {
        out.push_str(&line);
        out.push('\n');
    }
    out.push_str(&format!("来源：{}\n", cite(plan.playbook, &s.step.source)));
    out.push_str(&format!(
        "详情：newborn show {}    办完后：newborn done {}\n",
        s.step.id, s.step.id
    ));
    for w in &plan.warnings {
        out.push_str(&format!("⚠ {w}\n"));
    }
    out
}

/// How a deadline was counted: the rule, day 0, and the holidays and make-up days crossed.
pub fn counting(
    plan: &Plan<'_>,
    s: &PlanStep<'_>,
    d: &DeadlineInfo,
    calendar: &Calendar,
) -> Vec<String> {
    let mut lines = Vec::new();
    let start = match &d.from_step {
        None => format!("出生日 {}", d.from),
        Some(id) => format!("“{}”办完之日 {}", title_of(plan, id), d.from),
    };
    lines.push(format!(
        "规则：{}（{}），从{}起算，当天是第0天，不计入；“以内”包括最后一天。",
        d.rule.zh(),
        d.rule,
        start
    ));
    let unit = d.rule.period().unit;
    lines.push(match (d.rule, unit) {
        (crate::period::Rule::Under(_), _) => format!(
            "“未满”不包括满{}的那一天，所以最后一天是 {}。",
            d.rule.period().zh(),
            d.date
        ),
        (_, crate::period::Unit::Months) => format!(
            "按月计算：到期月的同一日；没有这一天的，取该月最后一天：{}。",
            d.date
        ),
        (_, crate::period::Unit::Days) => format!("按日历天计算：{}。", d.date),
        (_, crate::period::Unit::WorkingDays) => {
            format!("按工作日计算（周一至周五，除去法定节假日，加上调休上班的周末）：第{}个工作日是 {}。", d.rule.period().amount, d.date)
        }
    });
    if unit == crate::period::Unit::WorkingDays {
        let crossed = calendar.special_days_between(d.from, d.date);
        if crossed.is_empty() {
            lines.push("期间没有法定节假日或调休。".to_string());
        } else {
            lines.push("期间的法定节假日和调休：".to_string());
            let mut off: Vec<(String, Vec<String>)> = Vec::new();
            for day in crossed {
                let label = if day.off {
                    format!("{}放假", day.name)
                } else {
                    format!("{}调休上班", day.name)
                };
                let date = day.date.format("%m-%d").to_string();
                match off.last_mut() {
                    Some((l, dates)) if *l == label => dates.push(date),
                    _ => off.push((label, vec![date])),
                }
            }
            for (label, dates) in off {
                lines.push(format!("  - {label}：{}", dates.join("、")));
            }
        }
        if d.estimated {
            let years: Vec<String> = calendar
                .unknown_years(d.from, d.date)
                .iter()
                .map(|y| y.to_string())
                .collect();
            lines.push(format!(
                "⚠ {}年的节假日安排尚未知道，这段只按周末估算。",
                years.join("、")
            ));
        }
    }
    if let Some(o) = d.office_day {
        lines.push(format!(
            "{} 不是工作日：需要到窗口办理的，最后一个工作日是 {o}。",
            d.date
        ));
    }
    let _ = s;
    lines
}

/// `newborn show STEP`: everything about one step.
pub fn show(plan: &Plan<'_>, s: &PlanStep<'_>, calendar: &Calendar) -> String {
    let mut out = format!("{}\n", heading(s));
    if let Some(en) = &s.step.title_en {
        out.push_str(&format!("({en})\n"));
    }
    for line in body(plan, s) {
        out.push_str(&line);
        out.push('\n');
    }
    if s.status == Status::NotApplicable {
        out.push_str("为什么不适用：\n");
    } else {
        out.push_str("为什么适用：\n");
    }
    for w in &s.why {
        out.push_str(&format!("  - {w}\n"));
    }
    if let Some(d) = &s.deadline {
        out.push_str("截止日期怎么算：\n");
        for line in counting(plan, s, d, calendar) {
            out.push_str(&format!("  {line}\n"));
        }
    }
    out.push_str(&format!("来源：{}\n", cite(plan.playbook, &s.step.source)));
    if let Some(c) = s.step.deadline.as_ref().and_then(|d| d.source.as_ref()) {
        out.push_str(&format!("截止日期来源：{}\n", cite(plan.playbook, c)));
    }
    for t in &s.tips {
        if let Some(c) = t.source
            && c != &s.step.source
        {
            out.push_str(&format!("提示来源：{}\n", cite(plan.playbook, c)));
        }
    }
    out.push_str(&reviewed_line(plan));
    for w in &plan.warnings {
        out.push_str(&format!("⚠ {w}\n"));
    }
    out
}

/// When the playbook was reviewed and how old its sources are.
pub fn reviewed_line(plan: &Plan<'_>) -> String {
    let p = plan.requested;
    let mut out = format!("手册“{}”最后核对：{}", p.name, p.reviewed);
    let dated: Vec<String> = plan
        .playbook
        .sources
        .iter()
        .map(|s| match s.date {
            Some(d) => format!("《{}》{d}", s.title),
            None => format!("《{}》（未注明日期）", s.title),
        })
        .collect();
    if !dated.is_empty() {
        out.push_str(&format!("；来源：{}", dated.join("，")));
    }
    out.push('\n');
    out
}
