//! Compiles the shipped data into the binary, so that a command starts without parsing text:
//! the holiday schedule (`data/holiday-cn/*.json`) becomes a sorted table of dates, and each
//! playbook (`regions/*.toml`) becomes code that builds the file as read (`raw::RawPlaybook`,
//! spans included), next to its text. Checking the playbooks stays at run time; a playbook that
//! does not read here is left to the run-time reader, which reports where it is wrong.

use std::fmt::Write as _;
use std::path::Path;

#[path = "src/calendar/schedule.rs"]
#[allow(dead_code)]
mod schedule;

#[path = "src/playbook/kinds.rs"]
#[allow(dead_code)]
mod kinds;

#[path = "src/playbook/raw.rs"]
#[allow(dead_code)]
mod raw;

use kinds::{Channel, MaterialKind, Trust, Who};
use raw::*;

fn main() {
    // The crate is compiled with `json_schema`, this script without (`Cargo.toml` declares it):
    // the JSON Schema derives of the files it shares (`raw.rs`, `kinds.rs`) need schemars, which
    // only the crate has.
    println!("cargo::rustc-cfg=json_schema");
    holidays();
    playbooks();
    scenarios();
}

/// Embeds every `regions/*.toml` as (file stem, text, the file as read).
fn playbooks() {
    let dir = Path::new("regions");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("regions/ exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut table = String::from(
        "/// (file stem, text, the file as read at build time) of every shipped playbook.\n",
    );
    table.push_str("pub static PLAYBOOKS: &[(&str, &str, Option<fn() -> RawPlaybook>)] = &[\n");
    let mut fns = String::new();
    for (n, path) in files.iter().enumerate() {
        println!("cargo::rerun-if-changed={}", path.display());
        let stem = path.file_stem().unwrap().to_string_lossy();
        let abs = std::fs::canonicalize(path).unwrap();
        let text = std::fs::read_to_string(path).expect("readable playbook");
        // A file that does not read is left to the run-time reader and its located message.
        let parsed = match toml::from_str::<RawPlaybook>(&text) {
            Ok(raw) => {
                write!(fns, "fn raw_{n}() -> RawPlaybook {{\n    ").unwrap();
                raw.emit(&mut fns);
                fns.push_str("\n}\n");
                format!("Some(raw_{n})")
            }
            Err(_) => "None".to_string(),
        };
        writeln!(
            table,
            "    ({stem:?}, include_str!({:?}), {parsed}),",
            abs.display().to_string()
        )
        .unwrap();
    }
    table.push_str("];\n");
    table.push_str(&fns);
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("playbooks.rs");
    std::fs::write(dest, table).unwrap();
}

/// Embeds every scenario file `regions/tests/*.toml` as (name shown, text); `newborn test` reads
/// them only when it runs.
fn scenarios() {
    let dir = Path::new("regions/tests");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files: Vec<_> = match std::fs::read_dir(dir) {
        Ok(read) => read
            .map(|e| e.expect("readable entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect(),
        Err(_) => Vec::new(),
    };
    files.sort();
    let mut table = String::from("/// (name shown, text) of every shipped scenario file.\n");
    table.push_str("pub static SCENARIOS: &[(&str, &str)] = &[\n");
    for path in &files {
        println!("cargo::rerun-if-changed={}", path.display());
        let name = format!(
            "regions/tests/{}",
            path.file_name().unwrap().to_string_lossy()
        );
        let abs = std::fs::canonicalize(path).unwrap();
        writeln!(
            table,
            "    ({name:?}, include_str!({:?})),",
            abs.display().to_string()
        )
        .unwrap();
    }
    table.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("scenarios.rs");
    std::fs::write(dest, table).unwrap();
}

/// Writes a Rust expression that builds the value (see the helpers in `src/registry.rs`).
trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for Text {
    fn emit(&self, out: &mut String) {
        write!(out, "t({self:?})").unwrap();
    }
}

impl Emit for bool {
    fn emit(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

impl Emit for u32 {
    fn emit(&self, out: &mut String) {
        write!(out, "{self}").unwrap();
    }
}

impl Emit for toml::value::Datetime {
    fn emit(&self, out: &mut String) {
        write!(out, "dt({:?})", self.to_string()).unwrap();
    }
}

impl<T: Emit> Emit for toml::Spanned<T> {
    fn emit(&self, out: &mut String) {
        let span = self.span();
        write!(out, "sp({}, {}, ", span.start, span.end).unwrap();
        self.get_ref().emit(out);
        out.push(')');
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
        }
    }
}

impl<T: Emit> Emit for Vec<T> {
    fn emit(&self, out: &mut String) {
        out.push_str("vec![");
        for (i, v) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            v.emit(out);
        }
        out.push(']');
    }
}

macro_rules! emit_enum {
    ($($ty:ident),*) => {$(
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                write!(out, "{}::{:?}", stringify!($ty), self).unwrap();
            }
        }
    )*};
}
emit_enum!(Trust, Channel, Who, MaterialKind);

/// Every field must be listed: a field added to `raw.rs` and not here fails to compile.
macro_rules! emit_struct {
    ($($ty:ident { $($field:ident),* $(,)? })*) => {$(
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    self.$field.emit(out);
                    out.push_str(", ");
                )*
                out.push('}');
            }
        }
    )*};
}
emit_struct! {
    RawPlaybook { id, name, name_en, summary, reviewed, extends, scope, sources, contacts,
        conditions, routes, steps }
    RawScope { when, text, source }
    RawSource { id, title, issuer, date, trust, file, url, note }
    RawCite { doc, section }
    RawContact { name, phone, note, steps, source }
    RawCondition { id, title, title_en, all, source }
    RawClause { when, text }
    RawRoute { id, title, title_en, when, summary, source, scope, started_by }
    RawStep { id, title, title_en, summary, route, when, agency, channel, path, who, in_person,
        optional, requires, deadline, deadline_from, deadline_binds, deadline_note,
        deadline_source, window, window_note, window_source, missed, late, scope, fact, start,
        lead_time, lead_time_note, materials, tips, source }
    RawLate { text, source }
    RawMaterial { name, name_en, kind, originals, copies, note, when }
    RawTip { text, when, day, source }
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
    out.push_str("/// Every listed day, sorted by date, no duplicates.\n");
    out.push_str("pub static DAYS: &[SpecialDay] = &[\n");
    for (date, off, name) in &days {
        let ymd: Vec<u32> = date
            .split('-')
            .map(|part| {
                part.parse()
                    .unwrap_or_else(|_| panic!("`{date}`: not YYYY-MM-DD"))
            })
            .collect();
        let [y, m, d] = ymd[..] else {
            panic!("`{date}`: not YYYY-MM-DD")
        };
        writeln!(
            out,
            "    SpecialDay {{ date: ymd({y}, {m}, {d}), off: {off}, name: Cow::Borrowed({name:?}) }},"
        )
        .unwrap();
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
