//! `newborn`: an offline checklist for parents in mainland China after a baby is born.
//!
//! The pipeline: [`cli`] (options, prompts, the clock) → [`registry`] and [`playbook`] (TOML →
//! checked model) → [`calendar`] (working days) → [`plan`] (the pure engine) → [`store`] (the
//! data dir) → [`render`] (table, Markdown, JSON).

pub mod calendar;
pub mod cli;
pub mod condition;
pub mod diagnostic;
pub mod error;
pub mod facts;
pub mod family;
#[doc(hidden)]
pub mod fuzz;
pub mod lang;
#[cfg(test)]
mod legacy;
pub mod period;
pub mod plan;
pub mod playbook;
pub mod registry;
pub mod render;
pub mod store;

pub use cli::run;
