//! The fixed vocabularies of a playbook (trust, channel, who, material kind).
//!
//! Shared by the crate and by `build.rs`, which reads the shipped playbooks at build time (the
//! JSON Schema derive applies only in the crate: see `raw.rs`).

use serde::{Deserialize, Serialize};

/// How far a source can be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Trust {
    /// An official text (government page, notice, specification).
    Official,
    /// A parent's own account: useful, but not a rule.
    ExperienceReport,
}

/// How a step is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// In an app, mini-program or website.
    Online,
    /// At an office, hospital window or bank branch.
    Office,
    /// Either online or at an office.
    OnlineOrOffice,
}

/// Who must act.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Who {
    /// The mother herself.
    Mother,
    /// The father himself.
    Father,
    /// Either parent.
    EitherParent,
    /// Both parents together.
    BothParents,
    /// Anyone who has the papers.
    Anyone,
    /// The hospital or an office does it; the family only receives the result.
    Institution,
}

/// The form a material takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[cfg_attr(json_schema, derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum MaterialKind {
    /// A paper document (originals and/or copies).
    #[default]
    Paper,
    /// An electronic licence, record, invoice or voucher (电子证照、电子发票、医保电子凭证):
    /// shown on a phone or uploaded, never an original or a copy.
    Electronic,
    /// A photo to take and upload.
    Photo,
    /// A piece of information to have at hand (a name, an address).
    Information,
}
