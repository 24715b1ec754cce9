//! What a run of scenarios found, as `newborn test` prints it (text, or `--json`).

use super::Outcome;
use crate::lang::{Lang, Say, tr};
use serde_json::json;

/// Each file's mistakes and failed scenarios (every failed expectation with its file, line, a
/// caret and what the plan said), a line per file, and the counts.
pub(crate) fn text(outcome: &Outcome, lang: Lang) -> String {
    let mut out = String::new();
    for file in &outcome.files {
        for e in &file.errors {
            out.push_str(&e.say(lang));
            out.push_str("\n\n");
        }
        for s in file.scenarios.iter().filter(|s| !s.failures.is_empty()) {
            let (path, line, name) = (&file.name, s.at.line, &s.name);
            out.push_str(&tr!(
                lang,
                "✗ {path}:{line}：{name}\n",
                "✗ {path}:{line}: {name}\n"
            ));
            for f in &s.failures {
                out.push_str(&format!("{}\n{}\n", f.message, f.snippet()));
            }
            out.push('\n');
        }
    }
    for file in &outcome.files {
        let total = file.scenarios.len();
        let failed = file
            .scenarios
            .iter()
            .filter(|s| !s.failures.is_empty())
            .count();
        let (name, errors) = (&file.name, file.errors.len());
        out.push_str(&match (errors, failed) {
            (0, 0) => tr!(
                lang,
                "通过：{name}（{total} 个场景）",
                "ok: {name} ({total} scenario(s))"
            ),
            (0, _) => tr!(
                lang,
                "失败：{name}（{total} 个场景中 {failed} 个失败）",
                "FAILED: {name} ({failed} of {total} scenario(s) failed)"
            ),
            (_, _) => tr!(
                lang,
                "有错误：{name}（{errors} 处错误；运行了 {total} 个场景，{failed} 个失败）",
                "ERRORS: {name} ({errors} error(s); {total} scenario(s) ran, {failed} failed)"
            ),
        });
        out.push('\n');
    }
    out.push_str(&summary(outcome, lang));
    out.push('\n');
    out
}

/// The counts: `scenarios: 4 passed, 1 failed`, and the mistakes in the files.
pub(crate) fn summary(outcome: &Outcome, lang: Lang) -> String {
    let (passed, failed, errors) = (outcome.passed(), outcome.failed(), outcome.errors());
    let mut line = tr!(
        lang,
        "场景：通过 {passed} 个，失败 {failed} 个",
        "scenarios: {passed} passed, {failed} failed"
    );
    if errors > 0 {
        line.push_str(&tr!(
            lang,
            "；场景文件里有 {errors} 处错误（有错误的场景没有运行）",
            "; {errors} error(s) in the scenario files (scenarios with errors did not run)"
        ));
    }
    line
}

/// The same as data: the counts, each file, each mistake and each failed expectation.
pub(crate) fn json(outcome: &Outcome) -> serde_json::Value {
    let place = |d: &crate::diagnostic::Diagnostic| json!({ "file": d.path, "line": d.line, "column": d.column, "message": d.message });
    let files: Vec<serde_json::Value> = (outcome.files.iter())
        .map(|f| {
            json!({
                "file": f.name,
                "scenarios": f.scenarios.len(),
                "failed": f.scenarios.iter().filter(|s| !s.failures.is_empty()).count(),
                "errors": f.errors.iter().map(place).collect::<Vec<_>>(),
            })
        })
        .collect();
    let failures: Vec<serde_json::Value> = (outcome.files.iter())
        .flat_map(|f| &f.scenarios)
        .flat_map(|s| {
            s.failures.iter().map(move |d| {
                let mut v = place(d);
                v["scenario"] = json!(s.name);
                v
            })
        })
        .collect();
    json!({
        "passed": outcome.passed(),
        "failed": outcome.failed(),
        "errors": outcome.errors(),
        "files": files,
        "failures": failures,
    })
}
