//! `posol-build ner-predict GOLD.jsonl.gz OUT.jsonl [--coarse [--coarse-whole]] [--model PATH]`:
//! writes predictions in the scorer's format (code-point offsets); `--coarse` gives the
//! PER/LOC/ORG names view (`coarse_view_names`), with `--coarse-whole` the whole-mention
//! view (`coarse_view`).

use std::io::Write;

use posol::ner::{coarse_view, coarse_view_names, Tagger};
use posol::CharOffsets;
use serde_json::json;

use super::read_jsonl;

/// The tagger of `--model PATH`, or the embedded one.
pub(crate) fn tagger(args: &[String]) -> Result<&'static Tagger, String> {
    match crate::flag(args, "--model") {
        Some(p) => {
            let bytes = std::fs::read(&p).map_err(|e| format!("{p}: {e}"))?;
            let mut t = Tagger::from_bytes(Box::leak(bytes.into_boxed_slice()));
            if !t.is_loaded() {
                return Err(format!("{p}: not a model"));
            }
            if let Some(b) = crate::flag(args, "--o-bias") {
                let v: Vec<f32> = b.split(',').filter_map(|x| x.parse().ok()).collect();
                t.set_o_bias(
                    v.first().copied().unwrap_or(0.0),
                    v.get(1).copied().unwrap_or(0.0),
                );
                if let Some(&c) = v.get(2) {
                    t.set_second_o_bias(c);
                }
            }
            Ok(Box::leak(Box::new(t)))
        }
        None => Ok(Tagger::global()),
    }
}

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let [gold, out, ..] = args else {
        return Err("usage: ner-predict GOLD.jsonl.gz OUT.jsonl [--coarse] [--model PATH]".into());
    };
    let coarse = args.iter().any(|a| a == "--coarse");
    // `--coarse` writes the names view; `--coarse-whole` NEREL's whole mentions
    let whole = args.iter().any(|a| a == "--coarse-whole");
    let tagger = tagger(args)?;
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).map_err(|e| e.to_string())?);
    for v in read_jsonl(gold)? {
        let text = v["text"].as_str().unwrap_or("");
        let doc = posol::analyze(text);
        let ents = tagger.extract(text, doc.tokens(), doc.sentences());
        let off = CharOffsets::new(text);
        let list: Vec<_> = if coarse {
            let view = if whole {
                coarse_view(&ents)
            } else {
                coarse_view_names(text, &ents)
            };
            view.into_iter()
                .map(|(s, c)| {
                    let (a, b) = off.char_span(s);
                    json!({"start": a, "end": b, "type": c.as_str()})
                })
                .collect()
        } else {
            ents.iter()
                .map(|e| {
                    let (a, b) = off.char_span(e.span);
                    json!({"start": a, "end": b, "type": e.kind.as_str()})
                })
                .collect()
        };
        let line = json!({"id": v["id"], "entities": list});
        writeln!(w, "{line}").map_err(|e| e.to_string())?;
    }
    Ok(())
}
