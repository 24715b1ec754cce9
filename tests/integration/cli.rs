//! The command-line contract: commands, progress that persists, errors that help.

use crate::test::{Test, step};
use std::fs;
use std::path::Path;

/// Every file under `dir` with its bytes, to prove a command changed nothing.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out = Vec::new();
    if let Ok(entries) = fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(snapshot(&p));
            } else {
                out.push((p.display().to_string(), fs::read(&p).unwrap()));
            }
        }
    }
    out.sort();
    out
}

fn family(today: &str) -> Test {
    let home = Test::new();
    home.share()
        .args(&["init", "--region", "hebei", "--birth-date", "2026-10-08"])
        .today(today)
        .stdout_contains("已保存：baby · 河北省（hebei）· 出生 2026-10-08")
        .run();
    home
}

#[test]
fn the_readme_one_shot_plan_works_without_any_set_up_and_says_what_it_assumed() {
    Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-10-08"])
        .today("2026-10-20")
        .stdout_contains("按默认情况计算（未用 --set 指定的）：")
        .stdout_contains("mother_hukou=city father_hukou=city household=family")
        .stdout_contains("路线：新生儿出生“一件事一次办”")
        .stdout_contains("one-thing-application")
        // The application declares the birth: within one month, 11-08.
        .stdout_contains("2026-11-08")
        .run();
}

#[test]
fn progress_persists_across_runs_and_undo_reverts_it() {
    let home = family("2026-10-20");
    home.share()
        .args(&["done", "one-thing-application", "--on", "2026-10-19"])
        .today("2026-10-20")
        .stdout_contains("✓ 已完成：")
        .stdout_contains("2026-10-19")
        .run();
    let plan = home.share().args(&["plan"]).today("2026-10-21").json();
    assert_eq!(step(&plan, "one-thing-application")["status"], "done");
    assert_eq!(
        step(&plan, "one-thing-application")["done_on"],
        "2026-10-19"
    );
    home.share()
        .args(&["undo", "one-thing-application"])
        .today("2026-10-21")
        .stdout_contains("↺ 已改回未完成")
        .run();
    let plan = home.share().args(&["plan"]).today("2026-10-21").json();
    assert_eq!(step(&plan, "one-thing-application")["status"], "ready");
}

#[test]
fn steps_can_be_named_by_number_or_unique_prefix() {
    let home = family("2026-10-20");
    let plan = home.share().args(&["plan"]).today("2026-10-20").json();
    let number = step(&plan, "vaccination-certificate")["number"].to_string();
    home.share()
        .args(&["done", &number, "one-thing"])
        .today("2026-10-20")
        .run();
    let plan = home.share().args(&["plan"]).today("2026-10-20").json();
    assert_eq!(step(&plan, "vaccination-certificate")["status"], "done");
    assert_eq!(step(&plan, "one-thing-application")["status"], "done");
}

#[test]
fn marking_a_step_before_its_prerequisites_is_allowed_with_a_warning() {
    let t = family("2026-10-20");
    t.args(&["done", "hukou-registration"])
        .today("2026-10-20")
        .stderr_contains(
            "newborn：注意：hukou-registration 的前置事项 one-thing-application、birth-certificate 还没有标记办完；已照样记下",
        )
        .run();
}

#[test]
fn next_says_where_to_go_what_to_bring_and_what_it_unblocks() {
    family("2026-10-20")
        .args(&["next"])
        .today("2026-10-20")
        .stdout_contains("下一步：")
        .stdout_contains("（one-thing-application）")
        .stdout_contains("截止：2026-11-08（办理窗口最后工作日 2026-11-06）（还有19天）")
        .stdout_contains("最晚可办：2026-11-18（30个工作日内，过后不能再办）")
        .stdout_contains("材料：")
        .stdout_contains("  - 结婚证（原件1份）")
        .stdout_contains("办完后可以办：领取《出生医学证明》，在“冀时办”上传落户材料（birth-certificate）、到公安派出所领取新生儿户口页")
        .run();
}

#[test]
fn next_json_is_one_step_object() {
    let step = family("2026-10-20")
        .args(&["next"])
        .today("2026-10-20")
        .json();
    assert_eq!(step["id"], "one-thing-application");
    // The application declares the birth: the one-month duty; the bundle stays open 30
    // working days.
    assert_eq!(step["deadline"], "2026-11-08");
    assert_eq!(step["window"], "2026-11-18");
    assert!(step["materials"].is_array());
    assert_eq!(step["source"]["doc"], "hebei-spec");
}

#[test]
fn plan_json_has_the_documented_shape() {
    let plan = Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-10-08"])
        .today("2026-10-20")
        .json();
    for key in ["region", "today", "birth_date", "steps", "warnings"] {
        assert!(!plan[key].is_null(), "{key}");
    }
    assert_eq!(plan["region"], "hebei");
    assert_eq!(plan["today"], "2026-10-20");
    let s = &plan["steps"][0];
    for key in [
        "id",
        "title",
        "status",
        "deadline",
        "prerequisites",
        "materials",
        "source",
    ] {
        assert!(s.get(key).is_some(), "{key}");
    }
}

#[test]
fn the_markdown_export_is_a_task_list() {
    let home = family("2026-10-20");
    let dir = home.data_dir().to_path_buf();
    home.share()
        .args(&["done", "vaccination-certificate"])
        .today("2026-10-20")
        .run();
    let out = dir.join("checklist.md");
    home.share()
        .args(&[
            "export",
            "--format",
            "markdown",
            "-o",
            out.to_str().unwrap(),
        ])
        .today("2026-10-20")
        .stderr_contains("newborn：已写入 ")
        .run();
    let md = fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("# 新生儿办事清单：河北省\n"), "{md}");
    assert!(md.contains("- [x] **"), "{md}");
    assert!(md.contains("- [ ] **"), "{md}");
    assert!(
        md.contains(
            "`one-thing-application` — 截止 2026-11-08（办理窗口最后工作日 2026-11-06）（还有19天） · 可以办"
        ),
        "{md}"
    );
    assert!(md.contains("    - [ ] 结婚证（原件1份）"), "{md}");
    assert!(md.contains("手册“河北省”最后核对：2026-11-23"), "{md}");
}

#[test]
fn a_deadline_in_a_year_without_a_schedule_carries_a_warning_until_one_is_supplied() {
    let plan = Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-12-10"])
        .today("2026-12-11")
        .json();
    let apply = step(&plan, "one-thing-application");
    assert_eq!(apply["deadline_estimated"], true);
    let warnings = plan["warnings"].to_string();
    assert!(
        warnings.contains("2027年的法定节假日安排尚未知道"),
        "{warnings}"
    );

    let t = Test::new();
    let schedule = t.data_dir().parent().unwrap().join("2027.json");
    fs::write(
        &schedule,
        r#"{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#,
    )
    .unwrap();
    let plan = t
        .args(&[
            "plan",
            "--region",
            "hebei",
            "--birth-date",
            "2026-12-10",
            "--calendar",
            schedule.to_str().unwrap(),
        ])
        .today("2026-12-11")
        .json();
    assert_eq!(
        step(&plan, "one-thing-application")["deadline_estimated"],
        false
    );
    assert_eq!(plan["warnings"], serde_json::json!([]));
}

#[test]
fn calendar_lists_the_known_years_and_the_data_dir_folder_adds_one() {
    let home = Test::new();
    let dir = home.data_dir().to_path_buf();
    home.share()
        .args(&["calendar"])
        .today("2026-11-23")
        .stdout_contains("  2026  内置")
        .stdout_contains("未知：2027 年")
        .run();
    fs::create_dir_all(dir.join("calendar")).unwrap();
    fs::write(
        dir.join("calendar/2027.json"),
        r#"{"year": 2027, "papers": [], "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#,
    )
    .unwrap();
    home.share()
        .args(&["calendar"])
        .today("2026-11-23")
        .stdout_contains("calendar/2027.json")
        .stdout_lacks("未知：2027")
        .run();
}

#[test]
fn regions_lists_the_shipped_playbooks() {
    Test::new()
        .args(&["regions"])
        .stdout_contains("hebei")
        .stdout_contains("河北省")
        .stdout_contains("national")
        .run();
}

#[test]
fn a_users_playbook_replaces_the_shipped_one_with_the_same_id() {
    let t = Test::new();
    let dir = t.data_dir().parent().unwrap().join("regions");
    fs::create_dir_all(&dir).unwrap();
    let text = include_str!("../../regions/hebei.toml")
        .replace("name = \"河北省\"", "name = \"河北省（本地修订）\"");
    fs::write(dir.join("hebei.toml"), text).unwrap();
    t.args(&[
        "plan",
        "--region",
        "hebei",
        "--birth-date",
        "2026-10-08",
        "--regions-dir",
        dir.to_str().unwrap(),
    ])
    .today("2026-10-20")
    .stdout_contains("河北省（本地修订）")
    .run();
}

#[test]
fn check_reports_a_broken_playbook_with_line_column_and_caret() {
    let t = Test::new();
    let path = t.data_dir().parent().unwrap().join("broken.toml");
    let text = include_str!("../../regions/hebei.toml").replacen(
        "requires = [\"one-thing-application\", \"birth-certificate\"]",
        "requires = [\"one-thing-aplication\", \"birth-certificate\"]",
        1,
    );
    fs::write(&path, text).unwrap();
    t.args(&["check", path.to_str().unwrap()])
        .status(1)
        .stderr_contains(
            "error: unknown step `one-thing-aplication` (did you mean one-thing-application",
        )
        .stderr_contains("broken.toml:")
        .stderr_contains("^^^")
        .run();
}

#[test]
fn check_passes_every_shipped_playbook() {
    Test::new()
        .args(&["check"])
        .stdout_contains("通过：hebei（hebei，")
        .run();
}

/// Bad inputs: one clear message, the documented exit code, and nothing changed on disk.
#[test]
fn bad_inputs_are_refused_and_change_nothing() {
    let home = family("2026-10-20");
    let dir = home.data_dir().to_path_buf();
    let before = snapshot(&dir);
    let cases: &[(&[&str], i32, &str)] = &[
        (
            &["done", "hukuo-registration"],
            2,
            "没有“hukuo-registration”这个事项（是不是 hukou-registration？）；清单里的事项：",
        ),
        (&["done", "99"], 2, "清单里没有第 99 项：序号是 1 到 19"),
        (
            &["done", "one-thing-application", "--on", "2026-02-30"],
            2,
            "--on <DATE>：2026-02-30 这一天不存在",
        ),
        (
            &["done", "one-thing-application", "--on", "2026-12-01"],
            2,
            "--on 2026-12-01 在今天（2026-10-20）之后",
        ),
        (
            &["done", "one-thing-application", "--on", "26-10-19"],
            2,
            "“26-10-19”不是日期：请写成 YYYY-MM-DD，年份写全四位",
        ),
        (
            &["plan", "--today", "yesterday"],
            2,
            "--today <DATE>：“yesterday”不是日期",
        ),
        (
            &["plan", "--region", "hebie", "--birth-date", "2026-10-08"],
            2,
            "没有“hebie”这个地区的手册（是不是 hebei？）；可选的地区：guangxi（广西壮族自治区）、hebei（河北省）",
        ),
        (
            &[
                "plan",
                "--region",
                "hebei",
                "--birth-date",
                "2026-10-08",
                "--set",
                "father_hukou=beijing",
            ],
            2,
            "father_hukou 不能是“beijing”；允许的值：city（本市）、province（本省）、other（外省）、none（无）",
        ),
        (
            &[
                "plan",
                "--region",
                "hebei",
                "--birth-date",
                "2026-10-08",
                "--set",
                "father_hukou=外地",
            ],
            2,
            "father_hukou 不能是“外地”（是不是 other？）",
        ),
        (
            &[
                "plan",
                "--region",
                "hebei",
                "--birth-date",
                "2026-10-08",
                "--set",
                "twins=true",
            ],
            2,
            "没有叫“twins”的事实；可以设置的事实：sex、plurality",
        ),
        (
            &["plan", "--region", "hebei"],
            2,
            "临时算一份清单要同时给出 --region 地区 和 --birth-date YYYY-MM-DD",
        ),
        (
            &["plan", "--region", "hebei", "--birth-date", "2027-01-01"],
            2,
            "出生日期 2027-01-01 在今天（2026-10-20）之后。按预产期提前规划的话，加 --yes 确认",
        ),
        (
            &["plan", "--region", "hebei", "--birth-date", "2016-10-08"],
            2,
            "出生日期 2016-10-08 是一年多以前（3664 天前）。确实如此的话，加 --yes 确认",
        ),
        (
            &["export", "--format", "pdf"],
            2,
            "不能导出成“pdf”；格式：markdown、json、ics",
        ),
        (
            &["export", "-o", "清单.ics", "--format", "markdown"],
            2,
            "-o 清单.ics 的扩展名是 ics 格式，但 --format 是 markdown",
        ),
        (
            &["export", "-o", "清单.pdf"],
            2,
            "不知道 .pdf 文件该导出成什么格式：用 .md、.json、.ics、.html 或 .svg",
        ),
        (
            &["plan", "--baby", "nobody"],
            2,
            "里没有叫“nobody”的宝宝；已有的宝宝：baby",
        ),
        (
            &["init", "--region", "hebei", "--birth-date", "2026-10-08"],
            2,
            "里已经有叫“baby”的宝宝。改一项情况：newborn set FACT=VALUE",
        ),
        (
            &["set", "father_hukou=beijing"],
            2,
            "father_hukou 不能是“beijing”",
        ),
        (&["set", "birth_date=2016-10-08"], 2, "是一年多以前"),
        (
            &["undo", "birth-certificate"],
            2,
            "（birth-certificate）没有标记为办完，不用改回；还没有标记任何事项办完",
        ),
        (
            &["frobnicate"],
            2,
            "没有“frobnicate”这个命令；命令：init、set、plan",
        ),
        (
            &["plan", "--frob"],
            2,
            "没有 --frob 这个选项（用法见 newborn plan --help）",
        ),
        (&["done"], 2, "缺少 <STEP>...（用法见 newborn done --help）"),
    ];
    for (args, code, message) in cases {
        home.share()
            .args(args)
            .today("2026-10-20")
            .status(*code)
            .stderr_contains(message)
            .run();
        assert_eq!(
            snapshot(&dir),
            before,
            "newborn {} changed the data dir",
            args.join(" ")
        );
    }
}

#[test]
fn init_outside_a_terminal_needs_its_flags() {
    Test::new()
        .args(&["init"])
        .stdin("hebei\n")
        .status(2)
        .stderr("newborn：init 要给出 --region 地区 和 --birth-date YYYY-MM-DD（或在终端里运行，逐项询问）；有哪些地区：newborn regions\n")
        .run();
}

#[test]
fn today_can_come_from_the_environment() {
    Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-10-08"])
        .env("NEWBORN_TODAY", "2026-11-17")
        .stdout_contains("今天 2026-11-17")
        // The application (the birth's declaration) was due 11-08: 9 days late on 11-17.
        .stdout_contains("逾期9天")
        .run();
}

#[test]
fn an_option_on_the_command_line_beats_the_environment_on_either_side_of_the_command() {
    for args in [
        [
            "--today",
            "2026-11-16",
            "plan",
            "--region",
            "hebei",
            "--birth-date",
            "2026-10-08",
        ],
        [
            "plan",
            "--region",
            "hebei",
            "--birth-date",
            "2026-10-08",
            "--today",
            "2026-11-16",
        ],
    ] {
        Test::new()
            .args(&args)
            .env("NEWBORN_TODAY", "2026-11-17")
            .stdout_contains("今天 2026-11-16")
            .run();
    }
}

#[test]
fn a_bad_date_in_newborn_today_is_a_usage_error_naming_it() {
    Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-10-08"])
        .env("NEWBORN_TODAY", "2026-11-31")
        .status(2)
        .stderr("newborn：NEWBORN_TODAY=2026-11-31：2026-11-31 这一天不存在（日期写成 YYYY-MM-DD，例如 2026-10-08）\n")
        .run();
    Test::new()
        .args(&["plan", "--region", "hebei", "--birth-date", "2026-10-08"])
        .env("NEWBORN_TODAY", "2026-11-31")
        .env("LANG", "en_US.UTF-8")
        .status(2)
        .stderr("newborn: NEWBORN_TODAY=2026-11-31: 2026-11-31 is not a date in the calendar (expected YYYY-MM-DD, e.g. 2026-10-08)\n")
        .run();
}

#[test]
fn next_for_a_family_whose_paperwork_is_done_points_to_the_next_health_check() {
    let home = family("2026-10-20");
    home.share()
        .args(&[
            "done",
            "vaccination-certificate",
            "one-thing-application",
            "birth-certificate",
            "hukou-registration",
            "social-security-card",
            "medical-insurance",
            "health-check-home-visit",
            "health-check-1m",
            "--on",
            "2026-11-10",
        ])
        .today("2026-11-23")
        .run();
    home.share()
        .args(&["next"])
        .today("2026-11-23")
        .stdout(
            "接下来（还不能办）：1. 3月龄儿童健康检查（第3次免费健康检查）（health-check-3m）
状态：等待中
最早：2027-01-08（宝宝满3个月）
说明：国家基本公共卫生服务为0～6岁儿童提供13次免费健康检查，这是第3次。
方式：线下窗口 · 父母任一方 · 需要本人到场
来源：《国家基本公共卫生服务：0～6岁儿童健康管理（13次免费健康检查）》（国家基本公共卫生服务项目；官方文件） 0～6岁儿童健康管理：3月龄
详情：newborn show health-check-3m    办完后：newborn done health-check-3m
",
        )
        .run();
}

#[test]
fn with_no_baby_set_up_plan_says_how_to_start() {
    Test::new()
        .args(&["plan"])
        .status(1)
        .stderr_contains("里还没有设置宝宝：运行 newborn init")
        .run();
}
