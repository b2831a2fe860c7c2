//! Runs the fact rules over a NER corpus in the shared JSONL format and prints
//! predictions for `score_ner.py` (code-point offsets, NEREL type names).
//!
//! ```text
//! cargo run --release -p posol --example eval_facts -- GOLD.jsonl.gz > pred.jsonl
//! cargo run --release -p posol --example eval_facts -- GOLD.jsonl.gz --errors DATE
//! cargo run --release -p posol --example eval_facts -- GOLD.jsonl.gz --values MONEY
//! cargo run --release -p posol --example eval_facts -- GOLD.jsonl.gz --entities > pred.jsonl
//! ```
//!
//! `--errors TYPE` prints missed (`-`) and spurious (`+`) spans of one type instead;
//! `--values TYPE` prints each exactly matched gold mention of that type with the value
//! the rules read, for checking by hand. `--entities` prints the entities of
//! `posol::analyze` instead (all types: the model's, merged with the rule facts).

mod common;

use std::collections::HashSet;
use std::io::Write;

use posol::facts::{extract, Fact};
use posol::CharOffsets;
use serde_json::{json, Value};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.first() else {
        eprintln!("usage: eval_facts GOLD.jsonl[.gz] [--errors TYPE | --values TYPE | --entities]");
        std::process::exit(2);
    };
    let mode = args.get(1).map(String::as_str);
    let wanted = args.get(2).cloned().unwrap_or_default();
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for doc in common::gold_documents(path)? {
        let text = doc["text"].as_str().unwrap_or("");
        let offsets = CharOffsets::new(text);
        // Only `--entities` needs the whole pipeline; the rule modes need tokens.
        let options = if mode == Some("--entities") {
            posol::Options::default()
        } else {
            posol::Options::segmentation()
        };
        let doc_obj = posol::analyze_with(text, &options);
        let facts = extract(text, doc_obj.tokens(), None);
        let pred: Vec<(usize, usize, &str, &Fact)> = facts
            .iter()
            .map(|f| {
                let (s, e) = offsets.char_span(f.span);
                (s, e, f.entity_type(), f)
            })
            .collect();
        match mode {
            Some("--entities") => {
                let ents: Vec<Value> = doc_obj
                    .entities()
                    .iter()
                    .map(|e| {
                        let (s, end) = offsets.char_span(e.span);
                        json!({"start": s, "end": end, "type": e.kind.as_str()})
                    })
                    .collect();
                writeln!(out, "{}", json!({"id": doc["id"], "entities": ents}))?;
            }
            None => {
                let ents: Vec<Value> = pred
                    .iter()
                    .map(|(s, e, t, _)| json!({"start": s, "end": e, "type": t}))
                    .collect();
                writeln!(out, "{}", json!({"id": doc["id"], "entities": ents}))?;
            }
            Some(m) => {
                let chars: Vec<char> = text.chars().collect();
                let cut = |s: usize, e: usize| -> String {
                    chars
                        .get(s.min(chars.len())..e.min(chars.len()))
                        .unwrap_or(&[])
                        .iter()
                        .collect::<String>()
                        .replace('\n', " ")
                };
                let gold: HashSet<(usize, usize)> = doc["entities"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|e| e["type"] == wanted.as_str())
                    .filter_map(|e| {
                        Some((e["start"].as_u64()? as usize, e["end"].as_u64()? as usize))
                    })
                    .collect();
                let mine: HashSet<(usize, usize)> = pred
                    .iter()
                    .filter(|p| p.2 == wanted)
                    .map(|p| (p.0, p.1))
                    .collect();
                let ctx = |s: usize, e: usize| {
                    format!(
                        "{}[{}]{}",
                        cut(s.saturating_sub(30), s),
                        cut(s, e),
                        cut(e, e + 20)
                    )
                };
                if m == "--errors" {
                    for (s, e) in gold.difference(&mine) {
                        writeln!(out, "- {}", ctx(*s, *e))?;
                    }
                    for (s, e) in mine.difference(&gold) {
                        writeln!(out, "+ {}", ctx(*s, *e))?;
                    }
                } else {
                    for (s, e, _, f) in pred.iter().filter(|p| p.2 == wanted) {
                        if gold.contains(&(*s, *e)) {
                            writeln!(out, "{}\t{}", ctx(*s, *e), f.to_json(text, &offsets))?;
                        }
                    }
                }
            }
        }
    }
    Ok(())
}
