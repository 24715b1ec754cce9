//! `newborn init`: from flags, or by asking in a terminal.

use super::{Context, FamilyArgs, interactive, parse_date};
use crate::error::usage;
use crate::facts::{FACTS, FactType, Facts, Value};
use crate::family::{Profile, Progress};
use crate::plan;
use crate::store::Store;
use anyhow::{Context as _, Result};
use dialoguer::{Input, Select, theme::ColorfulTheme};
use std::io::Write;

pub(crate) fn init(
    ctx: &Context,
    args: FamilyArgs,
    force: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let baby = ctx
        .global
        .baby
        .clone()
        .unwrap_or_else(|| "baby".to_string());
    Store::check_name(&baby)?;
    if ctx.store.has_profile(&baby) && !force {
        return Err(usage(format!(
            "a baby named `{baby}` is already set up in {}; use --force to replace its profile (progress is kept), or --baby NAME for another baby",
            ctx.store.root().display()
        )));
    }
    let mut facts = Facts::default();
    for pair in &args.set {
        facts.set_pair(pair)?;
    }
    let ask = (args.region.is_none() || args.birth_date.is_none()) && interactive();
    let profile = if ask {
        prompt(ctx, args, facts)?
    } else {
        let (Some(region), Some(birth_date)) = (args.region, args.birth_date) else {
            return Err(usage(
                "init needs --region REGION and --birth-date YYYY-MM-DD (or run it in a terminal to be asked); regions: see `newborn regions`",
            ));
        };
        Profile {
            region,
            birth_date,
            facts,
        }
    };
    let playbook = ctx.registry.load(&profile.region)?;
    ctx.check_birth(profile.birth_date)?;
    let assumed = profile.facts.defaults_assumed();
    ctx.store.save_profile(&baby, &profile)?;

    writeln!(
        out,
        "已保存：{baby} · {}（{}）· 出生 {}",
        playbook.name, playbook.id, profile.birth_date
    )?;
    if !assumed.is_empty() && !ask {
        writeln!(
            out,
            "按默认情况记录（可用 newborn init --force --set FACT=VALUE 修改）：{}",
            assumed.join(" ")
        )?;
    }
    let plan = plan::plan(
        &playbook,
        &profile,
        &Progress::new(),
        ctx.today,
        &ctx.calendar,
    );
    if let Some(r) = &plan.route {
        writeln!(
            out,
            "{}{}{}{}",
            ctx.lang.pick("路线：", "Route: "),
            r.route.title,
            ctx.lang.pick("——", " — "),
            crate::lang::Say::say(&r.why, ctx.lang)
        )?;
    }
    writeln!(
        out,
        "共 {} 项。接下来：newborn plan（全部）· newborn next（下一步）",
        plan.steps().len()
    )?;
    Ok(())
}

fn prompt(ctx: &Context, args: FamilyArgs, mut facts: Facts) -> Result<Profile> {
    let theme = ColorfulTheme::default();
    let region = match args.region {
        Some(r) => r,
        None => {
            let mut items = Vec::new();
            for id in ctx.registry.ids() {
                let p = ctx.registry.load(id)?;
                items.push((id.to_string(), format!("{} ({id})", p.name)));
            }
            let labels: Vec<&str> = items.iter().map(|(_, l)| l.as_str()).collect();
            let pick = Select::with_theme(&theme)
                .with_prompt("地区 Region")
                .items(&labels)
                .default(0)
                .interact()
                .context("no answer to the region question")?;
            items[pick].0.clone()
        }
    };
    let birth_date = match args.birth_date {
        Some(d) => d,
        None => {
            let today = ctx.today;
            let text: String = Input::with_theme(&theme)
                .with_prompt("宝宝出生日期 Birth date (YYYY-MM-DD)")
                .validate_with(move |s: &String| -> Result<(), String> {
                    let d = parse_date(s)?;
                    if d > today {
                        Err(format!("{d} is after today ({today})"))
                    } else {
                        Ok(())
                    }
                })
                .interact_text()
                .context("no answer to the birth date question")?;
            parse_date(&text).map_err(usage)?
        }
    };
    for def in FACTS {
        if facts.is_set(def.name) {
            continue;
        }
        let current = facts.get(def.name).cloned().unwrap_or(def.default_value());
        let question = format!("{} [{}]", def.question, def.name);
        let answer = match def.ty {
            FactType::Bool => {
                let items = ["是 yes", "否 no"];
                let default = usize::from(current != Value::Bool(true));
                let pick = Select::with_theme(&theme)
                    .with_prompt(question.as_str())
                    .items(items)
                    .default(default)
                    .interact()?;
                if pick == 0 { "true" } else { "false" }.to_string()
            }
            FactType::Choice(words) => {
                let default = words
                    .iter()
                    .position(|w| Value::Word((*w).into()) == current)
                    .unwrap_or(0);
                let pick = Select::with_theme(&theme)
                    .with_prompt(question.as_str())
                    .items(words)
                    .default(default)
                    .interact()?;
                words[pick].to_string()
            }
            FactType::Count => Input::with_theme(&theme)
                .with_prompt(question.as_str())
                .default(current.to_string())
                .validate_with(|s: &String| def.parse(s).map(|_| ()).map_err(|e| e.to_string()))
                .interact_text()?,
        };
        facts.set(def.name, &answer)?;
    }
    Ok(Profile {
        region,
        birth_date,
        facts,
    })
}
