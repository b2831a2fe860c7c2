//! `posol-build morph-predict GOLD.jsonl.gz OUT.jsonl`: per-token predictions of the
//! dictionary's top parse and of the context model, for `bench/eval_morph.py`.

use std::io::{BufRead, BufReader, Write};

use posol::morph::{Analyzer, GoldToken};

/// Reads the sentences of a UD segment file as gold tokens.
pub(crate) fn read_gold(path: &str) -> Result<Vec<Vec<GoldToken>>, String> {
    let f = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let r = BufReader::new(flate2::read::GzDecoder::new(f));
    let mut out = Vec::new();
    for line in r.lines() {
        let line = line.map_err(|e| e.to_string())?;
        let doc: serde_json::Value = serde_json::from_str(&line).map_err(|e| e.to_string())?;
        let empty = Vec::new();
        let sents = doc["sentences"].as_array().unwrap_or(&empty);
        let toks = doc["tokens"].as_array().unwrap_or(&empty);
        for s in sents {
            let (a, b) = (s[0].as_u64().unwrap_or(0), s[1].as_u64().unwrap_or(0));
            let sent: Vec<GoldToken> = toks
                .iter()
                .filter(|t| t[0].as_u64().unwrap_or(0) >= a && t[1].as_u64().unwrap_or(0) <= b)
                .map(|t| GoldToken {
                    form: t[2].as_str().unwrap_or("").to_string(),
                    lemma: t[3].as_str().unwrap_or("").to_string(),
                    upos: t[4].as_str().unwrap_or("").to_string(),
                    feats: t[5].as_str().unwrap_or("_").to_string(),
                })
                .collect();
            if !sent.is_empty() {
                out.push(sent);
            }
        }
    }
    Ok(out)
}

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let (Some(gold), Some(out)) = (args.first(), args.get(1)) else {
        return Err("usage: morph-predict GOLD.jsonl.gz OUT.jsonl".into());
    };
    let a = Analyzer::global();
    let mut w = std::io::BufWriter::new(std::fs::File::create(out).map_err(|e| e.to_string())?);
    for sent in read_gold(gold)? {
        let words: Vec<&str> = sent.iter().map(|g| g.form.as_str()).collect();
        let ctx = a.disambiguate(&words);
        for (g, c) in sent.iter().zip(ctx) {
            let top = a.parse(&g.form).into_iter().next();
            let (tl, tu) = top.map_or((String::new(), ""), |p| (p.lemma, p.upos));
            let row = serde_json::json!({
                "form": g.form, "top_lemma": tl, "top_upos": tu,
                "ctx_lemma": c.lemma, "ctx_upos": c.upos, "ctx_feats": c.feats,
            });
            writeln!(w, "{row}").map_err(|e| e.to_string())?;
        }
    }
    Ok(())
}
