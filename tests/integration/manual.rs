//! The manual pages: one for newborn and one per command, in either language, that groff sets
//! without a warning (checked where groff is installed; CI installs it).

use crate::test::Test;
use std::fs;
use std::path::Path;
use std::process::Command;

const COMMANDS: &[&str] = &[
    "init",
    "set",
    "plan",
    "next",
    "done",
    "skip",
    "undo",
    "show",
    "materials",
    "export",
    "regions",
    "check",
    "test",
    "schema",
    "calendar",
    "babies",
    "sync",
    "facts",
    "completions",
    "man",
];

fn have(tool: &str) -> bool {
    let found = Command::new(tool).arg("--version").output().is_ok();
    if !found {
        assert!(std::env::var_os("CI").is_none(), "CI must install {tool}");
        eprintln!("note: {tool} not installed; its check skipped");
    }
    found
}

/// Sets a page with groff, as `man` does, and returns the text; any warning fails.
fn groff(page: &Path) -> String {
    let out = Command::new("groff")
        .args(["-ww", "-man", "-Tutf8"])
        .arg(page)
        .output()
        .unwrap();
    let warnings = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && warnings.is_empty(),
        "{}:\n{warnings}",
        page.display()
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// groff's terminal output without its overstriking (bold, underline).
fn plain(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c == '\u{8}' {
            out.pop();
        } else {
            out.push(c);
        }
    }
    out
}

#[test]
fn man_dir_writes_a_page_per_command_that_groff_sets_cleanly() {
    for (lang, name_line, sections) in [
        (
            "zh",
            "newborn - 宝宝出生后的办事清单",
            &[
                "名称",
                "概要",
                "描述",
                "命令",
                "选项",
                "退出状态",
                "环境变量",
                "另见",
            ][..],
        ),
        (
            "en",
            "newborn - a checklist for parents in mainland China after a birth",
            &[
                "NAME",
                "SYNOPSIS",
                "DESCRIPTION",
                "COMMANDS",
                "OPTIONS",
                "EXIT STATUS",
                "ENVIRONMENT",
                "SEE ALSO",
            ],
        ),
    ] {
        let t = Test::new();
        let dir = t.data_dir().parent().unwrap().join("man");
        t.share()
            .args(&["man", "--dir", dir.to_str().unwrap(), "--lang", lang])
            .run();
        let mut written: Vec<String> = fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        written.sort();
        let mut want: Vec<String> = COMMANDS
            .iter()
            .map(|c| format!("newborn-{c}.1"))
            .chain(["newborn.1".to_string()])
            .collect();
        want.sort();
        assert_eq!(written, want);
        let main = fs::read_to_string(dir.join("newborn.1")).unwrap();
        assert!(main.is_ascii(), "plain ASCII roff");
        for c in COMMANDS {
            assert!(
                main.contains(&format!("\\fBnewborn\\-{c}\\fR(1)")),
                "newborn(1) refers to newborn-{c}(1)"
            );
        }
        let done = fs::read_to_string(dir.join("newborn-done.1")).unwrap();
        for option in ["\\-\\-on", "\\-\\-force", "STEP..."] {
            assert!(done.contains(option), "newborn-done(1) lists {option}");
        }
        if !have("groff") {
            continue;
        }
        let text = plain(&groff(&dir.join("newborn.1")));
        assert!(text.contains(name_line), "{text}");
        for s in sections {
            assert!(text.contains(&format!("\n{s}\n")), "{s} in\n{text}");
        }
        for c in COMMANDS {
            let page = plain(&groff(&dir.join(format!("newborn-{c}.1"))));
            assert!(page.contains(&format!("newborn-{c} - ")), "{page}");
        }
    }
}

#[test]
fn man_prints_the_main_page_that_man_reads() {
    let out = Test::new().args(&["man"]).run();
    let t = Test::new();
    let page = t.data_dir().parent().unwrap().join("newborn.1");
    fs::write(&page, &out.stdout).unwrap();
    if !have("man") {
        return;
    }
    let shown = Command::new("man")
        .arg("-l")
        .arg(&page)
        .env("MANWIDTH", "80")
        .env("MANPAGER", "cat")
        .env("LANG", "C.UTF-8")
        .output()
        .unwrap();
    let warnings = String::from_utf8_lossy(&shown.stderr);
    assert!(shown.status.success() && warnings.is_empty(), "{warnings}");
    let text = plain(&String::from_utf8_lossy(&shown.stdout));
    assert!(text.contains("newborn - 宝宝出生后的办事清单"), "{text}");
    for line in text.lines() {
        assert!(
            unicode_width::UnicodeWidthStr::width(line) <= 80,
            "{line:?}"
        );
    }
}
