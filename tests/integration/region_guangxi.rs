//! Guangxi (广西壮族自治区): the "新生儿出生一件事" bundle and the separate route.
//! Source: shared/seeds/003_13b526eeb706b9b8.txt (official operating guide).
//!
//! Dates checked by hand (DOMAIN.md: day of birth is day 0, "以内" includes the last day):
//! - born 2026-11-01: within 1 month → 2026-12-01 (Tuesday).
//! - born 2026-01-31: within 1 month → 2026-02-31 does not exist → 2026-02-28 (month-end clamp).
//! - born 2026-10-08: within 1 month → 2026-11-08, a Sunday; 2026-11-07 (Saturday) is no make-up
//!   working day, so the last office day is Friday 2026-11-06. On 2026-11-08 the family is still
//!   inside the window; on 2026-11-09 it is not.

use crate::test::{Test, has, material_names, region_plan, step, tips, why};
use serde_json::Value;

fn guangxi_plan(birth: &str, today: &str, facts: &[&str]) -> Value {
    region_plan("guangxi", birth, today, facts)
}

#[test]
fn typical_guangxi_family_takes_the_bundle_which_the_mother_applies_for_within_one_month() {
    let plan = guangxi_plan("2026-11-01", "2026-11-23", &[]);
    assert_eq!(plan["route"]["id"], "bundle");

    let apply = step(&plan, "one-thing-application");
    assert_eq!(apply["who"], "mother");
    assert_eq!(apply["deadline"], "2026-12-01");
    // Preparation first: the app with advanced real-name check, the e-seal, the photos.
    assert_eq!(apply["status"], "blocked");
    for pre in ["zhiguitong-setup", "e-seal", "prepare-photos"] {
        assert!(
            apply["prerequisites"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == pre),
            "application needs {pre}"
        );
    }
    assert_eq!(step(&plan, "zhiguitong-setup")["who"], "both_parents");
    assert_eq!(step(&plan, "e-seal")["who"], "both_parents");
    assert_eq!(step(&plan, "one-thing-signing")["who"], "both_parents");

    // The photos to take, all as photos, each document under one name: the application
    // uploads the same four, so they merge into one entry each in the packing list.
    let photos = step(&plan, "prepare-photos");
    let names = material_names(photos).join("|");
    for part in [
        "产时记录",
        "父母双方居民身份证正反面",
        "父母双方居民户口簿首页（地址页）、户主页、本人页",
        "结婚证首页、主页",
    ] {
        assert!(names.contains(part), "photos lack {part}: {names}");
    }
    assert_eq!(material_names(apply), material_names(photos));
    assert!(
        photos["materials"]
            .as_array()
            .unwrap()
            .iter()
            .all(|m| m["kind"] == "photo")
    );

    // Pick-ups after the application: birth certificate with both IDs, hukou booklet, SS card.
    let cert = step(&plan, "birth-certificate");
    assert_eq!(cert["status"], "blocked");
    assert!(
        material_names(cert)
            .iter()
            .any(|n| n.contains("母亲居民身份证"))
    );
    assert!(
        material_names(cert)
            .iter()
            .any(|n| n.contains("父亲居民身份证"))
    );
    let card = step(&plan, "social-security-card");
    assert!(
        material_names(card)
            .iter()
            .any(|n| n.contains("新生儿居民户口簿"))
    );
    assert!(
        material_names(card)
            .iter()
            .any(|n| n.contains("出生医学证明"))
    );
    assert!(
        card["summary"]
            .as_str()
            .unwrap()
            .contains("社保账户和金融账户")
    );

    // Extended services apply to every family.
    assert!(has(&plan, "vaccination-certificate"));
    assert!(has(&plan, "maternity-benefits"));
    assert!(has(&plan, "parenting-guidance"));
}

#[test]
fn application_window_for_a_baby_born_on_the_31st_ends_on_the_last_day_of_february() {
    let plan = guangxi_plan("2026-01-31", "2026-02-10", &[]);
    assert_eq!(plan["route"]["id"], "bundle");
    assert_eq!(
        step(&plan, "one-thing-application")["deadline"],
        "2026-02-28"
    );
}

#[test]
fn the_bundle_is_open_on_the_last_day_of_the_month_and_closed_the_day_after() {
    let last_day = guangxi_plan("2026-10-08", "2026-11-08", &[]);
    assert_eq!(last_day["route"]["id"], "bundle");
    assert_eq!(
        step(&last_day, "one-thing-application")["deadline"],
        "2026-11-08"
    );

    let day_after = guangxi_plan("2026-10-08", "2026-11-09", &[]);
    assert_eq!(day_after["route"]["id"], "separate");
    assert!(why(&day_after).contains("出生1个月内"));
}

#[test]
fn one_parent_from_another_province_still_qualifies_when_the_baby_joins_the_guangxi_parent() {
    let plan = guangxi_plan(
        "2026-11-01",
        "2026-11-23",
        &[
            "mother_hukou=other",
            "father_hukou=province",
            "follows=father",
        ],
    );
    assert_eq!(plan["route"]["id"], "bundle");
    assert!(tips(step(&plan, "one-thing-application")).contains("随父落户"));
}

#[test]
fn baby_joining_the_non_guangxi_parent_cannot_use_the_bundle() {
    let plan = guangxi_plan(
        "2026-11-01",
        "2026-11-23",
        &["mother_hukou=other", "father_hukou=city", "follows=mother"],
    );
    assert_eq!(plan["route"]["id"], "separate");
    assert!(why(&plan).contains("随父或随母登记在广西区内家庭户"));
}

#[test]
fn parents_both_from_other_provinces_get_separate_steps_and_are_told_why() {
    let plan = guangxi_plan(
        "2026-11-01",
        "2026-11-23",
        &["mother_hukou=other", "father_hukou=other"],
    );
    assert_eq!(plan["route"]["id"], "separate");
    assert!(why(&plan).contains("父母至少一方为广西区内家庭户籍"));
    assert!(!has(&plan, "one-thing-application"));
    // The national hukou duty still applies: within 1 month → 2026-12-01.
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["deadline"], "2026-12-01");
    assert_eq!(hukou["source"]["doc"], "hukou-regulation");
    // The guide only names the birth hospital's window for offline help.
    assert_eq!(step(&plan, "birth-certificate")["status"], "ready");
    assert!(
        step(&plan, "birth-certificate")["agency"]
            .as_str()
            .unwrap()
            .contains("出生一件事")
    );
}

#[test]
fn collective_household_goes_separate_because_the_bundle_needs_a_family_household() {
    let plan = guangxi_plan("2026-11-01", "2026-11-23", &["household=collective"]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(why(&plan).contains("家庭户"));
}

#[test]
fn parent_without_hukou_is_outside_the_bundle() {
    let plan = guangxi_plan("2026-11-01", "2026-11-23", &["father_hukou=none"]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(why(&plan).contains("中国公民"));
}

#[test]
fn after_one_month_the_family_goes_separate_and_the_hukou_duty_is_overdue() {
    let plan = guangxi_plan("2026-10-08", "2026-11-23", &[]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(why(&plan).contains("出生1个月内"));
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["deadline"], "2026-11-08");
    assert_eq!(hukou["deadline_office_day"], "2026-11-06");
    assert_eq!(hukou["status"], "overdue");
}

#[test]
fn a_birth_certificate_already_issued_offline_closes_the_bundle() {
    let plan = guangxi_plan("2026-11-01", "2026-11-23", &["offline_done=true"]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(why(&plan).contains("已线下办理过"));
}

#[test]
fn householder_details_are_asked_only_when_the_parent_is_not_the_householder() {
    Test::new()
        .args(&[
            "show",
            "one-thing-application",
            "--region",
            "guangxi",
            "--birth-date",
            "2026-11-01",
        ])
        .today("2026-11-23")
        .stdout_contains("户主身份号码")
        .stdout_contains("孙子")
        .stdout_contains("籍贯应为新生儿祖父母的居住地")
        .stdout_contains("远程授权")
        .run();
    Test::new()
        .args(&[
            "show",
            "one-thing-application",
            "--region",
            "guangxi",
            "--birth-date",
            "2026-11-01",
            "--set",
            "parent_is_householder=true",
        ])
        .today("2026-11-23")
        .stdout_lacks("户主身份号码")
        .run();
}

#[test]
fn pre_enrolled_baby_answers_yes_in_the_application_and_others_answer_no() {
    let pre = guangxi_plan("2026-11-01", "2026-11-23", &["pre_enrolled=true"]);
    let t = tips(step(&pre, "one-thing-application"));
    assert!(t.contains("预参保证件号码"));
    assert!(t.contains("勾选“是”"));
    assert!(!t.contains("勾选“否”"));

    let not = guangxi_plan("2026-11-01", "2026-11-23", &[]);
    let t = tips(step(&not, "one-thing-application"));
    assert!(t.contains("勾选“否”"));
    assert!(!t.contains("预参保证件号码"));
}

#[test]
fn export_carries_the_platform_the_app_path_the_seal_and_the_helplines() {
    Test::new()
        .args(&[
            "export",
            "--region",
            "guangxi",
            "--birth-date",
            "2026-11-01",
        ])
        .today("2026-11-23")
        .stdout_contains("https://zwfw.gxzf.gov.cn/")
        .stdout_contains("办成一件事 → 出生 → 新生儿出生一件事 → 立即办理")
        .stdout_contains("统一印章")
        .stdout_contains("个人手绘章")
        .stdout_contains("广西大数据发展局")
        .stdout_contains("我的 → 办件进度")
        .stdout_contains("广西人社APP")
        .stdout_contains("12345")
        .stdout_contains("12333")
        .stdout_contains("落户方居民户口簿")
        .stdout_contains("退出")
        .run();
}
