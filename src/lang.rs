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
    pub(crate) fn from_env() -> Lang {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let Ok(v) = std::env::var(var)
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
