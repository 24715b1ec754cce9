//! The synthetic playbook of `examples/gen_playbook.rs` (used by the benchmarks) is a valid
//! playbook that exercises the engine: `newborn check` passes it, and it plans.

#[path = "../../examples/support/synthetic.rs"]
mod generator;

use crate::test::Test;
use newborn::diagnostic::SourceFile;
use newborn::registry::Registry;

#[test]
fn the_generated_playbook_passes_check_and_plans() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("synthetic.toml");
    std::fs::write(&path, generator::playbook(300)).unwrap();
    let regions = dir.path().to_str().unwrap();
    let file = path.to_str().unwrap();
    Test::new()
        .args(&["--regions-dir", regions, "check", file])
        .stdout_contains("通过：")
        .stdout_contains("（synthetic，306 项，2 个来源）")
        .run();
    let plan = Test::new()
        .today("2026-11-20")
        .args(&["--regions-dir", regions, "plan", "--all"])
        .args(&["--region", "synthetic", "--birth-date", "2026-10-08"])
        .json();
    let steps = plan["steps"].as_array().unwrap();
    assert!(steps.len() > 100, "{}", steps.len());
    assert!(!plan["not_applicable"].as_array().unwrap().is_empty());
}

#[test]
fn the_generated_playbook_has_every_kind_of_rule_and_about_two_edges_a_step() {
    let n = 1000;
    let p = Registry::embedded()
        .load_file(SourceFile {
            name: "synthetic.toml".into(),
            text: generator::playbook(n).into(),
        })
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(p.id, "synthetic");
    let ids: std::collections::HashSet<&str> = p.steps.iter().map(|s| &*s.id).collect();
    assert_eq!(ids.len(), n);
    let edges: usize = p.steps.iter().map(|s| s.requires.len()).sum();
    assert!((n * 3 / 2..=n * 5 / 2).contains(&edges), "{edges} edges");
    let rules: Vec<String> = p
        .steps
        .iter()
        .filter_map(|s| s.deadline.as_ref())
        .map(|d| format!("{:?}", d.rule))
        .collect();
    for kind in [
        "Within",
        "Under",
        "unit: Days",
        "unit: Months",
        "unit: WorkingDays",
    ] {
        assert!(rules.iter().any(|r| r.contains(kind)), "{kind}");
    }
    let birth = newborn::playbook::Anchor::Birth;
    assert!(
        p.steps
            .iter()
            .any(|s| s.deadline.as_ref().is_some_and(|d| d.from != birth))
    );
    assert!(p.steps.iter().any(|s| s.start.is_some()));
    assert!(p.steps.iter().any(|s| s.lead_time.is_some()));
    assert!(p.steps.iter().any(|s| s.route.is_some()));
    assert!(p.steps.iter().any(|s| s.when.is_some()));
    assert!(
        p.steps
            .iter()
            .any(|s| s.materials.iter().any(|m| m.when.is_some()))
    );
    assert!(
        p.steps
            .iter()
            .any(|s| s.tips.iter().any(|t| t.when.is_some()))
    );
    assert_eq!(p.conditions.len(), 2);
    assert_eq!(p.routes.len(), 2);
}
