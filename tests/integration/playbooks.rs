//! Every shipped playbook: valid, built on the national base, and every rule cites its source.

use crate::test::Test;
use newborn::registry::Registry;

#[test]
fn every_step_of_every_shipped_playbook_cites_a_source() {
    let registry = Registry::embedded();
    assert!(registry.ids().len() >= 6, "{:?}", registry.ids());
    for id in registry.ids() {
        let p = registry.load(id).unwrap_or_else(|e| panic!("{id}:\n{e}"));
        assert_eq!(p.id, id, "regions/{id}.toml must have id = \"{id}\"");
        assert!(
            p.lineage.iter().any(|l| l == "national"),
            "{id} must build on the national base"
        );
        for s in &p.steps {
            let src = p
                .source(&s.source.doc)
                .unwrap_or_else(|| panic!("{id}/{}: no source", s.id));
            assert!(
                !s.source.section.trim().is_empty(),
                "{id}/{}: no section",
                s.id
            );
            assert!(
                !src.title.is_empty() && !src.issuer.is_empty(),
                "{id}/{}",
                s.id
            );
            if let Some(c) = s.deadline.as_ref().and_then(|d| d.source.as_ref()) {
                assert!(p.source(&c.doc).is_some(), "{id}/{}: deadline source", s.id);
            }
            for t in &s.tips {
                if let Some(c) = &t.source {
                    assert!(p.source(&c.doc).is_some(), "{id}/{}: tip source", s.id);
                }
            }
        }
        for c in &p.contacts {
            assert!(
                p.source(&c.source.doc).is_some(),
                "{id}: contact {}",
                c.phone
            );
        }
    }
}

#[test]
fn a_playbook_reviewed_more_than_a_year_ago_says_to_confirm_first() {
    let fresh = Test::new()
        .args(&["plan", "--region", "xiamen", "--birth-date", "2027-11-01"])
        .today("2027-11-23")
        .json();
    assert!(!fresh["warnings"].to_string().contains("已超过一年"));
    Test::new()
        .args(&["plan", "--region", "xiamen", "--birth-date", "2027-11-20"])
        .today("2027-11-24")
        .stdout_contains("“厦门市”手册最后核对于 2026-11-23，已超过一年：规定可能已变，办理前请向办理部门或热线确认。")
        .run();
}
