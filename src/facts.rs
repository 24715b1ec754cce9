//! The facts about a family that playbooks may ask about, their allowed values and defaults.
//!
//! This is the profile's schema (mechanism, not rules): which facts exist and what they may hold.
//! No identity, phone or bank number is ever a fact.

use crate::lang::{Lang, Say};
use std::collections::BTreeMap;
use std::fmt;

/// What kind of value a fact holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum FactType {
    Bool,
    /// One of a fixed set of words.
    Choice(&'static [&'static str]),
    /// A whole number from 1.
    Count,
}

/// One fact a profile holds.
#[derive(Debug)]
pub(crate) struct FactDef {
    pub name: &'static str,
    pub ty: FactType,
    /// The common case, used when the parent does not say.
    pub default: &'static str,
    /// The question `newborn init` asks, in Chinese and in English.
    pub question: &'static str,
    pub question_en: &'static str,
    /// A short description, in English and in Chinese.
    pub help: &'static str,
    pub help_zh: &'static str,
    /// How the fact reads in an explanation, in Chinese and in English: its name for a fact
    /// with values (`母亲户籍`), what it says for a true/false fact (`父母已登记结婚`).
    pub reads: [&'static str; 2],
    /// What a true/false fact says when it does not hold (`父母没有登记结婚`).
    pub reads_not: [&'static str; 2],
}

/// The hukou of a parent, relative to the region's playbook.
pub(crate) const HUKOU: &[&str] = &["city", "province", "other", "none"];
const BOOL: FactType = FactType::Bool;

/// Every fact, in the order `init` asks.
pub(crate) static FACTS: &[FactDef] = &[
    FactDef {
        name: "sex",
        ty: FactType::Choice(&["girl", "boy", "unknown"]),
        default: "unknown",
        question: "宝宝的性别",
        question_en: "The baby's sex",
        help: "the baby's sex (Nanning's temporary ID letter)",
        help_zh: "宝宝的性别（南宁预参保的临时证件号字母）",
        reads: ["宝宝的性别", "the baby's sex"],
        reads_not: ["", ""],
    },
    FactDef {
        name: "plurality",
        ty: FactType::Count,
        default: "1",
        question: "这一胎生了几个宝宝（单胎 1，双胞胎 2，…）",
        question_en: "How many babies were born together (1, twins 2, …)",
        help: "how many babies were born together",
        help_zh: "同一胎出生的宝宝数",
        reads: ["同一胎出生的宝宝数", "babies born together"],
        reads_not: ["", ""],
    },
    FactDef {
        name: "birth_order",
        ty: FactType::Count,
        default: "1",
        question: "在多胞胎中是第几个出生的",
        question_en: "Which of the twins or triplets, in the order of birth",
        help: "this baby's place among twins or triplets",
        help_zh: "多胞胎中第几个出生",
        reads: ["多胞胎中的出生顺序", "the baby's place among twins"],
        reads_not: ["", ""],
    },
    FactDef {
        name: "mother_hukou",
        ty: FactType::Choice(HUKOU),
        default: "city",
        question: "母亲的户籍",
        question_en: "The mother's hukou",
        help: "mother's hukou: the region's city, elsewhere in its province, another province, none",
        help_zh: "母亲户籍：本市、本省外市、外省、无",
        reads: ["母亲户籍", "the mother's hukou"],
        reads_not: ["", ""],
    },
    FactDef {
        name: "father_hukou",
        ty: FactType::Choice(HUKOU),
        default: "city",
        question: "父亲的户籍",
        question_en: "The father's hukou",
        help: "father's hukou: the region's city, elsewhere in its province, another province, none",
        help_zh: "父亲户籍：本市、本省外市、外省、无",
        reads: ["父亲户籍", "the father's hukou"],
        reads_not: ["", ""],
    },
    FactDef {
        name: "household",
        ty: FactType::Choice(&["family", "collective"]),
        default: "family",
        question: "宝宝落户的户口类型",
        question_en: "The household the baby joins",
        help: "the household the baby joins: a family or a collective household",
        help_zh: "落户的户口类型：家庭户或集体户",
        reads: ["宝宝落户的户口类型", "the household the baby joins"],
        reads_not: ["", ""],
    },
    FactDef {
        name: "follows",
        ty: FactType::Choice(&["father", "mother"]),
        default: "father",
        question: "随父还是随母落户",
        question_en: "Registered with the father or the mother",
        help: "register the baby with the father (随父) or the mother (随母)",
        help_zh: "随父或随母落户",
        reads: ["宝宝随谁落户", "the baby is registered with"],
        reads_not: ["", ""],
    },
    FactDef {
        name: "parent_is_householder",
        ty: BOOL,
        default: "false",
        question: "随落户的父亲或母亲本人是户主吗",
        question_en: "Is the parent the baby is registered with the householder",
        help: "the parent the baby follows is the householder (户主)",
        help_zh: "随落户的父/母本人是户主",
        reads: [
            "宝宝随之落户的父亲或母亲是户主",
            "the parent the baby is registered with is the householder",
        ],
        reads_not: [
            "宝宝随之落户的父亲或母亲不是户主",
            "the parent the baby is registered with is not the householder",
        ],
    },
    FactDef {
        name: "married",
        ty: BOOL,
        default: "true",
        question: "父母已登记结婚（婚内生育）吗",
        question_en: "Are the parents married (born in wedlock)",
        help: "born in wedlock",
        help_zh: "父母已登记结婚（婚内生育）",
        reads: [
            "父母已登记结婚（婚内生育）",
            "the parents are married (born in wedlock)",
        ],
        reads_not: [
            "父母没有登记结婚（非婚生育）",
            "the parents are not married",
        ],
    },
    FactDef {
        name: "same_ethnicity",
        ty: BOOL,
        default: "true",
        question: "父母民族相同吗",
        question_en: "Do both parents have the same ethnicity",
        help: "both parents have the same ethnicity",
        help_zh: "父母民族相同",
        reads: ["父母民族相同", "the parents have the same ethnicity"],
        reads_not: ["父母民族不同", "the parents' ethnicities differ"],
    },
    FactDef {
        name: "born_in_region",
        ty: BOOL,
        default: "true",
        question: "在本地区具备助产资质的医院出生吗",
        question_en: "Born in a hospital of the region",
        help: "born in a hospital of the region",
        help_zh: "在本地区有助产资质的医院出生",
        reads: [
            "在本地区有助产资质的医院出生",
            "born in a hospital of the region",
        ],
        reads_not: [
            "不在本地区有助产资质的医院出生",
            "not born in a hospital of the region",
        ],
    },
    FactDef {
        name: "offline_done",
        ty: BOOL,
        default: "false",
        question: "已经在线下办过出生医学证明或户口登记吗",
        question_en: "Was a birth certificate or hukou already done at an office",
        help: "a birth certificate or hukou was already done offline",
        help_zh: "已在线下办过出生医学证明或户口登记",
        reads: [
            "已在线下办过出生医学证明或户口登记",
            "a birth certificate or hukou was already done at an office",
        ],
        reads_not: [
            "没有在线下办过出生医学证明或户口登记",
            "no birth certificate or hukou done at an office yet",
        ],
    },
    FactDef {
        name: "maternity_insurance",
        ty: BOOL,
        default: "true",
        question: "母亲参加了生育保险（职工医保）吗",
        question_en: "Does the mother have maternity insurance (employee insurance)",
        help: "the mother has maternity insurance",
        help_zh: "母亲参加了生育保险（职工医保）",
        reads: [
            "母亲参加了生育保险（职工医保）",
            "the mother has maternity insurance",
        ],
        reads_not: [
            "母亲没有参加生育保险",
            "the mother has no maternity insurance",
        ],
    },
    FactDef {
        name: "hospitalised",
        ty: BOOL,
        default: "false",
        question: "宝宝出生后住过新生儿科吗",
        question_en: "Was the baby in the neonatal ward after birth",
        help: "the baby was in the neonatal ward after birth",
        help_zh: "宝宝出生后住过新生儿科",
        reads: [
            "宝宝出生后住过新生儿科",
            "the baby was in the neonatal ward",
        ],
        reads_not: [
            "宝宝出生后没有住过新生儿科",
            "the baby was not in the neonatal ward",
        ],
    },
    FactDef {
        name: "pre_enrolled",
        ty: BOOL,
        default: "false",
        question: "医院已为宝宝办理新生儿预参保吗（南宁等地）",
        question_en: "Did the hospital pre-enroll the baby in medical insurance (Nanning)",
        help: "pre-enrolled in medical insurance at the hospital (Nanning)",
        help_zh: "医院已为宝宝办理新生儿医保预参保（南宁）",
        reads: [
            "医院已为宝宝办理新生儿医保预参保",
            "the hospital pre-enrolled the baby in medical insurance",
        ],
        reads_not: [
            "医院没有为宝宝办理新生儿医保预参保",
            "the hospital did not pre-enroll the baby",
        ],
    },
];

/// The Chinese words a value may also be given as (the first is its label).
const ALIASES: &[(&str, &[&str])] = &[
    ("city", &["本市", "本市户籍", "市内"]),
    ("province", &["本省", "本省外市", "省内"]),
    ("other", &["外省", "外省户籍", "省外"]),
    ("none", &["无", "无户籍", "没有"]),
    ("girl", &["女", "女孩", "女儿"]),
    ("boy", &["男", "男孩", "儿子"]),
    ("unknown", &["未知", "不说"]),
    ("family", &["家庭户"]),
    ("collective", &["集体户"]),
    ("father", &["随父", "父", "父亲", "爸爸"]),
    ("mother", &["随母", "母", "母亲", "妈妈"]),
    ("true", &["是", "yes", "y", "对", "有"]),
    ("false", &["否", "no", "n", "不是", "没有"]),
];

/// What a word means, in English, where its name alone may not say (for questions).
pub fn gloss(word: &str) -> Option<&'static str> {
    Some(match word {
        "city" => "the region's city",
        "province" => "elsewhere in the region's province",
        "other" => "another province",
        "none" => "no hukou",
        "family" => "a family household",
        "collective" => "a collective household",
        _ => return None,
    })
}

/// The Chinese words `word` may also be given as.
pub fn aliases(word: &str) -> &'static [&'static str] {
    ALIASES
        .iter()
        .find(|(w, _)| *w == word)
        .map_or(&[], |(_, a)| a)
}

/// A value as shown to a parent: `other（外省）` in Chinese, `other` in English.
pub fn label(word: &str, lang: Lang) -> String {
    match (lang, aliases(word).first()) {
        (Lang::Zh, Some(zh)) => format!("{word}（{zh}）"),
        _ => word.to_string(),
    }
}

/// A fact's or derived value's value.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Bool(bool),
    Int(i64),
    Word(String),
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Value::Bool(b) => write!(f, "{b}"),
            Value::Int(n) => write!(f, "{n}"),
            Value::Word(w) => f.write_str(w),
        }
    }
}

/// A bad `FACT=VALUE`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FactError {
    #[error("`{0}` is not FACT=VALUE (e.g. mother_hukou=province)")]
    Syntax(String),
    #[error(
        "unknown fact `{name}`{}; facts: {}",
        did_you_mean(near, Lang::En),
        fact_names()
    )]
    UnknownFact {
        name: String,
        /// The closest fact names.
        near: Vec<&'static str>,
    },
    #[error("`{value}` is not allowed for {name}{}; allowed: {}", did_you_mean(near, Lang::En), fact(name).map_or(String::new(), |f| f.allowed()))]
    BadValue {
        name: &'static str,
        value: String,
        /// The closest allowed values.
        near: Vec<String>,
    },
}

fn fact_names() -> String {
    FACTS.iter().map(|f| f.name).collect::<Vec<_>>().join(", ")
}

/// ` (did you mean a, b?)`, or nothing when there is no close match.
pub(crate) fn did_you_mean<S: AsRef<str>>(near: &[S], lang: Lang) -> String {
    if near.is_empty() {
        return String::new();
    }
    let near: Vec<&str> = near.iter().map(AsRef::as_ref).collect();
    match lang {
        Lang::Zh => format!("（是不是 {}？）", near.join("、")),
        Lang::En => format!(" (did you mean {}?)", near.join(", ")),
    }
}

impl Say for FactError {
    fn say(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (FactError::Syntax(pair), Lang::Zh) => {
                format!("“{pair}”不是“事实=值”的写法（例如 mother_hukou=province）")
            }
            (FactError::UnknownFact { name, near }, Lang::Zh) => format!(
                "没有叫“{name}”的事实{}；可以设置的事实：{}（见 newborn facts）",
                did_you_mean(near, lang),
                fact_names().replace(", ", "、")
            ),
            (FactError::BadValue { name, value, near }, Lang::Zh) => format!(
                "{name} 不能是“{value}”{}；允许的值：{}",
                did_you_mean(near, lang),
                fact(name).map_or(String::new(), |f| f.allowed_in(lang))
            ),
        }
    }
}

/// Looks a fact up by name (case does not matter).
pub(crate) fn fact(name: &str) -> Option<&'static FactDef> {
    FACTS
        .iter()
        .find(|f| f.name == name)
        .or_else(|| FACTS.iter().find(|f| f.name.eq_ignore_ascii_case(name)))
}

impl FactDef {
    /// The allowed values, for messages: `city, province, other, none`.
    pub(crate) fn allowed(&self) -> String {
        match self.ty {
            FactType::Bool => "true, false".to_string(),
            FactType::Choice(words) => words.join(", "),
            FactType::Count => "a whole number from 1 (1, 2, 3, …)".to_string(),
        }
    }

    /// The allowed values in the interface language: `city（本市）、province（本省）…`.
    pub fn allowed_in(&self, lang: Lang) -> String {
        match (self.ty, lang) {
            (_, Lang::En) => self.allowed(),
            (FactType::Bool, Lang::Zh) => "true（是）、false（否）".to_string(),
            (FactType::Choice(words), Lang::Zh) => {
                let labels: Vec<String> = words.iter().map(|w| label(w, lang)).collect();
                labels.join("、")
            }
            (FactType::Count, Lang::Zh) => "从 1 起的整数（1、2、3……）".to_string(),
        }
    }

    /// The question `init` asks, in the interface language.
    pub fn question(&self, lang: Lang) -> &'static str {
        lang.pick(self.question, self.question_en)
    }

    /// The description, in the interface language.
    pub fn help(&self, lang: Lang) -> &'static str {
        lang.pick(self.help_zh, self.help)
    }

    /// The words a value of this fact may be written as: its words and their Chinese aliases.
    fn spellings(&self) -> Vec<(&'static str, &'static str)> {
        let words: &[&'static str] = match self.ty {
            FactType::Bool => &["true", "false"],
            FactType::Choice(words) => words,
            FactType::Count => &[],
        };
        words
            .iter()
            .flat_map(|w| std::iter::once((*w, *w)).chain(aliases(w).iter().map(move |a| (*a, *w))))
            .collect()
    }

    /// Parses a value of this fact: a word in any case, or one of its Chinese aliases.
    pub fn parse(&self, text: &str) -> Result<Value, FactError> {
        let text = text.trim();
        // The word as stored (every profile read): no search of the spellings.
        match self.ty {
            FactType::Bool if text == "true" || text == "false" => {
                return Ok(Value::Bool(text == "true"));
            }
            FactType::Choice(words) if words.contains(&text) => {
                return Ok(Value::Word(text.to_string()));
            }
            _ => {}
        }
        let found = self
            .spellings()
            .into_iter()
            .find(|(spelt, _)| spelt.eq_ignore_ascii_case(text))
            .map(|(_, word)| word);
        match (self.ty, found) {
            (FactType::Bool, Some(word)) => Ok(Value::Bool(word == "true")),
            (FactType::Choice(_), Some(word)) => Ok(Value::Word(word.to_string())),
            (FactType::Count, _) => match text.parse::<i64>() {
                Ok(n) if (1..=20).contains(&n) => Ok(Value::Int(n)),
                _ => Err(self.bad(text, Vec::new())),
            },
            (_, None) => {
                let spellings = self.spellings();
                let lower = text.to_lowercase();
                let mut near: Vec<String> = Vec::new();
                for s in closest(&lower, spellings.iter().map(|(s, _)| *s)) {
                    let word = spellings.iter().find(|(sp, _)| *sp == s).map_or(s, |p| p.1);
                    if !near.iter().any(|n| n == word) {
                        near.push(word.to_string());
                    }
                }
                Err(self.bad(text, near))
            }
        }
    }

    fn bad(&self, value: &str, near: Vec<String>) -> FactError {
        FactError::BadValue {
            name: self.name,
            value: value.to_string(),
            near,
        }
    }

    pub(crate) fn default_value(&self) -> Value {
        self.parse(self.default).expect("defaults are valid")
    }
}

/// ` (did you mean …?)` with the names closest to `name` among `candidates`, or nothing.
pub(crate) fn hint<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    lang: Lang,
) -> String {
    did_you_mean(&closest(name, candidates), lang)
}

/// The names closest to `name` among `candidates`, for "did you mean" hints.
pub(crate) fn closest<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Vec<&'a str> {
    let mut scored: Vec<(f64, &str)> = candidates
        .into_iter()
        .map(|c| {
            let score =
                strsim::jaro_winkler(name, c).max(strsim::normalized_damerau_levenshtein(name, c));
            (score, c)
        })
        .filter(|(s, c)| *s >= 0.6 || (!name.is_empty() && c.starts_with(name)))
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
    // Only those about as close as the closest (and any the text begins).
    let best = scored.first().map_or(0.0, |s| s.0);
    scored
        .into_iter()
        .filter(|(s, c)| *s >= best - 0.1 || (!name.is_empty() && c.starts_with(name)))
        .take(3)
        .map(|(_, c)| c)
        .collect()
}

/// A family's facts: every fact has a value (the default unless the parent said otherwise).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    values: BTreeMap<&'static str, Value>,
    /// The facts the parent set explicitly.
    set: Vec<&'static str>,
}

impl Default for Facts {
    fn default() -> Self {
        Facts {
            values: FACTS.iter().map(|f| (f.name, f.default_value())).collect(),
            set: Vec::new(),
        }
    }
}

/// Splits `FACT=VALUE` (also `FACT＝VALUE`, as a Chinese keyboard types it).
pub fn split_pair(pair: &str) -> Result<(&str, &str), FactError> {
    pair.split_once('=')
        .or_else(|| pair.split_once('＝'))
        .map(|(n, v)| (n.trim(), v.trim()))
        .filter(|(n, _)| !n.is_empty())
        .ok_or_else(|| FactError::Syntax(pair.to_string()))
}

impl Facts {
    /// Sets one fact from `FACT=VALUE`.
    pub fn set_pair(&mut self, pair: &str) -> Result<(), FactError> {
        let (name, value) = split_pair(pair)?;
        self.set(name, value)
    }

    /// Sets one fact by name.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), FactError> {
        let def = fact(name).ok_or_else(|| FactError::UnknownFact {
            name: name.to_string(),
            near: closest(&name.to_lowercase(), FACTS.iter().map(|f| f.name)),
        })?;
        let value = def.parse(value)?;
        self.values.insert(def.name, value);
        if !self.set.contains(&def.name) {
            self.set.push(def.name);
        }
        Ok(())
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// Whether the parent set `name` (rather than taking the default).
    pub(crate) fn is_set(&self, name: &str) -> bool {
        self.set.contains(&name)
    }

    /// Every fact and its value, in `FACTS` order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'static FactDef, &Value)> {
        FACTS.iter().map(|f| (f, &self.values[f.name]))
    }

    /// The facts the family stated, as `name → text`, for storing (the others keep their
    /// defaults, and a step may stand for one: see `Step::fact`).
    pub(crate) fn to_map(&self) -> BTreeMap<String, String> {
        self.iter()
            .filter(|(f, _)| self.is_set(f.name))
            .map(|(f, v)| (f.name.to_string(), v.to_string()))
            .collect()
    }

    /// The facts that still hold their default, as `name=value`.
    pub(crate) fn defaults_assumed(&self) -> Vec<String> {
        self.iter()
            .filter(|(f, _)| !self.is_set(f.name))
            .map(|(f, v)| format!("{}={v}", f.name))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_common_case() {
        let f = Facts::default();
        assert_eq!(f.get("mother_hukou"), Some(&Value::Word("city".into())));
        assert_eq!(f.get("married"), Some(&Value::Bool(true)));
        assert_eq!(f.get("plurality"), Some(&Value::Int(1)));
        assert_eq!(f.defaults_assumed().len(), FACTS.len());
    }

    #[test]
    fn bad_facts_name_what_is_allowed() {
        let mut f = Facts::default();
        let e = f.set_pair("mother_hukou=beijing").unwrap_err();
        assert_eq!(
            e.to_string(),
            "`beijing` is not allowed for mother_hukou; allowed: city, province, other, none"
        );
        assert_eq!(
            e.say(Lang::Zh),
            "mother_hukou 不能是“beijing”；允许的值：city（本市）、province（本省）、other（外省）、none（无）"
        );
        let e = f.set_pair("mother_hukuo=city").unwrap_err().to_string();
        assert!(e.contains("did you mean mother_hukou"), "{e}");
        assert!(f.set_pair("married").is_err());
        assert!(f.set_pair("plurality=0").is_err());
        f.set_pair("plurality=2").unwrap();
        assert!(f.is_set("plurality"));
    }

    #[test]
    fn values_may_be_chinese_words_or_any_case() {
        let mut f = Facts::default();
        f.set_pair("father_hukou=外省").unwrap();
        f.set_pair("Sex=女").unwrap();
        f.set_pair("married＝否").unwrap();
        f.set_pair("household=Collective").unwrap();
        f.set_pair("follows=随母").unwrap();
        assert_eq!(f.get("father_hukou"), Some(&Value::Word("other".into())));
        assert_eq!(f.get("sex"), Some(&Value::Word("girl".into())));
        assert_eq!(f.get("married"), Some(&Value::Bool(false)));
        assert_eq!(f.get("household"), Some(&Value::Word("collective".into())));
        assert_eq!(f.get("follows"), Some(&Value::Word("mother".into())));
    }

    #[test]
    fn a_near_miss_names_the_closest_value() {
        let e = fact("father_hukou").unwrap().parse("ohter").unwrap_err();
        assert!(e.to_string().contains("(did you mean other?)"), "{e}");
        let e = fact("father_hukou").unwrap().parse("外省市").unwrap_err();
        assert!(
            e.say(Lang::Zh).contains("（是不是 other？）"),
            "{}",
            e.say(Lang::Zh)
        );
    }
}
