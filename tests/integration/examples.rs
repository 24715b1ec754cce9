//! Every file in `examples/families/` is a family the README can point to; each must plan as
//! its file says.
//!
//! A family file holds:
//! - `description` (Chinese): who the family is and what the plan must show;
//! - `region`, `birth_date`, `today`, and `set` (the `FACT=VALUE`s given to `--set`);
//! - `route`: the route the plan takes (left out: the plan has no route);
//! - `out_of_scope`: the playbook does not cover the family, wholly or for some of its steps (the
//!   plan's `out_of_scope` is not null);
//! - `deadlines`: `step-id = "YYYY-MM-DD"`, each step's deadline (a duty: after it, `overdue`);
//! - `windows`: `step-id = "YYYY-MM-DD"`, the last day each step can be done at all (after it,
//!   `missed`);
//! - `statuses`: `step-id = "done" | "overdue" | "ready" | "blocked" | "waiting" | "confirm" |
//!   "skipped" | "missed" | "elsewhere" | "not_applicable"`;
//! - `done`: `step-id = "YYYY-MM-DD"`, the progress the family has made. With it, the family is
//!   set up in a data dir (`init`, then `done STEP --on DATE` for each, in date order) and
//!   planned from there; without it, the plan is a one-off (`plan --region … --birth-date …`).
//!
//! Plans are made with `--all`, so that steps that do not apply can be checked too.

use crate::test::Test;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Example {
    description: String,
    region: String,
    birth_date: String,
    today: String,
    #[serde(default)]
    set: Vec<String>,
    route: Option<String>,
    #[serde(default)]
    out_of_scope: bool,
    #[serde(default)]
    deadlines: BTreeMap<String, String>,
    #[serde(default)]
    windows: BTreeMap<String, String>,
    #[serde(default)]
    statuses: BTreeMap<String, Status>,
    #[serde(default)]
    done: BTreeMap<String, String>,
}

/// A step's status as `plan --json` gives it.
#[derive(Deserialize, Clone, Copy)]
#[serde(rename_all = "snake_case")]
enum Status {
    Done,
    Overdue,
    Ready,
    Blocked,
    Waiting,
    /// An institution's step whose day has passed or that has no day: the family confirms it
    /// has the result.
    Confirm,
    Skipped,
    /// The step's window has closed.
    Missed,
    /// Outside the step's scope: to be done at the hukou place.
    Elsewhere,
    NotApplicable,
}

impl Status {
    fn as_str(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::Overdue => "overdue",
            Status::Ready => "ready",
            Status::Blocked => "blocked",
            Status::Waiting => "waiting",
            Status::Confirm => "confirm",
            Status::Skipped => "skipped",
            Status::Missed => "missed",
            Status::Elsewhere => "elsewhere",
            Status::NotApplicable => "not_applicable",
        }
    }
}

/// `--set FACT=VALUE` for each of the family's facts.
fn facts(ex: &Example) -> Vec<&str> {
    ex.set.iter().flat_map(|s| ["--set", s.as_str()]).collect()
}

/// The family's command line: a one-off plan's options, or (with progress) a data dir where
/// the family was set up and its steps marked done. `command` is run on it, with `today`.
pub(crate) fn family(ex: &Example, command: &[&str]) -> Test {
    let family = [
        "--region",
        ex.region.as_str(),
        "--birth-date",
        ex.birth_date.as_str(),
    ];
    if ex.done.is_empty() {
        return Test::new()
            .args(command)
            .args(&family)
            .args(&facts(ex))
            .today(&ex.today);
    }
    let home = Test::new();
    home.share()
        .args(&["init"])
        .args(&family)
        .args(&facts(ex))
        .today(&ex.today)
        .run();
    // In the order they were done, so that prerequisites are marked first.
    let mut done: Vec<(&String, &String)> = ex.done.iter().collect();
    done.sort_by_key(|&(id, date)| (date, id));
    for (id, date) in done {
        home.share()
            .args(&["done", id, "--on", date])
            .today(&ex.today)
            .run();
    }
    home.share().args(command).today(&ex.today)
}

/// `plan --all --json` for the family.
fn plan(ex: &Example) -> serde_json::Value {
    family(ex, &["plan", "--all"]).json()
}

/// `what: want …, got …` when the plan's value is not the one the file says.
fn differs(what: &str, got: &serde_json::Value, want: Option<&str>) -> Option<String> {
    let want = want.map_or(serde_json::Value::Null, serde_json::Value::from);
    (*got != want).then(|| format!("{what}: want {want}, got {got}"))
}

/// What in the plan differs from what the family's file says (empty: it plans as described).
fn check(path: &Path, ex: &Example, plan: &serde_json::Value) -> Vec<String> {
    let mut wrong = Vec::new();
    let name = path.file_name().unwrap().to_string_lossy();
    if !name.starts_with(&format!("{}-", ex.region)) {
        wrong.push(format!(
            "the file name does not start with `{}-`",
            ex.region
        ));
    }
    let kebab = name.trim_end_matches(".toml").split('-').all(|w| {
        !w.is_empty()
            && w.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    });
    if !kebab {
        wrong.push("the file name is not kebab case (`<region>-<what>.toml`)".into());
    }
    wrong.extend(differs("route", &plan["route"]["id"], ex.route.as_deref()));
    if plan["out_of_scope"].is_null() == ex.out_of_scope {
        wrong.push(format!(
            "out_of_scope: want {}, got {}",
            ex.out_of_scope, plan["out_of_scope"]
        ));
    }
    for (id, date) in &ex.deadlines {
        let got = &crate::test::step(plan, id)["deadline"];
        wrong.extend(differs(&format!("{id} deadline"), got, Some(date)));
    }
    for (id, date) in &ex.windows {
        let got = &crate::test::step(plan, id)["window"];
        wrong.extend(differs(&format!("{id} window"), got, Some(date)));
    }
    for (id, status) in &ex.statuses {
        let got = &crate::test::step(plan, id)["status"];
        wrong.extend(differs(&format!("{id} status"), got, Some(status.as_str())));
    }
    for (id, date) in &ex.done {
        let got = &crate::test::step(plan, id)["done_on"];
        wrong.extend(differs(&format!("{id} done on"), got, Some(date)));
    }
    wrong
        .into_iter()
        .map(|w| format!("{}: {w}\n  ({})", path.display(), ex.description))
        .collect()
}

/// Every example family, read.
pub(crate) fn examples() -> Vec<(std::path::PathBuf, Example)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/families");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    assert!(!paths.is_empty(), "no examples in {dir}");
    paths
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap();
            let ex: Example =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            (path, ex)
        })
        .collect()
}

#[test]
fn every_example_family_plans_as_described() {
    let mut wrong = Vec::new();
    for (path, ex) in examples() {
        wrong.extend(check(&path, &ex, &plan(&ex)));
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

/// The JSON plan (with the steps that do not apply) and the Markdown export of every example
/// family, as kept in `tests/golden/<family>.json` and `.md`: a change to the engine, a renderer
/// or a playbook shows its diff there in review. `NEWBORN_BLESS=1 cargo test golden` writes
/// them anew.
#[test]
fn every_example_family_plans_and_exports_as_its_golden_files() {
    let golden = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let bless = std::env::var_os("NEWBORN_BLESS").is_some();
    let mut wrong = Vec::new();
    for (path, ex) in examples() {
        let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
        let outputs = [
            ("json", &["plan", "--all", "--json"][..]),
            ("md", &["export", "--format", "markdown"][..]),
        ];
        for (ext, command) in outputs {
            let out = family(&ex, command).run();
            let got = String::from_utf8(out.stdout).unwrap();
            let file = golden.join(format!("{stem}.{ext}"));
            if bless {
                std::fs::create_dir_all(&golden).unwrap();
                std::fs::write(&file, &got).unwrap();
            } else if std::fs::read_to_string(&file).ok().as_deref() != Some(&got) {
                wrong.push(file.display().to_string());
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "output differs from (or has no) golden file; review with NEWBORN_BLESS=1 cargo test golden && git diff tests/golden:\n{}",
        wrong.join("\n")
    );
}

/// Every shipped region has at least six example families.
#[test]
fn every_region_has_six_example_families() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/families");
    let regions = concat!(env!("CARGO_MANIFEST_DIR"), "/regions");
    let names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    for entry in std::fs::read_dir(regions).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let region = path.file_stem().unwrap().to_string_lossy().into_owned();
        let count = names
            .iter()
            .filter(|n| n.starts_with(&format!("{region}-")) && n.ends_with(".toml"))
            .count();
        assert!(
            count >= 6,
            "{region}: {count} example families, want 6 or more"
        );
    }
}
