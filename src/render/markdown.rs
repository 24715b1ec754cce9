//! The printable checklist: a GitHub-flavoured Markdown task list.

use super::{Exporter, cite, days_left_cell, deadline_cell, header, text, trust_notes};
use crate::calendar::Calendar;
use crate::plan::Plan;

pub struct Markdown;

impl Exporter for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn export(&self, plan: &Plan, _calendar: &Calendar) -> String {
        render(plan)
    }
}

/// The plan as a Markdown checklist.
pub fn render(plan: &Plan<'_>) -> String {
    let mut out = format!("# 新生儿办事清单：{}\n\n", plan.requested.name);
    for line in header(plan) {
        out.push_str(&format!("{line}  \n"));
    }
    out.push('\n');
    if let Some(summary) = &plan.playbook.summary {
        out.push_str(&format!("> {summary}\n\n"));
    }
    let notes: Vec<String> = plan
        .warnings
        .iter()
        .cloned()
        .chain(trust_notes(plan))
        .collect();
    for w in &notes {
        out.push_str(&format!("> ⚠ {w}\n"));
    }
    if !notes.is_empty() {
        out.push('\n');
    }
    for s in &plan.steps {
        let check = if s.done_on.is_some() { "x" } else { " " };
        let optional = if s.step.optional { "（可选）" } else { "" };
        let mut line = format!(
            "- [{check}] **{}. {}**{optional} `{}`",
            s.number.unwrap_or(0),
            s.step.title,
            s.step.id
        );
        let due = deadline_cell(s, plan);
        if due != "—" {
            line.push_str(&format!(" — 截止 {due}"));
            let left = days_left_cell(s, plan);
            if left != "—" {
                line.push_str(&format!("（{left}）"));
            }
        }
        if let Some(d) = s.done_on {
            line.push_str(&format!(" — {d} 办完"));
        }
        out.push_str(&line);
        out.push('\n');
        let mut detail = Vec::new();
        if let Some(summary) = &s.step.summary {
            detail.push(format!("说明：{summary}"));
        }
        if let Some(agency) = &s.step.agency {
            detail.push(format!("办理地点：{agency}"));
        }
        detail.push(format!(
            "方式：{} · {}{}",
            s.step.channel.zh(),
            s.step.who.zh(),
            if s.step.in_person {
                " · 需要本人到场"
            } else {
                ""
            }
        ));
        if let Some(path) = &s.step.path {
            detail.push(format!("路径：{path}"));
        }
        if let Some(p) = &s.deadline_pending {
            detail.push(format!("截止：{p}"));
        }
        if let Some(note) = s.step.deadline.as_ref().and_then(|d| d.note.as_ref()) {
            detail.push(format!("期限：{note}"));
        }
        if let Some(note) = &s.step.lead_time_note {
            detail.push(format!("办理时间：{note}"));
        }
        if !s.open_prerequisites.is_empty() {
            detail.push(format!("先要办完：{}", s.open_prerequisites.join("、")));
        }
        for d in detail {
            out.push_str(&format!("  - {d}\n"));
        }
        if !s.materials.is_empty() {
            out.push_str("  - 材料：\n");
            for m in &s.materials {
                let mut line = format!("    - [ ] {}（{}）", m.name, m.quantity_zh());
                if let Some(note) = &m.note {
                    line.push_str(&format!("：{note}"));
                }
                out.push_str(&line);
                out.push('\n');
            }
        }
        for t in &s.tips {
            out.push_str(&format!("  - 提示：{}\n", t.text));
        }
        if let Some(missed) = &s.step.missed {
            out.push_str(&format!("  - 逾期后果：{missed}\n"));
        }
        out.push_str(&format!(
            "  - 来源：{}\n",
            cite(plan.playbook, &s.step.source)
        ));
    }
    out.push_str("\n## 材料清单（按办理地点，合并各事项）\n\n");
    out.push_str(&super::materials::render(plan, "###"));
    if !plan.playbook.contacts.is_empty() {
        out.push_str("\n## 咨询电话\n\n");
        for c in &plan.playbook.contacts {
            let note = c
                .note
                .as_ref()
                .map_or(String::new(), |n| format!("（{n}）"));
            out.push_str(&format!("- {}：{}{note}\n", c.name, c.phone));
        }
    }
    out.push_str("\n---\n\n");
    out.push_str(&text::reviewed_line(plan));
    out
}
