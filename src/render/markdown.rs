//! The printable checklist: a GitHub-flavoured Markdown task list.

use super::{Exporter, cite, days_left_cell, deadline_cell, header, notes};
use crate::lang::{Lang, Say};
use crate::plan::{Plan, Status};

pub(crate) struct Markdown;

impl Exporter for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn export(&self, plan: &Plan, ctx: &mut super::ExportContext) -> String {
        let lang = ctx.lang;
        render(plan, lang)
    }
}

/// The plan as a Markdown checklist.
pub(crate) fn render(plan: &Plan<'_>, lang: Lang) -> String {
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut out = format!(
        "# {}{}\n\n",
        l("新生儿办事清单：", "Newborn checklist: "),
        plan.requested.name(lang)
    );
    for line in header(plan, lang) {
        out.push_str(&format!("{line}  \n"));
    }
    out.push_str(&format!("{}  \n", super::counts(plan, lang)));
    out.push('\n');
    if let Some(summary) = &plan.playbook.summary {
        out.push_str(&format!("> {summary}\n\n"));
    }
    let notes = notes(plan, lang);
    for w in &notes {
        out.push_str(&format!("> ⚠ {w}\n"));
    }
    if !notes.is_empty() {
        out.push('\n');
    }
    for s in plan.steps() {
        let check = if s.status == Status::Done { "x" } else { " " };
        let optional = if s.step.optional {
            lang.paren(l("可选", "optional"))
        } else {
            String::new()
        };
        let mut line = format!(
            "- [{check}] **{}. {}**{optional} `{}`",
            s.number.unwrap_or(0),
            s.step.title(lang),
            s.step.id
        );
        let due = deadline_cell(s, plan, lang);
        if s.deadline().is_some() {
            line.push_str(&format!(" — {}{due}", l("截止 ", "due ")));
            let left = days_left_cell(s, plan, lang);
            if left != "—" {
                line.push_str(&lang.paren(&left));
            }
        } else if let Some(start) = s.earliest_start.filter(|_| due != "—") {
            line.push_str(&format!(" — {}{start}{}", l("从 ", "from "), l(" 起", "")));
        }
        line.push_str(&format!(" · {}", super::status(s.status, lang)));
        if let Some(d) = s.done_on {
            line.push_str(&format!(" — {d} {}", l("办完", "done")));
        }
        out.push_str(&line);
        out.push('\n');
        if s.status == Status::Elsewhere {
            for d in super::text::what_now(plan, s, lang) {
                out.push_str(&format!("  - {d}\n"));
            }
            continue;
        }
        let mut detail = Vec::new();
        if let Some(summary) = &s.step.summary {
            detail.push(format!("{}{summary}", l("说明：", "About: ")));
        }
        if let Some(agency) = &s.step.agency {
            detail.push(format!("{}{agency}", l("办理地点：", "Where: ")));
        }
        detail.push(format!(
            "{}{} · {}{}",
            l("方式：", "How: "),
            s.step.channel.say(lang),
            s.step.who.say(lang),
            if s.step.in_person {
                l(" · 需要本人到场", " · in person")
            } else {
                ""
            }
        ));
        if let Some(path) = &s.step.path {
            detail.push(format!("{}{path}", l("路径：", "Route: ")));
        }
        if let Some(p) = s.deadline_pending() {
            detail.push(format!("{}{}", l("截止：", "Deadline: "), p.say(lang)));
        }
        if let Some(note) = s.step.deadline.as_ref().and_then(|d| d.note.as_ref()) {
            detail.push(format!("{}{note}", l("期限：", "Time limit: ")));
        }
        if let Some(note) = &s.step.lead_time_note {
            detail.push(format!("{}{note}", l("办理时间：", "Takes: ")));
        }
        if let Some(w) = s.window {
            detail.push(format!(
                "{}{}{}",
                l("最晚可办：", "Last day it can be done: "),
                w.date,
                lang.paren(&w.rule.say(lang))
            ));
        }
        if !s.open_prerequisites.is_empty() {
            let titles: Vec<&str> = s.open_prerequisites.iter().map(|p| p.title(lang)).collect();
            detail.push(format!(
                "{}{}",
                l("先要办完：", "First finish: "),
                titles.join(l("、", ", "))
            ));
        }
        detail.extend(super::text::what_now(plan, s, lang));
        for d in detail {
            out.push_str(&format!("  - {d}\n"));
        }
        if !s.materials.is_empty() {
            out.push_str(&format!("  - {}\n", l("材料：", "Bring:")));
            for m in &s.materials {
                let mut line = format!("    - [ ] {}{}", m.name, lang.paren(&m.quantity(lang)));
                if let Some(note) = &m.note {
                    line.push_str(&format!("{}{note}", l("：", ": ")));
                }
                out.push_str(&line);
                out.push('\n');
            }
        }
        for t in &s.tips {
            out.push_str(&format!("  - {}{}\n", l("提示：", "Tip: "), t.say(lang)));
        }
        if let Some(missed) = &s.step.missed {
            out.push_str(&format!("  - {}{missed}\n", l("错过后果：", "If missed: ")));
        }
        out.push_str(&format!(
            "  - {}{}\n",
            l("来源：", "Source: "),
            cite(plan.playbook, &s.step.source, lang)
        ));
    }
    out.push_str(l(
        "\n## 材料清单（按办理地点，合并各事项）\n\n",
        "\n## What to bring (by place, merged across steps)\n\n",
    ));
    out.push_str(&super::materials::render(plan, "###", lang));
    if !plan.playbook.contacts.is_empty() {
        out.push_str(l("\n## 咨询电话\n\n", "\n## Phone numbers\n\n"));
        for c in &plan.playbook.contacts {
            let note = c.note.as_ref().map_or(String::new(), |n| lang.paren(n));
            out.push_str(&format!("- {}{}{}{note}\n", c.name, l("：", ": "), c.phone));
        }
    }
    out.push_str("\n---\n\n");
    out.push_str(&super::text::reviewed_line(plan, lang));
    out
}
