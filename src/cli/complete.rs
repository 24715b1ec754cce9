//! Shell completion from the saved data: step ids and numbers, babies, regions, facts and their
//! values, formats (clap_complete's `CompleteEnv`: the shell asks `newborn` itself).
//!
//! A completer sees only the word being completed, so the data dir and the playbooks are the
//! environment's (`NEWBORN_DATA_DIR`, `NEWBORN_REGIONS_DIR`) or the defaults.

use super::args::Global;
use super::{Context, help};
use crate::facts::{FACTS, FactType, aliases};
use crate::lang::Lang;
use crate::plan::{PlanStep, Status};
use clap_complete::engine::CompletionCandidate;
use std::ffi::OsStr;

/// Answers the shell when it asks for completions (`COMPLETE=bash newborn -- …`) and exits;
/// otherwise returns at once (one look at the environment).
pub(crate) fn answer_the_shell(lang: Lang) {
    clap_complete::CompleteEnv::with_factory(move || help::command(lang)).complete();
}

/// The script a shell sources to complete `newborn` (what `COMPLETE=SHELL newborn` prints).
pub(crate) fn script(
    shell: super::args::Shell,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    use super::args::Shell as S;
    use clap_complete::env::{Bash, Elvish, EnvCompleter, Fish, Powershell, Zsh};
    let shell: &dyn EnvCompleter = match shell {
        S::Bash => &Bash,
        S::Zsh => &Zsh,
        S::Fish => &Fish,
        S::Powershell => &Powershell,
        S::Elvish => &Elvish,
    };
    shell.write_registration("COMPLETE", "newborn", "newborn", "newborn", out)
}

fn lang() -> Lang {
    Lang::from_env()
}

/// The context of a run with no options: the environment's data dir and playbooks.
fn context() -> Option<Context> {
    let global = Global::default()
        .over(Global::default(), |v| std::env::var_os(v))
        .ok()?;
    Context::new(global).ok()
}

fn candidate(value: impl Into<std::ffi::OsString>, help: impl Into<String>) -> CompletionCandidate {
    CompletionCandidate::new(value).help(Some(help.into().into()))
}

/// The babies set up.
pub(crate) fn babies() -> Vec<CompletionCandidate> {
    let Some(ctx) = context() else {
        return Vec::new();
    };
    let names = ctx.store.babies().unwrap_or_default();
    names
        .into_iter()
        .map(|n| {
            let about = ctx
                .store
                .load_profile(&n)
                .map(|p| format!("{} {}", p.region, p.birth_date))
                .unwrap_or_default();
            candidate(n, about)
        })
        .collect()
}

/// The regions, with their names.
pub(crate) fn regions() -> Vec<CompletionCandidate> {
    let Some(ctx) = context() else {
        return Vec::new();
    };
    ctx.registry
        .regions()
        .into_iter()
        .map(|(id, name)| candidate(id, name))
        .collect()
}

/// The export formats.
pub(crate) fn formats() -> Vec<CompletionCandidate> {
    let lang = lang();
    vec![
        candidate(
            "markdown",
            lang.pick("可打印的任务清单", "a printable task list"),
        ),
        candidate("json", lang.pick("全部数据", "all the data")),
        candidate("ics", lang.pick("手机日历", "a phone calendar")),
        candidate(
            "html",
            lang.pick("可打开、转发、打印的网页", "a page to open, share or print"),
        ),
        candidate("svg", lang.pick("时间线图", "the timeline picture")),
    ]
}

/// `FACT=` while the fact is typed, then `FACT=VALUE` for its values.
pub(crate) fn fact_pairs(current: &OsStr) -> Vec<CompletionCandidate> {
    let lang = lang();
    let current = current.to_string_lossy();
    match current.split_once('=') {
        None => FACTS
            .iter()
            .filter(|f| f.name.starts_with(current.as_ref()))
            .map(|f| candidate(format!("{}=", f.name), f.help(lang)))
            .collect(),
        Some((name, value)) => {
            let Some(def) = crate::facts::fact(name) else {
                return Vec::new();
            };
            let words: Vec<&str> = match def.ty {
                FactType::Bool => vec!["true", "false"],
                FactType::Choice(words) => words.to_vec(),
                FactType::Count => vec!["1", "2", "3"],
            };
            words
                .into_iter()
                .filter(|w| w.starts_with(value))
                .map(|w| {
                    let about = aliases(w).first().copied().unwrap_or("");
                    candidate(format!("{name}={w}"), about)
                })
                .collect()
        }
    }
}

/// What `newborn set` takes: facts, and `region=` and `birth_date=`.
pub(crate) fn set_pairs(current: &OsStr) -> Vec<CompletionCandidate> {
    let lang = lang();
    let text = current.to_string_lossy();
    let mut out = fact_pairs(current);
    match text.split_once('=') {
        None => {
            for (name, help) in [
                ("region=", lang.pick("地区", "the region")),
                ("birth_date=", lang.pick("出生日期", "the birth date")),
            ] {
                if name.starts_with(text.as_ref()) {
                    out.push(candidate(name, help));
                }
            }
        }
        Some(("region", value)) => out.extend(
            regions()
                .into_iter()
                .filter(|c| c.get_value().to_string_lossy().starts_with(value))
                .map(|c| c.add_prefix("region=")),
        ),
        Some(_) => {}
    }
    out
}

/// Steps of the saved plan, as ids and numbers, with their titles; `which` says which.
fn steps(current: &OsStr, which: impl Fn(&PlanStep<'_>) -> bool) -> Vec<CompletionCandidate> {
    let Some(ctx) = context() else {
        return Vec::new();
    };
    let current = current.to_string_lossy();
    let babies = match ctx.store.which_baby(None) {
        Ok(one) => vec![one],
        Err(_) => ctx.store.babies().unwrap_or_default(),
    };
    let mut out: Vec<CompletionCandidate> = Vec::new();
    for baby in babies {
        let Ok(fam) = ctx.stored_family(&baby) else {
            continue;
        };
        let plan = fam.plan(&ctx);
        for s in plan.steps().filter(|s| which(s)) {
            let title = s.step.title(ctx.lang).to_string();
            let by_number = current.starts_with(|c: char| c.is_ascii_digit());
            let value = match (by_number, s.number) {
                (true, Some(n)) => n.to_string(),
                (true, None) => continue,
                (false, _) => s.step.id.to_string(),
            };
            if value.starts_with(current.as_ref())
                && !out.iter().any(|c| c.get_value() == value.as_str())
            {
                out.push(candidate(value, title));
            }
        }
    }
    out
}

/// Steps that may be marked done: those still open.
pub(crate) fn steps_to_do(current: &OsStr) -> Vec<CompletionCandidate> {
    steps(current, |s| s.status.is_open())
}

/// Optional steps still open, which may be skipped.
pub(crate) fn steps_optional(current: &OsStr) -> Vec<CompletionCandidate> {
    steps(current, |s| s.status.is_open() && s.step.optional)
}

/// Steps marked done or skipped, which `undo` reverses.
pub(crate) fn steps_done(current: &OsStr) -> Vec<CompletionCandidate> {
    steps(current, |s| {
        matches!(s.status, Status::Done | Status::Skipped)
    })
}

/// Every step that applies.
pub(crate) fn steps_all(current: &OsStr) -> Vec<CompletionCandidate> {
    steps(current, |_| true)
}
