//! Raw scenarios → scenarios that can run: every region, step, fact, value, status, route and
//! warning kind is checked against the region's playbook, and each mistake is reported with
//! file, line and column in the interface language, as `newborn check` does for playbooks.

use super::raw::{RawExpect, RawFile, RawScenario, RawStepExpect, S, Value};
use super::{Expectation, Scenario, StepWant, Want};
use crate::diagnostic::{Diagnostic, SourceFile};
use crate::facts::{Facts, hint};
use crate::family::{Profile, Progress};
use crate::lang::{Lang, Say, tr};
use crate::plan::{Status, Warning};
use crate::playbook::Playbook;
use crate::registry::Registry;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::ops::Range;
use toml::Spanned;
use toml::value::Datetime;

/// Parses a scenario file; unknown keys, wrong types and TOML syntax errors are located.
pub(crate) fn parse(file: &SourceFile, lang: Lang) -> Result<RawFile, Diagnostic> {
    toml::from_str::<RawFile>(&file.text).map_err(|e| {
        let message = serde_message(e.message().trim_end(), lang);
        match e.span() {
            Some(span) => Diagnostic::at(file, span, message),
            None => Diagnostic::file(&file.name, message),
        }
    })
}

/// A message of the TOML reader, with its usual shapes said in the interface language.
fn serde_message(message: &str, lang: Lang) -> String {
    let quoted = |text: &str| -> Vec<String> {
        text.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    if let Some(rest) = message.strip_prefix("unknown field ") {
        let names = quoted(rest);
        if let Some((field, allowed)) = names.split_first() {
            let near = hint(field, allowed.iter().map(String::as_str), lang);
            let allowed = lang.list(allowed);
            return tr!(
                lang,
                "没有 `{field}` 这个键{near}；这里可以用：{allowed}",
                "unknown key `{field}`{near}; allowed here: {allowed}"
            );
        }
    }
    if let Some(rest) = message.strip_prefix("missing field ") {
        let field = quoted(rest).into_iter().next().unwrap_or_default();
        return tr!(lang, "缺少 `{field}`", "`{field}` is missing");
    }
    match lang {
        Lang::Zh => format!("读不懂这里：{message}"),
        Lang::En => message.to_string(),
    }
}

/// The playbooks the scenarios of a run plan from, each loaded once.
#[derive(Default)]
pub(crate) struct Playbooks {
    loaded: BTreeMap<String, Result<Playbook, String>>,
}

impl Playbooks {
    /// The playbook `id` (checked once), or why it does not load, in `lang`.
    fn load(&mut self, registry: &Registry, id: &str, lang: Lang) -> Result<&Playbook, String> {
        self.loaded
            .entry(id.to_string())
            .or_insert_with(|| registry.load(id).map_err(|e| e.say(lang)))
            .as_ref()
            .map_err(Clone::clone)
    }

    pub(crate) fn get(&self, id: &str) -> Option<&Playbook> {
        self.loaded.get(id).and_then(|p| p.as_ref().ok())
    }
}

/// Checks every scenario of a file: those that are right, and the mistakes of the others.
pub(crate) fn check(
    file: &SourceFile,
    raw: RawFile,
    registry: &Registry,
    playbooks: &mut Playbooks,
    lang: Lang,
) -> (Vec<Scenario>, Vec<Diagnostic>) {
    let mut c = Checker {
        file,
        lang,
        errors: Vec::new(),
    };
    let mut scenarios = Vec::new();
    let mut names: Vec<&S> = Vec::new();
    for raw in &raw.scenario {
        if let Some(first) = names.iter().find(|n| n.get_ref() == raw.name.get_ref()) {
            let line = Diagnostic::at(file, first.span(), "").line;
            let name = raw.name.get_ref();
            c.error(
                raw.name.span(),
                tr!(
                    lang,
                    "第 {line} 行已经有叫“{name}”的场景：每个场景的名字要不同",
                    "line {line} already has a scenario named \"{name}\": names must differ"
                ),
            );
        }
        names.push(&raw.name);
        let before = c.errors.len();
        let scenario = c.scenario(raw, registry, playbooks);
        if c.errors.len() == before
            && let Some(s) = scenario
        {
            scenarios.push(s);
        }
    }
    if raw.scenario.is_empty() {
        c.errors.push(Diagnostic::file(
            &file.name,
            lang.pick(
                "文件里没有场景：每个场景以 [[scenario]] 开头",
                "no scenario in the file: each starts with [[scenario]]",
            ),
        ));
    }
    c.errors.sort_by_key(|d| (d.line, d.column));
    (scenarios, c.errors)
}

struct Checker<'f> {
    file: &'f SourceFile,
    lang: Lang,
    errors: Vec<Diagnostic>,
}

/// The ids of a playbook's steps, sorted, once each.
fn step_ids(playbook: &Playbook) -> Vec<&str> {
    let mut ids: Vec<&str> = playbook.steps.iter().map(|s| &*s.id).collect();
    ids.sort_unstable();
    ids.dedup();
    ids
}

impl Checker<'_> {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>) {
        self.errors
            .push(Diagnostic::at(self.file, span, message.into()));
    }

    fn scenario(
        &mut self,
        raw: &RawScenario,
        registry: &Registry,
        playbooks: &mut Playbooks,
    ) -> Option<Scenario> {
        let lang = self.lang;
        if raw.name.get_ref().trim().is_empty() {
            self.error(
                raw.name.span(),
                lang.pick(
                    "场景要有名字：写一句说明这个家庭和要检查什么",
                    "a scenario needs a name: a sentence saying who the family is and what is checked",
                ),
            );
        }
        let birth = self.date(&raw.birth_date, "birth_date");
        let today = self.date(&raw.today, "today");
        let plan_lang = match raw.lang.as_ref().map(|l| (l, l.get_ref().as_str())) {
            None | Some((_, "zh")) => Lang::Zh,
            Some((_, "en")) => Lang::En,
            Some((l, other)) => {
                self.error(
                    l.span(),
                    tr!(
                        lang,
                        "lang 不能是“{other}”；允许的值：zh、en",
                        "`{other}` is not allowed for lang; allowed: zh, en"
                    ),
                );
                Lang::Zh
            }
        };
        let region = match registry.resolve(raw.region.get_ref()) {
            Ok(id) => id,
            Err(e) => {
                self.error(raw.region.span(), e.say(lang));
                return None;
            }
        };
        let playbook = match playbooks.load(registry, &region, lang) {
            Ok(p) => p,
            Err(why) => {
                self.error(
                    raw.region.span(),
                    tr!(
                        lang,
                        "“{region}”的手册读不了：\n{why}",
                        "the playbook `{region}` does not load:\n{why}"
                    ),
                );
                return None;
            }
        };
        let facts = self.facts(&raw.facts);
        let progress = self.progress(raw, playbook, birth, today);
        let expectations = match &raw.expect {
            Some(e) => self.expectations(e, playbook),
            None => Vec::new(),
        };
        Some(Scenario {
            name: raw.name.get_ref().clone(),
            name_span: raw.name.span(),
            profile: Profile {
                region,
                birth_date: birth?,
                facts,
            },
            progress,
            today: today?,
            lang: plan_lang,
            expectations,
        })
    }

    fn date(&mut self, value: &Spanned<Datetime>, key: &str) -> Option<NaiveDate> {
        let date = date_of(value.get_ref());
        if date.is_none() {
            let lang = self.lang;
            self.error(
                value.span(),
                tr!(
                    lang,
                    "{key} 要写成日期，例如 2026-10-08（不带时间，不加引号）",
                    "{key} must be a date like 2026-10-08 (no time, no quotes)"
                ),
            );
        }
        date
    }

    fn facts(&mut self, raw: &BTreeMap<S, Value>) -> Facts {
        let lang = self.lang;
        let mut facts = Facts::default();
        for (name, value) in raw {
            let text = match value.get_ref() {
                toml::Value::String(s) => s.clone(),
                toml::Value::Boolean(b) => b.to_string(),
                toml::Value::Integer(n) => n.to_string(),
                _ => {
                    self.error(
                        value.span(),
                        tr!(
                            lang,
                            "事实的值要写成文字、true/false 或整数",
                            "a fact's value is a word, true/false or a whole number"
                        ),
                    );
                    continue;
                }
            };
            if let Err(e) = facts.set(name.get_ref(), &text) {
                let span = match e {
                    crate::facts::FactError::UnknownFact { .. } => name.span(),
                    _ => value.span(),
                };
                self.error(span, e.say(lang));
            }
        }
        facts
    }

    /// A step id of the playbook, or a located mistake naming the closest.
    fn step<'p>(&mut self, id: &S, playbook: &'p Playbook) -> Option<&'p str> {
        let ids = step_ids(playbook);
        if let Some(found) = ids.iter().find(|i| **i == id.get_ref()) {
            return Some(found);
        }
        let lang = self.lang;
        let (text, pid) = (id.get_ref(), &playbook.id);
        let near = hint(text, ids.iter().copied(), lang);
        let all = lang.list(&ids);
        self.error(
            id.span(),
            tr!(
                lang,
                "“{pid}”的手册里没有“{text}”这个事项{near}；事项：{all}",
                "the playbook `{pid}` has no step `{text}`{near}; steps: {all}"
            ),
        );
        None
    }

    fn progress(
        &mut self,
        raw: &RawScenario,
        playbook: &Playbook,
        birth: Option<NaiveDate>,
        today: Option<NaiveDate>,
    ) -> Progress {
        let lang = self.lang;
        let mut progress = Progress::new();
        for (id, on) in &raw.done {
            let Some(step) = self.step(id, playbook) else {
                continue;
            };
            let Some(day) = self.date(on, step) else {
                continue;
            };
            if let Some(today) = today
                && day > today
            {
                self.error(
                    on.span(),
                    tr!(
                        lang,
                        "{step} 在 {day} 办完，晚于 today（{today}）：只写到 today 为止办完的事项",
                        "{step} done on {day}, after today ({today}): only steps done by today count"
                    ),
                );
            }
            if let Some(birth) = birth
                && day < birth
            {
                self.error(
                    on.span(),
                    tr!(
                        lang,
                        "{step} 在 {day} 办完，早于出生日期（{birth}）",
                        "{step} done on {day}, before the birth date ({birth})"
                    ),
                );
            }
            progress.done.insert(step.to_string(), day);
        }
        for id in &raw.skipped {
            let Some(step) = self.step(id, playbook) else {
                continue;
            };
            if !playbook.steps.iter().any(|s| s.id == step && s.optional) {
                let optional: Vec<&str> = (playbook.steps.iter())
                    .filter(|s| s.optional)
                    .map(|s| &*s.id)
                    .collect();
                let optional = if optional.is_empty() {
                    lang.pick("（没有）", "(none)").to_string()
                } else {
                    lang.list(&optional)
                };
                self.error(
                    id.span(),
                    tr!(
                        lang,
                        "{step} 不是可选事项，不能不办；可选的事项：{optional}",
                        "{step} is not optional, so it cannot be skipped; optional steps: {optional}"
                    ),
                );
            } else if progress.is_done(step) {
                self.error(
                    id.span(),
                    tr!(
                        lang,
                        "{step} 在 done 里已经办完了，不能同时不办",
                        "{step} is done (under done); it cannot be skipped too"
                    ),
                );
            }
            progress.skipped.insert(step.to_string());
        }
        progress
    }

    fn expectations(&mut self, raw: &RawExpect, playbook: &Playbook) -> Vec<Expectation> {
        let lang = self.lang;
        let mut out = Vec::new();
        if let Some(route) = &raw.route {
            let routes: Vec<&str> = playbook.routes.iter().map(|r| &*r.id).collect();
            if let Some(want) = self.id_or_false(route, "route") {
                match want {
                    Some(id) if !routes.contains(&id.as_str()) => {
                        let near = hint(&id, routes.iter().copied(), lang);
                        let all = if routes.is_empty() {
                            lang.pick("（没有路线，写 false）", "(none: write false)")
                                .to_string()
                        } else {
                            lang.list(&routes)
                        };
                        let pid = &playbook.id;
                        self.error(
                            route.span(),
                            tr!(
                                lang,
                                "“{pid}”的手册里没有“{id}”这条路线{near}；路线：{all}",
                                "the playbook `{pid}` has no route `{id}`{near}; routes: {all}"
                            ),
                        );
                    }
                    want => out.push(Expectation::new(route.span(), Want::Route(want))),
                }
            }
        }
        if let Some(next) = &raw.next
            && let Some(want) = self.id_or_false(next, "next")
        {
            let want = match want {
                Some(id) => self
                    .step(&Spanned::new(next.span(), id), playbook)
                    .map(|id| Some(id.to_string())),
                None => Some(None),
            };
            if let Some(want) = want {
                out.push(Expectation::new(next.span(), Want::Next(want)));
            }
        }
        for (id, want) in &raw.steps {
            if let Some(step) = self.step(id, playbook) {
                self.step_expectations(step, want, playbook, &mut out);
            }
        }
        if let Some(kinds) = &raw.warnings {
            let mut want = Vec::new();
            for k in kinds.get_ref() {
                if Warning::KINDS.contains(&k.get_ref().as_str()) {
                    want.push(k.get_ref().clone());
                } else {
                    let (kind, near) = (k.get_ref(), hint(k.get_ref(), Warning::KINDS, lang));
                    let all = lang.list(&Warning::KINDS);
                    self.error(
                        k.span(),
                        tr!(
                            lang,
                            "没有“{kind}”这种提醒{near}；提醒的种类：{all}",
                            "there is no warning kind `{kind}`{near}; kinds: {all}"
                        ),
                    );
                }
            }
            want.sort();
            want.dedup();
            out.push(Expectation::new(kinds.span(), Want::Warnings(want)));
        }
        if let Some(o) = &raw.out_of_scope {
            out.push(Expectation::new(o.span(), Want::OutOfScope(*o.get_ref())));
        }
        for (list, present) in [(&raw.text, true), (&raw.lacks, false)] {
            for t in list {
                if self.nonempty(t) {
                    let text = t.get_ref().clone();
                    out.push(Expectation::new(t.span(), Want::Text { text, present }));
                }
            }
        }
        out
    }

    fn step_expectations(
        &mut self,
        id: &str,
        raw: &RawStepExpect,
        playbook: &Playbook,
        out: &mut Vec<Expectation>,
    ) {
        let lang = self.lang;
        let mut push = |span: Range<usize>, want: StepWant| {
            out.push(Expectation::new(
                span,
                Want::Step {
                    id: id.to_string(),
                    want,
                },
            ));
        };
        if let Some(s) = &raw.status {
            match Status::ALL.iter().find(|x| x.as_str() == s.get_ref()) {
                Some(status) => push(s.span(), StepWant::Status(*status)),
                None => {
                    let names: Vec<&str> = Status::ALL.iter().map(|x| x.as_str()).collect();
                    let (text, near) =
                        (s.get_ref(), hint(s.get_ref(), names.iter().copied(), lang));
                    let all = lang.list(&names);
                    self.error(
                        s.span(),
                        tr!(
                            lang,
                            "没有“{text}”这个状态{near}；状态：{all}",
                            "there is no status `{text}`{near}; statuses: {all}"
                        ),
                    );
                }
            }
        }
        if let Some(a) = &raw.applies {
            push(a.span(), StepWant::Applies(*a.get_ref()));
        }
        type Dated = fn(Option<NaiveDate>) -> StepWant;
        let dates: [(&Option<Value>, &str, Dated); 4] = [
            (&raw.deadline, "deadline", StepWant::Deadline),
            (&raw.window, "window", StepWant::Window),
            (
                &raw.earliest_start,
                "earliest_start",
                StepWant::EarliestStart,
            ),
            (&raw.office_day, "office_day", StepWant::OfficeDay),
        ];
        for (value, key, want) in dates {
            if let Some(v) = value
                && let Some(date) = self.date_or_false(v, key)
            {
                push(v.span(), want(date));
            }
        }
        if let Some(n) = &raw.number {
            match usize::try_from(*n.get_ref()) {
                Ok(number) if number >= 1 => push(n.span(), StepWant::Number(number)),
                _ => self.error(
                    n.span(),
                    lang.pick(
                        "number 是清单里的序号，从 1 起",
                        "number is the step's number in the plan, from 1",
                    ),
                ),
            }
        }
        for other in &raw.before {
            if let Some(o) = self.step(other, playbook) {
                if o == id {
                    self.error(
                        other.span(),
                        tr!(
                            lang,
                            "{id} 不能排在它自己前面",
                            "{id} cannot come before itself"
                        ),
                    );
                } else {
                    push(other.span(), StepWant::Before(o.to_string()));
                }
            }
        }
        for (list, present) in [(&raw.text, true), (&raw.lacks, false)] {
            for t in list {
                if self.nonempty(t) {
                    let text = t.get_ref().clone();
                    push(t.span(), StepWant::Text { text, present });
                }
            }
        }
    }

    fn nonempty(&mut self, t: &S) -> bool {
        if t.get_ref().trim().is_empty() {
            let lang = self.lang;
            self.error(
                t.span(),
                lang.pick("空的文字什么都查不了", "an empty text checks nothing"),
            );
            return false;
        }
        true
    }

    /// An id, or `false` for none (`Some(None)`); `None` after a mistake.
    fn id_or_false(&mut self, v: &Value, key: &str) -> Option<Option<String>> {
        match v.get_ref() {
            toml::Value::String(s) => Some(Some(s.clone())),
            toml::Value::Boolean(false) => Some(None),
            _ => {
                let lang = self.lang;
                self.error(
                    v.span(),
                    tr!(
                        lang,
                        "{key} 要写成 ID（加引号），没有的话写 false",
                        "{key} is an id (in quotes), or false for none"
                    ),
                );
                None
            }
        }
    }

    /// A date, or `false` for none (`Some(None)`); `None` after a mistake.
    fn date_or_false(&mut self, v: &Value, key: &str) -> Option<Option<NaiveDate>> {
        match v.get_ref() {
            toml::Value::Boolean(false) => return Some(None),
            toml::Value::Datetime(dt) => {
                if let Some(date) = date_of(dt) {
                    return Some(Some(date));
                }
            }
            _ => {}
        }
        let lang = self.lang;
        self.error(
            v.span(),
            tr!(
                lang,
                "{key} 要写成日期，例如 2026-11-08（不加引号），没有的话写 false",
                "{key} is a date like 2026-11-08 (no quotes), or false for none"
            ),
        );
        None
    }
}

fn date_of(dt: &Datetime) -> Option<NaiveDate> {
    match (dt.date, dt.time, dt.offset) {
        (Some(d), None, None) => {
            NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into())
        }
        _ => None,
    }
}
