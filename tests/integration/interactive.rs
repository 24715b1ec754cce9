//! `newborn init` in a real pseudo-terminal: the questions appear, the defaults are accepted with
//! Enter, and the answers give a working plan. (rexpect reads bytes, so the test matches the ASCII
//! parts of the questions: the fact names in brackets.)

use crate::test::Test;
use assert_cmd::cargo::CommandCargoExt;
use rexpect::session::spawn_command;
use std::process::Command;

#[test]
fn init_asks_in_a_terminal_and_the_answers_give_a_plan() {
    let home = Test::new();
    let mut cmd = Command::cargo_bin("newborn").unwrap();
    cmd.args(["init", "--today", "2026-10-20"])
        .env("NEWBORN_DATA_DIR", home.data_dir())
        .env("TERM", "xterm")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("NEWBORN_TODAY");
    let mut p = spawn_command(cmd, Some(20_000)).expect("newborn starts in a pty");
    p.exp_string("Region").unwrap();
    p.exp_string("(hebei)").unwrap();
    settle();
    p.send("\r").unwrap();
    p.flush().unwrap(); // the first region
    p.exp_string("Birth date (YYYY-MM-DD)").unwrap();
    settle();
    p.send("2026-02-30\r").unwrap(); // not a date: asked again
    p.flush().unwrap();
    p.exp_string("not a date in the calendar").unwrap();
    for _ in 0.."2026-02-30".len() {
        p.send("\x7f").unwrap();
        p.flush().unwrap();
    }
    p.send("2026-10-08\r").unwrap();
    p.flush().unwrap();
    for question in [
        "[sex]",
        "[plurality]",
        "[birth_order]",
        "[mother_hukou]",
        "[father_hukou]",
        "[household]",
        "[follows]",
        "[parent_is_householder]",
        "[married]",
        "[same_ethnicity]",
        "[born_in_region]",
        "[offline_done]",
        "[maternity_insurance]",
        "[hospitalised]",
        "[pre_enrolled]",
    ] {
        p.exp_string(question)
            .unwrap_or_else(|e| panic!("no question {question}: {e}"));
        settle();
        p.send("\r").unwrap();
        p.flush().unwrap();
    }
    p.exp_string("baby").unwrap();
    p.exp_string("2026-10-08").unwrap();
    p.exp_eof().unwrap();

    home.share()
        .args(&["plan"])
        .today("2026-10-20")
        .stdout_contains("出生日期 2026-10-08")
        .stdout_contains("hukou-registration")
        .run();
}

/// Lets the prompt finish drawing and switch the terminal to raw mode before a key is sent.
fn settle() {
    std::thread::sleep(std::time::Duration::from_millis(150));
}
