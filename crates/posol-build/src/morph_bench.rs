//! `posol-build bench-morph` (throughput) and `posol-build morph-parse` (print parses).

use std::time::Instant;

use posol::morph::Analyzer;

/// Prints every parse of each word given on the command line.
pub(crate) fn show(args: &[String]) -> Result<(), String> {
    let a = Analyzer::global();
    for w in args {
        for p in a.parse(w) {
            println!(
                "{w}\t{}\t{:.3}\t{}\t{}\t{}\tnormal={}",
                p.lemma,
                p.score,
                p.tag,
                p.upos,
                p.feats,
                p.normal_form()
            );
        }
    }
    Ok(())
}

/// Reads whitespace-separated words from a file and prints single-threaded throughput
/// of `Analyzer::parse` (and the load time of the dictionary).
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let path = args
        .first()
        .ok_or("usage: bench-morph WORDS.txt [ROUNDS]")?;
    let rounds: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(3);
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let t0 = Instant::now();
    let a = Analyzer::global();
    let load = t0.elapsed();
    let mut best = f64::MAX;
    let mut parses = 0usize;
    for _ in 0..rounds {
        let t = Instant::now();
        parses = 0;
        for w in &words {
            parses += a.parse(w).len();
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let t = Instant::now();
    let _ = a.disambiguate(&words);
    let ctx = t.elapsed().as_secs_f64();
    println!(
        "{{\"words\": {}, \"parses\": {parses}, \"load_ms\": {:.2}, \"parse_words_per_s\": {:.0}, \"disambiguate_words_per_s\": {:.0}}}",
        words.len(),
        load.as_secs_f64() * 1000.0,
        words.len() as f64 / best,
        words.len() as f64 / ctx
    );
    Ok(())
}
