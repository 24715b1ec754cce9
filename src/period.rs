//! Periods and deadline rules as playbooks write them: `within 30 working days`, `under 6 months`,
//! `3 months`, `1-2 working days`; and how they turn into dates (see `DOMAIN.md`, "Counting
//! deadlines").

use crate::calendar::{Calendar, WorkDate};
use chrono::{Days, Months, NaiveDate};
use std::fmt;

/// What a period counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    Days,
    WorkingDays,
    Months,
}

/// A number of days, working days or months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Period {
    pub amount: u32,
    pub unit: Unit,
}

/// A deadline rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    /// `within N …` (…内, …以内): the Nth day, month or working day after the start, inclusive.
    Within(Period),
    /// `under N …` (未满): the day before the Nth day or month after the start.
    Under(Period),
}

/// A range of working days or days, e.g. a lead time `3-5 working days`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Range {
    pub min: Period,
    pub max: Period,
}

/// A period that did not parse; `offset` is the byte offset in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PeriodError {
    pub offset: usize,
    pub message: String,
}

const UNITS: &str = "day(s), working day(s) or month(s)";

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Unit::Days => "days",
            Unit::WorkingDays => "working days",
            Unit::Months => "months",
        })
    }
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let unit = match (self.unit, self.amount) {
            (Unit::Days, 1) => "day",
            (Unit::WorkingDays, 1) => "working day",
            (Unit::Months, 1) => "month",
            (unit, _) => return write!(f, "{} {unit}", self.amount),
        };
        write!(f, "{} {unit}", self.amount)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Rule::Within(p) => write!(f, "within {p}"),
            Rule::Under(p) => write!(f, "under {p}"),
        }
    }
}

impl fmt::Display for Range {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.min == self.max {
            write!(f, "{}", self.max)
        } else {
            write!(f, "{}-{}", self.min.amount, self.max)
        }
    }
}

impl Period {
    /// In the interface language.
    pub(crate) fn say(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Zh => self.zh(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    /// Chinese wording: `30个工作日`, `6个月`, `90天`.
    pub(crate) fn zh(&self) -> String {
        match self.unit {
            Unit::Days => format!("{}天", self.amount),
            Unit::WorkingDays => format!("{}个工作日", self.amount),
            Unit::Months => format!("{}个月", self.amount),
        }
    }

    /// The date `self` after `from`, and whether an unknown holiday schedule was crossed.
    pub(crate) fn after(&self, from: NaiveDate, calendar: &Calendar) -> WorkDate {
        let exact = |date: Option<NaiveDate>| WorkDate {
            date: date.unwrap_or(NaiveDate::MAX),
            estimated: false,
        };
        match self.unit {
            Unit::Days => exact(from.checked_add_days(Days::new(u64::from(self.amount)))),
            // chrono clamps to the month's last day, as 民法典 第二百零二条 wants.
            Unit::Months => exact(from.checked_add_months(Months::new(self.amount))),
            Unit::WorkingDays => calendar.add_working_days(from, self.amount),
        }
    }
}

impl Rule {
    /// In the interface language.
    pub(crate) fn say(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Zh => self.zh(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    /// Chinese wording: `30个工作日内`, `未满6个月`.
    pub(crate) fn zh(&self) -> String {
        match self {
            Rule::Within(p) => format!("{}内", p.zh()),
            Rule::Under(p) => format!("未满{}", p.zh()),
        }
    }

    pub(crate) fn period(&self) -> Period {
        match self {
            Rule::Within(p) | Rule::Under(p) => *p,
        }
    }

    /// The last day the rule allows, counting from `from` (day 0).
    pub fn last_day(&self, from: NaiveDate, calendar: &Calendar) -> WorkDate {
        self.last_day_of(self.period().after(from, calendar))
    }

    /// The last day the rule allows, given the date its period ends (`period().after(from)`).
    pub(crate) fn last_day_of(&self, end: WorkDate) -> WorkDate {
        match self {
            Rule::Within(_) => end,
            Rule::Under(_) => WorkDate {
                date: end.date.pred_opt().unwrap_or(end.date),
                estimated: end.estimated,
            },
        }
    }
}

impl Range {
    /// In the interface language.
    pub(crate) fn say(&self, lang: crate::lang::Lang) -> String {
        match lang {
            crate::lang::Lang::Zh => self.zh(),
            crate::lang::Lang::En => self.to_string(),
        }
    }

    pub(crate) fn zh(&self) -> String {
        if self.min == self.max {
            self.max.zh()
        } else {
            format!("{}–{}", self.min.amount, self.max.zh())
        }
    }
}

fn err(offset: usize, message: impl Into<String>) -> PeriodError {
    PeriodError {
        offset,
        message: message.into(),
    }
}

/// Splits into words with their byte offsets.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, &text[s..i]));
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn parse_unit(words: &[(usize, &str)], at: usize) -> Result<Unit, PeriodError> {
    let unit = match words {
        [(_, "day" | "days")] => Unit::Days,
        [(_, "month" | "months")] => Unit::Months,
        [(_, "working"), (_, "day" | "days")] => Unit::WorkingDays,
        [] => return Err(err(at, format!("missing a unit: expected {UNITS}"))),
        [(o, w), ..] => return Err(err(*o, format!("unknown unit `{w}`: expected {UNITS}"))),
    };
    Ok(unit)
}

fn parse_amount(offset: usize, word: &str) -> Result<u32, PeriodError> {
    word.parse::<u32>()
        .map_err(|_| err(offset, format!("`{word}` is not a whole number")))
}

/// Parses `N unit`, e.g. `3 months`, `30 working days`.
pub(crate) fn parse_period(text: &str) -> Result<Period, PeriodError> {
    let w = words(text);
    let Some(&(offset, first)) = w.first() else {
        return Err(err(
            0,
            format!("empty period: expected e.g. `30 working days` ({UNITS})"),
        ));
    };
    let amount = parse_amount(offset, first)?;
    let unit = parse_unit(&w[1..], text.len())?;
    Ok(Period { amount, unit })
}

/// Parses `within N unit` or `under N unit`.
pub(crate) fn parse_rule(text: &str) -> Result<Rule, PeriodError> {
    let w = words(text);
    let expected = "expected `within N days|working days|months` or `under N days|months`";
    let Some(&(offset, keyword)) = w.first() else {
        return Err(err(0, format!("empty deadline: {expected}")));
    };
    let rest = &text[w.get(1).map_or(text.len(), |(o, _)| *o)..];
    let shift = |e: PeriodError| err(e.offset + (text.len() - rest.len()), e.message);
    match keyword {
        "within" => Ok(Rule::Within(parse_period(rest).map_err(shift)?)),
        "under" => {
            let period = parse_period(rest).map_err(shift)?;
            if period.unit == Unit::WorkingDays {
                return Err(err(
                    offset,
                    "`under` takes days or months (未满N天/个月), not working days",
                ));
            }
            Ok(Rule::Under(period))
        }
        other => Err(err(
            offset,
            format!("unknown deadline `{other}`: {expected}"),
        )),
    }
}

/// Parses `N unit` or `N-M unit`.
pub(crate) fn parse_range(text: &str) -> Result<Range, PeriodError> {
    let w = words(text);
    let Some(&(offset, first)) = w.first() else {
        return Err(err(
            0,
            format!("empty duration: expected e.g. `1-2 working days` ({UNITS})"),
        ));
    };
    let unit = parse_unit(&w[1..], text.len())?;
    let (min, max) = match first.split_once('-') {
        Some((a, b)) => (
            parse_amount(offset, a)?,
            parse_amount(offset + a.len() + 1, b)?,
        ),
        None => {
            let n = parse_amount(offset, first)?;
            (n, n)
        }
    };
    if min > max {
        return Err(err(
            offset,
            format!("`{first}`: the smaller number comes first"),
        ));
    }
    Ok(Range {
        min: Period { amount: min, unit },
        max: Period { amount: max, unit },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn last(rule: &str, from: &str) -> NaiveDate {
        parse_rule(rule)
            .unwrap()
            .last_day(d(from), &Calendar::embedded())
            .date
    }

    #[test]
    fn domain_examples() {
        assert_eq!(last("within 90 days", "2026-01-10"), d("2026-04-10"));
        assert_eq!(last("within 1 month", "2026-01-31"), d("2026-02-28"));
        assert_eq!(last("under 6 months", "2026-01-10"), d("2026-07-09"));
        assert_eq!(last("under 6 months", "2026-08-31"), d("2027-02-27"));
        assert_eq!(last("within 12 months", "2024-02-29"), d("2025-02-28"));
        assert_eq!(
            last("within 30 working days", "2026-10-08"),
            d("2026-11-18")
        );
    }

    #[test]
    fn leap_years_and_month_ends() {
        assert_eq!(last("within 1 month", "2024-01-31"), d("2024-02-29"));
        assert_eq!(last("within 1 month", "2024-01-29"), d("2024-02-29"));
        assert_eq!(last("within 3 months", "2026-11-30"), d("2027-02-28"));
        assert_eq!(last("within 1 month", "2026-12-31"), d("2027-01-31"));
        assert_eq!(last("under 1 month", "2024-01-31"), d("2024-02-28"));
        assert_eq!(last("within 1 day", "2024-02-28"), d("2024-02-29"));
    }

    #[test]
    fn parses_and_prints() {
        assert_eq!(
            parse_rule("within 30 working days").unwrap().to_string(),
            "within 30 working days"
        );
        assert_eq!(parse_rule("under 6 months").unwrap().zh(), "未满6个月");
        assert_eq!(parse_range("3-5 working days").unwrap().zh(), "3–5个工作日");
        assert_eq!(parse_period("1 month").unwrap().to_string(), "1 month");
    }

    #[test]
    fn malformed_periods_say_where_and_what() {
        let e = parse_rule("within 30 workdays").unwrap_err();
        assert_eq!(e.offset, 10);
        assert!(
            e.message.contains("unknown unit `workdays`"),
            "{}",
            e.message
        );
        let e = parse_rule("before 3 days").unwrap_err();
        assert!(e.message.contains("unknown deadline `before`"));
        let e = parse_rule("within x days").unwrap_err();
        assert_eq!(e.offset, 7);
        assert!(parse_rule("under 3 working days").is_err());
        assert!(parse_range("5-3 days").is_err());
        assert!(parse_period("").is_err());
        assert!(
            parse_period("3")
                .unwrap_err()
                .message
                .contains("missing a unit")
        );
    }
}
