//! The edge: options, the clock, prompts, and which command does what.

mod args;
mod complete;
mod diff;
mod help;
mod init;
mod man;
mod mark;
mod scenarios;
mod set;

pub(crate) use args::{Cli, Command, FamilyArgs, Global, parse_date};

use crate::calendar::{Calendar, YearSource};
use crate::error::{ExitCode, exit_code, usage};
use crate::facts::{FACTS, Facts, hint};
use crate::family::{Profile, Progress};
use crate::lang::{Lang, Say, tr};
use crate::plan::{self, Plan};
use crate::playbook::{Playbook, Trust};
use crate::registry::{Origin, Registry};
use crate::render;
use crate::render::table::{View, wrap, wrap_text};
use crate::store::{self, Store};
use anyhow::Result;
use chrono::{NaiveDate, Utc};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;

/// Runs `newborn` with the process's arguments; returns the exit code.
pub fn run() -> std::process::ExitCode {
    exit_status().into()
}

fn exit_status() -> ExitCode {
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = Lang::from_args_or_env(&args);
    // A bug must still end in one clear line, never a backtrace.
    std::panic::set_hook(Box::new(move |info| {
        let text = tr!(
            lang,
            "内部错误（{info}）；磁盘上没有任何改动。请报告这个问题。",
            "internal error ({info}); nothing was changed on disk. Please report this."
        );
        report(&text, lang);
    }));
    complete::answer_the_shell(lang);
    let cli = match help::parse(&args, lang) {
        Ok(cli) => cli,
        Err(code) => return code,
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let result = execute(cli, &mut out).and_then(|()| Ok(out.flush()?));
    match result {
        Ok(()) => ExitCode::Success,
        // Output to a closed pipe (`newborn plan | head -1`) ends quietly, as it should.
        Err(e) if crate::error::is_broken_pipe(&e) => ExitCode::Success,
        Err(e) => {
            let _ = out.flush();
            report(&crate::error::render(&e, lang), lang);
            exit_code(&e)
        }
    }
}

/// Prints `newborn: message` on standard error (nothing if that is closed too).
pub(crate) fn report(message: &str, lang: Lang) {
    let text = format!("newborn{}{message}", lang.pick("：", ": "));
    // Wrapped on a terminal, so that ids are not cut in two; as it is when redirected.
    let stderr = std::io::stderr();
    let width = stderr
        .is_terminal()
        .then(|| crossterm::terminal::size().ok())
        .flatten()
        .map(|(w, _)| usize::from(w))
        .filter(|w| *w >= 20);
    let _ = write!(stderr.lock(), "{}", wrap_text(&text, width));
    if width.is_none() {
        let _ = writeln!(std::io::stderr());
    }
}

/// Prints a warning on standard error.
pub(crate) fn warn(lang: Lang, message: &str) {
    report(
        &format!("{}{message}", lang.pick("注意：", "warning: ")),
        lang,
    );
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
        let lang = global.lang.unwrap_or_else(Lang::from_env);
        let root = match &global.data_dir {
            Some(d) => d.clone(),
            None => directories::ProjectDirs::from("", "", "newborn")
                .map(|p| p.data_dir().to_path_buf())
                .ok_or_else(|| {
                    anyhow::anyhow!(lang.pick(
                        "找不到这个用户的数据目录：请用 --data-dir 文件夹 指定",
                        "cannot find a data dir for this user: pass --data-dir DIR"
                    ))
                })?,
        };
        let store = Store::new(root);
        let mut registry = Registry::embedded();
        if let Some(dir) = &global.regions_dir {
            registry.add_dir(dir).map_err(|e| {
                let dir = dir.display();
                anyhow::Error::new(e).context(tr!(
                    lang,
                    "读不了 {dir} 里的手册",
                    "cannot load the playbooks in {dir}"
                ))
            })?;
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

    /// The screen's width for tables and wrapped text: `COLUMNS`, else the terminal's; `None`
    /// when output is not a terminal and `COLUMNS` is not set (nothing is wrapped).
    pub(crate) fn width(&self) -> Option<usize> {
        if let Some(n) = std::env::var("COLUMNS")
            .ok()
            .and_then(|c| c.trim().parse::<usize>().ok())
            .filter(|n| *n >= 20)
        {
            return Some(n);
        }
        if std::io::stdout().is_terminal() {
            return crossterm::terminal::size()
                .ok()
                .map(|(w, _)| usize::from(w))
                .filter(|w| *w >= 20);
        }
        None
    }

    /// Whether to colour; an explicit `--color always` wins over `NO_COLOR`.
    fn color(&self) -> bool {
        let on = self.global.color();
        if on {
            crossterm::style::force_color_output(true);
        }
        on
    }

    /// Refuses a birth date after today or more than a year ago unless `yes` confirms it.
    fn check_birth(&self, birth: NaiveDate, yes: bool) -> Result<()> {
        let (lang, today) = (self.lang, self.today);
        if yes {
            return Ok(());
        }
        if birth > today {
            return Err(usage(tr!(
                lang,
                "出生日期 {birth} 在今天（{today}）之后。按预产期提前规划的话，加 --yes 确认；否则请检查 --birth-date 或 --today",
                "the birth date {birth} is after today ({today}). To plan ahead from a due date, confirm with --yes; otherwise check --birth-date or --today"
            )));
        }
        if birth.checked_add_months(chrono::Months::new(12)) < Some(today) {
            let days = (today - birth).num_days();
            return Err(usage(tr!(
                lang,
                "出生日期 {birth} 是一年多以前（{days} 天前）。确实如此的话，加 --yes 确认",
                "the birth date {birth} is more than a year ago ({days} days). If that is right, confirm with --yes"
            )));
        }
        Ok(())
    }

    /// A region as the parent typed it (id in any case, or its name): its playbook id.
    fn region(&self, text: &str) -> Result<String> {
        Ok(self.registry.resolve(text)?)
    }

    /// A one-off family from `--region` and `--birth-date` (nothing stored), if given.
    fn one_off(&self, args: &FamilyArgs) -> Result<Option<Family>> {
        if args.region.is_none() && args.birth_date.is_none() {
            return Ok(None);
        }
        let (Some(region), Some(birth_date)) = (&args.region, args.birth_date) else {
            return Err(usage(self.lang.pick(
                "临时算一份清单要同时给出 --region 地区 和 --birth-date YYYY-MM-DD",
                "a one-off plan needs both --region REGION and --birth-date YYYY-MM-DD",
            )));
        };
        let region = self.region(region)?;
        let playbook = self.registry.load(&region)?;
        let mut facts = Facts::default();
        for pair in &args.set {
            facts.set_pair(pair)?;
        }
        let used = playbook.facts_used();
        let assumed = facts
            .defaults_assumed()
            .into_iter()
            .filter(|a| used.iter().any(|u| a.split('=').next() == Some(*u)))
            .filter(|a| !playbook.step_stands_for(a.split('=').next().unwrap_or_default()))
            .collect();
        self.check_birth(birth_date, args.yes)?;
        Ok(Some(Family {
            profile: Profile {
                region,
                birth_date,
                facts,
            },
            playbook,
            progress: Progress::new(),
            baby: None,
            assumed,
        }))
    }

    /// A stored baby, its playbook and progress.
    fn stored_family(&self, baby: &str) -> Result<Family> {
        let profile = self.store.load_profile(baby)?;
        let playbook = self.registry.load(&profile.region)?;
        let progress = crate::family::progress_of(&self.store.load_events(baby)?);
        Ok(Family {
            profile,
            playbook,
            progress,
            baby: Some(baby.to_string()),
            assumed: Vec::new(),
        })
    }

    /// The one stored baby a command changes: `--baby`, the only one, or the default.
    fn one_family(&self) -> Result<Family> {
        let baby = self.store.which_baby(self.global.baby.as_deref())?;
        self.stored_family(&baby)
    }

    /// The family or families a command shows: a one-off, `--baby`, or every baby (each
    /// under its name when there are several). `--set` changes them for this run only.
    fn families(&self, args: &FamilyArgs) -> Result<Vec<Family>> {
        if let Some(one) = self.one_off(args)? {
            return Ok(vec![one]);
        }
        let babies = match &self.global.baby {
            Some(name) => vec![self.store.which_baby(Some(name))?],
            None => {
                let all = self.store.babies()?;
                if all.is_empty() {
                    vec![self.store.which_baby(None)?]
                } else {
                    all
                }
            }
        };
        let mut out = Vec::new();
        for baby in babies {
            let mut fam = self.stored_family(&baby)?;
            for pair in &args.set {
                fam.profile.facts.set_pair(pair)?;
            }
            out.push(fam);
        }
        Ok(out)
    }

    /// The one family a command works on (a one-off, or one stored baby).
    fn family(&self, args: &FamilyArgs) -> Result<Family> {
        if let Some(one) = self.one_off(args)? {
            return Ok(one);
        }
        let mut fam = self.one_family()?;
        for pair in &args.set {
            fam.profile.facts.set_pair(pair)?;
        }
        Ok(fam)
    }

    fn view(&self, all: bool) -> View {
        View {
            all,
            color: self.color(),
            width: self.width(),
            lang: self.lang,
        }
    }
}

/// A family, its playbook and its progress.
pub(crate) struct Family {
    profile: Profile,
    playbook: Playbook,
    progress: Progress,
    /// `None` for a one-off plan (nothing stored).
    baby: Option<String>,
    /// Facts the playbook uses left at their defaults in a one-off plan.
    assumed: Vec<String>,
}

impl Family {
    fn plan<'a>(&'a self, ctx: &Context) -> Plan<'a> {
        self.plan_with(ctx, &self.progress)
    }

    /// The plan as it stood on `day`.
    fn plan_on<'a>(&'a self, ctx: &Context, day: NaiveDate) -> Plan<'a> {
        plan::plan(
            &self.playbook,
            &self.profile,
            &self.progress,
            day,
            &ctx.calendar,
        )
    }

    /// The plan with other progress (what marking a step would change).
    fn plan_with<'a>(&'a self, ctx: &Context, progress: &Progress) -> Plan<'a> {
        plan::plan(
            &self.playbook,
            &self.profile,
            progress,
            ctx.today,
            &ctx.calendar,
        )
    }
}

fn assumed_line(assumed: &[String], lang: Lang) -> String {
    let assumed = assumed.join(" ");
    tr!(
        lang,
        "按默认情况计算（未用 --set 指定的）：{assumed}\n改用 --set FACT=VALUE，例如 --set father_hukou=外省；全部事实见 newborn facts。",
        "Assumed (not given with --set): {assumed}\nChange with --set FACT=VALUE, e.g. --set father_hukou=other; every fact: newborn facts."
    )
}

/// The heading of one baby among several.
fn baby_heading(fam: &Family, several: bool) -> Option<String> {
    match (&fam.baby, several) {
        // The name as `--baby` takes it.
        (Some(b), true) => Some(format!("━━ {b} ━━")),
        _ => None,
    }
}

/// Runs one parsed command, writing its output to `out`.
pub(crate) fn execute(cli: Cli, out: &mut dyn Write) -> Result<()> {
    let (command, global) = cli.into_parts().map_err(usage)?;
    let ctx = Context::new(global)?;
    let lang = ctx.lang;
    match command {
        Command::Init { family, force, .. } => init::init(&ctx, family, force, out),
        Command::Set { pairs, yes, .. } => set::set(&ctx, &pairs, yes, out),
        Command::Plan { family, all, .. } => plan_cmd(&ctx, &family, all, out),
        Command::Next { family, .. } => next_cmd(&ctx, &family, out),
        Command::Home { .. } => home(&ctx, out),
        Command::Show { step, family, .. } => {
            let fam = ctx.family(&family)?;
            let plan = fam.plan(&ctx);
            let s = mark::resolve(&plan, &step, mark::Among::All, lang)?;
            if ctx.global.json {
                writeln!(
                    out,
                    "{}",
                    serde_json::to_string_pretty(&render::json::step(&plan, s, lang))?
                )?;
            } else {
                let text = render::text::show(&plan, s, &ctx.calendar, lang);
                write!(out, "{}", wrap_text(&text, ctx.width()))?;
            }
            Ok(())
        }
        Command::Done {
            steps, on, force, ..
        } => mark::done(&ctx, &steps, on.unwrap_or(ctx.today), force, out),
        Command::Skip { steps, .. } => mark::skip(&ctx, &steps, out),
        Command::Undo { steps, .. } => mark::undo(&ctx, &steps, out),
        Command::Export {
            format,
            output,
            family,
            ..
        } => export(&ctx, format.as_deref(), output, &family, out),
        Command::Regions { .. } => regions(&ctx, out),
        Command::Check { paths, .. } => check(&ctx, &paths, out),
        Command::Test { paths, .. } => scenarios::test(&ctx, &paths, out),
        Command::Schema { scenarios, .. } => scenarios::schema(scenarios, out),
        Command::Calendar { .. } => calendar(&ctx, out),
        Command::Babies { default, .. } => babies(&ctx, default.as_deref(), out),
        Command::Sync { from, .. } => sync(&ctx, &from, out),
        Command::Facts { .. } => facts(&ctx, out),
        Command::Materials { family, .. } => {
            let fam = ctx.family(&family)?;
            let plan = fam.plan(&ctx);
            if ctx.global.json {
                let groups = render::materials::merged(&plan, lang);
                writeln!(out, "{}", serde_json::to_string_pretty(&groups)?)?;
            } else {
                write!(out, "{}", render::materials::text(&plan, lang, ctx.width()))?;
            }
            Ok(())
        }
        Command::Completions { shell, .. } => Ok(complete::script(shell, out)?),
        Command::Man { dir, .. } => match dir {
            None => Ok(write!(out, "{}", man::main_page(lang))?),
            Some(dir) => {
                let pages = man::pages(lang);
                for (name, text) in &pages {
                    store::write_atomic(&dir.join(name), text.as_bytes())?;
                }
                let (n, dir) = (pages.len(), dir.display());
                report(
                    &tr!(
                        lang,
                        "已写入 {n} 页手册到 {dir}（newborn.1 和每个命令一页）",
                        "wrote {n} manual pages to {dir} (newborn.1 and one per command)"
                    ),
                    lang,
                );
                Ok(())
            }
        },
    }
}

fn plan_cmd(ctx: &Context, family: &FamilyArgs, all: bool, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let fams = ctx.families(family)?;
    if ctx.global.json {
        if let [fam] = fams.as_slice() {
            let plan = fam.plan(ctx);
            write!(
                out,
                "{}",
                render::json::plan_json(&plan, all, &fam.assumed, lang)
            )?;
        } else {
            let mut map = serde_json::Map::new();
            for fam in &fams {
                let plan = fam.plan(ctx);
                let json: serde_json::Value =
                    serde_json::from_str(&render::json::plan_json(&plan, all, &[], lang))?;
                map.insert(fam.baby.clone().unwrap_or_default(), json);
            }
            writeln!(out, "{}", serde_json::to_string_pretty(&map)?)?;
        }
        return Ok(());
    }
    let several = fams.len() > 1;
    let view = ctx.view(all);
    for (i, fam) in fams.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if let Some(h) = baby_heading(fam, several) {
            writeln!(out, "{h}")?;
        }
        if !fam.assumed.is_empty() {
            write!(
                out,
                "{}",
                wrap_text(&assumed_line(&fam.assumed, lang), view.width)
            )?;
            writeln!(out)?;
        }
        let plan = fam.plan(ctx);
        write!(out, "{}", render::table::render(&plan, view))?;
    }
    if fams.iter().any(|f| f.baby.is_some()) {
        writeln!(
            out,
            "\n{}",
            lang.pick(
                "下一步：newborn next    办完一项：newborn done ID",
                "Next: newborn next    Done one: newborn done ID"
            )
        )?;
    }
    Ok(())
}

fn next_cmd(ctx: &Context, family: &FamilyArgs, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let fams = ctx.families(family)?;
    if ctx.global.json {
        let step_json = |fam: &Family| -> Result<serde_json::Value> {
            let plan = fam.plan(ctx);
            Ok(match plan.next() {
                Some(s) => serde_json::to_value(render::json::step(&plan, s, lang))?,
                None => serde_json::Value::Null,
            })
        };
        let json = if let [fam] = fams.as_slice() {
            step_json(fam)?
        } else {
            let mut map = serde_json::Map::new();
            for fam in &fams {
                map.insert(fam.baby.clone().unwrap_or_default(), step_json(fam)?);
            }
            serde_json::Value::Object(map)
        };
        writeln!(out, "{}", serde_json::to_string_pretty(&json)?)?;
        return Ok(());
    }
    let several = fams.len() > 1;
    let width = ctx.width();
    for (i, fam) in fams.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if let Some(h) = baby_heading(fam, several) {
            writeln!(out, "{h}")?;
        }
        let plan = fam.plan(ctx);
        write!(
            out,
            "{}",
            wrap_text(&render::text::next(&plan, lang), width)
        )?;
    }
    Ok(())
}

/// A bare `newborn`: each baby's counts and next step; without a baby, how to start.
fn home(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    if ctx.global.baby.is_none() && ctx.store.babies()?.is_empty() {
        let text = lang.pick(
            "newborn：宝宝出生后的办事清单。\n还没有设置宝宝。开始：\n  newborn init                        逐项询问，记下宝宝和家里的情况\n  newborn plan --region hebei --birth-date 2026-10-08   先临时看一份清单\n  newborn regions                     有哪些地区\n  newborn --help                      全部命令\n",
            "newborn: a checklist for parents after a birth.\nNo baby set up yet. To start:\n  newborn init                        answer a few questions about the baby and the family\n  newborn plan --region hebei --birth-date 2026-10-08   a one-off plan first\n  newborn regions                     the regions\n  newborn --help                      every command\n",
        );
        write!(out, "{text}")?;
        return Ok(());
    }
    let fams = ctx.families(&FamilyArgs::default())?;
    let several = fams.len() > 1;
    let width = ctx.width();
    for (i, fam) in fams.iter().enumerate() {
        if i > 0 {
            writeln!(out)?;
        }
        if let Some(h) = baby_heading(fam, several) {
            writeln!(out, "{h}")?;
        }
        let plan = fam.plan(ctx);
        write!(out, "{}", wrap(&render::counts(&plan, lang), width, "  "))?;
        write!(
            out,
            "{}",
            wrap_text(&render::text::next(&plan, lang), width)
        )?;
    }
    writeln!(
        out,
        "\n{}",
        lang.pick(
            "全部清单：newborn plan    全部命令：newborn --help",
            "The plan: newborn plan    Every command: newborn --help"
        )
    )?;
    Ok(())
}

/// The export format from `--format` or `-o`'s extension (refusing a mismatch).
fn export_format(
    format: Option<&str>,
    output: Option<&std::path::Path>,
    lang: Lang,
) -> Result<Box<dyn render::Exporter>> {
    let formats = lang.list(render::FORMATS);
    let by_flag = match format {
        None => None,
        Some(f) => Some(render::exporter(&f.to_lowercase()).ok_or_else(|| {
            let near = hint(&f.to_lowercase(), render::FORMATS.iter().copied(), lang);
            usage(tr!(
                lang,
                "不能导出成“{f}”{near}；格式：{formats}",
                "unknown export format `{f}`{near}; formats: {formats}"
            ))
        })?),
    };
    let ext = output
        .and_then(|p| p.extension())
        .map(|e| e.to_string_lossy().to_lowercase());
    let by_ext = ext.as_deref().and_then(|e| match e {
        "md" | "markdown" => render::exporter("markdown"),
        "json" => render::exporter("json"),
        "ics" | "ical" | "ifb" => render::exporter("ics"),
        "html" | "htm" => render::exporter("html"),
        "svg" => render::exporter("svg"),
        _ => None,
    });
    match (by_flag, by_ext, ext) {
        (Some(f), Some(e), _) if f.name() != e.name() => {
            let (file, f, e) = (
                output.map(|p| p.display().to_string()).unwrap_or_default(),
                f.name(),
                e.name(),
            );
            Err(usage(tr!(
                lang,
                "-o {file} 的扩展名是 {e} 格式，但 --format 是 {f}：去掉 --format，或改文件的扩展名",
                "-o {file} has the extension of {e}, but --format says {f}: drop --format, or change the file's extension"
            )))
        }
        (Some(f), _, _) => Ok(f),
        (None, Some(e), _) => Ok(e),
        (None, None, Some(ext)) => Err(usage(tr!(
            lang,
            "不知道 .{ext} 文件该导出成什么格式：用 .md、.json、.ics、.html 或 .svg，或用 --format 指定（{formats}）",
            "cannot tell the format of a .{ext} file: use .md, .json, .ics, .html or .svg, or say --format ({formats})"
        ))),
        (None, None, None) => Ok(render::exporter("markdown").expect("markdown is a format")),
    }
}

fn export(
    ctx: &Context,
    format: Option<&str>,
    output: Option<PathBuf>,
    family: &FamilyArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = ctx.lang;
    let exporter = export_format(format, output.as_deref(), lang)?;
    if let Some(dir) = output.as_deref().filter(|p| p.is_dir()) {
        let dir = dir.display();
        return Err(usage(tr!(
            lang,
            "-o {dir} 是一个文件夹：请给出文件名，例如 -o 清单.md",
            "-o {dir} is a folder: give a file name, e.g. -o checklist.md"
        )));
    }
    let fam = ctx.family(family)?;
    let plan = fam.plan(ctx);
    let stored = fam
        .baby
        .as_deref()
        .map(|baby| ctx.store.load_sequences(baby));
    let mut export = render::ExportContext {
        calendar: &ctx.calendar,
        lang,
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
            let (path, name) = (path.display(), exporter.name());
            report(
                &tr!(lang, "已写入 {path}（{name}）", "wrote {path} ({name})"),
                lang,
            );
        }
        None => write!(out, "{text}")?,
    }
    Ok(())
}

/// A table for a short list (regions, babies, facts), fitted to the screen.
fn list_table(ctx: &Context, header: Vec<&str>) -> comfy_table::Table {
    let mut table = comfy_table::Table::new();
    table
        .load_style(render::table::STYLE)
        .force_no_tty()
        .set_header(header);
    if let Some(w) = ctx.width() {
        table
            .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
            .set_width(u16::try_from(w).unwrap_or(u16::MAX));
    }
    table
}

fn regions(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let real: Vec<String> = ctx
        .registry
        .regions()
        .into_iter()
        .map(|(id, _)| id)
        .collect();
    let mut rows = Vec::new();
    for id in ctx.registry.ids() {
        let p = ctx.registry.load(id)?;
        let origin = match ctx.registry.origin(id) {
            Some(Origin::User(path)) => path.display().to_string(),
            _ => lang.pick("内置", "built in").to_string(),
        };
        let report = p.sources.iter().any(|s| s.trust == Trust::ExperienceReport);
        let basis = match (report, real.iter().any(|r| r == id)) {
            (_, false) => lang.pick("各地手册的基础", "the base of every region"),
            (true, _) => lang.pick(
                "家长的经验分享（非官方）",
                "a parent's report (not official)",
            ),
            (false, _) => lang.pick("官方文件", "official texts"),
        };
        rows.push((p, basis, origin));
    }
    if ctx.global.json {
        let list: Vec<serde_json::Value> = rows
            .iter()
            .map(|(p, basis, origin)| {
                serde_json::json!({
                    "id": p.id, "name": p.name, "name_en": p.name_en, "extends": p.extends(),
                    "reviewed": p.reviewed.to_string(), "steps": p.steps.len(), "origin": origin,
                    "experience_report": p.sources.iter().any(|s| s.trust == Trust::ExperienceReport),
                    "basis": basis,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    let mut table = list_table(
        ctx,
        match lang {
            Lang::Zh => vec!["ID", "地区", "依据", "最后核对", "事项", "来自"],
            Lang::En => vec!["ID", "Region", "Based on", "Reviewed", "Steps", "From"],
        },
    );
    for (p, basis, origin) in &rows {
        let name = match p.extends() {
            Some(parent) if parent != "national" => {
                format!(
                    "{}{}",
                    p.name(lang),
                    lang.paren(&tr!(lang, "在 {parent} 之上", "on {parent}"))
                )
            }
            _ => p.name(lang).to_string(),
        };
        table.add_row(vec![
            p.id.to_string(),
            name,
            basis.to_string(),
            p.reviewed.to_string(),
            p.steps.len().to_string(),
            origin.clone(),
        ]);
    }
    writeln!(out, "{}", render::table::trimmed(&table))?;
    Ok(())
}

fn check(ctx: &Context, paths: &[PathBuf], out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let mut registry = ctx.registry.clone();
    let mut targets = Vec::new();
    let mut errors = Vec::new();
    // Add every file first, so that they may extend each other.
    for path in paths {
        match registry.add_file(path) {
            Ok(id) => targets.push((path.display().to_string(), id)),
            Err(e) => errors.push(e.say(lang)),
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
            Ok(p) => {
                let (pid, steps, sources) = (&p.id, p.steps.len(), p.sources.len());
                writeln!(
                    out,
                    "{}",
                    tr!(
                        lang,
                        "通过：{name}（{pid}，{steps} 项，{sources} 个来源）",
                        "ok: {name} ({pid}, {steps} steps, {sources} sources)"
                    )
                )?
            }
            Err(e) => errors.push(e.say(lang)),
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        let n = errors.len();
        Err(anyhow::anyhow!(
            "{}\n\n{}",
            errors.join("\n\n"),
            tr!(lang, "{n} 个手册有错误", "{n} playbook(s) have errors")
        ))
    }
}

fn calendar(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let years: Vec<(i32, String)> = ctx
        .calendar
        .years()
        .map(|(y, s)| {
            let from = match s {
                YearSource::Embedded { papers } => {
                    tr!(lang, "内置（{papers}）", "built in ({papers})")
                }
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
    let width = ctx.width();
    writeln!(
        out,
        "{}",
        lang.pick(
            "已知的法定节假日安排（国务院办公厅通知）：",
            "Official holiday schedules known (State Council notices):"
        )
    )?;
    for (y, from) in &years {
        write!(
            out,
            "{}",
            wrap(&format!("  {y}  {from}"), width, "        ")
        )?;
    }
    for y in unknown {
        let line = tr!(
            lang,
            "未知：{y} 年（国务院通常在前一年11月公布）。涉及{y}年的工作日只按周末估算，并会提示。",
            "Unknown: {y} (the State Council usually publishes it in the November before). Working days in {y} are estimated from weekends only, with a warning."
        );
        write!(out, "{}", wrap(&line, width, "  "))?;
    }
    let dir = ctx.store.calendar_dir();
    let dir = dir.display();
    let line = tr!(
        lang,
        "添加新一年的安排：把 holiday-cn 格式的 JSON 文件放进 {dir}，或用 --calendar FILE。",
        "To add a new year: put its holiday-cn JSON file in {dir}, or pass --calendar FILE."
    );
    write!(out, "{}", wrap(&line, width, "  "))?;
    Ok(())
}

fn sync(ctx: &Context, from: &std::path::Path, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let shown = from.display();
    if !from.join("babies").is_dir() {
        return Err(usage(tr!(
            lang,
            "{shown} 不是 newborn 的数据目录（里面没有 babies/ 文件夹）",
            "{shown} is not a newborn data dir (it has no babies/ folder)"
        )));
    }
    let other = Store::new(from);
    let results = ctx.store.sync_from(&other)?;
    if results.is_empty() {
        writeln!(
            out,
            "{}",
            tr!(
                lang,
                "{shown} 里没有宝宝的记录，没有可合并的。",
                "{shown} holds no baby: nothing to merge."
            )
        )?;
    }
    for r in results {
        let (baby, added) = (&r.baby, r.added);
        if r.new_baby {
            writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "{baby}：新宝宝，已从 {shown} 复制资料和 {added} 条记录",
                    "{baby}: a new baby, copied from {shown} with {added} records"
                )
            )?;
        } else {
            writeln!(
                out,
                "{}",
                tr!(
                    lang,
                    "{baby}：合并了 {added} 条新记录",
                    "{baby}: merged {added} new records"
                )
            )?;
        }
        if r.profile_differs {
            warn(
                lang,
                &tr!(
                    lang,
                    "两份数据里{baby}的情况不一样，保留了这一份的（要改用 newborn set FACT=VALUE）",
                    "{baby}'s profile differs between the two copies; this copy's was kept (change it with newborn set FACT=VALUE)"
                ),
            );
        }
    }
    Ok(())
}

fn babies(ctx: &Context, default: Option<&str>, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    if let Some(name) = default {
        ctx.store.set_default_baby(name)?;
        writeln!(
            out,
            "{}",
            tr!(
                lang,
                "默认的宝宝：{name}（没有用 --baby 时，done、undo、set 等命令用它）",
                "Default baby: {name} (done, undo, set and the others use it when --baby is not given)"
            )
        )?;
        return Ok(());
    }
    let names = ctx.store.babies()?;
    let chosen = ctx.store.default_baby()?;
    if ctx.global.json {
        let mut list = Vec::new();
        for n in &names {
            let p = ctx.store.load_profile(n)?;
            list.push(serde_json::json!({"name": n, "region": p.region, "birth_date": p.birth_date.to_string(), "default": chosen.as_deref() == Some(n.as_str())}));
        }
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    if names.is_empty() {
        writeln!(
            out,
            "{}",
            lang.pick(
                "还没有设置宝宝：运行 newborn init",
                "No baby set up yet: run newborn init"
            )
        )?;
        return Ok(());
    }
    let mut table = list_table(
        ctx,
        match lang {
            Lang::Zh => vec!["名字", "地区", "出生日期", ""],
            Lang::En => vec!["Name", "Region", "Born", ""],
        },
    );
    for n in &names {
        let p = ctx.store.load_profile(n)?;
        let region = match ctx.registry.load(&p.region) {
            Ok(pb) => format!("{}{}", pb.name(lang), lang.paren(&p.region)),
            Err(_) => p.region.clone(),
        };
        let mark = if chosen.as_deref() == Some(n.as_str()) && names.len() > 1 {
            lang.pick("默认", "default")
        } else {
            ""
        };
        table.add_row(vec![
            n.clone(),
            region,
            p.birth_date.to_string(),
            mark.to_string(),
        ]);
    }
    writeln!(out, "{}", render::table::trimmed(&table))?;
    Ok(())
}

fn facts(ctx: &Context, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    if ctx.global.json {
        let list: Vec<serde_json::Value> = FACTS
            .iter()
            .map(|f| serde_json::json!({"name": f.name, "allowed": f.allowed(), "default": f.default, "help": f.help(lang)}))
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&list)?)?;
        return Ok(());
    }
    // A list, not a table: the allowed values are too long for a column at 80 columns.
    let width = ctx.width();
    for f in FACTS {
        let (allowed, default) = (f.allowed_in(lang), crate::facts::label(f.default, lang));
        write!(
            out,
            "{}",
            wrap(&format!("{}  {}", f.name, f.help(lang)), width, "    ")
        )?;
        let line = tr!(
            lang,
            "    可以是：{allowed}；默认 {default}",
            "    allowed: {allowed}; default {default}"
        );
        write!(out, "{}", wrap(&line, width, "      "))?;
    }
    writeln!(
        out,
        "{}",
        lang.pick(
            "修改：newborn set FACT=VALUE，例如 newborn set father_hukou=外省",
            "Change one: newborn set FACT=VALUE, e.g. newborn set father_hukou=other"
        )
    )?;
    Ok(())
}

/// Whether prompts can be shown (standard input and output are a terminal).
pub(crate) fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}
