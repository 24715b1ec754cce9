//! `newborn plan`: the plan as a table that fits the screen, and text wrapped to a width.

use super::{days_left_cell, deadline_cell, header, notes, status as status_label};
use crate::lang::{Lang, Say, tr};
use crate::plan::{Plan, PlanStep, Status};
use comfy_table::{
    Attribute, Cell, CellAlignment, Color, ColumnConstraint, ContentArrangement, LineStyle, Table,
    TableStyle, Width,
};
use unicode_width::UnicodeWidthStr;

/// How `plan` is shown.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View {
    /// Every step (and those that do not apply), not only what matters now.
    pub all: bool,
    /// Colour the statuses with ANSI codes.
    pub color: bool,
    /// The screen's width in columns; `None`: lines are not wrapped.
    pub width: Option<usize>,
    pub lang: Lang,
}

/// The tables' lines: a rule under the header and none between rows or columns.
pub(crate) const STYLE: TableStyle =
    TableStyle::new().header_separator(LineStyle::none().fill('─'));

/// How far ahead the default view looks: steps due or starting within this many days.
pub(crate) const SOON_DAYS: u64 = 30;

/// The colour of a status: overdue red, ready green, waiting cyan, blocked yellow, confirm
/// magenta, elsewhere blue; done, skipped and missed grey (never red).
pub(crate) fn status_color(status: Status) -> Option<Color> {
    match status {
        Status::Overdue => Some(Color::Red),
        Status::Ready => Some(Color::Green),
        Status::Waiting => Some(Color::Cyan),
        Status::Blocked => Some(Color::Yellow),
        Status::Confirm => Some(Color::Magenta),
        Status::Elsewhere => Some(Color::Blue),
        Status::Done | Status::Skipped | Status::Missed => Some(Color::DarkGrey),
        Status::NotApplicable => None,
    }
}

/// Whether a step matters now: overdue, ready, or due or starting within [`SOON_DAYS`].
pub(crate) fn matters_now(s: &PlanStep<'_>, today: chrono::NaiveDate) -> bool {
    let soon = today + chrono::Days::new(SOON_DAYS);
    match s.status {
        Status::Overdue | Status::Ready | Status::Confirm | Status::Elsewhere => true,
        Status::Done | Status::Skipped | Status::Missed | Status::NotApplicable => false,
        Status::Waiting | Status::Blocked => {
            s.days_left(today).is_some_and(|d| d <= SOON_DAYS as i64)
                || s.earliest_start.is_some_and(|d| d <= soon)
        }
    }
}

/// The plan as a table with the header lines and warnings.
pub(crate) fn render(plan: &Plan<'_>, view: View) -> String {
    let lang = view.lang;
    let mut lines = header(plan, lang);
    lines.push(super::counts(plan, lang));
    let mut out = String::new();
    for line in &lines {
        out.push_str(&wrap(line, view.width, "  "));
    }
    let next = plan.next().map(|s| &s.step.id);
    let shown: Vec<&PlanStep<'_>> = plan
        .steps()
        .filter(|s| view.all || matters_now(s, plan.today) || Some(&s.step.id) == next)
        .collect();
    if !shown.is_empty() {
        out.push_str(&table(plan, &shown, view));
        out.push('\n');
    }
    let hidden: Vec<&PlanStep<'_>> = plan
        .steps()
        .filter(|s| !shown.iter().any(|x| x.step.id == s.step.id))
        .collect();
    if !hidden.is_empty() {
        let done = hidden.iter().filter(|s| s.status == Status::Done).count();
        let later = hidden.len() - done;
        let line = match (later, done) {
            (l, 0) => tr!(
                lang,
                "另有 {l} 项以后再办，没有列出（newborn plan --all 列出全部）",
                "{l} later steps not shown (newborn plan --all shows every step)"
            ),
            (0, d) => tr!(
                lang,
                "另有 {d} 项已办完，没有列出（newborn plan --all 列出全部）",
                "{d} done steps not shown (newborn plan --all shows every step)"
            ),
            (l, d) => tr!(
                lang,
                "另有 {l} 项以后再办、{d} 项已办完，没有列出（newborn plan --all 列出全部）",
                "{l} later and {d} done steps not shown (newborn plan --all shows every step)"
            ),
        };
        out.push_str(&wrap(&line, view.width, ""));
    }
    if view.all && !plan.not_applicable.is_empty() {
        out.push_str(lang.pick(
            "\n不适用于本家庭的事项：\n",
            "\nSteps that do not apply to this family:\n",
        ));
        for s in &plan.not_applicable {
            let why: Vec<String> = s.why.iter().map(|w| w.say(lang)).collect();
            let line = format!(
                "  - {}{}{}{}",
                s.step.title(lang),
                lang.paren(&s.step.id),
                lang.pick("：", ": "),
                why.join(lang.sep())
            );
            out.push_str(&wrap(&line, view.width, "    "));
        }
    }
    let notes = notes(plan, lang);
    if !notes.is_empty() {
        out.push('\n');
        for w in notes {
            out.push_str(&wrap(&format!("⚠ {w}"), view.width, "  "));
        }
    }
    out
}

/// The deadline cell: the date, and under it when it is estimated or falls on a day off.
fn deadline_lines(s: &PlanStep<'_>, plan: &Plan<'_>, lang: Lang) -> String {
    let (date, estimated, office_day, last) = match (s.deadline(), s.window) {
        (Some(d), _) => (d.date, d.estimated, d.office_day, false),
        (None, Some(w)) => (w.date, w.estimated, w.office_day, true),
        (None, None) => return deadline_cell(s, plan, lang),
    };
    let mut out = date.to_string();
    if last {
        out.push('\n');
        out.push_str(lang.pick("（最晚可办）", "(last day)"));
    }
    if estimated {
        out.push('\n');
        out.push_str(lang.pick("（估算）", "(estimated)"));
    }
    if let Some(o) = office_day {
        let o = o.format("%m-%d");
        out.push('\n');
        out.push_str(&tr!(lang, "窗口 {o}", "office by {o}"));
    }
    out
}

fn table(plan: &Plan<'_>, steps: &[&PlanStep<'_>], view: View) -> String {
    let lang = view.lang;
    let mut table = Table::new();
    table.load_style(STYLE).set_header(match lang {
        Lang::Zh => vec!["#", "事项", "截止日期", "剩余", "状态"],
        Lang::En => vec!["#", "Step", "Deadline", "Left", "Status"],
    });
    match view.width {
        Some(w) => {
            table
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_width(u16::try_from(w).unwrap_or(u16::MAX));
        }
        None => {
            table.set_content_arrangement(ContentArrangement::Disabled);
        }
    }
    for s in steps {
        let mut title = s.step.title(lang).to_string();
        if s.step.optional {
            title.push_str(&lang.paren(lang.pick("可选", "optional")));
        }
        title.push('\n');
        title.push_str(&s.step.id);
        let label = match s.done_on {
            Some(d) => format!("{}\n{}", status_label(s.status, lang), d.format("%m-%d")),
            None => status_label(s.status, lang).to_string(),
        };
        let mut title = Cell::new(title);
        let mut status = Cell::new(label);
        let mut left = Cell::new(days_left_cell(s, plan, lang));
        if view.color {
            if let Some(c) = status_color(s.status) {
                status = status.fg(c);
                if s.status == Status::Overdue {
                    left = left.fg(c);
                }
            }
            if s.status == Status::Done {
                title = title.add_attribute(Attribute::Dim);
            }
        }
        table.add_row(vec![
            Cell::new(s.number.map_or(String::new(), |n| n.to_string()))
                .set_alignment(CellAlignment::Right),
            title,
            Cell::new(deadline_lines(s, plan, lang)),
            left,
            status,
        ]);
    }
    // The title column is the one that gives way, never narrower than the longest id; the
    // others keep their content's width.
    let longest_id = steps.iter().map(|s| s.step.id.width()).max().unwrap_or(0);
    let min_title = u16::try_from(longest_id).unwrap_or(u16::MAX);
    if let Some(c) = table.column_mut(1) {
        c.set_constraint(ColumnConstraint::LowerBoundary(Width::Fixed(min_title)));
    }
    for i in [0, 2, 3, 4] {
        if let Some(c) = table.column_mut(i) {
            c.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
    if view.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    trimmed(&table)
}

/// A table's text with each line ending where its text does (comfy-table pads the last
/// column); no newline at the end.
pub(crate) fn trimmed(table: &Table) -> String {
    let mut out = String::new();
    for line in table.lines() {
        out.push_str(line.trim_end_matches(' '));
        out.push('\n');
    }
    out.pop();
    out
}

/// Marks that may not start a line (they stay with the character before them).
const CLOSING: &str = "，。、；：？！）》」』”’〕】…—,.;:!?)]";

/// Splits a line where it may break: after spaces, between wide (CJK) characters, but never
/// inside a run of narrow characters (an id or a date), nor before closing punctuation.
fn words(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let mut bounds = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if let Some(p) = prev {
            let wide = |c: char| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 1;
            // After spaces; between two characters when either is wide.
            let breaks = c != ' ' && (p == ' ' || wide(p) || wide(c));
            // Nor after an opening mark, nor between a word and its gloss: `city（本市）`.
            let glossed = p.is_ascii_alphanumeric() && c == '（';
            if breaks && !glossed && !CLOSING.contains(c) && !"（《「『“‘〔【(".contains(p)
            {
                bounds.push((start, i));
                start = i;
            }
        }
        prev = Some(c);
    }
    bounds.push((start, line.len()));
    Box::new(
        bounds
            .into_iter()
            .map(move |(a, b)| textwrap::core::Word::from(&line[a..b])),
    )
}

/// Wraps one line to `width` display columns (nothing to do without a width), continuing with
/// `indent`; ends with a newline.
pub(crate) fn wrap(line: &str, width: Option<usize>, indent: &str) -> String {
    let Some(width) = width else {
        return format!("{line}\n");
    };
    let options = textwrap::Options::new(width.max(20))
        .word_separator(textwrap::WordSeparator::Custom(words))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .subsequent_indent(indent);
    let mut out = String::new();
    for part in textwrap::wrap(line, options) {
        out.push_str(part.trim_end());
        out.push('\n');
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

/// Wraps every line of `text`; a line that starts with spaces or `- ` continues under its
/// text.
pub(crate) fn wrap_text(text: &str, width: Option<usize>) -> String {
    if width.is_none() {
        return text.to_string();
    }
    let mut out = String::new();
    for line in text.lines() {
        let lead = line.len() - line.trim_start().len();
        let mut indent = " ".repeat(lead);
        if lead == 0 || line.trim_start().starts_with("- ") {
            indent.push_str("  ");
        }
        out.push_str(&wrap(line, width, &indent));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_wraps_between_characters_and_ids_stay_whole() {
        let line = "路线：分别办理各事项——不能走“新生儿出生一件事”：父母双方均为福建户籍（father_hukou = other）";
        let out = wrap(line, Some(30), "  ");
        for l in out.lines() {
            assert!(l.width() <= 30, "{l:?} in\n{out}");
        }
        assert!(out.contains("father_hukou"), "{out}");
        assert!(
            !out.lines().any(|l| l.trim_start().starts_with('，')),
            "{out}"
        );
    }
}
