//! `newborn init`: from flags, or by asking in a terminal (starting from the saved answers).

use super::{Context, FamilyArgs, interactive, parse_date};
use crate::error::{ExitCode, usage};
use crate::facts::{FACTS, FactDef, FactType, Facts, Value, label};
use crate::family::{Profile, Progress};
use crate::lang::{Lang, Say, tr};
use crate::plan;
use crate::store::{Store, shown_name};
use anyhow::Result;
use dialoguer::{FuzzySelect, Input, Select, theme::ColorfulTheme};
use std::io::Write;

pub(crate) fn init(
    ctx: &Context,
    args: FamilyArgs,
    force: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = ctx.lang;
    let baby = ctx
        .global
        .baby
        .clone()
        .unwrap_or_else(|| "baby".to_string());
    Store::check_name(&baby)?;
    let saved = if ctx.store.has_profile(&baby) {
        if !force {
            let dir = ctx.store.root().display();
            return Err(usage(tr!(
                lang,
                "{dir} 里已经有叫“{baby}”的宝宝。改一项情况：newborn set FACT=VALUE；重新填写：newborn init --force（没有给出的保持原样，进度不变）；另一个宝宝：newborn init --baby 名字",
                "a baby named `{baby}` is already set up in {dir}. Change a fact: newborn set FACT=VALUE; answer again: newborn init --force (what is not given keeps its saved value; progress is kept); another baby: newborn init --baby NAME"
            )));
        }
        Some(ctx.store.load_profile(&baby)?)
    } else {
        None
    };
    let region = args.region.as_deref().map(|r| ctx.region(r)).transpose()?;
    if let Some(d) = args.birth_date {
        ctx.check_birth(d, args.yes)?;
    }
    let region = region.or_else(|| saved.as_ref().map(|p| p.region.clone()));
    let birth_date = args
        .birth_date
        .or_else(|| saved.as_ref().map(|p| p.birth_date));
    let mut facts = saved
        .as_ref()
        .map_or_else(Facts::default, |p| p.facts.clone());
    let mut given = Facts::default();
    for pair in &args.set {
        facts.set_pair(pair)?;
        given.set_pair(pair)?;
    }
    let complete = region.is_some() && birth_date.is_some();
    let ask = interactive()
        && (!complete
            || (saved.is_some()
                && args.region.is_none()
                && args.birth_date.is_none()
                && args.set.is_empty()));
    let profile = if ask {
        let start = Start {
            region,
            birth_date,
            facts,
            given: &given,
            given_region: args.region.is_some(),
            given_birth: args.birth_date.is_some(),
            yes: args.yes,
        };
        match prompt(ctx, &baby, start) {
            Ok(p) => p,
            Err(e) if interrupted(&e) => cancel(lang),
            Err(e) => return Err(e),
        }
    } else {
        let (Some(region), Some(birth_date)) = (region, birth_date) else {
            return Err(usage(lang.pick(
                "init 要给出 --region 地区 和 --birth-date YYYY-MM-DD（或在终端里运行，逐项询问）；有哪些地区：newborn regions",
                "init needs --region REGION and --birth-date YYYY-MM-DD (or run it in a terminal to be asked); regions: see `newborn regions`",
            )));
        };
        Profile {
            region,
            birth_date,
            facts,
        }
    };
    let playbook = ctx.registry.load(&profile.region)?;
    ctx.store.save_profile(&baby, &profile)?;

    let (name, id, born) = (playbook.name(lang), &playbook.id, profile.birth_date);
    writeln!(
        out,
        "{}",
        tr!(
            lang,
            "已保存：{baby} · {name}（{id}）· 出生 {born}",
            "Saved: {baby} · {name} ({id}) · born {born}"
        )
    )?;
    if let Some(old) = &saved {
        let old_playbook = ctx.registry.load(&old.region)?;
        let progress = crate::family::progress_of(&ctx.store.load_events(&baby)?);
        let before = plan::plan(&old_playbook, old, &progress, ctx.today, &ctx.calendar);
        let after = plan::plan(&playbook, &profile, &progress, ctx.today, &ctx.calendar);
        for line in super::diff::changes(&before, &after, &[], lang) {
            writeln!(out, "  {line}")?;
        }
    }
    let used = playbook.facts_used();
    let assumed: Vec<String> = profile
        .facts
        .iter()
        .filter(|(f, _)| used.contains(&f.name) && !given.is_set(f.name))
        .filter(|(f, _)| !playbook.step_stands_for(f.name))
        .map(|(f, v)| format!("{}={v}", f.name))
        .collect();
    if !assumed.is_empty() && !ask && saved.is_none() {
        let assumed = assumed.join(" ");
        let line = tr!(
            lang,
            "按默认情况记录（可用 newborn set FACT=VALUE 修改）：{assumed}",
            "Recorded with defaults (change with newborn set FACT=VALUE): {assumed}"
        );
        write!(
            out,
            "{}",
            crate::render::table::wrap(&line, ctx.width(), "  ")
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
        let line = format!(
            "{}{}{}{}",
            lang.pick("路线：", "Route: "),
            r.route.title(lang),
            lang.pick("——", " — "),
            r.why.say(lang)
        );
        write!(
            out,
            "{}",
            crate::render::table::wrap(&line, ctx.width(), "  ")
        )?;
    }
    let n = plan.steps().len();
    writeln!(
        out,
        "{}",
        tr!(
            lang,
            "共 {n} 项。接下来：newborn（下一步）· newborn plan（清单）",
            "{n} steps. Next: newborn (what is next) · newborn plan (the plan)"
        )
    )?;
    Ok(())
}

/// Where the questions start: the saved or given answers.
struct Start<'a> {
    region: Option<String>,
    birth_date: Option<chrono::NaiveDate>,
    facts: Facts,
    /// Facts given with `--set` (not asked).
    given: &'a Facts,
    /// The region and birth date were given as options (not asked).
    given_region: bool,
    given_birth: bool,
    yes: bool,
}

/// Whether a prompt ended because the parent pressed Ctrl-C.
fn interrupted(e: &anyhow::Error) -> bool {
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::Interrupted)
            || c.downcast_ref::<dialoguer::Error>().is_some_and(|d| {
                let dialoguer::Error::IO(io) = d;
                io.kind() == std::io::ErrorKind::Interrupted
            })
    })
}

/// Ctrl-C at a question: the cursor shown again, nothing saved, exit 130.
fn cancel(lang: Lang) -> ! {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        let mut err = std::io::stderr();
        let _ = writeln!(err, "\x1b[?25h");
        let _ = writeln!(
            err,
            "{}",
            lang.pick(
                "newborn：已取消，什么都没有保存。",
                "newborn: cancelled; nothing was saved."
            )
        );
        let _ = err.flush();
    });
    std::process::exit(ExitCode::Interrupted as i32)
}

fn prompt(ctx: &Context, baby: &str, start: Start<'_>) -> Result<Profile> {
    let lang = ctx.lang;
    // Ctrl-C outside a key read (or on a terminal that sends a signal) ends the same way.
    let _ = ctrlc::set_handler(move || cancel(lang));
    let theme = ColorfulTheme::default();
    let who = shown_name(baby, lang);
    let regions = ctx.registry.regions();
    let region = if let (true, Some(region)) = (start.given_region, &start.region) {
        region.clone()
    } else {
        let mut labels = Vec::new();
        for (id, name) in &regions {
            let en = ctx
                .registry
                .load(id)
                .ok()
                .and_then(|p| p.name_en.map(|n| n.to_string()));
            labels.push(match (lang, en) {
                (Lang::En, Some(en)) => format!("{en} {name} ({id})"),
                _ => format!("{name} ({id})"),
            });
        }
        let default = start
            .region
            .as_ref()
            .and_then(|r| regions.iter().position(|(id, _)| id == r))
            .unwrap_or(0);
        let pick = FuzzySelect::with_theme(&theme)
            .with_prompt(tr!(
                lang,
                "{who}在哪个地区办理（可以打字筛选）",
                "Region for {who} (type to filter)"
            ))
            .items(&labels)
            .default(default)
            .interact()?;
        regions[pick].0.clone()
    };
    let playbook = ctx.registry.load(&region)?;
    let today = ctx.today;
    let birth_date = loop {
        if let (true, Some(date)) = (start.given_birth, start.birth_date) {
            break date;
        }
        let mut input = Input::<String>::with_theme(&theme)
            .with_prompt(tr!(
                lang,
                "{who}的出生日期 (YYYY-MM-DD)",
                "{who}'s birth date (YYYY-MM-DD)"
            ))
            .validate_with(move |s: &String| -> Result<(), String> {
                parse_date(s).map(|_| ()).map_err(|e| e.say(lang))
            });
        if let Some(d) = start.birth_date {
            input = input.default(d.to_string());
        }
        let text = input.interact_text()?;
        let date = parse_date(&text).map_err(|e| usage(e.say(lang)))?;
        let unusual =
            date > today || date.checked_add_months(chrono::Months::new(12)) < Some(today);
        if start.yes || !unusual || Some(date) == start.birth_date {
            break date;
        }
        let question = if date > today {
            tr!(
                lang,
                "{date} 在今天（{today}）之后，是按预产期提前规划吗",
                "{date} is after today ({today}): planning ahead from a due date"
            )
        } else {
            tr!(
                lang,
                "{date} 是一年多以前，确定吗",
                "{date} is more than a year ago: is that right"
            )
        };
        // A choice, not dialoguer's Confirm: its y/n and yes/no are English.
        let sure = Select::with_theme(&theme)
            .with_prompt(question)
            .items([
                lang.pick("是", "yes"),
                lang.pick("不是，重新输入", "no, type it again"),
            ])
            .default(1)
            .interact()?;
        if sure == 0 {
            break date;
        }
    };
    let used = playbook.facts_used();
    let mut facts = start.facts;
    for def in FACTS {
        if !used.contains(&def.name) || start.given.is_set(def.name) {
            continue;
        }
        let twins = matches!(facts.get("plurality"), Some(Value::Int(n)) if *n >= 2);
        if def.name == "birth_order" && !twins {
            facts.set("birth_order", "1")?;
            continue;
        }
        let named = (baby != "baby").then_some(who.as_str());
        let answer = ask(&theme, def, &facts, named, lang)?;
        facts.set(def.name, &answer)?;
    }
    Ok(Profile {
        region,
        birth_date,
        facts,
    })
}

/// One question, its default the current answer; returns the answer as a value's word.
fn ask(
    theme: &ColorfulTheme,
    def: &FactDef,
    facts: &Facts,
    who: Option<&str>,
    lang: Lang,
) -> Result<String> {
    let current = facts.get(def.name).cloned().unwrap_or(def.default_value());
    // A named baby (twins) is named in every question.
    let question = match who {
        Some(who) => format!("{who} · {} [{}]", def.question(lang), def.name),
        None => format!("{} [{}]", def.question(lang), def.name),
    };
    Ok(match def.ty {
        FactType::Bool => {
            let items = [lang.pick("是", "yes"), lang.pick("否", "no")];
            let pick = Select::with_theme(theme)
                .with_prompt(question)
                .items(items)
                .default(usize::from(current != Value::Bool(true)))
                .interact()?;
            if pick == 0 { "true" } else { "false" }.to_string()
        }
        FactType::Choice(words) => {
            // The parent's own word first: 本市（city）.
            let labels: Vec<String> = words
                .iter()
                .map(|w| match (lang, crate::facts::aliases(w).first()) {
                    (Lang::Zh, Some(zh)) => format!("{zh}（{w}）"),
                    (Lang::En, _) => match crate::facts::gloss(w) {
                        Some(g) => format!("{w} ({g})"),
                        None => w.to_string(),
                    },
                    _ => label(w, lang),
                })
                .collect();
            let default = words
                .iter()
                .position(|w| Value::Word((*w).into()) == current)
                .unwrap_or(0);
            let pick = Select::with_theme(theme)
                .with_prompt(question)
                .items(&labels)
                .default(default)
                .interact()?;
            words[pick].to_string()
        }
        FactType::Count => Input::with_theme(theme)
            .with_prompt(question)
            .default(current.to_string())
            .validate_with(move |s: &String| def.parse(s).map(|_| ()).map_err(|e| e.say(lang)))
            .interact_text()?,
    })
}
