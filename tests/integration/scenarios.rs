//! Scenario files (`regions/tests/*.toml`) and `newborn test`; the JSON Schemas of
//! `newborn schema` against every shipped file.

use crate::test::Test;
use std::fs;
use std::path::{Path, PathBuf};

/// Every shipped scenario passes; a failure shows the runner's report.
#[test]
fn every_shipped_scenario_passes() {
    let outcome = newborn::scenario::run_shipped(newborn::lang::Lang::En);
    assert!(
        outcome.ok(),
        "shipped scenarios failed:\n{}",
        outcome.report(newborn::lang::Lang::En)
    );
    assert!(
        outcome.passed() >= 4,
        "{}",
        outcome.report(newborn::lang::Lang::En)
    );
}

const TYPICAL: &str = r#"
[[scenario]]
name = "typical"
region = "hebei"
birth_date = 2026-10-08
today = 2026-10-20

[scenario.expect]
route = "bundle"
steps = { "one-thing-application" = { status = "ready", deadline = 2026-11-08 } }
"#;

/// A folder holding `name` with `text`; returns its path.
fn file(dir: &Path, name: &str, text: &str) -> PathBuf {
    fs::create_dir_all(dir).unwrap();
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn newborn_test_runs_the_shipped_scenarios_and_exits_0() {
    Test::new()
        .args(&["test"])
        .stdout_contains("通过：regions/tests/hebei.toml（")
        .stdout_contains("场景：通过 ")
        .stdout_contains("，失败 0 个")
        .run();
    Test::new()
        .args(&["test", "--lang", "en"])
        .stdout_contains("ok: regions/tests/hebei.toml (")
        .stdout_contains(", 0 failed")
        .run();
}

#[test]
fn a_failed_expectation_names_its_file_and_line_and_what_the_plan_said() {
    let home = Test::new();
    let dir = home.data_dir().parent().unwrap().join("sc");
    let wrong = TYPICAL
        .replace("route = \"bundle\"", "route = \"separate\"")
        .replace("deadline = 2026-11-08", "deadline = 2026-11-09");
    let path = file(&dir, "wrong.toml", &wrong);
    let shown = path.display().to_string();
    home.share()
        .args(&["test", &shown, "--lang", "en"])
        .status(1)
        .stdout_contains(&format!("✗ {shown}:3: typical"))
        .stdout_contains("route: expected `separate`, the plan takes `bundle`")
        .stdout_contains(&format!("--> {shown}:9:9"))
        .stdout_contains(
            "one-thing-application deadline: expected 2026-11-09, the plan says 2026-11-08",
        )
        .stdout_contains(&format!("--> {shown}:10:68"))
        .stdout_contains(&format!("FAILED: {shown} (1 of 1 scenario(s) failed)"))
        .stdout_contains("scenarios: 0 passed, 1 failed")
        .stderr_contains("newborn: 1 scenario(s) failed")
        .run();
    // In Chinese too.
    home.share()
        .args(&["test", &shown])
        .status(1)
        .stdout_contains("route：应为 `separate`，清单走的是 `bundle`")
        .stdout_contains("one-thing-application 的 deadline：应为 2026-11-09，清单是 2026-11-08")
        .stderr_contains("newborn：1 个场景没有通过")
        .run();
    // The same file, right, passes; a folder runs each of its files.
    file(&dir, "wrong.toml", TYPICAL);
    home.share()
        .args(&["test", dir.to_str().unwrap(), "--lang", "en"])
        .stdout_contains("scenarios: 1 passed, 0 failed")
        .run();
}

#[test]
fn unknown_keys_steps_facts_and_values_are_located_errors() {
    let home = Test::new();
    let dir = home.data_dir().parent().unwrap().join("sc");
    let key = file(&dir, "key.toml", &TYPICAL.replace("route =", "rout ="));
    home.share()
        .args(&["test", key.to_str().unwrap(), "--lang", "en"])
        .status(1)
        .stdout_contains(
            "error: unknown key `rout` (did you mean route?); allowed here: route, next",
        )
        .stdout_contains(&format!("--> {}:9:1", key.display()))
        .stderr_contains("1 error(s) in the scenario files")
        .run();
    let step = file(
        &dir,
        "step.toml",
        &TYPICAL.replace("\"one-thing-application\" =", "\"one-thing-aplication\" ="),
    );
    home.share()
        .args(&["test", step.to_str().unwrap(), "--lang", "en"])
        .status(1)
        .stdout_contains("the playbook `hebei` has no step `one-thing-aplication` (did you mean one-thing-application?)")
        .stdout_contains(&format!("--> {}:10:11", step.display()))
        .stdout_contains("^^^^^^^^^^^^^^^^^^^^^^")
        .run();
    let fact = file(
        &dir,
        "fact.toml",
        &TYPICAL.replace(
            "today = 2026-10-20",
            "today = 2026-10-20\nfacts = { father_hukuo = \"外省\", mother_hukou = \"北京\" }",
        ),
    );
    home.share()
        .args(&["test", fact.to_str().unwrap()])
        .status(1)
        .stdout_contains("错误：没有叫“father_hukuo”的事实（是不是 father_hukou？）")
        .stdout_contains(&format!("--> {}:7:11", fact.display()))
        .stdout_contains("错误：mother_hukou 不能是“北京”；允许的值：city（本市）")
        .stdout_contains(&format!("--> {}:7:47", fact.display()))
        .run();
    let status = file(
        &dir,
        "status.toml",
        &TYPICAL.replace("\"ready\"", "\"redy\""),
    );
    home.share()
        .args(&["test", status.to_str().unwrap(), "--lang", "en"])
        .status(1)
        .stdout_contains(
            "there is no status `redy` (did you mean ready?); statuses: overdue, ready",
        )
        .run();
}

#[test]
fn a_missing_path_is_a_usage_error() {
    Test::new()
        .args(&["test", "no-such-scenarios.toml"])
        .status(2)
        .stderr_contains("没有 no-such-scenarios.toml 这个文件或文件夹")
        .run();
}

#[test]
fn a_regions_dir_brings_its_own_tests_folder() {
    let home = Test::new();
    let regions = home.data_dir().parent().unwrap().join("regions");
    file(&regions.join("tests"), "mine.toml", TYPICAL);
    home.share()
        .args(&[
            "test",
            "--regions-dir",
            regions.to_str().unwrap(),
            "--lang",
            "en",
        ])
        .stdout_contains("ok: regions/tests/hebei.toml")
        .stdout_contains(&format!(
            "ok: {} (1 scenario(s))",
            regions.join("tests/mine.toml").display()
        ))
        .run();
}

#[test]
fn test_json_gives_the_counts_and_each_failure() {
    let home = Test::new();
    let dir = home.data_dir().parent().unwrap().join("sc");
    let path = file(
        &dir,
        "wrong.toml",
        &TYPICAL.replace("\"bundle\"", "\"separate\""),
    );
    let out = home
        .share()
        .args(&["test", path.to_str().unwrap(), "--lang", "en", "--json"])
        .status(1)
        .run();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["failed"], 1);
    assert_eq!(json["failures"][0]["line"], 9);
    assert_eq!(json["failures"][0]["scenario"], "typical");
}

/// A TOML value as JSON, dates as the strings an editor's validator sees.
fn to_json(value: toml::Value) -> serde_json::Value {
    match value {
        toml::Value::String(s) => s.into(),
        toml::Value::Integer(n) => n.into(),
        toml::Value::Float(f) => f.into(),
        toml::Value::Boolean(b) => b.into(),
        toml::Value::Datetime(d) => d.to_string().into(),
        toml::Value::Array(a) => a.into_iter().map(to_json).collect(),
        toml::Value::Table(t) => t.into_iter().map(|(k, v)| (k, to_json(v))).collect(),
    }
}

fn schema(args: &[&str]) -> jsonschema::Validator {
    let out = Test::new().args(&["schema"]).args(args).run();
    let schema: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        jsonschema::draft7::meta::is_valid(&schema),
        "not a draft 7 schema"
    );
    jsonschema::draft7::new(&schema).unwrap()
}

/// Every `*.toml` in `dir` (relative to the repository), as JSON.
fn files(dir: &str) -> Vec<(PathBuf, serde_json::Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<(PathBuf, serde_json::Value)> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| {
            let value: toml::Value = toml::from_str(&fs::read_to_string(&p).unwrap()).unwrap();
            (p, to_json(value))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(!out.is_empty(), "no files in {}", dir.display());
    out
}

fn errors(validator: &jsonschema::Validator, json: &serde_json::Value) -> Vec<String> {
    validator
        .iter_errors(json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn every_shipped_playbook_meets_the_schema_and_an_unknown_key_does_not() {
    let validator = schema(&[]);
    for (path, json) in files("regions") {
        let wrong = errors(&validator, &json);
        assert!(
            wrong.is_empty(),
            "{}:\n{}",
            path.display(),
            wrong.join("\n")
        );
    }
    let (_, mut json) = files("regions")
        .into_iter()
        .find(|(p, _)| p.ends_with("hebei.toml"))
        .unwrap();
    json["steps"][0]["deadlin"] = "within 3 days".into();
    assert!(!validator.is_valid(&json), "an unknown step key passed");
    let (_, mut json) = files("regions").into_iter().next().unwrap();
    json["reviewd"] = "2026-11-23".into();
    assert!(
        !validator.is_valid(&json),
        "an unknown top-level key passed"
    );
    json.as_object_mut().unwrap().remove("reviewd");
    json["steps"][0]["channel"] = "fax".into();
    assert!(!validator.is_valid(&json), "an unknown channel passed");
}

#[test]
fn every_shipped_scenario_file_meets_its_schema_and_an_unknown_key_does_not() {
    let validator = schema(&["--scenarios"]);
    for (path, json) in files("regions/tests") {
        let wrong = errors(&validator, &json);
        assert!(
            wrong.is_empty(),
            "{}:\n{}",
            path.display(),
            wrong.join("\n")
        );
    }
    let (_, json) = files("regions/tests").into_iter().next().unwrap();
    for (pointer, key) in [("/scenario/0", "birthdate"), ("/scenario/0/expect", "rout")] {
        let mut wrong = json.clone();
        wrong.pointer_mut(pointer).unwrap()[key] = "x".into();
        assert!(!validator.is_valid(&wrong), "{pointer}/{key} passed");
    }
    let mut wrong = json.clone();
    wrong["scenario"][0]["facts"] = serde_json::json!({ "father_hukuo": "other" });
    assert!(!validator.is_valid(&wrong), "an unknown fact passed");
}

/// The keys in the first column of the table whose header starts with `header` in the format
/// doc (`[[sources]]` as `sources`).
fn doc_keys(header: &str) -> Vec<String> {
    let doc =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/playbook-format.md"))
            .unwrap();
    let lines: Vec<&str> = doc.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with(header))
        .unwrap_or_else(|| panic!("no table {header}"));
    let mut keys: Vec<String> = lines[start + 2..]
        .iter()
        .take_while(|l| l.starts_with('|'))
        .flat_map(|l| {
            let first = l.split('|').nth(1).unwrap_or_default();
            first
                .split('`')
                .skip(1)
                .step_by(2)
                .map(|k| k.trim_matches(['[', ']']).to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    keys.sort();
    keys
}

fn schema_keys(schema: &serde_json::Value, pointer: &str) -> Vec<String> {
    let mut keys: Vec<String> = schema
        .pointer(pointer)
        .and_then(|p| p.as_object())
        .unwrap_or_else(|| panic!("no {pointer}"))
        .keys()
        .cloned()
        .collect();
    keys.sort();
    keys
}

#[test]
fn the_format_doc_and_the_schemas_name_the_same_keys() {
    let json = |args: &[&str]| -> serde_json::Value {
        let out = Test::new().args(&["schema"]).args(args).run();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let playbook = json(&[]);
    let scenarios = json(&["--scenarios"]);
    for (header, schema, pointer) in [
        ("| key | required | meaning |", &playbook, "/properties"),
        (
            "| key | meaning |",
            &playbook,
            "/definitions/Step/properties",
        ),
        (
            "| key of `[[scenario]]` |",
            &scenarios,
            "/definitions/Scenario/properties",
        ),
        (
            "| key of `[scenario.expect]` |",
            &scenarios,
            "/definitions/Expect/properties",
        ),
        (
            "| key of a step under `steps` |",
            &scenarios,
            "/definitions/StepExpect/properties",
        ),
    ] {
        assert_eq!(doc_keys(header), schema_keys(schema, pointer), "{header}");
    }
}

#[test]
fn the_format_doc_s_example_scenario_passes() {
    let doc =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/playbook-format.md"))
            .unwrap();
    let start = doc
        .find("```toml\n#:schema ../../docs/newborn-scenarios.schema.json")
        .unwrap()
        + "```toml\n".len();
    let example = &doc[start..start + doc[start..].find("```").unwrap()];
    let home = Test::new();
    let path = file(
        &home.data_dir().parent().unwrap().join("sc"),
        "doc.toml",
        example,
    );
    home.share()
        .args(&["test", path.to_str().unwrap(), "--lang", "en"])
        .stdout_contains("scenarios: 1 passed, 0 failed")
        .run();
}

/// `docs/newborn-*.schema.json` are what `newborn schema` prints, so that the `#:schema` line of
/// a file in this repository gives its editor the current format. `NEWBORN_BLESS=1 cargo test
/// schema_files` writes them anew.
#[test]
fn the_schema_files_in_docs_are_up_to_date() {
    let bless = std::env::var_os("NEWBORN_BLESS").is_some();
    for (name, args) in [
        ("newborn-playbook.schema.json", &[][..]),
        ("newborn-scenarios.schema.json", &["--scenarios"][..]),
    ] {
        let out = Test::new().args(&["schema"]).args(args).run();
        let printed = String::from_utf8(out.stdout).unwrap();
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("docs")
            .join(name);
        if bless {
            fs::write(&path, &printed).unwrap();
        }
        let kept = fs::read_to_string(&path).unwrap_or_default();
        assert!(
            kept == printed,
            "docs/{name} is not what newborn schema prints: NEWBORN_BLESS=1 cargo test schema_files"
        );
    }
}
