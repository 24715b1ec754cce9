//! `newborn` in a real pseudo-terminal: `init`'s questions, Ctrl-C, and shell completion in
//! bash. (rexpect reads bytes, so the tests match the ASCII parts of what is shown: the fact
//! names in brackets, the region ids.)

use crate::test::{Test, family};
use assert_cmd::cargo::CommandCargoExt;
use rexpect::session::{PtySession, spawn_command};
use std::process::Command;

fn newborn_in_a_terminal(home: &Test, args: &[&str]) -> PtySession {
    let mut cmd = Command::cargo_bin("newborn").unwrap();
    cmd.args(args)
        .args(["--today", "2026-10-20"])
        .env("NEWBORN_DATA_DIR", home.data_dir())
        .env("TERM", "xterm")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NEWBORN_TODAY");
    spawn_command(cmd, Some(20_000)).expect("newborn starts in a pty")
}

/// Sends keys once the prompt has drawn and switched the terminal to raw mode.
fn keys(p: &mut PtySession, text: &str) {
    std::thread::sleep(std::time::Duration::from_millis(150));
    p.send(text).unwrap();
    p.flush().unwrap();
}

#[test]
fn init_asks_only_what_the_region_uses_and_the_answers_give_a_plan() {
    let home = Test::new();
    let mut p = newborn_in_a_terminal(&home, &["init"]);
    let mut seen = String::new();
    seen += &p.exp_string("(xiamen)").unwrap();
    // Only real regions are offered, and typing filters them.
    keys(&mut p, "hebei");
    keys(&mut p, "\r");
    seen += &p.exp_string("(YYYY-MM-DD)").unwrap();
    keys(&mut p, "26-10-08\r"); // a two-digit year: asked again
    seen += &p.exp_string("YYYY-MM-DD").unwrap();
    for _ in 0.."26-10-08".len() {
        keys(&mut p, "\x7f");
    }
    keys(&mut p, "2026-10-08\r");
    for question in [
        "[mother_hukou]",
        "[father_hukou]",
        "[household]",
        "[married]",
        "[same_ethnicity]",
        "[born_in_region]",
    ] {
        seen += &p
            .exp_string(question)
            .unwrap_or_else(|e| panic!("no question {question}: {e}"));
        keys(&mut p, "\r");
    }
    seen += &p.exp_string("hebei").unwrap();
    seen += &p.exp_eof().unwrap();
    assert!(
        !seen.contains("(national)"),
        "the base is not a region:\n{seen}"
    );
    for not_asked in ["[sex]", "[plurality]", "[birth_order]", "[pre_enrolled]"] {
        assert!(!seen.contains(not_asked), "{not_asked} asked:\n{seen}");
    }
    home.share()
        .args(&["plan"])
        .today("2026-10-20")
        .stdout_contains("出生日期 2026-10-08")
        .stdout_contains("one-thing-application")
        .run();
}

#[test]
fn init_force_in_a_terminal_starts_from_the_saved_answers() {
    let home = Test::new();
    home.share()
        .args(&[
            "init",
            "--region",
            "xiamen",
            "--birth-date",
            "2026-10-08",
            "--set",
            "father_hukou=other",
        ])
        .today("2026-10-20")
        .run();
    let mut p = newborn_in_a_terminal(&home, &["init", "--force"]);
    p.exp_string("(hebei)").unwrap(); // xiamen, the saved answer, is chosen (and coloured)
    keys(&mut p, "\r");
    p.exp_string("2026-10-08").unwrap();
    keys(&mut p, "\r");
    p.exp_string("[mother_hukou]").unwrap();
    keys(&mut p, "\r");
    p.exp_string("[father_hukou]").unwrap();
    p.exp_string("other").unwrap();
    keys(&mut p, "\r");
    for question in [
        "[household]",
        "[follows]",
        "[married]",
        "[same_ethnicity]",
        "[born_in_region]",
        "[maternity_insurance]",
        "[hospitalised]",
    ] {
        p.exp_string(question).unwrap();
        keys(&mut p, "\r");
    }
    p.exp_eof().unwrap();
    let profile =
        std::fs::read_to_string(home.data_dir().join("babies/baby/profile.toml")).unwrap();
    assert!(profile.contains("father_hukou = \"other\""), "{profile}");
}

#[test]
fn ctrl_c_at_a_question_restores_the_terminal_and_saves_nothing() {
    let home = Test::new();
    let mut p = newborn_in_a_terminal(&home, &["init"]);
    p.exp_string("(xiamen)").unwrap();
    keys(&mut p, "\x03");
    let rest = p.exp_eof().unwrap();
    assert!(
        rest.contains("\x1b[?25h"),
        "the cursor is shown again: {rest:?}"
    );
    match p.process().wait().unwrap() {
        rexpect::process::WaitStatus::Exited(_, code) => assert_eq!(code, 130),
        other => panic!("ended with {other:?}"),
    }
    assert!(!home.data_dir().join("babies").exists());
}

#[test]
fn bash_completes_step_ids_from_the_saved_plan() {
    if Command::new("bash").arg("--version").output().is_err() {
        eprintln!("note: bash not installed; completion check skipped");
        return;
    }
    let home = family("hebei", "2026-10-08", "2026-10-20");
    let bin = assert_cmd::cargo::cargo_bin("newborn");
    let mut cmd = Command::new("bash");
    cmd.args(["--norc", "--noprofile", "-i"])
        .env("NEWBORN_DATA_DIR", home.data_dir())
        .env("NEWBORN_TODAY", "2026-10-20")
        .env(
            "PATH",
            format!(
                "{}:{}",
                bin.parent().unwrap().display(),
                std::env::var("PATH").unwrap_or_default()
            ),
        )
        .env("PS1", "$ ")
        .env("TERM", "xterm")
        .env("INPUTRC", "/dev/null");
    let mut p = spawn_command(cmd, Some(20_000)).unwrap();
    // Type only once bash shows its prompt (its line editor is not set up before); rexpect
    // starts the terminal without echo, and bash's line editor shows nothing without it.
    p.exp_string("$ ").unwrap();
    keys(&mut p, "stty echo\r");
    p.exp_string("$ ").unwrap();
    keys(&mut p, "source <(COMPLETE=bash newborn) && echo READ''Y\r");
    p.exp_string("READY").unwrap();
    p.exp_string("$ ").unwrap();
    keys(&mut p, "newborn done huk\t");
    p.exp_string("hukou-registration").unwrap();
    // The region option offers regions, not files.
    keys(&mut p, "\x15newborn plan --region xia\t");
    p.exp_string("xiamen").unwrap();
    // Facts by name (bash splits words at `=`, so values are completed in zsh and fish).
    keys(&mut p, "\x15newborn plan --set father_h\t");
    p.exp_string("father_hukou=").unwrap();
    keys(&mut p, "\x15exit\r");
    p.exp_eof().unwrap();
}

#[test]
fn init_does_not_ask_what_its_options_say() {
    let home = Test::new();
    let mut p = newborn_in_a_terminal(&home, &["init", "--region", "河北"]);
    let seen = p.exp_string("(YYYY-MM-DD)").unwrap();
    assert!(!seen.contains("(guangxi)"), "the region was asked:\n{seen}");
    keys(&mut p, "2026-10-08\r");
    for question in [
        "[mother_hukou]",
        "[father_hukou]",
        "[household]",
        "[married]",
        "[same_ethnicity]",
        "[born_in_region]",
    ] {
        p.exp_string(question).unwrap();
        keys(&mut p, "\r");
    }
    p.exp_eof().unwrap();
    assert!(home.data_dir().join("babies/baby/profile.toml").exists());
}
