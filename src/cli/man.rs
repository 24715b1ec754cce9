//! `newborn man`: manual pages in the interface language, from the same texts as `--help`.
//!
//! The pages are plain ASCII roff: every other character is written as `\[uXXXX]`, so `groff`
//! reads them without `preconv`, and a break point `\:` follows each wide (CJK) character, so
//! Chinese lines break (groff breaks only at spaces otherwise). Lines are set ragged-right
//! (`.ad l`): justifying text without spaces is what made groff warn.

use super::help;
use crate::lang::{Lang, tr};
use std::fmt::Write as _;

/// The options every command takes, described once on `newborn(1)`.
const SHARED: &[&str] = &[
    "data_dir",
    "today",
    "baby",
    "regions_dir",
    "calendar",
    "json",
    "lang",
    "color",
    "help",
    "version",
];

/// Roff text: escaped, non-ASCII as `\[uXXXX]`, a break point after each wide character.
pub(crate) fn escape(text: &str) -> String {
    const CLOSING: &str = "，。、；：？！）》」』”’…—";
    let mut out = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        match c {
            '\\' => out.push_str("\\e"),
            '-' => out.push_str("\\-"),
            '\'' => out.push_str("\\(aq"),
            c if c.is_ascii() => out.push(c),
            c => {
                let _ = write!(out, "\\[u{:04X}]", u32::from(c));
                let wide = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) > 1;
                let next_closes = chars.get(i + 1).is_some_and(|n| CLOSING.contains(*n));
                if wide && !next_closes && i + 1 < chars.len() {
                    out.push_str("\\:");
                }
            }
        }
    }
    if out.starts_with('.') || out.starts_with('\'') {
        out.insert_str(0, "\\&");
    }
    out
}

/// Text lines: each escaped, paragraphs apart.
fn paragraphs(out: &mut String, text: &str) {
    for (i, line) in text.lines().enumerate() {
        if i > 0 {
            out.push_str(".br\n");
        }
        out.push_str(&escape(line));
        out.push('\n');
    }
}

fn bold(text: &str) -> String {
    format!("\\fB{}\\fR", escape(text))
}

fn italic(text: &str) -> String {
    format!("\\fI{}\\fR", escape(text))
}

/// How an option is written: `--today DATE`, `-o, --output FILE`, `STEP...`.
fn spelling(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .map(|v| {
            v.iter()
                .map(|n| n.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .unwrap_or_default();
    if arg.is_positional() {
        let many = matches!(arg.get_action(), clap::ArgAction::Append);
        return italic(&format!("{value}{}", if many { "..." } else { "" }));
    }
    let mut names = Vec::new();
    if let Some(s) = arg.get_short() {
        names.push(bold(&format!("-{s}")));
    }
    if let Some(l) = arg.get_long() {
        names.push(bold(&format!("--{l}")));
    }
    let mut out = names.join(", ");
    if arg.get_action().takes_values() && !value.is_empty() {
        out.push(' ');
        out.push_str(&italic(&value));
    }
    out
}

fn heading(out: &mut String, zh: &str, en: &str, lang: Lang) {
    let _ = writeln!(out, ".SH {}", escape(lang.pick(zh, en)));
}

fn options(out: &mut String, args: &[&clap::Arg]) {
    for arg in args {
        let _ = writeln!(out, ".TP\n{}", spelling(arg));
        paragraphs(
            out,
            &arg.get_help().map(|h| h.to_string()).unwrap_or_default(),
        );
    }
}

fn title(out: &mut String, name: &str, lang: Lang) {
    let version = env!("CARGO_PKG_VERSION");
    let manual = lang.pick("newborn 手册", "newborn manual");
    let _ = writeln!(
        out,
        ".TH {} 1 \"\" \"newborn {version}\" \"{}\"\n.ad l\n.nh",
        name.to_uppercase().replace('-', "\\-"),
        escape(manual)
    );
}

/// The usage line of a command, in the interface language.
fn usage(cmd: &mut clap::Command) -> String {
    cmd.render_usage()
        .to_string()
        .trim_start_matches("Usage: ")
        .to_string()
}

/// `newborn(1)`: what newborn is, its commands, the options every command takes.
pub(crate) fn main_page(lang: Lang) -> String {
    let mut cmd = help::command(lang);
    let mut out = String::new();
    title(&mut out, "newborn", lang);
    heading(&mut out, "名称", "NAME", lang);
    let _ = writeln!(
        out,
        "newborn \\- {}",
        escape(lang.pick(
            "宝宝出生后的办事清单",
            "a checklist for parents in mainland China after a birth"
        ))
    );
    heading(&mut out, "概要", "SYNOPSIS", lang);
    paragraphs(&mut out, &usage(&mut cmd));
    heading(&mut out, "描述", "DESCRIPTION", lang);
    paragraphs(&mut out, help::text("", lang).unwrap_or_default());
    heading(&mut out, "命令", "COMMANDS", lang);
    for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let _ = writeln!(out, ".TP\n{}", bold(&format!("newborn {}", sub.get_name())));
        paragraphs(
            &mut out,
            &sub.get_about().map(|a| a.to_string()).unwrap_or_default(),
        );
    }
    heading(&mut out, "选项", "OPTIONS", lang);
    let args: Vec<&clap::Arg> = cmd.get_arguments().filter(|a| !a.is_hide_set()).collect();
    options(&mut out, &args);
    heading(&mut out, "退出状态", "EXIT STATUS", lang);
    for (code, zh, en) in [
        (
            "0",
            "成功（输出到已关闭的管道也算成功）",
            "Success (also when output goes to a closed pipe)",
        ),
        (
            "1",
            "失败：文件、手册或数据目录有问题，或场景测试没有通过",
            "Failure: files, playbooks, the data dir, or a scenario test that failed",
        ),
        (
            "2",
            "用法错误：选项或取值不对，什么都没有改动",
            "Usage error: a bad option or value; nothing was changed",
        ),
        (
            "130",
            "在提问时按了 Ctrl-C，什么都没有保存",
            "Ctrl-C at a question; nothing was saved",
        ),
    ] {
        let _ = writeln!(out, ".TP\n{}", bold(code));
        paragraphs(&mut out, lang.pick(zh, en));
    }
    heading(&mut out, "环境变量", "ENVIRONMENT", lang);
    for (var, zh, en) in [
        (
            "NEWBORN_DATA_DIR",
            "数据目录（同 --data-dir）",
            "The data dir (as --data-dir)",
        ),
        (
            "NEWBORN_TODAY",
            "按某一天计算（同 --today）",
            "Plan as if today were this day (as --today)",
        ),
        (
            "NEWBORN_REGIONS_DIR",
            "自己的手册文件夹（同 --regions-dir）",
            "A folder of extra playbooks (as --regions-dir)",
        ),
        (
            "LC_ALL, LC_MESSAGES, LANG",
            "界面语言：en 开头的为英文，否则中文",
            "The interface language: English for en..., else Chinese",
        ),
        (
            "NO_COLOR",
            "设置了就不着色（--color always 除外）",
            "When set, no colour (unless --color always)",
        ),
        (
            "COLUMNS",
            "输出不是终端时，表格的宽度",
            "The width of tables when output is not a terminal",
        ),
        (
            "COMPLETE",
            "由 shell 补全设置（见 newborn completions）",
            "Set by shell completion (see newborn completions)",
        ),
    ] {
        let _ = writeln!(out, ".TP\n{}", bold(var));
        paragraphs(&mut out, lang.pick(zh, en));
    }
    heading(&mut out, "文件", "FILES", lang);
    paragraphs(
        &mut out,
        lang.pick(
            "数据目录里：babies/名字/profile.toml（地区、出生日期、家里的情况），babies/名字/progress.json（办完的记录），settings.toml（默认的宝宝），calendar/*.json（新一年的节假日安排）。不保存身份证号、电话号码或银行卡号。",
            "In the data dir: babies/NAME/profile.toml (region, birth date, facts), babies/NAME/progress.json (what was done), settings.toml (the default baby), calendar/*.json (newer holiday schedules). No identity, phone or bank numbers are stored.",
        ),
    );
    heading(&mut out, "另见", "SEE ALSO", lang);
    let pages: Vec<String> = cmd
        .get_subcommands()
        .filter(|s| s.get_name() != "help")
        .map(|s| format!("{}(1)", bold(&format!("newborn-{}", s.get_name()))))
        .collect();
    let _ = writeln!(out, "{}", pages.join(",\n"));
    let note = tr!(
        lang,
        "（newborn man --dir 文件夹 写出这些页。）",
        "(newborn man --dir DIR writes these pages.)"
    );
    let _ = writeln!(out, ".PP\n{}", escape(&note));
    out
}

/// `newborn-NAME(1)`: one command, its arguments and options.
pub(crate) fn command_page(lang: Lang, name: &str) -> Option<String> {
    let mut cmd = help::command(lang);
    let sub = cmd.find_subcommand_mut(name)?;
    let mut out = String::new();
    title(&mut out, &format!("newborn-{name}"), lang);
    heading(&mut out, "名称", "NAME", lang);
    let about = sub.get_about().map(|a| a.to_string()).unwrap_or_default();
    let _ = writeln!(out, "newborn\\-{} \\- {}", escape(name), escape(&about));
    heading(&mut out, "概要", "SYNOPSIS", lang);
    paragraphs(&mut out, &usage(sub));
    let positionals: Vec<&clap::Arg> = sub.get_positionals().collect();
    if !positionals.is_empty() {
        heading(&mut out, "参数", "ARGUMENTS", lang);
        options(&mut out, &positionals);
    }
    let own: Vec<&clap::Arg> = sub
        .get_arguments()
        .filter(|a| !a.is_positional() && !a.is_hide_set())
        .filter(|a| !SHARED.contains(&a.get_id().as_str()))
        .collect();
    heading(&mut out, "选项", "OPTIONS", lang);
    options(&mut out, &own);
    let _ = writeln!(
        out,
        ".PP\n{}",
        escape(&tr!(
            lang,
            "以及每个命令都接受的选项（--data-dir、--today、--baby、--regions-dir、--calendar、--json、--lang、--color），见 newborn(1)。",
            "And the options every command takes (--data-dir, --today, --baby, --regions-dir, --calendar, --json, --lang, --color): see newborn(1)."
        ))
    );
    heading(&mut out, "另见", "SEE ALSO", lang);
    let _ = writeln!(out, "{}(1)", bold("newborn"));
    Some(out)
}

/// Every page: `(file name, text)`.
pub(crate) fn pages(lang: Lang) -> Vec<(String, String)> {
    let mut out = vec![("newborn.1".to_string(), main_page(lang))];
    let names: Vec<String> = help::command(lang)
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .filter(|n| n != "help")
        .collect();
    for name in names {
        if let Some(page) = command_page(lang, &name) {
            out.push((format!("newborn-{name}.1"), page));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_is_escaped_with_break_points_but_not_before_closing_marks() {
        assert_eq!(
            escape("办完，好"),
            "\\[u529E]\\:\\[u5B8C]\\[uFF0C]\\:\\[u597D]"
        );
        assert_eq!(escape(".x --y"), "\\&.x \\-\\-y");
        assert!(main_page(Lang::Zh).is_ascii());
    }
}
