//! The playbooks available: those shipped in the binary, plus a parent's own from
//! `--regions-dir` (which add regions or replace a shipped one with the same id).

use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};
use crate::facts::{closest, did_you_mean, hint};
use crate::lang::{Lang, Say, tr};
use crate::playbook::raw::RawPlaybook;
use crate::playbook::{self, Playbook};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The shipped playbooks: their text, and code written by `build.rs` that builds each file as
/// read (so that a command parses no TOML for them).
mod embedded {
    #![allow(clippy::all)]
    use crate::playbook::raw::*;
    use crate::playbook::{Channel, MaterialKind, Trust, Who};
    use toml::Spanned;
    use toml::value::Datetime;

    fn t(text: &'static str) -> Text {
        Text::Borrowed(text)
    }

    fn sp<T>(start: usize, end: usize, value: T) -> Spanned<T> {
        Spanned::new(start..end, value)
    }

    fn dt(text: &str) -> Datetime {
        text.parse().expect("a date written by build.rs")
    }

    include!(concat!(env!("OUT_DIR"), "/playbooks.rs"));
}

/// Where a playbook file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Origin {
    Embedded,
    User(PathBuf),
}

#[derive(Debug)]
struct Entry {
    /// The file's name as shown in messages.
    name: String,
    text: Cow<'static, str>,
    origin: Origin,
    /// For a shipped playbook: builds the file as read at build time.
    parsed: Option<fn() -> RawPlaybook>,
    /// For a parent's file: the file as read when it was added (for its id), kept for the first
    /// load so that a command reads it once.
    read: Mutex<Option<RawPlaybook>>,
}

impl Clone for Entry {
    fn clone(&self) -> Self {
        Entry {
            name: self.name.clone(),
            text: self.text.clone(),
            origin: self.origin.clone(),
            parsed: self.parsed,
            read: Mutex::new(None),
        }
    }
}

impl Entry {
    fn file(&self) -> SourceFile {
        SourceFile {
            name: self.name.clone(),
            text: self.text.clone(),
        }
    }

    /// The file as read: built in, kept from when it was added, or parsed now.
    fn raw(&self, file: &SourceFile) -> Result<RawPlaybook, Diagnostic> {
        if let Some(build) = self.parsed {
            return Ok(build());
        }
        let kept = self.read.lock().ok().and_then(|mut read| read.take());
        match kept {
            Some(raw) => Ok(raw),
            None => playbook::parse_file(file),
        }
    }
}

/// Why a playbook could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("unknown region `{name}`{}; available: {}", did_you_mean(near, Lang::En), known.join(", "))]
    UnknownRegion {
        name: String,
        /// The closest ids.
        near: Vec<String>,
        /// Every region a parent may choose, as `id` (English) or `id（名称）`.
        known: Vec<String>,
        /// The same in Chinese.
        known_zh: Vec<String>,
    },
    #[error("{0}")]
    Invalid(Diagnostics),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Every playbook file known, by id.
#[derive(Debug, Clone, Default)]
pub struct Registry {
    entries: BTreeMap<String, Entry>,
}

impl Registry {
    /// The shipped playbooks.
    pub fn embedded() -> Registry {
        let entries = embedded::PLAYBOOKS
            .iter()
            .map(|(stem, text, parsed)| {
                (
                    (*stem).to_string(),
                    Entry {
                        name: format!("regions/{stem}.toml"),
                        text: Cow::Borrowed(*text),
                        origin: Origin::Embedded,
                        parsed: *parsed,
                        read: Mutex::new(None),
                    },
                )
            })
            .collect();
        Registry { entries }
    }

    /// Adds every `*.toml` in `dir`; a file whose id is a shipped one replaces it.
    pub(crate) fn add_dir(&mut self, dir: &Path) -> Result<Vec<String>, LoadError> {
        let read = std::fs::read_dir(dir).map_err(|source| LoadError::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        let mut paths: Vec<PathBuf> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect();
        paths.sort();
        paths.iter().map(|p| self.add_file(p)).collect()
    }

    /// Adds one playbook file (parsed for its id); returns the id.
    pub(crate) fn add_file(&mut self, path: &Path) -> Result<String, LoadError> {
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file = SourceFile {
            name: path.display().to_string(),
            text: text.into(),
        };
        let raw =
            playbook::parse_file(&file).map_err(|d| LoadError::Invalid(Diagnostics(vec![d])))?;
        let id = raw.id.get_ref().clone();
        self.entries.insert(
            id.to_string(),
            Entry {
                name: file.name,
                text: file.text,
                origin: Origin::User(path.to_path_buf()),
                parsed: None,
                read: Mutex::new(Some(raw)),
            },
        );
        Ok(id.to_string())
    }

    /// The ids of every playbook, sorted.
    pub fn ids(&self) -> Vec<&str> {
        self.entries.keys().map(String::as_str).collect()
    }

    pub(crate) fn origin(&self, id: &str) -> Option<&Origin> {
        self.entries.get(id).map(|e| &e.origin)
    }

    fn unknown(&self, name: &str) -> LoadError {
        let mut spellings: Vec<(String, &str)> = Vec::new();
        for id in self.ids() {
            spellings.push((id.to_string(), id));
            for n in self.names(id) {
                spellings.push((n, id));
            }
        }
        let mut near: Vec<String> = Vec::new();
        for s in closest(
            &name.to_lowercase(),
            spellings.iter().map(|(s, _)| s.as_str()),
        ) {
            let id = spellings.iter().find(|(sp, _)| sp == s).map_or(s, |p| p.1);
            if !near.iter().any(|n| n == id) {
                near.push(id.to_string());
            }
        }
        let regions = self.regions();
        LoadError::UnknownRegion {
            name: name.to_string(),
            near,
            known: regions.iter().map(|(id, _)| id.clone()).collect(),
            known_zh: regions
                .iter()
                .map(|(id, name)| format!("{id}（{name}）"))
                .collect(),
        }
    }

    /// The names of a playbook (Chinese and English), read from its file.
    fn names(&self, id: &str) -> Vec<String> {
        let Some(raw) = self.raw_of(id) else {
            return Vec::new();
        };
        let mut names = vec![raw.name.to_string()];
        names.extend(raw.name_en.as_ref().map(|n| n.to_lowercase()));
        names
    }

    /// A playbook's file as read (a shipped one is built, a parent's parsed anew).
    fn raw_of(&self, id: &str) -> Option<RawPlaybook> {
        let entry = self.entries.get(id)?;
        match entry.parsed {
            Some(build) => Some(build()),
            None => playbook::parse_file(&entry.file()).ok(),
        }
    }

    /// The regions a parent may choose, with their Chinese names: every playbook except the
    /// bases that only others build on (`national`).
    pub fn regions(&self) -> Vec<(String, String)> {
        let raws: Vec<(&str, RawPlaybook)> = self
            .ids()
            .into_iter()
            .filter_map(|id| Some((id, self.raw_of(id)?)))
            .collect();
        raws.iter()
            .filter(|(id, raw)| {
                raw.extends.is_some()
                    || !raws
                        .iter()
                        .any(|(_, other)| other.extends.as_ref().is_some_and(|e| e.get_ref() == id))
            })
            .map(|(id, raw)| (id.to_string(), raw.name.to_string()))
            .collect()
    }

    /// The playbook id a parent means: the id in any case, or a region's name in Chinese
    /// (`厦门`, `厦门市`, `广西壮族自治区`) or in English.
    pub fn resolve(&self, text: &str) -> Result<String, LoadError> {
        let text = text.trim();
        if self.entries.contains_key(text) {
            return Ok(text.to_string());
        }
        let lower = text.to_lowercase();
        if self.entries.contains_key(&lower) {
            return Ok(lower);
        }
        for id in self.ids() {
            for name in self.names(id) {
                let short = ["壮族自治区", "自治区", "市", "省"]
                    .iter()
                    .find_map(|suffix| name.strip_suffix(suffix))
                    .unwrap_or(&name);
                if name == text || name == lower || (!short.is_empty() && short == text) {
                    return Ok(id.to_string());
                }
            }
        }
        Err(self.unknown(text))
    }

    /// Loads and checks the playbook `id`, merged with the playbooks it extends.
    pub fn load(&self, id: &str) -> Result<Playbook, LoadError> {
        let entry = self.entries.get(id).ok_or_else(|| self.unknown(id))?;
        self.load_chain(entry.file(), Some(entry))
    }

    /// Loads and checks a playbook file, resolving `extends` through the registry.
    pub fn load_file(&self, file: SourceFile) -> Result<Playbook, LoadError> {
        self.load_chain(file, None)
    }

    /// Only the files of the chain are read; a shipped one is built, not parsed.
    fn load_chain(&self, file: SourceFile, entry: Option<&Entry>) -> Result<Playbook, LoadError> {
        let invalid = |d: Diagnostic| LoadError::Invalid(Diagnostics(vec![d]));
        let mut chain = Vec::new();
        let mut next = Some((file, entry));
        while let Some((file, entry)) = next.take() {
            let raw = match entry {
                Some(entry) => entry.raw(&file),
                None => playbook::parse_file(&file),
            }
            .map_err(invalid)?;
            if let Some(parent) = &raw.extends {
                let pid = parent.get_ref();
                if chain
                    .iter()
                    .any(|(_, r): &(SourceFile, playbook::raw::RawPlaybook)| r.id.get_ref() == pid)
                    || raw.id.get_ref() == pid
                {
                    return Err(invalid(Diagnostic::at(
                        &file,
                        parent.span(),
                        format!("`extends` goes round in a circle back to `{pid}`"),
                    )));
                }
                let Some(entry) = self.entries.get(pid.as_ref()) else {
                    let hint = hint(pid, self.ids(), Lang::En);
                    return Err(invalid(Diagnostic::at(
                        &file,
                        parent.span(),
                        format!(
                            "extends unknown playbook `{pid}`{hint}; known: {}",
                            self.ids().join(", ")
                        ),
                    )));
                };
                next = Some((entry.file(), Some(entry)));
            }
            chain.push((file, raw));
        }
        chain.reverse();
        playbook::build(&chain).map_err(LoadError::Invalid)
    }
}

impl Say for LoadError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (
                LoadError::UnknownRegion {
                    name,
                    near,
                    known_zh,
                    ..
                },
                Lang::Zh,
            ) => {
                let (hint, known) = (did_you_mean(near, lang), known_zh.join("、"));
                format!("没有“{name}”这个地区的手册{hint}；可选的地区：{known}")
            }
            (LoadError::Io { path, source }, _) => {
                let (path, why) = (path.display(), crate::error::io_error(source, lang));
                tr!(lang, "读不了 {path}：{why}", "cannot read {path}: {why}")
            }
            (LoadError::Invalid(d), Lang::Zh) => format!("手册有错误：\n{d}"),
            _ => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_regions_suggest_the_closest() {
        let r = Registry::embedded();
        let e = r.resolve("hebie").unwrap_err().to_string();
        assert!(
            e.starts_with("unknown region `hebie` (did you mean hebei"),
            "{e}"
        );
        let e = r.resolve("北京").unwrap_err().say(Lang::Zh);
        assert!(
            e.starts_with(
                "没有“北京”这个地区的手册；可选的地区：guangxi（广西壮族自治区）、hebei（河北省）"
            ),
            "{e}"
        );
        assert!(!e.contains("national"), "{e}");
    }

    #[test]
    fn regions_are_found_by_name_and_in_any_case() {
        let r = Registry::embedded();
        for (text, id) in [
            ("Xiamen", "xiamen"),
            ("厦门", "xiamen"),
            ("厦门市", "xiamen"),
            ("河北", "hebei"),
            ("深圳", "shenzhen"),
            ("广西", "guangxi"),
            ("广西壮族自治区", "guangxi"),
            ("南宁", "nanning"),
            ("NANNING", "nanning"),
        ] {
            assert_eq!(r.resolve(text).unwrap(), id, "{text}");
        }
    }
}

#[cfg(test)]
mod shipped {
    use super::*;

    #[test]
    fn the_files_built_in_are_the_files_as_parsed() {
        let r = Registry::embedded();
        for (id, entry) in &r.entries {
            let built = entry
                .parsed
                .unwrap_or_else(|| panic!("{id} is not built in"))();
            let parsed = playbook::parse_file(&entry.file()).unwrap();
            assert_eq!(format!("{built:?}"), format!("{parsed:?}"), "{id}");
        }
    }

    #[test]
    fn every_shipped_playbook_loads() {
        let r = Registry::embedded();
        for id in r.ids() {
            if let Err(e) = r.load(id) {
                panic!("{id}:\n{e}");
            }
        }
    }
}
