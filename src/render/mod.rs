//! Rendering: pure functions from a [`Plan`] to text. Nothing here reads or writes files.

pub mod ics;
pub mod json;
pub mod markdown;
pub mod materials;
pub mod table;
pub mod text;

use crate::calendar::Calendar;
use crate::plan::{Plan, PlanStep};
use crate::playbook::{Cite, Playbook};

/// An export format, behind one small trait.
pub trait Exporter {
    /// The format's name on the command line.
    fn name(&self) -> &'static str;
    fn export(&self, plan: &Plan, calendar: &Calendar) -> String;
}

/// The export formats, by name.
pub fn exporter(name: &str) -> Option<Box<dyn Exporter>> {
    match name {
        "markdown" | "md" => Some(Box::new(markdown::Markdown)),
        "json" => Some(Box::new(json::Json)),
        "ics" | "ical" | "icalendar" => Some(Box::new(ics::Ics)),
        _ => None,
    }
}

/// The names `--format` accepts.
pub const FORMATS: &[&str] = &["markdown", "json", "ics"];

/// `文件名（issuer，date）§ section`, with a mark for experience reports.
pub fn cite(playbook: &Playbook, c: &Cite) -> String {
    match playbook.source(&c.doc) {
        Some(s) => {
            let mut out = format!(
                "《{}》",
                s.title.trim_start_matches('《').trim_end_matches('》')
            );
            out.push_str(&format!("（{}", s.issuer));
            if let Some(d) = s.date {
                out.push_str(&format!("，{d}"));
            }
            out.push_str(&format!("；{}）", s.trust.zh()));
            out.push_str(&format!(" {}", c.section));
            out
        }
        None => format!("{} {}", c.doc, c.section),
    }
}

/// The deadline cell: `2026-11-18`, with the last office day when it falls on a day off.
pub fn deadline_cell(s: &PlanStep<'_>, plan: &Plan<'_>) -> String {
    if let Some(d) = &s.deadline {
        let mut out = d.date.to_string();
        if d.estimated {
            out.push_str("（估算）");
        }
        if let Some(o) = d.office_day {
            out.push_str(&format!("（窗口最晚 {o}）"));
        }
        return out;
    }
    if s.deadline_pending.is_some() {
        return "待定".to_string();
    }
    match s.earliest_start {
        Some(start) if s.step.start.is_some() || start > plan.today => format!("{start} 起"),
        _ => "—".to_string(),
    }
}

/// Days left: `还有5天`, `今天截止`, `逾期3天`.
pub fn days_left_cell(s: &PlanStep<'_>, plan: &Plan<'_>) -> String {
    if s.done_on.is_some() {
        return "—".to_string();
    }
    match s.days_left(plan.today) {
        Some(0) => "今天截止".to_string(),
        Some(n) if n > 0 => format!("还有{n}天"),
        Some(n) => format!("逾期{}天", -n),
        None => "—".to_string(),
    }
}

/// The lines shown above a plan: family, route, scope.
pub fn header(plan: &Plan<'_>) -> Vec<String> {
    let mut lines = vec![format!(
        "{}（{}）· 出生日期 {} · 今天 {}",
        plan.requested.name, plan.requested.id, plan.profile.birth_date, plan.today
    )];
    if let Some((text, unmet)) = &plan.out_of_scope {
        lines.push(format!("注意：{text}"));
        if !unmet.is_empty() {
            lines.push(format!("  （本家庭：{}）", unmet.join("；")));
        }
        if plan.playbook.id != plan.requested.id {
            lines.push(format!("以下只列出“{}”的通用事项。", plan.playbook.name));
        }
    }
    if let Some(r) = &plan.route {
        lines.push(format!("路线：{}——{}", r.route.title, r.why));
    }
    lines
}

/// Source trust notes: a plan built on an experience report says so.
pub fn trust_notes(plan: &Plan<'_>) -> Vec<String> {
    plan.playbook
        .sources
        .iter()
        .filter(|s| s.trust == crate::playbook::Trust::ExperienceReport)
        .map(|s| {
            format!(
                "“{}”是家长的经验分享，不是官方规定：以办理部门的要求为准。",
                s.title
            )
        })
        .collect()
}
