//! Compiles the shipped holiday schedule (`data/holiday-cn/*.json`) into a sorted table, so the
//! binary starts without parsing JSON.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/calendar/schedule.rs"]
#[allow(dead_code)]
mod schedule;

fn main() {
    holidays();
    playbooks();
}

/// Embeds every `regions/*.toml` as (file stem, text).
fn playbooks() {
    let dir = Path::new("regions");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("regions/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("/// (file stem, text) of every shipped playbook.\n");
    out.push_str("pub static PLAYBOOKS: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let stem = path.file_stem().unwrap().to_string_lossy();
        let abs = std::fs::canonicalize(path).unwrap();
        writeln!(
            out,
            "    ({stem:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("playbooks.rs");
    std::fs::write(dest, out).unwrap();
}

fn holidays() {
    let dir = Path::new("data/holiday-cn");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("data/holiday-cn exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();

    let mut days: Vec<(String, bool, String)> = Vec::new();
    let mut years: Vec<(i32, String)> = Vec::new();
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let text = std::fs::read_to_string(path).expect("readable schedule file");
        let file: schedule::ScheduleFile = serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("{}: not a holiday-cn schedule: {e}", path.display()));
        if file.days.is_empty() {
            // An empty placeholder (e.g. 2027 before its notice): the year stays unknown.
            continue;
        }
        years.push((file.year, file.papers.join(" ")));
        for day in file.days {
            days.push((day.date, day.is_off_day, day.name));
        }
    }
    days.sort();
    days.dedup_by(|a, b| a.0 == b.0);

    let mut out = String::new();
    out.push_str("/// (date, is_off_day, holiday name), sorted by date.\n");
    out.push_str("pub static DAYS: &[(&str, bool, &str)] = &[\n");
    for (date, off, name) in &days {
        writeln!(out, "    ({date:?}, {off}, {name:?}),").unwrap();
    }
    out.push_str("];\n/// (year, notice addresses) of every year with a published schedule.\n");
    out.push_str("pub static YEARS: &[(i32, &str)] = &[\n");
    for (year, papers) in &years {
        writeln!(out, "    ({year}, {papers:?}),").unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("holidays.rs");
    std::fs::write(dest, out).unwrap();
}
