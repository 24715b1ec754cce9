//! The playbook file as written: serde structs that mirror the TOML, with spans for messages.
//! Unknown keys are refused. [`super::validate`] turns these into the checked model.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub type S = Spanned<String>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPlaybook {
    pub id: S,
    pub name: String,
    pub name_en: Option<String>,
    pub summary: Option<String>,
    pub reviewed: Spanned<Datetime>,
    pub extends: Option<S>,
    pub scope: Option<RawScope>,
    #[serde(default)]
    pub sources: Vec<RawSource>,
    #[serde(default)]
    pub contacts: Vec<RawContact>,
    #[serde(default)]
    pub conditions: Vec<RawCondition>,
    #[serde(default)]
    pub routes: Vec<RawRoute>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScope {
    pub when: S,
    pub text: String,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSource {
    pub id: S,
    pub title: String,
    pub issuer: String,
    pub date: Option<Spanned<Datetime>>,
    pub trust: super::Trust,
    pub file: Option<String>,
    pub url: Option<String>,
    pub note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCite {
    pub doc: S,
    pub section: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawContact {
    pub name: String,
    pub phone: String,
    pub note: Option<String>,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub id: S,
    pub title: String,
    pub all: Vec<RawClause>,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawClause {
    pub when: S,
    pub text: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRoute {
    pub id: S,
    pub title: String,
    pub title_en: Option<String>,
    pub when: Option<S>,
    pub summary: Option<String>,
    pub source: Option<RawCite>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawStep {
    pub id: S,
    pub title: String,
    pub title_en: Option<String>,
    pub summary: Option<String>,
    pub route: Option<S>,
    pub when: Option<S>,
    pub agency: Option<String>,
    pub channel: super::Channel,
    pub path: Option<String>,
    pub who: super::Who,
    #[serde(default)]
    pub in_person: bool,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub requires: Vec<S>,
    pub deadline: Option<S>,
    pub deadline_from: Option<S>,
    pub deadline_note: Option<String>,
    pub deadline_source: Option<RawCite>,
    pub missed: Option<String>,
    pub start: Option<S>,
    pub lead_time: Option<S>,
    pub lead_time_note: Option<String>,
    #[serde(default)]
    pub materials: Vec<RawMaterial>,
    #[serde(default)]
    pub tips: Vec<RawTip>,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMaterial {
    pub name: String,
    pub name_en: Option<String>,
    #[serde(default)]
    pub kind: super::MaterialKind,
    #[serde(default)]
    pub originals: u32,
    #[serde(default)]
    pub copies: u32,
    pub note: Option<String>,
    pub when: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTip {
    pub text: S,
    pub when: Option<S>,
    pub source: Option<RawCite>,
}
