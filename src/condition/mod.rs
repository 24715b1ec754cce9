//! Conditions: the readable expressions playbooks use to say when a step, route, material or tip
//! applies.
//!
//! ```text
//! expr    := or
//! or      := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | "(" expr ")" | atom
//! atom    := NAME                                  a true/false fact or a named condition
//!          | NAME ("=="|"!="|"<"|"<="|">"|">=") VALUE
//!          | NAME "in" "[" VALUE ("," VALUE)* "]"
//!          | "age" ("<"|"<="|">"|">=") N UNIT      UNIT: days, working days, months
//!          | ("done"|"skipped") "(" STEP-ID ")"   the family's progress on a step
//! ```
//!
//! Names are the profile's facts (`mother_hukou`, `married`, …), the derived values
//! (`age_days`, `age_working_days`, `birth_month`, `today_month`, …) and the playbook's named
//! conditions. Every name and value is checked when the playbook loads.

mod words;

pub use words::Words;

use crate::facts::{FACTS, FactType, Value, hint};
use crate::lang::Lang;
use crate::period::{Period, Unit};
use std::borrow::Cow;
use std::fmt;

/// Numeric values derived from the birth date and today.
pub(crate) const DERIVED: &[(&str, &str)] = &[
    ("age_days", "days since birth (the day of birth is 0)"),
    ("age_months", "whole months since birth"),
    (
        "age_working_days",
        "working days since birth; on a day off, the number of the next working day",
    ),
    ("birth_year", "year of birth"),
    ("birth_month", "month of birth (1-12)"),
    ("today_year", "this year"),
    ("today_month", "this month (1-12)"),
    (
        "months_since_birth_month",
        "calendar months from the birth month to this month (0 in the birth month)",
    ),
];

/// Numeric values of a tip's own day (a tip with `day = "done"`: the day its step was done, or a
/// month-end ahead), each with the value of today it stands in for there.
pub(crate) const DAY_DERIVED: &[(&str, &str, &str)] = &[
    ("day_year", "today_year", "the year of the tip's day"),
    (
        "day_month",
        "today_month",
        "the month of the tip's day (1-12)",
    ),
    (
        "day_months_since_birth_month",
        "months_since_birth_month",
        "calendar months from the birth month to the tip's day's month",
    ),
];

/// Why `name` cannot be used where it is: a value of a tip's own day outside such a tip, or a
/// value of today inside one (it would be read from today, not from the tip's day).
pub(crate) fn day_misuse(name: &str, on_day: bool) -> Option<String> {
    let day = DAY_DERIVED.iter().find(|(d, _, _)| *d == name);
    let today = DAY_DERIVED.iter().find(|(_, t, _)| *t == name);
    match (day, today, on_day) {
        (Some((d, t, what)), _, false) => Some(format!(
            "`{d}` ({what}) is known only in a tip with `day = \"done\"`; elsewhere use `{t}`"
        )),
        (_, Some((d, t, _)), true) => Some(format!(
            "a tip with `day = \"done\"` is read on its step's day, not today: use `{d}`, not `{t}`"
        )),
        _ => None,
    }
}

/// A value the family has, shown to explain a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Shown {
    /// `father_hukou = other`: shown as `父亲户籍：外省`.
    Fact { name: String, value: Value },
    /// The last day an age limit (`age < 6 months`, `age <= 30 working days`) still holds.
    LastDay(chrono::NaiveDate),
    /// The first day an age limit (`age >= 1 months`) holds.
    FirstDay(chrono::NaiveDate),
    /// The family's progress on a step: `done(pre-enrollment) = false`.
    Step {
        state: StepState,
        id: String,
        title: Words,
        holds: bool,
    },
}

/// What a condition may ask of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StepState {
    /// `done(step-id)`: the family marked it done.
    Done,
    /// `skipped(step-id)`: the family will not take this optional step.
    Skipped,
}

impl StepState {
    fn word(self) -> &'static str {
        match self {
            StepState::Done => "done",
            StepState::Skipped => "skipped",
        }
    }
}

/// One part of a condition the family does not meet: the playbook's words (or the expression)
/// and the family's values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmet {
    /// What it requires: a named condition's clause text, else the condition in words.
    pub text: Words,
    pub values: Vec<Shown>,
}

impl crate::lang::Say for Shown {
    fn say(&self, lang: crate::lang::Lang) -> String {
        match self {
            Shown::Fact { name, value } => {
                let i = usize::from(lang == crate::lang::Lang::En);
                // A true/false fact says what holds: 父母没有登记结婚, not 父母已登记结婚：否.
                let def = crate::facts::fact(name).filter(|f| f.ty == FactType::Bool);
                match (def, value) {
                    (Some(f), Value::Bool(true)) => f.reads[i].to_string(),
                    (Some(f), Value::Bool(false)) => f.reads_not[i].to_string(),
                    _ => {
                        let (name, value) = (words::name(name)[i], &words::value(value)[i]);
                        format!("{name}{}{value}", lang.pick("：", ": "))
                    }
                }
            }
            Shown::LastDay(d) => format!("{} {d}", lang.pick("最后一天", "last day")),
            Shown::FirstDay(d) => format!("{} {d}", lang.pick("从", "from")),
            Shown::Step {
                state,
                title,
                holds,
                ..
            } => {
                let done = match (state, holds) {
                    (StepState::Done, true) => ["已办完", "done"],
                    (StepState::Done, false) => ["还没有办完", "not done"],
                    (StepState::Skipped, true) => ["不办了", "not taken"],
                    (StepState::Skipped, false) => ["没有说不办", "not declined"],
                };
                let i = usize::from(lang == crate::lang::Lang::En);
                format!(
                    "{}{}{}",
                    lang.quote(title.get(lang)),
                    lang.pick("：", ": "),
                    done[i]
                )
            }
        }
    }
}

impl crate::lang::Say for Unmet {
    fn say(&self, lang: crate::lang::Lang) -> String {
        let text = self.text.get(lang);
        if self.values.is_empty() {
            return text.to_string();
        }
        let values: Vec<String> = self.values.iter().map(|v| v.say(lang)).collect();
        format!("{text}{}", lang.paren(&values.join(lang.pick("，", ", "))))
    }
}

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

impl Op {
    pub(crate) fn holds<T: Ord>(self, a: &T, b: &T) -> bool {
        match self {
            Op::Eq => a == b,
            Op::Ne => a != b,
            Op::Lt => a < b,
            Op::Le => a <= b,
            Op::Gt => a > b,
            Op::Ge => a >= b,
        }
    }

    fn text(self) -> &'static str {
        match self {
            Op::Eq => "==",
            Op::Ne => "!=",
            Op::Lt => "<",
            Op::Le => "<=",
            Op::Gt => ">",
            Op::Ge => ">=",
        }
    }
}

impl fmt::Display for Op {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.text())
    }
}

/// A parsed condition.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Expr {
    /// A true/false fact.
    Flag(String),
    /// A named condition of the playbook.
    Named(String),
    Compare(String, Op, Value),
    In(String, Vec<Value>),
    /// `age OP period`: today compared with the date `period` after the birth.
    Age(Op, Period),
    /// `done(step-id)`, `skipped(step-id)`.
    Step(StepState, String),
    Not(Box<Expr>),
    And(Vec<Expr>),
    Or(Vec<Expr>),
}

/// What a name in a condition refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NameKind {
    Fact(FactType),
    Derived,
    Named,
    Age,
}

/// The names a condition may use besides the built-in facts and derived values.
pub(crate) trait Names {
    /// Whether `name` is a named condition defined so far.
    fn is_named(&self, name: &str) -> bool;
    /// Every named condition, for suggestions.
    fn named(&self) -> Vec<&str>;
    /// The playbook's step ids, which `done(…)` and `skipped(…)` may name (none: they may not
    /// be used).
    fn steps(&self) -> Vec<&str> {
        Vec::new()
    }
    /// Whether `id` is one of [`Names::steps`].
    fn is_step(&self, id: &str) -> bool {
        self.steps().contains(&id)
    }
    /// Whether the condition is a tip's read on its own day (`day = "done"`): `day_year` and
    /// the like are known, and the `today_…` values they stand in for are not.
    fn on_day(&self) -> bool {
        false
    }
}

impl Names for [&str] {
    fn is_named(&self, name: &str) -> bool {
        self.contains(&name)
    }
    fn named(&self) -> Vec<&str> {
        self.to_vec()
    }
}

/// A condition that did not parse or check; `offset` is the byte offset in its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ConditionError {
    pub offset: usize,
    pub message: String,
}

/// The values a condition is evaluated against.
pub(crate) trait Env {
    /// A fact or derived value.
    fn value(&self, name: &str) -> Value;
    /// A named condition.
    fn named(&self, name: &str) -> bool;
    /// Whether `age OP period` holds today.
    fn age(&self, op: Op, period: Period) -> bool;
    /// Why a named condition does not hold, one entry per unmet clause.
    fn unmet_named(&self, name: &str) -> Vec<Unmet>;
    /// The date `period` after birth, for explanations.
    fn age_date(&self, period: Period) -> chrono::NaiveDate;
    /// Whether the family's progress on step `id` is `state`.
    fn step(&self, state: StepState, id: &str) -> bool;
    /// A step's title, to name it in words.
    fn step_title(&self, id: &str) -> Words {
        Words::same(id)
    }
    /// A named condition's title, to name it in words.
    fn named_title(&self, name: &str) -> Words {
        Words::same(name)
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Tok {
    Name(String),
    Num(i64),
    Op(Op),
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
    End,
}

struct Parser<'a, N: Names + ?Sized> {
    toks: Vec<(usize, Tok)>,
    pos: usize,
    names: &'a N,
    len: usize,
}

fn err<T>(offset: usize, message: impl Into<String>) -> Result<T, ConditionError> {
    Err(ConditionError {
        offset,
        message: message.into(),
    })
}

fn lex(text: &str) -> Result<Vec<(usize, Tok)>, ConditionError> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        let start = i;
        let two = bytes.get(i + 1).copied();
        let tok = match c {
            b' ' | b'\t' | b'\n' | b'\r' => {
                i += 1;
                continue;
            }
            b'(' => Tok::LParen,
            b')' => Tok::RParen,
            b'[' => Tok::LBracket,
            b']' => Tok::RBracket,
            b',' => Tok::Comma,
            b'=' if two == Some(b'=') => Tok::Op(Op::Eq),
            b'!' if two == Some(b'=') => Tok::Op(Op::Ne),
            b'<' if two == Some(b'=') => Tok::Op(Op::Le),
            b'>' if two == Some(b'=') => Tok::Op(Op::Ge),
            b'<' => Tok::Op(Op::Lt),
            b'>' => Tok::Op(Op::Gt),
            b'0'..=b'9' => {
                while i < bytes.len() && bytes[i].is_ascii_digit() {
                    i += 1;
                }
                let n = text[start..i].parse().or_else(|_| {
                    err(start, format!("number `{}` is too large", &text[start..i]))
                })?;
                out.push((start, Tok::Num(n)));
                continue;
            }
            b'a'..=b'z' | b'A'..=b'Z' | b'_' => {
                // Names may hold `_` and `-` (condition ids are kebab-case); there is no arithmetic.
                while i < bytes.len()
                    && (bytes[i].is_ascii_alphanumeric()
                        || bytes[i] == b'_'
                        || (bytes[i] == b'-'
                            && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric)))
                {
                    i += 1;
                }
                out.push((start, Tok::Name(text[start..i].to_string())));
                continue;
            }
            b'=' => return err(start, "`=` compares nothing: write `==`"),
            _ => {
                let ch = text[start..].chars().next().unwrap_or('?');
                return err(
                    start,
                    format!(
                        "unexpected `{ch}`: conditions use names, numbers, ( ) [ ] , and == != < <= > >="
                    ),
                );
            }
        };
        i += match tok {
            Tok::Op(Op::Lt | Op::Gt) | Tok::LParen | Tok::RParen => 1,
            Tok::LBracket | Tok::RBracket | Tok::Comma => 1,
            _ => 2,
        };
        out.push((start, tok));
    }
    out.push((text.len(), Tok::End));
    Ok(out)
}

/// What kind of thing `name` is, if any.
pub(crate) fn kind_of<N: Names + ?Sized>(name: &str, names: &N) -> Option<NameKind> {
    if name == "age" {
        return Some(NameKind::Age);
    }
    if let Some(f) = FACTS.iter().find(|f| f.name == name) {
        return Some(NameKind::Fact(f.ty));
    }
    if DERIVED.iter().any(|(d, _)| *d == name) {
        return Some(NameKind::Derived);
    }
    if DAY_DERIVED.iter().any(|(d, _, _)| *d == name) {
        return names.on_day().then_some(NameKind::Derived);
    }
    names.is_named(name).then_some(NameKind::Named)
}

impl<N: Names + ?Sized> Parser<'_, N> {
    fn peek(&self) -> &Tok {
        &self.toks[self.pos].1
    }
    fn offset(&self) -> usize {
        self.toks[self.pos].0
    }
    fn next(&mut self) -> (usize, Tok) {
        let t = self.toks[self.pos].clone();
        if self.pos + 1 < self.toks.len() {
            self.pos += 1;
        }
        t
    }
    fn is_word(&self, word: &str) -> bool {
        matches!(self.peek(), Tok::Name(n) if n == word)
    }

    fn expr(&mut self) -> Result<Expr, ConditionError> {
        let mut parts = vec![self.and()?];
        while self.is_word("or") {
            self.next();
            parts.push(self.and()?);
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap()
        } else {
            Expr::Or(parts)
        })
    }

    fn and(&mut self) -> Result<Expr, ConditionError> {
        let mut parts = vec![self.unary()?];
        while self.is_word("and") {
            self.next();
            parts.push(self.unary()?);
        }
        Ok(if parts.len() == 1 {
            parts.pop().unwrap()
        } else {
            Expr::And(parts)
        })
    }

    fn unary(&mut self) -> Result<Expr, ConditionError> {
        if self.is_word("not") {
            self.next();
            return Ok(Expr::Not(Box::new(self.unary()?)));
        }
        match self.next() {
            (_, Tok::LParen) => {
                let inner = self.expr()?;
                match self.next() {
                    (_, Tok::RParen) => Ok(inner),
                    (o, _) => err(o, "expected `)`"),
                }
            }
            (o, Tok::Name(name)) => self.atom(o, name),
            (o, Tok::End) if o == self.len => {
                err(o, "the condition ends too early: expected a name")
            }
            (o, _) => err(o, "expected a name, `not` or `(`"),
        }
    }

    fn unknown_name(&self, offset: usize, name: &str) -> ConditionError {
        let mut all: Vec<&str> = FACTS.iter().map(|f| f.name).collect();
        all.extend(DERIVED.iter().map(|(d, _)| *d));
        all.push("age");
        let named = self.names.named();
        all.extend(named.iter().copied());
        let hint = hint(name, all.iter().copied(), Lang::En);
        ConditionError {
            offset,
            message: format!(
                "unknown fact or condition `{name}`{hint}; known: facts {}, derived values {}, age{}",
                FACTS.iter().map(|f| f.name).collect::<Vec<_>>().join(", "),
                DERIVED
                    .iter()
                    .map(|(d, _)| *d)
                    .collect::<Vec<_>>()
                    .join(", "),
                if named.is_empty() {
                    String::new()
                } else {
                    format!(", conditions {}", named.join(", "))
                }
            ),
        }
    }

    fn atom(&mut self, offset: usize, name: String) -> Result<Expr, ConditionError> {
        let state = match name.as_str() {
            "done" => Some(StepState::Done),
            "skipped" => Some(StepState::Skipped),
            _ => None,
        };
        if let (Some(state), Tok::LParen) = (state, self.peek()) {
            return self.step(state);
        }
        if matches!(name.as_str(), "and" | "or" | "in" | "true" | "false") {
            return err(
                offset,
                format!("expected a name, found the keyword `{name}`"),
            );
        }
        if let Some(message) = day_misuse(&name, self.names.on_day()) {
            return err(offset, message);
        }
        let Some(kind) = kind_of(&name, self.names) else {
            return Err(self.unknown_name(offset, &name));
        };
        match (kind, self.peek().clone()) {
            (NameKind::Age, Tok::Op(op)) => {
                self.next();
                if matches!(op, Op::Eq | Op::Ne) {
                    return err(
                        offset,
                        "compare age with <, <=, > or >= (e.g. `age <= 30 working days`)",
                    );
                }
                let (o, amount) = match self.next() {
                    (o, Tok::Num(n)) => (o, n),
                    (o, _) => {
                        return err(o, "expected a number after `age`, e.g. `age <= 1 month`");
                    }
                };
                let unit = self.unit(o)?;
                let amount = u32::try_from(amount).or_else(|_| err(o, "number too large"))?;
                Ok(Expr::Age(op, Period { amount, unit }))
            }
            (NameKind::Age, _) => err(offset, "`age` needs a comparison, e.g. `age < 6 months`"),
            (_, Tok::Op(op)) => {
                self.next();
                let (o, value) = self.value()?;
                self.check_value(&name, kind, Some(op), o, &value)?;
                Ok(Expr::Compare(name, op, value))
            }
            (_, Tok::Name(w)) if w == "in" => {
                self.next();
                match self.next() {
                    (_, Tok::LBracket) => {}
                    (o, _) => return err(o, "expected `[` after `in`"),
                }
                let mut values = Vec::new();
                loop {
                    let (o, value) = self.value()?;
                    self.check_value(&name, kind, None, o, &value)?;
                    values.push(value);
                    match self.next() {
                        (_, Tok::Comma) => continue,
                        (_, Tok::RBracket) => break,
                        (o, _) => return err(o, "expected `,` or `]`"),
                    }
                }
                Ok(Expr::In(name, values))
            }
            (NameKind::Fact(FactType::Bool), _) => Ok(Expr::Flag(name)),
            (NameKind::Named, _) => Ok(Expr::Named(name)),
            (NameKind::Fact(FactType::Choice(words)), _) => err(
                offset,
                format!(
                    "`{name}` is not true/false: compare it, e.g. `{name} == {}`",
                    words[0]
                ),
            ),
            (_, _) => err(
                offset,
                format!("`{name}` is a number: compare it, e.g. `{name} <= 3`"),
            ),
        }
    }

    /// `(step-id)` after `done` or `skipped`.
    fn step(&mut self, state: StepState) -> Result<Expr, ConditionError> {
        self.next();
        let (o, id) = match self.next() {
            (o, Tok::Name(id)) => (o, id),
            (o, _) => {
                return err(
                    o,
                    format!(
                        "expected a step id, e.g. `{}(hukou-registration)`",
                        state.word()
                    ),
                );
            }
        };
        if !self.names.is_step(&id) {
            let steps = self.names.steps();
            let hint = hint(&id, steps.iter().copied(), Lang::En);
            return err(o, format!("unknown step `{id}`{hint}"));
        }
        match self.next() {
            (_, Tok::RParen) => Ok(Expr::Step(state, id)),
            (o, _) => err(o, "expected `)`"),
        }
    }

    fn unit(&mut self, at: usize) -> Result<Unit, ConditionError> {
        let expected = "expected a unit: days, working days or months";
        match self.next() {
            (_, Tok::Name(w)) if w == "day" || w == "days" => Ok(Unit::Days),
            (_, Tok::Name(w)) if w == "month" || w == "months" => Ok(Unit::Months),
            (o, Tok::Name(w)) if w == "working" => match self.next() {
                (_, Tok::Name(d)) if d == "day" || d == "days" => Ok(Unit::WorkingDays),
                _ => err(o, expected),
            },
            (o, _) => err(o.max(at), expected),
        }
    }

    fn value(&mut self) -> Result<(usize, Value), ConditionError> {
        match self.next() {
            (o, Tok::Num(n)) => Ok((o, Value::Int(n))),
            (o, Tok::Name(w)) if w == "true" => Ok((o, Value::Bool(true))),
            (o, Tok::Name(w)) if w == "false" => Ok((o, Value::Bool(false))),
            (o, Tok::Name(w)) => Ok((o, Value::Word(w))),
            (o, _) => err(o, "expected a value"),
        }
    }

    fn check_value(
        &self,
        name: &str,
        kind: NameKind,
        op: Option<Op>,
        offset: usize,
        value: &Value,
    ) -> Result<(), ConditionError> {
        let ordered = matches!(op, Some(Op::Lt | Op::Le | Op::Gt | Op::Ge));
        match (kind, value) {
            (NameKind::Fact(FactType::Bool) | NameKind::Named, Value::Bool(_)) if !ordered => {
                Ok(())
            }
            (NameKind::Fact(FactType::Choice(words)), Value::Word(w)) if !ordered => {
                if words.contains(&w.as_str()) {
                    Ok(())
                } else {
                    err(
                        offset,
                        format!(
                            "unknown value `{w}` for {name}; allowed: {}",
                            words.join(", ")
                        ),
                    )
                }
            }
            (NameKind::Fact(FactType::Count) | NameKind::Derived, Value::Int(_)) => Ok(()),
            (NameKind::Fact(FactType::Choice(words)), _) if !ordered => err(
                offset,
                format!(
                    "`{value}` is not a value of {name}; allowed: {}",
                    words.join(", ")
                ),
            ),
            (NameKind::Fact(FactType::Count) | NameKind::Derived, _) => {
                err(offset, format!("{name} is a number; `{value}` is not"))
            }
            (_, _) if ordered => err(
                offset,
                format!("{name} has no order: use == or != (or `in [...]`)"),
            ),
            (_, _) => err(offset, format!("{name} is true or false; `{value}` is not")),
        }
    }
}

/// Parses and checks a condition.
pub(crate) fn parse<N: Names + ?Sized>(text: &str, names: &N) -> Result<Expr, ConditionError> {
    let toks = lex(text)?;
    let mut p = Parser {
        toks,
        pos: 0,
        names,
        len: text.len(),
    };
    let expr = p.expr()?;
    match p.peek() {
        Tok::End => Ok(expr),
        _ => err(
            p.offset(),
            "unexpected text after the condition (missing `and`/`or`?)",
        ),
    }
}

impl Expr {
    pub(crate) fn eval(&self, env: &dyn Env) -> bool {
        match self {
            Expr::Flag(name) => env.value(name) == Value::Bool(true),
            Expr::Named(name) => env.named(name),
            Expr::Compare(name, op, value) => op.holds(&env.value(name), value),
            Expr::In(name, values) => values.contains(&env.value(name)),
            Expr::Age(op, period) => env.age(*op, *period),
            Expr::Step(state, id) => env.step(*state, id),
            Expr::Not(e) => !e.eval(env),
            Expr::And(parts) => parts.iter().all(|e| e.eval(env)),
            Expr::Or(parts) => parts.iter().any(|e| e.eval(env)),
        }
    }

    /// Why the condition does not hold: one entry per unmet part, with the family's values.
    /// Empty when it holds.
    pub(crate) fn unmet(&self, env: &dyn Env) -> Vec<Unmet> {
        if self.eval(env) {
            return Vec::new();
        }
        match self {
            Expr::And(parts) => parts.iter().flat_map(|p| p.unmet(env)).collect(),
            Expr::Named(name) => {
                let lines = env.unmet_named(name);
                if lines.is_empty() {
                    vec![Unmet {
                        text: env.named_title(name),
                        values: Vec::new(),
                    }]
                } else {
                    lines
                }
            }
            _ => vec![Unmet {
                text: self.words(env),
                values: self.values(env),
            }],
        }
    }

    /// The family's values of the facts this condition mentions, and its age limits' dates.
    pub(crate) fn values(&self, env: &dyn Env) -> Vec<Shown> {
        // Sized for every value (most conditions name one or two): a plan holds many of these.
        let mut out: Vec<Shown> = Vec::with_capacity(self.value_count());
        self.walk_values(env, &mut out);
        out
    }

    /// How many values `values` finds at most (before removing repeats).
    fn value_count(&self) -> usize {
        match self {
            Expr::Flag(_) | Expr::Compare(..) | Expr::In(..) | Expr::Age(..) | Expr::Step(..) => 1,
            Expr::Named(_) => 0,
            Expr::Not(inner) => inner.value_count(),
            Expr::And(parts) | Expr::Or(parts) => parts.iter().map(Expr::value_count).sum(),
        }
    }

    fn walk_values(&self, env: &dyn Env, out: &mut Vec<Shown>) {
        let item = match self {
            Expr::Flag(n) | Expr::Compare(n, _, _) | Expr::In(n, _) => Shown::Fact {
                name: n.clone(),
                value: env.value(n),
            },
            Expr::Age(op, p) => {
                let date = env.age_date(*p);
                match op {
                    Op::Lt => Shown::LastDay(date.pred_opt().unwrap_or(date)),
                    Op::Le | Op::Eq | Op::Ne => Shown::LastDay(date),
                    Op::Gt => Shown::FirstDay(date.succ_opt().unwrap_or(date)),
                    Op::Ge => Shown::FirstDay(date),
                }
            }
            Expr::Step(state, id) => Shown::Step {
                state: *state,
                id: id.clone(),
                title: env.step_title(id),
                holds: env.step(*state, id),
            },
            Expr::Named(_) => return,
            Expr::Not(inner) => return inner.walk_values(env, out),
            Expr::And(parts) | Expr::Or(parts) => {
                return parts.iter().for_each(|p| p.walk_values(env, out));
            }
        };
        if !out.contains(&item) {
            out.push(item);
        }
    }
}

impl Expr {
    /// Every name the condition mentions (`age` for an age limit; a step for `done(…)`).
    pub(crate) fn names(&self) -> Vec<&str> {
        match self {
            Expr::Flag(n) | Expr::Named(n) | Expr::Compare(n, _, _) | Expr::In(n, _) => {
                vec![n.as_str()]
            }
            Expr::Age(..) => vec!["age"],
            Expr::Step(_, id) => vec![id.as_str()],
            Expr::Not(e) => e.names(),
            Expr::And(parts) | Expr::Or(parts) => parts.iter().flat_map(|p| p.names()).collect(),
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let join = |f: &mut fmt::Formatter<'_>, parts: &[Expr], sep: &str| -> fmt::Result {
            for (i, p) in parts.iter().enumerate() {
                if i > 0 {
                    write!(f, " {sep} ")?;
                }
                match p {
                    Expr::And(_) | Expr::Or(_) => write!(f, "({p})")?,
                    _ => write!(f, "{p}")?,
                }
            }
            Ok(())
        };
        match self {
            Expr::Flag(n) | Expr::Named(n) => f.write_str(n),
            Expr::Compare(n, op, v) => write!(f, "{n} {op} {v}"),
            Expr::In(n, values) => {
                let vs: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                write!(f, "{n} in [{}]", vs.join(", "))
            }
            Expr::Age(op, p) => write!(f, "age {op} {p}"),
            Expr::Step(state, id) => write!(f, "{}({id})", state.word()),
            Expr::Not(e) => match **e {
                Expr::And(_) | Expr::Or(_) => write!(f, "not ({e})"),
                _ => write!(f, "not {e}"),
            },
            Expr::And(parts) => join(f, parts, "and"),
            Expr::Or(parts) => join(f, parts, "or"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct TestEnv;
    impl Env for TestEnv {
        fn value(&self, name: &str) -> Value {
            match name {
                "mother_hukou" => Value::Word("city".into()),
                "father_hukou" => Value::Word("other".into()),
                "married" => Value::Bool(true),
                "age_days" => Value::Int(40),
                "plurality" => Value::Int(2),
                _ => Value::Bool(false),
            }
        }
        fn named(&self, name: &str) -> bool {
            name == "bundle"
        }
        fn age(&self, op: Op, period: Period) -> bool {
            let days = match period.unit {
                Unit::Months => 30 * i64::from(period.amount),
                _ => i64::from(period.amount),
            };
            op.holds(&40, &days)
        }
        fn unmet_named(&self, _: &str) -> Vec<Unmet> {
            vec![Unmet {
                text: Words::same("clause"),
                values: Vec::new(),
            }]
        }
        fn age_date(&self, _: Period) -> chrono::NaiveDate {
            chrono::NaiveDate::from_ymd_opt(2026, 11, 18).unwrap()
        }
        fn step(&self, state: StepState, id: &str) -> bool {
            state == StepState::Done && id == "apply"
        }
    }

    fn p(text: &str) -> Result<Expr, ConditionError> {
        parse(text, ["bundle", "local", "two-part"].as_slice())
    }

    #[test]
    fn evaluates() {
        let cases = [
            ("married", true),
            ("not married", false),
            (
                "mother_hukou == city and father_hukou in [city, province]",
                false,
            ),
            ("mother_hukou == city or father_hukou == city", true),
            ("not (married and plurality >= 2)", false),
            ("two-part or married", true),
            ("age_days <= 90", true),
            ("age <= 30 days", false),
            ("age < 3 months", true),
            ("bundle and not local", true),
            ("married == true", true),
        ];
        for (text, want) in cases {
            assert_eq!(p(text).unwrap().eval(&TestEnv), want, "{text}");
        }
    }

    #[test]
    fn round_trips_through_display() {
        for text in [
            "mother_hukou == city and (father_hukou in [city, province] or married)",
            "not (a_b)".replace("a_b", "married").as_str(),
            "age <= 30 working days",
        ] {
            let e = p(text).unwrap();
            assert_eq!(p(&e.to_string()).unwrap(), e);
        }
    }

    #[test]
    fn explains_what_is_unmet() {
        use crate::lang::{Lang, Say};
        let e = p("married and father_hukou in [city, province] and age <= 30 days").unwrap();
        let lines: Vec<String> = e.unmet(&TestEnv).iter().map(|u| u.say(Lang::Zh)).collect();
        assert_eq!(
            lines,
            vec![
                "父亲户籍：本市或本省（父亲户籍：外省）".to_string(),
                "出生后30天以内（最后一天 2026-11-18）".to_string(),
            ]
        );
        let en: Vec<String> = e.unmet(&TestEnv).iter().map(|u| u.say(Lang::En)).collect();
        assert_eq!(
            en,
            [
                "the father's hukou: city or province (the father's hukou: other)",
                "within 30 days of the birth (last day 2026-11-18)"
            ]
        );
    }

    #[test]
    fn an_under_limit_names_the_last_day_that_still_counts() {
        use crate::lang::{Lang, Say};
        // The 6-month date is 2026-11-18 here: "under" ends the day before.
        let e = p("age < 6 months").unwrap();
        assert_eq!(e.values(&TestEnv)[0].say(Lang::Zh), "最后一天 2026-11-17");
        let e = p("age >= 1 months").unwrap();
        assert_eq!(e.values(&TestEnv)[0].say(Lang::En), "from 2026-11-18");
    }

    #[test]
    fn conditions_may_ask_about_progress_on_a_step() {
        struct Steps;
        impl Names for Steps {
            fn is_named(&self, _: &str) -> bool {
                false
            }
            fn named(&self) -> Vec<&str> {
                Vec::new()
            }
            fn steps(&self) -> Vec<&str> {
                vec!["apply", "pre-enrollment"]
            }
        }
        let e = parse("done(apply) and not skipped(pre-enrollment)", &Steps).unwrap();
        assert!(e.eval(&TestEnv));
        assert_eq!(e.to_string(), "done(apply) and not skipped(pre-enrollment)");
        let err = parse("done(aply)", &Steps).unwrap_err();
        assert_eq!(err.offset, 5);
        assert!(
            err.message.contains("did you mean apply"),
            "{}",
            err.message
        );
        assert!(parse("done(apply", &Steps).is_err());
        // Without step ids (a named condition's clause, say), there is nothing to name.
        assert!(p("done(apply)").is_err());
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = p("mother_hukou == cty").unwrap_err();
        assert_eq!(e.offset, 16);
        assert_eq!(
            e.message,
            "unknown value `cty` for mother_hukou; allowed: city, province, other, none"
        );
        let e = p("maried and x").unwrap_err();
        assert_eq!(e.offset, 0);
        assert!(e.message.contains("did you mean married"), "{}", e.message);
        assert_eq!(p("married and").unwrap_err().offset, 11);
        assert!(p("married = true").unwrap_err().message.contains("=="));
        assert!(
            p("mother_hukou")
                .unwrap_err()
                .message
                .contains("not true/false")
        );
        assert!(p("age <= 3 weeks").is_err());
        assert!(p("age == 3 days").is_err());
        assert!(p("married married").is_err());
        assert!(p("mother_hukou < city").is_err());
        assert!(
            p("plurality == twins")
                .unwrap_err()
                .message
                .contains("number")
        );
        assert_eq!(p("married & x").unwrap_err().offset, 8);
        assert!(p("(married").is_err());
        assert!(p("").is_err());
    }
}

/// A `{name}` or `{name+N}` placeholder in a tip: where it is, the name, and the offset.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Placeholder {
    /// Byte range of `{…}` in the text.
    pub range: std::ops::Range<usize>,
    pub name: String,
    pub offset: i64,
}

/// Finds the placeholders in `text`, checking each names a number (a derived value, a value of a
/// tip's own day, or a counted fact). Where a day's values may be used is for the caller to
/// check ([`day_misuse`]).
pub(crate) fn placeholders(text: &str) -> Result<Vec<Placeholder>, ConditionError> {
    let mut out = Vec::new();
    let mut rest = 0;
    while let Some(open) = text[rest..].find('{').map(|i| rest + i) {
        let Some(close) = text[open..].find('}').map(|i| open + i) else {
            return err(
                open,
                "`{` without `}`: placeholders look like {today_year} or {today_year+1}",
            );
        };
        let inner = &text[open + 1..close];
        let (name, offset) = match inner.find(['+', '-']) {
            Some(i) => {
                let n: i64 = inner[i + 1..].trim().parse().or_else(|_| {
                    err(
                        open,
                        format!(
                            "`{{{inner}}}`: expected a whole number after `{}`",
                            &inner[i..=i]
                        ),
                    )
                })?;
                (inner[..i].trim(), if &inner[i..=i] == "-" { -n } else { n })
            }
            None => (inner.trim(), 0),
        };
        let numeric = DERIVED.iter().any(|(d, _)| *d == name)
            || DAY_DERIVED.iter().any(|(d, _, _)| *d == name)
            || FACTS
                .iter()
                .any(|f| f.name == name && f.ty == FactType::Count);
        if !numeric {
            let mut known: Vec<&str> = DERIVED.iter().map(|(d, _)| *d).collect();
            known.extend(
                FACTS
                    .iter()
                    .filter(|f| f.ty == FactType::Count)
                    .map(|f| f.name),
            );
            return err(
                open,
                format!(
                    "unknown placeholder `{{{inner}}}`; placeholders: {}",
                    known.join(", ")
                ),
            );
        }
        out.push(Placeholder {
            range: open..close + 1,
            name: name.to_string(),
            offset,
        });
        rest = close + 1;
    }
    Ok(out)
}

/// Fills the placeholders of a checked text with the family's values. A text without
/// placeholders (most tips) is borrowed as it is.
pub(crate) fn fill<'t>(text: &'t str, env: &dyn Env) -> Cow<'t, str> {
    if !text.contains('{') {
        return Cow::Borrowed(text);
    }
    let Ok(parts) = placeholders(text) else {
        return Cow::Borrowed(text);
    };
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for p in parts {
        out.push_str(&text[last..p.range.start]);
        match env.value(&p.name) {
            Value::Int(n) => out.push_str(&(n + p.offset).to_string()),
            other => out.push_str(&other.to_string()),
        }
        last = p.range.end;
    }
    out.push_str(&text[last..]);
    Cow::Owned(out)
}

#[cfg(test)]
mod placeholder_tests {
    use super::*;

    #[test]
    fn placeholders_are_checked_and_filled() {
        let ps = placeholders("结束月份为{today_year+1}年8月，{birth_month}月").unwrap();
        assert_eq!(ps.len(), 2);
        assert_eq!(ps[0].offset, 1);
        assert!(placeholders("{mother_hukou}").is_err());
        assert!(placeholders("{today_year").is_err());
        assert!(placeholders("{today_year+x}").is_err());
        assert_eq!(placeholders("无占位符").unwrap(), vec![]);
    }
}
