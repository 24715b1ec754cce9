//! The engine on small playbooks written inline: each test states a rule in a few lines of
//! TOML and what a family is told.

use super::*;
use crate::facts::Facts;
use crate::registry::Registry;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A playbook with one source `doc`, and `body` (routes, conditions, steps).
fn playbook(body: &str) -> Playbook {
    let text = format!(
        r#"
id = "test"
name = "测试"
reviewed = 2026-11-01
[[sources]]
id = "doc"
title = "测试文件"
issuer = "测试"
trust = "official"
{body}
"#
    );
    let file = crate::diagnostic::SourceFile {
        name: "test.toml".into(),
        text: text.into(),
    };
    Registry::embedded()
        .load_file(file)
        .unwrap_or_else(|e| panic!("{e}"))
}

fn profile(birth: &str, set: &[&str]) -> Profile {
    let mut facts = Facts::default();
    for pair in set {
        facts.set_pair(pair).unwrap();
    }
    Profile {
        region: "test".into(),
        birth_date: date(birth),
        facts,
    }
}

fn done(steps: &[(&str, &str)]) -> Progress {
    steps
        .iter()
        .map(|(id, day)| (id.to_string(), date(day)))
        .collect()
}

/// The plan's steps as `id status deadline`, in order.
fn summary(plan: &Plan<'_>) -> Vec<String> {
    plan.steps()
        .map(|s| {
            let due = s.deadline().map_or("-".to_string(), |d| d.date.to_string());
            format!("{} {} {due}", s.step.id, s.status.as_str())
        })
        .collect()
}

const CHAIN: &str = r#"
[[steps]]
id = "apply"
title = "申请"
channel = "online"
who = "mother"
deadline = "within 30 days"
lead_time = "3-5 working days"
source = { doc = "doc", section = "一" }

[[steps]]
id = "collect"
title = "领取"
channel = "office"
who = "either_parent"
in_person = true
requires = ["apply"]
deadline = "within 10 days"
deadline_from = "apply"
source = { doc = "doc", section = "二" }

[[steps]]
id = "check"
title = "体检"
channel = "office"
who = "either_parent"
start = "1 months"
source = { doc = "doc", section = "三" }
"#;

#[test]
fn every_status_a_step_can_have() {
    let p = playbook(CHAIN);
    let calendar = Calendar::embedded();
    let family = profile("2026-10-08", &[]);
    // Nothing done: apply is ready, collect waits for it, the check is weeks away.
    let plan = super::plan(&p, &family, &Progress::new(), date("2026-10-10"), &calendar);
    assert_eq!(
        summary(&plan),
        [
            "apply ready 2026-11-07",
            "collect blocked -",
            "check waiting -"
        ]
    );
    // Applied on Friday the 16th: its result comes 3 working days later, on the 21st.
    let progress = done(&[("apply", "2026-10-16")]);
    let plan = super::plan(&p, &family, &progress, date("2026-10-19"), &calendar);
    let collect = plan.find("collect").unwrap();
    assert_eq!(collect.status, Status::Waiting);
    assert_eq!(collect.earliest_start, Some(date("2026-10-21")));
    assert!(matches!(
        collect.start_reason,
        Some(StartReason::LeadTime { step, .. }) if step.id == "apply"
    ));
    // Its deadline counts from the day apply was done: 10 days after the 16th.
    let d = collect.deadline().unwrap();
    assert_eq!(d.date, date("2026-10-26"));
    assert!(
        matches!(d.from, CountedFrom::Step(s, day) if s.id == "apply" && day == date("2026-10-16"))
    );
    // Then it is ready, and after its deadline overdue; the check is ready from one month.
    let plan = super::plan(&p, &family, &progress, date("2026-10-27"), &calendar);
    assert_eq!(plan.find("collect").unwrap().status, Status::Overdue);
    let plan = super::plan(&p, &family, &progress, date("2026-11-08"), &calendar);
    assert_eq!(plan.find("check").unwrap().status, Status::Ready);
    assert_eq!(plan.find("apply").unwrap().status, Status::Done);
}

#[test]
fn a_deadline_from_a_step_not_done_is_pending() {
    let p = playbook(CHAIN);
    let family = profile("2026-10-08", &[]);
    let plan = super::plan(
        &p,
        &family,
        &Progress::new(),
        date("2026-10-10"),
        &Calendar::embedded(),
    );
    let collect = plan.find("collect").unwrap();
    assert!(matches!(
        collect.due,
        Some(Due::Pending { from, .. }) if from.id == "apply"
    ));
    assert_eq!(collect.open_prerequisites.len(), 1);
    assert_eq!(plan.find("apply").unwrap().unblocks[0].id, "collect");
}

#[test]
fn the_order_is_prerequisites_then_date_then_playbook_order() {
    let p = playbook(
        r#"
[[steps]]
id = "late"
title = "晚"
channel = "online"
who = "mother"
deadline = "within 60 days"
source = { doc = "doc", section = "一" }

[[steps]]
id = "early-but-after-late"
title = "早但在后"
channel = "online"
who = "mother"
requires = ["late"]
deadline = "within 5 days"
source = { doc = "doc", section = "二" }

[[steps]]
id = "soon"
title = "近"
channel = "online"
who = "mother"
deadline = "within 10 days"
source = { doc = "doc", section = "三" }

[[steps]]
id = "undated"
title = "无期限"
channel = "online"
who = "mother"
requires = ["soon"]
source = { doc = "doc", section = "四" }
"#,
    );
    let family = profile("2026-10-08", &[]);
    let plan = super::plan(
        &p,
        &family,
        &Progress::new(),
        date("2026-10-08"),
        &Calendar::embedded(),
    );
    let ids: Vec<&str> = plan.steps().map(|s| &*s.step.id).collect();
    // `late` must be done by day 5 for `early-but-after-late` to meet its deadline, so it
    // comes first; `undated` has no deadline of its own or of a step waiting for it.
    assert_eq!(ids, ["late", "early-but-after-late", "soon", "undated"]);
    let numbers: Vec<usize> = plan.steps().filter_map(|s| s.number).collect();
    assert_eq!(numbers, [1, 2, 3, 4]);
    assert_eq!(plan.step(3).unwrap().step.id, "soon");
}

const ROUTES: &str = r#"
[[conditions]]
id = "bundle"
title = "可以联办"
all = [
  { when = "age <= 30 working days", text = "出生后30个工作日内" },
  { when = "father_hukou in [city, province]", text = "父亲本省户籍" },
]
source = { doc = "doc", section = "条件" }

[[routes]]
id = "bundle"
title = "联办"
when = "bundle"
source = { doc = "doc", section = "条件" }

[[routes]]
id = "separate"
title = "分别办"

[[steps]]
id = "one-thing-application"
route = "bundle"
title = "联办申请"
channel = "online"
who = "mother"
deadline = "within 30 working days"
source = { doc = "doc", section = "一" }

[[steps]]
id = "hukou-registration"
route = "bundle"
title = "领取户口页"
channel = "office"
who = "either_parent"
requires = ["one-thing-application"]
source = { doc = "doc", section = "二" }

[[steps]]
id = "hukou-registration"
route = "separate"
title = "派出所登记"
channel = "office"
who = "either_parent"
deadline = "within 1 month"
source = { doc = "doc", section = "三" }
"#;

#[test]
fn the_route_is_the_first_whose_condition_holds_else_the_fallback_with_why() {
    let p = playbook(ROUTES);
    let calendar = Calendar::embedded();
    let family = profile("2026-10-08", &[]);
    let plan = super::plan(&p, &family, &Progress::new(), date("2026-10-20"), &calendar);
    let route = plan.route.as_ref().unwrap();
    assert_eq!(route.route.id, "bundle");
    assert_eq!(route.why.say(Lang::Zh), "可以联办，走“联办”");

    let other = profile("2026-10-08", &["father_hukou=other"]);
    let plan = super::plan(&p, &other, &Progress::new(), date("2026-10-20"), &calendar);
    let route = plan.route.as_ref().unwrap();
    assert_eq!(route.route.id, "separate");
    assert_eq!(
        route.why.say(Lang::Zh),
        "不能走“联办”：父亲本省户籍（father_hukou = other）"
    );
    // The bundle's own step does not apply, and says why; the variant on the route does.
    let na = &plan.not_applicable[0];
    assert_eq!(na.step.id, "one-thing-application");
    assert_eq!(
        na.why[0].say(Lang::Zh),
        "只属于路线“联办”，本家庭走的不是这条路线"
    );
    assert_eq!(
        plan.find("hukou-registration").unwrap().step.title,
        "派出所登记"
    );
}

#[test]
fn a_route_the_family_started_on_stays_its_route_after_its_window() {
    let p = playbook(ROUTES);
    let calendar = Calendar::embedded();
    let family = profile("2026-10-08", &[]);
    let progress = done(&[("one-thing-application", "2026-10-20")]);
    // Two months on, the 30 working days are past, but the application was made.
    let plan = super::plan(&p, &family, &progress, date("2026-12-08"), &calendar);
    let route = plan.route.as_ref().unwrap();
    assert_eq!(route.route.id, "bundle");
    assert!(
        matches!(route.why, RouteWhy::Started { step, .. } if step.id == "one-thing-application")
    );
    // Without it, the family is on the separate route.
    let plan = super::plan(&p, &family, &Progress::new(), date("2026-12-08"), &calendar);
    assert_eq!(plan.route.as_ref().unwrap().route.id, "separate");
}

#[test]
fn dates_in_a_year_whose_holidays_are_unknown_are_estimated_and_said_so() {
    let p = playbook(ROUTES);
    let family = profile("2026-12-20", &[]);
    let plan = super::plan(
        &p,
        &family,
        &Progress::new(),
        date("2026-12-21"),
        &Calendar::embedded(),
    );
    let application = plan.find("one-thing-application").unwrap();
    assert!(application.deadline().unwrap().estimated);
    let [Warning::Estimated { years, steps, .. }] = &plan.warnings[..] else {
        panic!("{:?}", plan.warnings);
    };
    assert_eq!(years, &[2027]);
    assert_eq!(steps[0].id, "one-thing-application");
    assert!(
        plan.warnings[0]
            .say(Lang::Zh)
            .starts_with("2027年的法定节假日安排尚未知道")
    );
}

#[test]
fn a_playbook_reviewed_over_a_year_ago_is_flagged() {
    let p = playbook(CHAIN);
    let family = profile("2027-12-01", &[]);
    let plan = super::plan(
        &p,
        &family,
        &Progress::new(),
        date("2027-12-02"),
        &Calendar::embedded(),
    );
    assert!(matches!(plan.warnings[0], Warning::Stale { .. }));
}
