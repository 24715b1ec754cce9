//! Export formats and helpers: iCalendar, JSON, materials, completions, man page.

use crate::test::Test;
use std::io::BufReader;

fn ics(today: &str) -> String {
    let out = Test::new()
        .args(&[
            "export",
            "--format",
            "ics",
            "--region",
            "xiamen",
            "--birth-date",
            "2026-10-08",
        ])
        .today(today)
        .run();
    String::from_utf8(out.stdout).unwrap()
}

fn prop<'a>(event: &'a ical::parser::ical::component::IcalEvent, name: &str) -> &'a str {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_else(|| panic!("no {name}"))
}

fn calendar(text: &str) -> ical::parser::ical::component::IcalCalendar {
    ical::IcalParser::new(BufReader::new(text.as_bytes()))
        .next()
        .expect("one calendar")
        .expect("a valid calendar")
}

fn event<'c>(
    cal: &'c ical::parser::ical::component::IcalCalendar,
    uid: &str,
) -> &'c ical::parser::ical::component::IcalEvent {
    cal.events
        .iter()
        .find(|e| prop(e, "UID") == uid)
        .unwrap_or_else(|| panic!("no event {uid}"))
}

fn triggers(event: &ical::parser::ical::component::IcalEvent) -> Vec<&str> {
    event
        .alarms
        .iter()
        .map(|a| {
            let trigger = a.properties.iter().find(|p| p.name == "TRIGGER").unwrap();
            trigger.value.as_deref().unwrap()
        })
        .collect()
}

#[test]
fn the_ics_export_parses_with_a_real_icalendar_parser() {
    let cal = calendar(&ics("2026-10-20"));
    assert!(cal.events.len() >= 10, "{}", cal.events.len());
    let payment = event(&cal, "xiamen-20261008-1-medical-insurance-payment@newborn");
    assert_eq!(prop(payment, "DTSTART"), "20270106");
    assert_eq!(prop(payment, "DTEND"), "20270107");
    assert_eq!(prop(payment, "DTSTAMP"), "20261020T040000Z");
    assert!(prop(payment, "SUMMARY").starts_with("截止："));
    assert!(prop(payment, "DESCRIPTION").contains("90"));
    // Three days and one day before, at 09:00 Beijing time (01:00 UTC), not at midnight.
    assert_eq!(triggers(payment), ["20270103T010000Z", "20270105T010000Z"]);
    // An office's own steps are nothing for the family to be reminded of.
    let enrollment = event(&cal, "xiamen-20261008-1-medical-insurance@newborn");
    assert!(triggers(enrollment).is_empty());
}

#[test]
fn an_office_step_is_reminded_on_its_last_office_day_and_the_working_day_before() {
    // Hebei: the application is due on Sunday 2026-11-08; the hospital's last working day
    // before it is Friday 11-06.
    let hebei = |today: &str| {
        let out = Test::new()
            .args(&["export", "--format", "ics", "--region", "hebei"])
            .args(&["--birth-date", "2026-10-08"])
            .today(today)
            .run();
        calendar(&String::from_utf8(out.stdout).unwrap())
    };
    let uid = "hebei-20261008-1-one-thing-application@newborn";
    let cal = hebei("2026-10-20");
    assert_eq!(
        triggers(event(&cal, uid)),
        ["20261105T010000Z", "20261106T010000Z"]
    );
    // Overdue on 11-10: one reminder on the day of the export, not in the past.
    let cal = hebei("2026-11-10");
    let late = event(&cal, uid);
    assert!(
        prop(late, "SUMMARY").starts_with("已逾期："),
        "{}",
        prop(late, "SUMMARY")
    );
    assert_eq!(triggers(late), ["20261110T041000Z"]);
}

#[test]
fn ics_lines_are_folded_within_75_octets_with_crlf() {
    let text = ics("2026-10-20");
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    for line in text.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        assert!(!line.contains('\n'));
    }
    assert!(text.contains("\\n"), "newlines in descriptions are escaped");
}

#[test]
fn re_exporting_keeps_the_uids_and_raises_the_sequence_of_changed_events_only() {
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    let home = Test::new();
    home.share()
        .args(&["init", "--region", "xiamen", "--birth-date", "2026-10-08"])
        .today("2026-10-20")
        .run();
    let export = || {
        let out = home
            .share()
            .args(&["export", "--format", "ics"])
            .today("2026-10-20")
            .run();
        calendar(&String::from_utf8(out.stdout).unwrap())
    };
    let sequence = |cal: &ical::parser::ical::component::IcalCalendar, id: &str| {
        prop(
            event(cal, &format!("xiamen-20261008-1-{id}@newborn")),
            "SEQUENCE",
        )
        .to_string()
    };
    let first = export();
    let again = export();
    assert_eq!(sequence(&first, "one-thing-application"), "0");
    assert_eq!(sequence(&again, "one-thing-application"), "0");
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .run();
    let later = export();
    assert_eq!(sequence(&later, "one-thing-application"), "1");
    assert_eq!(sequence(&later, "health-check-6m"), "0");
    let ids = |cal: &ical::parser::ical::component::IcalCalendar| {
        let mut ids: Vec<String> = cal
            .events
            .iter()
            .map(|e| prop(e, "UID").to_string())
            .collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(&first), ids(&later));
    assert_eq!(uids(&ics("2026-10-20")), uids(&ics("2026-10-25")));
}

#[test]
fn the_json_export_has_every_detail() {
    let out = Test::new()
        .args(&[
            "export",
            "--format",
            "json",
            "--region",
            "hebei",
            "--birth-date",
            "2026-10-08",
        ])
        .today("2026-10-20")
        .run();
    let plan: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        plan["not_applicable"].is_array(),
        "the export includes the steps that do not apply"
    );
    let apply = crate::test::step(&plan, "one-thing-application");
    assert_eq!(apply["lead_time_note"].as_str().map(|_| ()), None);
    assert!(
        apply["summary"]
            .as_str()
            .unwrap()
            .contains("各级医疗保健机构牵头")
    );
    assert_eq!(apply["materials"][4]["name"], "结婚证");
}

#[test]
fn materials_are_merged_across_steps_and_grouped_by_place() {
    // Xiamen's separate route: the hukou step and the reimbursement both need papers; each
    // document appears once per place with the largest count any step needs.
    let home = Test::new();
    let json = home
        .share()
        .args(&[
            "materials",
            "--region",
            "xiamen",
            "--birth-date",
            "2026-10-08",
            "--set",
            "father_hukou=other",
            "--set",
            "hospitalised=true",
        ])
        .today("2026-10-20")
        .json();
    let groups = json.as_array().unwrap();
    assert!(groups.len() >= 2, "{json}");
    for g in groups {
        let names: Vec<&str> = g["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["name"].as_str().unwrap())
            .collect();
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(
            unique.len(),
            names.len(),
            "a document is listed once per place: {names:?}"
        );
    }
    home.share()
        .args(&[
            "materials",
            "--region",
            "hebei",
            "--birth-date",
            "2026-10-08",
            "--set",
            "father_hukou=other",
        ])
        .today("2026-10-20")
        .stdout_contains("【落户方户口所在地公安派出所】\n")
        .stdout_contains("  □ 结婚证（原件1份）\n    用于：2. 到公安派出所办理出生登记（落户）\n")
        .stdout_lacks("hukou-registration")
        .stdout_lacks("- [ ]")
        .run();
}

#[test]
fn an_electronic_item_shown_at_a_desk_is_packed_for_that_desk_not_online() {
    // Guangxi: the mother's medical-insurance code is shown at the hospital's discharge desk.
    let out = Test::new()
        .args(&[
            "materials",
            "--region",
            "guangxi",
            "--birth-date",
            "2026-10-08",
        ])
        .today("2026-10-12")
        .stdout_contains("【住院分娩的定点医疗机构】\n  □ 产妇本人的医保码（电子版）\n")
        .run();
    let text = String::from_utf8(out.stdout).unwrap();
    let online = text.split("\n\n").next().unwrap();
    assert!(online.starts_with("【线上办理"), "{text}");
    assert!(!online.contains("医保码"), "{online}");
}

#[test]
fn the_markdown_export_ends_with_the_packing_list() {
    Test::new()
        .args(&["export", "--region", "hebei", "--birth-date", "2026-10-08"])
        .today("2026-10-20")
        .stdout_contains("## 材料清单（按办理地点，合并各事项）")
        .stdout_contains("### 新生儿出生的医疗保健机构")
        .run();
}

#[test]
fn completions_and_man_page_are_generated() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        Test::new()
            .args(&["completions", shell])
            .stdout_contains("newborn")
            .run();
    }
    Test::new()
        .args(&["completions", "tcsh"])
        .status(2)
        .stderr("newborn：<SHELL> 不能是“tcsh”（是不是 zsh？）；允许的值：bash、zsh、fish、powershell、elvish\n")
        .run();
    Test::new()
        .args(&["man"])
        .stdout_contains(".TH NEWBORN 1")
        .stdout_contains("export")
        .run();
}

#[test]
fn statuses_are_coloured_only_when_asked_or_on_a_terminal() {
    let args = ["plan", "--region", "hebei", "--birth-date", "2026-10-08"];
    Test::new()
        .args(&args)
        .args(&["--color", "always"])
        .today("2026-11-10")
        .stdout_contains("\u{1b}[38;5;9m 已逾期 \u{1b}[39m")
        .run();
    // Not a terminal: no colour by default, nor with NO_COLOR.
    Test::new()
        .args(&args)
        .today("2026-10-20")
        .stdout_lacks("\u{1b}[")
        .run();
    Test::new()
        .args(&args)
        .env("NO_COLOR", "1")
        .today("2026-10-20")
        .stdout_lacks("\u{1b}[")
        .run();
    Test::new()
        .args(&args)
        .args(&["--color", "sometimes"])
        .status(2)
        .stderr_contains("--color <WHEN> 不能是“sometimes”；允许的值：auto、always、never")
        .run();
    // An explicit choice wins over NO_COLOR.
    Test::new()
        .args(&args)
        .args(&["--color", "always"])
        .env("NO_COLOR", "1")
        .today("2026-11-10")
        .stdout_contains("\u{1b}[38;5;9m 已逾期 \u{1b}[39m")
        .run();
}

#[test]
fn english_interface_with_the_playbooks_english_titles() {
    let args = ["plan", "--region", "hebei", "--birth-date", "2026-10-08"];
    Test::new()
        .args(&args)
        .args(&["--lang", "en"])
        .today("2026-10-20")
        .stdout_contains("Hebei (hebei) · born 2026-10-08 · today 2026-10-20")
        .stdout_contains("Route: The bundled application (一件事一次办) — ")
        .stdout_contains(" #  Step ")
        .stdout_contains("Apply for the bundle at the birth hospital")
        .stdout_contains("19 days left")
        .stdout_contains("ready")
        .stdout_lacks("可以办")
        .run();
    Test::new()
        .args(&[
            "next",
            "--region",
            "hebei",
            "--birth-date",
            "2026-10-08",
            "--lang",
            "en",
        ])
        .today("2026-10-20")
        .stdout_contains(
            "Next: 1. Apply for the bundle at the birth hospital (one-thing-application)",
        )
        .stdout_contains("Deadline: 2026-11-08 (office by 2026-11-06) (19 days left)")
        .stdout_contains(
            "Last day it can be done: 2026-11-18 (within 30 working days; not after that)",
        )
        .stdout_contains("Bring:")
        .stdout_contains("  - 结婚证 (1 original(s))")
        .run();
}

#[test]
fn the_language_defaults_from_the_environment() {
    let args = ["plan", "--region", "hebei", "--birth-date", "2026-10-08"];
    Test::new()
        .args(&args)
        .env("LANG", "en_US.UTF-8")
        .today("2026-10-20")
        .stdout_contains(" #  Step ")
        .run();
    Test::new()
        .args(&args)
        .env("LANG", "zh_CN.UTF-8")
        .today("2026-10-20")
        .stdout_contains(" #  事项 ")
        .run();
    Test::new()
        .args(&args)
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "zh_CN.UTF-8")
        .today("2026-10-20")
        .stdout_contains(" #  事项 ")
        .run();
    Test::new()
        .args(&args)
        .args(&["--lang", "fr"])
        .status(2)
        .stderr_contains("--lang <LANG> 不能是“fr”；允许的值：zh、en")
        .run();
}

#[test]
fn explanations_and_warnings_follow_the_language() {
    let en = Test::new()
        .args(&[
            "plan",
            "--all",
            "--lang",
            "en",
            "--region",
            "hebei",
            "--birth-date",
            "2026-12-10",
            "--set",
            "father_hukou=other",
        ])
        .today("2026-12-20")
        .json();
    let why = en["route"]["why"].as_str().unwrap();
    assert!(
        why.starts_with("cannot take \"The bundled application (一件事一次办)\": "),
        "{why}"
    );
    assert!(why.contains("(the father's hukou: other"), "{why}");
    let warnings = en["warnings"].as_array().unwrap();
    assert_eq!(
        warnings.len(),
        1,
        "one warning for all estimated dates: {warnings:?}"
    );
    assert_eq!(warnings[0]["kind"], "estimated");
    let w = warnings[0]["text"].as_str().unwrap();
    assert!(
        w.starts_with("The official holiday schedule of 2027 is not known yet"),
        "{w}"
    );
    let na = crate::test::step(&en, "one-thing-application");
    assert_eq!(
        na["why"][0],
        "only on the route \"The bundled application (一件事一次办)\", which this family does not take"
    );
}

#[test]
fn dates_in_an_unknown_year_give_one_warning_naming_the_steps() {
    let plan = Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-12-10"])
        .today("2026-12-20")
        .json();
    let warnings = plan["warnings"].as_array().unwrap();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    // Xiamen counts calendar days and months only: nothing to estimate.
    let xiamen = Test::new()
        .args(&["plan", "--region", "xiamen", "--birth-date", "2026-12-10"])
        .today("2026-12-20")
        .json();
    assert_eq!(xiamen["warnings"], serde_json::json!([]));
    let w = warnings[0]["text"].as_str().unwrap();
    assert!(w.starts_with("2027年的法定节假日安排尚未知道：“"), "{w}");
    assert!(
        w.contains("的日期，以及“出生后30个工作日以内”的判断只按周末估算"),
        "{w}"
    );
}
