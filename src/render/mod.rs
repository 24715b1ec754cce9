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
    fn export(&self, plan: &Plan, ctx: &mut ExportContext) -> String;
}

/// What an export needs besides the plan: the calendar, the language, the time of the export
/// (read by the command line, not here) and, for iCalendar, the events as last exported.
pub(crate) struct ExportContext<'c> {
    pub calendar: &'c Calendar,
    pub lang: Lang,
    pub now: chrono::DateTime<chrono::Utc>,
    /// The iCalendar events as last exported, updated by the export (see `ics::Sequences`).
    pub sequences: ics::Sequences,
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
            Status::Confirm => "请确认",
            Status::Skipped => "不办了",
            Status::Missed => "已错过",
            Status::Elsewhere => "户籍地办",
            Status::NotApplicable => "不适用",
        },
        Lang::En => match status {
            Status::Done => "done",
            Status::Overdue => "overdue",
            Status::Ready => "ready",
            Status::Blocked => "blocked",
            Status::Waiting => "waiting",
            Status::Confirm => "confirm",
            Status::Skipped => "skipped",
            Status::Missed => "missed",
            Status::Elsewhere => "hukou place",
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
            out.push_str(&lang.paren(&format!(
                "{} {o}",
                lang.pick("办理窗口最后工作日", "office by")
            )));
        }
        return out;
    }
    if s.deadline_pending().is_some() {
        return lang.pick("待定", "pending").to_string();
    }
    if let Some(w) = s.window {
        let mut out = format!("{}{}", w.date, lang.paren(lang.pick("最晚", "last day")));
        if let Some(o) = w.office_day {
            out.push_str(&lang.paren(&format!(
                "{} {o}",
                lang.pick("办理窗口最后工作日", "office by")
            )));
        }
        return out;
    }
    match s.earliest_start {
        Some(start) if s.step.start.is_some() || start > plan.today => match lang {
            Lang::Zh => format!("{start} 起"),
            Lang::En => format!("from {start}"),
        },
        _ => "—".to_string(),
    }
}

/// Days left: `还有5天`, `今天截止`, `逾期3天`.
pub(crate) fn days_left_cell(s: &PlanStep<'_>, plan: &Plan<'_>, lang: Lang) -> String {
    if !s.status.is_open() || s.step.who == crate::playbook::Who::Institution {
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
    lines.extend(out_of_scope(plan, lang));
    if let Some(r) = &plan.route {
        lines.push(match lang {
            Lang::Zh => format!("路线：{}——{}", r.route.title, r.why.say(lang)),
            Lang::En => format!("Route: {} — {}", r.route.title(lang), r.why.say(lang)),
        });
    }
    lines.extend(what_if(plan, lang));
    lines
}

/// What the playbook does not cover for the family, and the steps it does elsewhere.
pub(crate) fn out_of_scope(plan: &Plan<'_>, lang: Lang) -> Vec<String> {
    let Some(out) = &plan.out_of_scope else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    for (scope, unmet) in &out.scopes {
        lines.push(format!("{}{}", lang.pick("注意：", "Note: "), scope.text));
        if let Some(family) = family_outside(unmet, lang) {
            lines.push(format!("  {}", lang.paren(&family).trim_start()));
        }
    }
    if out.whole {
        lines.push(match lang {
            Lang::Zh => format!("以下只列出“{}”的通用事项。", plan.playbook.name),
            Lang::En => format!("Only the {} steps are listed.", plan.playbook.name(lang)),
        });
    }
    if !out.steps.is_empty() {
        let titles: Vec<String> = out
            .steps
            .iter()
            .map(|s| lang.quote(s.title(lang)))
            .collect();
        lines.push(match lang {
            Lang::Zh => format!(
                "{}：请在户籍地按当地规定办理（全国通用的规定仍然适用）。",
                titles.join("、")
            ),
            Lang::En => format!(
                "{}: at your hukou place, under that place's rules (national rules still apply).",
                titles.join(", ")
            ),
        });
    }
    lines
}

/// The family's own situation against what a scope covers: `本家庭：宝宝随谁落户：随父，父亲户籍：
/// 外省；不符合：宝宝随深圳户籍的父亲或母亲落户` (its values first, then what it does not meet).
fn family_outside(unmet: &[crate::condition::Unmet], lang: Lang) -> Option<String> {
    if unmet.is_empty() {
        return None;
    }
    let mut values: Vec<String> = Vec::new();
    for v in unmet.iter().flat_map(|u| &u.values) {
        let v = v.say(lang);
        if !values.contains(&v) {
            values.push(v);
        }
    }
    let needs: Vec<&str> = unmet.iter().map(|u| u.text.get(lang)).collect();
    let needs = needs.join(lang.pick("、", "; "));
    Some(match (values.is_empty(), lang) {
        (true, Lang::Zh) => format!("本家庭不符合：{needs}"),
        (true, Lang::En) => format!("this family does not meet: {needs}"),
        (false, Lang::Zh) => format!("本家庭：{}；不符合：{needs}", values.join("，")),
        (false, Lang::En) => format!("this family: {}; not: {needs}", values.join(", ")),
    })
}

/// One line on what registering the baby with the other parent would open.
pub(crate) fn what_if(plan: &Plan<'_>, lang: Lang) -> Option<String> {
    let w = plan.what_if.as_ref()?;
    let parent = match (w.follows, lang) {
        ("mother", Lang::Zh) => "随母",
        (_, Lang::Zh) => "随父",
        ("mother", Lang::En) => "the mother",
        (_, Lang::En) => "the father",
    };
    let opens = match (w.route, lang) {
        (Some(r), Lang::Zh) => format!("可以走“{}”", r.title),
        (Some(r), Lang::En) => format!("the family could take \"{}\"", r.title(lang)),
        (None, Lang::Zh) => format!("本手册“{}”的办法会适用于您家", plan.requested.name),
        (None, Lang::En) => format!(
            "the {} playbook's own steps would apply",
            plan.requested.name(lang)
        ),
    };
    Some(match lang {
        Lang::Zh => format!(
            "如果改为{parent}落户：{opens}（newborn set follows={}）。",
            w.follows
        ),
        Lang::En => format!(
            "If the baby were registered with {parent}, {opens} (newborn set follows={}).",
            w.follows
        ),
    })
}

/// The counts above a plan: the steps by status (those with none left out), and the next
/// deadline: `共 20 项：逾期 1 · 可以办 3 · … · 最近截止 2026-11-08（…）`.
pub(crate) fn counts(plan: &Plan<'_>, lang: Lang) -> String {
    let total = plan.steps().len();
    let mut parts = Vec::new();
    for s in Status::ALL {
        let n = plan.steps().filter(|x| x.status == s).count();
        if n > 0 {
            parts.push(format!("{} {n}", status(s, lang)));
        }
    }
    if let Some((date, s)) = plan.counts().next_deadline {
        parts.push(match lang {
            Lang::Zh => format!("最近截止 {date}（{}）", s.step.title(lang)),
            Lang::En => format!("next deadline {date} ({})", s.step.title(lang)),
        });
    }
    let parts = parts.join(" · ");
    match lang {
        Lang::Zh => format!("共 {total} 项：{parts}"),
        Lang::En => format!("{total} steps: {parts}"),
    }
}

/// What to do after a step's deadline or window, as its source says, or that it does not say
/// and whom to ask.
pub(crate) fn late(plan: &Plan<'_>, s: &PlanStep<'_>, lang: Lang) -> String {
    if let Some(late) = &s.step.late {
        let source = late.source.as_ref().unwrap_or(&s.step.source);
        return format!(
            "{}{}",
            late.text,
            lang.paren(&cite(plan.playbook, source, lang))
        );
    }
    let mut whom: Vec<String> = s.step.agency.iter().map(|a| a.to_string()).collect();
    whom.extend(contacts(plan, s).map(|c| format!("{} {}", c.name, c.phone)));
    let whom = match whom.is_empty() {
        true => lang.pick("办理部门", "the office").to_string(),
        false => whom.join(lang.pick("或", " or ")),
    };
    match lang {
        Lang::Zh => format!("来源没有写错过期限后怎么办：请尽快问{whom}。"),
        Lang::En => format!(
            "The source does not say what to do after the deadline: ask {whom} as soon as you can."
        ),
    }
}

/// The helplines a source gives for step `s`: none for a step outside the playbook's scope (done
/// at the hukou place, or under the national rule), which this region's helplines do not serve.
pub(crate) fn contacts<'p>(
    plan: &'p Plan<'_>,
    s: &PlanStep<'_>,
) -> impl Iterator<Item = &'p crate::playbook::Contact> {
    let id = s.step.id.clone();
    let served = s.outside.is_none();
    (plan.playbook.contacts.iter()).filter(move |c| served && c.steps.contains(&id))
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
