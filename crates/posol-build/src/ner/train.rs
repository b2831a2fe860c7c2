//! `posol-build train-ner`: trains the entity tagger on NEREL train.

use posol::ner::train::{train, Options, TrainDoc};
use posol::ner::EntityType;

use super::{char_to_byte, read_jsonl};

/// Loads NEREL-style documents with byte-offset entities.
pub(crate) fn load_docs(path: &str) -> Result<Vec<TrainDoc>, String> {
    let mut docs = Vec::new();
    for v in read_jsonl(path)? {
        let text = v["text"].as_str().unwrap_or("").to_string();
        let map = char_to_byte(&text);
        let mut entities = Vec::new();
        for e in v["entities"].as_array().into_iter().flatten() {
            let (Some(a), Some(b), Some(t)) = (
                e["start"].as_u64(),
                e["end"].as_u64(),
                e["type"].as_str().and_then(EntityType::from_name),
            ) else {
                continue;
            };
            if let (Some(&a), Some(&b)) = (map.get(a as usize), map.get(b as usize)) {
                entities.push((a, b, t));
            }
        }
        docs.push(TrainDoc { text, entities });
    }
    Ok(docs)
}

fn load_classes(path: &str) -> Result<Vec<(String, u32)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    Ok(text
        .lines()
        .filter_map(|l| {
            let (w, c) = l.split_once('\t')?;
            Some((w.to_string(), c.trim().parse().ok()?))
        })
        .collect())
}

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let out = crate::flag(args, "--out").unwrap_or_else(|| "crates/posol/data/ner.bin".into());
    let train_path = crate::flag(args, "--train")
        .unwrap_or_else(|| "/work/shared/data/ner/nerel_v1.1_train.jsonl.gz".into());
    let num = |name: &str, default: f64| -> f64 {
        crate::flag(args, name)
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let classes = match crate::flag(args, "--classes") {
        Some(p) => load_classes(&p)?,
        None => Vec::new(),
    };
    let opts = Options {
        epochs: num("--epochs", 10.0) as usize,
        inner_epochs: num("--inner-epochs", 10.0) as usize,
        prune: num("--prune", 0.0) as f32,
        o_bias: [
            num("--o-bias", 0.0) as f32,
            num("--inner-o-bias", 0.0) as f32,
        ],
        classes,
        stack_folds: num("--stack-folds", 0.0) as usize,
        stack_fold_epochs: num("--stack-fold-epochs", 10.0) as usize,
        stack_o_bias: crate::flag(args, "--stack-o-bias").and_then(|v| v.parse().ok()),
        shuffles: num("--shuffles", 1.0) as usize,
    };
    let docs = load_docs(&train_path)?;
    eprintln!(
        "train-ner: {} documents from {train_path}; epochs {} + {} (inner), prune {}, \
         O bias {:?} (second pass {:?}), {} word classes",
        docs.len(),
        opts.epochs,
        opts.inner_epochs,
        opts.prune,
        opts.o_bias,
        opts.stack_o_bias.unwrap_or(opts.o_bias[0]),
        opts.classes.len()
    );
    let t = std::time::Instant::now();
    let bytes = train(&docs, &opts, &mut |m| eprintln!("{m}"));
    std::fs::write(&out, &bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {out}: {} bytes in {:.1} s",
        bytes.len(),
        t.elapsed().as_secs_f64()
    );
    Ok(())
}
