//! `newborn set FACT=VALUE…`: change what was said about the family, keep the rest, and show
//! what that changes in the plan.

use super::{Context, diff};
use crate::error::usage;
use crate::facts::split_pair;
use crate::family::Profile;
use crate::lang::{Lang, tr};
use crate::store::shown_name;
use anyhow::Result;
use std::io::Write;

/// One change to a profile, as `name: before → after`.
pub(crate) struct Change {
    pub name: String,
    pub before: String,
    pub after: String,
}

/// Applies `FACT=VALUE`s (and `region=…`, `birth_date=…`) to `profile`; returns what changed.
/// A birth date is checked as one typed on the command line (`yes` confirms an unusual one).
pub(crate) fn apply(
    ctx: &Context,
    profile: &mut Profile,
    pairs: &[String],
    yes: bool,
) -> Result<Vec<Change>> {
    let before = profile.clone();
    for pair in pairs {
        let (name, value) = split_pair(pair)?;
        match name.to_lowercase().replace('-', "_").as_str() {
            "region" => profile.region = ctx.registry.resolve(value)?,
            "birth_date" => {
                let date = super::args::parse_date(value).map_err(|e| {
                    usage(format!(
                        "birth_date: {}",
                        crate::lang::Say::say(&e, ctx.lang)
                    ))
                })?;
                ctx.check_birth(date, yes)?;
                profile.birth_date = date;
            }
            _ => profile.facts.set(name, value)?,
        }
    }
    let mut changes = Vec::new();
    if before.region != profile.region {
        changes.push(Change {
            name: "region".into(),
            before: before.region.clone(),
            after: profile.region.clone(),
        });
    }
    if before.birth_date != profile.birth_date {
        changes.push(Change {
            name: "birth_date".into(),
            before: before.birth_date.to_string(),
            after: profile.birth_date.to_string(),
        });
    }
    for ((def, was), (_, now)) in before.facts.iter().zip(profile.facts.iter()) {
        if was != now {
            changes.push(Change {
                name: def.name.into(),
                before: was.to_string(),
                after: now.to_string(),
            });
        }
    }
    Ok(changes)
}

/// `newborn set`.
pub(crate) fn set(ctx: &Context, pairs: &[String], yes: bool, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let baby = ctx.store.which_baby(ctx.global.baby.as_deref())?;
    let old = ctx.stored_family(&baby)?;
    let mut profile = old.profile.clone();
    let changes = apply(ctx, &mut profile, pairs, yes)?;
    let who = shown_name(&baby, lang);
    if changes.is_empty() {
        writeln!(
            out,
            "{}",
            tr!(
                lang,
                "{who}的情况本来就是这样，没有改动。",
                "Nothing changed: {who}'s profile already says so."
            )
        )?;
        return Ok(());
    }
    let new = super::Family {
        playbook: ctx.registry.load(&profile.region)?,
        profile,
        progress: old.progress.clone(),
        baby: Some(baby.clone()),
        assumed: Vec::new(),
    };
    let (before, after) = (old.plan(ctx), new.plan(ctx));
    let lines = diff::changes(&before, &after, &[], lang);
    ctx.store.save_profile(&baby, &new.profile)?;
    writeln!(
        out,
        "{}",
        tr!(lang, "已更新{who}的情况：", "Updated {who}'s profile:")
    )?;
    for c in &changes {
        writeln!(
            out,
            "  {} {} → {}",
            c.name,
            shown(&c.before, lang),
            shown(&c.after, lang)
        )?;
    }
    if lines.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick("清单没有变化。", "The plan is the same.")
        )?;
    } else {
        writeln!(
            out,
            "{}",
            lang.pick("清单的变化：", "What changes in the plan:")
        )?;
        let width = ctx.width();
        for l in lines {
            let indent = " ".repeat(l.len() - l.trim_start().len() + 4);
            let line = format!("  {l}");
            write!(out, "{}", crate::render::table::wrap(&line, width, &indent))?;
        }
    }
    Ok(())
}

/// A value with its Chinese word: `other（外省）`.
fn shown(value: &str, lang: Lang) -> String {
    crate::facts::label(value, lang)
}
