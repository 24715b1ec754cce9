//! `newborn`: an offline checklist for parents in mainland China after a baby is born.
//!
//! The pipeline: [`cli`] (options, prompts, the clock) → [`registry`] and [`playbook`] (TOML →
//! checked model) → [`calendar`] (working days) → [`plan`] (the pure engine) → [`store`] (the
//! data dir) → [`render`] (table, Markdown, JSON).

pub mod calendar;
pub(crate) mod cli;
pub mod condition;
pub mod diagnostic;
pub(crate) mod error;
pub mod facts;
pub mod family;
#[doc(hidden)]
pub mod fuzz;
pub mod lang;
pub mod period;
pub mod plan;
pub mod playbook;
pub mod registry;
pub(crate) mod render;
pub mod scenario;
pub(crate) mod schema;
pub(crate) mod store;

pub use cli::run;
