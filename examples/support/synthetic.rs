//! A synthetic playbook of any size, for benchmarks and for the test that it passes
//! `newborn check`. Shared by `examples/gen_playbook.rs`, `benches/` and the integration tests
//! (each includes this file with `#[path]`).
//!
//! Region id `synthetic`; `steps` steps (a few of them twice, as variants on the two routes), each
//! from the third on with two prerequisites among the 40 before it (so about 2N edges and long
//! chains); a mix of every deadline kind (within days, months, working days; under days,
//! months; counted from another step), scheduled starts, lead times, routes, named conditions,
//! and materials and tips with and without `when`. The same `steps` always gives the same file.

use std::fmt::Write as _;

/// The route a step is on: `None` on both.
fn route_of(i: usize) -> Option<&'static str> {
    match i % 10 {
        3 => Some("bundle"),
        7 => Some("separate"),
        _ => None,
    }
}

/// Steps written twice, once on each route (an id may appear once per route).
fn has_variants(i: usize) -> bool {
    i % 50 == 25
}

/// A step `i` may require `j`: `j` is on every route `i` is on.
fn may_require(i: usize, j: usize) -> bool {
    match (route_of(i), route_of(j)) {
        (_, None) => true,
        (Some(a), Some(b)) => a == b && !has_variants(i),
        (None, Some(_)) => false,
    }
}

/// Up to two earlier steps that `i` requires, spread over the 40 before it.
fn prerequisites(i: usize) -> Vec<usize> {
    let mut out = Vec::new();
    if i == 0 {
        return out;
    }
    // A fixed scramble, so that the graph is not a plain chain.
    let mut x = (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for _ in 0..8 {
        if out.len() == 2 {
            break;
        }
        x ^= x >> 29;
        x = x.wrapping_mul(0xBF58_476D_1CE4_E5B9);
        let back = 1 + (x >> 33) as usize % 40.min(i);
        let j = i - back;
        if may_require(i, j) && !out.contains(&j) {
            out.push(j);
        }
    }
    out
}

const WHEN: &[Option<&str>] = &[
    None,
    Some("married"),
    Some("mother_hukou in [city, province]"),
    Some("age < 6 months"),
    Some("local-parents or father_hukou == other"),
    Some("not hospitalised and birth_order <= 2"),
    None,
    Some("age <= 60 working days and age_months < 12"),
    Some("months_since_birth_month >= 0 and sex != boy"),
];

const CHANNELS: &[&str] = &["online", "office", "online_or_office"];
const WHO: &[&str] = &[
    "mother",
    "father",
    "either_parent",
    "both_parents",
    "anyone",
    "institution",
];

/// The playbook's TOML text.
pub fn playbook(steps: usize) -> String {
    let mut out = String::with_capacity(steps * 400 + 4096);
    write!(
        out,
        r#"# A synthetic playbook with {steps} steps (examples/gen_playbook.rs); not a real region.

id = "synthetic"
name = "合成测试地区（{steps}项）"
name_en = "Synthetic ({steps} steps)"
summary = "用于性能测试的合成手册，不是真实地区的规定。"
reviewed = 2026-11-23

[[sources]]
id = "spec"
title = "合成规范"
issuer = "测试"
date = 2026-01-01
trust = "official"

[[sources]]
id = "report"
title = "合成经验"
issuer = "测试"
trust = "experience_report"
note = "仅用于测试。"

[[contacts]]
name = "测试热线"
phone = "12345"
source = {{ doc = "spec", section = "一" }}

[[conditions]]
id = "local-parents"
title = "父母都是本地户籍"
all = [
  {{ when = "mother_hukou in [city, province]", text = "母亲为本地户籍" }},
  {{ when = "father_hukou in [city, province]", text = "父亲为本地户籍" }},
]
source = {{ doc = "spec", section = "二" }}

[[conditions]]
id = "bundle"
title = "符合联办条件"
all = [
  {{ when = "born_in_region", text = "在本地出生" }},
  {{ when = "age <= 30 working days", text = "出生后30个工作日内" }},
  {{ when = "married and local-parents", text = "已婚且父母都是本地户籍" }},
]
source = {{ doc = "spec", section = "二" }}

[[routes]]
id = "bundle"
title = "联办"
title_en = "Bundle"
when = "bundle"
summary = "一次办理。"
source = {{ doc = "spec", section = "三" }}

[[routes]]
id = "separate"
title = "分别办理"
"#
    )
    .unwrap();
    for i in 0..steps {
        if has_variants(i) {
            step(&mut out, i, Some("bundle"));
            step(&mut out, i, Some("separate"));
        } else {
            step(&mut out, i, route_of(i));
        }
    }
    out
}

fn step(out: &mut String, i: usize, route: Option<&str>) {
    let pre = prerequisites(i);
    write!(
        out,
        "\n[[steps]]\nid = \"step-{i}\"\ntitle = \"第{i}项\"\nchannel = \"{}\"\nwho = \"{}\"\n",
        CHANNELS[i % CHANNELS.len()],
        WHO[i % WHO.len()]
    )
    .unwrap();
    if let Some(r) = route {
        writeln!(out, "route = \"{r}\"").unwrap();
    }
    if let Some(w) = WHEN[i % WHEN.len()] {
        writeln!(out, "when = \"{w}\"").unwrap();
    }
    if i % 4 == 1 {
        out.push_str("in_person = true\n");
    }
    if i % 9 == 4 {
        out.push_str("optional = true\n");
    }
    if !pre.is_empty() {
        let ids: Vec<String> = pre.iter().map(|j| format!("\"step-{j}\"")).collect();
        writeln!(out, "requires = [{}]", ids.join(", ")).unwrap();
    }
    match i % 8 {
        0 => out.push_str("deadline = \"within 30 working days\"\n"),
        1 => out.push_str("deadline = \"within 90 days\"\n"),
        2 => out.push_str("deadline = \"within 3 months\"\n"),
        3 => out.push_str("deadline = \"under 6 months\"\ndeadline_note = \"未满6个月\"\n"),
        4 => out.push_str("deadline = \"under 28 days\"\n"),
        5 => match pre.first() {
            Some(j) => writeln!(
                out,
                "deadline = \"within 10 working days\"\ndeadline_from = \"step-{j}\"\ndeadline_source = {{ doc = \"spec\", section = \"四\" }}"
            )
            .unwrap(),
            None => out.push_str("deadline = \"within 1 month\"\n"),
        },
        6 => out.push_str("start = \"2 months\"\n"),
        _ => {}
    }
    match i % 5 {
        0 => out.push_str("lead_time = \"1-3 working days\"\nlead_time_note = \"1至3个工作日\"\n"),
        2 => out.push_str("lead_time = \"5 days\"\n"),
        _ => {}
    }
    if i.is_multiple_of(3) {
        out.push_str(
            "materials = [\n  { name = \"身份证\", originals = 1, copies = 1 },\n  { name = \"结婚证\", kind = \"photo\", when = \"married\" },\n]\n",
        );
    }
    if i % 4 == 2 {
        out.push_str(
            "tips = [\n  { text = \"{today_year}年内办理。\" },\n  { text = \"需要预约。\", when = \"age < 3 months\", source = { doc = \"report\", section = \"五\" } },\n]\n",
        );
    }
    out.push_str("source = { doc = \"spec\", section = \"六\" }\n");
}
