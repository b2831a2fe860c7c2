//! Normal forms and objects for gold mentions of a NER corpus in the shared JSONL format
//! (BSNLP, factRuEval): prints one line per document with each gold entity's `normal` and
//! `object` (index into that document's objects), for `bench/eval_normal.py`.
//!
//! ```text
//! cargo run --release -p posol --example eval_normal -- GOLD.jsonl.gz > pred.jsonl
//! ```
//!
//! Gold types are mapped to NEREL types: PER/Person → PERSON, LOC → COUNTRY or CITY when
//! the knowledge base knows the name (else LOCATION), ORG/Org → ORGANIZATION, LocOrg →
//! COUNTRY, EVT → EVENT, PRO/Project → PRODUCT, Facility → FACILITY.

mod common;

use std::io::Write;

use posol::ner::{Entity, EntityType};
use posol::{Span, Token};
use serde_json::{json, Value};

fn kind_of(gold: &str) -> EntityType {
    match gold {
        "PER" | "Person" => EntityType::Person,
        "ORG" | "Org" => EntityType::Organization,
        "LocOrg" => EntityType::Country,
        "EVT" => EntityType::Event,
        "PRO" | "Project" => EntityType::Product,
        "Facility" => EntityType::Facility,
        _ => EntityType::Location,
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: eval_normal GOLD.jsonl[.gz]");
        std::process::exit(2);
    };
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for doc in common::gold_documents(&path)? {
        let text = doc["text"].as_str().unwrap_or("");
        // code point -> byte offsets
        let mut byte_of: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        byte_of.push(text.len());
        let tokens: Vec<Token> = posol::tokenize(text);
        let gold = doc["entities"].as_array().cloned().unwrap_or_default();
        let mut ents: Vec<(usize, Entity)> = Vec::new();
        for (i, e) in gold.iter().enumerate() {
            let s = e["start"].as_u64().unwrap_or(0) as usize;
            let t = e["end"].as_u64().unwrap_or(0) as usize;
            let span = Span {
                start: byte_of[s.min(byte_of.len() - 1)],
                end: byte_of[t.min(byte_of.len() - 1)],
            };
            let mut kind = kind_of(e["type"].as_str().unwrap_or(""));
            if kind == EntityType::Location {
                let surface = e["text"].as_str().unwrap_or("");
                if let Some(entry) = posol::objects::Knowledge::builtin().lookup(surface) {
                    kind = entry.kind;
                }
            }
            ents.push((
                i,
                Entity {
                    span,
                    kind,
                    parent: None,
                    depth: 0,
                },
            ));
        }
        ents.sort_by_key(|(_, e)| (e.span.start, std::cmp::Reverse(e.span.end)));
        let entities: Vec<Entity> = ents.iter().map(|(_, e)| *e).collect();
        let linked = posol::objects::link(text, &tokens, &entities);
        let mut res = vec![Value::Null; gold.len()];
        for (k, (i, _)) in ents.iter().enumerate() {
            let object = linked.entity_object[k].map(|o| linked.objects[o].id.clone());
            res[*i] = json!({"normal": linked.normals[k], "object": object});
        }
        writeln!(out, "{}", json!({"id": doc["id"], "entities": res}))?;
    }
    Ok(())
}
