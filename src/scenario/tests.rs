use super::*;
use crate::lang::Say;

const HEAD: &str =
    "[[scenario]]\nname = \"s\"\nregion = \"hebei\"\nbirth_date = 2026-10-08\ntoday = 2026-10-20\n";

fn run(text: &str, lang: Lang) -> Outcome {
    let file = SourceFile {
        name: "t.toml".into(),
        text: text.to_string().into(),
    };
    run_files(&[file], &Registry::embedded(), &Calendar::embedded(), lang)
}

/// The failures' and errors' messages with their `line:column`.
fn found(outcome: &Outcome) -> Vec<String> {
    let f = &outcome.files[0];
    let failures = f.scenarios.iter().flat_map(|s| &s.failures);
    (f.errors.iter().chain(failures))
        .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
        .collect()
}

#[test]
fn a_scenario_that_holds_passes() {
    let o = run(
        &format!(
            "{HEAD}[scenario.expect]\nroute = \"bundle\"\nnext = \"one-thing-application\"\nwarnings = []\nout_of_scope = false\ntext = [\"冀时办\"]\nlacks = [\"follows = father\"]\nsteps = {{ hukou-registration = {{ status = \"blocked\", applies = true, deadline = false, window = false, earliest_start = false, before = [\"medical-insurance\"], text = [\"派出所\"], lacks = [\"not applicable\"] }} }}\n"
        ),
        Lang::En,
    );
    assert!(o.ok(), "{}", o.report(Lang::En));
    assert_eq!((o.passed(), o.failed()), (1, 0));
}

#[test]
fn each_failure_names_its_line_and_what_the_plan_said() {
    let o = run(
        &format!(
            "{HEAD}[scenario.expect]\nnext = \"birth-certificate\"\nwarnings = [\"too_late\"]\nout_of_scope = true\nlacks = [\"冀时办\"]\n[scenario.expect.steps]\nhukou-registration = {{ status = \"ready\", deadline = 2026-11-08, number = 1 }}\none-thing-application = {{ applies = false, before = [\"birth-certificate\"] }}\n"
        ),
        Lang::En,
    );
    assert_eq!((o.passed(), o.failed()), (0, 1));
    let found = found(&o);
    let want = [
        "7:8 next: expected `birth-certificate`, the plan's next step is `one-thing-application` (ready, number 1,",
        "8:12 warnings: expected [too_late], the plan warns []",
        "9:16 out_of_scope: expected true, the plan has no out-of-scope notice",
        "10:10 lacks: \"冀时办\" appears in newborn show hukou-registration:",
        "12:33 hukou-registration status: expected ready, the plan says blocked (blocked, number 6, waits for one-thing-application, birth-certificate)",
        "12:53 hukou-registration deadline: expected 2026-11-08, the plan says none",
        "12:74 hukou-registration number: expected 1, the plan says 6",
        "13:37 one-thing-application should not apply, but the plan has it",
    ];
    for (got, want) in found.iter().zip(want) {
        assert!(got.starts_with(want), "{got}\nwant: {want}");
    }
    assert_eq!(found.len(), want.len(), "{found:#?}");
    // The report puts each under its scenario, with the file's line and a caret.
    let report = o.report(Lang::En);
    assert!(report.starts_with("✗ t.toml:2: s\n"), "{report}");
    assert!(
        report.contains(
            " --> t.toml:7:8\n  |\n7 | next = \"birth-certificate\"\n  |        ^^^^^^^^^^^^^^^^^^^"
        ),
        "{report}"
    );
    assert!(
        report.ends_with(
            "FAILED: t.toml (1 of 1 scenario(s) failed)\nscenarios: 0 passed, 1 failed\n"
        ),
        "{report}"
    );
}

#[test]
fn false_says_none_and_an_out_of_scope_family_has_no_route() {
    let o = run(
        "[[scenario]]\nname = \"out\"\nregion = \"深圳\"\nbirth_date = 2026-10-08\ntoday = 2026-10-20\nfacts = { father_hukou = \"other\", mother_hukou = \"外省\" }\n[scenario.expect]\nroute = false\nout_of_scope = true\nsteps = { hukou-registration = { status = \"ready\", deadline = 2026-11-08, office_day = 2026-11-06 } }\n",
        Lang::En,
    );
    assert!(o.ok(), "{}", o.report(Lang::En));
    let o = run(
        "[[scenario]]\nname = \"out\"\nregion = \"shenzhen\"\nbirth_date = 2026-10-08\ntoday = 2026-10-20\nfacts = { father_hukou = \"other\", mother_hukou = \"other\" }\n[scenario.expect]\nroute = \"bundle\"\n",
        Lang::En,
    );
    let found = found(&o);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("8:9 the playbook `shenzhen` has no route `bundle`"),
        "{found:?}"
    );
}

#[test]
fn progress_and_skipped_steps_are_planned() {
    // Nanning: pre-enrollment is the hospital's optional step; skipping it is allowed.
    let o = run(
        "[[scenario]]\nname = \"n\"\nregion = \"nanning\"\nbirth_date = 2026-10-08\ntoday = 2026-10-20\nskipped = [\"pre-enrollment\"]\n[scenario.expect]\nsteps = { pre-enrollment = { status = \"skipped\" } }\n",
        Lang::En,
    );
    assert!(o.ok(), "{}", o.report(Lang::En));
    let o = run(
        &format!(
            "{HEAD}done = {{ one-thing-application = 2026-10-12 }}\n[scenario.expect]\nsteps = {{ one-thing-application = {{ status = \"done\" }} }}\n"
        ),
        Lang::En,
    );
    assert!(o.ok(), "{}", o.report(Lang::En));
}

#[test]
fn mistakes_are_located_in_the_interface_language() {
    let o = run(
        &format!(
            "{HEAD}facts = {{ married = \"也许\" }}\nskipped = [\"hukou-registration\"]\n[scenario.expect]\nsteps = {{ hukou-registration = {{ deadline = \"2026-11-08\" }} }}\n"
        ),
        Lang::Zh,
    );
    let found = found(&o);
    assert_eq!(o.errors(), 3, "{found:#?}");
    assert!(
        found[0].starts_with("6:21 married 不能是“也许”；允许的值：true（是）、false（否）"),
        "{found:#?}"
    );
    assert!(
        found[1].starts_with("7:12 hukou-registration 不是可选事项，不能不办"),
        "{found:#?}"
    );
    assert!(
        found[2]
            .starts_with("9:45 deadline 要写成日期，例如 2026-11-08（不加引号），没有的话写 false"),
        "{found:#?}"
    );
    let text = o.files[0].errors[0].say(Lang::Zh);
    assert!(text.starts_with("错误：married 不能是"), "{text}");
    // A scenario that has a mistake does not run; the others in the file do.
    let two = format!(
        "{HEAD}{}",
        HEAD.replace("name = \"s\"", "name = \"t\"")
            .replace("hebei", "hebie")
    );
    let o = run(&two, Lang::En);
    assert_eq!((o.passed(), o.errors()), (1, 1));
    assert!(
        found_first(&o).starts_with("8:10 unknown region `hebie` (did you mean hebei"),
        "{}",
        found_first(&o)
    );
}

fn found_first(o: &Outcome) -> String {
    found(o).into_iter().next().unwrap_or_default()
}

#[test]
fn the_toml_reader_s_messages_are_said_in_the_interface_language() {
    let o = run(&format!("{HEAD}[scenario.expect]\nstep = {{}}\n"), Lang::Zh);
    assert_eq!(
        found_first(&o),
        "7:1 没有 `step` 这个键（是不是 steps？）；这里可以用：route、next、steps、warnings、out_of_scope、text、lacks"
    );
    let o = run("[[scenario]]\nname = \"s\"\n", Lang::En);
    assert!(
        found_first(&o).ends_with("`region` is missing"),
        "{}",
        found_first(&o)
    );
    let o = run("", Lang::En);
    assert_eq!(o.errors(), 1);
    assert!(!o.ok());
}

#[test]
fn texts_are_looked_for_in_the_scenario_s_language() {
    let o = run(
        &format!(
            "{HEAD}lang = \"en\"\n[scenario.expect]\nsteps = {{ one-thing-application = {{ text = [\"Why it applies:\"], lacks = [\"为什么适用\"] }} }}\ntext = [\"Newborn checklist\"]\n"
        ),
        Lang::Zh,
    );
    assert!(o.ok(), "{}", o.report(Lang::Zh));
}

#[test]
fn the_plan_is_made_for_the_scenario_s_day_not_the_clock() {
    // Far in the past: the plan still counts from the scenario's `today`.
    let o = run(
        "[[scenario]]\nname = \"old\"\nregion = \"hebei\"\nbirth_date = 2024-03-01\ntoday = 2024-03-05\n[scenario.expect]\nwarnings = []\nsteps = { one-thing-application = { status = \"ready\", deadline = 2024-04-01 } }\n",
        Lang::En,
    );
    assert!(o.ok(), "{}", o.report(Lang::En));
}
