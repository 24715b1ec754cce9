//! `newborn`: an offline checklist for parents in mainland China after a baby is born.
//!
//! The pipeline: [`cli`] (options, prompts, the clock) → [`registry`] and [`playbook`] (TOML →
//! checked model) → [`calendar`] (working days) → [`plan`] (the pure engine) → [`store`] (the
//! data dir) → [`render`] (table, Markdown, JSON).

pub mod calendar;
pub mod condition;
pub mod diagnostic;
pub mod facts;
pub mod period;
pub mod playbook;
pub mod registry;
pub mod plan;
pub mod render;
pub mod store;
pub mod cli;
pub mod error;

pub use cli::run;
