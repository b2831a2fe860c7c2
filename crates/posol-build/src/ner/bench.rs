//! `posol-build bench-ner [--docs GOLD.jsonl.gz ...] [--rounds N] [--threads N] [--json]`:
//! entity-pipeline throughput (normalization, tokens, sentences, then the tagger with the
//! morphology and facts it computes for itself), single-threaded and on all cores, model
//! load time and peak RSS.

use std::time::Instant;

use posol::ner::Tagger;

use super::read_jsonl;

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn run_docs(tagger: &Tagger, texts: &[String]) -> usize {
    let mut n = 0;
    for t in texts {
        // what entities need: the tagger computes its own morphology and facts
        let doc = posol::analyze_with(t, &posol::Options::segmentation());
        n += tagger.extract(t, doc.tokens(), doc.sentences()).len();
    }
    n
}

pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let mut paths: Vec<String> = args
        .windows(2)
        .filter(|w| w[0] == "--docs")
        .map(|w| w[1].clone())
        .collect();
    if paths.is_empty() {
        paths = vec![
            "/work/shared/data/ner/nerel_v1.1_dev.jsonl.gz".into(),
            "/work/shared/data/ner/factrueval2016_dev.jsonl.gz".into(),
        ];
    }
    let rounds: usize = crate::flag(args, "--rounds")
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let threads: usize = crate::flag(args, "--threads")
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let mut texts = Vec::new();
    for p in &paths {
        for v in read_jsonl(p)? {
            texts.push(v["text"].as_str().unwrap_or("").to_string());
        }
    }
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let t = Instant::now();
    let tagger = Tagger::global();
    let load_ner = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let _ = posol::morph::Analyzer::global().parse("Москва");
    let load_morph = t.elapsed().as_secs_f64();
    // warm-up (first-use of the gazetteer and the analyzer's lazy parts)
    let _ = run_docs(tagger, &texts[..texts.len().min(5)]);
    let t = Instant::now();
    let mut n_ents = 0;
    for _ in 0..rounds {
        n_ents = run_docs(tagger, &texts);
    }
    let single = t.elapsed().as_secs_f64() / rounds as f64;
    let t = Instant::now();
    for _ in 0..rounds {
        let chunk = texts.len().div_ceil(threads.max(1));
        std::thread::scope(|s| {
            for part in texts.chunks(chunk.max(1)) {
                s.spawn(move || run_docs(tagger, part));
            }
        });
    }
    let multi = t.elapsed().as_secs_f64() / rounds as f64;
    let line = serde_json::json!({
        "docs": texts.len(), "chars": chars, "entities": n_ents,
        "load_ner_s": load_ner, "load_morph_s": load_morph,
        "single_chars_per_s": chars as f64 / single, "single_docs_per_s": texts.len() as f64 / single,
        "threads": threads,
        "multi_chars_per_s": chars as f64 / multi, "multi_docs_per_s": texts.len() as f64 / multi,
        "peak_rss_mb": peak_rss_mb(),
    });
    if args.iter().any(|a| a == "--json") {
        println!("{line}");
    } else {
        println!("docs {} chars {chars} entities {n_ents}", texts.len());
        println!(
            "load: entity model {:.3} s, morphology {:.3} s",
            load_ner, load_morph
        );
        println!(
            "1 thread:  {:>10.0} chars/s {:>8.1} docs/s",
            chars as f64 / single,
            texts.len() as f64 / single
        );
        println!(
            "{threads} threads: {:>10.0} chars/s {:>8.1} docs/s",
            chars as f64 / multi,
            texts.len() as f64 / multi
        );
        println!("peak RSS {:.1} MB", peak_rss_mb());
    }
    Ok(())
}
