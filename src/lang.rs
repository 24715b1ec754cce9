//! The language of the interface: Chinese, or English where asked.

/// The interface language. Playbook text (sources, tips, materials) stays as the sources wrote
/// it; step titles are shown in English where the playbook gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// From `LC_ALL`, `LC_MESSAGES` or `LANG` (the first that is set): English for `en…`,
    /// Chinese otherwise.
    pub fn from_env() -> Lang {
        Lang::from_vars(|var| std::env::var_os(var))
    }

    /// As [`Lang::from_env`], with the environment given.
    pub fn from_vars(env: impl Fn(&str) -> Option<std::ffi::OsString>) -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Some(v) = env(var).map(|v| v.to_string_lossy().into_owned())
                && !v.is_empty()
            {
                return if v.starts_with("en") {
                    Lang::En
                } else {
                    Lang::Zh
                };
            }
        }
        Lang::Zh
    }

    /// The Chinese or the English text.
    pub(crate) fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }

    /// A quotation: “…” in Chinese, "…" in English.
    pub(crate) fn quote(self, text: &str) -> String {
        match self {
            Lang::Zh => format!("“{text}”"),
            Lang::En => format!("\"{text}\""),
        }
    }

    /// The separator between list items.
    pub(crate) fn sep(self) -> &'static str {
        self.pick("；", "; ")
    }

    /// Text in parentheses.
    pub(crate) fn paren(self, text: &str) -> String {
        match self {
            Lang::Zh => format!("（{text}）"),
            Lang::En => format!(" ({text})"),
        }
    }
}

/// Something the engine says that is shown in the interface language.
pub trait Say {
    fn say(&self, lang: Lang) -> String;
}

/// `tr!(lang, "中文 {x}", "English {x}")`: a message formatted in the interface language.
macro_rules! tr {
    ($lang:expr, $zh:literal, $en:literal) => {
        match $lang {
            $crate::lang::Lang::Zh => format!($zh),
            $crate::lang::Lang::En => format!($en),
        }
    };
}
pub(crate) use tr;

impl Lang {
    /// The language asked for on the command line (`--lang X`, `--lang=X`, the last one wins),
    /// else the locale's. Read before the options are parsed, so that help and errors about the
    /// options themselves are in that language.
    pub fn from_args_or_env<I: AsRef<std::ffi::OsStr>>(args: &[I]) -> Lang {
        let mut found = None;
        let mut it = args.iter().map(|a| a.as_ref().to_string_lossy());
        while let Some(arg) = it.next() {
            if arg == "--" {
                break;
            }
            let value = match arg.strip_prefix("--lang") {
                Some("") => it.next().map(|v| v.into_owned()),
                Some(rest) => rest.strip_prefix('=').map(str::to_string),
                None => None,
            };
            match value.as_deref() {
                Some("zh") => found = Some(Lang::Zh),
                Some("en") => found = Some(Lang::En),
                _ => {}
            }
        }
        found.unwrap_or_else(Lang::from_env)
    }

    /// A list joined in the interface language: `a、b、c` or `a, b, c`.
    pub fn list<S: AsRef<str>>(self, items: &[S]) -> String {
        let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
        items.join(self.pick("、", ", "))
    }
}
