//! `newborn test` (the scenario files beside the playbooks) and `newborn schema` (the JSON
//! Schemas an editor checks playbooks and scenario files with).

use super::Context;
use crate::calendar::Calendar;
use crate::diagnostic::SourceFile;
use crate::error::usage;
use crate::lang::tr;
use crate::scenario;
use anyhow::Result;
use std::io::Write;
use std::path::{Path, PathBuf};

/// `newborn test [PATH…]`: the scenarios of each PATH (a file, or a folder of `*.toml`), else
/// the shipped ones and those in `--regions-dir`'s `tests/`. Planned in-process on each
/// scenario's own day, with the shipped holiday schedules and `--calendar` files only (not the
/// data dir's), so that a run gives the same answer on every machine.
pub(crate) fn test(ctx: &Context, paths: &[PathBuf], out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let files = if paths.is_empty() {
        let mut files = scenario::shipped();
        if let Some(dir) = &ctx.global.regions_dir {
            let tests = dir.join("tests");
            if tests.is_dir() {
                files.extend(read_dir(ctx, &tests)?);
            }
        }
        files
    } else {
        let mut files = Vec::new();
        for path in paths {
            if path.is_dir() {
                let found = read_dir(ctx, path)?;
                if found.is_empty() {
                    let dir = path.display();
                    return Err(usage(tr!(
                        lang,
                        "{dir} 里没有场景文件（*.toml）",
                        "{dir} holds no scenario file (*.toml)"
                    )));
                }
                files.extend(found);
            } else {
                files.push(read(ctx, path)?);
            }
        }
        files
    };
    let mut calendar = Calendar::embedded();
    for file in &ctx.global.calendar {
        calendar.add_schedule_file(file)?;
    }
    let outcome = scenario::run_files(&files, &ctx.registry, &calendar, lang);
    if ctx.global.json {
        let json = scenario::json(&outcome);
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
    } else {
        write!(out, "{}", outcome.report(lang))?;
    }
    if outcome.ok() {
        return Ok(());
    }
    let (failed, errors) = (outcome.failed(), outcome.errors());
    let mut parts = Vec::new();
    if failed > 0 {
        parts.push(tr!(
            lang,
            "{failed} 个场景没有通过",
            "{failed} scenario(s) failed"
        ));
    }
    if errors > 0 {
        parts.push(tr!(
            lang,
            "场景文件里有 {errors} 处错误",
            "{errors} error(s) in the scenario files"
        ));
    }
    Err(anyhow::anyhow!(parts.join(lang.pick("；", "; "))))
}

/// The `*.toml` files of `dir`, sorted.
fn read_dir(ctx: &Context, dir: &Path) -> Result<Vec<SourceFile>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(dir)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths.iter().map(|p| read(ctx, p)).collect()
}

/// One scenario file; a path that does not exist is a usage error.
fn read(ctx: &Context, path: &Path) -> Result<SourceFile> {
    let lang = ctx.lang;
    if !path.exists() {
        let shown = path.display();
        return Err(usage(tr!(
            lang,
            "没有 {shown} 这个文件或文件夹：请给出场景文件（*.toml）或放着它们的文件夹",
            "{shown} does not exist: give scenario files (*.toml) or folders of them"
        )));
    }
    let text = std::fs::read_to_string(path).map_err(|e| {
        let (shown, why) = (path.display(), crate::error::io_error(&e, lang));
        anyhow::anyhow!(tr!(
            lang,
            "读不了 {shown}：{why}",
            "cannot read {shown}: {why}"
        ))
    })?;
    Ok(SourceFile {
        name: path.display().to_string(),
        text: text.into(),
    })
}

/// `newborn schema [--scenarios]`.
pub(crate) fn schema(scenarios: bool, out: &mut dyn Write) -> Result<()> {
    let schema = if scenarios {
        crate::schema::scenarios()
    } else {
        crate::schema::playbook()
    };
    writeln!(out, "{}", serde_json::to_string_pretty(&schema)?)?;
    Ok(())
}
