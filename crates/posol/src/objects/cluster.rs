//! Grouping mentions into objects: persons by name, places and organizations by the
//! knowledge base, by normal form, and abbreviations by initial letters.

use std::collections::HashMap;

use super::{is_value, Knowledge, Linked, Object};
use crate::ner::{Entity, EntityType};
use crate::normal::{
    fold_key, name_forms, name_parts_with, normalize_with_gender, person_gender_scores, NameParts,
};
use crate::token::Token;

/// How much one mention with a word agreeing in one gender only weighs for that gender.
const CUE_WEIGHT: f32 = 30.0;

/// Which entity types may share an object.
fn group(kind: EntityType) -> u8 {
    match kind {
        EntityType::Person => 0,
        EntityType::Country
        | EntityType::City
        | EntityType::StateOrProvince
        | EntityType::Location
        | EntityType::District => 1,
        EntityType::Organization => 2,
        _ => 3 + kind.index() as u8,
    }
}

fn lookup<'a>(
    user: Option<&'a Knowledge>,
    kind: EntityType,
    names: &[&str],
) -> Option<&'a super::Entry> {
    let kb = Knowledge::builtin();
    for n in names {
        if let Some(e) = user.and_then(|u| u.lookup(n)).or_else(|| kb.lookup(n)) {
            return Some(e);
        }
    }
    if matches!(kind, EntityType::Location | EntityType::Country) {
        for n in names {
            if let Some(e) = user
                .and_then(|u| u.lookup_adjective(n))
                .or_else(|| kb.lookup_adjective(n))
            {
                return Some(e);
            }
        }
    }
    None
}

/// A person being assembled: folded surnames and first names seen.
struct Person {
    lasts: Vec<String>,
    firsts: Vec<String>,
    mentions: Vec<usize>,
}

/// Whether two first names can be the same person's (`В.` fits `Владимир`).
fn firsts_fit(a: &[String], b: Option<&String>) -> bool {
    let Some(b) = b else { return true };
    a.is_empty()
        || a.iter().any(|x| {
            x == b || (x.ends_with('.') || b.ends_with('.')) && x.chars().next() == b.chars().next()
        })
}

/// Builds objects from the entities: normal forms, name parts, and mention groups.
pub(super) fn cluster(
    text: &str,
    toks: &[&[Token]],
    entities: &[Entity],
    user: Option<&Knowledge>,
) -> Linked {
    let n = entities.len();
    let mut normals: Vec<String> = entities
        .iter()
        .zip(toks)
        .map(|(e, t)| normalize_with_gender(text, t, e.kind, None))
        .collect();
    let mut parts: Vec<Option<NameParts>> = vec![None; n];
    // persons: full names first, then single names joined to them
    let mut persons: Vec<Person> = Vec::new();
    let is_person = |i: usize| entities[i].kind == EntityType::Person && !toks[i].is_empty();
    for i in (0..n).filter(|&i| is_person(i)) {
        parts[i] = name_parts_with(text, toks[i], None);
    }
    let word_count: Vec<usize> = parts
        .iter()
        .map(|p| {
            p.as_ref().map_or(0, |p| {
                p.first.is_some() as usize + p.last.is_some() as usize
            })
        })
        .collect();
    let words = |i: usize| word_count[i];
    let forms_of = |w: Option<&String>| -> Vec<String> {
        w.map(|w| {
            let mut v: Vec<String> = name_forms(w).iter().map(|f| fold_key(f)).collect();
            v.push(fold_key(w));
            v
        })
        .unwrap_or_default()
    };
    for i in (0..n).filter(|&i| is_person(i) && words(i) >= 2) {
        let p = parts[i].clone().unwrap_or_default();
        let lasts = forms_of(p.last.as_ref());
        let firsts = forms_of(p.first.as_ref());
        let found = persons.iter_mut().find(|c| {
            c.lasts.iter().any(|x| lasts.contains(x))
                && (firsts.iter().any(|f| firsts_fit(&c.firsts, Some(f))))
        });
        match found {
            Some(c) => {
                c.mentions.push(i);
                c.lasts.extend(lasts);
                c.firsts.extend(firsts);
            }
            None => persons.push(Person {
                lasts,
                firsts,
                mentions: vec![i],
            }),
        }
    }
    for i in (0..n).filter(|&i| is_person(i) && words(i) < 2) {
        let word = toks[i]
            .iter()
            .map(|t| t.text(text))
            .collect::<Vec<_>>()
            .join(" ");
        let mut forms: Vec<String> = name_forms(&word).iter().map(|f| fold_key(f)).collect();
        forms.push(fold_key(&normals[i]));
        // the nearest earlier (else any) person with that surname, then first name
        let pick = |by_last: bool| {
            persons
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    let names = if by_last { &c.lasts } else { &c.firsts };
                    names.iter().any(|x| forms.contains(x))
                })
                .max_by_key(|(_, c)| {
                    c.mentions
                        .iter()
                        .filter(|&&m| m < i)
                        .max()
                        .copied()
                        .map_or(0, |m| m + 1)
                })
                .map(|(k, _)| k)
        };
        match pick(true).or_else(|| pick(false)) {
            Some(k) => persons[k].mentions.push(i),
            None => persons.push(Person {
                lasts: vec![fold_key(&normals[i])],
                firsts: Vec::new(),
                mentions: vec![i],
            }),
        }
    }
    // one gender per person, settled by all its mentions together; a reading whose
    // normal form occurs verbatim among the mentions gains
    for c in &persons {
        let surfaces: Vec<String> = c
            .mentions
            .iter()
            .map(|&m| fold_key(entities[m].text(text)))
            .collect();
        let mut logs = [0.6f32.ln(), 0.4f32.ln()];
        let mut forms: [Vec<String>; 2] = [Vec::new(), Vec::new()];
        for &m in &c.mentions {
            let (s, fit) = person_gender_scores(text, toks[m]);
            // a word agreeing in one gender only settles it (`христианке Асии Биби`)
            for g in 0..2 {
                if fit[g] && !fit[1 - g] {
                    logs[g] += CUE_WEIGHT.ln();
                }
            }
            for g in 0..2 {
                let f = normalize_with_gender(text, toks[m], EntityType::Person, Some(g == 1));
                let key = fold_key(&f);
                let seen = c
                    .mentions
                    .iter()
                    .zip(&surfaces)
                    .any(|(&o, sf)| o != m && *sf == key);
                logs[g] += s[g].max(1e-9).ln() + if seen { 4.0f32.ln() } else { 0.0 };
                forms[g].push(f);
            }
        }
        let feminine = logs[1] > logs[0];
        let g = feminine as usize;
        for (k, &m) in c.mentions.iter().enumerate() {
            normals[m] = forms[g][k].clone();
            parts[m] = name_parts_with(text, toks[m], Some(feminine));
        }
        // a single name takes the form the full names give it (`Рааба` → `Рааб`)
        let full: Vec<&NameParts> = c
            .mentions
            .iter()
            .filter(|&&m| words(m) >= 2)
            .filter_map(|&m| parts[m].as_ref())
            .collect();
        for &m in c.mentions.iter().filter(|&&m| words(m) < 2) {
            let word = toks[m]
                .iter()
                .map(|t| t.text(text))
                .collect::<Vec<_>>()
                .join(" ");
            let forms: Vec<String> = name_forms(&word);
            let known = full
                .iter()
                .flat_map(|p| [p.last.as_ref(), p.first.as_ref()])
                .flatten();
            for k in known {
                if forms.iter().any(|f| fold_key(f) == fold_key(k))
                    && fold_key(&normals[m]) != fold_key(k)
                {
                    normals[m] = k.clone();
                    break;
                }
            }
        }
    }
    // every entity's key: a knowledge-base id or its type group and normal form
    let mut key_of: Vec<Option<(String, Option<&super::Entry>)>> = vec![None; n];
    for (k, c) in persons.iter().enumerate() {
        for &m in &c.mentions {
            key_of[m] = Some((format!("p{k}"), None));
        }
    }
    for i in 0..n {
        let e = &entities[i];
        if e.kind == EntityType::Person
            || e.kind == EntityType::Profession
            || is_value(e.kind)
            || toks[i].is_empty()
            || is_verb_trigger(text, e.kind, toks[i])
        {
            continue;
        }
        let surface = e.text(text);
        let entry = lookup(user, e.kind, &[&normals[i], surface]);
        let key = match entry {
            Some(en) => en.id.clone(),
            None => format!("{}|{}", group(e.kind), fold_key(&normals[i])),
        };
        key_of[i] = Some((key, entry));
    }
    // abbreviations: `МВФ` joins `Международный валютный фонд` when no entry knows it
    let acronyms: HashMap<String, String> = (0..n)
        .filter_map(|i| {
            let (key, entry) = key_of[i].as_ref()?;
            (entry.is_none() && normals[i].split_whitespace().count() >= 2).then(|| {
                (
                    format!(
                        "{}|{}",
                        group(entities[i].kind),
                        fold_key(&acronym(&normals[i]))
                    ),
                    key.clone(),
                )
            })
        })
        .collect();
    for k in key_of.iter_mut() {
        if let Some((key, None)) = k {
            if let Some(full) = acronyms.get(key.as_str()) {
                *key = full.clone();
            }
        }
    }
    build(entities, &normals, parts, &key_of)
}

/// Whether an EVENT mention is a lone verb (`прибыл`, `встретился`): the trigger of an
/// event, not a named thing that other mentions could refer to.
fn is_verb_trigger(text: &str, kind: EntityType, toks: &[Token]) -> bool {
    let [tok] = toks else { return false };
    if kind != EntityType::Event {
        return false;
    }
    let mut parses = Vec::new();
    crate::morph::Analyzer::global().analyze_into(tok.text(text), &mut parses);
    parses
        .first()
        .is_some_and(|p| matches!(p.pos(), "VERB" | "INFN" | "GRND" | "PRTS"))
}

/// The initial letters of the significant words, in capitals.
fn acronym(name: &str) -> String {
    name.split([' ', '-'])
        .filter(|w| {
            !matches!(
                *w,
                "по" | "и" | "в" | "на" | "для" | "с" | "о" | "об" | "при"
            )
        })
        .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
        .flat_map(char::to_uppercase)
        .collect()
}

fn build(
    entities: &[Entity],
    normals: &[String],
    parts: Vec<Option<NameParts>>,
    key_of: &[Option<(String, Option<&super::Entry>)>],
) -> Linked {
    let n = entities.len();
    let mut index: HashMap<&str, usize> = HashMap::new();
    let mut objects: Vec<Object> = Vec::new();
    let mut entity_object = vec![None; n];
    let mut entries: Vec<Option<&super::Entry>> = Vec::new();
    for i in 0..n {
        let Some((key, entry)) = &key_of[i] else {
            continue;
        };
        let k = *index.entry(key.as_str()).or_insert_with(|| {
            objects.push(Object {
                id: String::new(),
                kind: entities[i].kind,
                name: String::new(),
                mentions: Vec::new(),
                roles: Vec::new(),
            });
            entries.push(*entry);
            objects.len() - 1
        });
        objects[k].mentions.push(i);
        entity_object[i] = Some(k);
    }
    for (o, entry) in objects.iter_mut().zip(&entries) {
        if let Some(en) = entry {
            o.id = en.id.clone();
            o.name = en.name.clone();
            o.kind = en.kind;
            continue;
        }
        // the fullest, then most frequent, normal form
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for &m in &o.mentions {
            *counts.entry(normals[m].as_str()).or_default() += 1;
        }
        let best = o
            .mentions
            .iter()
            .map(|&m| normals[m].as_str())
            .max_by_key(|s| {
                (
                    s.split_whitespace().count().min(3),
                    counts.get(s).copied().unwrap_or(0),
                    s.len(),
                )
            })
            .unwrap_or("");
        o.name = best.to_string();
        o.id = format!("{}:{}", o.kind.as_str().to_lowercase(), o.name);
    }
    Linked {
        normals: normals.to_vec(),
        name_parts: parts,
        entity_object,
        objects,
    }
}
