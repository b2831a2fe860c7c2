//! `posol-build train-ner`, `ner-predict` and `bench-ner`: the entity model.

mod bench;
mod predict;
mod train;

pub(crate) use bench::run as bench;
pub(crate) use predict::run as predict;
pub(crate) use train::run as train;

use std::io::{BufRead, BufReader};

use serde_json::Value;

/// Reads a `.jsonl` or `.jsonl.gz` file into JSON values.
pub(crate) fn read_jsonl(path: &str) -> Result<Vec<Value>, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut out = Vec::new();
    for line in reader.lines() {
        let line = line.map_err(|e| format!("{path}: {e}"))?;
        if line.trim().is_empty() {
            continue;
        }
        out.push(serde_json::from_str(&line).map_err(|e| format!("{path}: {e}"))?);
    }
    Ok(out)
}

/// Byte offset of every char offset of `text` (one extra entry for the end).
pub(crate) fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    v.push(text.len());
    v
}
