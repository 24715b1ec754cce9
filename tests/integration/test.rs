//! The `Test` builder: runs the `newborn` binary in its own data dir and checks what it prints.

use assert_cmd::cargo::CommandCargoExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::rc::Rc;
use tempfile::TempDir;

#[must_use = "a Test does nothing until it is run"]
pub struct Test {
    _owned: Option<Rc<TempDir>>,
    data_dir: PathBuf,
    args: Vec<String>,
    envs: Vec<(String, String)>,
    stdin: Option<String>,
    /// `None`: any exit status.
    status: Option<i32>,
    stdout: Option<String>,
    stdout_contains: Vec<String>,
    stdout_lacks: Vec<String>,
    stderr: Option<String>,
    stderr_contains: Vec<String>,
    stderr_lacks: Vec<String>,
}

impl Test {
    /// A test in a fresh, empty data dir.
    pub fn new() -> Test {
        let dir = TempDir::new().expect("a temp dir");
        let path = dir.path().join("data");
        Test {
            _owned: Some(Rc::new(dir)),
            ..Test::at(&path)
        }
    }

    /// Another run in the same data dir (which lives as long as any test sharing it).
    pub fn share(&self) -> Test {
        Test {
            _owned: self._owned.clone(),
            ..Test::at(&self.data_dir)
        }
    }

    /// A test using the data dir `dir` (for runs that build on each other).
    pub fn at(dir: &Path) -> Test {
        Test {
            _owned: None,
            data_dir: dir.to_path_buf(),
            args: Vec::new(),
            envs: Vec::new(),
            stdin: None,
            status: Some(0),
            stdout: None,
            stdout_contains: Vec::new(),
            stdout_lacks: Vec::new(),
            stderr: None,
            stderr_contains: Vec::new(),
            stderr_lacks: Vec::new(),
        }
    }

    pub fn args(mut self, args: &[&str]) -> Test {
        self.args.extend(args.iter().map(|a| a.to_string()));
        self
    }

    pub fn today(self, date: &str) -> Test {
        self.args(&["--today", date])
    }

    pub fn env(mut self, key: &str, value: &str) -> Test {
        self.envs.push((key.into(), value.into()));
        self
    }

    pub fn stdin(mut self, text: &str) -> Test {
        self.stdin = Some(text.into());
        self
    }

    pub fn status(mut self, code: i32) -> Test {
        self.status = Some(code);
        self
    }

    /// Accepts any exit status (for tests about what is said, whatever the outcome).
    pub fn any_status(mut self) -> Test {
        self.status = None;
        self
    }

    pub fn stdout(mut self, text: &str) -> Test {
        self.stdout = Some(text.into());
        self
    }

    pub fn stdout_contains(mut self, text: &str) -> Test {
        self.stdout_contains.push(text.into());
        self
    }

    pub fn stdout_lacks(mut self, text: &str) -> Test {
        self.stdout_lacks.push(text.into());
        self
    }

    pub fn stderr(mut self, text: &str) -> Test {
        self.stderr = Some(text.into());
        self
    }

    pub fn stderr_contains(mut self, text: &str) -> Test {
        self.stderr_contains.push(text.into());
        self
    }

    pub fn stderr_lacks(mut self, text: &str) -> Test {
        self.stderr_lacks.push(text.into());
        self
    }

    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// Runs and checks; returns the output.
    pub fn run(self) -> Output {
        let mut cmd = Command::cargo_bin("newborn").expect("the newborn binary");
        cmd.args(&self.args)
            .env("NEWBORN_DATA_DIR", &self.data_dir)
            .env_remove("NEWBORN_TODAY")
            .env_remove("NEWBORN_REGIONS_DIR")
            .env_remove("RUST_BACKTRACE")
            .env_remove("NO_COLOR")
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        for (k, v) in &self.envs {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("newborn starts");
        if let Some(input) = &self.stdin {
            use std::io::Write;
            let written = child.stdin.take().unwrap().write_all(input.as_bytes());
            // newborn may finish (e.g. with a usage error) before it reads its input.
            if let Err(e) = written {
                assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
            }
        } else {
            drop(child.stdin.take());
        }
        let output = child.wait_with_output().expect("newborn finishes");
        let stdout = String::from_utf8_lossy(&output.stdout);
        let stderr = String::from_utf8_lossy(&output.stderr);
        let context = format!(
            "newborn {}\n--- stdout ---\n{stdout}\n--- stderr ---\n{stderr}",
            self.args.join(" ")
        );
        if let Some(status) = self.status {
            assert_eq!(
                output.status.code(),
                Some(status),
                "unexpected exit status\n{context}"
            );
        }
        if let Some(want) = &self.stdout {
            assert_eq!(&*stdout, want, "stdout differs\n{context}");
        }
        for want in &self.stdout_contains {
            assert!(
                stdout.contains(want.as_str()),
                "stdout lacks {want:?}\n{context}"
            );
        }
        for bad in &self.stdout_lacks {
            assert!(
                !stdout.contains(bad.as_str()),
                "stdout has {bad:?}\n{context}"
            );
        }
        if let Some(want) = &self.stderr {
            assert_eq!(&*stderr, want, "stderr differs\n{context}");
        }
        for want in &self.stderr_contains {
            assert!(
                stderr.contains(want.as_str()),
                "stderr lacks {want:?}\n{context}"
            );
        }
        for bad in &self.stderr_lacks {
            assert!(
                !stderr.contains(bad.as_str()),
                "stderr has {bad:?}\n{context}"
            );
        }
        assert!(!stderr.contains("panicked"), "newborn panicked\n{context}");
        output
    }

    /// Runs with `--json` and parses standard output.
    pub fn json(self) -> serde_json::Value {
        let output = self.args(&["--json"]).run();
        serde_json::from_slice(&output.stdout).expect("stdout is JSON")
    }
}

/// The step `id` of a `plan --json` (applicable or not).
pub fn step<'a>(plan: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    plan["steps"]
        .as_array()
        .into_iter()
        .chain(plan["not_applicable"].as_array())
        .flatten()
        .find(|s| s["id"] == id)
        .unwrap_or_else(|| panic!("no step {id} in the plan"))
}

/// The ids of the applicable steps, in order.
pub fn ids(plan: &serde_json::Value) -> Vec<String> {
    plan["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect()
}

/// `plan --all --json` for a one-off family: region, birth date, today and `FACT=VALUE`s.
pub fn region_plan(region: &str, birth: &str, today: &str, facts: &[&str]) -> serde_json::Value {
    let mut args = vec!["plan", "--all", "--region", region, "--birth-date", birth];
    for f in facts {
        args.extend(["--set", f]);
    }
    Test::new().args(&args).today(today).json()
}

/// Whether the step `id` applies.
pub fn has(plan: &serde_json::Value, id: &str) -> bool {
    ids(plan).iter().any(|i| i == id)
}

/// A step's tips, one a line.
pub fn tips(step: &serde_json::Value) -> String {
    step["tips"]
        .as_array()
        .expect("tips")
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A step's material names.
pub fn material_names(step: &serde_json::Value) -> Vec<String> {
    step["materials"]
        .as_array()
        .expect("materials")
        .iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect()
}

/// The one-line reason for the route.
pub fn why(plan: &serde_json::Value) -> String {
    plan["route"]["why"].as_str().unwrap().to_string()
}

/// A data dir with one baby set up (`newborn init`); run further commands with `.share()`.
pub fn family(region: &str, birth: &str, today: &str) -> Test {
    let home = Test::new();
    home.share()
        .args(&["init", "--region", region, "--birth-date", birth])
        .today(today)
        .run();
    home
}
