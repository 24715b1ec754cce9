//! The playbooks available: those shipped in the binary, plus a parent's own from
//! `--regions-dir` (which add regions or replace a shipped one with the same id).

use crate::diagnostic::{Diagnostic, Diagnostics, SourceFile};
use crate::facts::closest;
use crate::playbook::{self, Playbook};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/playbooks.rs"));
}

/// Where a playbook file came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    Embedded,
    User(PathBuf),
}

#[derive(Debug, Clone)]
struct Entry {
    file: SourceFile,
    origin: Origin,
}

/// Why a playbook could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("unknown region `{name}`{hint}; available: {known}")]
    UnknownRegion {
        name: String,
        hint: String,
        known: String,
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
            .map(|(stem, text)| {
                (
                    (*stem).to_string(),
                    Entry {
                        file: SourceFile {
                            name: format!("regions/{stem}.toml"),
                            text: (*text).to_string(),
                        },
                        origin: Origin::Embedded,
                    },
                )
            })
            .collect();
        Registry { entries }
    }

    /// Adds every `*.toml` in `dir`; a file whose id is a shipped one replaces it.
    pub fn add_dir(&mut self, dir: &Path) -> Result<Vec<String>, LoadError> {
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
    pub fn add_file(&mut self, path: &Path) -> Result<String, LoadError> {
        let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let file = SourceFile {
            name: path.display().to_string(),
            text,
        };
        let raw =
            playbook::parse_file(&file).map_err(|d| LoadError::Invalid(Diagnostics(vec![d])))?;
        let id = raw.id.get_ref().clone();
        self.entries.insert(
            id.clone(),
            Entry {
                file,
                origin: Origin::User(path.to_path_buf()),
            },
        );
        Ok(id)
    }

    /// The ids of every playbook, sorted.
    pub fn ids(&self) -> Vec<&str> {
        self.entries.keys().map(String::as_str).collect()
    }

    pub fn origin(&self, id: &str) -> Option<&Origin> {
        self.entries.get(id).map(|e| &e.origin)
    }

    fn unknown(&self, name: &str) -> LoadError {
        let near = closest(name, self.ids());
        LoadError::UnknownRegion {
            name: name.to_string(),
            hint: if near.is_empty() {
                String::new()
            } else {
                format!(" (did you mean {}?)", near.join(", "))
            },
            known: self.ids().join(", "),
        }
    }

    /// Loads and checks the playbook `id`, merged with the playbooks it extends.
    pub fn load(&self, id: &str) -> Result<Playbook, LoadError> {
        let entry = self.entries.get(id).ok_or_else(|| self.unknown(id))?;
        self.load_file(entry.file.clone())
    }

    /// Loads and checks a playbook file, resolving `extends` through the registry.
    pub fn load_file(&self, file: SourceFile) -> Result<Playbook, LoadError> {
        let invalid = |d: Diagnostic| LoadError::Invalid(Diagnostics(vec![d]));
        let mut chain = Vec::new();
        let mut next = Some(file);
        while let Some(file) = next.take() {
            let raw = playbook::parse_file(&file).map_err(invalid)?;
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
                let Some(entry) = self.entries.get(pid) else {
                    let near = closest(pid, self.ids());
                    let hint = if near.is_empty() {
                        String::new()
                    } else {
                        format!(" (did you mean {}?)", near.join(", "))
                    };
                    return Err(invalid(Diagnostic::at(
                        &file,
                        parent.span(),
                        format!(
                            "extends unknown playbook `{pid}`{hint}; known: {}",
                            self.ids().join(", ")
                        ),
                    )));
                };
                next = Some(entry.file.clone());
            }
            chain.push((file, raw));
        }
        chain.reverse();
        playbook::build(&chain).map_err(LoadError::Invalid)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_regions_suggest_the_closest() {
        let r = Registry::embedded();
        let e = r.load("hebie").unwrap_err().to_string();
        assert!(
            e.starts_with("unknown region `hebie` (did you mean hebei"),
            "{e}"
        );
    }
}

#[cfg(test)]
mod shipped {
    use super::*;

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
