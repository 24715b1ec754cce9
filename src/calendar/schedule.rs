//! The holiday-cn JSON format: one State Council notice (a year's schedule).
//!
//! Shared by `build.rs` (which compiles the shipped files into a table) and by the
//! calendar, which reads a parent's newer schedule files at run time.

use serde::Deserialize;

/// One year's schedule as published by holiday-cn.
#[derive(Debug, Deserialize)]
pub(crate) struct ScheduleFile {
    /// The year of the notice (a file may also hold days of the December before).
    pub year: i32,
    /// Addresses of the State Council notice(s) the days come from (shown for the built-in
    /// years, which `build.rs` reads; a parent's file is shown by its path).
    #[serde(default)]
    #[allow(dead_code)]
    pub papers: Vec<String>,
    /// The special days: holidays off, and make-up working days.
    pub days: Vec<ScheduleDay>,
}

/// One special day.
#[derive(Debug, Deserialize)]
pub(crate) struct ScheduleDay {
    /// The holiday it belongs to, e.g. 春节.
    pub name: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `true`: a day off; `false`: a working day (usually a make-up Saturday or Sunday).
    #[serde(rename = "isOffDay")]
    pub is_off_day: bool,
}
