//! Shenzhen: a parent's experience report (not an official text) of the nine things done after a
//! birth. The steps that depend on the baby taking a Shenzhen hukou have a scope: other families
//! keep the birth certificate and the vaccination booklet, register the hukou under the national
//! rule, and do the rest at their hukou place.

use crate::test::{Test, ids, step};
use serde_json::Value;

fn tips(plan: &Value, id: &str) -> Vec<String> {
    step(plan, id)["tips"]
        .as_array()
        .expect("tips")
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect()
}

fn has_tip(plan: &Value, id: &str, needle: &str) -> bool {
    tips(plan, id).iter().any(|t| t.contains(needle))
}

fn material_names(plan: &Value, id: &str) -> Vec<String> {
    step(plan, id)["materials"]
        .as_array()
        .expect("materials")
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn typical_shenzhen_family_gets_the_nine_things_in_order() {
    // Born 2026-10-08; both parents Shenzhen hukou, baby follows the father.
    let plan = Test::new()
        .args(&["plan", "--region", "shenzhen", "--birth-date", "2026-10-08"])
        .today("2026-10-12")
        .json();
    assert!(plan["out_of_scope"].is_null());
    assert!(
        plan["route"].is_null(),
        "the report describes no bundled application"
    );

    // Birth certificate first, only by the mother, in 粤省事.
    let bc = step(&plan, "birth-certificate");
    assert_eq!(bc["status"], "ready");
    assert_eq!(bc["who"], "mother");
    assert_eq!(bc["path"], "粤省事→办事→人生事→生育→申领出生医学证明");
    assert_eq!(step(&plan, "vaccination-certificate")["who"], "institution");

    // The online application waits for the birth certificate; the visit for both.
    assert_eq!(step(&plan, "hukou-online-application")["status"], "blocked");
    let visit = step(&plan, "hukou-registration");
    assert_eq!(visit["status"], "blocked");
    // 2026-10-08 + 1 month = 2026-11-08, a Sunday; 11-07 is an ordinary Saturday → Friday 11-06.
    assert_eq!(visit["deadline"], "2026-11-08");
    assert_eq!(visit["deadline_office_day"], "2026-11-06");
    assert_eq!(visit["in_person"], true);
    let prereqs = visit["prerequisites"].as_array().unwrap();
    assert!(prereqs.iter().any(|p| p == "hukou-online-application"));
    assert!(
        !prereqs.iter().any(|p| p == "hukou-appointment"),
        "the appointment is optional"
    );
    assert_eq!(step(&plan, "hukou-appointment")["optional"], true);

    // The visit's materials, with the copy of the birth certificate.
    let names = material_names(&plan, "hukou-registration");
    for m in [
        "母亲结婚证",
        "跟随父母入户的户口本",
        "宝宝出生证明",
        "申报人身份证或者户口本",
        "宝宝照片回执",
    ] {
        assert!(names.iter().any(|n| n == m), "missing material {m}");
    }
    let bc_copy = step(&plan, "hukou-registration")["materials"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "宝宝出生证明")
        .unwrap()
        .clone();
    assert_eq!(bc_copy["copies"], 1);

    // Order of the nine things the family does (the hospital gives the vaccination booklet).
    assert_eq!(step(&plan, "vaccination-certificate")["who"], "institution");
    let order = ids(&plan);
    let pos = |id: &str| {
        order
            .iter()
            .position(|s| s == id)
            .unwrap_or_else(|| panic!("{id} missing"))
    };
    let nine = [
        "birth-certificate",
        "hukou-online-application",
        "hukou-registration",
        "id-card",
        "medical-insurance",
        "medical-insurance-payment",
        "medical-insurance-voucher",
        "bind-parent-accounts",
        "personal-account-payment",
    ];
    for pair in nine.windows(2) {
        assert!(
            pos(pair[0]) < pos(pair[1]),
            "{} should come before {}",
            pair[0],
            pair[1]
        );
    }
    assert!(pos("hukou-registration") < pos("social-security-card"));
    assert_eq!(
        step(&plan, "medical-insurance-voucher")["prerequisites"][0],
        "medical-insurance-payment"
    );
    assert_eq!(step(&plan, "personal-account-payment")["optional"], true);

    // Not paid yet: the period by the month it will be paid, never by today. October 2026 to
    // August 2027 → August 2027; September 2027 (the 12th month ahead) → August 2028. Paying in
    // the birth month needs no 补缴; from November on it does.
    assert!(has_tip(
        &plan,
        "medical-insurance-payment",
        "2026-10-12 至 2027-08-31 之间办理：缴费期从宝宝出生的2026年10月起，到2027年8月结束。"
    ));
    assert!(has_tip(
        &plan,
        "medical-insurance-payment",
        "2027-09-01 至 2027-09-30 之间办理：缴费期从宝宝出生的2026年10月起，到2028年8月结束。"
    ));
    assert!(has_tip(
        &plan,
        "medical-insurance-payment",
        "2026-11-01 至 2027-09-30 之间办理：缴费月份晚于宝宝的出生月份（2026年10月）"
    ));

    // Not hospitalised: no reimbursement step.
    assert!(!order.iter().any(|s| s == "reimbursement"));
}

#[test]
fn paying_in_a_later_month_than_the_birth_month_adds_the_back_payment() {
    // Born 2026-06-20, not paid on 2026-07-15: every month ahead is after June → 补缴 as well;
    // July and August → 2026-08; September 2026 to June 2027 → 2027-08.
    let plan = Test::new()
        .args(&["plan", "--region", "shenzhen", "--birth-date", "2026-06-20"])
        .today("2026-07-15")
        .json();
    assert!(has_tip(
        &plan,
        "medical-insurance-payment",
        "2026-07-15 至 2027-06-30 之间办理：缴费月份晚于宝宝的出生月份（2026年6月）：除了【城乡居民少儿医保申报缴费】，还需办理【城乡居民医保补缴(适用于新生儿)】。"
    ));
    assert!(has_tip(
        &plan,
        "medical-insurance-payment",
        "2026-07-15 至 2026-08-31 之间办理：缴费期从宝宝出生的2026年6月起，到2026年8月结束。"
    ));
    assert!(has_tip(
        &plan,
        "medical-insurance-payment",
        "2026-09-01 至 2027-06-30 之间办理：缴费期从宝宝出生的2026年6月起，到2027年8月结束。"
    ));
    // 2026-06-20 + 1 month = 2026-07-20, a Monday: no earlier office day.
    let visit = step(&plan, "hukou-registration");
    assert_eq!(visit["deadline"], "2026-07-20");
    assert!(visit["deadline_office_day"].is_null());
}

#[test]
fn the_period_a_payment_bought_is_read_from_the_day_it_was_paid_not_from_today() {
    // Born 2026-08-03. Paid on 2026-08-25 (the birth month, before September): to 2026-08, no
    // 补缴 — even read on 2026-12-01, when paying would buy to 2027-08.
    let paid = |day: &str| {
        let family = crate::test::family("shenzhen", "2026-08-03", day);
        family
            .share()
            .args(&[
                "done",
                "birth-certificate",
                "hukou-online-application",
                "hukou-registration",
                "medical-insurance",
                "medical-insurance-payment",
                "--on",
                day,
            ])
            .today(day)
            .run();
        family.share().args(&["plan"]).today("2026-12-01").json()
    };
    let august = paid("2026-08-25");
    assert_eq!(
        tips(&august, "medical-insurance-payment")
            .iter()
            .filter(|t| t.starts_with("已于"))
            .collect::<Vec<_>>(),
        ["已于 2026-08-25 办理：缴费期从宝宝出生的2026年8月起，到2026年8月结束。"]
    );
    assert!(!has_tip(&august, "medical-insurance-payment", "2027年8月"));
    assert!(!has_tip(&august, "medical-insurance-payment", "之间办理"));

    // Paid on 2026-09-02 instead: to 2027-08, and September is after the birth month → 补缴.
    let september = paid("2026-09-02");
    assert!(has_tip(
        &september,
        "medical-insurance-payment",
        "已于 2026-09-02 办理：缴费期从宝宝出生的2026年8月起，到2027年8月结束。"
    ));
    assert!(has_tip(
        &september,
        "medical-insurance-payment",
        "已于 2026-09-02 办理：缴费月份晚于宝宝的出生月份（2026年8月）"
    ));
    assert!(!has_tip(
        &september,
        "medical-insurance-payment",
        "2026年8月结束"
    ));
}

#[test]
fn hospitalised_baby_gets_the_neonatal_reimbursement_after_payment_shows() {
    let plan = Test::new()
        .args(&[
            "plan",
            "--region",
            "shenzhen",
            "--birth-date",
            "2026-10-08",
            "--set",
            "hospitalised=true",
        ])
        .today("2026-10-12")
        .json();
    let r = step(&plan, "reimbursement");
    assert_eq!(r["status"], "blocked");
    assert_eq!(r["in_person"], true);
    assert_eq!(r["agency"], "生产医院住院部缴费窗口");
    assert!(
        r["prerequisites"]
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p == "medical-insurance-payment")
    );
    let names = material_names(&plan, "reimbursement");
    for m in [
        "新生儿母亲身份证",
        "新生儿出生证明",
        "新生儿社保卡或少儿医保凭证",
        "新生儿住院结算单据",
        "电子发票",
    ] {
        assert!(names.iter().any(|n| n == m), "missing material {m}");
    }
    assert!(has_tip(&plan, "reimbursement", "60%-70%"));
    assert!(has_tip(
        &plan,
        "reimbursement",
        "一定要确定查到少儿医保缴费成功"
    ));
    // The e-voucher is enough to reimburse; no financial card needed.
    assert!(has_tip(
        &plan,
        "medical-insurance-voucher",
        "无需金融社保卡"
    ));
}

#[test]
fn baby_not_hospitalised_gets_no_reimbursement_step() {
    let plan = Test::new()
        .args(&[
            "plan",
            "--region",
            "shenzhen",
            "--birth-date",
            "2026-10-08",
            "--all",
        ])
        .today("2026-10-12")
        .json();
    assert!(!ids(&plan).iter().any(|s| s == "reimbursement"));
    let na = plan["not_applicable"].as_array().unwrap();
    assert!(na.iter().any(|s| s["id"] == "reimbursement"));
    assert!(!has_tip(
        &plan,
        "medical-insurance-voucher",
        "无需金融社保卡"
    ));
}

#[test]
fn family_without_shenzhen_hukou_keeps_the_steps_that_do_not_depend_on_it_and_is_told_why() {
    let both_other = ["--set", "mother_hukou=other", "--set", "father_hukou=other"];
    let args = ["--region", "shenzhen", "--birth-date", "2026-10-08"];
    let plan = Test::new()
        .args(&["plan"])
        .args(&args)
        .args(&both_other)
        .today("2026-10-12")
        .json();
    let out = &plan["out_of_scope"];
    assert_eq!(out["whole"], false);
    let text = out["text"][0].as_str().expect("out-of-scope statement");
    // The notice speaks of the family's own situation, not of a baby registered in Shenzhen.
    assert!(text.starts_with("您家宝宝不是随深圳户籍的父亲或母亲在深圳落户"));
    assert!(plan["route"].is_null());
    // The report's steps that do not depend on hukou stay Shenzhen's.
    let bc = step(&plan, "birth-certificate");
    assert_eq!(bc["source"]["doc"], "shenzhen-parent");
    assert_eq!(bc["status"], "ready");
    assert_eq!(bc["who"], "mother");
    assert_eq!(step(&plan, "vaccination-certificate")["status"], "confirm");
    // The hukou: the national rule, within a month.
    let hukou = step(&plan, "hukou-registration");
    assert_eq!(hukou["source"]["doc"], "hukou-regulation");
    assert_eq!(hukou["deadline"], "2026-11-08");
    assert_eq!(hukou["status"], "ready");
    // The rest is the hukou place's: no Shenzhen deadline, tips or materials.
    let listed = out["steps"].as_array().unwrap();
    for id in [
        "hukou-online-application",
        "id-card",
        "medical-insurance",
        "medical-insurance-payment",
        "medical-insurance-voucher",
        "social-security-card",
        "bind-parent-accounts",
    ] {
        let s = step(&plan, id);
        assert_eq!(s["status"], "elsewhere", "{id}");
        assert!(s["deadline"].is_null(), "{id}");
        assert!(s["tips"].as_array().unwrap().is_empty(), "{id}");
        assert!(listed.iter().any(|x| x == id), "{id}");
    }

    // plan --all names the steps left out, and why; next and show carry the notice too, with
    // the family's own situation.
    for cmd in [
        &["plan", "--all"][..],
        &["next"],
        &["show", "birth-certificate"],
    ] {
        Test::new()
            .args(cmd)
            .args(&args)
            .args(&both_other)
            .today("2026-10-12")
            .stdout_contains("您家宝宝不是随深圳户籍的父亲或母亲在深圳落户")
            .stdout_contains(
                "本家庭：宝宝随谁落户：随父，父亲户籍：外省，母亲户籍：外省；不符合：宝宝随深圳户籍的父亲或母亲落户",
            )
            .stdout_contains("“少儿医保首次参保登记（支付宝“深圳社保卡”小程序）”")
            .stdout_lacks("以下只列出")
            .run();
    }
    Test::new()
        .args(&["show", "medical-insurance"])
        .args(&args)
        .args(&both_other)
        .today("2026-10-12")
        .stdout_contains("状态：户籍地办")
        .stdout_contains("注意：您家宝宝不是随深圳户籍")
        .stdout_contains("不在本手册范围：请在户籍地按当地规定办理（原因见上方“注意”）")
        .stdout_lacks("支付宝速度快很多")
        .run();
}

#[test]
fn baby_following_the_shenzhen_mother_is_covered_but_not_when_following_the_other_father() {
    let with_father = crate::test::region_plan(
        "shenzhen",
        "2026-10-08",
        "2026-10-12",
        &["mother_hukou=city", "father_hukou=other", "follows=father"],
    );
    assert!(with_father["out_of_scope"].is_object());
    assert_eq!(
        step(&with_father, "medical-insurance")["status"],
        "elsewhere"
    );
    assert!(
        with_father["what_if"]
            .as_str()
            .unwrap()
            .contains("follows=mother")
    );

    let with_mother = crate::test::region_plan(
        "shenzhen",
        "2026-10-08",
        "2026-10-12",
        &["mother_hukou=city", "father_hukou=other", "follows=mother"],
    );
    assert!(with_mother["out_of_scope"].is_null());
    assert_eq!(step(&with_mother, "medical-insurance")["status"], "blocked");
}

#[test]
fn the_plan_says_it_rests_on_a_parents_experience_report() {
    let plan = Test::new()
        .args(&["plan", "--region", "shenzhen", "--birth-date", "2026-10-08"])
        .today("2026-10-12")
        .json();
    assert_eq!(
        step(&plan, "hukou-registration")["source"]["trust"],
        "experience_report"
    );
    Test::new()
        .args(&["plan", "--region", "shenzhen", "--birth-date", "2026-10-08"])
        .today("2026-10-12")
        .stdout_contains("是家长的经验分享，不是官方规定")
        .run();
    Test::new()
        .args(&[
            "export",
            "--region",
            "shenzhen",
            "--birth-date",
            "2026-10-08",
        ])
        .today("2026-10-12")
        .stdout_contains("一位家长2024年在深圳为新生儿办理的经验")
        .stdout_contains("家长经验分享，非官方规定")
        .run();
}

#[test]
fn export_carries_the_app_paths_fees_and_troubleshooting() {
    Test::new()
        .args(&[
            "export",
            "--region",
            "shenzhen",
            "--birth-date",
            "2026-10-08",
            "--set",
            "hospitalised=true",
        ])
        .today("2026-10-12")
        .stdout_contains(
            "深圳公安→政务服务→户政业务→户政业务网上办理→出生登记→国境内出生登记(6周岁以下)",
        )
        .stdout_contains("深圳公安→政务服务→户政业务→办事须知和窗口业务预约办理→户政预约")
        .stdout_contains("18元邮费")
        .stdout_contains(
            "支付宝搜【深圳社保卡】小程序→专栏服务→医疗→本市户籍非在园在校少儿首次参保登记",
        )
        .stdout_contains("支付宝速度快很多")
        .stdout_contains("支付宝搜【深圳市税务局】→个人中心→代缴社保费")
        .stdout_contains("激活凭证失败")
        .stdout_contains("深圳社保→登录新生儿信息→社保卡管理→社保卡功能管理→社保卡功能启用")
        .stdout_contains("微信搜【建行到家】")
        .stdout_contains("【绿色通道】：邮寄，免邮，一般一周左右能到卡")
        .stdout_contains("【普通通道】：现场领卡，需要一个月左右")
        .stdout_contains("医保家庭账户绑定/解绑")
        .stdout_contains("宝宝的医保个账余额为0")
        .stdout_contains("10个工作日")
        .stdout_contains("使用支付宝或者微信支付才能申请退费")
        .stdout_contains("自费占5%")
        .run();
    Test::new()
        .args(&[
            "show",
            "birth-certificate",
            "--region",
            "shenzhen",
            "--birth-date",
            "2026-10-08",
        ])
        .today("2026-10-12")
        .stdout_contains("只能由新生儿母亲办理")
        .run();
}

#[test]
fn police_station_visit_waits_for_the_online_approval() {
    // Born 2026-09-10; online application submitted Wednesday 2026-09-30. Approval takes 1–2
    // working days: 10-01…10-07 are the National Day holiday, so the earliest visit is 10-08
    // (approval by 10-09). The 1-month deadline is 2026-10-10, a make-up working Saturday.
    let family = crate::test::family("shenzhen", "2026-09-10", "2026-09-30");
    family
        .share()
        .args(&[
            "done",
            "birth-certificate",
            "hukou-online-application",
            "--on",
            "2026-09-30",
        ])
        .today("2026-09-30")
        .run();
    let plan = family.share().args(&["plan"]).today("2026-10-05").json();
    let online = step(&plan, "hukou-online-application");
    assert_eq!(
        online["expected"],
        serde_json::json!(["2026-10-08", "2026-10-09"])
    );
    let visit = step(&plan, "hukou-registration");
    assert_eq!(visit["status"], "waiting");
    assert_eq!(visit["earliest_start"], "2026-10-08");
    assert_eq!(visit["deadline"], "2026-10-10");
    assert!(visit["deadline_office_day"].is_null());
}

#[test]
fn e_voucher_waits_until_the_payment_shows_as_paid() {
    // Paid on Monday 2026-09-28: showing as paid takes 3–5 working days. 9-29, 9-30, then the
    // National Day holiday; the 3rd working day is 10-08 and the 5th is 10-10 (make-up Saturday).
    let family = crate::test::family("shenzhen", "2026-09-10", "2026-09-28");
    family
        .share()
        .args(&[
            "done",
            "birth-certificate",
            "hukou-online-application",
            "hukou-registration",
            "medical-insurance",
            "medical-insurance-payment",
            "--on",
            "2026-09-28",
        ])
        .today("2026-09-28")
        .run();
    let plan = family.share().args(&["plan"]).today("2026-10-05").json();
    assert_eq!(
        step(&plan, "medical-insurance-payment")["expected"],
        serde_json::json!(["2026-10-08", "2026-10-10"])
    );
    let voucher = step(&plan, "medical-insurance-voucher");
    assert_eq!(voucher["status"], "waiting");
    assert_eq!(voucher["earliest_start"], "2026-10-08");
    assert_eq!(
        step(&plan, "personal-account-payment")["earliest_start"],
        "2026-10-08"
    );
}
