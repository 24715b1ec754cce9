//! `export --format ics`: every dated open step as an all-day event with reminders (RFC 5545).
//!
//! UIDs are stable (region, birth date, birth order, step), so importing a newer export updates
//! the events instead of duplicating them. `SEQUENCE` grows with every export that changes an
//! event (kept in the data dir for a saved baby); `DTSTAMP` is the time of the export.
//! Reminders fire at 09:00 Beijing time: for an office visit, the working day before its last
//! office day and that day itself; for an overdue step, on the day of the export.

use super::{ExportContext, Exporter, cite};
use crate::calendar::Calendar;
use crate::facts::Value;
use crate::lang::{Lang, Say};
use crate::plan::{Plan, PlanStep, Status};
use crate::playbook::{Channel, Who};
use chrono::{DateTime, Days, NaiveDate, NaiveTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub(crate) struct Ics;

impl Exporter for Ics {
    fn name(&self) -> &'static str {
        "ics"
    }

    fn export(&self, plan: &Plan, ctx: &mut ExportContext) -> String {
        render(plan, ctx.calendar, ctx.lang, ctx.now, &mut ctx.sequences)
    }
}

/// The events as last exported: each UID's content hash and `SEQUENCE`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Sequences {
    pub events: BTreeMap<String, Exported>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Exported {
    /// FNV-1a of the event's lines but `DTSTAMP` and `SEQUENCE`.
    pub hash: u64,
    pub sequence: u32,
}

impl Sequences {
    /// The `SEQUENCE` of an event with `content`: as before if unchanged, one more if changed.
    fn next(&mut self, uid: &str, content: &str) -> u32 {
        let hash = fnv1a(content);
        let entry = self
            .events
            .entry(uid.to_string())
            .or_insert(Exported { hash, sequence: 0 });
        if entry.hash != hash {
            entry.hash = hash;
            entry.sequence += 1;
        }
        entry.sequence
    }
}

/// A 64-bit FNV-1a hash: stable across builds, unlike the standard library's hashers.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
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

/// 09:00 in Beijing (UTC+8, no daylight saving) on `day`, in UTC.
fn nine_am(day: NaiveDate) -> DateTime<Utc> {
    let local = day.and_time(NaiveTime::from_hms_opt(1, 0, 0).unwrap_or_default());
    Utc.from_utc_datetime(&local)
}

fn stamp(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// The day an event goes on: the deadline, else the window's last day, else the scheduled
/// start.
fn event_day(s: &PlanStep<'_>) -> Option<NaiveDate> {
    s.deadline()
        .map(|d| d.date)
        .or(s.window.map(|w| w.date))
        .or_else(|| s.step.start.and(s.earliest_start))
}

/// When to remind of an open step the family acts on: at 09:00 on days that can still help,
/// and, when none is left (or it is overdue), at the time of the export.
fn reminders(s: &PlanStep<'_>, calendar: &Calendar, now: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    if !s.status.is_open() || s.step.who == Who::Institution || s.status == Status::Confirm {
        return Vec::new();
    }
    let office = s.step.in_person || s.step.channel == Channel::Office;
    let last = s
        .deadline()
        .map(|d| d.office_day.unwrap_or(d.date))
        .or(s.window.map(|w| w.date));
    let days: Vec<NaiveDate> = match (last, s.step.start.and(s.earliest_start)) {
        (Some(last), _) if office => {
            let before = last
                .pred_opt()
                .map(|d| calendar.last_working_day_on_or_before(d));
            before.into_iter().chain([last]).collect()
        }
        (Some(last), _) => [3, 1]
            .iter()
            .filter_map(|&n| last.checked_sub_days(Days::new(n)))
            .collect(),
        (None, Some(start)) => start.checked_sub_days(Days::new(7)).into_iter().collect(),
        (None, None) => Vec::new(),
    };
    let mut at: Vec<DateTime<Utc>> = days.into_iter().map(nine_am).filter(|t| *t > now).collect();
    if at.is_empty() && (s.status == Status::Overdue || last.is_some()) {
        // On the day of the export: at 09:00 if that is still ahead, else in ten minutes.
        let today_nine = nine_am((now + chrono::Duration::hours(8)).date_naive());
        at.push(today_nine.max(now + chrono::Duration::minutes(10)));
    }
    at
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
                l("；要去办理窗口的，最后一个工作日 ", "; at an office by ")
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
        lines.push(format!("{}{}", l("提示：", "Tip: "), t.say(lang)));
    }
    lines.push(format!(
        "{}{}",
        l("来源：", "Source: "),
        cite(plan.playbook, &step.source, lang)
    ));
    lines.push(format!("newborn show {}", step.id));
    lines.join("\n")
}

/// The plan as an iCalendar file, exported at `now`; `sequences` holds the events as last
/// exported and is updated.
pub(crate) fn render(
    plan: &Plan<'_>,
    calendar: &Calendar,
    lang: Lang,
    now: DateTime<Utc>,
    sequences: &mut Sequences,
) -> String {
    let birth = plan.profile.birth_date;
    let order = match plan.profile.facts.get("birth_order") {
        Some(Value::Int(n)) => *n,
        _ => 1,
    };
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
        if !(s.status.is_open() || s.status == Status::Done) {
            continue;
        }
        let Some(day) = event_day(s) else { continue };
        let uid = format!(
            "{}-{}-{}-{}@newborn",
            plan.requested.id,
            ymd(birth),
            order,
            s.step.id
        );
        let body = event(plan, s, day, calendar, now, lang);
        let sequence = sequences.next(&uid, &body.join("\n"));
        line("BEGIN:VEVENT".into());
        line(format!("UID:{uid}"));
        line(format!("DTSTAMP:{}", stamp(now)));
        line(format!("SEQUENCE:{sequence}"));
        for l in body {
            line(l);
        }
        line("END:VEVENT".into());
    }
    line("END:VCALENDAR".into());
    out
}

/// An event's lines between `SEQUENCE` and `END:VEVENT`.
fn event(
    plan: &Plan<'_>,
    s: &PlanStep<'_>,
    day: NaiveDate,
    calendar: &Calendar,
    now: DateTime<Utc>,
    lang: Lang,
) -> Vec<String> {
    let title = s.step.title(lang);
    let summary = match s.status {
        Status::Done => format!("✓ {title}"),
        Status::Overdue => format!("{}{title}", lang.pick("已逾期：", "Overdue: ")),
        _ if s.deadline().is_some() || s.window.is_some() => {
            format!("{}{title}", lang.pick("截止：", "Due: "))
        }
        _ => title.to_string(),
    };
    let mut lines = vec![
        format!("DTSTART;VALUE=DATE:{}", ymd(day)),
        format!(
            "DTEND;VALUE=DATE:{}",
            ymd(day.checked_add_days(Days::new(1)).unwrap_or(day))
        ),
        format!("SUMMARY:{}", escape(&summary)),
        format!("DESCRIPTION:{}", escape(&description(plan, s, lang))),
    ];
    if let Some(agency) = &s.step.agency {
        lines.push(format!("LOCATION:{}", escape(agency)));
    }
    lines.push("CATEGORIES:newborn".into());
    lines.push("TRANSP:TRANSPARENT".into());
    for at in reminders(s, calendar, now) {
        lines.push("BEGIN:VALARM".into());
        lines.push("ACTION:DISPLAY".into());
        lines.push(format!("DESCRIPTION:{}", escape(&summary)));
        lines.push(format!("TRIGGER;VALUE=DATE-TIME:{}", stamp(at)));
        lines.push("END:VALARM".into());
    }
    lines
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
