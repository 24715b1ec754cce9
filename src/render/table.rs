//! `newborn plan`: the plan as a table.

use super::{days_left_cell, deadline_cell, header, trust_notes};
use crate::plan::Plan;
use crate::plan::Status;
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

/// The colour of a status: overdue in red.
pub fn status_color(status: Status) -> Option<Color> {
    match status {
        Status::Overdue => Some(Color::Red),
        Status::Ready => Some(Color::Green),
        Status::Waiting | Status::Blocked => Some(Color::Yellow),
        Status::Done => Some(Color::DarkGrey),
        Status::NotApplicable => None,
    }
}

/// The plan as a table with the header lines and warnings; `all` adds the steps that do not
/// apply, with why; `color` colours the statuses with ANSI codes.
pub fn render(plan: &Plan<'_>, all: bool, color: bool) -> String {
    let mut out = header(plan).join("\n");
    out.push('\n');
    let mut table = Table::new();
    table
        .load_style(presets::ASCII_BORDERS_ONLY_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(vec!["#", "事项", "ID", "截止日期", "剩余", "状态"]);
    for s in &plan.steps {
        let mut title = s.step.title.clone();
        if s.step.optional {
            title.push_str("（可选）");
        }
        let status = match s.done_on {
            Some(d) => format!("{} {}", s.status.zh(), d.format("%m-%d")),
            None => s.status.zh().to_string(),
        };
        let mut status = Cell::new(status);
        let mut left = Cell::new(days_left_cell(s, plan));
        if let (true, Some(c)) = (color, status_color(s.status)) {
            status = status.fg(c);
            if s.status == Status::Overdue {
                left = left.fg(c);
            }
        }
        table.add_row(vec![
            Cell::new(s.number.map_or(String::new(), |n| n.to_string())),
            Cell::new(title),
            Cell::new(&s.step.id),
            Cell::new(deadline_cell(s, plan)),
            left,
            status,
        ]);
    }
    if color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    out.push_str(&table.to_string());
    out.push('\n');
    if all && !plan.not_applicable.is_empty() {
        out.push_str("\n不适用于本家庭的事项：\n");
        for s in &plan.not_applicable {
            out.push_str(&format!(
                "  - {}（{}）：{}\n",
                s.step.title,
                s.step.id,
                s.why.join("；")
            ));
        }
    }
    let notes: Vec<String> = plan
        .warnings
        .iter()
        .cloned()
        .chain(trust_notes(plan))
        .collect();
    if !notes.is_empty() {
        out.push('\n');
        for w in notes {
            out.push_str(&format!("⚠ {w}\n"));
        }
    }
    out
}
