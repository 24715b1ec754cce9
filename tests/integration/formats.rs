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

#[test]
fn the_ics_export_parses_with_a_real_icalendar_parser() {
    let text = ics("2026-10-20");
    let cal = ical::IcalParser::new(BufReader::new(text.as_bytes()))
        .next()
        .expect("one calendar")
        .expect("a valid calendar");
    assert!(cal.events.len() >= 10, "{}", cal.events.len());
    let insurance = cal
        .events
        .iter()
        .find(|e| prop(e, "UID") == "xiamen-20261008-1-medical-insurance@newborn")
        .expect("the insurance deadline is an event");
    assert_eq!(prop(insurance, "DTSTART"), "20270106");
    assert_eq!(prop(insurance, "DTEND"), "20270107");
    assert!(prop(insurance, "SUMMARY").starts_with("截止："));
    assert!(prop(insurance, "DESCRIPTION").contains("90"));
    let triggers: Vec<&str> = insurance
        .alarms
        .iter()
        .map(|a| {
            a.properties
                .iter()
                .find(|p| p.name == "TRIGGER")
                .unwrap()
                .value
                .as_deref()
                .unwrap()
        })
        .collect();
    assert_eq!(triggers, ["-P3D", "-P1D"]);
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
fn re_exporting_later_keeps_the_uids_and_raises_the_sequence() {
    let uids = |t: &str| -> Vec<String> {
        t.lines()
            .filter(|l| l.starts_with("UID:"))
            .map(String::from)
            .collect()
    };
    let first = ics("2026-10-20");
    let later = ics("2026-10-25");
    assert_eq!(uids(&first), uids(&later));
    assert!(first.contains("SEQUENCE:12\r\n") && later.contains("SEQUENCE:17\r\n"));
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
        .stdout_contains("  □ 结婚证（原件1份）\n    用于：到公安派出所办理出生登记（落户）\n")
        .stdout_lacks("hukou-registration")
        .stdout_lacks("- [ ]")
        .run();
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
        .today("2026-10-20")
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
        .today("2026-10-20")
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
        .stdout_contains("29 days left")
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
            "Next: 4. Apply for the bundle at the birth hospital (one-thing-application)",
        )
        .stdout_contains("Deadline: 2026-11-18 (29 days left)")
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
    assert!(why.contains("(father_hukou = other"), "{why}");
    let warnings = en["warnings"].as_array().unwrap();
    assert_eq!(
        warnings.len(),
        1,
        "one warning for all estimated dates: {warnings:?}"
    );
    let w = warnings[0].as_str().unwrap();
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
    let w = warnings[0].as_str().unwrap();
    assert!(w.starts_with("2027年的法定节假日安排尚未知道：“"), "{w}");
    assert!(
        w.contains("的日期，以及条件“age <= 30 working days”的判断只按周末估算"),
        "{w}"
    );
}
