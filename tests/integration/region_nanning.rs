//! Nanning (南宁市, on top of Guangxi): hospital pre-enrollment in resident medical insurance
//! (预参保), the temporary name and ID letter, payment, and formal enrollment within 3 months.
//! Source: shared/seeds/004_dbfdd5d88a410615.txt (南医保中心发〔2021〕176号, 2021-08-28).
//!
//! Dates checked by hand (DOMAIN.md: day of birth is day 0; months clamp to the month's end):
//! - born 2026-08-31: within 1 month → 2026-09-31 does not exist → 2026-09-30 (Wednesday).
//! - within 3 months → 2026-11-31 does not exist → 2026-11-30 (Monday).
//! - under 3 months (未满3个月) ends the day before the 3-month date: 2026-11-29.

use crate::test::{Test, has, material_names, region_plan, step, tips};
use serde_json::Value;

fn nanning_plan(today: &str, facts: &[&str]) -> Value {
    region_plan("nanning", "2026-08-31", today, facts)
}

#[test]
fn typical_nanning_family_takes_the_guangxi_bundle_and_can_pre_enroll_until_the_day_before_three_months()
 {
    let plan = nanning_plan("2026-09-10", &[]);
    assert_eq!(plan["route"]["id"], "bundle");
    // Guangxi's steps are inherited.
    assert_eq!(
        step(&plan, "one-thing-application")["deadline"],
        "2026-09-30"
    );
    assert!(has(&plan, "e-seal"));

    // The hospital does it while the baby is in hospital: the family confirms whether it did.
    let pre = step(&plan, "pre-enrollment");
    assert_eq!(pre["status"], "confirm");
    assert_eq!(pre["who"], "institution");
    assert_eq!(pre["window"], "2026-11-29");
    assert_eq!(pre["deadline_office_day"], Value::Null);
    assert!(material_names(pre).iter().any(|n| n.contains("户主页")));
    let t = tips(pre);
    assert!(t.contains("新生儿预参保登记卡"));
    assert!(t.contains("张三之女"));
    // Paying follows the pre-enrollment: planned, and waiting for it to be done or skipped.
    let pay = step(&plan, "medical-insurance-payment");
    assert_eq!(pay["status"], "blocked");
    assert_eq!(pay["open_prerequisites"][0], "pre-enrollment");
    assert!(!has(&plan, "formal-enrollment"));
}

#[test]
fn a_girl_single_birth_gets_the_letter_x_and_the_name_of_a_daughter() {
    let plan = nanning_plan("2026-09-10", &["sex=girl"]);
    let t = tips(step(&plan, "pre-enrollment"));
    assert!(t.contains("您家宝宝是女孩"));
    assert!(t.contains("之女"));
    assert!(t.contains("加大写字母X"));
    assert!(!t.contains("您家宝宝是男孩"));
    assert!(!t.contains("双胞胎："));
}

#[test]
fn a_boy_single_birth_gets_the_letter_y_and_the_name_of_a_son() {
    let plan = nanning_plan("2026-09-10", &["sex=boy"]);
    let t = tips(step(&plan, "pre-enrollment"));
    assert!(t.contains("您家宝宝是男孩"));
    assert!(t.contains("之子"));
    assert!(t.contains("加大写字母Y"));
    assert!(!t.contains("您家宝宝是女孩"));
}

#[test]
fn twins_are_told_same_sex_twins_differ_by_upper_and_lower_case_without_an_invented_order() {
    let plan = nanning_plan("2026-09-10", &["sex=girl", "plurality=2", "birth_order=2"]);
    let t = tips(step(&plan, "pre-enrollment"));
    assert!(t.contains("同性别双胞胎用大小写字母区分"));
    assert!(t.contains("大写X和小写x"));
    assert!(t.contains("通知没有规定哪个孩子用大写"));
    // The single-birth tip does not show for twins.
    assert!(!t.contains("您家宝宝是女孩"));
}

#[test]
fn triplets_are_told_x_y_then_a_to_z_and_their_own_birth_order() {
    let plan = nanning_plan("2026-09-10", &["sex=boy", "plurality=3", "birth_order=3"]);
    let t = tips(step(&plan, "pre-enrollment"));
    assert!(t.contains("再按A–Z字母顺序"));
    assert!(t.contains("宝宝是第3个出生"));
}

#[test]
fn pre_enrolled_family_pays_and_settles_with_the_card_within_three_months() {
    let plan = nanning_plan("2026-09-10", &["pre_enrolled=true", "sex=girl"]);
    assert_eq!(plan["route"]["id"], "bundle");
    // The family said the hospital pre-enrolled the baby: the step is done.
    assert_eq!(step(&plan, "pre-enrollment")["status"], "done");

    let pay = step(&plan, "medical-insurance-payment");
    assert_eq!(pay["status"], "ready");
    // Unpaid within 3 months, the registration is void: a window, then missed.
    assert_eq!(pay["window"], "2026-11-30");
    assert!(
        pay["missed"]
            .as_str()
            .unwrap()
            .contains("预参保登记信息作废")
    );
    let path = pay["path"].as_str().unwrap();
    for channel in [
        "广西税务12366",
        "微信“城市服务”",
        "支付宝“城市服务”",
        "广西税务APP",
        "农信社",
    ] {
        assert!(path.contains(channel), "payment channels lack {channel}");
    }

    let settle = step(&plan, "reimbursement");
    assert_eq!(settle["window"], "2026-11-30");
    assert_eq!(settle["prerequisites"][0], "medical-insurance-payment");
    assert!(settle["missed"].as_str().unwrap().contains("医保电子凭证"));

    // On the bundle the formal enrollment is the "是" answer in the application.
    let insurance = step(&plan, "medical-insurance");
    let t = tips(insurance);
    assert!(t.contains("预参保证件号码"));
    assert!(t.contains("加大写字母X"));
    assert!(!has(&plan, "formal-enrollment"));
}

#[test]
fn pre_enrolled_family_off_the_bundle_converts_at_the_hukou_place_insurance_office_within_three_months()
 {
    let plan = nanning_plan("2026-09-10", &["pre_enrolled=true", "offline_done=true"]);
    assert_eq!(plan["route"]["id"], "separate");
    let formal = step(&plan, "formal-enrollment");
    assert_eq!(formal["deadline"], "2026-11-30");
    assert_eq!(formal["in_person"], true);
    let names = material_names(formal).join("|");
    assert!(names.contains("新生儿预参保登记卡"));
    assert!(names.contains("户口本"));
    let prereqs = formal["prerequisites"].as_array().unwrap();
    assert!(prereqs.iter().any(|p| p == "hukou-registration"));
    assert!(prereqs.iter().any(|p| p == "medical-insurance-payment"));
    // The national hukou duty stays one month.
    assert_eq!(step(&plan, "hukou-registration")["deadline"], "2026-09-30");
}

#[test]
fn parents_both_from_other_provinces_cannot_pre_enroll_and_go_separate() {
    let plan = nanning_plan("2026-09-10", &["mother_hukou=other", "father_hukou=other"]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(
        plan["route"]["why"]
            .as_str()
            .unwrap()
            .contains("父母至少一方为广西区内家庭户籍")
    );
    assert!(!has(&plan, "pre-enrollment"));
    assert_eq!(step(&plan, "pre-enrollment")["status"], "not_applicable");
    assert!(tips(step(&plan, "medical-insurance")).contains("都没有写参保办法"));
}

#[test]
fn one_parent_from_another_province_still_gets_the_bundle_and_pre_enrollment() {
    let plan = nanning_plan(
        "2026-09-10",
        &[
            "mother_hukou=other",
            "father_hukou=province",
            "follows=father",
        ],
    );
    assert_eq!(plan["route"]["id"], "bundle");
    assert!(has(&plan, "pre-enrollment"));
}

#[test]
fn collective_household_goes_separate() {
    let plan = nanning_plan("2026-09-10", &["household=collective"]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(plan["route"]["why"].as_str().unwrap().contains("家庭户"));
}

#[test]
fn after_one_month_the_bundle_is_closed_but_pre_enrollment_is_still_open() {
    let plan = nanning_plan("2026-10-08", &[]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(
        plan["route"]["why"]
            .as_str()
            .unwrap()
            .contains("出生1个月内")
    );
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["deadline"], "2026-09-30");
    assert_eq!(hukou["status"], "overdue");
    assert_eq!(step(&plan, "pre-enrollment")["status"], "confirm");
}

#[test]
fn offline_birth_certificate_closes_the_bundle() {
    let plan = nanning_plan("2026-09-10", &["offline_done=true"]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(
        plan["route"]["why"]
            .as_str()
            .unwrap()
            .contains("已线下办理过")
    );
}

#[test]
fn on_the_day_of_three_months_pre_enrollment_has_closed_and_real_name_enrollment_follows() {
    let last_day = nanning_plan("2026-11-29", &[]);
    assert_eq!(step(&last_day, "pre-enrollment")["status"], "confirm");

    // At 3 months the window has closed: missed (never red), with what to do instead.
    let plan = nanning_plan("2026-11-30", &[]);
    let pre = step(&plan, "pre-enrollment");
    assert_eq!(pre["status"], "missed");
    assert!(
        pre["late"]
            .as_str()
            .unwrap()
            .contains("真实姓名及身份证号码")
    );
    // Paying followed only a pre-enrollment, which did not happen.
    assert_eq!(
        step(&plan, "medical-insurance-payment")["status"],
        "not_applicable"
    );
    assert!(
        step(&plan, "medical-insurance")["path"]
            .as_str()
            .unwrap()
            .contains("医保网厅")
    );
}

#[test]
fn export_lists_the_payment_channels_and_the_notice_contact() {
    Test::new()
        .args(&[
            "export",
            "--region",
            "nanning",
            "--birth-date",
            "2026-08-31",
            "--set",
            "pre_enrolled=true",
        ])
        .today("2026-09-10")
        .stdout_contains("0771-5782496")
        .stdout_contains("邓强珍")
        .stdout_contains("广西税务12366")
        .stdout_contains("支付宝“城市服务”")
        .stdout_contains("广西税务APP")
        .stdout_contains("农信社")
        .stdout_contains("新生儿预参保登记卡")
        .run();
}

#[test]
fn show_pre_enrollment_explains_the_under_three_months_rule() {
    Test::new()
        .args(&[
            "show",
            "pre-enrollment",
            "--region",
            "nanning",
            "--birth-date",
            "2026-08-31",
            "--set",
            "sex=girl",
        ])
        .today("2026-09-10")
        .stdout_contains("2026-11-29")
        .stdout_contains("之女")
        .stdout_contains("X")
        .run();
}
