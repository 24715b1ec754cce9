//! Progress is never lost: diverged copies merge, conflict copies are picked up, crashes and
//! concurrent runs keep every acknowledged step, damaged or newer files are left untouched.

use crate::test::{Test, step};
use assert_cmd::cargo::CommandCargoExt;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};

const STEPS: [&str; 6] = [
    "vaccination-certificate",
    "one-thing-application",
    "birth-certificate",
    "hukou-registration",
    "social-security-card",
    "medical-insurance",
];

fn hebei_family() -> Test {
    crate::test::family("hebei", "2026-10-08", "2026-10-20")
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap().flatten() {
        let target = to.join(e.file_name());
        if e.path().is_dir() {
            copy_dir(&e.path(), &target);
        } else {
            fs::copy(e.path(), target).unwrap();
        }
    }
}

fn statuses(t: Test) -> Vec<(String, String)> {
    let plan = t.args(&["plan"]).today("2026-10-25").json();
    plan["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().into(),
                s["status"].as_str().unwrap().into(),
            )
        })
        .collect()
}

#[test]
fn two_diverged_copies_merge_to_the_same_plan_in_either_order() {
    let a = hebei_family();
    let b_dir = a.data_dir().parent().unwrap().join("b");
    let c_dir = a.data_dir().parent().unwrap().join("c");
    copy_dir(a.data_dir(), &b_dir);
    // Offline on two devices: the mother marks two steps, the father another and undoes one.
    a.share()
        .args(&["done", "vaccination-certificate", "one-thing-application"])
        .today("2026-10-20")
        .run();
    let b = Test::at(&b_dir);
    b.share()
        .args(&["done", "birth-certificate", "--on", "2026-10-21"])
        .today("2026-10-22")
        .run();
    Test::at(&b_dir)
        .args(&["undo", "birth-certificate"])
        .today("2026-10-23")
        .run();
    Test::at(&b_dir)
        .args(&["done", "hukou-registration"])
        .today("2026-10-24")
        .run();
    copy_dir(&b_dir, &c_dir);

    a.share()
        .args(&["sync", b_dir.to_str().unwrap()])
        .stdout_contains("baby：合并了 3 条新记录")
        .run();
    Test::at(&c_dir)
        .args(&["sync", a.data_dir().to_str().unwrap()])
        .run();
    let merged_a = statuses(a.share());
    let merged_c = statuses(Test::at(&c_dir));
    assert_eq!(merged_a, merged_c);
    let done: Vec<&str> = merged_a
        .iter()
        .filter(|(_, s)| s == "done")
        .map(|(i, _)| i.as_str())
        .collect();
    // The birth certificate the father undid still counts as done: the hukou page he marked
    // requires it (a step marked done settles the steps it requires).
    assert_eq!(
        done,
        [
            "birth-certificate",
            "vaccination-certificate",
            "one-thing-application",
            "hukou-registration"
        ]
    );
    // Merging again changes nothing.
    a.share()
        .args(&["sync", b_dir.to_str().unwrap()])
        .stdout_contains("baby：合并了 0 条新记录")
        .run();
    assert_eq!(statuses(a.share()), merged_a);
}

#[test]
fn a_conflict_copy_left_by_a_sync_tool_is_merged_automatically() {
    let a = hebei_family();
    let b_dir = a.data_dir().parent().unwrap().join("b");
    copy_dir(a.data_dir(), &b_dir);
    a.share()
        .args(&["done", "vaccination-certificate"])
        .today("2026-10-20")
        .run();
    Test::at(&b_dir)
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .run();
    fs::copy(
        b_dir.join("babies/baby/progress.json"),
        a.data_dir()
            .join("babies/baby/progress (conflicted copy 2026-10-20).json"),
    )
    .unwrap();
    let plan = a.share().args(&["plan"]).today("2026-10-20").json();
    assert_eq!(step(&plan, "vaccination-certificate")["status"], "done");
    assert_eq!(step(&plan, "one-thing-application")["status"], "done");
}

#[test]
fn sync_copies_a_baby_only_the_other_parent_set_up() {
    let a = hebei_family();
    let empty = Test::new();
    empty
        .share()
        .args(&["sync", a.data_dir().to_str().unwrap()])
        .stdout_contains("baby：新宝宝")
        .run();
    empty
        .share()
        .args(&["plan"])
        .today("2026-10-20")
        .stdout_contains("河北省")
        .run();
    empty
        .share()
        .args(&["sync", "/nonexistent/newborn"])
        .status(2)
        .stderr_contains("不是 newborn 的数据目录")
        .run();
}

#[test]
fn twins_are_two_babies_and_commands_ask_which() {
    let home = Test::new();
    for name in ["大宝", "二宝"] {
        home.share()
            .args(&[
                "init",
                "--baby",
                name,
                "--region",
                "hebei",
                "--birth-date",
                "2026-10-08",
                "--set",
                "plurality=2",
            ])
            .today("2026-10-20")
            .run();
    }
    home.share()
        .args(&["babies"])
        .stdout(
            " 名字  地区             出生日期
──────────────────────────────────────
 二宝  河北省（hebei）  2026-10-08
 大宝  河北省（hebei）  2026-10-08
",
        )
        .run();
    // Reading commands show each baby under its name.
    for args in [&["next"][..], &["plan"], &[]] {
        home.share()
            .args(args)
            .today("2026-10-20")
            .stdout_contains("━━ 二宝 ━━")
            .stdout_contains("━━ 大宝 ━━")
            .run();
    }
    let both = home.share().args(&["plan"]).today("2026-10-20").json();
    assert_eq!(both["大宝"]["region"], "hebei");
    assert_eq!(both["二宝"]["region"], "hebei");
    // A change needs to know which baby, until a default is set.
    let before = crate::cli::snapshot(home.data_dir());
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .status(2)
        .stderr_contains("里有几个宝宝（二宝、大宝）：用 --baby 名字 选一个，或用 newborn babies --default 名字 设默认的宝宝")
        .run();
    assert_eq!(crate::cli::snapshot(home.data_dir()), before);
    home.share()
        .args(&["babies", "--default", "大宝"])
        .stdout("默认的宝宝：大宝（没有用 --baby 时，done、undo、set 等命令用它）\n")
        .run();
    home.share()
        .args(&["babies", "--default", "三宝"])
        .status(2)
        .stderr_contains("里没有叫“三宝”的宝宝；已有的宝宝：二宝、大宝")
        .run();
    home.share()
        .args(&["babies"])
        .stdout_contains(" 大宝  河北省（hebei）  2026-10-08  默认\n")
        .run();
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .run();
    let first = home
        .share()
        .args(&["plan", "--baby", "大宝"])
        .today("2026-10-20")
        .json();
    let second = home
        .share()
        .args(&["plan", "--baby", "二宝"])
        .today("2026-10-20")
        .json();
    assert_eq!(step(&first, "one-thing-application")["status"], "done");
    assert_eq!(step(&second, "one-thing-application")["status"], "ready");
    home.share()
        .args(&[
            "init",
            "--baby",
            "../x",
            "--region",
            "hebei",
            "--birth-date",
            "2026-10-08",
        ])
        .today("2026-10-20")
        .status(2)
        .stderr_contains("“../x”不能用作宝宝的名字：只能用文字、数字、- 或 _")
        .run();
}

fn newborn(dir: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::cargo_bin("newborn").unwrap();
    cmd.args(args)
        .args(["--today", "2026-10-20"])
        .env("NEWBORN_DATA_DIR", dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    cmd
}

#[test]
fn many_processes_marking_steps_at_once_lose_none() {
    let home = hebei_family();
    let children: Vec<_> = STEPS
        .iter()
        .chain(["health-check-home-visit", "health-check-1m"].iter())
        .map(|s| (s, newborn(home.data_dir(), &["done", s]).spawn().unwrap()))
        .collect();
    let mut ids = Vec::new();
    for (s, mut c) in children {
        assert!(c.wait().unwrap().success(), "done {s}");
        ids.push(*s);
    }
    let plan = home.share().args(&["plan"]).today("2026-10-20").json();
    for id in ids {
        assert_eq!(step(&plan, id)["status"], "done", "{id} was lost");
    }
}

#[cfg(unix)]
#[test]
fn a_process_killed_at_any_moment_leaves_a_loadable_state_with_every_acknowledged_step() {
    use std::time::{Duration, Instant};
    let home = hebei_family();
    // What each acknowledged (exit 0) command left: done or not. A killed command may or may not
    // have been recorded (it can be killed after its write, before it exits), so its step is
    // unknown until a later command on it is acknowledged.
    let mut known: std::collections::BTreeMap<&str, bool> = Default::default();
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    for round in 0..24 {
        let id = STEPS[round % STEPS.len()];
        let verb = if round % 4 == 3 { "undo" } else { "done" };
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        let delay = Duration::from_micros(seed % 6000);
        let mut child = newborn(home.data_dir(), &[verb, id]).spawn().unwrap();
        let start = Instant::now();
        while start.elapsed() < delay {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_micros(100));
        }
        let _ = child.kill(); // SIGKILL
        let status = child.wait().unwrap();
        if status.success() {
            known.insert(id, verb == "done");
        } else {
            known.remove(id);
        }
        let plan = home.share().args(&["plan"]).today("2026-10-20").json();
        for (step_id, done) in &known {
            let status = &step(&plan, step_id)["status"];
            if *done {
                assert_eq!(status, "done", "round {round}: acknowledged {step_id} lost");
            } else {
                assert_ne!(
                    status, "done",
                    "round {round}: acknowledged undo of {step_id} lost"
                );
            }
        }
    }
}

#[test]
fn a_damaged_log_is_named_and_left_as_it_is() {
    let home = hebei_family();
    let path = home.data_dir().join("babies/baby/progress.json");
    fs::write(
        &path,
        "{\"schema\": 1, \"events\": [\n  {\"kind\": \"done\",\n",
    )
    .unwrap();
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .status(1)
        .stderr_contains("progress.json 已损坏（第 3 行第 0 列：")
        .stderr_contains("文件保持原样没有改动")
        .run();
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "{\"schema\": 1, \"events\": [\n  {\"kind\": \"done\",\n"
    );
}

#[test]
fn a_log_from_a_newer_newborn_is_refused_and_never_overwritten() {
    let home = hebei_family();
    let path = home.data_dir().join("babies/baby/progress.json");
    let text = "{\"schema\": 7, \"events\": []}\n";
    fs::write(&path, text).unwrap();
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .status(1)
        .stderr_contains("是较新版本的 newborn 写的（格式版本 7")
        .run();
    assert_eq!(fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn a_data_dir_that_cannot_be_written_gets_a_clear_error() {
    let home = Test::new();
    fs::write(home.data_dir(), "not a folder").unwrap();
    home.share()
        .args(&["init", "--region", "hebei", "--birth-date", "2026-10-08"])
        .today("2026-10-20")
        .status(1)
        .stderr_contains("无法创建")
        .run();
    assert_eq!(fs::read_to_string(home.data_dir()).unwrap(), "not a folder");
}

#[test]
fn a_broken_user_playbook_is_reported_with_its_location() {
    let home = Test::new();
    let dir = home.data_dir().parent().unwrap().join("mine");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("x.toml"), "id = \"x\"\nname = 3\n").unwrap();
    home.share()
        .args(&["regions", "--regions-dir", dir.to_str().unwrap()])
        .status(1)
        .stderr_contains("x.toml:2:8")
        .run();
}

#[cfg(unix)]
#[test]
fn data_files_are_private_to_the_user() {
    use std::os::unix::fs::PermissionsExt;
    let home = hebei_family();
    home.share()
        .args(&["done", "one-thing-application"])
        .today("2026-10-20")
        .run();
    for f in ["profile.toml", "progress.json"] {
        let mode = fs::metadata(home.data_dir().join("babies/baby").join(f))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o600, "{f}");
    }
    let text = fs::read_to_string(home.data_dir().join("babies/baby/profile.toml")).unwrap();
    assert!(text.contains("no identity, phone or bank numbers"));
}

/// No command opens a network connection (checked with strace where it is installed; CI
/// installs it).
#[cfg(target_os = "linux")]
#[test]
fn no_command_opens_a_network_connection() {
    if Command::new("strace").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "CI must install strace");
        eprintln!("note: strace not installed; network check skipped");
        return;
    }
    let home = hebei_family();
    let bin = assert_cmd::cargo::cargo_bin("newborn");
    for args in [
        vec!["plan"],
        vec!["next"],
        vec!["done", "one-thing-application"],
        vec!["export"],
        vec!["show", "hukou-registration"],
        vec!["regions"],
        vec!["calendar"],
    ] {
        let log = home.data_dir().parent().unwrap().join("strace.log");
        let status = Command::new("strace")
            .args(["-f", "-qq", "-e", "trace=socket,connect", "-o"])
            .arg(&log)
            .arg(&bin)
            .args(&args)
            .args(["--today", "2026-10-20"])
            .env("NEWBORN_DATA_DIR", home.data_dir())
            .stdout(Stdio::null())
            .status()
            .unwrap();
        assert!(status.success(), "{args:?}");
        let trace = fs::read_to_string(&log).unwrap();
        assert!(
            !trace.contains("socket(") && !trace.contains("connect("),
            "newborn {args:?} touched the network:\n{trace}"
        );
    }
}
