//! Every file in `examples/families/` is a family the README can point to; each must plan as
//! its file says.

use crate::test::Test;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Example {
    description: String,
    region: String,
    birth_date: String,
    today: String,
    #[serde(default)]
    set: Vec<String>,
    route: Option<String>,
    #[serde(default)]
    deadlines: std::collections::BTreeMap<String, String>,
}

#[test]
fn every_example_family_plans_as_described() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/families");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let ex: Example =
            toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut args = vec![
            "plan",
            "--region",
            &ex.region,
            "--birth-date",
            &ex.birth_date,
        ];
        for s in &ex.set {
            args.extend(["--set", s]);
        }
        let plan = Test::new().args(&args).today(&ex.today).json();
        if let Some(route) = &ex.route {
            assert_eq!(
                plan["route"]["id"],
                route.as_str(),
                "{}: {}",
                path.display(),
                ex.description
            );
        }
        for (id, date) in &ex.deadlines {
            assert_eq!(
                crate::test::step(&plan, id)["deadline"],
                date.as_str(),
                "{}: {id}",
                path.display()
            );
        }
        count += 1;
    }
    assert!(count > 0, "no examples in {dir}");
}
