//! The playbook file as written: serde structs that mirror the TOML, with spans for messages.
//! Unknown keys are refused. [`super::validate`] turns these into the checked model.
//!
//! The doc comments on the fields are the descriptions of `newborn schema` (the JSON Schema an
//! editor completes and checks a playbook with), taken from `docs/playbook-format.md`. The
//! schema's attributes apply only in the crate (`json_schema`, set by `build.rs`): the build
//! script compiles this file too, without schemars. Spanned fields appear as their plain type.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// Text from a playbook: borrowed from the binary for a shipped playbook (nothing to copy at
/// start-up), owned when read from a file.
pub type Text = std::borrow::Cow<'static, str>;

pub(crate) type S = Spanned<Text>;

/// A region's rules as data: sources, conditions, routes and steps. Every rule cites its source.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(title = "newborn playbook"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlaybook {
    /// Kebab-case id, e.g. `hebei`; a shipped playbook's file name is its id.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Id"))]
    pub id: S,
    /// Display name (Chinese).
    pub name: Text,
    /// Display name in English.
    pub name_en: Option<Text>,
    /// One paragraph shown in `show` and the export.
    pub summary: Option<Text>,
    /// TOML date the playbook was last checked against its sources; a plan more than a year later shows a reminder.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Date"))]
    pub reviewed: Spanned<Datetime>,
    /// Id of the playbook this one builds on (`national`; Nanning: `guangxi`). Steps, sources, conditions and routes of the parent are inherited; an item with the same `id` here replaces the parent's (a step id replaces every route variant of that id).
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Id>"))]
    pub extends: Option<S>,
    /// Families for whom `when` is false are told `text` and planned from the parent playbook only.
    pub scope: Option<RawScope>,
    /// The documents the rules come from.
    #[serde(default)]
    pub sources: Vec<RawSource>,
    /// Helplines stated by a source.
    #[serde(default)]
    pub contacts: Vec<RawContact>,
    /// Named derived conditions: each holds when every clause holds; the texts of unmet clauses explain why a route is not open. A condition may use conditions defined before it.
    #[serde(default)]
    pub conditions: Vec<RawCondition>,
    /// The ways through the steps. The first route whose `when` holds is taken; the last route may omit `when` (the fallback). A route on which the family has marked a route-only step done stays its route.
    #[serde(default)]
    pub routes: Vec<RawRoute>,
    /// The things to get done.
    #[serde(default)]
    pub steps: Vec<RawStep>,
}

/// The families a playbook, route or step covers.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Scope"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScope {
    /// The condition a covered family meets.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Condition"))]
    pub when: S,
    /// What a family outside it is told.
    pub text: Text,
    /// Citation.
    pub source: RawCite,
}

/// A document a rule comes from.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Source"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    /// Kebab-case id that citations name in `doc`.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Id"))]
    pub id: S,
    /// The document's title.
    pub title: Text,
    /// Who issued it.
    pub issuer: Text,
    /// The document's date.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Date>"))]
    pub date: Option<Spanned<Datetime>>,
    /// `official` or `experience_report`.
    pub trust: super::Trust,
    /// The seed file name it was taken from.
    pub file: Option<Text>,
    /// Where it is published.
    pub url: Option<Text>,
    /// Anything a reader should know about it.
    pub note: Option<Text>,
}

/// A citation: `{ doc = "<source id>", section = "<section of the document>" }`.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Cite"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCite {
    /// The id of a source.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Id"))]
    pub doc: S,
    /// The section of the document.
    pub section: Text,
}

/// A helpline stated by a source.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Contact"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContact {
    /// Whose number it is.
    pub name: Text,
    /// The number, as the source gives it.
    pub phone: Text,
    /// What it is for.
    pub note: Option<Text>,
    /// The steps the number is shown with (empty: shown only in the plan's list of numbers).
    #[serde(default)]
    #[cfg_attr(json_schema, schemars(with = "Vec<crate::schema::Id>"))]
    pub steps: Vec<S>,
    /// Citation.
    pub source: RawCite,
}

/// A named derived condition.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Condition"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCondition {
    /// Kebab-case id; conditions, routes and steps after it may use it by name.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Id"))]
    pub id: S,
    /// What it means, in words.
    pub title: Text,
    /// The title in English.
    pub title_en: Option<Text>,
    /// Its clauses: `[{ when = "...", text = "what it requires, in words" }, ...]`.
    pub all: Vec<RawClause>,
    /// Citation.
    pub source: RawCite,
}

/// One clause of a named condition.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Clause"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClause {
    /// The condition.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Condition"))]
    pub when: S,
    /// What it requires, in words (shown when it is not met).
    pub text: Text,
}

/// A way through the steps: e.g. the bundled application, or separate steps.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Route"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRoute {
    /// Kebab-case id that steps name in `route`.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Id"))]
    pub id: S,
    /// What the route is.
    pub title: Text,
    /// The title in English.
    pub title_en: Option<Text>,
    /// Condition for taking it; only the last route may omit it (the fallback).
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Condition>"))]
    pub when: Option<S>,
    /// One paragraph about the route.
    pub summary: Option<Text>,
    /// Citation.
    pub source: Option<RawCite>,
    /// The families this route's own steps cover; a family outside it does them at its hukou place (or gets the parent playbook's step).
    pub scope: Option<RawScope>,
    /// The steps whose being done keeps a family on this route (empty: any step only this route has).
    #[serde(default)]
    #[cfg_attr(json_schema, schemars(with = "Vec<crate::schema::Id>"))]
    pub started_by: Vec<S>,
}

/// One thing to get done.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Step"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStep {
    /// Kebab-case; use the canonical ids of `DOMAIN.md` (`birth-certificate`, `hukou-registration`, `medical-insurance`, …). One id may appear once per route.
    #[cfg_attr(json_schema, schemars(with = "crate::schema::Id"))]
    pub id: S,
    /// What the step is.
    pub title: Text,
    /// The title in English.
    pub title_en: Option<Text>,
    /// One paragraph about the step.
    pub summary: Option<Text>,
    /// Only on this route; omitted: on every route.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Id>"))]
    pub route: Option<S>,
    /// Condition for the step to apply.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Condition>"))]
    pub when: Option<S>,
    /// Which agency or place.
    pub agency: Option<Text>,
    /// How it is done.
    pub channel: super::Channel,
    /// The menu path in an app (`粤省事→办事→…`) or the address.
    pub path: Option<Text>,
    /// Who must act.
    pub who: super::Who,
    /// `true` when someone must go in person (shown to the mother days after birth).
    #[serde(default)]
    pub in_person: bool,
    /// `true` for steps a family may skip.
    #[serde(default)]
    pub optional: bool,
    /// Ids of prerequisite steps (they must exist on every route the step is on; no cycles).
    #[serde(default)]
    #[cfg_attr(json_schema, schemars(with = "Vec<crate::schema::Id>"))]
    pub requires: Vec<S>,
    /// `within N days` / `within N months` / `within N working days` / `under N days` / `under N months`.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Limit>"))]
    pub deadline: Option<S>,
    /// `birth` (default) or a step id: counts from the day that step was done.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Id>"))]
    pub deadline_from: Option<S>,
    /// What the deadline binds: `act` (default: the family's act, overdue when not done by it) or `result` (an office's result: not overdue while the family waits for it).
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Binds>"))]
    pub deadline_binds: Option<S>,
    /// The source's wording, e.g. `出生后30个工作日内`.
    pub deadline_note: Option<Text>,
    /// Citation when the deadline comes from another document than the step.
    pub deadline_source: Option<RawCite>,
    /// The last day the step can be done at all, counted from the birth (an "under N months" limit, a bundle's window): after it the step is missed, not overdue.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Limit>"))]
    pub window: Option<S>,
    /// The source's wording of the window.
    pub window_note: Option<Text>,
    /// Citation when the window comes from another document than the step.
    pub window_source: Option<RawCite>,
    /// What happens if the deadline is missed, as the source says.
    pub missed: Option<Text>,
    /// What to do once the deadline or window has passed, as a source says.
    pub late: Option<RawLate>,
    /// The families this step covers; a family outside it does it at its hukou place (or gets the parent playbook's step of this id).
    pub scope: Option<RawScope>,
    /// A true/false fact this step mirrors: once the step is done, the fact holds (unless the family stated it).
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::BoolFact>"))]
    pub fact: Option<S>,
    /// `N days` / `N months` / `N working days` after birth: not before (scheduled checks).
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Span>"))]
    pub start: Option<S>,
    /// `N` or `N-M` `days`/`working days`: how long after the step is done its result comes (approval, payment showing, refund). Steps that require it wait for the minimum.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::LeadTime>"))]
    pub lead_time: Option<S>,
    /// The source's wording of the lead time.
    pub lead_time_note: Option<Text>,
    /// What to bring or have at hand.
    #[serde(default)]
    pub materials: Vec<RawMaterial>,
    /// Tips; a tip with `when` is shown only to families it fits (one that asks about an optional step the family has neither done nor skipped, once it decides).
    #[serde(default)]
    pub tips: Vec<RawTip>,
    /// Citation (required).
    pub source: RawCite,
}

/// What to do after a step's deadline or window has passed.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Late"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLate {
    /// What to do, as the source says.
    pub text: Text,
    /// Citation, when not the step's own source.
    pub source: Option<RawCite>,
}

/// A document or piece of information a step needs.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Material"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMaterial {
    /// What it is.
    pub name: Text,
    /// Its name in English.
    pub name_en: Option<Text>,
    /// `paper` (default), `electronic`, `photo`, `information`.
    #[serde(default)]
    pub kind: super::MaterialKind,
    /// How many originals.
    #[serde(default)]
    pub originals: u32,
    /// How many copies.
    #[serde(default)]
    pub copies: u32,
    /// Anything to know about it.
    pub note: Option<Text>,
    /// Needed only by families for whom this condition holds.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Condition>"))]
    pub when: Option<S>,
}

/// A tip shown with a step.
#[derive(Debug, Deserialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[cfg_attr(json_schema, schemars(rename = "Tip"))]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTip {
    /// The tip; placeholders such as `{today_year}` or `{today_year+1}` are filled with the family's numbers.
    #[cfg_attr(json_schema, schemars(with = "String"))]
    pub text: S,
    /// Shown only to families for whom this condition holds.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::Condition>"))]
    pub when: Option<S>,
    /// `done`: the tip is read on its step's own day, not today: the day the step was done, or,
    /// until it is done, the end of each of the next 12 months (shown as date ranges). Its text
    /// and `when` use `day_year`, `day_month` and `day_months_since_birth_month` instead of the
    /// `today_…` values.
    #[cfg_attr(json_schema, schemars(with = "Option<crate::schema::TipDay>"))]
    pub day: Option<S>,
    /// Citation, when not the step's own source.
    pub source: Option<RawCite>,
}
