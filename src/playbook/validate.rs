//! Raw playbooks → the checked model: merging with the playbooks a file extends, and every check
//! an author needs, each reported with file, line and column.

use super::raw::{self, RawCite, RawPlaybook, S};
use super::*;
use crate::condition::{self, ConditionError, Names};
use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};
use crate::facts::hint;
use crate::lang::Lang;
use crate::period::{self, PeriodError};
// Keys are ids from the files being checked; FxHash is enough and quicker than SipHash.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::collections::BTreeMap;

/// Parses one playbook file; unknown keys, wrong types and TOML syntax errors are located.
pub(crate) fn parse_file(file: &SourceFile) -> Result<RawPlaybook, Diagnostic> {
    toml::from_str::<RawPlaybook>(&file.text).map_err(|e| {
        let message = e.message().trim_end().to_string();
        match e.span() {
            Some(span) => Diagnostic::at(file, span, message),
            None => Diagnostic::file(&file.name, message),
        }
    })
}

/// Checks a chain of playbooks, root first (e.g. national, guangxi, nanning), and returns the
/// last one merged with those it extends.
pub(crate) fn build(chain: &[(SourceFile, RawPlaybook)]) -> Result<Playbook, Diagnostics> {
    let (last, init) = chain
        .split_last()
        .expect("a chain has at least one playbook");
    // The playbook it extends, checked on its own, is needed only to plan a family outside a
    // scope; every item of it is checked below anyway, as part of the merged chain.
    let scoped = chain.iter().any(|(_, r)| {
        r.scope.is_some()
            || r.routes.iter().any(|x| x.scope.is_some())
            || r.steps.iter().any(|x| x.scope.is_some())
    });
    let parent = if init.is_empty() || !scoped {
        None
    } else {
        Some(Box::new(build(init)?))
    };
    let mut step_ids: Vec<String> = chain
        .iter()
        .flat_map(|(_, r)| r.steps.iter().map(|s| s.id.get_ref().to_string()))
        .collect();
    step_ids.sort();
    step_ids.dedup();
    let mut v = Validator {
        chain,
        errors: Vec::new(),
        step_ids,
    };
    let playbook = v.playbook(last, parent);
    if v.errors.is_empty() {
        Ok(playbook)
    } else {
        Err(Diagnostics(v.errors))
    }
}

struct Validator<'a> {
    chain: &'a [(SourceFile, RawPlaybook)],
    errors: Vec<Diagnostic>,
    /// Every step id of the chain, sorted: conditions may name them (`done(…)`).
    step_ids: Vec<String>,
}

/// Items of every playbook in the chain, the later overriding the earlier by id.
struct Merged<'a, T> {
    items: Vec<(usize, &'a T)>,
}

impl<'a, T> Merged<'a, T> {
    fn new(
        chain: &'a [(SourceFile, RawPlaybook)],
        list: impl Fn(&'a RawPlaybook) -> &'a [T],
        id: impl Fn(&T) -> &str,
    ) -> Self {
        let mut items: Vec<(usize, &'a T)> = Vec::new();
        for (f, (_, raw)) in chain.iter().enumerate() {
            let own: HashSet<&str> = list(raw).iter().map(&id).collect();
            items.retain(|(fi, item)| *fi == f || !own.contains(id(item)));
            items.extend(list(raw).iter().map(|item| (f, item)));
        }
        Merged { items }
    }
}

fn date_of(dt: &toml::value::Datetime) -> Option<NaiveDate> {
    match (dt.date, dt.time) {
        (Some(d), None) => NaiveDate::from_ymd_opt(i32::from(d.year), d.month.into(), d.day.into()),
        _ => None,
    }
}

fn is_kebab(id: &str) -> bool {
    !id.is_empty()
        && id.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The named conditions defined so far, the step ids of the chain, and whether the condition is
/// a tip's read on its own day.
/// Named conditions so far, the playbook's step ids (sorted), and whether read on a tip's day.
struct ConditionNames<'a>(&'a [String], &'a [String], bool);

impl Names for ConditionNames<'_> {
    fn on_day(&self) -> bool {
        self.2
    }
    fn is_named(&self, name: &str) -> bool {
        self.0.iter().any(|n| n == name)
    }
    fn named(&self) -> Vec<&str> {
        self.0.iter().map(String::as_str).collect()
    }
    fn steps(&self) -> Vec<&str> {
        self.1.iter().map(String::as_str).collect()
    }
    fn is_step(&self, id: &str) -> bool {
        self.1.binary_search_by(|s| s.as_str().cmp(id)).is_ok()
    }
}

impl Validator<'_> {
    fn file(&self, f: usize) -> &SourceFile {
        &self.chain[f].0
    }

    fn error(&mut self, f: usize, span: std::ops::Range<usize>, message: impl Into<String>) {
        let d = Diagnostic::at(self.file(f), span, message);
        self.errors.push(d);
    }

    /// Where the text of a string value starts (after its opening quote or quotes).
    fn text_start(&self, f: usize, s: &S) -> usize {
        let span = s.span();
        let text = &self.file(f).text[span.clone()];
        span.start
            + if text.starts_with("\"\"\"") || text.starts_with("'''") {
                3
            } else {
                1
            }
    }

    fn condition(&mut self, f: usize, s: &S, names: &[String]) -> Option<Expr> {
        self.condition_on(f, s, names, false)
    }

    /// A condition; `on_day`: a tip's, read on its own day (`day = "done"`).
    fn condition_on(&mut self, f: usize, s: &S, names: &[String], on_day: bool) -> Option<Expr> {
        let names = ConditionNames(names, &self.step_ids, on_day);
        match condition::parse(s.get_ref(), &names) {
            Ok(e) => Some(e),
            Err(ConditionError { offset, message }) => {
                let at = self.text_start(f, s) + offset;
                let end = s.span().end.saturating_sub(1).max(at + 1);
                let word_end = s.get_ref()[offset.min(s.get_ref().len())..]
                    .find([' ', ')', ']', ','])
                    .map_or(end, |i| (at + i).max(at + 1));
                self.error(f, at..word_end.min(end), message);
                None
            }
        }
    }

    fn period_error(&mut self, f: usize, s: &S, e: PeriodError) {
        let at = self.text_start(f, s) + e.offset;
        let end = s.span().end.saturating_sub(1).max(at + 1);
        self.error(f, at..end, e.message);
    }

    fn cite(&mut self, f: usize, c: &RawCite, docs: &HashSet<&str>) -> Cite {
        if !docs.contains(c.doc.get_ref().as_ref()) {
            let mut all: Vec<&str> = docs.iter().copied().collect();
            all.sort();
            self.error(
                f,
                c.doc.span(),
                format!(
                    "unknown source `{}`{}; sources: {}",
                    c.doc.get_ref(),
                    hint(c.doc.get_ref(), docs.iter().copied(), Lang::En),
                    all.join(", ")
                ),
            );
        }
        if c.section.trim().is_empty() {
            self.error(f, c.doc.span(), "the citation needs a section");
        }
        Cite {
            doc: c.doc.get_ref().clone(),
            section: c.section.clone(),
        }
    }

    fn unique<'x>(&mut self, what: &str, ids: impl Iterator<Item = (usize, &'x S)>) {
        let mut seen: HashMap<(usize, &str), ()> = HashMap::default();
        for (f, id) in ids {
            if seen.insert((f, id.get_ref().as_ref()), ()).is_some() {
                self.error(
                    f,
                    id.span(),
                    format!("duplicate {what} id `{}`", id.get_ref()),
                );
            } else if !is_kebab(id.get_ref()) {
                self.error(
                    f,
                    id.span(),
                    format!(
                        "{what} id `{}` must be kebab-case (a-z, 0-9, -)",
                        id.get_ref()
                    ),
                );
            }
        }
    }

    fn playbook(
        &mut self,
        last: &(SourceFile, RawPlaybook),
        parent: Option<Box<Playbook>>,
    ) -> Playbook {
        let f_last = self.chain.len() - 1;
        let (_, raw) = last;
        let chain = self.chain;

        // The file's own header.
        if !is_kebab(raw.id.get_ref()) {
            self.error(
                f_last,
                raw.id.span(),
                "playbook id must be kebab-case (a-z, 0-9, -)",
            );
        }
        let reviewed = date_of(raw.reviewed.get_ref()).unwrap_or_else(|| {
            self.error(
                f_last,
                raw.reviewed.span(),
                "`reviewed` must be a date like 2026-11-23",
            );
            NaiveDate::MIN
        });
        if let (Some(ext), Some((_, p))) = (&raw.extends, f_last.checked_sub(1).map(|i| &chain[i]))
            && ext.get_ref() != p.id.get_ref()
        {
            self.error(
                f_last,
                ext.span(),
                format!(
                    "extends `{}`, but the chain has `{}`",
                    ext.get_ref(),
                    p.id.get_ref()
                ),
            );
        }

        // Sources.
        for (f, (_, r)) in chain.iter().enumerate() {
            self.unique("source", r.sources.iter().map(|s| (f, &s.id)));
            self.unique("condition", r.conditions.iter().map(|s| (f, &s.id)));
            self.unique("route", r.routes.iter().map(|s| (f, &s.id)));
        }
        let sources = Merged::new(chain, |r| &r.sources, |s: &raw::RawSource| s.id.get_ref());
        let docs: HashSet<&str> = sources
            .items
            .iter()
            .map(|(_, s)| s.id.get_ref().as_ref())
            .collect();
        let sources: Vec<Source> = sources
            .items
            .iter()
            .map(|(f, s)| Source {
                id: s.id.get_ref().clone(),
                title: s.title.clone(),
                issuer: s.issuer.clone(),
                date: s.date.as_ref().and_then(|d| {
                    let date = date_of(d.get_ref());
                    if date.is_none() {
                        self.error(*f, d.span(), "a source date must be a date like 2024-05-30");
                    }
                    date
                }),
                trust: s.trust,
                file: s.file.clone(),
                url: s.url.clone(),
                note: s.note.clone(),
            })
            .collect();

        // Contacts: every playbook's, in order.
        let mut contacts = Vec::new();
        for (f, (_, r)) in chain.iter().enumerate() {
            for c in &r.contacts {
                let source = self.cite(f, &c.source, &docs);
                for id in &c.steps {
                    if (self.step_ids)
                        .binary_search_by(|s| s.as_str().cmp(id.get_ref()))
                        .is_err()
                    {
                        let all = self.step_ids.iter().map(String::as_str);
                        let hint = hint(id.get_ref(), all, Lang::En);
                        self.error(
                            f,
                            id.span(),
                            format!("unknown step `{}`{hint}", id.get_ref()),
                        );
                    }
                }
                contacts.push(Contact {
                    name: c.name.clone(),
                    phone: c.phone.clone(),
                    note: c.note.clone(),
                    steps: c.steps.iter().map(|s| s.get_ref().clone()).collect(),
                    source,
                });
            }
        }

        // Named conditions: each may use the ones before it.
        let mut names: Vec<String> = Vec::new();
        let mut conditions = Vec::new();
        for (f, c) in Merged::new(
            chain,
            |r| &r.conditions,
            |c: &raw::RawCondition| c.id.get_ref(),
        )
        .items
        {
            if c.all.is_empty() {
                self.error(
                    f,
                    c.id.span(),
                    "a condition needs at least one clause in `all`",
                );
            }
            let clauses = c
                .all
                .iter()
                .filter_map(|cl| {
                    Some(Clause {
                        when: self.condition(f, &cl.when, &names)?,
                        text: cl.text.clone(),
                    })
                })
                .collect();
            let source = self.cite(f, &c.source, &docs);
            names.push(c.id.get_ref().to_string());
            conditions.push(NamedCondition {
                id: c.id.get_ref().clone(),
                title: c.title.clone(),
                title_en: c.title_en.clone(),
                clauses,
                source,
            });
        }

        // Scope: the file's own.
        let scope = raw
            .scope
            .as_ref()
            .and_then(|s| self.scope(f_last, s, &names, &docs));

        // Routes.
        let merged_routes = Merged::new(chain, |r| &r.routes, |r: &raw::RawRoute| r.id.get_ref());
        let route_count = merged_routes.items.len();
        let mut routes = Vec::new();
        for (i, (f, r)) in merged_routes.items.iter().enumerate() {
            let when = r.when.as_ref().and_then(|w| self.condition(*f, w, &names));
            if r.when.is_none() && i + 1 < route_count {
                self.error(
                    *f,
                    r.id.span(),
                    "only the last route may have no `when` (it is the fallback)",
                );
            }
            let source = r.source.as_ref().map(|c| self.cite(*f, c, &docs));
            let scope = r
                .scope
                .as_ref()
                .and_then(|s| self.scope(*f, s, &names, &docs));
            routes.push(Route {
                id: r.id.get_ref().clone(),
                title: r.title.clone(),
                title_en: r.title_en.clone(),
                when,
                summary: r.summary.clone(),
                source,
                scope,
                started_by: r.started_by.iter().map(|s| s.get_ref().clone()).collect(),
            });
        }
        let route_ids: Vec<&str> = routes.iter().map(|r| r.id.as_ref()).collect();

        // Steps: the parents' not redefined, then this file's.
        let merged = Merged::new(chain, |r| &r.steps, |s: &raw::RawStep| s.id.get_ref());
        self.step_ids(&merged.items, &route_ids);
        self.started_by(&merged_routes.items, &merged.items);
        let steps: Vec<Step> = merged
            .items
            .iter()
            .map(|(f, s)| self.step(*f, s, &names, &docs))
            .collect();
        self.graph(&merged.items, &route_ids);

        Playbook {
            id: raw.id.get_ref().clone(),
            name: raw.name.clone(),
            name_en: raw.name_en.clone(),
            summary: raw.summary.clone(),
            reviewed,
            lineage: chain
                .iter()
                .rev()
                .map(|(_, r)| r.id.get_ref().clone())
                .collect(),
            parent,
            scope,
            sources,
            contacts,
            conditions,
            routes,
            steps,
        }
    }

    /// A route's `started_by` names steps that only that route has.
    fn started_by(&mut self, routes: &[(usize, &raw::RawRoute)], steps: &[(usize, &raw::RawStep)]) {
        for (f, r) in routes {
            for id in &r.started_by {
                let with_id: Vec<Option<&str>> = steps
                    .iter()
                    .filter(|(_, s)| s.id.get_ref() == id.get_ref())
                    .map(|(_, s)| s.route.as_ref().map(|x| x.get_ref().as_ref()))
                    .collect();
                let only_here = !with_id.is_empty()
                    && with_id.iter().all(|x| *x == Some(r.id.get_ref().as_ref()));
                if !only_here {
                    self.error(
                        *f,
                        id.span(),
                        format!(
                            "`started_by` names `{}`, which is not a step only route `{}` has",
                            id.get_ref(),
                            r.id.get_ref()
                        ),
                    );
                }
            }
        }
    }

    fn scope(
        &mut self,
        f: usize,
        s: &raw::RawScope,
        names: &[String],
        docs: &HashSet<&str>,
    ) -> Option<Scope> {
        let when = self.condition(f, &s.when, names);
        let source = self.cite(f, &s.source, docs);
        Some(Scope {
            when: when?,
            text: s.text.clone(),
            source,
        })
    }

    fn rule(&mut self, f: usize, text: &S) -> Option<crate::period::Rule> {
        match period::parse_rule(text.get_ref()) {
            Ok(rule) => Some(rule),
            Err(e) => {
                self.period_error(f, text, e);
                None
            }
        }
    }

    /// Duplicate ids are allowed only as variants of one step on different routes.
    fn step_ids(&mut self, steps: &[(usize, &raw::RawStep)], routes: &[&str]) {
        let mut seen: HashMap<&str, Vec<Option<&str>>> = HashMap::default();
        for (f, s) in steps {
            let id = s.id.get_ref().as_ref();
            if !is_kebab(id) {
                self.error(
                    *f,
                    s.id.span(),
                    format!("step id `{id}` must be kebab-case (a-z, 0-9, -)"),
                );
            }
            let route = s.route.as_ref().map(|r| r.get_ref().as_ref());
            if let Some(r) = &s.route
                && !routes.contains(&r.get_ref().as_ref())
            {
                self.error(
                    *f,
                    r.span(),
                    format!(
                        "unknown route `{}`{}; routes: {}",
                        r.get_ref(),
                        hint(r.get_ref(), routes.iter().copied(), Lang::En),
                        if routes.is_empty() {
                            "(none defined)".to_string()
                        } else {
                            routes.join(", ")
                        }
                    ),
                );
            }
            let variants = seen.entry(id).or_default();
            if variants
                .iter()
                .any(|v| v.is_none() || route.is_none() || *v == route)
            {
                self.error(
                    *f,
                    s.id.span(),
                    format!("duplicate step id `{id}` (one id may appear twice only on different routes)"),
                );
            }
            variants.push(route);
        }
    }

    fn step(&mut self, f: usize, s: &raw::RawStep, names: &[String], docs: &HashSet<&str>) -> Step {
        let when = s.when.as_ref().and_then(|w| self.condition(f, w, names));
        let rule = s.deadline.as_ref().and_then(|d| self.rule(f, d));
        let window_rule = s.window.as_ref().and_then(|d| self.rule(f, d));
        self.keys_without_their_rule(f, s);
        let binds = match s.deadline_binds.as_ref().map(|b| (b, b.get_ref().as_ref())) {
            None | Some((_, "act")) => Binds::Act,
            Some((_, "result")) => Binds::Result,
            Some((b, other)) => {
                self.error(
                    f,
                    b.span(),
                    format!("`deadline_binds = \"{other}\"`: allowed: act, result"),
                );
                Binds::Act
            }
        };
        let deadline_source = s.deadline_source.as_ref().map(|c| self.cite(f, c, docs));
        let deadline = rule.map(|rule| Deadline {
            rule,
            from: match s.deadline_from.as_ref().map(|d| d.get_ref()) {
                Some(step) if step != "birth" => Anchor::Step(step.clone()),
                _ => Anchor::Birth,
            },
            binds,
            note: s.deadline_note.clone(),
            source: deadline_source,
        });
        let window_source = s.window_source.as_ref().map(|c| self.cite(f, c, docs));
        let window = window_rule.map(|rule| Window {
            rule,
            note: s.window_note.clone(),
            source: window_source,
        });
        let late = s.late.as_ref().map(|l| Late {
            text: l.text.clone(),
            source: l.source.as_ref().map(|c| self.cite(f, c, docs)),
        });
        let scope = s.scope.as_ref().and_then(|x| self.scope(f, x, names, docs));
        if let Some(fact) = &s.fact {
            self.mirrored_fact(f, fact);
        }
        let start = s
            .start
            .as_ref()
            .and_then(|p| match period::parse_period(p.get_ref()) {
                Ok(p) => Some(p),
                Err(e) => {
                    self.period_error(f, p, e);
                    None
                }
            });
        let lead_time = s
            .lead_time
            .as_ref()
            .and_then(|p| match period::parse_range(p.get_ref()) {
                Ok(p) => Some(p),
                Err(e) => {
                    self.period_error(f, p, e);
                    None
                }
            });
        let materials = s
            .materials
            .iter()
            .map(|m| Material {
                name: m.name.clone(),
                name_en: m.name_en.clone(),
                kind: m.kind,
                originals: m.originals,
                copies: m.copies,
                note: m.note.clone(),
                when: m.when.as_ref().and_then(|w| self.condition(f, w, names)),
            })
            .collect();
        let tips = (s.tips.iter())
            .map(|t| self.tip(f, t, names, docs))
            .collect();
        let source = self.cite(f, &s.source, docs);
        Step {
            id: s.id.get_ref().clone(),
            title: s.title.clone(),
            title_en: s.title_en.clone(),
            summary: s.summary.clone(),
            route: s.route.as_ref().map(|r| r.get_ref().clone()),
            when,
            agency: s.agency.clone(),
            channel: s.channel,
            path: s.path.clone(),
            who: s.who,
            in_person: s.in_person,
            optional: s.optional,
            requires: s.requires.iter().map(|r| r.get_ref().clone()).collect(),
            deadline,
            window,
            late,
            scope,
            fact: s.fact.as_ref().map(|x| x.get_ref().clone()),
            missed: s.missed.clone(),
            start,
            lead_time,
            lead_time_note: s.lead_time_note.clone(),
            materials,
            tips,
            source,
            origin: self.chain[f].1.id.get_ref().clone(),
        }
    }

    /// A key that qualifies a rule the step does not have (`deadline_note` without `deadline`).
    fn keys_without_their_rule(&mut self, f: usize, s: &raw::RawStep) {
        let deadline = s.deadline.is_some();
        let window = s.window.is_some();
        for (key, present, rule, has) in [
            (
                "deadline_from",
                s.deadline_from.is_some(),
                "deadline",
                deadline,
            ),
            (
                "deadline_binds",
                s.deadline_binds.is_some(),
                "deadline",
                deadline,
            ),
            (
                "deadline_note",
                s.deadline_note.is_some(),
                "deadline",
                deadline,
            ),
            (
                "deadline_source",
                s.deadline_source.is_some(),
                "deadline",
                deadline,
            ),
            ("window_note", s.window_note.is_some(), "window", window),
            ("window_source", s.window_source.is_some(), "window", window),
            (
                "lead_time_note",
                s.lead_time_note.is_some(),
                "lead_time",
                s.lead_time.is_some(),
            ),
        ] {
            if present && !has {
                let message = format!("step `{}` has `{key}` but no `{rule}`", s.id.get_ref());
                self.error(f, s.id.span(), message);
            }
        }
    }

    /// A step's `fact` must be a true/false fact.
    fn mirrored_fact(&mut self, f: usize, fact: &S) {
        if crate::facts::fact(fact.get_ref()).is_none_or(|d| d.ty != crate::facts::FactType::Bool) {
            let bools = crate::facts::FACTS
                .iter()
                .filter(|d| d.ty == crate::facts::FactType::Bool)
                .map(|d| d.name);
            let all: Vec<&str> = bools.clone().collect();
            self.error(
                f,
                fact.span(),
                format!(
                    "`fact = \"{}\"`: a step mirrors a true/false fact{}; facts: {}",
                    fact.get_ref(),
                    hint(fact.get_ref(), bools, Lang::En),
                    all.join(", ")
                ),
            );
        }
    }

    /// A tip: its day, its placeholders (and whether they suit the day), its condition.
    fn tip(&mut self, f: usize, t: &raw::RawTip, names: &[String], docs: &HashSet<&str>) -> Tip {
        let day = t.day.as_ref().and_then(|d| match d.get_ref().as_ref() {
            "done" => Some(TipDay::Done),
            other => {
                let message = format!("`day = \"{other}\"`: allowed: done");
                self.error(f, d.span(), message);
                None
            }
        });
        let on_day = t.day.is_some();
        match condition::placeholders(t.text.get_ref()) {
            Err(e) => {
                let at = self.text_start(f, &t.text) + e.offset;
                self.error(f, at..at + 1, e.message);
            }
            Ok(found) => {
                for p in found {
                    if let Some(message) = condition::day_misuse(&p.name, on_day) {
                        let at = self.text_start(f, &t.text) + p.range.start;
                        self.error(f, at..at + p.range.len(), message);
                    }
                }
            }
        }
        Tip {
            text: t.text.get_ref().clone(),
            when: (t.when.as_ref()).and_then(|w| self.condition_on(f, w, names, on_day)),
            day,
            source: t.source.as_ref().map(|c| self.cite(f, c, docs)),
        }
    }

    /// Prerequisites and `deadline_from` must name a step on every route the step is on; the
    /// graph on each route must have no cycle.
    fn graph(&mut self, steps: &[(usize, &raw::RawStep)], routes: &[&str]) {
        let route_list: Vec<Option<&str>> = if routes.is_empty() {
            vec![None]
        } else {
            routes.iter().map(|r| Some(*r)).collect()
        };
        let on_route = |s: &raw::RawStep, r: Option<&str>| match (&s.route, r) {
            (None, _) => true,
            (Some(sr), Some(r)) => sr.get_ref() == r,
            (Some(_), None) => false,
        };
        let all_ids: Vec<&str> = steps.iter().map(|(_, s)| s.id.get_ref().as_ref()).collect();
        let mut reported: HashSet<(usize, usize)> = HashSet::default();
        for route in &route_list {
            let here: Vec<&(usize, &raw::RawStep)> =
                steps.iter().filter(|(_, s)| on_route(s, *route)).collect();
            let index: BTreeMap<&str, usize> = here
                .iter()
                .enumerate()
                .map(|(i, (_, s))| (s.id.get_ref().as_ref(), i))
                .collect();
            let mut edges: Vec<Vec<usize>> = vec![Vec::new(); here.len()];
            for (i, (f, s)) in here.iter().enumerate() {
                let refs = s
                    .requires
                    .iter()
                    .chain(s.deadline_from.iter().filter(|d| d.get_ref() != "birth"));
                for r in refs {
                    match index.get(r.get_ref().as_ref()) {
                        Some(&j) => edges[i].push(j),
                        None => {
                            let key = (*f, r.span().start);
                            if !reported.insert(key) {
                                continue;
                            }
                            let msg = if all_ids.contains(&r.get_ref().as_ref()) {
                                format!(
                                    "`{}` is not on route `{}`, which `{}` is on",
                                    r.get_ref(),
                                    route.unwrap_or("-"),
                                    s.id.get_ref()
                                )
                            } else {
                                format!(
                                    "unknown step `{}`{}",
                                    r.get_ref(),
                                    hint(r.get_ref(), all_ids.iter().copied(), Lang::En)
                                )
                            };
                            self.error(*f, r.span(), msg);
                        }
                    }
                }
            }
            if let Some(cycle) = find_cycle(&edges) {
                let names: Vec<&str> = cycle
                    .iter()
                    .map(|&i| here[i].1.id.get_ref().as_ref())
                    .collect();
                let (f, first) = here[cycle[0]];
                let key = (*f, first.id.span().start);
                if reported.insert(key) {
                    self.error(
                        *f,
                        first.id.span(),
                        format!(
                            "prerequisites form a cycle: {} → {}",
                            names.join(" → "),
                            names[0]
                        ),
                    );
                }
            }
        }
    }
}

/// A cycle in a directed graph, as the nodes along it, if there is one.
fn find_cycle(edges: &[Vec<usize>]) -> Option<Vec<usize>> {
    #[derive(Clone, Copy, PartialEq)]
    enum Mark {
        New,
        Open,
        Done,
    }
    let mut mark = vec![Mark::New; edges.len()];
    let mut stack: Vec<usize> = Vec::new();
    for root in 0..edges.len() {
        if mark[root] != Mark::New {
            continue;
        }
        // Iterative DFS: (node, next edge index).
        let mut work = vec![(root, 0usize)];
        mark[root] = Mark::Open;
        stack.push(root);
        while let Some(&mut (node, ref mut next)) = work.last_mut() {
            if let Some(&to) = edges[node].get(*next) {
                *next += 1;
                match mark[to] {
                    Mark::New => {
                        mark[to] = Mark::Open;
                        stack.push(to);
                        work.push((to, 0));
                    }
                    Mark::Open => {
                        let pos = stack.iter().position(|&n| n == to).unwrap_or(0);
                        return Some(stack[pos..].to_vec());
                    }
                    Mark::Done => {}
                }
            } else {
                mark[node] = Mark::Done;
                stack.pop();
                work.pop();
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = r#"
id = "test"
name = "测试"
reviewed = 2026-11-23

[[sources]]
id = "doc"
title = "文件"
issuer = "某部门"
trust = "official"
"#;

    fn load(body: &str) -> Result<Playbook, String> {
        let file = SourceFile {
            name: "test.toml".into(),
            text: format!("{HEAD}{body}").into(),
        };
        let raw = parse_file(&file).map_err(|d| d.to_string())?;
        build(&[(file, raw)]).map_err(|d| d.to_string())
    }

    fn step(id: &str, extra: &str) -> String {
        format!(
            "\n[[steps]]\nid = \"{id}\"\ntitle = \"t\"\nchannel = \"online\"\nwho = \"mother\"\nsource = {{ doc = \"doc\", section = \"一\" }}\n{extra}\n"
        )
    }

    #[test]
    fn a_valid_playbook_loads() {
        let p = load(
            &(step("a", "deadline = \"within 30 working days\"")
                + &step("b", "requires = [\"a\"]")),
        )
        .unwrap();
        assert_eq!(p.steps.len(), 2);
        assert_eq!(p.steps[1].requires, vec!["a"]);
    }

    #[test]
    fn unknown_keys_are_located() {
        let e = load(&step("a", "deadlin = \"within 3 days\"")).unwrap_err();
        assert!(e.contains("unknown field `deadlin`"), "{e}");
        assert!(e.contains("test.toml:18:1"), "{e}");
    }

    #[test]
    fn duplicate_ids_dangling_prerequisites_and_cycles() {
        let e = load(&(step("a", "") + &step("a", ""))).unwrap_err();
        assert!(e.contains("duplicate step id `a`"), "{e}");
        let e = load(&step("a", "requires = [\"nope\"]")).unwrap_err();
        assert!(e.contains("unknown step `nope`"), "{e}");
        let e = load(
            &(step("a", "requires = [\"c\"]")
                + &step("b", "requires = [\"a\"]")
                + &step("c", "requires = [\"b\"]")),
        )
        .unwrap_err();
        assert!(
            e.contains("prerequisites form a cycle: a → c → b → a"),
            "{e}"
        );
    }

    #[test]
    fn bad_conditions_and_durations_point_inside_the_string() {
        let e = load(&step("a", "when = \"mother_hukou == cty\"")).unwrap_err();
        assert!(e.contains("unknown value `cty` for mother_hukou"), "{e}");
        assert!(e.contains("test.toml:18:25"), "{e}");
        assert!(e.contains("^^^"), "{e}");
        let e = load(&step("a", "deadline = \"within 30 workdays\"")).unwrap_err();
        assert!(e.contains("unknown unit `workdays`"), "{e}");
        assert!(e.contains("test.toml:18:23"), "{e}");
        let e = load(&step("a", "lead_time = \"5-3 days\"")).unwrap_err();
        assert!(e.contains("smaller number"), "{e}");
    }

    #[test]
    fn citations_and_routes_must_exist() {
        let e = load(&step("a", "").replace("doc = \"doc\"", "doc = \"dco\"")).unwrap_err();
        assert!(
            e.contains("unknown source `dco` (did you mean doc?)"),
            "{e}"
        );
        let e = load(&step("a", "route = \"bundle\"")).unwrap_err();
        assert!(e.contains("unknown route `bundle`"), "{e}");
    }

    #[test]
    fn one_id_on_two_routes_is_fine_and_each_route_is_checked() {
        let routes = "\n[[routes]]\nid = \"bundle\"\ntitle = \"b\"\nwhen = \"married\"\n[[routes]]\nid = \"separate\"\ntitle = \"s\"\n";
        let body = format!(
            "{routes}{}{}{}",
            step("x", "route = \"bundle\""),
            step("x", "route = \"separate\""),
            step("y", "requires = [\"x\"]")
        );
        let p = load(&body).unwrap();
        assert_eq!(p.steps.len(), 3);
        let body = format!(
            "{routes}{}{}",
            step("x", "route = \"bundle\""),
            step("y", "requires = [\"x\"]")
        );
        let e = load(&body).unwrap_err();
        assert!(e.contains("`x` is not on route `separate`"), "{e}");
    }
}
