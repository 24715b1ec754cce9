//! `newborn schema`: JSON Schemas of the playbook format and of scenario files, generated from
//! the very types the loaders read (`playbook::raw`, `scenario::raw`), with their doc comments as
//! descriptions. An editor that reads a `#:schema` line (Taplo, Even Better TOML) completes keys
//! and values from them and marks errors while the author types.
//!
//! The schemas are JSON Schema draft 7, kept to what draft 4 also reads (`enum`, not `const`),
//! since editors' validators lag behind; TOML has no null, so an optional key is simply not
//! required. Only `newborn schema` runs this code.

use crate::facts::{FACTS, FactType, aliases};
use schemars::generate::SchemaSettings;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde_json::{Map, Value};
use std::borrow::Cow;

/// The JSON Schema of a playbook file (`regions/*.toml`).
pub(crate) fn playbook() -> Value {
    generate::<crate::playbook::raw::RawPlaybook>()
}

/// The JSON Schema of a scenario file (`regions/tests/*.toml`).
pub(crate) fn scenarios() -> Value {
    generate::<crate::scenario::raw::RawFile>()
}

fn generate<T: JsonSchema>() -> Value {
    let generator = SchemaGenerator::new(SchemaSettings::draft07());
    let mut value = generator.into_root_schema_for::<T>().to_value();
    tidy(&mut value);
    value
}

/// Drops the `null` that schemars allows for an optional key (TOML has no null), writes `const`
/// as a one-value `enum`, and keeps a `$ref` alone (draft 7 ignores what stands beside it).
fn tidy(value: &mut Value) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(tidy),
        Value::Object(map) => {
            map.values_mut().for_each(tidy);
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [one] = types.as_slice() {
                    let one = one.clone();
                    map.insert("type".into(), one);
                }
            }
            if let Some(Value::Array(values)) = map.get_mut("enum") {
                values.retain(|v| !v.is_null());
            }
            let null = |v: &Value| {
                v.get("type").is_some_and(|t| t == "null")
                    && v.as_object().is_some_and(|o| o.len() == 1)
            };
            if let Some(Value::Array(any)) = map.get_mut("anyOf") {
                any.retain(|v| !null(v));
                if any.len() == 1
                    && let Some(Value::Object(only)) = any.pop()
                {
                    map.remove("anyOf");
                    for (k, v) in only {
                        map.entry(k).or_insert(v);
                    }
                }
            }
            if let Some(c) = map.remove("const") {
                map.insert("enum".into(), Value::Array(vec![c]));
            }
            if map.len() > 1
                && let Some(reference) = map.remove("$ref")
            {
                let mut only = Map::new();
                only.insert("$ref".into(), reference);
                map.insert("allOf".into(), Value::Array(vec![Value::Object(only)]));
            }
        }
        _ => {}
    }
}

/// A string type with a fixed schema, shown inline.
macro_rules! string_schema {
    ($($(#[$doc:meta])* $name:ident => $schema:expr;)*) => {$(
        $(#[$doc])*
        pub(crate) struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn inline_schema() -> bool {
                true
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    )*};
}

/// A number and a unit: `30 working days`, `3 months`.
const PERIOD: &str = r"[0-9]+\s+(days?|months?|working\s+days?)";

string_schema! {
    /// A kebab-case id.
    Id => json_schema!({ "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" });
    /// A TOML date (editors read it as a string of this format).
    Date => json_schema!({ "type": "string", "format": "date" });
    /// A condition (see "Conditions" in `docs/playbook-format.md`).
    Condition => json_schema!({ "type": "string", "minLength": 1 });
    /// `within N days|working days|months` or `under N days|months`.
    Limit => json_schema!({
        "type": "string",
        "pattern": format!(r"^\s*(within\s+{PERIOD}|under\s+[0-9]+\s+(days?|months?))\s*$"),
    });
    /// `N days|working days|months`.
    Span => json_schema!({ "type": "string", "pattern": format!(r"^\s*{PERIOD}\s*$") });
    /// `N` or `N-M` and a unit.
    LeadTime => json_schema!({
        "type": "string",
        "pattern": r"^\s*[0-9]+(-[0-9]+)?\s+(days?|months?|working\s+days?)\s*$",
    });
    /// What a deadline binds.
    Binds => json_schema!({ "type": "string", "enum": ["act", "result"] });
    /// The day a tip is read on.
    TipDay => json_schema!({ "type": "string", "enum": ["done"] });
    /// A true/false fact.
    BoolFact => json_schema!({
        "type": "string",
        "enum": FACTS.iter().filter(|f| f.ty == FactType::Bool).map(|f| f.name).collect::<Vec<_>>(),
    });
    /// The language of a scenario's texts.
    LangName => json_schema!({ "type": "string", "enum": ["zh", "en"] });
    /// A step's status in a plan.
    StatusName => json_schema!({
        "type": "string",
        "enum": crate::plan::Status::ALL.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
    });
    /// The kind of a plan's warning.
    WarningKind => json_schema!({ "type": "string", "enum": crate::plan::Warning::KINDS });
    /// An id, or `false` for none.
    IdOrFalse => json_schema!({
        "anyOf": [
            { "type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$" },
            { "type": "boolean", "enum": [false] },
        ]
    });
    /// A date, or `false` for none.
    DateOrFalse => json_schema!({
        "anyOf": [
            { "type": "string", "format": "date" },
            { "type": "boolean", "enum": [false] },
        ]
    });
    /// Every fact a family may state, with the values (and Chinese words) it takes.
    Facts => {
        let mut properties = Map::new();
        for f in FACTS {
            let words: Vec<&str> = match f.ty {
                FactType::Bool => vec!["true", "false"],
                FactType::Choice(words) => words.to_vec(),
                FactType::Count => Vec::new(),
            };
            let spellings: Vec<&str> = words
                .iter()
                .flat_map(|w| std::iter::once(*w).chain(aliases(w).iter().copied()))
                .collect();
            let schema = match f.ty {
                FactType::Bool => serde_json::json!({
                    "anyOf": [{ "type": "boolean" }, { "type": "string", "enum": spellings }],
                }),
                FactType::Choice(_) => serde_json::json!({ "type": "string", "enum": spellings }),
                FactType::Count => serde_json::json!({ "type": "integer", "minimum": 1, "maximum": 20 }),
            };
            let mut schema = schema;
            schema["description"] = Value::from(format!("{} (default {})", f.help, f.default));
            properties.insert(f.name.to_string(), schema);
        }
        json_schema!({ "type": "object", "properties": properties, "additionalProperties": false })
    };
}
