//! The engine on small playbooks written inline: each test states a rule in a few lines of
//! TOML and what a family is told.

use super::*;
use crate::facts::Facts;
use crate::lang::{Lang, Say};
use crate::registry::Registry;

fn date(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// A playbook with one source `doc`, and `body` (routes, conditions, steps).
fn playbook(body: &str) -> Playbook {
    playbook_extending("", body)
}

/// As [`playbook`], with `header` at the top (e.g. `extends = "national"`).
fn playbook_extending(header: &str, body: &str) -> Playbook {
    let text = format!(
        r#"
id = "test"
name = "测试"
reviewed = 2026-11-01
{header}
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
        "不能走“联办”：父亲本省户籍（父亲户籍：外省）"
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
fn a_step_named_in_a_reason_is_the_variant_on_the_family_s_route() {
    // Registering the hukou on the separate route rules out a step only for babies not yet
    // registered: the reason names that route's step, not the bundle's step of the same id.
    let body = format!(
        "{ROUTES}{}",
        r#"
[[steps]]
id = "pre-enrollment"
title = "医院预参保"
channel = "office"
who = "institution"
when = "not done(hukou-registration)"
source = { doc = "doc", section = "四" }
"#
    );
    let p = playbook(&body);
    let family = profile("2026-10-08", &["father_hukou=other"]);
    let progress = done(&[("hukou-registration", "2026-10-12")]);
    let plan = plan_of(&p, &family, &progress, "2026-10-20");
    assert_eq!(plan.route.as_ref().unwrap().route.id, "separate");
    let na = plan.find("pre-enrollment").unwrap();
    assert_eq!(na.status, Status::NotApplicable);
    let why = na.why[0].say(Lang::Zh);
    assert!(why.contains("派出所登记"), "{why}");
    assert!(!why.contains("领取户口页"), "{why}");
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

/// A plan of `p` for a family born on `birth`, on `today`, with `set` facts and `progress`.
fn plan_of<'a>(p: &'a Playbook, family: &'a Profile, progress: &Progress, today: &str) -> Plan<'a> {
    super::plan(p, family, progress, date(today), &Calendar::embedded())
}

const HOSPITAL: &str = r#"
[[steps]]
id = "vaccination"
title = "医院接种"
channel = "office"
who = "institution"
deadline = "within 1 day"
source = { doc = "doc", section = "一" }

[[steps]]
id = "pick-up"
title = "领取证件"
channel = "office"
who = "either_parent"
in_person = true
deadline = "within 1 month"
source = { doc = "doc", section = "二" }
"#;

#[test]
fn the_hospital_s_step_waits_then_asks_to_be_confirmed_never_overdue_and_comes_after_the_family_s()
{
    let p = playbook(HOSPITAL);
    let family = profile("2026-10-08", &[]);
    let plan = plan_of(&p, &family, &Progress::new(), "2026-10-08");
    let vaccination = plan.find("vaccination").unwrap();
    assert_eq!(vaccination.status, Status::Waiting);
    assert_eq!(vaccination.deadline().unwrap().office_day, None);
    // Weeks later: the family confirms it has the booklet; it is not the family's overdue task.
    let plan = plan_of(&p, &family, &Progress::new(), "2026-11-01");
    assert_eq!(plan.find("vaccination").unwrap().status, Status::Confirm);
    assert_eq!(plan.next().unwrap().step.id, "pick-up");
    assert_eq!(plan.counts().overdue, 0);
    // Once the family's step is done, next asks to confirm.
    let done = done(&[("pick-up", "2026-10-20")]);
    let plan = plan_of(&p, &family, &done, "2026-11-01");
    assert_eq!(plan.next().unwrap().step.id, "vaccination");
}

const WINDOWS: &str = r#"
[[steps]]
id = "declare"
title = "申报"
channel = "online"
who = "mother"
deadline = "within 1 month"
window = "under 6 months"
late = { text = "未满6个月仍可申请，请尽快。" }
source = { doc = "doc", section = "一" }

[[steps]]
id = "pre-enrollment"
title = "预参保"
channel = "office"
who = "institution"
optional = true
fact = "pre_enrolled"
window = "under 3 months"
late = { text = "改为落户后按户籍地规定参保。", source = { doc = "doc", section = "三" } }
source = { doc = "doc", section = "二" }

[[steps]]
id = "pay"
title = "缴费"
channel = "online"
who = "either_parent"
when = "pre_enrolled"
requires = ["pre-enrollment"]
window = "within 3 months"
source = { doc = "doc", section = "四" }

[[steps]]
id = "register-later"
title = "落户后参保"
channel = "online"
who = "either_parent"
when = "skipped(pre-enrollment)"
source = { doc = "doc", section = "五" }
"#;

#[test]
fn a_duty_past_its_deadline_is_overdue_and_a_closed_window_is_missed() {
    let p = playbook(WINDOWS);
    let family = profile("2026-01-10", &[]);
    // Two months on: the declaration is overdue (a duty, still to do), its window open.
    let plan = plan_of(&p, &family, &Progress::new(), "2026-03-10");
    let declare = plan.find("declare").unwrap();
    assert_eq!(declare.status, Status::Overdue);
    assert_eq!(declare.window.unwrap().date, date("2026-07-09"));
    assert_eq!(plan.step(1).unwrap().step.id, "declare");
    // Past six months: missed, never overdue, and not next.
    let plan = plan_of(&p, &family, &Progress::new(), "2026-07-10");
    assert_eq!(plan.find("declare").unwrap().status, Status::Missed);
    assert!(plan.next().is_none_or(|s| s.step.id != "declare"));
    assert_eq!(plan.counts().overdue, 0);
    let late = crate::render::late(&plan, plan.find("declare").unwrap(), Lang::Zh);
    assert!(late.starts_with("未满6个月仍可申请"), "{late}");
}

#[test]
fn steps_that_follow_an_optional_step_wait_until_it_is_done_or_skipped() {
    let p = playbook(WINDOWS);
    let family = profile("2026-01-10", &[]);
    // Undecided: paying (if pre-enrolled) and registering later (if not) are both planned,
    // blocked on the decision.
    let plan = plan_of(&p, &family, &Progress::new(), "2026-01-15");
    for id in ["pay", "register-later"] {
        let s = plan.find(id).unwrap();
        assert_eq!(s.status, Status::Blocked, "{id}");
        assert_eq!(s.open_prerequisites[0].id, "pre-enrollment", "{id}");
    }
    // Done: paying applies and is ready; registering later does not apply.
    let plan = plan_of(
        &p,
        &family,
        &done(&[("pre-enrollment", "2026-01-12")]),
        "2026-01-15",
    );
    assert_eq!(plan.find("pay").unwrap().status, Status::Ready);
    assert_eq!(
        plan.find("register-later").unwrap().status,
        Status::NotApplicable
    );
    // Skipped: the other way round.
    let mut skipped = Progress::new();
    skipped.skipped.insert("pre-enrollment".into());
    let plan = plan_of(&p, &family, &skipped, "2026-01-15");
    assert_eq!(plan.find("pre-enrollment").unwrap().status, Status::Skipped);
    assert_eq!(plan.find("pay").unwrap().status, Status::NotApplicable);
    assert_eq!(plan.find("register-later").unwrap().status, Status::Ready);
    // The window closed without it: missed, which counts as not taken.
    let plan = plan_of(&p, &family, &Progress::new(), "2026-04-10");
    assert_eq!(plan.find("pre-enrollment").unwrap().status, Status::Missed);
    assert_eq!(plan.find("register-later").unwrap().status, Status::Ready);
}

#[test]
fn a_fact_the_family_states_decides_the_step_that_mirrors_it() {
    let p = playbook(WINDOWS);
    let yes = profile("2026-01-10", &["pre_enrolled=true"]);
    let plan = plan_of(&p, &yes, &Progress::new(), "2026-01-15");
    assert_eq!(plan.find("pre-enrollment").unwrap().status, Status::Done);
    assert_eq!(plan.find("pay").unwrap().status, Status::Ready);
    let no = profile("2026-01-10", &["pre_enrolled=false"]);
    let plan = plan_of(&p, &no, &Progress::new(), "2026-01-15");
    assert_eq!(plan.find("pre-enrollment").unwrap().status, Status::Skipped);
    assert_eq!(plan.find("pay").unwrap().status, Status::NotApplicable);
}

#[test]
fn a_tip_that_fits_one_outcome_of_an_undecided_step_waits_for_the_decision() {
    let body = format!(
        "{WINDOWS}{}",
        r#"
[[steps]]
id = "apply"
title = "申请"
channel = "online"
who = "mother"
tips = [
  { text = "已预参保：选是。", when = "pre_enrolled" },
  { text = "未预参保：选否。", when = "not pre_enrolled" },
  { text = "没有预参保时跳过。", when = "skipped(pre-enrollment)" },
  { text = "人人都看。" },
]
materials = [{ name = "预参保登记卡", when = "done(pre-enrollment)" }]
source = { doc = "doc", section = "六" }
"#
    );
    let p = playbook(&body);
    let family = profile("2026-01-10", &[]);
    let shown = |progress: &Progress, today: &str| {
        let plan = plan_of(&p, &family, progress, today);
        let apply = plan.find("apply").unwrap();
        let tips: Vec<String> = apply.tips.iter().map(|t| t.text.to_string()).collect();
        let materials: Vec<String> = apply.materials.iter().map(|m| m.name.to_string()).collect();
        (tips, materials)
    };
    // Undecided: neither "yes" nor "no" is the family's yet.
    let (tips, materials) = shown(&Progress::new(), "2026-01-15");
    assert_eq!(tips, ["人人都看。"]);
    assert!(materials.is_empty());
    // Done: the "yes" tip and the card.
    let (tips, materials) = shown(&done(&[("pre-enrollment", "2026-01-12")]), "2026-01-15");
    assert_eq!(tips, ["已预参保：选是。", "人人都看。"]);
    assert_eq!(materials, ["预参保登记卡"]);
    // Skipped: the "no" tips.
    let mut skipped = Progress::new();
    skipped.skipped.insert("pre-enrollment".into());
    let (tips, _) = shown(&skipped, "2026-01-15");
    assert_eq!(
        tips,
        ["未预参保：选否。", "没有预参保时跳过。", "人人都看。"]
    );
    // Its window closed without it: decided, as not taken.
    let (tips, _) = shown(&Progress::new(), "2026-04-10");
    assert_eq!(
        tips,
        ["未预参保：选否。", "没有预参保时跳过。", "人人都看。"]
    );
}

const RESULT: &str = r#"
[[steps]]
id = "apply"
title = "申请"
channel = "online"
who = "mother"
lead_time = "10 working days"
source = { doc = "doc", section = "一" }

[[steps]]
id = "collect"
title = "领取"
channel = "office"
who = "either_parent"
requires = ["apply"]
deadline = "within 20 days"
deadline_binds = "result"
source = { doc = "doc", section = "二" }

[[steps]]
id = "visit"
title = "现场办理"
channel = "office"
who = "either_parent"
requires = ["apply"]
deadline = "within 20 days"
source = { doc = "doc", section = "三" }
"#;

#[test]
fn a_deadline_on_a_result_is_not_the_family_s_while_the_office_takes_its_time() {
    let p = playbook(RESULT);
    let family = profile("2026-10-08", &[]);
    // Applied on Saturday 10-17: the 10th working day after it is 10-30, after the 20-day
    // deadline of both steps (10-28).
    let applied = done(&[("apply", "2026-10-17")]);
    let plan = plan_of(&p, &family, &applied, "2026-10-29");
    let collect = plan.find("collect").unwrap();
    // The result comes on 10-30, after the deadline 10-28: the office was late, not the family.
    assert_eq!(collect.earliest_start, Some(date("2026-10-30")));
    assert_eq!(collect.status, Status::Waiting);
    // A deadline on the family's own act cannot be met: a warning says so, with both dates.
    let visit = plan.find("visit").unwrap();
    assert_eq!(visit.status, Status::Overdue);
    let too_late: Vec<&Warning> = (plan.warnings.iter())
        .filter(|w| matches!(w, Warning::TooLate { step, .. } if step.id == "visit"))
        .collect();
    assert_eq!(too_late.len(), 1);
    let text = too_late[0].say(Lang::Zh);
    assert!(
        text.contains("2026-10-30") && text.contains("2026-10-28"),
        "{text}"
    );
    // On the day the result is in, collecting is ready, not overdue.
    let plan = plan_of(&p, &family, &applied, "2026-10-30");
    assert_eq!(plan.find("collect").unwrap().status, Status::Ready);
}

const SCOPED: &str = r#"
[[conditions]]
id = "local-hukou"
title = "宝宝在本地落户"
all = [{ when = "(follows == father and father_hukou in [city, province]) or (follows == mother and mother_hukou in [city, province])", text = "宝宝随之落户的父母一方为本地户籍" }]
source = { doc = "doc", section = "一" }

[[steps]]
id = "hukou-registration"
title = "本地派出所落户"
channel = "online_or_office"
who = "either_parent"
deadline = "within 1 month"
scope = { when = "local-hukou", text = "只写了在本地落户的办法。", source = { doc = "doc", section = "一" } }
source = { doc = "doc", section = "一" }

[[steps]]
id = "insurance"
title = "本地参保"
channel = "online"
who = "either_parent"
deadline = "within 90 days"
scope = { when = "local-hukou", text = "只写了在本地落户的办法。", source = { doc = "doc", section = "二" } }
source = { doc = "doc", section = "二" }
"#;

#[test]
fn a_family_outside_a_step_s_scope_gets_the_national_rule_or_is_told_to_do_it_at_home() {
    let p = playbook_extending("extends = \"national\"", SCOPED);
    let local = profile("2026-10-08", &[]);
    let plan = plan_of(&p, &local, &Progress::new(), "2026-10-20");
    assert!(plan.out_of_scope.is_none());
    assert_eq!(
        plan.find("hukou-registration").unwrap().step.title,
        "本地派出所落户"
    );

    let away = profile("2026-10-08", &["father_hukou=other"]);
    let plan = plan_of(&p, &away, &Progress::new(), "2026-10-20");
    // The hukou step is the national rule, still due in a month.
    let hukou = plan.find("hukou-registration").unwrap();
    assert_eq!(hukou.step.origin, "national");
    assert_eq!(hukou.deadline().unwrap().date, date("2026-11-08"));
    assert!(hukou.outside.is_some());
    // Insurance is the hukou place's: no deadline, channel or consequence of this region.
    let insurance = plan.find("insurance").unwrap();
    assert_eq!(insurance.status, Status::Elsewhere);
    assert!(insurance.deadline().is_none());
    let out = plan.out_of_scope.as_ref().unwrap();
    assert!(!out.whole);
    assert_eq!(out.scopes.len(), 1);
    // What the family does not meet of the step's scope, with its own values, for the notice.
    let unmet = &out.scopes[0].1;
    assert_eq!(unmet.len(), 1);
    assert_eq!(unmet[0].text.zh, "宝宝随之落户的父母一方为本地户籍");
    assert!(unmet[0].say(Lang::Zh).contains("父亲户籍：外省"));
    let ids: Vec<&str> = out.steps.iter().map(|s| &*s.id).collect();
    assert_eq!(ids, ["hukou-registration", "insurance"]);
}

#[test]
fn a_step_outside_the_scope_says_so_once_and_gets_no_helpline_of_this_region() {
    let body = format!(
        "{SCOPED}\n{}",
        r#"
[[contacts]]
name = "咨询电话"
phone = "0000-1234567"
steps = ["hukou-registration", "insurance"]
source = { doc = "doc", section = "三" }
"#
    );
    let p = playbook_extending("extends = \"national\"", &body);
    let calendar = Calendar::embedded();
    let show = |plan: &Plan<'_>, id: &str| {
        crate::render::text::show(plan, plan.find(id).unwrap(), &calendar, Lang::Zh)
    };
    // Covered: the helpline is shown with the steps it serves.
    let local = profile("2026-10-08", &[]);
    let plan = plan_of(&p, &local, &Progress::new(), "2026-10-20");
    assert!(show(&plan, "hukou-registration").contains("0000-1234567"));
    assert!(show(&plan, "insurance").contains("0000-1234567"));

    // Outside: the notice once, and this region's helpline neither on the step done at the
    // hukou place nor on the national rule that replaces this region's step.
    let away = profile("2026-10-08", &["father_hukou=other"]);
    let plan = plan_of(&p, &away, &Progress::new(), "2026-10-20");
    let insurance = show(&plan, "insurance");
    assert_eq!(
        insurance.matches("只写了在本地落户的办法。").count(),
        1,
        "{insurance}"
    );
    assert!(!insurance.contains("0000-1234567"), "{insurance}");
    let hukou = show(&plan, "hukou-registration");
    assert!(!hukou.contains("0000-1234567"), "{hukou}");
    // Overdue, its late guidance does not send the family to this region's helpline either.
    let plan = plan_of(&p, &away, &Progress::new(), "2026-11-20");
    let hukou = show(&plan, "hukou-registration");
    assert!(hukou.contains("现在怎么办"), "{hukou}");
    assert!(!hukou.contains("0000-1234567"), "{hukou}");
}

#[test]
fn a_route_is_started_only_by_the_steps_it_names_and_a_closed_window_leaves_its_step_missed() {
    let p = playbook(&format!(
        "{}\n{}",
        ROUTES.replace(
            "when = \"bundle\"\nsource",
            "when = \"bundle\"\nstarted_by = [\"one-thing-application\"]\nsource"
        ),
        r#"
[[steps]]
id = "prepare"
route = "bundle"
title = "准备"
channel = "online"
who = "mother"
source = { doc = "doc", section = "五" }
"#
    ))
    .clone();
    let p = {
        let mut p = p;
        // The application's limit is a window.
        let apply = p
            .steps
            .iter_mut()
            .find(|s| s.id == "one-thing-application")
            .unwrap();
        apply.window = apply.deadline.take().map(|d| crate::playbook::Window {
            rule: d.rule,
            note: None,
            source: None,
        });
        p
    };
    let family = profile("2026-10-08", &[]);
    // Only preparing, then the window closed: the family is on the separate route, and the
    // application is missed (not "does not apply").
    let prepared = done(&[("prepare", "2026-10-10")]);
    let plan = plan_of(&p, &family, &prepared, "2026-12-08");
    let route = plan.route.as_ref().unwrap();
    assert_eq!(route.route.id, "separate");
    assert_eq!(route.closed[0].id, "bundle");
    assert_eq!(
        plan.find("one-thing-application").unwrap().status,
        Status::Missed
    );
    // Having applied, it stays on the bundle.
    let applied = done(&[("one-thing-application", "2026-10-20")]);
    let plan = plan_of(&p, &family, &applied, "2026-12-08");
    assert_eq!(plan.route.as_ref().unwrap().route.id, "bundle");
}

#[test]
fn an_overdue_duty_and_the_steps_it_waits_for_come_first_and_next_lists_what_else_is_urgent() {
    let p = playbook(
        r#"
[[steps]]
id = "check"
title = "体检"
channel = "office"
who = "either_parent"
start = "1 months"
source = { doc = "doc", section = "一" }

[[steps]]
id = "certificate"
title = "出生证"
channel = "office"
who = "either_parent"
source = { doc = "doc", section = "二" }

[[steps]]
id = "hukou"
title = "落户"
channel = "office"
who = "either_parent"
requires = ["certificate"]
deadline = "within 1 month"
source = { doc = "doc", section = "三" }

[[steps]]
id = "insurance"
title = "参保"
channel = "online"
who = "either_parent"
deadline = "within 40 days"
source = { doc = "doc", section = "四" }
"#,
    );
    let family = profile("2026-01-10", &[]);
    let plan = plan_of(&p, &family, &Progress::new(), "2026-02-12");
    let ids: Vec<&str> = plan.steps().map(|s| &*s.step.id).collect();
    // hukou is overdue; certificate (undated) is what it waits for: both first.
    assert_eq!(ids, ["certificate", "hukou", "insurance", "check"]);
    assert_eq!(plan.next().unwrap().step.id, "certificate");
    let soon: Vec<&str> = plan.soon(7).iter().map(|s| &*s.step.id).collect();
    assert_eq!(soon, ["hukou", "insurance"]);
    let counts = plan.counts();
    assert_eq!(counts.overdue, 1);
    assert_eq!(counts.next_deadline.unwrap().0, date("2026-02-19"));
}

const PAYMENT: &str = r#"
[[steps]]
id = "pay"
title = "缴费"
channel = "online"
who = "either_parent"
tips = [
  { text = "先登记。" },
  { text = "缴到{day_year}年8月。", when = "day_month < 9", day = "done" },
  { text = "缴到{day_year+1}年8月。", when = "day_month >= 9", day = "done" },
  { text = "晚于出生月（{birth_month}月），还要补缴。", when = "day_months_since_birth_month >= 1", day = "done" },
  { text = "用支付宝。" },
]
source = { doc = "doc", section = "一" }
"#;

/// A step's tips as shown in Chinese.
fn tips_zh(plan: &Plan<'_>, id: &str) -> Vec<String> {
    let s = plan.find(id).unwrap();
    s.tips.iter().map(|t| t.say(Lang::Zh)).collect()
}

#[test]
fn a_tip_read_on_its_step_s_day_uses_the_day_it_was_done_never_today() {
    let p = playbook(PAYMENT);
    let family = profile("2026-08-03", &[]);
    // Paid on 2026-08-20, read on 2026-12-01 (an export read later): August → this August, and
    // no back payment in the birth month. Today's month (December) plays no part.
    let paid = done(&[("pay", "2026-08-20")]);
    let plan = plan_of(&p, &family, &paid, "2026-12-01");
    assert_eq!(
        tips_zh(&plan, "pay"),
        [
            "先登记。",
            "已于 2026-08-20 办理：缴到2026年8月。",
            "用支付宝。"
        ]
    );
    // Paid on 2026-09-02: next August, and September is after the birth month.
    let paid = done(&[("pay", "2026-09-02")]);
    let plan = plan_of(&p, &family, &paid, "2026-09-02");
    assert_eq!(
        tips_zh(&plan, "pay"),
        [
            "先登记。",
            "已于 2026-09-02 办理：缴到2027年8月。",
            "已于 2026-09-02 办理：晚于出生月（8月），还要补缴。",
            "用支付宝。"
        ]
    );
    let plan = plan_of(&p, &family, &paid, "2026-09-02");
    let en: Vec<String> = (plan.find("pay").unwrap().tips.iter())
        .map(|t| t.say(Lang::En))
        .collect();
    assert_eq!(en[1], "Done on 2026-09-02: 缴到2027年8月。");
}

#[test]
fn a_tip_read_on_its_step_s_day_lists_each_month_ahead_until_the_step_is_done() {
    let p = playbook(PAYMENT);
    let family = profile("2026-08-03", &[]);
    // Not paid on 2026-08-10: August alone gives this August; September 2026 to July 2027
    // give August 2027 (the two tips' months merge, the text being the same); from September
    // on, the back payment. Twelve months ahead: to the end of July 2027.
    let plan = plan_of(&p, &family, &Progress::new(), "2026-08-10");
    assert_eq!(
        tips_zh(&plan, "pay"),
        [
            "先登记。",
            "2026-08-10 至 2026-08-31 之间办理：缴到2026年8月。",
            "2026-09-01 至 2027-07-31 之间办理：缴到2027年8月。",
            "2026-09-01 至 2027-07-31 之间办理：晚于出生月（8月），还要补缴。",
            "用支付宝。"
        ]
    );
    // Not paid on 2026-11-12: November 2026 to August 2027 give the same period, whichever
    // tip says it; September and October 2027 the next.
    let plan = plan_of(&p, &family, &Progress::new(), "2026-11-12");
    let tips = tips_zh(&plan, "pay");
    assert_eq!(
        tips[1],
        "2026-11-12 至 2027-08-31 之间办理：缴到2027年8月。"
    );
    assert_eq!(
        tips[3],
        "2027-09-01 至 2027-10-31 之间办理：缴到2028年8月。"
    );
    assert!(tips.iter().all(|t| !t.contains("缴到2026年8月")));
}

#[test]
fn a_day_s_values_are_known_only_in_a_tip_read_on_its_day_and_today_s_are_not_there() {
    let load = |tip: &str| {
        let body = format!(
            "[[steps]]\nid = \"pay\"\ntitle = \"缴费\"\nchannel = \"online\"\nwho = \"mother\"\ntips = [{tip}]\nsource = {{ doc = \"doc\", section = \"一\" }}\n"
        );
        let text = format!(
            "id = \"test\"\nname = \"测试\"\nreviewed = 2026-11-01\n[[sources]]\nid = \"doc\"\ntitle = \"t\"\nissuer = \"t\"\ntrust = \"official\"\n{body}"
        );
        let file = crate::diagnostic::SourceFile {
            name: "test.toml".into(),
            text: text.into(),
        };
        Registry::embedded()
            .load_file(file)
            .map(|_| ())
            .map_err(|e| e.to_string())
    };
    assert!(load(r#"{ text = "到{day_year}年", when = "day_month < 9", day = "done" }"#).is_ok());
    let e = load(r#"{ text = "到{day_year}年" }"#).unwrap_err();
    assert!(e.contains("day_year") && e.contains("today_year"), "{e}");
    let e = load(r#"{ text = "x", when = "day_month < 9" }"#).unwrap_err();
    assert!(e.contains("day = \"done\""), "{e}");
    let e = load(r#"{ text = "到{today_year}年", day = "done" }"#).unwrap_err();
    assert!(e.contains("use `day_year`"), "{e}");
    let e = load(r#"{ text = "x", when = "today_month < 9", day = "done" }"#).unwrap_err();
    assert!(e.contains("use `day_month`"), "{e}");
    let e = load(r#"{ text = "x", day = "today" }"#).unwrap_err();
    assert!(e.contains("allowed: done"), "{e}");
}

#[test]
fn a_step_marked_done_settles_the_steps_it_requires_but_not_a_fact_the_family_states() {
    // Collected without marking the application: it was applied for, so it is done, not
    // overdue, and next does not send the family back to it.
    let p = playbook(CHAIN);
    let family = profile("2026-10-08", &[]);
    let progress = done(&[("collect", "2026-10-20")]);
    let plan = plan_of(&p, &family, &progress, "2026-11-20");
    let apply = plan.find("apply").unwrap();
    assert_eq!(apply.status, Status::Done);
    assert_eq!(apply.done_on, None);
    assert!(plan.next().is_none_or(|s| s.step.id != "apply"));
    assert_eq!(plan.counts().overdue, 0);
    // A step that mirrors a fact (pre-enrollment) is not implied by the step that requires it:
    // what follows the fact still waits for the family to state it.
    let p = playbook(WINDOWS);
    let family = profile("2026-01-10", &[]);
    let progress = done(&[("pay", "2026-01-20")]);
    let plan = plan_of(&p, &family, &progress, "2026-01-25");
    assert_ne!(plan.find("pre-enrollment").unwrap().status, Status::Done);
    assert_eq!(plan.find("register-later").unwrap().status, Status::Blocked);
}
