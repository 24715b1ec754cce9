//! Working days under the official schedule (法定节假日 and 调休 make-up working days).
//!
//! A day is a working day when it is a Monday–Friday not listed as a day off, or a Saturday or
//! Sunday listed as a make-up working day. Years whose schedule is not known are counted by
//! weekends only, and every result that touched such a year says so (`estimated`).
//!
//! Counting never walks day by day: the special days are kept sorted with a prefix sum of their
//! effect, so "working days in (a, b]" is two binary searches, and "the Nth working day after a"
//! is a binary search over that count.

pub(crate) mod schedule;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The shipped schedule as constants: nothing is parsed at start-up.
mod embedded {
    use super::SpecialDay;
    use chrono::NaiveDate;
    use std::borrow::Cow;

    /// A date of the table; a date not in the calendar fails the build.
    const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        match NaiveDate::from_ymd_opt(year, month, day) {
            Some(date) => date,
            None => panic!("data/holiday-cn lists a date not in the calendar"),
        }
    }

    include!(concat!(env!("OUT_DIR"), "/holidays.rs"));
}

/// Where a year's schedule came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum YearSource {
    /// Compiled into the binary from `data/holiday-cn/`; the State Council notice address(es).
    Embedded { papers: String },
    /// Read from a schedule file the parent supplied.
    File { path: PathBuf },
}

/// A day the official schedule lists.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecialDay {
    pub date: NaiveDate,
    /// `true`: a holiday day off; `false`: a make-up working day.
    pub off: bool,
    /// The holiday, e.g. 春节.
    pub name: Cow<'static, str>,
}

/// A date computed by counting working days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WorkDate {
    pub date: NaiveDate,
    /// Some year the count crossed has no known schedule: weekends only were counted.
    pub estimated: bool,
}

/// Why a schedule file could not be used.
#[derive(Debug, thiserror::Error)]
pub enum CalendarError {
    #[error("cannot read calendar file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path}: not a holiday schedule in the holiday-cn JSON format ({message}); expected {{\"year\": 2027, \"days\": [{{\"name\": \"元旦\", \"date\": \"2027-01-01\", \"isOffDay\": true}}]}}"
    )]
    Format { path: PathBuf, message: String },
    #[error(
        "{path}: the schedule for {year} lists no days; an empty schedule cannot be told from an unpublished one"
    )]
    Empty { path: PathBuf, year: i32 },
}

/// The official working-day calendar.
#[derive(Debug, Clone)]
pub struct Calendar {
    /// Sorted by date, no duplicates; the shipped table until a schedule file is added.
    special: Cow<'static, [SpecialDay]>,
    /// `prefix[i]`: the net effect on the working-day count of `special[..i]`.
    prefix: Vec<i64>,
    years: BTreeMap<i32, YearSource>,
}

fn parse_iso(s: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

fn is_weekend(date: NaiveDate) -> bool {
    matches!(date.weekday(), Weekday::Sat | Weekday::Sun)
}

/// Monday–Friday days in `[0001-01-01, date]` (0001-01-01 was a Monday).
fn weekdays_through(date: NaiveDate) -> i64 {
    let n = i64::from(date.num_days_from_ce());
    5 * (n / 7) + (n % 7).min(5)
}

/// How a listed day changes the plain Monday–Friday count.
fn effect(day: &SpecialDay) -> i64 {
    match (day.off, is_weekend(day.date)) {
        (true, false) => -1, // a holiday on a weekday
        (false, true) => 1,  // a make-up working Saturday or Sunday
        _ => 0,              // a listed weekend day off, or a listed ordinary weekday
    }
}

impl Default for Calendar {
    fn default() -> Self {
        Self::embedded()
    }
}

impl Calendar {
    /// The schedule shipped in the binary.
    pub fn embedded() -> Calendar {
        let years = embedded::YEARS
            .iter()
            .map(|(year, papers)| {
                (
                    *year,
                    YearSource::Embedded {
                        papers: (*papers).to_string(),
                    },
                )
            })
            .collect();
        Calendar::with_days(Cow::Borrowed(embedded::DAYS), years)
    }

    fn from_parts(mut special: Vec<SpecialDay>, years: BTreeMap<i32, YearSource>) -> Calendar {
        special.sort_by_key(|d| d.date);
        special.dedup_by_key(|d| d.date);
        Calendar::with_days(Cow::Owned(special), years)
    }

    /// `special` must be sorted by date without duplicates.
    fn with_days(
        special: Cow<'static, [SpecialDay]>,
        years: BTreeMap<i32, YearSource>,
    ) -> Calendar {
        debug_assert!(special.windows(2).all(|w| w[0].date < w[1].date));
        let mut prefix = Vec::with_capacity(special.len() + 1);
        let mut sum = 0;
        prefix.push(0);
        for day in special.iter() {
            sum += effect(day);
            prefix.push(sum);
        }
        Calendar {
            special,
            prefix,
            years,
        }
    }

    /// Adds (or replaces) one year's schedule from holiday-cn JSON text; returns the year.
    ///
    /// A supplied year replaces every listed day of that notice year that was known before.
    pub(crate) fn add_schedule(&mut self, path: &Path, text: &str) -> Result<i32, CalendarError> {
        let file: schedule::ScheduleFile =
            serde_json::from_str(text).map_err(|e| CalendarError::Format {
                path: path.to_path_buf(),
                message: e.to_string(),
            })?;
        if file.days.is_empty() {
            return Err(CalendarError::Empty {
                path: path.to_path_buf(),
                year: file.year,
            });
        }
        let mut days = Vec::with_capacity(file.days.len());
        for day in &file.days {
            let date = parse_iso(&day.date).ok_or_else(|| CalendarError::Format {
                path: path.to_path_buf(),
                message: format!("`{}` is not a YYYY-MM-DD date", day.date),
            })?;
            days.push(SpecialDay {
                date,
                off: day.is_off_day,
                name: Cow::Owned(day.name.clone()),
            });
        }
        let year = file.year;
        let mut special: Vec<SpecialDay> = std::mem::take(&mut self.special)
            .into_owned()
            .into_iter()
            .filter(|d| !(d.date.year() == year || days.iter().any(|n| n.date == d.date)))
            .collect();
        special.extend(days);
        let mut years = std::mem::take(&mut self.years);
        years.insert(
            year,
            YearSource::File {
                path: path.to_path_buf(),
            },
        );
        *self = Calendar::from_parts(special, years);
        Ok(year)
    }

    /// Reads a schedule file from disk (see [`Calendar::add_schedule`]).
    pub(crate) fn add_schedule_file(&mut self, path: &Path) -> Result<i32, CalendarError> {
        let text = std::fs::read_to_string(path).map_err(|source| CalendarError::Read {
            path: path.to_path_buf(),
            source,
        })?;
        self.add_schedule(path, &text)
    }

    /// The years with a known schedule, and where each came from.
    pub(crate) fn years(&self) -> impl Iterator<Item = (i32, &YearSource)> {
        self.years.iter().map(|(y, s)| (*y, s))
    }

    /// Whether the official schedule of `year` is known.
    pub fn is_known(&self, year: i32) -> bool {
        self.years.contains_key(&year)
    }

    /// The years in `[from, to]` (by date) whose schedule is not known.
    pub(crate) fn unknown_years(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> impl Iterator<Item = i32> + use<'_> {
        let (a, b) = if from <= to { (from, to) } else { (to, from) };
        (a.year()..=b.year()).filter(|y| !self.is_known(*y))
    }

    fn special_index(&self, date: NaiveDate) -> Result<usize, usize> {
        self.special.binary_search_by_key(&date, |d| d.date)
    }

    /// Whether `date` is a working day (weekends only, for a year not known).
    pub fn is_working_day(&self, date: NaiveDate) -> bool {
        match self.special_index(date) {
            Ok(i) => !self.special[i].off,
            Err(_) => !is_weekend(date),
        }
    }

    /// The working days in `(from, to]`; zero when `to <= from`.
    pub fn working_days_between(&self, from: NaiveDate, to: NaiveDate) -> i64 {
        if to <= from {
            return 0;
        }
        let lo = self.special.partition_point(|d| d.date <= from);
        let hi = self.special.partition_point(|d| d.date <= to);
        weekdays_through(to) - weekdays_through(from) + self.prefix[hi] - self.prefix[lo]
    }

    /// The `n`th working day after `from` (`from` itself is day 0 and never counts).
    ///
    /// `n == 0` gives `from`.
    pub fn add_working_days(&self, from: NaiveDate, n: u32) -> WorkDate {
        let n = i64::from(n);
        if n == 0 {
            return WorkDate {
                date: from,
                estimated: !self.is_known(from.year()),
            };
        }
        // An upper bound: a week has at least one working day even in Golden Week; grow if not.
        let mut span = (n * 7 / 5 + 30) as u64;
        let mut hi = loop {
            let Some(candidate) = from.checked_add_days(Days::new(span)) else {
                return WorkDate {
                    date: NaiveDate::MAX,
                    estimated: true,
                };
            };
            if self.working_days_between(from, candidate) >= n {
                break span;
            }
            span *= 2;
        };
        let mut lo = 0u64; // count(from, from + lo) < n
        while hi - lo > 1 {
            let mid = lo + (hi - lo) / 2;
            if self.working_days_between(from, from + Days::new(mid)) >= n {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        let date = from + Days::new(hi);
        WorkDate {
            date,
            estimated: self.unknown_years(from, date).next().is_some(),
        }
    }

    /// The last working day on or before `date` (for an office visit whose deadline falls on a
    /// day off).
    pub(crate) fn last_working_day_on_or_before(&self, date: NaiveDate) -> NaiveDate {
        let mut day = date;
        // At most a Golden Week and a weekend in a row.
        for _ in 0..60 {
            if self.is_working_day(day) {
                return day;
            }
            match day.pred_opt() {
                Some(prev) => day = prev,
                None => return date,
            }
        }
        date
    }

    /// The listed days (holidays off and make-up working days) in `(from, to]`.
    pub(crate) fn special_days_between(&self, from: NaiveDate, to: NaiveDate) -> &[SpecialDay] {
        if to <= from {
            return &[];
        }
        let lo = self.special.partition_point(|d| d.date <= from);
        let hi = self.special.partition_point(|d| d.date <= to);
        &self.special[lo..hi]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        parse_iso(s).unwrap()
    }

    fn nth(cal: &Calendar, from: &str, n: u32) -> NaiveDate {
        cal.add_working_days(d(from), n).date
    }

    #[test]
    fn domain_worked_examples() {
        let cal = Calendar::embedded();
        // Day 1 is 10-09; 10-10 (Sat) is a make-up working day.
        assert_eq!(nth(&cal, "2026-10-08", 30), d("2026-11-18"));
        // National Day 10-01…10-07 off; day 1 is 10-08.
        assert_eq!(nth(&cal, "2026-09-30", 30), d("2026-11-17"));
        // Spring Festival 02-15…02-23 off; 02-14 and 02-28 (Sat) worked.
        assert_eq!(nth(&cal, "2026-02-10", 30), d("2026-03-30"));
        // 2026-01-01…01-03 off; 01-04 (Sun) worked.
        assert_eq!(nth(&cal, "2025-12-25", 30), d("2026-02-06"));
        // A lead time counted from the day a step was done.
        assert_eq!(nth(&cal, "2026-09-28", 6), d("2026-10-12"));
    }

    #[test]
    fn make_up_saturday_is_a_working_day_and_holiday_weekday_is_not() {
        let cal = Calendar::embedded();
        assert!(cal.is_working_day(d("2026-10-10"))); // Saturday, worked
        assert!(!cal.is_working_day(d("2026-10-01"))); // Thursday, National Day
        assert!(cal.is_working_day(d("2026-02-14"))); // Saturday before Spring Festival
        assert!(!cal.is_working_day(d("2026-02-16"))); // Monday, Spring Festival
        assert!(!cal.is_working_day(d("2026-11-21"))); // ordinary Saturday
        assert!(cal.is_working_day(d("2026-11-23"))); // ordinary Monday
    }

    #[test]
    fn counting_matches_a_day_by_day_walk_over_years() {
        let cal = Calendar::embedded();
        let start = d("2018-12-20");
        let mut walked = 0;
        let mut day = start;
        for _ in 0..3000 {
            day = day.succ_opt().unwrap();
            if cal.is_working_day(day) {
                walked += 1;
                assert_eq!(cal.working_days_between(start, day), walked, "{day}");
                assert_eq!(cal.add_working_days(start, walked as u32).date, day);
            }
        }
    }

    #[test]
    fn unknown_years_are_estimated_by_weekends() {
        let cal = Calendar::embedded();
        assert!(cal.is_known(2026));
        assert!(!cal.is_known(2027), "2027 is an empty placeholder");
        let r = cal.add_working_days(d("2026-12-20"), 10);
        assert!(r.estimated);
        // Weekends only in 2027: 12-21..12-25 (5), 12-28..12-31 (4), 2027-01-01 (Fri, 1).
        assert_eq!(r.date, d("2027-01-01"));
        let inside = cal.add_working_days(d("2026-11-02"), 5);
        assert!(!inside.estimated);
    }

    #[test]
    fn a_supplied_schedule_makes_its_year_known() {
        let mut cal = Calendar::embedded();
        let json = r#"{"year": 2027, "papers": [], "days": [
            {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#;
        let year = cal.add_schedule(Path::new("2027.json"), json).unwrap();
        assert_eq!(year, 2027);
        assert!(cal.is_known(2027));
        assert!(!cal.is_working_day(d("2027-01-01")));
        let r = cal.add_working_days(d("2026-12-30"), 2);
        assert_eq!(r.date, d("2027-01-04"));
        assert!(!r.estimated);
    }

    #[test]
    fn empty_or_malformed_schedule_files_are_refused() {
        let mut cal = Calendar::embedded();
        let empty = r#"{"year": 2027, "papers": [], "days": []}"#;
        assert!(matches!(
            cal.add_schedule(Path::new("x.json"), empty),
            Err(CalendarError::Empty { year: 2027, .. })
        ));
        assert!(matches!(
            cal.add_schedule(Path::new("x.json"), "{"),
            Err(CalendarError::Format { .. })
        ));
        assert!(!cal.is_known(2027));
    }

    #[test]
    fn last_working_day_before_golden_week() {
        let cal = Calendar::embedded();
        assert_eq!(
            cal.last_working_day_on_or_before(d("2026-10-05")),
            d("2026-09-30")
        );
        assert_eq!(
            cal.last_working_day_on_or_before(d("2026-11-22")),
            d("2026-11-20")
        );
        assert_eq!(
            cal.last_working_day_on_or_before(d("2026-11-23")),
            d("2026-11-23")
        );
    }

    #[test]
    fn special_days_crossed_are_listed() {
        let cal = Calendar::embedded();
        let days = cal.special_days_between(d("2026-09-30"), d("2026-11-17"));
        let names: Vec<_> = days.iter().map(|x| x.date.to_string()).collect();
        assert!(names.contains(&"2026-10-01".to_string()));
        assert!(names.contains(&"2026-10-10".to_string()));
    }
}
