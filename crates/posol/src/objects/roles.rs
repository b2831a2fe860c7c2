//! Posts: a PROFESSION mention names a role of the person it stands next to
//! (`президент России Владимир Путин`, `Токаев, президент Казахстана`) and later refers
//! back to that person (`Глава государства`, `Президент РК`).

use super::{Knowledge, Linked, Role};
use crate::ner::{Entity, EntityType};
use crate::normal::{fold_key, normalize_mention};
use crate::token::Token;

/// The key a title is compared by: synonyms of the same post share one.
fn title_key(title: &str) -> String {
    let t = fold_key(title);
    let key = match t.as_str() {
        "глава государства" | "президент" | "президент республики" => {
            "президент"
        }
        "глава правительства" | "премьер" | "председатель правительства" | "премьер-министр" => {
            "премьер-министр"
        }
        "глава мид"
        | "глава внешнеполитического ведомства"
        | "глава дипломатии"
        | "министр иностранных дел"
        | "министр ид"
        | "руководитель мид" => "министр иностранных дел",
        _ => return t,
    };
    key.to_string()
}

/// Whether the text between two byte offsets only separates an apposition.
fn apposition_gap(text: &str, from: usize, to: usize) -> bool {
    from <= to
        && text.get(from..to).is_some_and(|g| {
            g.chars().count() <= 3
                && g.chars()
                    .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'))
        })
}

fn is_place_or_org(kind: EntityType) -> bool {
    matches!(
        kind,
        EntityType::Country
            | EntityType::Organization
            | EntityType::City
            | EntityType::StateOrProvince
    )
}

/// Adds roles to persons and links post mentions to their holders.
pub(super) fn attach(
    text: &str,
    toks: &[&[Token]],
    entities: &[Entity],
    _user: Option<&Knowledge>,
    linked: &mut Linked,
) {
    let n = entities.len();
    let posts: Vec<usize> = (0..n)
        .filter(|&i| entities[i].kind == EntityType::Profession)
        .collect();
    let mut pending: Vec<(usize, Role)> = Vec::new();
    for &i in &posts {
        let e = &entities[i];
        // the country or organization the post belongs to: inside it or right after it
        let inner = (0..n).filter(|&j| {
            j != i
                && is_place_or_org(entities[j].kind)
                && entities[j].span.start >= e.span.start
                && entities[j].span.end <= e.span.end
                && entities[j].span.start > e.span.start
        });
        let inner = inner.max_by_key(|&j| entities[j].span.start);
        let after = (0..n).find(|&j| {
            is_place_or_org(entities[j].kind)
                && apposition_gap(text, e.span.end, entities[j].span.start)
                && entities[j].span.start > e.span.end
        });
        let of_ent = inner.or(after);
        let of = of_ent.map(|j| match linked.entity_object[j] {
            Some(o) => linked.objects[o].id.clone(),
            None => linked.normals[j].clone(),
        });
        let title_toks: Vec<Token> = match inner {
            Some(j) => toks[i]
                .iter()
                .filter(|t| t.span.end <= entities[j].span.start)
                .copied()
                .collect(),
            None => toks[i].to_vec(),
        };
        let title = normalize_mention(text, &title_toks, EntityType::Profession)
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        if title.is_empty() {
            continue;
        }
        let role = Role { title, of };
        // the holder: a person right after the post (or its country), or right before it
        let end = of_ent
            .filter(|_| inner.is_none())
            .map_or(e.span.end, |j| entities[j].span.end);
        let holder = (0..n).find(|&k| {
            entities[k].kind == EntityType::Person
                && entities[k].span.start >= end
                && apposition_gap(text, end, entities[k].span.start)
        });
        let holder = holder.or_else(|| {
            (0..n).rev().find(|&k| {
                entities[k].kind == EntityType::Person
                    && entities[k].span.end <= e.span.start
                    && text
                        .get(entities[k].span.end..e.span.start)
                        .is_some_and(|g| g.contains([',', '—', '–']))
                    && apposition_gap(text, entities[k].span.end, e.span.start)
            })
        });
        match holder.and_then(|k| linked.entity_object[k]) {
            Some(o) => {
                add_role(linked, o, role);
                link_mention(linked, o, i);
            }
            None => pending.push((i, role)),
        }
    }
    // later references: the person who holds the same post in this document
    for (i, role) in pending {
        let key = title_key(&role.title);
        let mut best: Option<(usize, usize)> = None;
        for (o, obj) in linked.objects.iter().enumerate() {
            let holds = obj.roles.iter().any(|r| {
                title_key(&r.title) == key
                    && (role.of.is_none() || r.of.is_none() || r.of == role.of)
            });
            if !holds {
                continue;
            }
            let near = obj
                .mentions
                .iter()
                .filter(|&&m| m < i)
                .max()
                .map_or(0, |m| m + 1);
            if best.is_none_or(|(_, b)| near > b) {
                best = Some((o, near));
            }
        }
        if let Some((o, _)) = best {
            add_role(linked, o, role);
            link_mention(linked, o, i);
        }
    }
}

fn add_role(linked: &mut Linked, o: usize, role: Role) {
    if let Some(obj) = linked.objects.get_mut(o) {
        let dup = obj.roles.iter().any(|r| {
            title_key(&r.title) == title_key(&role.title) && (r.of == role.of || role.of.is_none())
        });
        if !dup {
            obj.roles.push(role);
        }
    }
}

fn link_mention(linked: &mut Linked, o: usize, i: usize) {
    if let Some(obj) = linked.objects.get_mut(o) {
        let at = obj.mentions.partition_point(|&m| m < i);
        obj.mentions.insert(at, i);
        linked.entity_object[i] = Some(o);
    }
}
