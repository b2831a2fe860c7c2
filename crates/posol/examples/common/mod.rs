//! Shared by the evaluation examples: reading gold documents.

use std::io::{BufRead, BufReader};

use serde_json::Value;

/// The non-empty JSON lines of a `.jsonl` or `.jsonl.gz` file, in order.
pub(crate) fn gold_documents(path: &str) -> Result<Vec<Value>, Box<dyn std::error::Error>> {
    let file = std::fs::File::open(path)?;
    let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(BufReader::new(flate2::read::GzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    };
    let mut docs = Vec::new();
    for line in reader.lines() {
        let line = line?;
        if !line.trim().is_empty() {
            docs.push(serde_json::from_str(&line)?);
        }
    }
    Ok(docs)
}
