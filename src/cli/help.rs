//! Help, in Chinese and English from one table, and option errors in the interface language.
//!
//! The options in `args.rs` carry no help text: a command is parsed as fast as it can be, and
//! the table below is applied only when help, a manual page or completions are asked for.

use super::args::{Cli, DateError};
use crate::error::ExitCode;
use crate::facts::did_you_mean;
use crate::lang::{Lang, Say, tr};
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{CommandFactory, FromArgMatches, Parser};
use std::ffi::OsString;

/// Every help text: (key, Chinese, English). The key is `""` for the program, a command's
/// name for the command, `command.option` for one command's option, and `*.option` for an
/// option every command (or every command that takes it) shares.
pub(crate) static TEXTS: &[(&str, &str, &str)] = &[
    (
        "",
        "宝宝出生后要办的事——出生医学证明、上户口、医保、社保卡……\n按您所在地区的规定，排成有日期、有顺序的个人清单。完全离线。",
        "An offline checklist for parents in mainland China after a baby is born: the birth certificate, hukou, medical insurance, the social security card… in order and dated, by your region's rules.",
    ),
    (
        "@after",
        "不带命令运行 newborn：显示下一步和各状态的事项数。\n退出码：0 成功；1 失败（文件、手册、数据目录、没有通过的场景测试）；2 用法错误（选项或取值不对）。\n例：newborn plan --region hebei --birth-date 2026-10-08",
        "Run without a command, newborn shows what is next and the counts.\nExit status: 0 success, 1 failure (files, playbooks, state, failed scenario tests), 2 usage error (bad options or values).\nExample: newborn plan --region hebei --birth-date 2026-10-08",
    ),
    (
        "init",
        "记下宝宝：地区、出生日期和家里的情况（在终端里会逐项询问）",
        "Set up a baby: region, birth date and the family's facts (asks when run in a terminal)",
    ),
    (
        "set",
        "改一项或几项情况，其余不变，并显示清单因此有什么变化",
        "Change one or more facts, keep the rest, and show what that changes in the plan",
    ),
    (
        "plan",
        "现在要紧的事项（逾期、可以办、30 天内到期或开始的）；--all 列出全部",
        "What matters now (overdue, ready, due or starting within 30 days); --all lists every step",
    ),
    (
        "next",
        "下一步：去哪里、怎么办、带什么",
        "The next step: where to go, how, what to bring",
    ),
    (
        "done",
        "标记办完（STEP：ID、ID 的开头或清单里的序号）",
        "Mark steps done (STEP: an id, the start of one, or the plan's number)",
    ),
    (
        "skip",
        "记下不办的可选事项（用 newborn undo 改回）",
        "Record optional steps the family will not take (newborn undo reverses it)",
    ),
    (
        "undo",
        "把标错的事项改回未完成（办完或不办了的都可以）",
        "Mark steps not done (or not skipped) again",
    ),
    (
        "show",
        "一件事的全部细节：为什么适用、来源、截止日期怎么算",
        "Everything about one step: why it applies, its source, how its deadline was counted",
    ),
    (
        "materials",
        "剩下的事项要带的材料，按办理地点合并",
        "The documents the remaining steps need, merged and grouped by where you go",
    ),
    (
        "export",
        "导出清单：Markdown、JSON 或日历（ics）",
        "Export the checklist: Markdown, JSON or a calendar (ics)",
    ),
    (
        "regions",
        "有哪些地区的手册",
        "The regions newborn has playbooks for",
    ),
    (
        "check",
        "检查手册文件（不给 PATH 时检查全部手册）",
        "Check playbook files (every playbook when no PATH is given)",
    ),
    (
        "test",
        "运行场景测试：某个家庭在某一天，清单必须怎么说",
        "Run the scenario tests: a family on a day, and what its plan must say",
    ),
    (
        "schema",
        "输出手册格式的 JSON Schema，供编辑器补全和检查",
        "Print the JSON Schema of the playbook format, for completion and checks in an editor",
    ),
    (
        "calendar",
        "知道哪些年份的法定节假日安排，各来自哪里",
        "The years whose official holiday schedule is known, and where each came from",
    ),
    (
        "babies",
        "数据目录里的宝宝；--default 设默认的宝宝",
        "The babies in the data dir; --default chooses the one commands use",
    ),
    (
        "sync",
        "合并另一份数据目录的记录（例如另一位家长同步的文件夹）",
        "Merge progress from another copy of the data dir (e.g. the other parent's synced folder)",
    ),
    (
        "facts",
        "可以设置的情况、允许的值和默认值",
        "The facts a profile holds, their allowed values and defaults",
    ),
    (
        "completions",
        "输出命令补全脚本（随时读取已保存的清单，补全事项、地区、情况）",
        "Print a shell completion script (completes steps, regions and facts from the saved plan)",
    ),
    (
        "man",
        "输出手册页（roff）；--dir 写出 newborn.1 和每个命令一页",
        "Print the manual page (roff); --dir writes newborn.1 and one page per command",
    ),
    (
        "help",
        "显示帮助，或某个命令的帮助",
        "Print this help, or the help of a command",
    ),
    (
        "*.data_dir",
        "数据目录 [环境变量：NEWBORN_DATA_DIR] [默认：系统的用户数据目录]",
        "Where progress is kept [env: NEWBORN_DATA_DIR] [default: the platform's data dir]",
    ),
    (
        "*.today",
        "按某一天计算（YYYY-MM-DD） [环境变量：NEWBORN_TODAY] [默认：系统时钟]",
        "Plan as if today were DATE (YYYY-MM-DD) [env: NEWBORN_TODAY] [default: the system clock]",
    ),
    (
        "*.baby",
        "哪个宝宝（有几个宝宝时）",
        "Which baby (when there are several)",
    ),
    (
        "*.regions_dir",
        "自己的手册文件夹（*.toml），与内置手册 ID 相同的会替换它 [环境变量：NEWBORN_REGIONS_DIR]",
        "A folder of extra playbooks (*.toml); one with a shipped id replaces it [env: NEWBORN_REGIONS_DIR]",
    ),
    (
        "*.calendar",
        "程序还不知道的年份的节假日安排（holiday-cn JSON）",
        "A holiday schedule (holiday-cn JSON) for a year newborn does not know yet",
    ),
    ("*.json", "输出 JSON 数据", "Print data as JSON"),
    (
        "*.lang",
        "界面语言：zh 或 en [默认：按 LC_ALL / LC_MESSAGES / LANG，否则中文]",
        "Interface language: zh or en [default: from LC_ALL / LC_MESSAGES / LANG, else Chinese]",
    ),
    (
        "*.color",
        "给状态着色：auto（只在终端里，且没有设置 NO_COLOR 时）、always、never [默认：auto]",
        "Colour the statuses: auto (on a terminal, unless NO_COLOR is set), always, never [default: auto]",
    ),
    (
        "*.region",
        "地区：手册 ID 或地名，例如 hebei、厦门（见 newborn regions）",
        "The region: a playbook id or a place name, e.g. hebei, Xiamen (see newborn regions)",
    ),
    (
        "*.birth_date",
        "宝宝的出生日期，YYYY-MM-DD",
        "The baby's birth date, YYYY-MM-DD",
    ),
    (
        "*.set",
        "家里的一项情况，例如 --set father_hukou=外省（可重复；见 newborn facts）",
        "A fact about the family, e.g. --set father_hukou=other (repeatable; see newborn facts)",
    ),
    (
        "*.yes",
        "确认一年多以前或今天以后的出生日期",
        "Confirm a birth date more than a year ago or in the future",
    ),
    (
        "init.force",
        "修改已有的宝宝：没有给出的情况保持原样（进度不变）",
        "Change a baby already set up: what is not given keeps its saved value (progress is kept)",
    ),
    (
        "set.pairs",
        "情况=值，例如 father_hukou=外省、sex=女；也可以改 region=厦门、birth_date=2026-10-08",
        "FACT=VALUE, e.g. father_hukou=other, sex=girl; also region=xiamen, birth_date=2026-10-08",
    ),
    (
        "plan.all",
        "列出全部事项，也列出不适用的事项和原因",
        "List every step, and the steps that do not apply with why",
    ),
    (
        "*.steps",
        "事项：ID、ID 的开头，或清单里的序号",
        "Steps: an id, the start of one, or the plan's number",
    ),
    (
        "done.on",
        "实际办完的日期 [默认：今天]",
        "The day it was done [default: today]",
    ),
    (
        "done.force",
        "标记不适用于您家的事项（会改变清单）",
        "Mark a step that does not apply to the family (changes the plan)",
    ),
    (
        "show.step",
        "事项：ID、ID 的开头，或清单里的序号",
        "The step: an id, the start of one, or the plan's number",
    ),
    (
        "export.format",
        "markdown、json、ics、html 或 svg [默认：按 -o 的扩展名，否则 markdown]",
        "markdown, json, ics, html or svg [default: from -o's extension, else markdown]",
    ),
    (
        "export.output",
        "写到文件（.md .json .ics .html .svg），不输出到屏幕",
        "Write to FILE (.md, .json, .ics, .html, .svg) instead of standard output",
    ),
    ("check.paths", "手册文件", "Playbook files"),
    (
        "test.paths",
        "场景文件或文件夹（*.toml）；不给时：内置的场景和 --regions-dir 的 tests/",
        "Scenario files or folders of them (*.toml); none: the shipped ones and those in --regions-dir's tests/",
    ),
    (
        "schema.scenarios",
        "输出场景文件（regions/tests/*.toml）的 JSON Schema，而不是手册的",
        "Print the JSON Schema of scenario files (regions/tests/*.toml) instead",
    ),
    (
        "babies.default",
        "没有用 --baby 时，命令用这个宝宝",
        "The baby commands use when --baby is not given",
    ),
    ("sync.from", "另一份数据目录", "The other data dir"),
    (
        "completions.shell",
        "bash、zsh、fish、powershell 或 elvish",
        "bash, zsh, fish, powershell or elvish",
    ),
    (
        "man.dir",
        "把手册页写进这个文件夹，而不是输出到屏幕",
        "Write the pages into this folder instead of standard output",
    ),
    ("*.help", "显示帮助", "Print help"),
    ("*.version", "显示版本", "Print version"),
];

/// The text for `key` in `lang`.
pub(crate) fn text(key: &str, lang: Lang) -> Option<&'static str> {
    TEXTS
        .iter()
        .find(|(k, _, _)| *k == key)
        .map(|(_, zh, en)| lang.pick(zh, en))
}

/// The help for option `arg` of `command`: its own, else the shared one.
fn arg_text(command: &str, arg: &str, lang: Lang) -> Option<&'static str> {
    text(&format!("{command}.{arg}"), lang).or_else(|| text(&format!("*.{arg}"), lang))
}

/// The program's options with their help in `lang`, every command built.
pub(crate) fn command(lang: Lang) -> clap::Command {
    let mut cmd = Cli::command();
    cmd.build();
    localize(cmd, "", lang)
}

fn localize(mut cmd: clap::Command, path: &str, lang: Lang) -> clap::Command {
    let name = cmd.get_name().to_string();
    let key = if path.is_empty() { "" } else { name.as_str() };
    if let Some(about) = text(key, lang) {
        cmd = cmd.about(about);
    }
    if path.is_empty()
        && let Some(after) = text("@after", lang)
    {
        cmd = cmd.after_help(after);
    }
    let zh = lang == Lang::Zh;
    cmd = cmd.mut_args(|arg| {
        let id = arg.get_id().as_str().to_string();
        let positional = arg.is_positional();
        let mut arg = arg.hide_default_value(true).hide_possible_values(true);
        if let Some(help) = arg_text(key, &id, lang) {
            arg = arg.help(help);
        }
        if zh {
            arg = arg.help_heading(if positional { "参数" } else { "选项" });
        }
        arg
    });
    if zh {
        let usage = cmd
            .render_usage()
            .to_string()
            .replacen("Usage: ", "", 1)
            .replace("[OPTIONS]", "[选项]")
            .replace("<COMMAND>", "<命令>")
            .replace("[COMMAND]", "[命令]");
        cmd = cmd
            .override_usage(usage)
            .subcommand_help_heading("命令")
            .help_template("{about-with-newline}\n用法：{usage}\n\n{all-args}{after-help}");
    }
    let me = if path.is_empty() {
        name.clone()
    } else {
        format!("{path} {name}")
    };
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for sub in subs {
        let me = me.clone();
        cmd = cmd.mut_subcommand(&sub, move |s| localize(s, &me, lang));
    }
    cmd
}

/// Parses the command line: quickly, without help texts; with them, in `lang`, only when help
/// is asked for. An error or help is printed here and ends the run with its exit code.
pub(crate) fn parse(args: &[OsString], lang: Lang) -> Result<Cli, ExitCode> {
    // `newborn help set [--lang en]` is `newborn set --help` (other options do not matter).
    let rewritten: Vec<OsString>;
    let args = if args.get(1).is_some_and(|a| a == "help") {
        rewritten = args[..1]
            .iter()
            .chain(
                args[2..]
                    .iter()
                    .take_while(|a| !a.to_string_lossy().starts_with('-')),
            )
            .cloned()
            .chain([OsString::from("--help")])
            .collect();
        &rewritten
    } else {
        args
    };
    let error = match Cli::try_parse_from(args) {
        Ok(cli) => return Ok(cli),
        Err(e) => e,
    };
    match error.kind() {
        ErrorKind::DisplayVersion => {
            let _ = error.print();
            Err(ExitCode::Success)
        }
        ErrorKind::DisplayHelp | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let shown = command(lang).try_get_matches_from(args);
            let e = match shown {
                Ok(m) => return Cli::from_arg_matches(&m).map_err(|_| ExitCode::Usage),
                Err(e) => e,
            };
            // Help to a closed pipe is still help shown.
            let _ = e.print();
            Err(if e.use_stderr() {
                ExitCode::Usage
            } else {
                ExitCode::Success
            })
        }
        _ => {
            super::report(&option_error(&error, args, lang), lang);
            Err(ExitCode::Usage)
        }
    }
}

fn context(e: &clap::Error, kind: ContextKind) -> Option<String> {
    e.get(kind).map(|v| match v {
        ContextValue::String(s) => s.clone(),
        ContextValue::Strings(list) => list.join(", "),
        ContextValue::StyledStr(s) => s.to_string(),
        ContextValue::StyledStrs(list) => list
            .iter()
            .map(|s| s.to_string())
            .collect::<Vec<_>>()
            .join(", "),
        ContextValue::Number(n) => n.to_string(),
        ContextValue::Bool(b) => b.to_string(),
        ContextValue::None => String::new(),
        _ => String::new(),
    })
}

fn list(e: &clap::Error, kind: ContextKind) -> Vec<String> {
    match e.get(kind) {
        Some(ContextValue::Strings(list)) => list.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        Some(ContextValue::StyledStrs(list)) => list.iter().map(|s| s.to_string()).collect(),
        Some(ContextValue::StyledStr(s)) => vec![s.to_string()],
        _ => Vec::new(),
    }
}

/// The command whose help to suggest: `newborn plan --help`.
fn help_hint(args: &[OsString], lang: Lang) -> String {
    let names: Vec<String> = Cli::command()
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    let sub = args
        .iter()
        .skip(1)
        .map(|a| a.to_string_lossy())
        .find(|a| names.iter().any(|n| n == a));
    let cmd = match sub {
        Some(s) => format!("newborn {s} --help"),
        None => "newborn --help".to_string(),
    };
    tr!(lang, "（用法见 {cmd}）", " (see {cmd})")
}

/// An option error in the interface language: what was wrong and what is allowed.
pub(crate) fn option_error(e: &clap::Error, args: &[OsString], lang: Lang) -> String {
    let arg = context(e, ContextKind::InvalidArg).unwrap_or_default();
    let value = context(e, ContextKind::InvalidValue).unwrap_or_default();
    let hint = help_hint(args, lang);
    match e.kind() {
        ErrorKind::InvalidValue => {
            let valid = list(e, ContextKind::ValidValue);
            let near = list(e, ContextKind::SuggestedValue);
            let (near, allowed) = (did_you_mean(&near, lang), lang.list(&valid));
            if value.is_empty() {
                tr!(
                    lang,
                    "{arg} 要有一个值；允许的值：{allowed}",
                    "{arg} needs a value; allowed: {allowed}"
                )
            } else {
                tr!(
                    lang,
                    "{arg} 不能是“{value}”{near}；允许的值：{allowed}",
                    "`{value}` is not allowed for {arg}{near}; allowed: {allowed}"
                )
            }
        }
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(e)
                .and_then(|s| s.downcast_ref::<DateError>())
                .map_or_else(
                    || {
                        std::error::Error::source(e)
                            .map(|s| s.to_string())
                            .unwrap_or_default()
                    },
                    |d| d.say(lang),
                );
            tr!(lang, "{arg}：{why}", "{arg}: {why}")
        }
        ErrorKind::UnknownArgument => {
            let near = did_you_mean(&list(e, ContextKind::SuggestedArg), lang);
            tr!(
                lang,
                "没有 {arg} 这个选项{near}{hint}",
                "there is no option {arg}{near}{hint}"
            )
        }
        ErrorKind::InvalidSubcommand => {
            let sub = context(e, ContextKind::InvalidSubcommand).unwrap_or_default();
            let near = did_you_mean(&list(e, ContextKind::SuggestedSubcommand), lang);
            let names: Vec<String> = Cli::command()
                .get_subcommands()
                .map(|s| s.get_name().to_string())
                .collect();
            let names = lang.list(&names);
            tr!(
                lang,
                "没有“{sub}”这个命令{near}；命令：{names}",
                "there is no command `{sub}`{near}; commands: {names}"
            )
        }
        ErrorKind::MissingRequiredArgument => {
            let missing = lang.list(&list(e, ContextKind::InvalidArg));
            tr!(lang, "缺少 {missing}{hint}", "{missing} is missing{hint}")
        }
        ErrorKind::NoEquals => tr!(
            lang,
            "{arg} 的值要用 = 连着写{hint}",
            "{arg} needs its value after ={hint}"
        ),
        ErrorKind::ArgumentConflict => {
            let other = context(e, ContextKind::PriorArg).unwrap_or_default();
            if other == arg {
                return tr!(
                    lang,
                    "{arg} 只能给一次{hint}",
                    "{arg} may be given only once{hint}"
                );
            }
            tr!(
                lang,
                "{arg} 不能和 {other} 一起用{hint}",
                "{arg} cannot be used with {other}{hint}"
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => {
            tr!(
                lang,
                "{arg} 的值的个数不对{hint}",
                "{arg} has the wrong number of values{hint}"
            )
        }
        ErrorKind::InvalidUtf8 => tr!(
            lang,
            "命令行里有不是 UTF-8 的字符",
            "the command line holds text that is not UTF-8"
        ),
        _ => {
            let text = e.render().to_string();
            let first = text
                .lines()
                .next()
                .unwrap_or_default()
                .trim_start_matches("error: ");
            format!("{first}{hint}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and option has help in both languages, and every text is used.
    #[test]
    fn every_option_has_help_in_both_languages() {
        let mut used = vec!["", "@after"];
        let cmd = command(Lang::En);
        fn walk(cmd: &clap::Command, key: &str, used: &mut Vec<&'static str>) {
            for arg in cmd.get_arguments() {
                let id = arg.get_id().as_str();
                let own = format!("{key}.{id}");
                let shared = format!("*.{id}");
                let found = TEXTS
                    .iter()
                    .find(|(k, _, _)| *k == own || *k == shared)
                    .unwrap_or_else(|| panic!("no help for {own}"));
                used.push(found.0);
            }
            for sub in cmd.get_subcommands() {
                let name = sub.get_name();
                let found = TEXTS
                    .iter()
                    .find(|(k, _, _)| *k == name)
                    .unwrap_or_else(|| panic!("no help for {name}"));
                used.push(found.0);
                walk(sub, found.0, used);
            }
        }
        walk(&cmd, "", &mut used);
        for (key, zh, en) in TEXTS {
            assert!(used.contains(key), "{key} is not used");
            assert!(!zh.is_empty() && !en.is_empty(), "{key}");
        }
    }

    #[test]
    fn chinese_help_has_chinese_headings() {
        let help = command(Lang::Zh)
            .find_subcommand_mut("plan")
            .unwrap()
            .render_help()
            .to_string();
        assert!(help.contains("用法：newborn plan [选项]"), "{help}");
        assert!(help.contains("选项：") || help.contains("选项:"), "{help}");
        assert!(!help.contains("Options"), "{help}");
    }
}
