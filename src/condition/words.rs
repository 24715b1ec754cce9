//! A condition in words, for a parent: `父亲户籍：本市或本省` rather than
//! `father_hukou in [city, province]`.

use super::{Env, Expr, Op, StepState};
use crate::facts::{FactType, Value, aliases, fact};
use crate::lang::Lang;
use crate::period::Period;

/// A text in both interface languages (playbook texts are the same in both).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Words {
    pub zh: String,
    pub en: String,
}

impl Words {
    /// The same text in both languages.
    pub fn same(text: impl Into<String>) -> Words {
        let text = text.into();
        Words {
            zh: text.clone(),
            en: text,
        }
    }

    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Words {
        Words {
            zh: zh.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// The Chinese and English names of the derived values.
fn derived(name: &str) -> [&str; 2] {
    match name {
        "age_days" => ["出生后的天数", "days since birth"],
        "age_months" => ["宝宝的整月龄", "whole months of age"],
        "age_working_days" => ["出生后的工作日数", "working days since birth"],
        "birth_year" => ["出生年份", "year of birth"],
        "birth_month" => ["出生月份", "month of birth"],
        "today_year" => ["今年", "this year"],
        "today_month" => ["本月", "this month"],
        "months_since_birth_month" => ["出生月份起的月数", "months since the birth month"],
        "day_year" => ["办理那年", "the year it is done"],
        "day_month" => ["办理的月份", "the month it is done"],
        "day_months_since_birth_month" => [
            "出生月份到办理月份的月数",
            "months from the birth month to the month it is done",
        ],
        other => [other, other],
    }
}

/// How a name reads: a fact's, else a derived value's.
pub(crate) fn name(name: &str) -> [&str; 2] {
    fact(name).map_or_else(|| derived(name), |f| f.reads)
}

/// A value as a parent reads it: `本市` / `city`, `是` / `yes`.
pub(crate) fn value(v: &Value) -> [String; 2] {
    match v {
        Value::Bool(true) => ["是".into(), "yes".into()],
        Value::Bool(false) => ["否".into(), "no".into()],
        Value::Int(n) => [n.to_string(), n.to_string()],
        Value::Word(w) => [
            aliases(w).first().map_or(w.clone(), |a| a.to_string()),
            w.clone(),
        ],
    }
}

/// An age limit: `出生后未满6个月` / `under 6 months old`.
fn age(op: Op, p: Period) -> Words {
    let zh = p.zh();
    match op {
        Op::Lt => Words::new(format!("出生后未满{zh}"), format!("under {p} old")),
        Op::Le | Op::Eq => Words::new(
            format!("出生后{zh}以内"),
            format!("within {p} of the birth"),
        ),
        Op::Gt => Words::new(format!("出生超过{zh}"), format!("more than {p} old")),
        Op::Ge | Op::Ne => Words::new(format!("出生满{zh}"), format!("at least {p} old")),
    }
}

fn op_words(op: Op) -> [&'static str; 2] {
    match op {
        Op::Eq => ["：", ": "],
        Op::Ne => ["不是", " is not "],
        Op::Lt => ["少于", " under "],
        Op::Le => ["不超过", " at most "],
        Op::Gt => ["多于", " over "],
        Op::Ge => ["至少", " at least "],
    }
}

impl Expr {
    /// The condition in words, in both languages; `env` names the steps it asks about.
    pub(crate) fn words(&self, env: &dyn Env) -> Words {
        match self {
            Expr::Flag(n) => Words::new(name(n)[0], name(n)[1]),
            Expr::Not(inner) => match &**inner {
                Expr::Flag(n) if fact(n).is_some_and(|f| f.ty == FactType::Bool) => {
                    let not = fact(n).map_or(["", ""], |f| f.reads_not);
                    Words::new(not[0], not[1])
                }
                other => {
                    let w = other.words(env);
                    Words::new(format!("并非“{}”", w.zh), format!("not ({})", w.en))
                }
            },
            Expr::Named(n) => env.named_title(n),
            Expr::Compare(n, op, v) => {
                let [zh, en] = name(n);
                let [vzh, ven] = value(v);
                let [ozh, oen] = op_words(*op);
                Words::new(format!("{zh}{ozh}{vzh}"), format!("{en}{oen}{ven}"))
            }
            Expr::In(n, values) => {
                let [zh, en] = name(n);
                let vs: Vec<[String; 2]> = values.iter().map(value).collect();
                let zh_vs: Vec<&str> = vs.iter().map(|v| v[0].as_str()).collect();
                let en_vs: Vec<&str> = vs.iter().map(|v| v[1].as_str()).collect();
                Words::new(
                    format!("{zh}：{}", zh_vs.join("或")),
                    format!("{en}: {}", en_vs.join(" or ")),
                )
            }
            Expr::Age(op, p) => age(*op, *p),
            Expr::Step(state, id) => {
                let title = env.step_title(id);
                match state {
                    StepState::Done => Words::new(
                        format!("“{}”已办完", title.zh),
                        format!("\"{}\" is done", title.en),
                    ),
                    StepState::Skipped => Words::new(
                        format!("“{}”不办了", title.zh),
                        format!("\"{}\" is not taken", title.en),
                    ),
                }
            }
            Expr::And(parts) => joined(parts, env, "，并且", ", and "),
            Expr::Or(parts) => joined(parts, env, "，或者", ", or "),
        }
    }
}

fn joined(parts: &[Expr], env: &dyn Env, zh: &str, en: &str) -> Words {
    let words: Vec<Words> = parts.iter().map(|p| p.words(env)).collect();
    Words::new(
        words
            .iter()
            .map(|w| w.zh.as_str())
            .collect::<Vec<_>>()
            .join(zh),
        words
            .iter()
            .map(|w| w.en.as_str())
            .collect::<Vec<_>>()
            .join(en),
    )
}
