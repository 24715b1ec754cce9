//! One integration test crate: every test runs the real `newborn` binary.

mod browser;
mod calendar_data;
mod cli;
mod conventions;
mod examples;
mod formats;
mod fuzz_regressions;
mod html;
#[cfg(unix)]
mod interactive;
mod language;
mod manual;
mod now;
mod playbooks;
mod properties;
mod region_guangxi;
mod region_hebei;
mod region_nanning;
mod region_shenzhen;
mod region_xiamen;
mod scenarios;
mod screen;
mod state;
mod synthetic;
mod test;
