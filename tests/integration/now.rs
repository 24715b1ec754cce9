//! What a plan tells a family about now (issue 14): what is most urgent, what can no longer be
//! done, what someone else does, and what the playbook does not cover — each case as a family
//! meets it, with exact dates.

use crate::test::{Test, family, step};

/// `newborn next` for a one-off family.
fn next(region: &str, birth: &str, today: &str, set: &[&str]) -> Test {
    let mut t = Test::new().args(&["next", "--region", region, "--birth-date", birth]);
    for s in set {
        t = t.args(&["--set", s]);
    }
    t.today(today)
}

#[test]
fn xiamen_a_month_late_is_told_to_declare_the_birth_first_not_the_health_check() {
    // Born 2026-01-10: the one-month declaration (the bundle's application) was due 02-10.
    next("xiamen", "2026-01-10", "2026-02-12", &[])
        .stdout_contains("下一步（已逾期）：1. 母亲在网上办事大厅申请“出生一件事”")
        .stdout_contains("截止：2026-02-10（逾期2天）")
        .stdout_contains("最晚可办：2026-07-09（未满6个月，过后不能再办）")
        .stdout_contains("现在怎么办：宝宝未满6个月的，仍可申请“出生一件事”")
        .stdout_lacks("下一步：2. 满月")
        .run();
}

#[test]
fn shenzhen_after_the_online_application_the_police_station_comes_first() {
    let home = family("shenzhen", "2026-01-10", "2026-01-12");
    home.share()
        .args(&["done", "birth-certificate", "--on", "2026-01-20"])
        .today("2026-01-25")
        .run();
    home.share()
        .args(&["done", "hukou-online-application", "--on", "2026-01-25"])
        .today("2026-01-25")
        .run();
    home.share()
        .args(&["next"])
        .today("2026-02-12")
        .stdout_contains("下一步（已逾期）：1. 到户口所在公安局现场上户口（hukou-registration）")
        .stdout_contains("截止：2026-02-10（逾期2天）")
        .run();
}

#[test]
fn hebei_s_hospital_vaccination_is_confirmed_not_overdue() {
    let plan = Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-10-08"])
        .today("2026-11-01")
        .json();
    let v = step(&plan, "vaccination-certificate");
    assert_eq!(v["status"], "confirm");
    assert_eq!(v["days_left"], serde_json::Value::Null);
    assert_eq!(v["deadline_office_day"], serde_json::Value::Null);
    next("hebei", "2026-10-08", "2026-11-01", &[])
        .stdout_contains("下一步：1. 向医院提交")
        .run();
    Test::new()
        .args(&["show", "vaccination-certificate", "--region", "hebei"])
        .args(&["--birth-date", "2026-10-08"])
        .today("2026-11-01")
        .stdout_contains("状态：请确认")
        .stdout_contains(
            "医院或办理部门应已办好：确认拿到结果后，newborn done vaccination-certificate",
        )
        .stdout_lacks("办理窗口最后工作日")
        .run();
}

#[test]
fn nanning_pre_enrollment_ends_with_the_hukou_or_three_months_and_is_never_red() {
    let home = family("nanning", "2026-02-10", "2026-02-11");
    // Registered on day 20: the baby is no longer in hospital unregistered.
    home.share()
        .args(&["done", "hukou-registration", "--on", "2026-03-02"])
        .today("2026-03-02")
        .run();
    let plan = home
        .share()
        .args(&["plan", "--all"])
        .today("2026-03-05")
        .json();
    assert_eq!(step(&plan, "pre-enrollment")["status"], "not_applicable");
    let why = step(&plan, "pre-enrollment")["why"].to_string();
    assert!(why.contains("住院期间尚未办理户籍登记"), "{why}");
    // Unregistered and at four months: missed, with the real-name route the notice gives.
    let plan = Test::new()
        .args(&["plan", "--region", "nanning", "--birth-date", "2026-02-10"])
        .today("2026-06-14")
        .json();
    let pre = step(&plan, "pre-enrollment");
    assert_eq!(pre["status"], "missed");
    assert!(pre["late"].as_str().unwrap().contains("真实姓名"));
    // Marked done, what must follow it comes in: pay within 3 months or the registration is void.
    let home = family("nanning", "2026-02-10", "2026-02-11");
    home.share()
        .args(&["done", "pre-enrollment", "--on", "2026-02-11"])
        .today("2026-02-12")
        .run();
    let plan = home.share().args(&["plan"]).today("2026-02-12").json();
    let pay = step(&plan, "medical-insurance-payment");
    assert_eq!(pay["status"], "ready");
    assert_eq!(pay["window"], "2026-05-10");
    assert!(pay["missed"].as_str().unwrap().contains("作废"));
}

#[test]
fn a_bundle_applied_for_in_time_is_not_overdue_while_the_police_take_their_time() {
    for region in ["xiamen", "hebei"] {
        let home = family(region, "2026-10-08", "2026-10-09");
        home.share()
            .args(&["done", "one-thing-application", "--on", "2026-10-16"])
            .today("2026-10-20")
            .run();
        home.share()
            .args(&["done", "birth-certificate", "--on", "2026-10-20"])
            .today("2026-10-20")
            .run();
        // Day 40.
        let plan = home.share().args(&["plan"]).today("2026-11-17").json();
        let hukou = step(&plan, "hukou-registration");
        assert_ne!(hukou["status"], "overdue", "{region}");
        assert_eq!(hukou["deadline"], serde_json::Value::Null, "{region}");
        let overdue = plan["steps"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|s| s["status"] == "overdue")
            .count();
        assert_eq!(overdue, 0, "{region}");
    }
}

#[test]
fn xiamen_parents_from_another_province_are_told_which_steps_are_their_hukou_place_s() {
    let args = ["--region", "xiamen", "--birth-date", "2026-10-08"];
    let both = ["--set", "mother_hukou=other", "--set", "father_hukou=other"];
    let plan = Test::new()
        .args(&["plan"])
        .args(&args)
        .args(&both)
        .today("2026-10-20")
        .json();
    let out = &plan["out_of_scope"];
    assert_eq!(out["whole"], false);
    assert!(
        out["text"][0]
            .as_str()
            .unwrap()
            .contains("在宝宝的户籍地按当地规定办理")
    );
    for id in [
        "medical-insurance",
        "medical-insurance-payment",
        "social-security-card",
    ] {
        let s = step(&plan, id);
        assert_eq!(s["status"], "elsewhere", "{id}");
        // Not Xiamen's 90-day rule, nor its consequence or its tax-app channel.
        assert_eq!(s["deadline"], serde_json::Value::Null, "{id}");
        assert!(s["late"].is_null(), "{id}");
    }
    // The hukou is registered under the national rule, still within a month.
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["deadline"], "2026-11-08");
    assert_eq!(hukou["source"]["doc"], "hukou-regulation");
    // Steps that do not depend on hukou stay Xiamen's.
    assert_eq!(
        step(&plan, "birth-certificate")["source"]["doc"],
        "xiamen-service"
    );
    // The notice is in next and show as well.
    Test::new()
        .args(&["next"])
        .args(&args)
        .args(&both)
        .today("2026-10-20")
        .stdout_contains("注意：厦门“新生儿相关办事服务”写的是在福建落户、参保的办法")
        .run();
    Test::new()
        .args(&["show", "medical-insurance"])
        .args(&args)
        .args(&both)
        .today("2026-10-20")
        .stdout_contains("状态：户籍地办")
        .stdout_contains("不在本手册范围：")
        .run();
    // Xiamen's helpline does not serve the hukou registered at the hukou place.
    Test::new()
        .args(&["show", "hukou-registration"])
        .args(&args)
        .args(&both)
        .today("2026-12-20")
        .stdout_contains("现在怎么办：")
        .stdout_lacks("0592")
        .run();
}

#[test]
fn an_under_limit_is_named_by_its_last_day() {
    // Born 2026-01-31: the 6-month date is 07-31, so the last day under 6 months is 07-30.
    let plan = Test::new()
        .args(&["plan", "--region", "xiamen", "--birth-date", "2026-01-31"])
        .today("2026-08-01")
        .json();
    let why = plan["route"]["why"].as_str().unwrap();
    assert!(why.contains("须未满6个月（最后一天 2026-07-30）"), "{why}");
    assert!(!why.contains("2026-07-31"), "{why}");
}

#[test]
fn skip_records_an_optional_step_not_taken_and_undo_reverses_it() {
    let home = family("nanning", "2026-02-10", "2026-02-11");
    home.share()
        .args(&["skip", "pre-enrollment"])
        .today("2026-02-12")
        .stdout_contains("– 不办了：")
        .run();
    let plan = home
        .share()
        .args(&["plan", "--all"])
        .today("2026-02-12")
        .json();
    assert_eq!(step(&plan, "pre-enrollment")["status"], "skipped");
    assert_eq!(
        step(&plan, "medical-insurance-payment")["status"],
        "not_applicable"
    );
    home.share()
        .args(&["skip", "hukou-registration"])
        .today("2026-02-12")
        .status(2)
        .stderr_contains("不是可选事项，不能跳过")
        .run();
    home.share()
        .args(&["undo", "pre-enrollment"])
        .today("2026-02-12")
        .stdout_contains("↺ 已改回未完成：")
        .run();
    let plan = home
        .share()
        .args(&["plan", "--all"])
        .today("2026-02-12")
        .json();
    assert_eq!(step(&plan, "pre-enrollment")["status"], "confirm");
}

#[test]
fn a_family_is_told_in_one_line_what_registering_with_the_other_parent_would_open() {
    // Guangxi: the father is from another province; with the Guangxi mother the bundle opens.
    let args = ["--region", "guangxi", "--birth-date", "2026-10-08"];
    Test::new()
        .args(&["plan"])
        .args(&args)
        .args(&["--set", "father_hukou=other"])
        .today("2026-10-12")
        .stdout_contains(
            "如果改为随母落户：可以走“新生儿出生“一件事”联办”（newborn set follows=mother）。",
        )
        .run();
    // Xiamen: with the Fujian mother, Xiamen's own insurance and hukou steps apply.
    let plan = Test::new()
        .args(&["plan", "--region", "xiamen", "--birth-date", "2026-10-08"])
        .args(&["--set", "father_hukou=other"])
        .today("2026-10-12")
        .json();
    assert!(
        plan["what_if"].as_str().unwrap().contains("随母落户"),
        "{}",
        plan["what_if"]
    );
    // Nothing to open: no line.
    let plan = Test::new()
        .args(&["plan", "--region", "xiamen", "--birth-date", "2026-10-08"])
        .today("2026-10-12")
        .json();
    assert!(plan["what_if"].is_null());
}
