//! Every input that once made a fuzz target fail (`fuzz/regressions/<target>/`) stays fixed.

fn each(target: &str, f: fn(&str)) {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/regressions")
        .join(target);
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(text) = std::str::from_utf8(&bytes) {
            f(text);
        }
    }
}

#[test]
fn playbook_inputs_that_once_failed() {
    each("playbook", newborn::fuzz::playbook);
}

#[test]
fn condition_inputs_that_once_failed() {
    each("condition", newborn::fuzz::condition);
}

#[test]
fn state_inputs_that_once_failed() {
    each("state", newborn::fuzz::state);
}
