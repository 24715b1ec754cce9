//! The data dir: the only code that reads or writes a parent's files.
//!
//! ```text
//! <data dir>/
//!   babies/<name>/profile.toml    region, birth date, facts (no identity, phone or bank numbers)
//!   babies/<name>/progress.json   the log of done / undone events
//!   calendar/*.json               newer holiday schedules (holiday-cn format)
//! ```
//!
//! Every write goes to a temporary file in the same folder, is flushed to disk, then renamed over
//! the old file, under an exclusive lock: a crash leaves either the old or the new file.

use crate::facts::Facts;
use crate::family::{Event, Profile, merge};
use crate::lang::{Lang, Say};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The schema version written by this build.
pub(crate) const SCHEMA: u32 = 2;

/// Why the data dir could not be read or written.
#[derive(Debug, thiserror::Error)]
pub(crate) enum StoreError {
    #[error("cannot {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{path} is damaged ({message}); it was left as it is. Fix or move it away, or restore it from a copy (e.g. the other parent's synced folder)"
    )]
    Corrupt { path: PathBuf, message: String },
    #[error(
        "{path} was written by a newer newborn (schema {found}, this one knows up to {SCHEMA}); update newborn. The file was not changed"
    )]
    TooNew { path: PathBuf, found: u32 },
    #[error("no baby named `{name}` in {dir}; babies: {}", if known.is_empty() { "(none yet)".to_string() } else { known.join(", ") })]
    UnknownBaby {
        name: String,
        dir: PathBuf,
        known: Vec<String>,
    },
    #[error(
        "no baby set up yet in {dir}: run `newborn init --region REGION --birth-date YYYY-MM-DD` (or pass --region and --birth-date for a one-off plan)"
    )]
    NoBaby { dir: PathBuf },
    #[error(
        "several babies in {dir} ({}): choose one with --baby NAME, or set a default with newborn babies --default NAME", known.join(", ")
    )]
    WhichBaby { dir: PathBuf, known: Vec<String> },
    #[error(
        "`{0}` is not a usable baby name: use letters, digits, - or _ (e.g. baby, 大宝, twin-2)"
    )]
    BadName(String),
}

impl Say for StoreError {
    fn say(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StoreError::Io {
                action,
                path,
                source,
            } => {
                let action = match *action {
                    "read" => "读取",
                    "write" => "写入",
                    "create" => "创建",
                    "lock" => "锁定",
                    other => other,
                };
                let (path, why) = (path.display(), crate::error::io_error(source, lang));
                format!("无法{action} {path}：{why}")
            }
            StoreError::Corrupt { path, message } => {
                let path = path.display();
                // `line 3, column 0: …` (the reader's own words follow in English).
                let message = match message
                    .strip_prefix("line ")
                    .and_then(|m| m.split_once(", column "))
                    .and_then(|(line, rest)| Some((line, rest.split_once(": ")?)))
                {
                    Some((line, (column, rest))) => format!("第 {line} 行第 {column} 列：{rest}"),
                    None => message.clone(),
                };
                format!(
                    "{path} 已损坏（{message}），文件保持原样没有改动。请修好或移走它，或从备份恢复（例如另一位家长同步的文件夹）"
                )
            }
            StoreError::TooNew { path, found } => {
                let path = path.display();
                format!(
                    "{path} 是较新版本的 newborn 写的（格式版本 {found}，这个版本只认识到 {SCHEMA}）：请更新 newborn。文件没有改动"
                )
            }
            StoreError::UnknownBaby { name, dir, known } => {
                let dir = dir.display();
                let known = if known.is_empty() {
                    "（还没有）".to_string()
                } else {
                    known.join("、")
                };
                format!("{dir} 里没有叫“{name}”的宝宝；已有的宝宝：{known}")
            }
            StoreError::NoBaby { dir } => {
                let dir = dir.display();
                format!(
                    "{dir} 里还没有设置宝宝：运行 newborn init（或 newborn init --region 地区 --birth-date YYYY-MM-DD）；只想临时看一份清单，用 --region 和 --birth-date"
                )
            }
            StoreError::WhichBaby { dir, known } => {
                let (dir, known) = (dir.display(), known.join("、"));
                format!(
                    "{dir} 里有几个宝宝（{known}）：用 --baby 名字 选一个，或用 newborn babies --default 名字 设默认的宝宝"
                )
            }
            StoreError::BadName(name) => format!(
                "“{name}”不能用作宝宝的名字：只能用文字、数字、- 或 _（例如 baby、大宝、twin-2）"
            ),
        }
    }
}

/// A baby's name as the parent chose it, for messages: `大宝`, or nothing for the one baby
/// named `baby` by default.
pub(crate) fn shown_name(baby: &str, lang: Lang) -> String {
    match baby {
        "baby" => lang.pick("宝宝", "the baby").to_string(),
        name => name.to_string(),
    }
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        action,
        path: path.to_path_buf(),
        source,
    }
}

/// What `sync_from` did for one baby.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyncResult {
    pub baby: String,
    /// The baby was only in the other copy and was copied here.
    pub new_baby: bool,
    /// Events that were new here.
    pub added: usize,
    /// Both copies have the baby with different profiles (this copy's was kept).
    pub profile_differs: bool,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProfileFile {
    schema: u32,
    region: String,
    birth_date: NaiveDate,
    #[serde(default)]
    facts: BTreeMap<String, String>,
}

/// `settings.toml`: choices that are not about one baby.
#[derive(Debug, Serialize, Deserialize)]
struct SettingsFile {
    schema: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    default_baby: Option<String>,
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct ProgressFile {
    schema: u32,
    #[serde(default)]
    events: Vec<Event>,
}

/// A data dir.
#[derive(Debug, Clone)]
pub(crate) struct Store {
    root: PathBuf,
}

impl Store {
    pub(crate) fn new(root: impl Into<PathBuf>) -> Store {
        Store { root: root.into() }
    }

    pub(crate) fn root(&self) -> &Path {
        &self.root
    }

    fn babies_dir(&self) -> PathBuf {
        self.root.join("babies")
    }

    fn baby_dir(&self, name: &str) -> PathBuf {
        self.babies_dir().join(name)
    }

    /// The folder of newer holiday schedules.
    pub(crate) fn calendar_dir(&self) -> PathBuf {
        self.root.join("calendar")
    }

    /// The schedule files in `calendar/`, sorted.
    pub(crate) fn calendar_files(&self) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.calendar_dir();
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut files: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(io("read", &dir))?
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "json"))
            .collect();
        files.sort();
        Ok(files)
    }

    /// The babies set up, sorted by name.
    pub(crate) fn babies(&self) -> Result<Vec<String>, StoreError> {
        let dir = self.babies_dir();
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut names: Vec<String> = fs::read_dir(&dir)
            .map_err(io("read", &dir))?
            .filter_map(|e| e.ok())
            .filter(|e| e.path().join("profile.toml").exists())
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        names.sort();
        Ok(names)
    }

    /// Resolves `--baby`: the named baby, or the only one, or the default one.
    pub(crate) fn which_baby(&self, name: Option<&str>) -> Result<String, StoreError> {
        let babies = self.babies()?;
        match name {
            Some(n) if babies.iter().any(|b| b == n) => Ok(n.to_string()),
            Some(n) => Err(StoreError::UnknownBaby {
                name: n.to_string(),
                dir: self.root.clone(),
                known: babies,
            }),
            None => match babies.as_slice() {
                [] => Err(StoreError::NoBaby {
                    dir: self.root.clone(),
                }),
                [one] => Ok(one.clone()),
                _ => match self.default_baby()? {
                    Some(d) if babies.contains(&d) => Ok(d),
                    _ => Err(StoreError::WhichBaby {
                        dir: self.root.clone(),
                        known: babies,
                    }),
                },
            },
        }
    }

    fn settings_path(&self) -> PathBuf {
        self.root.join("settings.toml")
    }

    /// The baby commands use when there are several and none is named (`babies --default`).
    pub(crate) fn default_baby(&self) -> Result<Option<String>, StoreError> {
        let path = self.settings_path();
        let text = match fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(io("read", &path)(e)),
        };
        let file: SettingsFile = toml::from_str(&text).map_err(|e| StoreError::Corrupt {
            path: path.clone(),
            message: e.to_string().trim().to_string(),
        })?;
        if file.schema > SCHEMA {
            return Err(StoreError::TooNew {
                path,
                found: file.schema,
            });
        }
        Ok(file.default_baby)
    }

    /// Sets the default baby (which must be set up).
    pub(crate) fn set_default_baby(&self, name: &str) -> Result<(), StoreError> {
        let babies = self.babies()?;
        if !babies.iter().any(|b| b == name) {
            return Err(StoreError::UnknownBaby {
                name: name.to_string(),
                dir: self.root.clone(),
                known: babies,
            });
        }
        let file = SettingsFile {
            schema: SCHEMA,
            default_baby: Some(name.to_string()),
        };
        let text = toml::to_string(&file).expect("settings serialize");
        let _lock = self.lock(&self.root)?;
        write_atomic(&self.settings_path(), text.as_bytes())
    }

    /// Checks a baby name is safe as a folder name.
    pub(crate) fn check_name(name: &str) -> Result<(), StoreError> {
        let ok = !name.is_empty()
            && name.chars().count() <= 40
            && !name.starts_with('.')
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_');
        if ok {
            Ok(())
        } else {
            Err(StoreError::BadName(name.to_string()))
        }
    }

    pub(crate) fn has_profile(&self, baby: &str) -> bool {
        self.baby_dir(baby).join("profile.toml").exists()
    }

    /// Reads a baby's profile.
    pub(crate) fn load_profile(&self, baby: &str) -> Result<Profile, StoreError> {
        let path = self.baby_dir(baby).join("profile.toml");
        let text = fs::read_to_string(&path).map_err(io("read", &path))?;
        parse_profile(&path, &text)
    }

    /// Writes a baby's profile (creating the baby).
    pub(crate) fn save_profile(&self, baby: &str, profile: &Profile) -> Result<(), StoreError> {
        Store::check_name(baby)?;
        let dir = self.baby_dir(baby);
        let file = ProfileFile {
            schema: SCHEMA,
            region: profile.region.clone(),
            birth_date: profile.birth_date,
            facts: profile.facts.to_map(),
        };
        let text = format!(
            "# newborn profile: no identity, phone or bank numbers are stored here.\n{}",
            toml::to_string(&file).expect("a profile serializes")
        );
        let _lock = self.lock(&dir)?;
        write_atomic(&dir.join("profile.toml"), text.as_bytes())
    }

    fn progress_path(&self, baby: &str) -> PathBuf {
        self.baby_dir(baby).join("progress.json")
    }

    fn export_path(&self, baby: &str) -> PathBuf {
        self.baby_dir(baby).join("calendar-export.json")
    }

    /// The calendar events as last exported for a baby (none yet: empty). A damaged file is
    /// read as none: it only numbers the events' versions.
    pub(crate) fn load_sequences(&self, baby: &str) -> crate::render::ics::Sequences {
        fs::read_to_string(self.export_path(baby))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Keeps the calendar events as exported, so that the next export numbers changed events.
    pub(crate) fn save_sequences(
        &self,
        baby: &str,
        sequences: &crate::render::ics::Sequences,
    ) -> Result<(), StoreError> {
        let dir = self.baby_dir(baby);
        let _lock = self.lock(&dir)?;
        let text = serde_json::to_string_pretty(sequences).expect("sequences serialize");
        write_atomic(&self.export_path(baby), format!("{text}\n").as_bytes())
    }

    /// Reads a baby's events (none yet: empty), merged with any conflict copies a sync tool left
    /// beside the log (`progress (conflicted copy …).json`, `progress.sync-conflict-….json`).
    pub(crate) fn load_events(&self, baby: &str) -> Result<Vec<Event>, StoreError> {
        let mut events = read_events(&self.progress_path(baby))?;
        for copy in self.conflict_copies(baby)? {
            events = merge(&events, &read_events(&copy)?);
        }
        Ok(events)
    }

    /// Copies of the progress log that sync tools leave when both sides changed it.
    fn conflict_copies(&self, baby: &str) -> Result<Vec<PathBuf>, StoreError> {
        let dir = self.baby_dir(baby);
        if !dir.exists() {
            return Ok(Vec::new());
        }
        let mut copies: Vec<PathBuf> = fs::read_dir(&dir)
            .map_err(io("read", &dir))?
            .filter_map(|e| e.ok())
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| n.starts_with("progress") && n.ends_with(".json") && n != "progress.json")
            .map(|n| dir.join(n))
            .collect();
        copies.sort();
        Ok(copies)
    }

    /// Merges another data dir (say, the other parent's synced copy) into this one: every baby's
    /// events are united by id; a baby only the other copy has is copied with its profile.
    /// Returns, per baby, how many events were new here.
    pub(crate) fn sync_from(&self, other: &Store) -> Result<Vec<SyncResult>, StoreError> {
        let mut out = Vec::new();
        for baby in other.babies()? {
            let theirs = other.load_events(&baby)?;
            let profile = other.load_profile(&baby)?;
            let new_baby = !self.has_profile(&baby);
            if new_baby {
                self.save_profile(&baby, &profile)?;
            }
            let before = self.load_events(&baby)?;
            let added = merge(&before, &theirs).len() - before.len();
            if added > 0 {
                self.append_events(&baby, &theirs)?;
            }
            out.push(SyncResult {
                baby: baby.clone(),
                new_baby,
                added,
                profile_differs: !new_baby && self.load_profile(&baby)? != profile,
            });
        }
        Ok(out)
    }

    /// Appends events under the lock (read, add, write atomically).
    pub(crate) fn append_events(&self, baby: &str, new: &[Event]) -> Result<(), StoreError> {
        let dir = self.baby_dir(baby);
        let _lock = self.lock(&dir)?;
        let path = self.progress_path(baby);
        let events = merge(&self.load_events(baby)?, new);
        let file = ProgressFile {
            schema: SCHEMA,
            events,
        };
        let text = serde_json::to_string_pretty(&file).expect("events serialize");
        write_atomic(&path, format!("{text}\n").as_bytes())
    }

    /// Takes the baby folder's lock (created if missing), released when dropped.
    fn lock(&self, dir: &Path) -> Result<File, StoreError> {
        create_private_dir(dir)?;
        let path = dir.join(".lock");
        let file = open_private(&path, false)?;
        file.lock().map_err(io("lock", &path))?;
        Ok(file)
    }
}

/// Parses a profile file's text (`path` is for messages).
pub(crate) fn parse_profile(path: &Path, text: &str) -> Result<Profile, StoreError> {
    let corrupt = |message: String| StoreError::Corrupt {
        path: path.to_path_buf(),
        message,
    };
    // One read in the usual case; only a file that does not read as this version's profile is
    // read again, to tell a newer version (refused as such) from a damaged file.
    let file = match toml::from_str::<ProfileFile>(text) {
        Ok(file) => file,
        Err(e) => {
            let table = toml::from_str::<toml::Table>(text)
                .map_err(|e| corrupt(e.to_string().trim().to_string()))?;
            let schema = table
                .get("schema")
                .and_then(|v| v.as_integer())
                .ok_or_else(|| corrupt("no schema version".into()))?;
            if schema > i64::from(SCHEMA) {
                return Err(StoreError::TooNew {
                    path: path.to_path_buf(),
                    found: u32::try_from(schema).unwrap_or(u32::MAX),
                });
            }
            return Err(corrupt(e.to_string().trim().to_string()));
        }
    };
    if file.schema > SCHEMA {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: file.schema,
        });
    }
    let mut facts = Facts::default();
    for (k, v) in &file.facts {
        // Schema 1 stored every fact, stated or not: a default value there was not stated.
        let default = crate::facts::fact(k).is_some_and(|f| f.default == v);
        if file.schema < 2 && default {
            continue;
        }
        facts
            .set(k, v)
            .map_err(|e| corrupt(format!("fact {k}: {e}")))?;
    }
    Ok(Profile {
        region: file.region,
        birth_date: file.birth_date,
        facts,
    })
}

fn read_events(path: &Path) -> Result<Vec<Event>, StoreError> {
    let text = match fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io("read", path)(e)),
    };
    parse_progress(path, &text)
}

/// Parses a progress log's text (`path` is for messages), migrating older versions.
pub(crate) fn parse_progress(path: &Path, text: &str) -> Result<Vec<Event>, StoreError> {
    let corrupt = |e: serde_json::Error| StoreError::Corrupt {
        path: path.to_path_buf(),
        message: format!("line {}, column {}: {e}", e.line(), e.column()),
    };
    let head: serde_json::Value = serde_json::from_str(text).map_err(corrupt)?;
    if !head.is_object() {
        return Err(StoreError::Corrupt {
            path: path.to_path_buf(),
            message: "expected an object like {\"schema\": 1, \"events\": [...]}".into(),
        });
    }
    let schema = head.get("schema").and_then(|s| s.as_u64()).unwrap_or(0);
    if schema > u64::from(SCHEMA) {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: u32::try_from(schema).unwrap_or(u32::MAX),
        });
    }
    let head = migrate(head, schema);
    let file: ProgressFile = serde_json::from_value(head).map_err(|e| StoreError::Corrupt {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    Ok(file.events)
}

/// Brings a progress file of an older schema up to [`SCHEMA`].
///
/// - 0 (no `schema` key: written by hand or by a pre-release build): events may lack an `id`
///   and a `recorded` time; they get an id derived from their content (so two copies of the same
///   file agree) and the recorded time of their day.
/// - 1: as 2, without `skipped` events (nothing to change).
fn migrate(mut file: serde_json::Value, from: u64) -> serde_json::Value {
    if from == 0
        && let Some(events) = file.get_mut("events").and_then(|e| e.as_array_mut())
    {
        {
            for e in events {
                let Some(obj) = e.as_object_mut() else {
                    continue;
                };
                let on = obj
                    .get("on")
                    .and_then(|v| v.as_str())
                    .unwrap_or("")
                    .to_string();
                if !obj.contains_key("recorded") {
                    obj.insert("recorded".into(), format!("{on}T00:00:00Z").into());
                }
                if !obj.contains_key("id") {
                    use std::hash::{DefaultHasher, Hash, Hasher};
                    let mut h = DefaultHasher::new();
                    serde_json::Value::Object(obj.clone())
                        .to_string()
                        .hash(&mut h);
                    obj.insert("id".into(), format!("v0-{:016x}", h.finish()).into());
                }
            }
        }
    }
    if file.is_object() {
        file["schema"] = SCHEMA.into();
    }
    file
}

fn create_private_dir(dir: &Path) -> Result<(), StoreError> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(io("create", dir))
}

fn open_private(path: &Path, truncate: bool) -> Result<File, StoreError> {
    let mut options = OpenOptions::new();
    options.write(true).create(true).truncate(truncate);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map_err(io("write", path))
}

/// Writes `bytes` to `path` atomically: temp file, flush to disk, rename, flush the folder.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    if !dir.as_os_str().is_empty() && !dir.exists() {
        create_private_dir(dir)?;
    }
    let name = path
        .file_name()
        .map_or("file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut f = open_private(&tmp, true)?;
        f.write_all(bytes).map_err(io("write", &tmp))?;
        f.sync_all().map_err(io("write", &tmp))?;
        fs::rename(&tmp, path).map_err(io("write", path))?;
        if let Ok(d) = File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::family::{EventKind, new_event_id, progress_of};
    use chrono::DateTime;

    fn event(step: &str, kind: EventKind, secs: i64) -> Event {
        Event {
            recorded: DateTime::from_timestamp(secs, 0).unwrap(),
            id: new_event_id(),
            kind,
            step: step.into(),
            on: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
        }
    }

    #[test]
    fn the_last_event_of_a_step_wins() {
        let events = vec![
            event("a", EventKind::Undone, 30),
            event("a", EventKind::Done, 10),
            event("b", EventKind::Done, 20),
        ];
        let p = progress_of(&events);
        assert!(!p.is_done("a"));
        assert!(p.is_done("b"));
    }

    #[test]
    fn profile_and_progress_round_trip() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let mut facts = Facts::default();
        facts.set("father_hukou", "other").unwrap();
        let profile = Profile {
            region: "hebei".into(),
            birth_date: NaiveDate::from_ymd_opt(2026, 10, 8).unwrap(),
            facts,
        };
        store.save_profile("baby", &profile).unwrap();
        assert_eq!(
            store.load_profile("baby").unwrap(),
            Profile { ..profile.clone() }.clone_with_all_set()
        );
        store
            .append_events("baby", &[event("a", EventKind::Done, 5)])
            .unwrap();
        assert_eq!(store.load_events("baby").unwrap().len(), 1);
        assert_eq!(store.which_baby(None).unwrap(), "baby");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(dir.path().join("babies/baby/progress.json"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    impl Profile {
        fn clone_with_all_set(&self) -> Profile {
            let mut facts = Facts::default();
            for (k, v) in self.facts.to_map() {
                facts.set(&k, &v).unwrap();
            }
            Profile {
                facts,
                ..self.clone()
            }
        }
    }

    #[test]
    fn a_schema_0_log_migrates_on_load() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let p = dir.path().join("babies/baby");
        fs::create_dir_all(&p).unwrap();
        fs::write(
            p.join("progress.json"),
            r#"{"events": [{"kind": "done", "step": "birth-certificate", "on": "2026-10-12"}]}"#,
        )
        .unwrap();
        let events = store.load_events("baby").unwrap();
        assert_eq!(events.len(), 1);
        assert!(events[0].id.starts_with("v0-"));
        assert_eq!(events[0].recorded.to_rfc3339(), "2026-10-12T00:00:00+00:00");
        assert_eq!(store.load_events("baby").unwrap(), events, "ids are stable");
    }

    #[test]
    fn conflict_copies_left_by_sync_tools_are_merged() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        store
            .append_events("baby", &[event("a", EventKind::Done, 1)])
            .unwrap();
        let p = dir.path().join("babies/baby");
        let other = Store::new(dir.path().join("other"));
        other
            .append_events("baby", &[event("b", EventKind::Done, 2)])
            .unwrap();
        fs::copy(
            dir.path().join("other/babies/baby/progress.json"),
            p.join("progress.sync-conflict-20261120-101010-ABCDEFG.json"),
        )
        .unwrap();
        let progress = progress_of(&store.load_events("baby").unwrap());
        assert!(progress.is_done("a") && progress.is_done("b"));
    }

    #[test]
    fn newer_schema_and_damaged_files_are_refused_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::new(dir.path());
        let p = dir.path().join("babies/baby");
        fs::create_dir_all(&p).unwrap();
        fs::write(p.join("progress.json"), "{\"schema\": 9, \"events\": []}").unwrap();
        assert!(matches!(
            store.load_events("baby"),
            Err(StoreError::TooNew { found: 9, .. })
        ));
        fs::write(p.join("progress.json"), "{\"schema\": 1, \"events\": [").unwrap();
        let e = store.load_events("baby").unwrap_err().to_string();
        assert!(e.contains("damaged") && e.contains("line 1"), "{e}");
        assert_eq!(
            fs::read_to_string(p.join("progress.json")).unwrap(),
            "{\"schema\": 1, \"events\": ["
        );
    }
}
