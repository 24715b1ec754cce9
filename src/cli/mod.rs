//! The edge: options, the clock, prompts, and which command does what.

mod args;
mod init;

pub(crate) use args::{Cli, Command, FamilyArgs, Global, parse_date};

use crate::calendar::{Calendar, YearSource};
use crate::error::{ExitCode, exit_code, usage};
use crate::facts::{FACTS, Facts, did_you_mean};
use crate::family::{self, Event, EventKind, Profile, Progress};
use crate::lang::Lang;
use crate::plan::{self, Plan, Status};
use crate::playbook::Playbook;
use crate::registry::{Origin, Registry};
use crate::render;
use crate::store::{self, Store};
use anyhow::{Context as _, Result};
use chrono::{NaiveDate, Utc};
use clap::Parser;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Runs `newborn` with the process's arguments; returns the exit code.
pub fn run() -> std::process::ExitCode {
    exit_status().into()
}

fn exit_status() -> ExitCode {
    // A bug must still end in one clear line, never a backtrace.
    std::panic::set_hook(Box::new(|info| {
        eprintln!(
            "newborn: internal error ({info}); nothing was changed on disk. Please report this."
        );
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::Usage
            } else {
                ExitCode::Success
            };
        }
    };
    let mut out = std::io::stdout().lock();
    match execute(cli, &mut out) {
        Ok(()) => ExitCode::Success,
        Err(e) => {
            let code = exit_code(&e);
            let _ = out.flush();
            eprintln!("newborn: {e:#}");
            code
        }
    }
}

/// What every command needs: the data dir, the playbooks, the calendar and today.
pub(crate) struct Context {
    pub store: Store,
    pub registry: Registry,
    pub calendar: Calendar,
    pub today: NaiveDate,
    /// The time of the command: the clock, or noon Beijing time on `--today`.
    pub now: chrono::DateTime<Utc>,
    pub lang: Lang,
    pub global: Global,
}

impl Context {
    fn new(global: Global) -> Result<Context> {
        let root = match &global.data_dir {
            Some(d) => d.clone(),
            None => directories::ProjectDirs::from("", "", "newborn")
                .map(|p| p.data_dir().to_path_buf())
                .context("cannot find a data dir for this user: pass --data-dir DIR")?,
        };
        let store = Store::new(root);
        let mut registry = Registry::embedded();
        if let Some(dir) = &global.regions_dir {
            registry
                .add_dir(dir)
                .with_context(|| format!("cannot load the playbooks in {}", dir.display()))?;
        }
        let mut calendar = Calendar::embedded();
        for file in store.calendar_files()? {
            calendar.add_schedule_file(&file)?;
        }
        for file in &global.calendar {
            calendar.add_schedule_file(file)?;
        }
        // Only the edge reads the clock.
        let today = global
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let now = match global.today {
            Some(day) => day.and_hms_opt(4, 0, 0).unwrap_or_default().and_utc(),
            None => Utc::now(),
        };
        let lang = global.lang.unwrap_or_else(Lang::from_env);
        Ok(Context {
            store,
            registry,
            calendar,
            today,
            now,
            lang,
            global,
        })
    }

    /// The family to plan for: one given on the command line, or the stored baby.
    fn family(&self, args: &FamilyArgs) -> Result<Family> {
        if args.region.is_some() || args.birth_date.is_some() {
            let (Some(region), Some(birth_date)) = (&args.region, args.birth_date) else {
                return Err(usage(
                    "a one-off plan needs both --region REGION and --birth-date YYYY-MM-DD",
                ));
            };
            let playbook = self.registry.load(region)?;
            let mut facts = Facts::default();
            for pair in &args.set {
                facts.set_pair(pair)?;
            }
            let assumed = facts.defaults_assumed();
            self.check_birth(birth_date)?;
            return Ok(Family {
                profile: Profile {
                    region: region.clone(),
                    birth_date,
                    facts,
                },
                playbook,
                progress: Progress::new(),
                baby: None,
                assumed,
            });
        }
        let baby = self.store.which_baby(self.global.baby.as_deref())?;
        let mut profile = self.store.load_profile(&baby)?;
        for pair in &args.set {
            profile.facts.set_pair(pair)?;
        }
        let playbook = self.registry.load(&profile.region)?;
        let progress = family::progress_of(&self.store.load_events(&baby)?);
        self.check_birth(profile.birth_date)?;
        Ok(Family {
            profile,
            playbook,
            progress,
            baby: Some(baby),
            assumed: Vec::new(),
        })
    }

    fn check_birth(&self, birth: NaiveDate) -> Result<()> {
        if birth > self.today {
            return Err(usage(format!(
                "the birth date {birth} is after today ({}); check --birth-date or --today",
                self.today
            )));
        }
        Ok(())
    }
}

/// A family, its playbook and its progress.
struct Family {
    profile: Profile,
    playbook: Playbook,
    progress: Progress,
    /// `None` for a one-off plan (nothing stored).
    baby: Option<String>,
    /// Facts left at their defaults in a one-off plan.
    assumed: Vec<String>,
}

impl Family {
    fn plan<'a>(&'a self, ctx: &Context) -> Plan<'a> {
        plan::plan(
            &self.playbook,
            &self.profile,
            &self.progress,
            ctx.today,
            &ctx.calendar,
        )
    }
}

fn assumed_line(assumed: &[String], lang: Lang) -> String {
    match lang {
        Lang::Zh => format!(
            "按默认情况计算（未用 --set 指定的）：{}\n改用 --set FACT=VALUE，例如 --set father_hukou=other；全部事实见 newborn facts。\n",
            assumed.join(" ")
        ),
        Lang::En => format!(
            "Assumed (not given with --set): {}\nChange with --set FACT=VALUE, e.g. --set father_hukou=other; every fact: newborn facts.\n",
            assumed.join(" ")
        ),
    }
}

/// Runs one parsed command, writing its output to `out`.
pub(crate) fn execute(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let (command, global) = cli.into_parts().map_err(usage)?;
    let ctx = Context::new(global)?;
    match command {
        Command::Init { family, force, .. } => init::init(&ctx, family, force, out),
        Command::Plan { family, all, .. } => {
            let fam = ctx.family(&family)?;
            let plan = fam.plan(&ctx);
            if ctx.global.json {
                write!(
                    out,
                    "{}",
                    render::json::plan_json(&plan, all, &fam.assumed, ctx.lang)
                )?;
            } else {
                if !fam.assumed.is_empty() {
                    writeln!(out, "{}", assumed_line(&fam.assumed, ctx.lang))?;
                }
                let color = ctx.global.color();
                write!(
                    out,
                    "{}",
                    render::table::render(&plan, all, color, ctx.lang)
                )?;
                if fam.baby.is_some() {
                    writeln!(
                        out,
                        "\n{}",
                        ctx.lang.pick(
                            "下一步：newborn next    办完一项：newborn done ID",
                            "Next: newborn next    Done one: newborn done ID"
                        )
                    )?;
                }
            }
            Ok(())
        }
        Command::Next { family, .. } => {
            let fam = ctx.family(&family)?;
            let plan = fam.plan(&ctx);
            if ctx.global.json {
                let json = match plan.next() {
                    Some(s) => {
                        serde_json::to_string_pretty(&render::json::step(&plan, s, ctx.lang))?
                    }
                    None => "null".to_string(),
                };
                writeln!(out, "{json}")?;
            } else {
                write!(out, "{}", render::text::next(&plan, ctx.lang))?;
            }
            Ok(())
        }
        Command::Show { step, family, .. } => {
            let fam = ctx.family(&family)?;
            let plan = fam.plan(&ctx);
            let id = resolve_step(&plan, &step)?;
            let s = plan.find(&id).context("the step is in the plan")?;
            if ctx.global.json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&render::json::step(&plan, s, ctx.lang))?
                )?;
            } else {
                write!(
                    out,
                    "{}",
                    render::text::show(&plan, s, &ctx.calendar, ctx.lang)
                )?;
            }
            Ok(())
        }
        Command::Done { steps, on, .. } => {
            mark(&ctx, &steps, EventKind::Done, on.unwrap_or(ctx.today), out)
        }
        Command::Skip { steps, .. } => mark(&ctx, &steps, EventKind::Skipped, ctx.today, out),
        Command::Undo { steps, .. } => mark(&ctx, &steps, EventKind::Undone, ctx.today, out),
        Command::Export {
            format,
            output,
            family,
            ..
        } => export(&ctx, &format, output, &family, out),
        Command::Regions { .. } => regions(&ctx, out),
        Command::Check { paths, .. } => check(&ctx, &paths, out),
        Command::Calendar { .. } => calendar(&ctx, out),
        Command::Babies { .. } => babies(&ctx, out),
        Command::Sync { from, .. } => sync(&ctx, &from, out),
        Command::Facts { .. } => facts(&ctx, out),
        Command::Materials { family, .. } => {
            let fam = ctx.family(&family)?;
            let plan = fam.plan(&ctx);
            if ctx.global.json {
                let groups = render::materials::merged(&plan, ctx.lang);
                writeln!(out, "{}", serde_json::to_string_pretty(&groups)?)?;
            } else {
                write!(out, "{}", render::materials::render(&plan, "##", ctx.lang))?;
            }
            Ok(())
        }
        Command::Completions { shell, .. } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "newborn", out);
            Ok(())
        }
        Command::Man { .. } => {
            let cmd = <Cli as clap::CommandFactory>::command();
            clap_mangen::Man::new(cmd).render(out)?;
            Ok(())
        }
    }
}

/// STEP as an id, the plan's number, or a unique prefix of an id.
fn resolve_step(plan: &Plan<'_>, text: &str) -> Result<String> {
    let ids: Vec<&str> = {
        let mut ids: Vec<&str> = plan
            .steps()
            .chain(&plan.not_applicable)
            .map(|s| s.step.id.as_ref())
            .collect();
        ids.dedup();
        ids
    };
    if ids.contains(&text) {
        return Ok(text.to_string());
    }
    if let Ok(n) = text.parse::<usize>() {
        return match plan.step(n) {
            Some(s) => Ok(s.step.id.to_string()),
            None => Err(usage(format!(
                "there is no step number {n}: the plan has steps 1 to {}",
                plan.steps().len()
            ))),
        };
    }
    let matches: Vec<&str> = ids
        .iter()
        .copied()
        .filter(|id| id.starts_with(text))
        .collect();
    match matches.as_slice() {
        [one] => Ok((*one).to_string()),
        [] => {
            let hint = did_you_mean(text, ids.iter().copied());
            Err(usage(format!(
                "unknown step `{text}`{hint}; steps: {}",
                ids.join(", ")
            )))
        }
        many => Err(usage(format!(
            "`{text}` could be {}: type more of the id",
            many.join(", ")
        ))),
    }
}

/// `done`, `skip` or `undo` of `steps`, on the day `on`.
fn mark(
    ctx: &Context,
    steps: &[String],
    kind: EventKind,
    on: NaiveDate,
    out: &mut dyn Write,
) -> Result<()> {
    let fam = ctx.family(&FamilyArgs::default())?;
    let baby = fam.baby.clone().context("a stored baby")?;
    if kind == EventKind::Done {
        if on > ctx.today {
            return Err(usage(format!(
                "--on {on} is after today ({}): mark a step done once it is done",
                ctx.today
            )));
        }
        if on < fam.profile.birth_date {
            return Err(usage(format!(
                "--on {on} is before the birth date ({})",
                fam.profile.birth_date
            )));
        }
    }
    let plan = fam.plan(ctx);
    let mut ids = Vec::new();
    for text in steps {
        let id = resolve_step(&plan, text)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    if kind == EventKind::Skipped {
        refuse_required(&plan, &ids, ctx.lang)?;
    }
    let recorded = Utc::now();
    let events: Vec<Event> = ids
        .iter()
        .map(|id| Event {
            recorded,
            id: family::new_event_id(),
            kind,
            step: id.clone(),
            on,
        })
        .collect();
    ctx.store.append_events(&baby, &events)?;

    let lang = ctx.lang;
    for id in &ids {
        let s = plan.find(id).context("the step is in the plan")?;
        let label = render::heading(s, lang);
        match kind {
            EventKind::Done => {
                writeln!(
                    out,
                    "✓ {}{label}{}{on}",
                    lang.pick("已完成：", "Done: "),
                    lang.pick("，", ", ")
                )?;
                if s.status == Status::NotApplicable {
                    eprintln!(
                        "newborn: note: {id} does not apply to this family's plan; recorded anyway"
                    );
                }
                let open: Vec<&str> = s
                    .open_prerequisites
                    .iter()
                    .map(|p| &*p.id)
                    .filter(|p| !ids.iter().any(|i| i == p))
                    .collect();
                if !open.is_empty() {
                    eprintln!(
                        "newborn: warning: {id} was marked done before its prerequisites {}; recorded anyway",
                        open.join(", ")
                    );
                }
            }
            EventKind::Skipped => writeln!(out, "– {}{label}", lang.pick("不办了：", "Skipped: "))?,
            EventKind::Undone => writeln!(
                out,
                "↺ {}{label}",
                lang.pick("已改回未完成：", "Not done again: ")
            )?,
        }
    }
    // What now.
    let fam = ctx.family(&FamilyArgs::default())?;
    let plan = fam.plan(ctx);
    match plan.next() {
        Some(s) => writeln!(
            out,
            "{}{}",
            lang.pick("下一步：", "Next: "),
            render::heading(s, lang)
        )?,
        None => writeln!(out, "{}", lang.pick("全部办完了。", "All done."))?,
    }
    Ok(())
}

/// Only optional steps can be skipped.
fn refuse_required(plan: &Plan<'_>, ids: &[String], lang: Lang) -> Result<()> {
    let required: Vec<&str> = ids
        .iter()
        .filter(|id| plan.find(id).is_some_and(|s| !s.step.optional))
        .map(String::as_str)
        .collect();
    if required.is_empty() {
        return Ok(());
    }
    Err(usage(match lang {
        Lang::Zh => format!(
            "{} 不是可选事项，不能跳过；只有标为“可选”的事项可以用 newborn skip",
            required.join("、")
        ),
        Lang::En => format!(
            "{} {} not optional and cannot be skipped; only optional steps can be (newborn skip)",
            required.join(", "),
            if required.len() == 1 { "is" } else { "are" }
        ),
    }))
}

fn export(
    ctx: &Context,
    format: &str,
    output: Option<PathBuf>,
    family: &FamilyArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let exporter = render::exporter(format).ok_or_else(|| {
        usage(format!(
            "unknown export format `{format}`; formats: {}",
            render::FORMATS.join(", ")
        ))
    })?;
    let fam = ctx.family(family)?;
    let plan = fam.plan(ctx);
    let stored = fam
        .baby
        .as_deref()
        .map(|baby| ctx.store.load_sequences(baby));
    let mut export = render::ExportContext {
        calendar: &ctx.calendar,
        lang: ctx.lang,
        now: ctx.now,
        sequences: stored.clone().unwrap_or_default(),
    };
    let text = exporter.export(&plan, &mut export);
    if let Some(baby) = &fam.baby
        && stored.as_ref() != Some(&export.sequences)
    {
        ctx.store.save_sequences(baby, &export.sequences)?;
    }
    match output {
        Some(path) => {
            store::write_atomic(&path, text.as_bytes())?;
            eprintln!("newborn: wrote {} ({})", path.display(), exporter.name());
        }
        None => write!(out, "{text}")?,
    }
    Ok(())
}

fn regions(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let mut rows = Vec::new();
    for id in ctx.registry.ids() {
        let p = ctx.registry.load(id)?;
        let origin = match ctx.registry.origin(id) {
            Some(Origin::User(path)) => path.display().to_string(),
            _ => "built in".to_string(),
        };
        rows.push((p, origin));
    }
    if ctx.global.json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|(p, origin)| {
                serde_json::json!({
                    "id": p.id, "name": p.name, "name_en": p.name_en, "extends": p.extends(),
                    "reviewed": p.reviewed.to_string(), "steps": p.steps.len(), "origin": origin,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    let mut table = comfy_table::Table::new();
    table
        .load_style(comfy_table::presets::ASCII_BORDERS_ONLY_CONDENSED)
        .set_header(vec!["ID", "地区", "基于", "最后核对", "事项数", "来自"]);
    for (p, origin) in &rows {
        table.add_row(vec![
            p.id.to_string(),
            p.name.to_string(),
            p.extends().unwrap_or_default().to_string(),
            p.reviewed.to_string(),
            p.steps.len().to_string(),
            origin.clone(),
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}

fn check(ctx: &Context, paths: &[PathBuf], out: &mut dyn Write) -> Result<()> {
    let mut registry = ctx.registry.clone();
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    // Add every file first, so that they may extend each other.
    for path in paths {
        match registry.add_file(path) {
            Ok(id) => targets.push((path.display().to_string(), id)),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if paths.is_empty() {
        targets = registry
            .ids()
            .iter()
            .map(|id| (id.to_string(), id.to_string()))
            .collect();
    }
    for (name, id) in &targets {
        match registry.load(id) {
            Ok(p) => writeln!(
                out,
                "ok: {name} ({}, {} steps, {} sources)",
                p.id,
                p.steps.len(),
                p.sources.len()
            )?,
            Err(e) => errors.push(e.to_string()),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(anyhow::anyhow!(
            "{}\n\n{} playbook(s) have errors",
            errors.join("\n\n"),
            errors.len()
        ))
    }
}

fn calendar(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let years: Vec<(i32, String)> = ctx
        .calendar
        .years()
        .map(|(y, s)| {
            let from = match s {
                YearSource::Embedded { papers } => format!("built in ({papers})"),
                YearSource::File { path } => path.display().to_string(),
            };
            (y, from)
        })
        .collect();
    let this_year = chrono::Datelike::year(&ctx.today);
    let unknown: Vec<i32> = [this_year, this_year + 1]
        .into_iter()
        .filter(|y| !ctx.calendar.is_known(*y))
        .collect();
    if ctx.global.json {
        let list: Vec<serde_json::Value> = years
            .iter()
            .map(|(y, from)| serde_json::json!({"year": y, "source": from}))
            .collect();
        let v = serde_json::json!({"known": list, "unknown": unknown, "calendar_dir": ctx.store.calendar_dir()});
        writeln!(out, "{}", serde_json::to_string_pretty(&v)?)?;
        return Ok(());
    }
    writeln!(out, "已知的法定节假日安排（国务院办公厅通知）：")?;
    for (y, from) in &years {
        writeln!(out, "  {y}  {from}")?;
    }
    for y in unknown {
        writeln!(
            out,
            "未知：{y} 年（国务院通常在前一年11月公布）。涉及{y}年的工作日只按周末估算，并会提示。"
        )?;
    }
    writeln!(
        out,
        "添加新一年的安排：把 holiday-cn 格式的 JSON 文件放进 {}，或用 --calendar FILE。",
        ctx.store.calendar_dir().display()
    )?;
    Ok(())
}

fn sync(ctx: &Context, from: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    if !from.join("babies").is_dir() {
        return Err(usage(format!(
            "{} is not a newborn data dir (it has no babies/ folder)",
            from.display()
        )));
    }
    let other = Store::new(from);
    let results = ctx.store.sync_from(&other)?;
    if results.is_empty() {
        writeln!(out, "{} 里没有宝宝的记录，没有可合并的。", from.display())?;
    }
    for r in results {
        if r.new_baby {
            writeln!(
                out,
                "{}：新宝宝，已从 {} 复制资料和 {} 条记录",
                r.baby,
                from.display(),
                r.added
            )?;
        } else {
            writeln!(out, "{}：合并了 {} 条新记录", r.baby, r.added)?;
        }
        if r.profile_differs {
            eprintln!(
                "newborn: warning: {}'s profile differs between the two copies; this copy's was kept (newborn init --force to change it)",
                r.baby
            );
        }
    }
    Ok(())
}

fn babies(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let names = ctx.store.babies()?;
    if ctx.global.json {
        let mut list = Vec::new();
        for n in &names {
            let p = ctx.store.load_profile(n)?;
            list.push(serde_json::json!({"name": n, "region": p.region, "birth_date": p.birth_date.to_string()}));
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    if names.is_empty() {
        writeln!(out, "还没有设置宝宝：运行 newborn init")?;
    }
    for n in &names {
        let p = ctx.store.load_profile(n)?;
        writeln!(out, "{n}  {}  出生 {}", p.region, p.birth_date)?;
    }
    Ok(())
}

fn facts(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    if ctx.global.json {
        let list: Vec<serde_json::Value> = FACTS
            .iter()
            .map(|f| serde_json::json!({"name": f.name, "allowed": f.allowed(), "default": f.default, "help": f.help}))
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    for f in FACTS {
        writeln!(
            out,
            "{:<22} {}（默认 {}）\n{:<22} {} — {}",
            f.name,
            f.allowed(),
            f.default,
            "",
            f.question,
            f.help
        )?;
    }
    Ok(())
}

/// Whether prompts can be shown (standard input and output are a terminal).
pub(crate) fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}
