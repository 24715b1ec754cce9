//! The playbook file as written: serde structs that mirror the TOML, with spans for messages.
//! Unknown keys are refused. [`super::validate`] turns these into the checked model.

use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

/// Text from a playbook: borrowed from the binary for a shipped playbook (nothing to copy at
/// start-up), owned when read from a file.
pub type Text = std::borrow::Cow<'static, str>;

pub(crate) type S = Spanned<Text>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawPlaybook {
    pub id: S,
    pub name: Text,
    pub name_en: Option<Text>,
    pub summary: Option<Text>,
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
pub(crate) struct RawScope {
    pub when: S,
    pub text: Text,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawSource {
    pub id: S,
    pub title: Text,
    pub issuer: Text,
    pub date: Option<Spanned<Datetime>>,
    pub trust: super::Trust,
    pub file: Option<Text>,
    pub url: Option<Text>,
    pub note: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCite {
    pub doc: S,
    pub section: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawContact {
    pub name: Text,
    pub phone: Text,
    pub note: Option<Text>,
    #[serde(default)]
    pub steps: Vec<S>,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawCondition {
    pub id: S,
    pub title: Text,
    pub all: Vec<RawClause>,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawClause {
    pub when: S,
    pub text: Text,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRoute {
    pub id: S,
    pub title: Text,
    pub title_en: Option<Text>,
    pub when: Option<S>,
    pub summary: Option<Text>,
    pub source: Option<RawCite>,
    pub scope: Option<RawScope>,
    #[serde(default)]
    pub started_by: Vec<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStep {
    pub id: S,
    pub title: Text,
    pub title_en: Option<Text>,
    pub summary: Option<Text>,
    pub route: Option<S>,
    pub when: Option<S>,
    pub agency: Option<Text>,
    pub channel: super::Channel,
    pub path: Option<Text>,
    pub who: super::Who,
    #[serde(default)]
    pub in_person: bool,
    #[serde(default)]
    pub optional: bool,
    #[serde(default)]
    pub requires: Vec<S>,
    pub deadline: Option<S>,
    pub deadline_from: Option<S>,
    pub deadline_binds: Option<S>,
    pub deadline_note: Option<Text>,
    pub deadline_source: Option<RawCite>,
    pub window: Option<S>,
    pub window_note: Option<Text>,
    pub window_source: Option<RawCite>,
    pub missed: Option<Text>,
    pub late: Option<RawLate>,
    pub scope: Option<RawScope>,
    pub fact: Option<S>,
    pub start: Option<S>,
    pub lead_time: Option<S>,
    pub lead_time_note: Option<Text>,
    #[serde(default)]
    pub materials: Vec<RawMaterial>,
    #[serde(default)]
    pub tips: Vec<RawTip>,
    pub source: RawCite,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawLate {
    pub text: Text,
    pub source: Option<RawCite>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawMaterial {
    pub name: Text,
    pub name_en: Option<Text>,
    #[serde(default)]
    pub kind: super::MaterialKind,
    #[serde(default)]
    pub originals: u32,
    #[serde(default)]
    pub copies: u32,
    pub note: Option<Text>,
    pub when: Option<S>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTip {
    pub text: S,
    pub when: Option<S>,
    pub source: Option<RawCite>,
}
