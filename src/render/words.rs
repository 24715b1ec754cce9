//! How the engine's findings read, in the interface language: why a step applies or not, why a
//! route, why not before a day, what a pending deadline counts from, and the warnings.

use crate::condition::{Shown, Words};
use crate::facts::Value;
use crate::lang::{Lang, Say};
use crate::plan::{Due, ReadOn, Reason, RouteWhy, ShownTip, StartReason, Warning};
use crate::playbook::Step;

/// A tip, with the day it was read on when not today: `已于 2026-08-20 办理：…`,
/// `2026-11-12 至 2027-08-31 之间办理：…`.
impl Say for ShownTip<'_> {
    fn say(&self, lang: Lang) -> String {
        let text = &self.text;
        match (self.read_on, lang) {
            (None, _) => text.to_string(),
            (Some(ReadOn::Done(d)), Lang::Zh) => format!("已于 {d} 办理：{text}"),
            (Some(ReadOn::Done(d)), Lang::En) => format!("Done on {d}: {text}"),
            (Some(ReadOn::Between(a, b)), Lang::Zh) => format!("{a} 至 {b} 之间办理：{text}"),
            (Some(ReadOn::Between(a, b)), Lang::En) => {
                format!("If done from {a} to {b}: {text}")
            }
        }
    }
}

impl Say for Reason<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Reason::OnRoute(route), Lang::Zh) => format!("属于路线“{}”", route.title),
            (Reason::OnRoute(route), Lang::En) => {
                format!("on the route \"{}\"", route.title(lang))
            }
            (Reason::Holds { words, values, .. }, _) => {
                let mut out = format!(
                    "{}{}",
                    lang.pick("条件成立：", "condition holds: "),
                    words.get(lang)
                );
                // A true/false fact that holds is said by the condition itself.
                let v: Vec<String> = (values.iter())
                    .filter(|x| {
                        !matches!(
                            x,
                            Shown::Fact {
                                value: Value::Bool(_),
                                ..
                            }
                        )
                    })
                    .map(|x| x.say(lang))
                    .collect();
                if !v.is_empty() {
                    out.push_str(&lang.paren(&v.join(lang.pick("，", ", "))));
                }
                out
            }
            (Reason::Everyone, _) => lang
                .pick("适用于所有家庭", "applies to every family")
                .into(),
            (Reason::OtherRoute(route), Lang::Zh) => format!(
                "只属于路线“{}”，本家庭走的不是这条路线",
                route.map_or("", |r| &*r.title)
            ),
            (Reason::OtherRoute(route), Lang::En) => format!(
                "only on the route \"{}\", which this family does not take",
                route.map_or("", |r| r.title(lang))
            ),
            (Reason::Unmet(u), _) => u.say(lang),
            (Reason::Depends(steps), _) => {
                let titles: Vec<String> = steps.iter().map(|s| lang.quote(s.title(lang))).collect();
                match lang {
                    Lang::Zh => format!(
                        "要看{}办不办：办了或不办了，才知道这一项是否适用",
                        titles.join("、")
                    ),
                    Lang::En => format!(
                        "depends on whether {} is done: it applies or not once that is done or skipped",
                        titles.join(", ")
                    ),
                }
            }
        }
    }
}

impl Say for RouteWhy<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (RouteWhy::Started { route, step }, Lang::Zh) => {
                format!("已按“{}”办理（“{}”已完成）", route.title, step.title)
            }
            (RouteWhy::Started { route, step }, Lang::En) => format!(
                "already on \"{}\" (\"{}\" is done)",
                route.title(lang),
                step.title(lang)
            ),
            (RouteWhy::Eligible { condition, route }, Lang::Zh) => {
                format!("{}，走“{}”", condition.zh, route.title)
            }
            (RouteWhy::Eligible { condition, route }, Lang::En) => {
                format!("{}, so \"{}\"", condition.en, route.title(lang))
            }
            (
                RouteWhy::Fallback {
                    passed_over: Some((other, unmet)),
                    ..
                },
                _,
            ) => {
                let u: Vec<String> = unmet.iter().map(|x| x.say(lang)).collect();
                match lang {
                    Lang::Zh => format!("不能走“{}”：{}", other.title, u.join("；")),
                    Lang::En => format!("cannot take \"{}\": {}", other.title(lang), u.join("; ")),
                }
            }
            (RouteWhy::Fallback { route, .. }, Lang::Zh) => format!("走“{}”", route.title),
            (RouteWhy::Fallback { route, .. }, Lang::En) => format!("\"{}\"", route.title(lang)),
        }
    }
}

impl Say for Due<'_> {
    /// A pending deadline: what it will count from.
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (Due::Date(d), _) => d.date.to_string(),
            (Due::Pending { from, rule }, Lang::Zh) => {
                format!("从“{}”办完之日起算{}", from.title, rule.zh())
            }
            (Due::Pending { from, rule }, Lang::En) => {
                format!("{rule} from the day \"{}\" is done", from.title(lang))
            }
        }
    }
}

impl Say for StartReason<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (StartReason::Age(p), Lang::Zh) => format!("宝宝满{}", p.zh()),
            (StartReason::Age(p), Lang::En) => format!("when the baby is {p} old"),
            (StartReason::LeadTime { step, range }, Lang::Zh) => {
                format!("“{}”办完后需{}", step.title, range.zh())
            }
            (StartReason::LeadTime { step, range }, Lang::En) => {
                format!("\"{}\" takes {range} after it is done", step.title(lang))
            }
        }
    }
}

impl Say for Warning<'_> {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                Warning::TooLate {
                    step,
                    start,
                    deadline,
                },
                _,
            ) => too_late(step, *start, *deadline, lang),
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

/// A step that cannot start before its deadline, and what the family can do.
fn too_late(
    step: &Step,
    start: chrono::NaiveDate,
    deadline: chrono::NaiveDate,
    lang: Lang,
) -> String {
    let whom = step
        .agency
        .as_deref()
        .unwrap_or(lang.pick("办理部门", "the office"));
    let what = match (&step.late, lang) {
        (Some(late), _) => late.text.to_string(),
        (None, Lang::Zh) => format!("来源没有写这种情况怎么办：请尽早联系{whom}说明情况。"),
        (None, Lang::En) => {
            format!("The source does not say what to do then: contact {whom} early and explain.")
        }
    };
    match lang {
        Lang::Zh => format!(
            "“{}”最早 {start} 才能办，晚于截止日期 {deadline}。{what}",
            step.title
        ),
        Lang::En => format!(
            "\"{}\" cannot start before {start}, after its deadline {deadline}. {what}",
            step.title(lang)
        ),
    }
}

/// The estimate warning: the years, the first five steps, the conditions.
fn estimated(years: &[i32], steps: &[&Step], conditions: &[Words], lang: Lang) -> String {
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
            Lang::Zh => format!("“{}”的判断", c.zh),
            Lang::En => format!("whether \"{}\"", c.en),
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
