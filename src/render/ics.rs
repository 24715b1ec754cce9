//! `export --format ics`: every dated step as an all-day event with reminders (RFC 5545).
//!
//! UIDs are stable (region, birth date, birth order, step), so importing a newer export updates
//! the events instead of duplicating them; SEQUENCE grows with the day of the export.

use super::{Exporter, cite};
use crate::calendar::Calendar;
use crate::facts::Value;
use crate::lang::Lang;
use crate::plan::{Plan, PlanStep, Status};
use chrono::{Days, NaiveDate};

pub(crate) struct Ics;

impl Exporter for Ics {
    fn name(&self) -> &'static str {
        "ics"
    }

    fn export(&self, plan: &Plan, _calendar: &Calendar, lang: Lang) -> String {
        render(plan, lang)
    }
}

/// Escapes TEXT values: backslash, semicolon, comma and newlines.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line into lines of at most 75 octets, never inside a character; each
/// continuation line starts with one space. Lines end with CRLF.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += len;
    }
    out.push_str("\r\n");
    out
}

fn ymd(d: NaiveDate) -> String {
    d.format("%Y%m%d").to_string()
}

/// The day an event goes on: the deadline, else the scheduled start.
fn event_day(s: &PlanStep<'_>) -> Option<NaiveDate> {
    s.deadline()
        .map(|d| d.date)
        .or_else(|| s.step.start.and(s.earliest_start))
}

fn description(plan: &Plan<'_>, s: &PlanStep<'_>, lang: Lang) -> String {
    let step = s.step;
    let l = |zh: &'static str, en: &'static str| lang.pick(zh, en);
    let mut lines = Vec::new();
    if let Some(d) = s.deadline() {
        let mut line = format!(
            "{}{}{}",
            l("截止 ", "Due "),
            d.date,
            lang.paren(&d.rule.say(lang))
        );
        if let Some(o) = d.office_day {
            line.push_str(&format!(
                "{}{o}",
                l("；要去窗口的最晚 ", "; at an office by ")
            ));
        }
        lines.push(line);
    }
    if let Some(summary) = &step.summary {
        lines.push(summary.to_string());
    }
    if let Some(agency) = &step.agency {
        lines.push(format!("{}{agency}", l("办理地点：", "Where: ")));
    }
    lines.push(format!(
        "{}{} · {}",
        l("方式：", "How: "),
        step.channel.say(lang),
        step.who.say(lang)
    ));
    if let Some(path) = &step.path {
        lines.push(format!("{}{path}", l("路径：", "Route: ")));
    }
    if !s.materials.is_empty() {
        lines.push(l("材料：", "Bring:").to_string());
        for m in &s.materials {
            lines.push(format!("- {}{}", m.name, lang.paren(&m.quantity(lang))));
        }
    }
    for t in &s.tips {
        lines.push(format!("{}{}", l("提示：", "Tip: "), t.text));
    }
    lines.push(format!(
        "{}{}",
        l("来源：", "Source: "),
        cite(plan.playbook, &step.source, lang)
    ));
    lines.push(format!("newborn show {}", step.id));
    lines.join("\n")
}

/// The plan as an iCalendar file.
pub(crate) fn render(plan: &Plan<'_>, lang: Lang) -> String {
    let birth = plan.profile.birth_date;
    let order = match plan.profile.facts.get("birth_order") {
        Some(Value::Int(n)) => *n,
        _ => 1,
    };
    let stamp = format!("{}T000000Z", ymd(plan.today));
    let sequence = (plan.today - birth).num_days().max(0);
    let mut out = String::new();
    let mut line = |l: String| out.push_str(&fold(&l));
    line("BEGIN:VCALENDAR".into());
    line("VERSION:2.0".into());
    line("PRODID:-//newborn//newborn checklist//ZH".into());
    line("CALSCALE:GREGORIAN".into());
    line("METHOD:PUBLISH".into());
    line(format!(
        "X-WR-CALNAME:{}",
        escape(&format!(
            "{}{}",
            lang.pick("新生儿办事清单：", "Newborn checklist: "),
            plan.requested.name(lang)
        ))
    ));
    for s in plan.steps() {
        let Some(day) = event_day(s) else { continue };
        let done = s.status == Status::Done;
        let is_deadline = s.deadline().is_some();
        let title = s.step.title(lang);
        let summary = match (done, is_deadline) {
            (true, _) => format!("✓ {title}"),
            (false, true) => format!("{}{title}", lang.pick("截止：", "Due: ")),
            (false, false) => title.to_string(),
        };
        line("BEGIN:VEVENT".into());
        line(format!(
            "UID:{}-{}-{}-{}@newborn",
            plan.requested.id,
            ymd(birth),
            order,
            s.step.id
        ));
        line(format!("DTSTAMP:{stamp}"));
        line(format!("SEQUENCE:{sequence}"));
        line(format!("DTSTART;VALUE=DATE:{}", ymd(day)));
        line(format!(
            "DTEND;VALUE=DATE:{}",
            ymd(day.checked_add_days(Days::new(1)).unwrap_or(day))
        ));
        line(format!("SUMMARY:{}", escape(&summary)));
        line(format!(
            "DESCRIPTION:{}",
            escape(&description(plan, s, lang))
        ));
        if let Some(agency) = &s.step.agency {
            line(format!("LOCATION:{}", escape(agency)));
        }
        line("CATEGORIES:newborn".into());
        line("TRANSP:TRANSPARENT".into());
        if !done {
            let ahead: &[&str] = if is_deadline {
                &["P3D", "P1D"]
            } else {
                &["P7D"]
            };
            for when in ahead {
                line("BEGIN:VALARM".into());
                line("ACTION:DISPLAY".into());
                line(format!("DESCRIPTION:{}", escape(&summary)));
                line(format!("TRIGGER:-{when}"));
                line("END:VALARM".into());
            }
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    }

    #[test]
    fn folds_cjk_on_character_boundaries_within_75_octets() {
        let text = format!("DESCRIPTION:{}", "出生医学证明".repeat(20));
        let folded = fold(&text);
        for l in folded.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(l.len() <= 75, "{} octets: {l}", l.len());
        }
        let unfolded = folded.replace("\r\n ", "");
        assert_eq!(unfolded, format!("{text}\r\n"));
    }
}
