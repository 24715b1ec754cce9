//! The facts about a family that playbooks may ask about, their allowed values and defaults.
//!
//! This is the profile's schema (mechanism, not rules): which facts exist and what they may hold.
//! No identity, phone or bank number is ever a fact.

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
    /// The question `newborn init` asks.
    pub question: &'static str,
    /// A short English description.
    pub help: &'static str,
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
        question: "宝宝性别",
        help: "the baby's sex (Nanning's temporary ID letter)",
    },
    FactDef {
        name: "plurality",
        ty: FactType::Count,
        default: "1",
        question: "本次分娩的胎数（单胎 1，双胞胎 2，…）",
        help: "how many babies were born together",
    },
    FactDef {
        name: "birth_order",
        ty: FactType::Count,
        default: "1",
        question: "多胞胎中这是第几个出生（单胎填 1）",
        help: "this baby's place among twins or triplets",
    },
    FactDef {
        name: "mother_hukou",
        ty: FactType::Choice(HUKOU),
        default: "city",
        question: "母亲户籍（city 本市 / province 本省外市 / other 外省 / none 无）",
        help: "mother's hukou: the region's city, elsewhere in its province, another province, none",
    },
    FactDef {
        name: "father_hukou",
        ty: FactType::Choice(HUKOU),
        default: "city",
        question: "父亲户籍（city 本市 / province 本省外市 / other 外省 / none 无）",
        help: "father's hukou: the region's city, elsewhere in its province, another province, none",
    },
    FactDef {
        name: "household",
        ty: FactType::Choice(&["family", "collective"]),
        default: "family",
        question: "落户的户口类型（family 家庭户 / collective 集体户）",
        help: "the household the baby joins: a family or a collective household",
    },
    FactDef {
        name: "follows",
        ty: FactType::Choice(&["father", "mother"]),
        default: "father",
        question: "随父还是随母落户",
        help: "register the baby with the father (随父) or the mother (随母)",
    },
    FactDef {
        name: "parent_is_householder",
        ty: BOOL,
        default: "false",
        question: "随落户的父/母本人是户主吗",
        help: "the parent the baby follows is the householder (户主)",
    },
    FactDef {
        name: "married",
        ty: BOOL,
        default: "true",
        question: "父母已登记结婚（婚内生育）吗",
        help: "born in wedlock",
    },
    FactDef {
        name: "same_ethnicity",
        ty: BOOL,
        default: "true",
        question: "父母民族相同吗",
        help: "both parents have the same ethnicity",
    },
    FactDef {
        name: "born_in_region",
        ty: BOOL,
        default: "true",
        question: "在本地区具备助产资质的医院出生吗",
        help: "born in a hospital of the region",
    },
    FactDef {
        name: "offline_done",
        ty: BOOL,
        default: "false",
        question: "已经在线下办过出生医学证明或户口登记吗",
        help: "a birth certificate or hukou was already done offline",
    },
    FactDef {
        name: "maternity_insurance",
        ty: BOOL,
        default: "true",
        question: "母亲参加了生育保险（职工医保）吗",
        help: "the mother has maternity insurance",
    },
    FactDef {
        name: "hospitalised",
        ty: BOOL,
        default: "false",
        question: "宝宝出生后住过新生儿科吗",
        help: "the baby was in the neonatal ward after birth",
    },
    FactDef {
        name: "pre_enrolled",
        ty: BOOL,
        default: "false",
        question: "医院已为宝宝办理新生儿预参保吗（南宁等地）",
        help: "pre-enrolled in medical insurance at the hospital (Nanning)",
    },
];

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
    #[error("unknown fact `{name}`{hint}; facts: {all}")]
    UnknownFact {
        name: String,
        hint: String,
        all: String,
    },
    #[error("`{value}` is not allowed for {name}; allowed: {allowed}")]
    BadValue {
        name: String,
        value: String,
        allowed: String,
    },
}

/// Looks a fact up by name.
pub(crate) fn fact(name: &str) -> Option<&'static FactDef> {
    FACTS.iter().find(|f| f.name == name)
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

    /// Parses a value of this fact.
    pub(crate) fn parse(&self, text: &str) -> Result<Value, FactError> {
        let bad = || FactError::BadValue {
            name: self.name.to_string(),
            value: text.to_string(),
            allowed: self.allowed(),
        };
        match self.ty {
            FactType::Bool => match text {
                "true" | "yes" => Ok(Value::Bool(true)),
                "false" | "no" => Ok(Value::Bool(false)),
                _ => Err(bad()),
            },
            FactType::Choice(words) if words.contains(&text) => Ok(Value::Word(text.to_string())),
            FactType::Choice(_) => Err(bad()),
            FactType::Count => match text.parse::<i64>() {
                Ok(n) if (1..=20).contains(&n) => Ok(Value::Int(n)),
                _ => Err(bad()),
            },
        }
    }

    pub(crate) fn default_value(&self) -> Value {
        self.parse(self.default).expect("defaults are valid")
    }
}

/// ` (did you mean a, b?)` with the names closest to `name` among `candidates`; empty when none
/// is close.
pub(crate) fn did_you_mean<'a>(
    name: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> String {
    let near = closest(name, candidates);
    if near.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", near.join(", "))
    }
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
    scored.into_iter().take(3).map(|(_, c)| c).collect()
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

impl Facts {
    /// Sets one fact from `FACT=VALUE`.
    pub fn set_pair(&mut self, pair: &str) -> Result<(), FactError> {
        let (name, value) = pair
            .split_once('=')
            .ok_or_else(|| FactError::Syntax(pair.to_string()))?;
        self.set(name.trim(), value.trim())
    }

    /// Sets one fact by name.
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), FactError> {
        let def = fact(name).ok_or_else(|| FactError::UnknownFact {
            name: name.to_string(),
            hint: did_you_mean(name, FACTS.iter().map(|f| f.name)),
            all: FACTS.iter().map(|f| f.name).collect::<Vec<_>>().join(", "),
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
        let e = f.set_pair("mother_hukuo=city").unwrap_err().to_string();
        assert!(e.contains("did you mean mother_hukou"), "{e}");
        assert!(f.set_pair("married").is_err());
        assert!(f.set_pair("plurality=0").is_err());
        f.set_pair("plurality=2").unwrap();
        assert!(f.is_set("plurality"));
    }
}
