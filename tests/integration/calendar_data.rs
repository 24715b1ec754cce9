//! The project's copy of the official holiday schedule matches the shared data, and the calendar
//! built from it says what the files say, day by day.

use newborn::calendar::Calendar;
use std::path::Path;

fn shared() -> Option<&'static Path> {
    let dir = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/data/holiday-cn"
    ));
    if dir.is_dir() {
        Some(dir)
    } else {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have ../shared/data/holiday-cn to cross-check the calendar"
        );
        eprintln!("note: ../shared/data/holiday-cn not found; cross-check skipped");
        None
    }
}

#[test]
fn the_shipped_schedule_is_a_verbatim_copy_of_the_shared_one() {
    let Some(shared) = shared() else { return };
    let ours = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/data/holiday-cn"));
    let mut count = 0;
    for entry in std::fs::read_dir(shared).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let name = path.file_name().unwrap();
            let theirs = std::fs::read(&path).unwrap();
            let mine = std::fs::read(ours.join(name))
                .unwrap_or_else(|_| panic!("data/holiday-cn lacks {}", name.to_string_lossy()));
            assert_eq!(mine, theirs, "{} differs", name.to_string_lossy());
            count += 1;
        }
    }
    assert!(count >= 20);
}

#[test]
fn every_listed_day_has_the_status_the_shared_files_give() {
    let Some(shared) = shared() else { return };
    let calendar = Calendar::embedded();
    for entry in std::fs::read_dir(shared).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let file: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let year = file["year"].as_i64().unwrap() as i32;
        let days = file["days"].as_array().unwrap();
        assert_eq!(calendar.is_known(year), !days.is_empty(), "{year}");
        for day in days {
            let date = chrono::NaiveDate::parse_from_str(day["date"].as_str().unwrap(), "%Y-%m-%d")
                .unwrap();
            let off = day["isOffDay"].as_bool().unwrap();
            assert_eq!(calendar.is_working_day(date), !off, "{date}");
        }
    }
}
