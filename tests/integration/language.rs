//! One language: everything newborn itself says is in the interface language (`--lang`, else
//! the locale, else Chinese). Playbook text (titles without an English form, materials, tips,
//! sources) stays as the sources wrote it.

use crate::test::{Test, family};
use std::fs;

/// English words newborn's own messages would use; none may appear in the Chinese interface.
const ENGLISH: &[&str] = &[
    " the ",
    " is ",
    " not ",
    "cannot",
    "wrote",
    "warning",
    "error",
    "unknown step",
    "unknown region",
    "expected",
    "Usage",
    "Options",
    "allowed",
    "Done:",
    "Saved",
    "Next:",
    "steps",
    "Status",
    "Region",
];

fn no_english(text: &str, what: &str) {
    for word in ENGLISH {
        assert!(!text.contains(word), "{what}: {word:?} in\n{text}");
    }
}

/// (arguments, Chinese, English): a message of each class, in both languages.
const CLASSES: &[(&[&str], &str, &str)] = &[
    // An option newborn's parser refuses.
    (
        &["plan", "--color", "sometimes"],
        "newborn：--color <WHEN> 不能是“sometimes”；允许的值：auto、always、never\n",
        "newborn: `sometimes` is not allowed for --color <WHEN>; allowed: auto, always, never\n",
    ),
    (
        &["frobnicate"],
        "newborn：没有“frobnicate”这个命令",
        "newborn: there is no command `frobnicate`",
    ),
    // A value newborn refuses.
    (
        &["set", "father_hukou=beijing"],
        "newborn：father_hukou 不能是“beijing”；允许的值：city（本市）、province（本省）、other（外省）、none（无）\n",
        "newborn: `beijing` is not allowed for father_hukou; allowed: city, province, other, none\n",
    ),
    (
        &["plan", "--region", "hebie", "--birth-date", "2026-10-08"],
        "newborn：没有“hebie”这个地区的手册（是不是 hebei？）",
        "newborn: unknown region `hebie` (did you mean hebei?)",
    ),
    (
        &["done", "--on", "26-10-08", "birth-certificate"],
        "“26-10-08”不是日期：请写成 YYYY-MM-DD，年份写全四位",
        "expected a date as YYYY-MM-DD with a four-digit year",
    ),
    (
        &["undo", "hukou-registration"],
        "没有标记为办完，不用改回",
        "is not marked done, so there is nothing to undo",
    ),
    (
        &["export", "-o", "x.ics", "--format", "json"],
        "的扩展名是 ics 格式，但 --format 是 json",
        "has the extension of ics, but --format says json",
    ),
    (
        &["babies", "--default", "nobody"],
        "里没有叫“nobody”的宝宝；已有的宝宝：baby",
        "no baby named `nobody` in",
    ),
    // A warning.
    (
        &["done", "hukou-registration"],
        "newborn：注意：hukou-registration 的前置事项",
        "newborn: warning: hukou-registration was marked done before its prerequisites",
    ),
    // Confirmations.
    (
        &["done", "vaccination-certificate"],
        "✓ 已完成：",
        "✓ Done: ",
    ),
    (
        &["set", "sex=girl"],
        "已更新宝宝的情况：",
        "Updated the baby's profile:",
    ),
    (
        &["babies", "--default", "baby"],
        "默认的宝宝：baby",
        "Default baby: baby",
    ),
    // Tables and lists.
    (&["plan"], " #  事项 ", " #  Step "),
    // Why the route, from the playbook's condition title in either language.
    (
        &["plan"],
        "符合河北省新生儿出生“一件事一次办”办理条件，走“",
        "Meets the conditions for Hebei's bundled application (一件事一次办), so \"",
    ),
    (&["regions"], "最后核对", "Reviewed"),
    (
        &["regions"],
        "家长的经验分享（非官方）",
        "a parent's report (not official)",
    ),
    (&["babies"], " 名字  地区 ", " Name  Region "),
    (
        &["facts"],
        "    可以是：city（本市）、province（本省）",
        "    allowed: city, province",
    ),
    (&["calendar"], "  2026  内置", "  2026  built in"),
    (&["check"], "通过：hebei（hebei，", "ok: hebei (hebei, "),
    // A step in words.
    (&["next"], "下一步：", "Next: "),
    (&["show", "birth-certificate"], "状态：", "Status: "),
    (&["show", "birth-certificate"], "办理地点：", "Where: "),
    (&["show", "birth-certificate"], "材料：", "Bring:"),
    (
        &["show", "birth-certificate"],
        "为什么适用：",
        "Why it applies:",
    ),
    (&["materials"], "用于：", "for: "),
    // Help and the manual.
    (
        &["--help"],
        "用法：newborn [选项] [命令]",
        "Usage: newborn [OPTIONS] [COMMAND]",
    ),
    (&["done", "--help"], "实际办完的日期", "The day it was done"),
    (
        &["help", "set"],
        "改一项或几项情况",
        "Change one or more facts",
    ),
    (&["man"], ".SH \\[u540D]\\:\\[u79F0]", ".SH NAME"),
];

#[test]
fn every_message_class_speaks_the_interface_language() {
    for (lang, env) in [("zh", None), ("en", None), ("en", Some("en_GB.UTF-8"))] {
        for (args, zh, en) in CLASSES {
            let home = family("hebei", "2026-10-08", "2026-10-20");
            let mut t = home.share().args(args).today("2026-10-20");
            match env {
                Some(locale) => t = t.env("LANG", locale),
                None => t = t.args(&["--lang", lang]),
            }
            let out = t.any_status().run();
            let text = format!(
                "{}{}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            );
            let want = if lang == "zh" { zh } else { en };
            assert!(
                text.contains(want),
                "newborn {} ({lang}): no {want:?} in\n{text}",
                args.join(" ")
            );
            // (The manual is roff; `show` also names a step by its English title.)
            if lang == "zh" && !args.contains(&"man") && !args.contains(&"show") {
                no_english(&text, &args.join(" "));
            }
        }
    }
}

#[test]
fn a_damaged_file_is_reported_in_either_language() {
    for (lang, want) in [
        ("zh", "progress.json 已损坏（第 1 行第 2 列："),
        ("en", "progress.json is damaged (line 1, column 2:"),
    ] {
        let home = family("hebei", "2026-10-08", "2026-10-20");
        fs::write(home.data_dir().join("babies/baby/progress.json"), "{x").unwrap();
        home.share()
            .args(&["next", "--lang", lang])
            .today("2026-10-20")
            .status(1)
            .stderr_contains(want)
            .run();
    }
}

#[test]
fn export_and_man_say_what_they_wrote_in_either_language() {
    let home = Test::new();
    let dir = home.data_dir().parent().unwrap().to_path_buf();
    for (lang, wrote, pages) in [
        ("zh", "newborn：已写入 ", "newborn：已写入 21 页手册到 "),
        (
            "en",
            "newborn: wrote ",
            "newborn: wrote 21 manual pages to ",
        ),
    ] {
        let file = dir.join(format!("{lang}.md"));
        home.share()
            .args(&["export", "--region", "hebei", "--birth-date", "2026-10-08"])
            .args(&["-o", file.to_str().unwrap(), "--lang", lang])
            .today("2026-10-20")
            .stderr_contains(wrote)
            .run();
        let man = dir.join(format!("man-{lang}"));
        home.share()
            .args(&["man", "--dir", man.to_str().unwrap(), "--lang", lang])
            .stderr_contains(pages)
            .run();
    }
}

#[test]
fn the_chinese_interface_is_the_default_and_english_follows_the_locale() {
    let args = ["next", "--region", "hebei", "--birth-date", "2026-10-08"];
    Test::new()
        .args(&args)
        .today("2026-10-20")
        .stdout_contains("下一步：")
        .run();
    Test::new()
        .args(&args)
        .env("LC_ALL", "en_US.UTF-8")
        .today("2026-10-20")
        .stdout_contains("Next: ")
        .run();
    // --lang wins over the locale, on either side of the command.
    Test::new()
        .args(&["--lang", "zh"])
        .args(&args)
        .env("LC_ALL", "en_US.UTF-8")
        .today("2026-10-20")
        .stdout_contains("下一步：")
        .run();
}
