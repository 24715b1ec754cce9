//! Rendering: pure functions from a [`Plan`] to text. Nothing here reads or writes files.

pub(crate) mod html;
pub(crate) mod ics;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod materials;
pub(crate) mod table;
pub(crate) mod text;
pub(crate) mod timeline;
mod words;

use crate::calendar::Calendar;
use crate::lang::{Lang, Say};
use crate::plan::{Plan, PlanStep, Status};
use crate::playbook::{Cite, Playbook};

/// An export format, behind one small trait.
pub(crate) trait Exporter {
    /// The format's name on the command line.
    fn name(&self) -> &'static str;
    fn export(&self, plan: &Plan, calendar: &Calendar, lang: Lang) -> String;
}

/// The export formats, by name.
pub(crate) fn exporter(name: &str) -> Option<Box<dyn Exporter>> {
    match name {
        "markdown" | "md" => Some(Box::new(markdown::Markdown)),
        "json" => Some(Box::new(json::Json)),
        "ics" | "ical" | "icalendar" => Some(Box::new(ics::Ics)),
        "html" | "htm" => Some(Box::new(html::Html)),
        "svg" => Some(Box::new(timeline::Svg)),
        _ => None,
    }
}

/// The names `--format` accepts.
pub(crate) const FORMATS: &[&str] = &["markdown", "json", "ics", "html", "svg"];

impl Say for String {
    fn say(&self, _: Lang) -> String {
        self.clone()
    }
}

/// A status in the interface language.
pub(crate) fn status(status: Status, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => match status {
            Status::Done => "已完成",
            Status::Overdue => "已逾期",
            Status::Ready => "可以办",
            Status::Blocked => "待前置",
            Status::Waiting => "等待中",
            Status::NotApplicable => "不适用",
        },
        Lang::En => match status {
            Status::Done => "done",
            Status::Overdue => "overdue",
            Status::Ready => "ready",
            Status::Blocked => "blocked",
            Status::Waiting => "waiting",
            Status::NotApplicable => "not applicable",
        },
    }
}

/// `《title》（issuer, date; trust） section`.
pub(crate) fn cite(playbook: &Playbook, c: &Cite, lang: Lang) -> String {
    match playbook.source(&c.doc) {
        Some(s) => {
            let title = s.title.trim_start_matches('《').trim_end_matches('》');
            let mut about = s.issuer.to_string();
            if let Some(d) = s.date {
                about.push_str(&format!("{}{d}", lang.pick("，", ", ")));
            }
            about.push_str(&format!("{}{}", lang.pick("；", "; "), s.trust.say(lang)));
            format!(
                "《{title}》{} {}",
                lang.paren(&about).trim_start(),
                c.section
            )
        }
        None => format!("{} {}", c.doc, c.section),
    }
}

/// The deadline cell: `2026-11-18`, with the last office day when it falls on a day off.
pub(crate) fn deadline_cell(s: &PlanStep<'_>, plan: &Plan<'_>, lang: Lang) -> String {
    if let Some(d) = s.deadline() {
        let mut out = d.date.to_string();
        if d.estimated {
            out.push_str(&lang.paren(lang.pick("估算", "estimated")));
        }
        if let Some(o) = d.office_day {
            out.push_str(&lang.paren(&format!("{} {o}", lang.pick("窗口最晚", "office by"))));
        }
        return out;
    }
    if s.deadline_pending().is_some() {
        return lang.pick("待定", "pending").to_string();
    }
    match s.earliest_start {
        Some(start) if s.step.start.is_some() || start > plan.today => {
            format!("{start}{}", lang.pick(" 起", " on"))
        }
        _ => "—".to_string(),
    }
}

/// Days left: `还有5天`, `今天截止`, `逾期3天`.
pub(crate) fn days_left_cell(s: &PlanStep<'_>, plan: &Plan<'_>, lang: Lang) -> String {
    if s.done_on.is_some() {
        return "—".to_string();
    }
    match (s.days_left(plan.today), lang) {
        (Some(0), Lang::Zh) => "今天截止".to_string(),
        (Some(0), Lang::En) => "due today".to_string(),
        (Some(n), Lang::Zh) if n > 0 => format!("还有{n}天"),
        (Some(n), Lang::En) if n > 0 => format!("{n} days left"),
        (Some(n), Lang::Zh) => format!("逾期{}天", -n),
        (Some(n), Lang::En) => format!("{} days late", -n),
        (None, _) => "—".to_string(),
    }
}

/// A step's heading: `3. title（id）`.
pub(crate) fn heading(s: &PlanStep<'_>, lang: Lang) -> String {
    let optional = if s.step.optional {
        lang.paren(lang.pick("可选", "optional"))
    } else {
        String::new()
    };
    let id = lang.paren(&s.step.id);
    match s.number {
        Some(n) => format!("{n}. {}{optional}{id}", s.step.title(lang)),
        None => format!("{}{optional}{id}", s.step.title(lang)),
    }
}

/// The lines shown above a plan: family, route, scope.
pub(crate) fn header(plan: &Plan<'_>, lang: Lang) -> Vec<String> {
    let p = plan.requested;
    let mut lines = vec![match lang {
        Lang::Zh => format!(
            "{}（{}）· 出生日期 {} · 今天 {}",
            p.name, p.id, plan.profile.birth_date, plan.today
        ),
        Lang::En => format!(
            "{} ({}) · born {} · today {}",
            p.name(lang),
            p.id,
            plan.profile.birth_date,
            plan.today
        ),
    }];
    if let Some(out) = &plan.out_of_scope {
        lines.push(format!(
            "{}{}",
            lang.pick("注意：", "Note: "),
            out.scope.text
        ));
        if !out.unmet.is_empty() {
            let unmet: Vec<String> = out.unmet.iter().map(|u| u.say(lang)).collect();
            lines.push(format!(
                "  {}",
                lang.paren(&format!(
                    "{}{}",
                    lang.pick("本家庭：", "this family: "),
                    unmet.join(lang.sep())
                ))
                .trim_start()
            ));
        }
        if plan.playbook.id != plan.requested.id {
            lines.push(match lang {
                Lang::Zh => format!("以下只列出“{}”的通用事项。", plan.playbook.name),
                Lang::En => format!("Only the {} steps are listed.", plan.playbook.name(lang)),
            });
        }
    }
    if let Some(r) = &plan.route {
        lines.push(match lang {
            Lang::Zh => format!("路线：{}——{}", r.route.title, r.why.say(lang)),
            Lang::En => format!("Route: {} — {}", r.route.title(lang), r.why.say(lang)),
        });
    }
    lines
}

/// Warnings, then trust notes: a plan built on an experience report says so.
pub(crate) fn notes(plan: &Plan<'_>, lang: Lang) -> Vec<String> {
    let mut out: Vec<String> = plan.warnings.iter().map(|w| w.say(lang)).collect();
    out.extend(
        plan.playbook
            .sources
            .iter()
            .filter(|s| s.trust == crate::playbook::Trust::ExperienceReport)
            .map(|s| match lang {
                Lang::Zh => format!(
                    "“{}”是家长的经验分享，不是官方规定：以办理部门的要求为准。",
                    s.title
                ),
                Lang::En => format!(
                    "\"{}\" is a parent's experience report, not an official rule: the office's requirements prevail.",
                    s.title
                ),
            }),
    );
    out
}
