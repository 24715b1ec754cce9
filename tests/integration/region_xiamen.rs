//! Xiamen (厦门市): the "出生一件事" bundle and the separate routes.
//! Source: shared/seeds/001_aa370b3d5f45a66e.txt (official service page).
//!
//! Dates checked by hand (DOMAIN.md: day of birth is day 0, "以内" includes the last day):
//! - born 2026-10-08: within 1 month → 2026-11-08 (a Sunday; last working day 2026-11-06, Friday);
//!   under 6 months → the 6-month date is 2027-04-08, so the last day is 2027-04-07;
//!   within 90 days → 23 days to 10-31, +30 = 11-30 (53), +31 = 12-31 (84), +6 = 2027-01-06.
//! - born 2026-12-15: within 90 days → 16 days to 12-31, +31 = 01-31 (47), +28 = 02-28 (75),
//!   +15 = 2027-03-15.

use crate::test::{Test, ids, material_names, region_plan, step};
use serde_json::Value;

fn has_material(s: &Value, part: &str) -> bool {
    material_names(s).iter().any(|n| n.contains(part))
}

fn xiamen_plan(birth: &str, today: &str, facts: &[&str]) -> Value {
    region_plan("xiamen", birth, today, facts)
}

#[test]
fn typical_fujian_family_takes_the_bundle_applied_for_by_the_mother() {
    let plan = xiamen_plan("2026-10-08", "2026-10-20", &["father_hukou=province"]);
    assert_eq!(plan["route"]["id"], "bundle");

    let apply = step(&plan, "one-thing-application");
    assert_eq!(apply["status"], "ready");
    assert_eq!(apply["who"], "mother");
    // The application declares the birth: the one-month duty.
    assert_eq!(apply["deadline"], "2026-11-08");
    // 未满6个月: the 6-month date is 2027-04-08, the last day the bundle is open 2027-04-07.
    assert_eq!(apply["window"], "2027-04-07");
    // The 8 materials; nothing is stored, the tool only says what to bring.
    assert_eq!(material_names(apply).len(), 8);
    assert!(has_material(apply, "父亲的身份证电子证照"));
    assert!(has_material(apply, "储蓄银行卡号、银行卡开户支行名称"));
    assert!(has_material(apply, "户主户口本图片"));

    // Stage 2 waits for the application; the hospital issues within 1 working day.
    let cert = step(&plan, "birth-certificate");
    assert_eq!(cert["status"], "blocked");
    assert_eq!(cert["prerequisites"][0], "one-thing-application");

    // Hukou: the application declared the birth (the national 1-month rule); printing the
    // hukou page waits for the police, so it has no deadline of its own.
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["deadline"], serde_json::Value::Null);
    assert_eq!(hukou["status"], "blocked");

    assert_eq!(step(&plan, "medical-insurance")["deadline"], "2027-01-06");
    assert_eq!(
        step(&plan, "medical-insurance-payment")["deadline"],
        "2027-01-06"
    );
    assert!(ids(&plan).contains(&"maternity-benefits".to_string()));
    assert!(ids(&plan).contains(&"social-security-card".to_string()));
}

#[test]
fn father_with_another_provinces_hukou_gets_separate_steps_and_is_told_it_needs_fujian_hukou() {
    let plan = xiamen_plan("2026-10-08", "2026-10-20", &["father_hukou=other"]);
    assert_eq!(plan["route"]["id"], "separate");
    assert!(plan["route"]["why"].as_str().unwrap().contains("福建户籍"));
    assert!(!ids(&plan).contains(&"one-thing-application".to_string()));

    let cert = step(&plan, "birth-certificate");
    assert_eq!(cert["status"], "ready");
    let id_docs = &cert["materials"][0];
    assert!(id_docs["name"].as_str().unwrap().contains("有效身份证件"));
    assert!(
        id_docs["note"]
            .as_str()
            .unwrap()
            .contains("港澳居民往来内地通行证")
    );

    // Vaccination certificate at the residence vaccination unit within 1 month.
    let vacc = step(&plan, "vaccination-certificate");
    assert_eq!(vacc["deadline"], "2026-11-08");
    assert!(has_material(vacc, "卡介苗预防接种登记卡"));
}

#[test]
fn baby_six_months_old_can_no_longer_use_the_bundle() {
    let last_day = xiamen_plan("2026-10-08", "2027-04-07", &[]);
    assert_eq!(last_day["route"]["id"], "bundle");
    let apply = step(&last_day, "one-thing-application");
    assert_eq!(apply["window"], "2027-04-07");
    // Months late for the declaration, but the bundle is still open: apply now.
    assert_eq!(apply["status"], "overdue");

    let passed = xiamen_plan("2026-10-08", "2027-04-08", &[]);
    assert_eq!(passed["route"]["id"], "separate");
    assert!(
        passed["route"]["why"]
            .as_str()
            .unwrap()
            .contains("未满6个月")
    );
    // The bundle's window has closed: its application is missed, never red, and says what
    // follows.
    let apply = step(&passed, "one-thing-application");
    assert_eq!(apply["status"], "missed");
    assert!(apply["late"].as_str().unwrap().contains("分别办理各事项"));
}

#[test]
fn unmarried_parents_are_shown_the_extra_hukou_papers() {
    let with_father = xiamen_plan(
        "2026-10-08",
        "2026-10-20",
        &["married=false", "follows=father"],
    );
    assert_eq!(with_father["route"]["id"], "separate");
    let hukou = step(&with_father, "hukou-registration");
    assert!(has_material(hukou, "非婚生育陈述情况说明"));
    assert!(has_material(hukou, "亲子关系鉴定书"));
    assert!(!has_material(hukou, "结婚证"));

    let with_mother = xiamen_plan(
        "2026-10-08",
        "2026-10-20",
        &["married=false", "follows=mother"],
    );
    let hukou = step(&with_mother, "hukou-registration");
    assert!(has_material(hukou, "非婚生育陈述情况说明"));
    assert!(!has_material(hukou, "亲子关系鉴定书"));

    // A married couple of different ethnicity confirms it in the joint written application
    // (the baby registers in Xiamen with the mother).
    let mixed = xiamen_plan(
        "2026-10-08",
        "2026-10-20",
        &[
            "father_hukou=other",
            "same_ethnicity=false",
            "follows=mother",
        ],
    );
    let hukou = step(&mixed, "hukou-registration");
    assert!(has_material(hukou, "结婚证"));
    assert!(has_material(hukou, "民族成份"));
    assert!(!has_material(hukou, "非婚生育陈述情况说明"));
}

#[test]
fn hospitalised_baby_gets_the_manual_reimbursement_materials() {
    let plan = xiamen_plan("2026-10-08", "2026-10-20", &["hospitalised=true"]);
    let claim = step(&plan, "reimbursement");
    assert!(has_material(claim, "医疗费用发票"));
    assert!(has_material(claim, "医疗费用明细清单"));
    assert!(has_material(claim, "出院小结、出院证"));
    assert!(has_material(claim, "病情诊断证明"));
    assert!(has_material(claim, "户口簿"));
    let account = claim["materials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"].as_str().unwrap().contains("农行"))
        .expect("the parents' 农行 account");
    assert!(account["note"].as_str().unwrap().contains("一类账户"));

    let not_hospitalised = xiamen_plan("2026-10-08", "2026-10-20", &[]);
    assert!(!ids(&not_hospitalised).contains(&"reimbursement".to_string()));
}

#[test]
fn insurance_must_be_enrolled_and_paid_within_90_days_of_birth() {
    let plan = xiamen_plan("2026-12-15", "2026-12-20", &["mother_hukou=other"]);
    assert_eq!(plan["route"]["id"], "separate");
    let enrol = step(&plan, "medical-insurance");
    assert_eq!(enrol["deadline"], "2027-03-15");
    assert!(
        enrol["missed"]
            .as_str()
            .unwrap()
            .contains("从参保缴费次日起")
    );
    let pay = step(&plan, "medical-insurance-payment");
    assert_eq!(pay["deadline"], "2027-03-15");
    assert!(pay["path"].as_str().unwrap().contains("厦门税务APP"));
}

#[test]
fn mother_without_maternity_insurance_has_no_maternity_benefit_step() {
    let plan = xiamen_plan("2026-10-08", "2026-10-20", &["maternity_insurance=false"]);
    assert_eq!(plan["route"]["id"], "bundle");
    assert!(!ids(&plan).contains(&"maternity-benefits".to_string()));
}

#[test]
fn the_father_is_told_where_to_authorise_his_e_licence() {
    Test::new()
        .args(&[
            "show",
            "--region",
            "xiamen",
            "--birth-date",
            "2026-10-08",
            "one-thing-application",
        ])
        .today("2026-10-20")
        .stdout_contains("我的-电子证照-出生一件事")
        .stdout_contains("闽政通")
        .run();
}

#[test]
fn social_security_card_pickup_and_bank_activation_are_explained() {
    Test::new()
        .args(&[
            "show",
            "--region",
            "xiamen",
            "--birth-date",
            "2026-10-08",
            "social-security-card",
        ])
        .today("2026-10-20")
        .stdout_contains("代领人有效身份证件")
        .stdout_contains("发卡银行营业网点")
        .stdout_contains("邮递费用自理")
        .run();
}

#[test]
fn helplines_are_in_the_export() {
    Test::new()
        .args(&["export", "--region", "xiamen", "--birth-date", "2026-10-08"])
        .today("2026-10-20")
        .stdout_contains("0592-6583084")
        .stdout_contains("0592-6593084")
        .run();
}

#[test]
fn helplines_are_in_next_and_show_of_the_steps_they_serve() {
    // Source, 咨询和投诉方式: 咨询电话 0592-6583084, 投诉电话 0592-6593084.
    for cmd in [&["next"][..], &["show", "hukou-registration"][..]] {
        Test::new()
            .args(cmd)
            .args(&["--region", "xiamen", "--birth-date", "2026-03-10"])
            .today("2026-03-15")
            .stdout_contains("咨询电话：0592-6583084")
            .stdout_contains("投诉电话：0592-6593084")
            .run();
    }
    // Not with a step this region does not cover: the baby registers in another province.
    Test::new()
        .args(&["show", "hukou-registration"])
        .args(&["--region", "xiamen", "--birth-date", "2026-03-10"])
        .args(&["--set", "mother_hukou=other", "--set", "father_hukou=other"])
        .today("2026-03-15")
        .stdout_contains("全国通用的规定")
        .stdout_lacks("0592-6583084")
        .run();
}

#[test]
fn parents_from_another_province_read_in_every_output_which_steps_are_their_hukou_place_s() {
    let args = [
        "--region",
        "xiamen",
        "--birth-date",
        "2026-03-10",
        "--set",
        "mother_hukou=other",
        "--set",
        "father_hukou=other",
    ];
    for cmd in [&["plan", "--all"][..], &["next"][..], &["export"][..]] {
        Test::new()
            .args(cmd)
            .args(&args)
            .today("2026-03-15")
            .stdout_contains("请在宝宝的户籍地按当地规定办理")
            .stdout_contains("“申领新生儿社会保障卡”：请在户籍地按当地规定办理")
            // Not Xiamen's tax-app channel, nor its 90-day consequence, as the family's own.
            .stdout_lacks("厦门税务APP")
            .stdout_lacks("从参保缴费次日起")
            .run();
    }
    Test::new()
        .args(&["plan", "--all"])
        .args(&args)
        .today("2026-03-15")
        .stdout_contains("户籍地办")
        .run();
}
