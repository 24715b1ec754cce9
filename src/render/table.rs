//! `newborn plan`: the plan as a table.

use super::{days_left_cell, deadline_cell, header, notes, status as status_label};
use crate::lang::{Lang, Say};
use crate::plan::{Plan, Status};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets};

/// The colour of a status: overdue in red.
pub(crate) fn status_color(status: Status) -> Option<Color> {
    match status {
        Status::Overdue => Some(Color::Red),
        Status::Ready => Some(Color::Green),
        Status::Waiting => Some(Color::Yellow),
        Status::Blocked => Some(Color::Magenta),
        Status::Confirm => Some(Color::Cyan),
        Status::Elsewhere => Some(Color::Blue),
        Status::Done | Status::Skipped | Status::Missed => Some(Color::DarkGrey),
        Status::NotApplicable => None,
    }
}

/// The plan as a table with the header lines and warnings; `all` adds the steps that do not
/// apply, with why; `color` colours the statuses with ANSI codes.
pub(crate) fn render(plan: &Plan<'_>, all: bool, color: bool, lang: Lang) -> String {
    let mut out = header(plan, lang).join("\n");
    out.push('\n');
    out.push_str(&super::counts(plan, lang));
    out.push('\n');
    let mut table = Table::new();
    table
        .load_style(presets::ASCII_BORDERS_ONLY_CONDENSED)
        .set_content_arrangement(ContentArrangement::Disabled)
        .set_header(match lang {
            Lang::Zh => vec!["#", "事项", "ID", "截止日期", "剩余", "状态"],
            Lang::En => vec!["#", "Step", "ID", "Deadline", "Left", "Status"],
        });
    for s in plan.steps() {
        let mut title = s.step.title(lang).to_string();
        if s.step.optional {
            title.push_str(&lang.paren(lang.pick("可选", "optional")));
        }
        let label = match s.done_on {
            Some(d) => format!("{} {}", status_label(s.status, lang), d.format("%m-%d")),
            None => status_label(s.status, lang).to_string(),
        };
        let mut status = Cell::new(label);
        let mut left = Cell::new(days_left_cell(s, plan, lang));
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
            Cell::new(deadline_cell(s, plan, lang)),
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
        out.push_str(lang.pick(
            "\n不适用于本家庭的事项：\n",
            "\nSteps that do not apply to this family:\n",
        ));
        for s in &plan.not_applicable {
            let why: Vec<String> = s.why.iter().map(|w| w.say(lang)).collect();
            out.push_str(&format!(
                "  - {}{}{}{}\n",
                s.step.title(lang),
                lang.paren(&s.step.id),
                lang.pick("：", ": "),
                why.join(lang.sep())
            ));
        }
    }
    let notes = notes(plan, lang);
    if !notes.is_empty() {
        out.push('\n');
        for w in notes {
            out.push_str(&format!("⚠ {w}\n"));
        }
    }
    out
}
