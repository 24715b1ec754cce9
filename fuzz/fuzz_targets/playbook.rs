#![no_main]
//! Fuzz target: see `newborn::fuzz::playbook`.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        newborn::fuzz::playbook(text);
    }
});
