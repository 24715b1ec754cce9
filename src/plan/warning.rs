//! What a parent must know about a plan's reliability: an old playbook, estimated dates.

use crate::calendar::Calendar;
use crate::lang::{Lang, Say};
use crate::playbook::{Playbook, Step};
use chrono::NaiveDate;
use rustc_hash::FxHashSet as HashSet;
use std::collections::BTreeSet;

/// Something the parent must know about the plan's reliability.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning<'a> {
    /// The playbook was last reviewed more than a year ago.
    Stale {
        playbook: &'a Playbook,
        reviewed: NaiveDate,
    },
    /// Dates crossed years whose holiday schedule is not known: weekends only were counted.
    Estimated {
        years: Vec<i32>,
        /// The steps whose dates are estimates, in the order met.
        steps: Vec<&'a Step>,
        /// The conditions that were evaluated with estimates.
        conditions: Vec<String>,
    },
}

/// The warnings of a plan as it is made: estimated dates gather into one warning.
#[derive(Default)]
pub(crate) struct Warnings<'a> {
    stale: Option<Warning<'a>>,
    years: BTreeSet<i32>,
    steps: Vec<&'a Step>,
    /// The ids of `steps`.
    step_ids: HashSet<&'a str>,
    conditions: Vec<String>,
}

impl<'a> Warnings<'a> {
    /// Reminds when `playbook` was last reviewed more than a year before `today`.
    pub(crate) fn stale(&mut self, playbook: &'a Playbook, today: NaiveDate) {
        let year_later = playbook
            .reviewed
            .checked_add_months(chrono::Months::new(12));
        if year_later.is_some_and(|later| today > later) {
            self.stale = Some(Warning::Stale {
                playbook,
                reviewed: playbook.reviewed,
            });
        }
    }

    /// A date of `step`, counted from `from` to `to`, crossed years not known.
    pub(crate) fn estimated(
        &mut self,
        calendar: &Calendar,
        from: NaiveDate,
        to: NaiveDate,
        step: &'a Step,
    ) {
        self.years.extend(calendar.unknown_years(from, to));
        if self.step_ids.insert(&step.id) {
            self.steps.push(step);
        }
    }

    /// Conditions evaluated with estimates, and the unknown years they crossed.
    pub(crate) fn conditions(&mut self, (conditions, years): (Vec<String>, BTreeSet<i32>)) {
        self.years.extend(years);
        for c in conditions {
            if !self.conditions.contains(&c) {
                self.conditions.push(c);
            }
        }
    }

    pub(crate) fn finish(self) -> Vec<Warning<'a>> {
        let mut out: Vec<Warning<'a>> = self.stale.into_iter().collect();
        if !self.steps.is_empty() || !self.conditions.is_empty() {
            out.push(Warning::Estimated {
                years: self.years.into_iter().collect(),
                steps: self.steps,
                conditions: self.conditions,
            });
        }
        out
    }
}

impl Say for Warning<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Warning::Stale { playbook, reviewed }, Lang::Zh) => format!(
                "“{}”手册最后核对于 {reviewed}，已超过一年：规定可能已变，办理前请向办理部门或热线确认。",
                playbook.name
            ),
            (Warning::Stale { playbook, reviewed }, Lang::En) => format!(
                "The {} playbook was last reviewed on {reviewed}, more than a year ago: rules may have changed, so confirm with the office or helpline before acting.",
                playbook.name
            ),
            (
                Warning::Estimated {
                    years,
                    steps,
                    conditions,
                },
                _,
            ) => estimated(years, steps, conditions, lang),
        }
    }
}

/// The estimate warning: the years, the first five steps, the conditions.
fn estimated(years: &[i32], steps: &[&Step], conditions: &[String], lang: Lang) -> String {
    let ys: Vec<String> = years.iter().map(|y| y.to_string()).collect();
    let mut titles: Vec<String> = steps
        .iter()
        .take(5)
        .map(|s| lang.quote(s.title(lang)))
        .collect();
    if steps.len() > 5 {
        titles.push(match lang {
            Lang::Zh => format!("等{}项", steps.len()),
            Lang::En => format!("{} more", steps.len() - 5),
        });
    }
    let mut parts = Vec::new();
    if !titles.is_empty() {
        parts.push(match lang {
            Lang::Zh => format!("{}的日期", titles.join("、")),
            Lang::En => format!("the dates of {}", titles.join(", ")),
        });
    }
    for c in conditions {
        parts.push(match lang {
            Lang::Zh => format!("条件“{c}”的判断"),
            Lang::En => format!("the condition \"{c}\""),
        });
    }
    match lang {
        Lang::Zh => format!(
            "{}年的法定节假日安排尚未知道：{}只按周末估算，可能不准。国务院公布后，把安排文件放进数据目录的 calendar/ 文件夹（或用 --calendar FILE），用 newborn calendar 查看。",
            ys.join("、"),
            parts.join("，以及")
        ),
        Lang::En => format!(
            "The official holiday schedule of {} is not known yet: {} count weekends only and may be off. Once the State Council publishes it, put the schedule file in the data dir's calendar/ folder (or pass --calendar FILE); see newborn calendar.",
            ys.join(", "),
            parts.join(", and ")
        ),
    }
}
