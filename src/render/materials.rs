//! `newborn materials`: every document the remaining steps need, merged across steps and
//! grouped by where you go, so a parent packs one bag per visit.

use crate::lang::Lang;
use crate::plan::Plan;
use crate::playbook::{Channel, MaterialKind};
use serde::Serialize;

/// One document, merged across the steps of one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Merged {
    pub name: String,
    pub kind: MaterialKind,
    /// The most originals any step needs.
    pub originals: u32,
    /// The most copies any step needs.
    pub copies: u32,
    /// The steps that need it (ids).
    pub steps: Vec<String>,
    pub notes: Vec<String>,
}

/// The documents for one place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub(crate) struct Group {
    pub place: String,
    pub items: Vec<Merged>,
}

/// Where a material is used: an online step's, and the photos, electronic items and
/// information of a step done online or at an office, are online; the rest goes to the step's
/// agency (an electronic item shown at a desk goes there too).
fn place_of(channel: Channel, kind: MaterialKind, agency: Option<&str>, lang: Lang) -> String {
    let online = match channel {
        Channel::Online => true,
        Channel::OnlineOrOffice => kind != MaterialKind::Paper,
        Channel::Office => false,
    };
    if online {
        lang.pick(
            "线上办理（拍照上传、电子材料、要填写的信息）",
            "Online (photos to upload, electronic items, information to fill in)",
        )
        .to_string()
    } else {
        agency
            .unwrap_or(lang.pick(
                "办理窗口（来源未写明地点）",
                "An office (the source does not say which)",
            ))
            .to_string()
    }
}

/// The merged materials of the open steps (not done, skipped, missed or done elsewhere),
/// grouped by place in plan order.
pub(crate) fn merged(plan: &Plan<'_>, lang: Lang) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for s in plan.steps().filter(|s| s.status.is_open()) {
        for m in &s.materials {
            let place = place_of(s.step.channel, m.kind, s.step.agency.as_deref(), lang);
            let gi = match groups.iter().position(|g| g.place == place) {
                Some(i) => i,
                None => {
                    groups.push(Group {
                        place,
                        items: Vec::new(),
                    });
                    groups.len() - 1
                }
            };
            let group = &mut groups[gi];
            match group
                .items
                .iter_mut()
                .find(|x| x.name == m.name && x.kind == m.kind)
            {
                Some(x) => {
                    x.originals = x.originals.max(m.originals);
                    x.copies = x.copies.max(m.copies);
                    if !x.steps.iter().any(|id| *id == s.step.id) {
                        x.steps.push(s.step.id.to_string());
                    }
                    if let Some(n) = &m.note
                        && !x.notes.iter().any(|x| x == n)
                    {
                        x.notes.push(n.to_string());
                    }
                }
                None => group.items.push(Merged {
                    name: m.name.to_string(),
                    kind: m.kind,
                    originals: m.originals,
                    copies: m.copies,
                    steps: vec![s.step.id.to_string()],
                    notes: m.note.iter().map(|n| n.to_string()).collect(),
                }),
            }
        }
    }
    groups
}

impl Merged {
    pub(crate) fn quantity(&self, lang: Lang) -> String {
        crate::playbook::Material {
            name: self.name.clone().into(),
            name_en: None,
            kind: self.kind,
            originals: self.originals,
            copies: self.copies,
            note: None,
            when: None,
        }
        .quantity(lang)
    }
}

/// The merged list as text (Markdown-friendly: headings and task items).
pub(crate) fn render(plan: &Plan<'_>, heading: &str, lang: Lang) -> String {
    let groups = merged(plan, lang);
    if groups.is_empty() {
        return lang
            .pick(
                "还没办的事项都不需要带材料。\n",
                "The steps left need no documents.\n",
            )
            .to_string();
    }
    let mut out = String::new();
    for g in groups {
        out.push_str(&format!("{heading} {}\n\n", g.place));
        for m in g.items {
            let steps: Vec<String> = m.steps.iter().map(|id| named(plan, id, lang)).collect();
            out.push_str(&format!(
                "- [ ] {}{} — {}{}\n",
                m.name,
                lang.paren(&m.quantity(lang)),
                lang.pick("用于：", "for: "),
                steps.join(lang.pick("；", "; "))
            ));
            for n in m.notes {
                out.push_str(&format!("  - {n}\n"));
            }
        }
        out.push('\n');
    }
    out
}

/// A step by its number and title, as the plan lists it (`3. 领取出生医学证明`).
fn named(plan: &Plan<'_>, id: &str, lang: Lang) -> String {
    match plan.steps().find(|s| s.step.id == id) {
        Some(s) => {
            let number = s.number.map_or(String::new(), |n| format!("{n}. "));
            format!("{number}{}", s.step.title(lang))
        }
        None => id.to_string(),
    }
}

/// The merged list for the terminal: one block per place, each document with the steps that
/// need it by title, wrapped to `width`.
pub(crate) fn text(plan: &Plan<'_>, lang: Lang, width: Option<usize>) -> String {
    let groups = merged(plan, lang);
    if groups.is_empty() {
        return render(plan, "", lang);
    }
    let mut out = String::new();
    for g in groups {
        let place = match lang {
            Lang::Zh => format!("【{}】", g.place),
            Lang::En => format!("[{}]", g.place),
        };
        out.push_str(&super::table::wrap(&place, width, "  "));
        for m in g.items {
            let line = format!("  □ {}{}", m.name, lang.paren(&m.quantity(lang)));
            out.push_str(&super::table::wrap(&line, width, "    "));
            let steps: Vec<String> = m.steps.iter().map(|id| named(plan, id, lang)).collect();
            let line = format!(
                "    {}{}",
                lang.pick("用于：", "for: "),
                steps.join(lang.pick("、", "; "))
            );
            out.push_str(&super::table::wrap(&line, width, "      "));
            for n in m.notes {
                out.push_str(&super::table::wrap(&format!("    {n}"), width, "    "));
            }
        }
        out.push('\n');
    }
    out
}
