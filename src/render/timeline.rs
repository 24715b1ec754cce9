//! The first year as a picture: an SVG timeline of the plan's dated steps, for `export --format
//! svg` and the top of the HTML page. Pure: the plan, the calendar and the language in, text out.
//!
//! Top to bottom: a title and a key; the year band (from the birth to the first birthday, or to
//! today when that is later), where the steps after the first 100 days have their marks and the
//! first 100 days show as ticks; the zoomed band of the first 100 days, one lane per step; then
//! the steps dated after the axis, as a list. Every step with a date (a deadline, or a day it
//! starts) has exactly one mark: a `<g class="mark" data-step="…">` with a `<title>` (its name,
//! date and status). Labels never overlap: the zoomed band gives each step a lane, and in the
//! year band a label that finds no free row is listed under the axis instead.

use super::{ExportContext, Exporter, status as status_word};
use crate::calendar::{Calendar, SpecialDay};
use crate::lang::Lang;
use crate::period::Unit;
use crate::plan::{Plan, PlanStep, StartReason, Status};
use chrono::{Datelike, Days, Months, NaiveDate};
use std::fmt::Write as _;
use unicode_width::UnicodeWidthChar;

pub(crate) struct Svg;

impl Exporter for Svg {
    fn name(&self) -> &'static str {
        "svg"
    }

    fn export(&self, plan: &Plan, ctx: &mut ExportContext) -> String {
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{}",
            render(plan, ctx.calendar, ctx.lang)
        )
    }
}

/// A status's colour: `light` on a white background, `dark` on a dark one (both with a
/// contrast of at least 4.5:1, so they also serve as text colours).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Tone {
    pub light: &'static str,
    pub dark: &'static str,
}

/// The one place a status gets its colour (its word is [`super::status`]).
pub(crate) fn tone(status: Status) -> Tone {
    match status {
        Status::Overdue => Tone {
            light: "#b91c1c",
            dark: "#f87171",
        },
        Status::Ready => Tone {
            light: "#1d4ed8",
            dark: "#60a5fa",
        },
        Status::Blocked => Tone {
            light: "#a14a05",
            dark: "#fbbf24",
        },
        Status::Waiting => Tone {
            light: "#6d28d9",
            dark: "#c4b5fd",
        },
        Status::Done => Tone {
            light: "#15803d",
            dark: "#4ade80",
        },
        Status::NotApplicable | Status::Elsewhere => Tone {
            light: "#4b5563",
            dark: "#9ca3af",
        },
        // To confirm: like a ready step, it asks the family something now.
        Status::Confirm => Tone {
            light: "#0e7490",
            dark: "#67e8f9",
        },
        Status::Skipped => Tone {
            light: "#4d7c0f",
            dark: "#a3e635",
        },
        // Can no longer be done: not red (nothing to act on), but not grey either.
        Status::Missed => Tone {
            light: "#9d174d",
            dark: "#f9a8d4",
        },
    }
}

/// The class that colours an element's fill (`f-`) or stroke (`k-`) by status; the HTML page's
/// dark variant recolours by these.
fn class(prefix: char, status: Status) -> String {
    format!("{prefix}-{}", status.as_str())
}

/// Escapes text for HTML and XML, in content and in quoted attributes; drops control characters
/// XML does not allow.
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            // Not allowed in XML (nor shown in HTML).
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// The width of one character in ems, estimated for a common sans-serif on the safe side: CJK
/// characters and typographic punctuation a full em, Latin letters by their kind.
fn char_width(c: char) -> f64 {
    match c {
        _ if c.width() == Some(2) || u32::from(c) >= 0x2000 => 1.0,
        'i' | 'l' | 'j' | 't' | 'f' | 'r' | 'I' | ' ' | '.' | ',' | ':' | ';' | '\'' => 0.3,
        '(' | ')' | '!' | '|' => 0.3,
        // A CJK font draws the middle dot a full em wide.
        '·' => 1.0,
        'm' | 'w' | 'M' | 'W' => 0.85,
        'A'..='Z' => 0.66,
        '0'..='9' => 0.57,
        _ => 0.53,
    }
}

/// The width of `text` at `px` pixels, estimated (see [`char_width`]).
pub(crate) fn text_width(text: &str, px: f64) -> f64 {
    text.chars().map(char_width).sum::<f64>() * px
}

/// `text`, cut with `…` to fit `max` pixels at `px`.
fn fit(text: &str, max: f64, px: f64) -> String {
    if text_width(text, px) <= max {
        return text.to_string();
    }
    // Room for the ellipsis (a full em).
    let mut room = max / px - 1.0;
    let mut out = String::new();
    for c in text.chars() {
        room -= char_width(c);
        if room < 0.0 {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

/// A run of listed days: consecutive days off, or make-up working days, of one holiday.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Run {
    pub name: String,
    pub off: bool,
    pub first: NaiveDate,
    pub last: NaiveDate,
}

/// The listed days in `(from, to]` as runs (a make-up working day is a run of its own).
pub(crate) fn runs(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for SpecialDay { date, off, name } in calendar.special_days_between(from, to) {
        match out.last_mut() {
            Some(r) if r.off && *off && r.name == *name && r.last.succ_opt() == Some(*date) => {
                r.last = *date;
            }
            _ => out.push(Run {
                name: name.to_string(),
                off: *off,
                first: *date,
                last: *date,
            }),
        }
    }
    out
}

/// `11月18日` / `Nov 18`.
pub(crate) fn short_date(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("{}月{}日", d.month(), d.day()),
        Lang::En => d.format("%b %-d").to_string(),
    }
}

/// `months` after `d` (clamped to the month's end), or the last date there is.
fn months_after(d: NaiveDate, months: u32) -> NaiveDate {
    d.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// `days` after `d`, or the last date there is.
pub(crate) fn days_after(d: NaiveDate, days: u64) -> NaiveDate {
    d.checked_add_days(Days::new(days))
        .unwrap_or(NaiveDate::MAX)
}

/// What a mark shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Shape {
    /// A deadline, and no window drawn to it.
    Deadline,
    /// A day the step starts (a scheduled check, a result expected).
    From,
    /// From `start` to `end`: the deadline, or the last day of a window that closes after it.
    Window { start: NaiveDate, end: NaiveDate },
}

/// A step with a date, as drawn.
struct Item<'p, 'a> {
    s: &'p PlanStep<'a>,
    /// Where the mark sits: the deadline, else the day it starts.
    date: NaiveDate,
    shape: Shape,
    /// The date is an estimate (a year whose holidays are not known).
    estimated: bool,
    /// Counted in working days: the holidays and make-up days it crosses are drawn.
    working: bool,
    /// The date is a window's last day (the step can no longer be done after it), not a
    /// deadline.
    last: bool,
}

impl Item<'_, '_> {
    fn start(&self) -> NaiveDate {
        match self.shape {
            Shape::Window { start, .. } => start,
            Shape::Deadline | Shape::From => self.date,
        }
    }

    /// Where the bar ends.
    fn end(&self) -> NaiveDate {
        match self.shape {
            Shape::Window { end, .. } => end,
            Shape::Deadline | Shape::From => self.date,
        }
    }

    fn status(&self) -> Status {
        self.s.status
    }

    fn title(&self, lang: Lang) -> &str {
        self.s.step.title(lang)
    }

    /// `4. `
    fn number(&self) -> String {
        self.s.number.map_or(String::new(), |n| format!("{n}. "))
    }

    /// `截止11月18日 · 可以办` / `from Nov 8 · waiting`.
    fn suffix(&self, lang: Lang) -> String {
        let approx = if self.estimated { "≈" } else { "" };
        let date = short_date(self.date, lang);
        let when = match (self.shape, self.last, lang) {
            (Shape::From, _, Lang::Zh) => format!("{approx}{date}起"),
            (Shape::From, _, Lang::En) => format!("from {approx}{date}"),
            (_, true, Lang::Zh) => format!("最晚{approx}{date}"),
            (_, true, Lang::En) => format!("last day {approx}{date}"),
            (_, false, Lang::Zh) => format!("截止{approx}{date}"),
            (_, false, Lang::En) => format!("by {approx}{date}"),
        };
        format!("{when} · {}", status_word(self.status(), lang))
    }

    /// The label in `max` pixels: the title is cut, the number, date and status are kept.
    fn label(&self, lang: Lang, max: f64) -> String {
        let number = self.number();
        let suffix = self.suffix(lang);
        let fixed = text_width(&format!("{number}  {suffix}"), LABEL);
        let title = fit(self.title(lang), (max - fixed).max(LABEL * 2.0), LABEL);
        format!("{number}{title}  {suffix}")
    }

    /// The label on two lines, in `max` pixels: the number and title (cut), then the date and
    /// status.
    fn two_lines(&self, lang: Lang, max: f64) -> (String, String) {
        let number = self.number();
        let title = fit(self.title(lang), max - text_width(&number, LABEL), LABEL);
        (format!("{number}{title}"), self.suffix(lang))
    }

    fn full_label(&self, lang: Lang) -> String {
        format!(
            "{}{}  {}",
            self.number(),
            self.title(lang),
            self.suffix(lang)
        )
    }

    /// The `<title>`: name, dates and status.
    fn tooltip(&self, lang: Lang) -> String {
        let est = if self.estimated {
            lang.pick("（估算）", " (estimated)")
        } else {
            ""
        };
        let when = match (self.shape, lang) {
            (Shape::From, Lang::Zh) => format!("{}{est} 起", self.date),
            (Shape::From, Lang::En) => format!("from {}{est}", self.date),
            (Shape::Deadline, Lang::Zh) if self.last => format!("最晚 {}{est}", self.date),
            (Shape::Deadline, Lang::En) if self.last => format!("last day {}{est}", self.date),
            (Shape::Deadline, Lang::Zh) => format!("截止 {}{est}", self.date),
            (Shape::Deadline, Lang::En) => format!("due {}{est}", self.date),
            (Shape::Window { start, end }, Lang::Zh) if end > self.date => {
                format!("截止 {}；办理期 {start} 至 {end}{est}", self.date)
            }
            (Shape::Window { start, end }, Lang::En) if end > self.date => {
                format!("due {}; open {start} to {end}{est}", self.date)
            }
            (Shape::Window { start, .. }, Lang::Zh) => {
                let end = if self.last { "最晚可办" } else { "截止" };
                format!("{start} 至 {}{est}（{end}）", self.date)
            }
            (Shape::Window { start, .. }, Lang::En) => {
                let end = if self.last { "last day" } else { "deadline" };
                format!("{start} to {}{est} ({end})", self.date)
            }
        };
        let mut out = format!(
            "{}{}{}{when}{}{}",
            self.number(),
            self.title(lang),
            lang.pick("：", ": "),
            lang.pick("；", "; "),
            status_word(self.status(), lang)
        );
        if let Some(done) = self.s.done_on {
            out.push_str(&match lang {
                Lang::Zh => format!("，{done} 办完"),
                Lang::En => format!(", done {done}"),
            });
        }
        out
    }
}

/// The steps with a date, in date order, and the number of those without.
fn items<'p, 'a>(plan: &'p Plan<'a>, calendar: &Calendar) -> (Vec<Item<'p, 'a>>, usize) {
    let mut out = Vec::new();
    let mut undated = 0;
    for s in plan.steps() {
        if let Some(d) = s.deadline() {
            // A window that closes after the deadline is drawn to its end.
            let window = s.window.as_ref().filter(|w| w.date > d.date);
            let working = window.map_or(d.rule, |w| w.rule).period().unit == Unit::WorkingDays;
            let start = match s.earliest_start {
                Some(start) => Some(start),
                None if window.is_some() => Some(plan.profile.birth_date),
                None if working => Some(d.from.day()),
                None => None,
            };
            let end = window.map_or(d.date, |w| w.date);
            let shape = match start {
                Some(start) if start < end => Shape::Window { start, end },
                _ => Shape::Deadline,
            };
            out.push(Item {
                s,
                date: d.date,
                shape,
                estimated: d.estimated || window.is_some_and(|w| w.estimated),
                working,
                last: false,
            });
        } else if let Some(w) = &s.window {
            // A window counts from the birth: drawn from then (or the day it opens).
            let start = s.earliest_start.unwrap_or(plan.profile.birth_date);
            out.push(Item {
                s,
                date: w.date,
                shape: if start < w.date {
                    Shape::Window { start, end: w.date }
                } else {
                    Shape::Deadline
                },
                estimated: w.estimated,
                working: w.rule.period().unit == Unit::WorkingDays,
                last: true,
            });
        } else if let Some(start) = s.earliest_start {
            out.push(Item {
                s,
                date: start,
                shape: Shape::From,
                estimated: start_estimated(plan, s, start, calendar),
                working: false,
                last: false,
            });
        } else {
            undated += 1;
        }
    }
    out.sort_by_key(|i| (i.date, i.start(), i.s.number));
    (out, undated)
}

/// Whether a start day was counted in working days across a year whose holidays are unknown.
fn start_estimated(plan: &Plan<'_>, s: &PlanStep<'_>, start: NaiveDate, cal: &Calendar) -> bool {
    let from = match &s.start_reason {
        Some(StartReason::Age(p)) if p.unit == Unit::WorkingDays => Some(plan.profile.birth_date),
        Some(StartReason::LeadTime { step, range }) if range.min.unit == Unit::WorkingDays => {
            plan.find(&step.id).and_then(|p| p.done_on)
        }
        _ => None,
    };
    from.is_some_and(|from| cal.unknown_years(from, start).next().is_some())
}

// Geometry, in SVG user units (CSS pixels at 1:1).
const WIDTH: f64 = 800.0;
const X0: f64 = 14.0;
const X1: f64 = 786.0;
/// Label text size.
const LABEL: f64 = 12.0;
const SMALL: f64 = 10.0;
/// The zoomed band's days.
const ZOOM_DAYS: i64 = 100;
const LANE: f64 = 21.0;
/// Rows for labels above the year axis.
const YEAR_ROWS: usize = 3;
const ROW: f64 = 30.0;

/// A date axis: `from` at `X0`, `to` at `X1`.
#[derive(Clone, Copy)]
struct Scale {
    from: NaiveDate,
    to: NaiveDate,
}

impl Scale {
    fn x(&self, d: NaiveDate) -> f64 {
        let span = (self.to - self.from).num_days().max(1) as f64;
        let days = (d - self.from).num_days() as f64;
        X0 + (days / span).clamp(0.0, 1.0) * (X1 - X0)
    }

    fn contains(&self, d: NaiveDate) -> bool {
        self.from <= d && d <= self.to
    }
}

/// The SVG text being built.
struct Out {
    svg: String,
    y: f64,
}

impl Out {
    fn push(&mut self, s: impl AsRef<str>) {
        self.svg.push_str(s.as_ref());
        self.svg.push('\n');
    }
}

/// `<text>` at (x, y).
fn text(x: f64, y: f64, class: &str, anchor: &str, body: &str) -> String {
    let anchor = match anchor {
        "start" => String::new(),
        a => format!(" text-anchor=\"{a}\""),
    };
    format!(
        "<text x=\"{x:.1}\" y=\"{y:.1}\" class=\"{class}\"{anchor}>{}</text>",
        esc(body)
    )
}

/// A mark's shape at (x, y): a diamond for a deadline, a circle for a start.
fn mark_shape(item: &Item<'_, '_>, x: f64, y: f64, r: f64) -> String {
    let st = item.status();
    let fill = tone(st).light;
    let dash = if item.estimated {
        " stroke-dasharray=\"2 1.5\" fill-opacity=\"0.35\""
    } else {
        ""
    };
    let classes = format!("{} {}", class('f', st), class('k', st));
    match item.shape {
        Shape::From => format!(
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" class=\"{classes}\" fill=\"{fill}\" stroke=\"{fill}\" stroke-width=\"1.5\"{dash}/>",
            r * 0.85
        ),
        Shape::Deadline | Shape::Window { .. } => format!(
            "<path d=\"M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z\" class=\"{classes}\" fill=\"{fill}\" stroke=\"{fill}\" stroke-width=\"1.5\"{dash}/>",
            y - r,
            x + r,
            y + r,
            x - r
        ),
    }
}

/// A window's bar at `y` (its middle), `h` high, with the holidays (hatched) and make-up
/// working days (a stroke across) it crosses when it counts working days.
fn window_bar(item: &Item<'_, '_>, scale: &Scale, y: f64, h: f64, calendar: &Calendar) -> String {
    let st = item.status();
    let fill = tone(st).light;
    let (x0, x1) = (scale.x(item.start()), scale.x(item.end()));
    let dash = if item.estimated {
        " stroke-dasharray=\"4 3\""
    } else {
        ""
    };
    let mut out = format!(
        "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" rx=\"2\" class=\"bar {} {}\" fill=\"{fill}\" fill-opacity=\"0.22\" stroke=\"{fill}\" stroke-width=\"1\"{dash}/>",
        y - h / 2.0,
        (x1 - x0).max(1.0),
        class('f', st),
        class('k', st),
    );
    if item.working {
        let day = (scale.x(days_after(scale.from, 1)) - scale.x(scale.from)).max(1.0);
        for r in runs(calendar, item.start(), item.end()) {
            let rx0 = scale.x(r.first) - day / 2.0;
            let rx1 = scale.x(r.last) + day / 2.0;
            if r.off {
                let _ = write!(
                    out,
                    "<rect x=\"{rx0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{h:.1}\" class=\"off\" fill=\"url(#off)\" stroke=\"#6b7280\" stroke-width=\"0.6\"/>",
                    y - h / 2.0,
                    (rx1 - rx0).max(1.5)
                );
            } else {
                let xm = scale.x(r.first);
                let _ = write!(
                    out,
                    "<path d=\"M{xm:.1} {:.1}V{:.1}\" class=\"workday\" stroke=\"#111827\" stroke-width=\"2\"/>",
                    y - h / 2.0 - 2.0,
                    y + h / 2.0 + 2.0
                );
            }
        }
    }
    out
}

/// Opens one step's mark: an image to assistive technology, named by its `<title>`.
fn open_mark(item: &Item<'_, '_>, lang: Lang) -> String {
    format!(
        "<g class=\"mark\" role=\"img\" data-step=\"{}\" data-status=\"{}\"><title>{}</title>",
        esc(&item.s.step.id),
        item.status().as_str(),
        esc(&item.tooltip(lang))
    )
}

/// The statuses of the items, in a fixed order of first appearance in the key.
fn statuses(items: &[Item<'_, '_>]) -> Vec<Status> {
    let mut out: Vec<Status> = items.iter().map(|i| i.status()).collect();
    out.sort();
    out.dedup();
    out
}

/// Something drawn in a flowing line: its width, and how to draw it at (x, baseline y).
type Entry<'e> = (f64, Box<dyn Fn(f64, f64) -> String + 'e>);

/// Lays `entries` out in lines from `X0`, wrapping at `X1`; returns the markup and the number
/// of lines used.
fn flow(entries: &[Entry<'_>], y: f64, line: f64) -> (String, usize) {
    let mut out = String::new();
    let (mut x, mut y, mut lines) = (X0, y, 1);
    for (width, draw) in entries {
        if x > X0 && x + width > X1 {
            x = X0;
            y += line;
            lines += 1;
        }
        out.push_str(&draw(x, y));
        x += width + 14.0;
    }
    (out, lines)
}

/// The key: status colours with their words, and what the shapes mean.
fn key(out: &mut Out, items: &[Item<'_, '_>], today: NaiveDate, lang: Lang) {
    let mut entries: Vec<Entry<'_>> = Vec::new();
    let word = |x: f64, y: f64, w: &str| text(x + 14.0, y, "key", "start", w);
    for st in statuses(items) {
        let w = status_word(st, lang);
        entries.push((
            14.0 + text_width(w, SMALL + 1.0),
            Box::new(move |x, y| {
                format!(
                    "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"10\" height=\"10\" rx=\"2\" class=\"{}\" fill=\"{}\"/>{}",
                    y - 9.0,
                    class('f', st),
                    tone(st).light,
                    word(x, y, w)
                )
            }),
        ));
    }
    let any = |f: &dyn Fn(&Item<'_, '_>) -> bool| items.iter().any(f);
    let mut shapes: Vec<(&str, &str)> = Vec::new();
    if any(&|i| matches!(i.shape, Shape::Deadline | Shape::Window { .. })) {
        shapes.push((
            "<path d=\"M5 -9L10 -4L5 1L0 -4Z\" class=\"ink\" fill=\"#374151\"/>",
            lang.pick("截止日", "deadline"),
        ));
    }
    if any(&|i| i.shape == Shape::From) {
        shapes.push((
            "<circle cx=\"5\" cy=\"-4\" r=\"4.3\" class=\"ink\" fill=\"#374151\"/>",
            lang.pick("开始日", "starts"),
        ));
    }
    if any(&|i| matches!(i.shape, Shape::Window { .. })) {
        shapes.push((
            "<rect x=\"0\" y=\"-8\" width=\"10\" height=\"8\" class=\"ink bar\" fill=\"#374151\" fill-opacity=\"0.25\" stroke=\"#374151\"/>",
            lang.pick("办理期", "window"),
        ));
    }
    if any(&|i| i.working && matches!(i.shape, Shape::Window { .. })) {
        shapes.push((
            "<rect x=\"0\" y=\"-8\" width=\"10\" height=\"8\" class=\"off\" fill=\"url(#off)\" stroke=\"#6b7280\" stroke-width=\"0.6\"/>",
            lang.pick("法定节假日", "public holiday"),
        ));
        shapes.push((
            "<path d=\"M5 -10V2\" class=\"workday\" stroke=\"#111827\" stroke-width=\"2\"/>",
            lang.pick("调休上班", "make-up working day"),
        ));
    }
    if any(&|i| i.estimated) {
        shapes.push((
            "<path d=\"M5 -9L10 -4L5 1L0 -4Z\" class=\"ink\" fill=\"#374151\" fill-opacity=\"0.35\" stroke=\"#374151\" stroke-dasharray=\"2 1.5\"/>",
            lang.pick("估算（节假日未公布）", "estimated (holidays not published)"),
        ));
    }
    let today = format!("{} {today}", lang.pick("今天", "today"));
    entries.push((
        14.0 + text_width(&today, SMALL + 1.0),
        Box::new(move |x, y| {
            format!(
                "<path d=\"M{:.1} {:.1}V{:.1}\" class=\"today-line\" stroke=\"#111827\" stroke-width=\"1.5\" stroke-dasharray=\"3 2\"/>{}",
                x + 5.0,
                y - 11.0,
                y + 2.0,
                word(x, y, &today)
            )
        }),
    ));
    for (shape, w) in shapes {
        entries.push((
            14.0 + text_width(w, SMALL + 1.0),
            Box::new(move |x, y| {
                format!(
                    "<g transform=\"translate({x:.1} {y:.1})\">{shape}</g>{}",
                    word(x, y, w)
                )
            }),
        ));
    }
    let (markup, lines) = flow(&entries, out.y, 16.0);
    out.push(format!(
        "<g class=\"legend\" aria-hidden=\"true\">{markup}</g>"
    ));
    out.y += lines as f64 * 16.0;
}

/// Spans of a line of text already taken, and vertical lines that cross it, to keep labels
/// apart and uncrossed.
#[derive(Default)]
struct Taken {
    spans: Vec<(f64, f64)>,
    lines: Vec<f64>,
}

impl Taken {
    /// Takes `[a, b]` if it is within the picture, clear of the spans taken and crossed by no
    /// line.
    fn put(&mut self, a: f64, b: f64) -> bool {
        let clear = a >= 2.0
            && b <= WIDTH - 2.0
            && self.spans.iter().all(|&(l, h)| b + 6.0 < l || a > h + 6.0)
            && self.lines.iter().all(|&x| x < a - 1.5 || x > b + 1.5);
        if clear {
            self.spans.push((a, b));
        }
        clear
    }
}

/// A vertical line for today from `top` to `bottom`, labelled at `label_y` right of the line,
/// else left of it, where `taken` is clear.
fn today_line(
    scale: &Scale,
    today: NaiveDate,
    (top, bottom, label_y): (f64, f64, f64),
    taken: &mut Taken,
    lang: Lang,
) -> String {
    if today < scale.from || today > scale.to {
        return String::new();
    }
    let x = scale.x(today);
    let word = format!("{} {}", lang.pick("今天", "today"), short_date(today, lang));
    let w = text_width(&word, SMALL);
    let label = if taken.put(x + 3.0, x + 3.0 + w) {
        text(x + 3.0, label_y, "today-label", "start", &word)
    } else if taken.put(x - 3.0 - w, x - 3.0) {
        text(x - 3.0, label_y, "today-label", "end", &word)
    } else {
        String::new()
    };
    format!(
        "<g class=\"today\" aria-hidden=\"true\"><path d=\"M{x:.1} {top:.1}V{bottom:.1}\" class=\"today-line\" stroke=\"#111827\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"/>{label}</g>"
    )
}

/// Ticks on an axis at `y`: each with its label (`出生`, `1个月`, `第10天` …) and its date
/// under it, the year shown at the first tick and where it changes (where that fits).
fn ticks(scale: &Scale, y: f64, at: &[(NaiveDate, String)]) -> String {
    let mut out = String::new();
    let (mut labels, mut dates) = (Taken::default(), Taken::default());
    let mut year = None;
    for (d, label) in at {
        let x = scale.x(*d);
        let _ = write!(
            out,
            "<path d=\"M{x:.1} {:.1}V{:.1}\" class=\"tick\" stroke=\"#6b7280\"/>",
            y - 4.0,
            y + 4.0
        );
        // Centred; from the tick at the left edge, to it at the right edge.
        let place = |w: f64| {
            if x - w / 2.0 < 2.0 {
                (x - 2.0, "start", x - 2.0, x - 2.0 + w)
            } else if x + w / 2.0 > WIDTH - 2.0 {
                (x + 2.0, "end", x + 2.0 - w, x + 2.0)
            } else {
                (x, "middle", x - w / 2.0, x + w / 2.0)
            }
        };
        let (tx, anchor, a, b) = place(text_width(label, 11.0));
        if labels.put(a, b) {
            out.push_str(&text(tx, y + 16.0, "age", anchor, label));
        }
        let full = d.format("%Y-%m-%d").to_string();
        let short = d.format("%m-%d").to_string();
        let candidates = if year != Some(d.year()) {
            vec![full, short]
        } else {
            vec![short]
        };
        for date in candidates {
            let (tx, anchor, a, b) = place(text_width(&date, SMALL));
            if dates.put(a, b) {
                if date.len() > 5 {
                    year = Some(d.year());
                }
                out.push_str(&text(tx, y + 28.0, "date", anchor, &date));
                break;
            }
        }
    }
    out
}

/// The month ages from the birth to the end of `scale`: `出生`, `1个月` ….
fn month_ticks(scale: &Scale, y: f64, lang: Lang) -> String {
    let mut at = Vec::new();
    // Every month across a year; every 3 months across the longer axis of a late plan.
    let step = if (scale.to - scale.from).num_days() > 400 {
        3
    } else {
        1
    };
    let mut m = 0u32;
    while let Some(d) = scale.from.checked_add_months(Months::new(m)) {
        if d > scale.to {
            break;
        }
        at.push((
            d,
            match (m, lang) {
                (0, Lang::Zh) => "出生".to_string(),
                (0, Lang::En) => "birth".to_string(),
                (m, Lang::Zh) => format!("{m}个月"),
                (m, Lang::En) => format!("{m} mo"),
            },
        ));
        m += step;
    }
    ticks(scale, y, &at)
}

/// The SVG: the year band, the first 100 days, and what comes after the axis.
pub(crate) fn render(plan: &Plan<'_>, calendar: &Calendar, lang: Lang) -> String {
    let birth = plan.profile.birth_date;
    let year_end = months_after(birth, 12);
    // To today when it is after the first birthday, but no further than the third.
    let third = months_after(birth, 36);
    let end = year_end.max(days_after(plan.today, 14).min(third));
    let year = Scale {
        from: birth,
        to: end,
    };
    let zoom = Scale {
        from: birth,
        to: days_after(birth, ZOOM_DAYS as u64),
    };
    let (items, undated) = items(plan, calendar);

    let mut out = Out {
        svg: String::new(),
        y: 0.0,
    };
    let title = match lang {
        Lang::Zh => format!("{}：出生后第一年的办事时间线", plan.requested.name(lang)),
        Lang::En => format!(
            "{}: the first year, step by step",
            plan.requested.name(lang)
        ),
    };
    out.y = 22.0;
    out.push(text(X0, out.y, "h", "start", &title));
    out.y += 20.0;
    key(&mut out, &items, plan.today, lang);
    out.y += 6.0;

    year_band(&mut out, plan, &items, &year, &zoom, calendar, lang);
    out.y += 10.0;
    zoom_band(&mut out, plan, &items, &zoom, calendar, lang);
    after_axis(&mut out, &items, &year, undated, lang);

    let height = out.y + 8.0;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"tl\" viewBox=\"0 0 {WIDTH} {height:.0}\" width=\"{WIDTH}\" height=\"{height:.0}\" role=\"group\" aria-labelledby=\"tl-title\" font-family=\"'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei','Noto Sans',sans-serif\">\n"
    );
    let _ = writeln!(svg, "<title id=\"tl-title\">{}</title>", esc(&title));
    svg.push_str(STYLE);
    let _ = writeln!(
        svg,
        "<rect class=\"bg\" x=\"0\" y=\"0\" width=\"{WIDTH}\" height=\"{height:.0}\" fill=\"#ffffff\"/>"
    );
    svg.push_str(&out.svg);
    svg.push_str("</svg>\n");
    svg
}

/// The SVG's own styles: text sizes and colours (the HTML page adds a dark variant).
const STYLE: &str = "<defs><pattern id=\"off\" width=\"4\" height=\"4\" patternUnits=\"userSpaceOnUse\" patternTransform=\"rotate(45)\"><rect width=\"4\" height=\"4\" fill=\"#e5e7eb\"/><path d=\"M0 0V4\" stroke=\"#6b7280\" stroke-width=\"1.6\"/></pattern></defs>
<style>
.tl text{fill:#1f2937;font-size:12px}
.tl .h{font-size:15px;font-weight:700}
.tl .band{font-size:13px;font-weight:700}
.tl .key,.tl .age{font-size:11px}
.tl .date,.tl .hol,.tl .today-label,.tl .note{font-size:10px;fill:#4b5563}
.tl .hol{font-size:9px}
.tl .sub{font-size:11px}
.tl .halo{paint-order:stroke;stroke:#ffffff;stroke-width:3px;stroke-linejoin:round}
</style>
";

/// A label placed in the year band: its row (0 nearest the axis), its span, its leader's x.
struct Placed {
    row: usize,
    a: f64,
    b: f64,
    x: f64,
}

/// A label in the year band: its row, where its text is anchored, and its two lines.
struct YearLabel {
    row: usize,
    x: f64,
    anchor: &'static str,
    lines: (String, String),
}

/// Label rows above the year axis, row 0 nearest, for the marks `here`; with the rows used.
/// A label takes the nearest row where it overlaps no label, no label nearer the axis covers
/// its leader, and no leader from a label further up crosses it; a label with no such row is
/// `None` (listed under the axis). A label runs left to its mark, or right from it.
fn year_labels(
    here: &[&Item<'_, '_>],
    scale: &Scale,
    lang: Lang,
) -> (Vec<Option<YearLabel>>, usize) {
    let mut placed: Vec<Placed> = Vec::new();
    let mut labels: Vec<Option<YearLabel>> = Vec::new();
    for item in here {
        let x = scale.x(item.date);
        let mut label = item.two_lines(lang, 190.0);
        let width = |l: &(String, String)| text_width(&l.0, LABEL).max(text_width(&l.1, LABEL));
        let mut w = width(&label);
        if x + 4.0 - w < 2.0 && x - 4.0 + w > WIDTH - 2.0 {
            label = item.two_lines(lang, x - 8.0);
            w = width(&label);
        }
        // Left of the mark first: the marks to come are to the right.
        let sides = [(x + 4.0 - w, "end"), (x - 4.0, "start")];
        let fits = |&&(a, _): &&(f64, &str)| a >= 2.0 && a + w <= WIDTH - 2.0;
        let free = |r: usize, a: f64| {
            let b = a + w;
            placed.iter().all(|p| {
                let apart = b + 10.0 < p.a || a > p.b + 10.0;
                match p.row.cmp(&r) {
                    std::cmp::Ordering::Equal => apart,
                    std::cmp::Ordering::Less => x < p.a - 4.0 || x > p.b + 4.0,
                    std::cmp::Ordering::Greater => p.x < a - 4.0 || p.x > b + 4.0,
                }
            })
        };
        let spot = (0..YEAR_ROWS).find_map(|r| {
            sides
                .iter()
                .filter(fits)
                .find(|&&(a, _)| free(r, a))
                .map(|&(a, anchor)| (r, a, anchor))
        });
        labels.push(spot.map(|(r, a, anchor)| {
            placed.push(Placed {
                row: r,
                a,
                b: a + w,
                x,
            });
            YearLabel {
                row: r,
                x: if anchor == "start" { a } else { a + w },
                anchor,
                lines: label,
            }
        }));
    }
    let used = placed.iter().map(|p| p.row + 1).max().unwrap_or(0);
    (labels, used)
}

/// Labels that found no row: listed, in date order, under the axis (the mark's <title> says
/// the same).
fn also_listed(out: &mut Out, listed: &[&Item<'_, '_>], lang: Lang) {
    if listed.is_empty() {
        return;
    }
    let lead = lang.pick("另见：", "Also: ");
    let mut entries: Vec<Entry<'_>> = vec![(
        text_width(lead, LABEL),
        Box::new(move |x, y| text(x, y, "label", "start", lead)),
    )];
    for item in listed {
        let label = item.full_label(lang);
        entries.push((
            text_width(&label, LABEL),
            Box::new(move |x, y| text(x, y, "label", "start", &label)),
        ));
    }
    out.y += 14.0;
    let (markup, lines) = flow(&entries, out.y, 16.0);
    out.push(format!("<g aria-hidden=\"true\">{markup}</g>"));
    out.y += lines as f64 * 16.0 - 10.0;
}

/// The year band: label rows, window lanes and the axis; marks for the steps after the first
/// 100 days, ticks for those in them.
fn year_band(
    out: &mut Out,
    plan: &Plan<'_>,
    items: &[Item<'_, '_>],
    scale: &Scale,
    zoom: &Scale,
    calendar: &Calendar,
    lang: Lang,
) {
    let top = out.y;
    let first_year = months_after(scale.from, 12) >= scale.to;
    let band = match (first_year, lang) {
        (true, Lang::Zh) => "第一年",
        (true, Lang::En) => "The first year",
        (false, Lang::Zh) => "出生至今",
        (false, Lang::En) => "From the birth to today",
    };
    out.push(text(X0, top + 12.0, "band", "start", band));
    // The steps whose marks are here: dated after the zoomed days, within the axis.
    let here: Vec<&Item<'_, '_>> = items
        .iter()
        .filter(|i| i.date > zoom.to && scale.contains(i.date))
        .collect();
    let zx = scale.x(zoom.to);
    let (labels, used) = year_labels(&here, scale, lang);
    let rows_top = top + 20.0;
    let row_y = |r: usize| rows_top + (used - 1 - r) as f64 * ROW + 12.0;
    let line2 = 14.0;
    // Window lanes under the labels: one per window here.
    let windows = here
        .iter()
        .filter(|i| matches!(i.shape, Shape::Window { .. }))
        .count();
    let lanes_top = rows_top + used as f64 * ROW + 6.0;
    let axis = lanes_top + windows as f64 * 14.0 + 10.0;

    // The first 100 days, shaded, pointing down to their band.
    out.push(format!(
        "<rect x=\"{X0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" class=\"zoom-area\" fill=\"#f3f4f6\" stroke=\"#d1d5db\"/>",
        rows_top - 2.0,
        zx - X0,
        axis - rows_top + 2.0
    ));
    out.push(format!(
        "<path d=\"M{X0:.1} {axis:.1}H{X1:.1}\" class=\"axis\" stroke=\"#374151\" stroke-width=\"1.2\"/>"
    ));
    // Ticks for the steps in the first 100 days (their marks are in the zoomed band).
    let mut ticks = String::new();
    for item in items.iter().filter(|i| i.date <= zoom.to) {
        let x = scale.x(item.date);
        let _ = write!(
            ticks,
            "<path d=\"M{x:.1} {:.1}V{:.1}\" class=\"{}\" stroke=\"{}\" stroke-width=\"2\"/>",
            axis - 7.0,
            axis,
            class('k', item.status()),
            tone(item.status()).light
        );
    }
    out.push(format!("<g aria-hidden=\"true\">{ticks}</g>"));

    let mut lane = 0;
    let mut listed: Vec<&Item<'_, '_>> = Vec::new();
    for (item, place) in here.iter().zip(&labels) {
        let x = scale.x(item.date);
        let mut g = open_mark(item, lang);
        if let Shape::Window { .. } = item.shape {
            let y = lanes_top + lane as f64 * 14.0 + 5.0;
            lane += 1;
            g.push_str(&window_bar(item, scale, y, 8.0, calendar));
        }
        match place {
            Some(YearLabel {
                row,
                x: tx,
                anchor,
                lines: (first, second),
            }) => {
                let y = row_y(*row);
                let _ = write!(
                    g,
                    "<path d=\"M{x:.1} {:.1}V{axis:.1}\" class=\"leader\" stroke=\"#9ca3af\" stroke-width=\"1\"/>",
                    y - 10.0
                );
                g.push_str(&text(*tx, y, "label halo", anchor, first));
                g.push_str(&text(*tx, y + line2, "label halo sub", anchor, second));
            }
            None => listed.push(item),
        }
        g.push_str(&mark_shape(item, x, axis, 6.0));
        g.push_str("</g>");
        out.push(g);
    }
    out.push(format!(
        "<g aria-hidden=\"true\">{}</g>",
        month_ticks(scale, axis, lang)
    ));
    let mut taken = Taken::default();
    taken.put(X0, X0 + text_width(band, 13.0));
    out.push(today_line(
        scale,
        plan.today,
        (top + 17.0, axis + 4.0, top + 12.0),
        &mut taken,
        lang,
    ));
    out.y = axis + 34.0;
    also_listed(out, &listed, lang);
}

/// One lane of the zoomed band at height `y`: the step's window bar, its mark (or an arrow
/// where it runs on past the band) and its label.
fn zoom_lane(
    item: &Item<'_, '_>,
    marked_here: bool,
    y: f64,
    scale: &Scale,
    calendar: &Calendar,
    lang: Lang,
) -> String {
    let (x0, x1) = (scale.x(item.start()), scale.x(item.date));
    let mut g = if marked_here {
        open_mark(item, lang)
    } else {
        "<g aria-hidden=\"true\">".to_string()
    };
    if let Shape::Window { .. } = item.shape {
        g.push_str(&window_bar(item, scale, y, 10.0, calendar));
    }
    if marked_here {
        g.push_str(&mark_shape(item, x1, y, 6.5));
    } else {
        // Runs on past the band: an arrow at its edge.
        let _ = write!(
            g,
            "<path d=\"M{:.1} {:.1}L{X1:.1} {y:.1}L{:.1} {:.1}Z\" class=\"{}\" fill=\"{}\"/>",
            X1 - 7.0,
            y - 6.0,
            X1 - 7.0,
            y + 6.0,
            class('f', item.status()),
            tone(item.status()).light
        );
    }
    // The label: after the mark (and the bar, when a window runs on past it), else before
    // the window, else over the bar on the side of the mark with more room.
    let xe = x1.max(scale.x(item.end().min(scale.to)));
    let right = X1 - (xe + 10.0);
    let left = x0 - 10.0 - X0;
    let full = item.full_label(lang);
    let w = text_width(&full, LABEL);
    let (tx, anchor, room, over_bar) = if marked_here && w <= right {
        (xe + 10.0, "start", right, false)
    } else if w <= left {
        (x0 - 10.0, "end", left, false)
    } else if marked_here && right >= left && right >= 160.0 {
        (xe + 10.0, "start", right, false)
    } else if left >= 160.0 {
        (x0 - 10.0, "end", left, false)
    } else if marked_here && X1 - 12.0 - (x1 + 10.0) > x1 - 10.0 - (x0.max(X0) + 6.0) {
        // Over the bar, after the mark, where there is more room than before it.
        (x1 + 10.0, "start", X1 - 12.0 - (x1 + 10.0), true)
    } else {
        let end = if marked_here { x1 - 10.0 } else { X1 - 12.0 };
        (x0.max(X0) + 6.0, "start", end - x0.max(X0) - 6.0, true)
    };
    let label = item.label(lang, room.max(120.0));
    if over_bar {
        // On a background of its own, so that the bar does not run through it.
        let _ = write!(
            g,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"15\" rx=\"3\" class=\"label-bg\" fill=\"#ffffff\"/>",
            tx - 3.0,
            y - 7.5,
            text_width(&label, LABEL) + 6.0
        );
    }
    g.push_str(&text(tx, y + 4.0, "label halo", anchor, &label));
    g.push_str("</g>");
    g
}

/// The zoomed band's background: holidays off as shaded columns and month ages as guides,
/// their names on the line `head` where `taken` leaves room.
fn zoom_background(
    scale: &Scale,
    calendar: &Calendar,
    (lanes_top, axis, head): (f64, f64, f64),
    taken: &mut Taken,
    lang: Lang,
) -> String {
    let day = scale.x(days_after(scale.from, 1)) - scale.x(scale.from);
    let mut back = String::new();
    for r in runs(calendar, scale.from, scale.to)
        .iter()
        .filter(|r| r.off)
    {
        let x0 = scale.x(r.first) - day / 2.0;
        let x1 = (scale.x(r.last) + day / 2.0).min(X1);
        let _ = write!(
            back,
            "<rect x=\"{x0:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" class=\"holiday\" fill=\"#f3f4f6\"/>",
            lanes_top - 4.0,
            x1 - x0,
            axis - lanes_top + 4.0
        );
        let (xm, w) = ((x0 + x1) / 2.0, text_width(&r.name, 9.0));
        if taken.put(xm - w / 2.0, xm + w / 2.0) {
            back.push_str(&text(xm, head, "hol", "middle", &r.name));
        }
    }
    let mut m = 1;
    while let Some(d) = scale.from.checked_add_months(Months::new(m)) {
        if d > scale.to {
            break;
        }
        let x = scale.x(d);
        let age = match lang {
            Lang::Zh if m == 1 => "满月".to_string(),
            Lang::Zh => format!("{m}个月"),
            Lang::En => format!("{m} mo"),
        };
        let _ = write!(
            back,
            "<path d=\"M{x:.1} {:.1}V{axis:.1}\" class=\"guide\" stroke=\"#9ca3af\" stroke-dasharray=\"2 3\"/>",
            head + 3.0
        );
        let w = text_width(&age, 11.0);
        if taken.put(x - w / 2.0, x + w / 2.0) {
            back.push_str(&text(x, head, "age", "middle", &age));
        }
        m += 1;
    }
    back
}

/// The zoomed band: the first 100 days, one lane per step, the holidays in the background.
fn zoom_band(
    out: &mut Out,
    plan: &Plan<'_>,
    items: &[Item<'_, '_>],
    scale: &Scale,
    calendar: &Calendar,
    lang: Lang,
) {
    let top = out.y;
    let band = match lang {
        Lang::Zh => "前100天（上方灰色部分放大）",
        Lang::En => "The first 100 days (the grey part above, zoomed)",
    };
    out.push(text(X0, top + 12.0, "band", "start", band));
    // Steps marked here, and windows that start here and end later (drawn, marked above).
    let lanes: Vec<(&Item<'_, '_>, bool)> = {
        let mut v: Vec<(&Item<'_, '_>, bool)> = items
            .iter()
            .filter(|i| i.start() <= scale.to)
            .map(|i| (i, i.date <= scale.to))
            .collect();
        v.sort_by_key(|(i, _)| (i.start(), i.date, i.s.number));
        v
    };
    let lanes_top = top + 36.0;
    let axis = lanes_top + lanes.len().max(1) as f64 * LANE + 6.0;
    // The line above the lanes: the holidays' names, the month ages, then today, each where
    // it is clear (the key says what the dashed line is).
    let head = top + 29.0;
    let mut taken = Taken::default();
    if scale.contains(plan.today) {
        taken.lines.push(scale.x(plan.today));
    }
    let back = zoom_background(scale, calendar, (lanes_top, axis, head), &mut taken, lang);
    out.push(format!("<g aria-hidden=\"true\">{back}</g>"));
    out.push(today_line(
        scale,
        plan.today,
        (top + 20.0, axis + 4.0, head),
        &mut taken,
        lang,
    ));

    for (n, (item, marked_here)) in lanes.iter().enumerate() {
        let y = lanes_top + n as f64 * LANE + LANE / 2.0;
        out.push(zoom_lane(item, *marked_here, y, scale, calendar, lang));
    }
    if lanes.is_empty() {
        out.push(text(
            X0,
            lanes_top + 14.0,
            "note",
            "start",
            lang.pick(
                "前100天没有带日期的事项。",
                "No dated step in the first 100 days.",
            ),
        ));
    }
    out.push(format!(
        "<path d=\"M{X0:.1} {axis:.1}H{X1:.1}\" class=\"axis\" stroke=\"#374151\" stroke-width=\"1.2\"/>"
    ));
    // Day ticks every ten days, with the date.
    let at: Vec<(NaiveDate, String)> = (0..=ZOOM_DAYS)
        .step_by(10)
        .map(|k| {
            let label = match (k, lang) {
                (0, Lang::Zh) => "出生".to_string(),
                (0, Lang::En) => "birth".to_string(),
                (k, Lang::Zh) => format!("第{k}天"),
                (k, Lang::En) => format!("day {k}"),
            };
            (days_after(scale.from, k as u64), label)
        })
        .collect();
    out.push(format!(
        "<g aria-hidden=\"true\">{}</g>",
        ticks(scale, axis, &at)
    ));
    out.y = axis + 34.0;
}

/// The steps dated after the axis, listed; and how many have no date.
fn after_axis(out: &mut Out, items: &[Item<'_, '_>], scale: &Scale, undated: usize, lang: Lang) {
    let later: Vec<&Item<'_, '_>> = items.iter().filter(|i| i.date > scale.to).collect();
    if !later.is_empty() {
        out.y += 8.0;
        let head = match lang {
            Lang::Zh => "第一年以后",
            Lang::En => "After the first year",
        };
        out.push(text(X0, out.y + 4.0, "band", "start", head));
        out.y += 22.0;
        // Two columns, in date order along the rows.
        let column = (X1 - X0 - 14.0) / 2.0;
        for (n, item) in later.iter().enumerate() {
            let x = X0 + (n % 2) as f64 * (column + 14.0);
            let y = out.y + (n / 2) as f64 * 18.0;
            let (number, date) = (item.number(), item.date.to_string());
            let room = column - 14.0 - text_width(&format!("{number} {date}"), LABEL);
            let label = format!("{number}{} {date}", fit(item.title(lang), room, LABEL));
            out.push(format!(
                "{}{}{}</g>",
                open_mark(item, lang),
                mark_shape(item, x + 5.0, y - 4.0, 4.5),
                text(x + 14.0, y, "label", "start", &label)
            ));
        }
        out.y += later.len().div_ceil(2) as f64 * 18.0;
    }
    if undated > 0 {
        out.y += 4.0;
        let note = match lang {
            Lang::Zh => format!("另有{undated}项没有固定日期，见下方清单。"),
            Lang::En => format!("{undated} more steps have no fixed date: see the checklist."),
        };
        out.push(text(X0, out.y, "note", "start", &note));
        out.y += 8.0;
    }
}
