//! One integration test crate: every test runs the real `newborn` binary.

mod calendar_data;
mod cli;
mod examples;
mod region_hebei;
mod test;
