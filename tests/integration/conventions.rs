//! The conventions a parent expects of a command-line tool: a closed pipe is not an error, the
//! file name says the format, a bare `newborn` helps, a changed fact keeps the rest.

use crate::cli::snapshot;
use crate::test::{Test, family};
use assert_cmd::cargo::CommandCargoExt;
use std::fs;
use std::process::{Command, Stdio};

/// Runs newborn with its standard output already closed (`newborn … | head -1` once head has
/// gone): the exit status and what it said on standard error.
fn into_a_closed_pipe(dir: &std::path::Path, args: &[&str]) -> (Option<i32>, String) {
    let mut child = Command::cargo_bin("newborn")
        .unwrap()
        .args(args)
        .env("NEWBORN_DATA_DIR", dir)
        .env("NEWBORN_TODAY", "2026-10-20")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into(),
    )
}

#[test]
fn output_to_a_closed_pipe_ends_quietly_with_success() {
    let home = family("hebei", "2026-10-08", "2026-10-20");
    for args in [
        &["plan", "--all"][..],
        &["next"],
        &["export"],
        &["plan", "--json"],
        &["show", "hukou-registration"],
        &["man"],
        &["--help"],
        &["plan", "--help"],
        &["completions", "bash"],
    ] {
        let (code, stderr) = into_a_closed_pipe(home.data_dir(), args);
        assert_eq!(code, Some(0), "newborn {args:?}: {stderr}");
        assert_eq!(stderr, "", "newborn {args:?}");
    }
}

#[test]
fn export_takes_its_format_from_the_file_name() {
    let home = family("hebei", "2026-10-08", "2026-10-20");
    let dir = home.data_dir().parent().unwrap().to_path_buf();
    for (name, starts) in [
        ("清单.md", "# 新生儿办事清单"),
        ("plan.JSON", "{"),
        ("newborn.ics", "BEGIN:VCALENDAR"),
        ("no-extension", "# 新生儿办事清单"),
    ] {
        let path = dir.join(name);
        home.share()
            .args(&["export", "-o", path.to_str().unwrap()])
            .today("2026-10-20")
            .stderr_contains("newborn：已写入 ")
            .run();
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.starts_with(starts), "{name}: {text:.80}");
    }
    // --format agrees with the name, or is refused (nothing written).
    let ics = dir.join("again.ics");
    home.share()
        .args(&["export", "--format", "ics", "-o", ics.to_str().unwrap()])
        .today("2026-10-20")
        .run();
    let md = dir.join("list.md");
    home.share()
        .args(&["export", "--format", "json", "-o", md.to_str().unwrap()])
        .today("2026-10-20")
        .status(2)
        .stderr_contains("的扩展名是 markdown 格式，但 --format 是 json")
        .run();
    assert!(!md.exists());
    let txt = dir.join("list.txt");
    home.share()
        .args(&[
            "export",
            "--format",
            "markdown",
            "-o",
            txt.to_str().unwrap(),
        ])
        .today("2026-10-20")
        .run();
    assert!(
        fs::read_to_string(&txt)
            .unwrap()
            .starts_with("# 新生儿办事清单")
    );
}

#[test]
fn a_bare_newborn_says_how_to_start_then_what_is_next() {
    let home = Test::new();
    home.share()
        .stdout_contains("还没有设置宝宝。开始：")
        .stdout_contains("newborn init")
        .run();
    home.share()
        .args(&["--lang", "en"])
        .stdout_contains("No baby set up yet. To start:")
        .run();
    home.share()
        .args(&["init", "--region", "hebei", "--birth-date", "2026-10-08"])
        .today("2026-10-20")
        .run();
    home.share()
        .today("2026-10-20")
        .stdout_contains("共 19 项：可以办 1 · 请确认 2 · 待前置 4 · 等待中 12 · 最近截止 2026-11-08（向医院提交新生儿出生“一件事一次办”一套材料）\n")
        .stdout_contains(
            "下一步：1. 向医院提交新生儿出生“一件事一次办”一套材料（one-thing-application）",
        )
        .run();
}

#[test]
fn set_changes_one_fact_keeps_the_rest_and_says_what_changed() {
    let home = Test::new();
    home.share()
        .args(&["init", "--region", "xiamen", "--birth-date", "2026-10-08"])
        .args(&["--set", "father_hukou=other", "--set", "sex=girl"])
        .today("2026-10-20")
        .run();
    home.share()
        .args(&["set", "follows=mother"])
        .today("2026-10-20")
        // The baby now registers in Xiamen with the mother: Xiamen's insurance steps apply.
        .stdout_contains("已更新宝宝的情况：\n  follows father（随父） → mother（随母）\n清单的变化：\n")
        .stdout_contains("  在哪里办变了：\n    到父亲或母亲户口所在地派出所申报出生登记（也可网上办）（hukou-registration）：改为按本地区手册办理\n")
        .stdout_contains("    缴纳城乡居民医疗保险费（税务缴费渠道）（medical-insurance-payment）：无 → 2027-01-06\n")
        .run();
    let profile = || fs::read_to_string(home.data_dir().join("babies/baby/profile.toml")).unwrap();
    for kept in [
        "father_hukou = \"other\"",
        "sex = \"girl\"",
        "follows = \"mother\"",
    ] {
        assert!(profile().contains(kept), "{kept}:\n{}", profile());
    }
    home.share()
        .args(&["set", "father_hukou=本市"])
        .today("2026-10-20")
        .stdout_contains("  father_hukou other（外省） → city（本市）\n")
        .stdout_contains("  路线：分别办理各事项 → 新生儿出生“一件事”（网上办事大厅 / 闽政通）\n")
        .stdout_contains("  新增 1 项：\n    + 母亲在网上办事大厅申请“出生一件事”（平台自动预审）（one-thing-application）\n")
        .run();
    assert!(profile().contains("sex = \"girl\""));
    home.share()
        .args(&["set", "father_hukou=city"])
        .today("2026-10-20")
        .stdout("宝宝的情况本来就是这样，没有改动。\n")
        .run();
    home.share()
        .args(&["set", "region=Hebei", "--lang", "en"])
        .today("2026-10-20")
        .stdout_contains("Updated the baby's profile:\n  region xiamen → hebei\n")
        .run();
    // A refused change changes nothing.
    let before = snapshot(home.data_dir());
    for (args, message) in [
        (&["set", "sex=女孩子"][..], "sex 不能是“女孩子”"),
        (&["set", "region=北京"], "没有“北京”这个地区的手册"),
        (&["set", "birth_date=26-10-08"], "年份写全四位"),
        (
            &["set", "birth_date=2027-01-01"],
            "在今天（2026-10-20）之后",
        ),
        (&["set", "colour=red"], "没有叫“colour”的事实"),
        (&["set", "follows"], "“follows”不是“事实=值”的写法"),
    ] {
        home.share()
            .args(args)
            .today("2026-10-20")
            .status(2)
            .stderr_contains(message)
            .run();
        assert_eq!(snapshot(home.data_dir()), before, "newborn {args:?}");
    }
}

#[test]
fn init_force_keeps_what_it_is_not_given() {
    let home = Test::new();
    home.share()
        .args(&["init", "--region", "xiamen", "--birth-date", "2026-10-08"])
        .args(&["--set", "father_hukou=other", "--set", "sex=girl"])
        .today("2026-10-20")
        .run();
    home.share()
        .args(&["init", "--force", "--set", "follows=mother"])
        .today("2026-10-20")
        .stdout_contains("已保存：baby · 厦门市（xiamen）· 出生 2026-10-08\n")
        .run();
    let profile = fs::read_to_string(home.data_dir().join("babies/baby/profile.toml")).unwrap();
    for kept in [
        "father_hukou = \"other\"",
        "sex = \"girl\"",
        "follows = \"mother\"",
    ] {
        assert!(profile.contains(kept), "{kept}:\n{profile}");
    }
    let plan = home.share().args(&["plan"]).today("2026-10-20").json();
    assert!(
        plan["route"]["why"]
            .as_str()
            .unwrap()
            .contains("父亲户籍：外省"),
        "{}",
        plan["route"]
    );
}

#[test]
fn birth_dates_far_off_are_confirmed_with_yes() {
    let home = Test::new();
    let before = snapshot(home.data_dir());
    home.share()
        .args(&["init", "--region", "hebei", "--birth-date", "2016-10-08"])
        .today("2026-10-20")
        .status(2)
        .stderr_contains(
            "出生日期 2016-10-08 是一年多以前（3664 天前）。确实如此的话，加 --yes 确认",
        )
        .run();
    assert_eq!(snapshot(home.data_dir()), before);
    home.share()
        .args(&[
            "init",
            "--region",
            "hebei",
            "--birth-date",
            "2027-01-08",
            "--yes",
        ])
        .today("2026-10-20")
        .stdout_contains("已保存：baby · 河北省（hebei）· 出生 2027-01-08")
        .run();
    // Planned ahead from the due date; later commands need no --yes.
    home.share().args(&["plan"]).today("2026-10-20").run();
    home.share().args(&["next"]).today("2028-10-20").run();
}

#[test]
fn done_refuses_a_step_that_does_not_apply_and_says_what_it_would_change() {
    let home = family("xiamen", "2026-10-08", "2026-10-20");
    home.share()
        .args(&["set", "father_hukou=other"])
        .today("2026-10-20")
        .run();
    let before = snapshot(home.data_dir());
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .status(2)
        .stderr_contains("（one-thing-application）不适用于您家：只属于路线")
        .stderr_contains("标记它办完会改变清单：\n路线：分别办理各事项 → 新生儿出生“一件事”")
        .stderr_contains("确实办过的话：newborn done one-thing-application --force")
        .run();
    // A prefix only finds steps that apply; suggestions name only those.
    home.share()
        .args(&["done", "one-thing"])
        .today("2026-10-20")
        .status(2)
        .stderr_contains("没有“one-thing”这个事项")
        .stderr_lacks("one-thing-application")
        .run();
    assert_eq!(snapshot(home.data_dir()), before);
    home.share()
        .args(&["done", "one-thing-application", "--force"])
        .today("2026-10-20")
        .stdout_contains("✓ 已完成：")
        .run();
    let plan = home.share().args(&["plan"]).today("2026-10-20").json();
    assert_eq!(
        crate::test::step(&plan, "one-thing-application")["status"],
        "done"
    );
}

#[test]
fn a_check_marked_done_long_before_it_starts_warns() {
    family("hebei", "2026-10-08", "2026-10-20")
        .args(&["done", "health-check-6y"])
        .today("2026-10-20")
        .stderr_contains("newborn：注意：health-check-6y 要到 2032-10-08（宝宝满6岁）才开始，却记成 2026-10-20 办完")
        .stderr_contains("newborn undo health-check-6y")
        .run();
}

#[test]
fn steps_and_regions_are_named_forgivingly() {
    let home = family("厦门", "2026-10-08", "2026-10-20");
    home.share()
        .args(&["done", "Birth-Certificate"])
        .today("2026-10-20")
        .stdout_contains("✓ 已完成：")
        .run();
    for region in ["Xiamen", "厦门", "厦门市", "XIAMEN"] {
        Test::new()
            .args(&["plan", "--region", region, "--birth-date", "2026-10-08"])
            .today("2026-10-20")
            .stdout_contains("厦门市（xiamen）")
            .run();
    }
    Test::new()
        .args(&["plan", "--region", "广西", "--birth-date", "2026-10-08"])
        .args(&[
            "--set",
            "father_hukou=外省",
            "--set",
            "married=否",
            "--set",
            "sex=男",
        ])
        .today("2026-10-20")
        .stdout_contains("广西壮族自治区（guangxi）")
        .run();
}
