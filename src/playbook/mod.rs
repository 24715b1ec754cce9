//! A region's playbook: the checked model the engine plans from.
//!
//! Files are read by [`raw`], checked and merged with the playbook they extend by [`validate`].
//! A loaded playbook cannot hold a dangling prerequisite, a cycle, an unknown fact or value, or a
//! malformed duration.

mod kinds;
pub(crate) mod raw;
pub(crate) mod validate;

use crate::condition::Expr;
use crate::period::{Period, Range, Rule};
use chrono::NaiveDate;
use serde::Serialize;

pub use kinds::{Channel, MaterialKind, Trust, Who};
pub use raw::Text;
pub(crate) use validate::{build, parse_file};

/// A document a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    pub id: Text,
    pub title: Text,
    pub issuer: Text,
    pub date: Option<NaiveDate>,
    pub trust: Trust,
    /// The seed file it was taken from.
    pub file: Option<Text>,
    pub url: Option<Text>,
    pub note: Option<Text>,
}

/// Where in a source a rule is stated.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Cite {
    pub doc: Text,
    pub section: Text,
}

/// A helpline or office number stated by a source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Contact {
    pub name: Text,
    pub phone: Text,
    pub note: Option<Text>,
    /// The steps it serves (shown with them); empty: the playbook as a whole.
    pub steps: Vec<Text>,
    pub source: Cite,
}

/// A condition that holds when every clause holds; each clause says in words what it requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedCondition {
    pub id: Text,
    pub title: Text,
    pub title_en: Option<Text>,
    pub clauses: Vec<Clause>,
    pub source: Cite,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clause {
    pub when: Expr,
    pub text: Text,
}

/// A way through the steps: the bundled application, or separate steps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    pub id: Text,
    pub title: Text,
    pub title_en: Option<Text>,
    /// `None`: the fallback, taken when no earlier route's condition holds.
    pub when: Option<Expr>,
    pub summary: Option<Text>,
    pub source: Option<Cite>,
    /// The families this route's own steps cover.
    pub scope: Option<Scope>,
    /// The steps whose being done keeps a family on this route (empty: any step only this route
    /// has).
    pub started_by: Vec<Text>,
}

/// The families a playbook, a route or a step covers. A family outside a playbook's scope is
/// planned from the playbook it extends; outside a step's, it is told to do that step at its
/// hukou place (or is given the parent playbook's step of that id, e.g. the national rule).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scope {
    pub when: Expr,
    pub text: Text,
    pub source: Cite,
}

/// What a deadline counts from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Anchor {
    Birth,
    /// The day another step was done.
    Step(Text),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Deadline {
    pub rule: Rule,
    pub from: Anchor,
    pub binds: Binds,
    pub note: Option<Text>,
    /// Where the deadline comes from, when not the step's own source.
    pub source: Option<Cite>,
}

/// What a deadline binds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Binds {
    /// The family's act (applying, declaring): overdue when not done by the deadline.
    #[default]
    Act,
    /// The step's result, which an office produces: not overdue while the family waits for it.
    Result,
}

/// The last day a step can be done at all (an "under N months" limit, a bundle's window):
/// after it, the step is missed, not overdue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    /// Counted from the birth.
    pub rule: Rule,
    pub note: Option<Text>,
    pub source: Option<Cite>,
}

/// What to do after a step's deadline or window has passed, as a source says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Late {
    pub text: Text,
    pub source: Option<Cite>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Material {
    pub name: Text,
    pub name_en: Option<Text>,
    pub kind: MaterialKind,
    pub originals: u32,
    pub copies: u32,
    pub note: Option<Text>,
    #[serde(skip)]
    pub when: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tip {
    pub text: Text,
    pub when: Option<Expr>,
    /// The day it is read on, when not today.
    pub day: Option<TipDay>,
    pub source: Option<Cite>,
}

/// The day a tip is read on, when not today (`day = "done"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TipDay {
    /// The day its step was done; until then, the end of each of the next 12 months.
    Done,
}

/// One thing to get done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    pub id: Text,
    pub title: Text,
    pub title_en: Option<Text>,
    pub when: Option<Expr>,
    pub materials: Vec<Material>,
    pub tips: Vec<Tip>,
    /// Not before this long after birth (a scheduled check).
    pub start: Option<Period>,
    /// How long after it is done its result comes (approval, payment showing, refund).
    pub lead_time: Option<Range>,
    pub channel: Channel,
    pub who: Who,
    pub in_person: bool,
    pub optional: bool,
    pub deadline: Option<Deadline>,
    pub window: Option<Window>,
    /// What to do once the deadline or window has passed.
    pub late: Option<Late>,
    /// The families this step covers (see [`Scope`]).
    pub scope: Option<Scope>,
    /// A true/false fact this step mirrors: once it is done, the fact holds (unless the family
    /// stated the fact).
    pub fact: Option<Text>,
    /// Only on this route; `None`: on every route.
    pub route: Option<Text>,
    pub requires: Vec<Text>,
    pub summary: Option<Text>,
    pub agency: Option<Text>,
    pub path: Option<Text>,
    pub missed: Option<Text>,
    pub lead_time_note: Option<Text>,
    pub source: Cite,
    /// The playbook the step comes from.
    pub origin: Text,
}

/// A checked playbook, merged with the playbooks it extends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Playbook {
    pub id: Text,
    pub name: Text,
    pub name_en: Option<Text>,
    pub summary: Option<Text>,
    pub reviewed: NaiveDate,
    /// The ids of this playbook and those it extends, up to the root, e.g. nanning, guangxi,
    /// national.
    pub lineage: Vec<Text>,
    /// The playbook it extends, checked, when this one, a route or a step has a `scope`: a family
    /// outside it is planned from it (or given its step).
    pub parent: Option<Box<Playbook>>,
    pub scope: Option<Scope>,
    pub sources: Vec<Source>,
    pub contacts: Vec<Contact>,
    pub conditions: Vec<NamedCondition>,
    pub routes: Vec<Route>,
    pub steps: Vec<Step>,
}

impl Step {
    /// The title in the interface language (English where the playbook gives it).
    pub fn title(&self, lang: crate::lang::Lang) -> &str {
        match (lang, &self.title_en) {
            (crate::lang::Lang::En, Some(en)) => en,
            _ => &self.title,
        }
    }
}

impl NamedCondition {
    /// The title in the interface language (English where the playbook gives it).
    pub fn title(&self, lang: crate::lang::Lang) -> &str {
        match (lang, &self.title_en) {
            (crate::lang::Lang::En, Some(en)) => en,
            _ => &self.title,
        }
    }
}

impl Route {
    /// The title in the interface language (English where the playbook gives it).
    pub fn title(&self, lang: crate::lang::Lang) -> &str {
        match (lang, &self.title_en) {
            (crate::lang::Lang::En, Some(en)) => en,
            _ => &self.title,
        }
    }
}

impl Playbook {
    /// The id of the playbook this one extends, if any.
    pub(crate) fn extends(&self) -> Option<&str> {
        self.lineage.get(1).map(|id| &**id)
    }

    /// The region's name in the interface language.
    pub fn name(&self, lang: crate::lang::Lang) -> &str {
        match (lang, &self.name_en) {
            (crate::lang::Lang::En, Some(en)) => en,
            _ => &self.name,
        }
    }

    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }

    pub(crate) fn condition(&self, id: &str) -> Option<&NamedCondition> {
        self.conditions.iter().find(|c| c.id == id)
    }

    pub(crate) fn route(&self, id: &str) -> Option<&Route> {
        self.routes.iter().find(|r| r.id == id)
    }

    /// The facts this playbook (with the playbooks it builds on) asks about, in `FACTS` order:
    /// in conditions, scopes, tips and their texts' placeholders.
    pub(crate) fn facts_used(&self) -> Vec<&'static str> {
        let mut names: Vec<String> = Vec::new();
        let mut add = |e: &Expr| names.extend(e.names().into_iter().map(str::to_string));
        let mut texts: Vec<&str> = Vec::new();
        let mut book = Some(self);
        while let Some(p) = book {
            for s in &p.steps {
                s.when.iter().for_each(&mut add);
                s.scope.iter().for_each(|sc| add(&sc.when));
                s.materials
                    .iter()
                    .for_each(|m| m.when.iter().for_each(&mut add));
                for t in &s.tips {
                    t.when.iter().for_each(&mut add);
                    texts.push(&t.text);
                }
            }
            for r in &p.routes {
                r.when.iter().for_each(&mut add);
                r.scope.iter().for_each(|sc| add(&sc.when));
            }
            for c in &p.conditions {
                c.clauses.iter().for_each(|cl| add(&cl.when));
            }
            p.scope.iter().for_each(|sc| add(&sc.when));
            book = p.parent.as_deref();
        }
        for text in texts {
            if let Ok(found) = crate::condition::placeholders(text) {
                names.extend(found.into_iter().map(|p| p.name));
            }
        }
        crate::facts::FACTS
            .iter()
            .map(|f| f.name)
            .filter(|f| names.iter().any(|n| n == f))
            .collect()
    }

    /// Whether a step of this playbook or one it extends stands for `fact`: the family decides
    /// it by doing or skipping that step, so it is never "assumed" while undecided.
    pub(crate) fn step_stands_for(&self, fact: &str) -> bool {
        let mut book = Some(self);
        while let Some(p) = book {
            if p.steps.iter().any(|s| s.fact.as_deref() == Some(fact)) {
                return true;
            }
            book = p.parent.as_deref();
        }
        false
    }
}

impl Who {
    pub(crate) fn say(self, lang: crate::lang::Lang) -> &'static str {
        match lang {
            crate::lang::Lang::Zh => self.zh(),
            crate::lang::Lang::En => match self {
                Who::Mother => "the mother herself",
                Who::Father => "the father himself",
                Who::EitherParent => "either parent",
                Who::BothParents => "both parents",
                Who::Anyone => "anyone with the papers",
                Who::Institution => "the hospital or office does it (nothing for parents to do)",
            },
        }
    }

    pub(crate) fn zh(self) -> &'static str {
        match self {
            Who::Mother => "新生儿母亲本人",
            Who::Father => "新生儿父亲本人",
            Who::EitherParent => "父母任一方",
            Who::BothParents => "父母双方",
            Who::Anyone => "持材料的任何人",
            Who::Institution => "医院或经办机构办理（家长无需操作）",
        }
    }
}

impl Channel {
    pub(crate) fn say(self, lang: crate::lang::Lang) -> &'static str {
        match lang {
            crate::lang::Lang::Zh => self.zh(),
            crate::lang::Lang::En => match self {
                Channel::Online => "online",
                Channel::Office => "at an office",
                Channel::OnlineOrOffice => "online or at an office",
            },
        }
    }

    pub(crate) fn zh(self) -> &'static str {
        match self {
            Channel::Online => "线上",
            Channel::Office => "线下窗口",
            Channel::OnlineOrOffice => "线上或线下",
        }
    }
}

impl Trust {
    pub(crate) fn say(self, lang: crate::lang::Lang) -> &'static str {
        match (lang, self) {
            (crate::lang::Lang::Zh, t) => t.zh(),
            (crate::lang::Lang::En, Trust::Official) => "official text",
            (crate::lang::Lang::En, Trust::ExperienceReport) => {
                "a parent's experience report, not an official rule"
            }
        }
    }

    pub(crate) fn zh(self) -> &'static str {
        match self {
            Trust::Official => "官方文件",
            Trust::ExperienceReport => "家长经验分享，非官方规定",
        }
    }
}

impl MaterialKind {
    pub(crate) fn zh(self) -> &'static str {
        match self {
            MaterialKind::Paper => "纸质",
            MaterialKind::Electronic => "电子版",
            MaterialKind::Photo => "照片",
            MaterialKind::Information => "信息",
        }
    }
}

impl Material {
    /// The quantity in the interface language.
    pub(crate) fn quantity(&self, lang: crate::lang::Lang) -> String {
        if lang == crate::lang::Lang::Zh {
            return self.quantity_zh();
        }
        match self.kind {
            MaterialKind::Paper => {
                let mut parts = Vec::new();
                if self.originals > 0 {
                    parts.push(format!("{} original(s)", self.originals));
                }
                if self.copies > 0 {
                    parts.push(format!("{} copy/copies", self.copies));
                }
                if parts.is_empty() {
                    "original".to_string()
                } else {
                    parts.join(", ")
                }
            }
            MaterialKind::Electronic => "electronic".to_string(),
            MaterialKind::Photo => "photo".to_string(),
            MaterialKind::Information => "information".to_string(),
        }
    }

    /// `原件1份，复印件1份` / `电子版` / `照片`.
    pub(crate) fn quantity_zh(&self) -> String {
        match self.kind {
            MaterialKind::Paper => {
                let mut parts = Vec::new();
                if self.originals > 0 {
                    parts.push(format!("原件{}份", self.originals));
                }
                if self.copies > 0 {
                    parts.push(format!("复印件{}份", self.copies));
                }
                if parts.is_empty() {
                    "原件".to_string()
                } else {
                    parts.join("，")
                }
            }
            other => other.zh().to_string(),
        }
    }
}
