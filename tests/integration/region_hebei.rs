//! Hebei (seed 002): the bundle's conditions and window, and the separate route.

use crate::test::{Test, ids, step};

fn hebei(birth: &str, today: &str, set: &[&str]) -> serde_json::Value {
    let mut args = vec!["plan", "--all", "--region", "hebei", "--birth-date", birth];
    for s in set {
        args.extend(["--set", s]);
    }
    Test::new().args(&args).today(today).json()
}

#[test]
fn typical_family_applies_for_the_bundle_within_30_working_days() {
    let plan = hebei("2026-10-08", "2026-10-20", &[]);
    assert_eq!(plan["route"]["id"], "bundle");
    let apply = step(&plan, "one-thing-application");
    // The application declares the birth: the national one-month duty ends on 11-08, a Sunday,
    // so the hospital's last working day is 11-06.
    assert_eq!(apply["deadline"], "2026-11-08");
    assert_eq!(apply["deadline_office_day"], "2026-11-06");
    // The bundle stays open 30 working days: day 1 is 10-09; 10-10 (Sat) is a make-up working
    // day: the 30th working day is 11-18.
    assert_eq!(apply["window"], "2026-11-18");
    assert_eq!(apply["status"], "ready");
    assert_eq!(apply["who"], "either_parent");
    let names: Vec<&str> = apply["materials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "《出生医学证明》首次签发登记表",
            "办理《出生医学证明》授权委托书",
            "父母双方有效身份证件",
            "申领人本人有效身份证件",
            "结婚证"
        ]
    );
    // The hospital vaccinates within 24 hours: after that, the family only confirms it has the
    // booklet; it is never the family's overdue task, and has no office day of its own.
    let vaccination = step(&plan, "vaccination-certificate");
    assert_eq!(vaccination["deadline"], "2026-10-09");
    assert_eq!(vaccination["status"], "confirm");
    assert_eq!(vaccination["deadline_office_day"], serde_json::Value::Null);
    // Collecting the hukou page waits for the police: the declaration was the application.
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["deadline"], serde_json::Value::Null);
    assert_eq!(hukou["status"], "blocked");
    // Prerequisites come first.
    let order = ids(&plan);
    let pos = |id: &str| order.iter().position(|x| x == id).unwrap();
    assert!(pos("one-thing-application") < pos("hukou-registration"));
    assert!(pos("birth-certificate") < pos("hukou-registration"));
    assert!(pos("hukou-registration") < pos("social-security-card"));
}

#[test]
fn father_from_another_province_takes_the_separate_route_and_is_told_why() {
    let plan = hebei("2026-10-08", "2026-10-20", &["father_hukou=other"]);
    assert_eq!(plan["route"]["id"], "separate");
    let why = plan["route"]["why"].as_str().unwrap();
    assert!(why.contains("父亲为本省户籍"), "{why}");
    assert!(why.contains("父亲户籍：外省"), "{why}");
    assert_eq!(
        step(&plan, "one-thing-application")["status"],
        "not_applicable"
    );
    assert_eq!(step(&plan, "hukou-registration")["deadline"], "2026-11-08");
    assert_eq!(step(&plan, "birth-certificate")["route"], "separate");
}

#[test]
fn the_window_closes_after_the_30th_working_day() {
    // Born 09-30: National Day 10-01…10-07 is off, the 30th working day is 11-17.
    let last_day = hebei("2026-09-30", "2026-11-17", &[]);
    assert_eq!(last_day["route"]["id"], "bundle");
    let apply = step(&last_day, "one-thing-application");
    assert_eq!(apply["window"], "2026-11-17");
    // Past the one-month declaration (10-30), but the bundle is still open: apply now.
    assert_eq!(apply["status"], "overdue");
    let passed = hebei("2026-09-30", "2026-11-18", &[]);
    assert_eq!(passed["route"]["id"], "separate");
    let why = passed["route"]["why"].as_str().unwrap();
    assert!(why.contains("出生后30个工作日内申请办理"), "{why}");
    assert!(why.contains("最后一天 2026-11-17"), "{why}");
    // The bundle's window has closed: its application is missed, not overdue, and says what
    // follows.
    let apply = step(&passed, "one-thing-application");
    assert_eq!(apply["status"], "missed");
    assert!(apply["number"].is_number());
}

#[test]
fn spring_festival_and_its_make_up_saturdays_move_the_window() {
    let plan = hebei("2026-02-10", "2026-02-12", &[]);
    assert_eq!(step(&plan, "one-thing-application")["window"], "2026-03-30");
}

#[test]
fn unmarried_parents_are_not_asked_for_a_marriage_certificate_at_the_police_station() {
    let plan = hebei("2026-10-08", "2026-10-20", &["married=false"]);
    assert_eq!(plan["route"]["id"], "separate");
    let hukou = step(&plan, "hukou-registration");
    let names: Vec<&str> = hukou["materials"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["出生医学证明", "落户方户口簿"]);
}

#[test]
fn a_collective_household_or_different_ethnicity_cannot_use_the_bundle() {
    for fact in [
        "household=collective",
        "same_ethnicity=false",
        "born_in_region=false",
    ] {
        let plan = hebei("2026-10-08", "2026-10-20", &[fact]);
        assert_eq!(plan["route"]["id"], "separate", "{fact}");
    }
    let plan = hebei(
        "2026-10-08",
        "2026-10-20",
        &["mother_hukou=province", "father_hukou=province"],
    );
    assert_eq!(
        plan["route"]["id"], "bundle",
        "both parents elsewhere in Hebei"
    );
}

#[test]
fn a_family_that_applied_stays_on_the_bundle_and_waits_six_working_days() {
    let home = Test::new();
    home.share()
        .args(&["init", "--region", "hebei", "--birth-date", "2026-09-20"])
        .today("2026-09-25")
        .run();
    home.share()
        .args(&[
            "done",
            "one-thing-application",
            "birth-certificate",
            "--on",
            "2026-09-28",
        ])
        .today("2026-09-29")
        .run();
    // Long after the 30-working-day window, the family is still on the route it started.
    let plan = home.share().args(&["plan"]).today("2026-12-01").json();
    assert_eq!(plan["route"]["id"], "bundle");
    // Processing takes 6 working days from the upload on 09-28: National Day pushes it to
    // 10-12. The hukou page waits for it; the one-month duty was met by applying.
    let plan = home.share().args(&["plan"]).today("2026-10-09").json();
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["status"], "waiting");
    assert_eq!(hukou["earliest_start"], "2026-10-12");
    let plan = home.share().args(&["plan"]).today("2026-11-02").json();
    assert_eq!(step(&plan, "hukou-registration")["status"], "ready");
    let upload = step(&plan, "birth-certificate");
    assert_eq!(
        upload["expected"],
        serde_json::json!(["2026-10-12", "2026-10-12"])
    );
}

#[test]
fn show_cites_the_specification_and_counts_across_national_day() {
    Test::new()
        .args(&["show", "one-thing-application", "--region", "hebei", "--birth-date", "2026-09-30"])
        .today("2026-10-08")
        .stdout_contains("《新生儿出生“一件事一次办”业务流程和办理规范》（河北省；官方文件） 二、一次性告知；四、总体要求")
        .stdout_contains("最晚可办怎么算：")
        .stdout_contains("第30个工作日是 2026-11-17")
        .stdout_contains("国庆节放假：10-01、10-02、10-03、10-04、10-05、10-06、10-07")
        .stdout_contains("国庆节调休上班：10-10")
        .stdout_contains("为什么适用：")
        .stdout_contains("属于路线“新生儿出生“一件事一次办””")
        .stdout_contains("错过后果：超过30个工作日")
        .run();
}
