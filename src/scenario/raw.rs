//! A scenario file as written: serde structs that mirror the TOML, with spans for messages.
//! Unknown keys are refused. [`super::check`] turns these into scenarios that can run.
//!
//! The doc comments on the fields are the descriptions of `newborn schema --scenarios`, as in
//! `docs/playbook-format.md` ("Scenarios"). Spanned fields appear there as their plain type.

use crate::schema;
use schemars::JsonSchema;
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;
use toml::value::Datetime;

pub(crate) type S = Spanned<String>;

/// A value that is a date, or `false` for none (no route, no deadline…), as written.
pub(crate) type Value = Spanned<toml::Value>;

/// Scenarios: families on a day, and what the plan must say for each.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(title = "newborn scenarios")]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFile {
    /// One `[[scenario]]` table per family and day.
    #[serde(default)]
    pub scenario: Vec<RawScenario>,
}

/// A family on a day, and what the plan must say.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(rename = "Scenario")]
#[serde(deny_unknown_fields)]
pub(crate) struct RawScenario {
    /// What the scenario is about, as a sentence (unique in the file); failures are reported under it.
    #[schemars(with = "String")]
    pub name: S,
    /// The region: a playbook id or its name (`hebei`, `河北`).
    #[schemars(with = "String")]
    pub region: S,
    /// The baby's birth date.
    #[schemars(with = "schema::Date")]
    pub birth_date: Spanned<Datetime>,
    /// The day the plan is made for (never the clock).
    #[schemars(with = "schema::Date")]
    pub today: Spanned<Datetime>,
    /// The language of the plan's texts that `text` and `lacks` look in: `zh` (default) or `en`.
    #[schemars(with = "Option<schema::LangName>")]
    pub lang: Option<S>,
    /// The family's facts, as `newborn set` takes them (Chinese values too: `外省`, `是`); the others keep their defaults.
    #[serde(default)]
    #[schemars(with = "schema::Facts")]
    pub facts: BTreeMap<S, Value>,
    /// The steps the family has done: step id = the day it was done.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, schema::Date>")]
    pub done: BTreeMap<S, Spanned<Datetime>>,
    /// The optional steps the family will not take (`newborn skip`).
    #[serde(default)]
    #[schemars(with = "Vec<schema::Id>")]
    pub skipped: Vec<S>,
    /// What the plan must say; every key is optional.
    pub expect: Option<RawExpect>,
}

/// What the plan must say.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(rename = "Expect")]
#[serde(deny_unknown_fields)]
pub(crate) struct RawExpect {
    /// The route taken: a route id, or `false` for none.
    #[schemars(with = "Option<schema::IdOrFalse>")]
    pub route: Option<Value>,
    /// The step `newborn next` names: a step id, or `false` for none.
    #[schemars(with = "Option<schema::IdOrFalse>")]
    pub next: Option<Value>,
    /// Step id = what the plan must say of that step.
    #[serde(default)]
    #[schemars(with = "BTreeMap<String, RawStepExpect>")]
    pub steps: BTreeMap<S, RawStepExpect>,
    /// The kinds of the plan's warnings (`too_late`, `stale`, `estimated`); `[]`: none.
    #[schemars(with = "Option<Vec<schema::WarningKind>>")]
    pub warnings: Option<Spanned<Vec<S>>>,
    /// Whether the plan has an out-of-scope notice (the playbook, a route or a step does not cover the family).
    #[schemars(with = "Option<bool>")]
    pub out_of_scope: Option<Spanned<bool>>,
    /// Texts that must appear in `newborn show` of the steps under `steps` or in the Markdown export.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub text: Vec<S>,
    /// Texts that must appear in neither.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub lacks: Vec<S>,
}

/// What the plan must say of one step.
#[derive(Debug, Deserialize, JsonSchema)]
#[schemars(rename = "StepExpect")]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStepExpect {
    /// Its status.
    #[schemars(with = "Option<schema::StatusName>")]
    pub status: Option<S>,
    /// Whether it applies to the family (is in the plan, not among the steps that do not apply).
    #[schemars(with = "Option<bool>")]
    pub applies: Option<Spanned<bool>>,
    /// Its deadline, or `false` for none (no deadline, or one that waits for another step).
    #[schemars(with = "Option<schema::DateOrFalse>")]
    pub deadline: Option<Value>,
    /// The last day it can be done at all, or `false` for none.
    #[schemars(with = "Option<schema::DateOrFalse>")]
    pub window: Option<Value>,
    /// The first day it can be done (a scheduled check, a prerequisite's result), or `false` for none.
    #[schemars(with = "Option<schema::DateOrFalse>")]
    pub earliest_start: Option<Value>,
    /// The last working day before a deadline that falls on a day off (for an office visit), or `false` for none.
    #[schemars(with = "Option<schema::DateOrFalse>")]
    pub office_day: Option<Value>,
    /// Its number in the plan (from 1).
    #[schemars(with = "Option<std::num::NonZeroU32>")]
    pub number: Option<Spanned<i64>>,
    /// Steps that come after it in the plan (both must apply).
    #[serde(default)]
    #[schemars(with = "Vec<schema::Id>")]
    pub before: Vec<S>,
    /// Texts that must appear in `newborn show` of this step.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub text: Vec<S>,
    /// Texts that must not appear in `newborn show` of this step.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub lacks: Vec<S>,
}
