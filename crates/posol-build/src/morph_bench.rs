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

/// Median of the samples (upper median for an even count); 0 for none.
fn median(xs: &[f64]) -> f64 {
    let mut xs = xs.to_vec();
    xs.sort_by(f64::total_cmp);
    xs.get(xs.len() / 2).copied().unwrap_or(0.0)
}

/// CPU time this thread has run, from `/proc/thread-self/schedstat` (Linux), in seconds.
/// On a shared machine this is steadier than the wall clock: time spent waiting for a
/// core while other processes run does not count.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns as f64 / 1e9)
}

/// Throughput samples of one measured function.
#[derive(Default)]
struct Samples {
    /// words/s by the wall clock, one per run
    wall: Vec<f64>,
    /// words/s by thread CPU time, one per run (empty where it cannot be read)
    cpu: Vec<f64>,
}

/// Runs `f` once untimed (warm-up), then `rounds` timed runs; each processes `words`.
fn throughput(words: usize, rounds: usize, mut f: impl FnMut() -> usize) -> Samples {
    std::hint::black_box(f());
    let mut out = Samples::default();
    for _ in 0..rounds.max(1) {
        let c = thread_cpu_seconds();
        let t = Instant::now();
        std::hint::black_box(f());
        let wall = t.elapsed().as_secs_f64();
        out.wall.push(words as f64 / wall.max(1e-9));
        if let (Some(c0), Some(c1)) = (c, thread_cpu_seconds()) {
            out.cpu.push(words as f64 / (c1 - c0).max(1e-9));
        }
    }
    out
}

/// Reads whitespace-separated words from a file and prints, as one JSON line, the
/// single-threaded throughput of `Analyzer::parse` and `Analyzer::disambiguate` (median
/// words/s over `ROUNDS` runs after a warm-up run, by the wall clock and by thread CPU
/// time, and every sample) and the load time of the dictionary. `disambiguate` gets the
/// words in sentence-sized chunks (cut after `.`, `!`, `?`, at most 64 words).
/// `--only parse` or `--only disambiguate` measures one of them.
pub(crate) fn run(args: &[String]) -> Result<(), String> {
    let only = crate::flag(args, "--only");
    let mut pos: Vec<&String> = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--only" {
            it.next();
        } else {
            pos.push(a);
        }
    }
    let path = pos
        .first()
        .ok_or("usage: bench-morph WORDS.txt [ROUNDS] [--only parse|disambiguate]")?;
    let rounds: usize = pos.get(1).and_then(|s| s.parse().ok()).unwrap_or(7);
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut sentences: Vec<&[&str]> = Vec::new();
    let mut start = 0;
    for (i, w) in words.iter().enumerate() {
        if matches!(*w, "." | "!" | "?") || i + 1 - start == 64 {
            sentences.push(&words[start..=i]);
            start = i + 1;
        }
    }
    if start < words.len() {
        sentences.push(&words[start..]);
    }
    let t0 = Instant::now();
    let a = Analyzer::global();
    let load = t0.elapsed();
    let mut parses = 0usize;
    let parse = if only.as_deref() == Some("disambiguate") {
        Samples::default()
    } else {
        throughput(words.len(), rounds, || {
            parses = 0;
            for w in &words {
                parses += a.parse(w).len();
            }
            parses
        })
    };
    let ctx = if only.as_deref() == Some("parse") {
        Samples::default()
    } else {
        throughput(words.len(), rounds, || {
            sentences.iter().map(|s| a.disambiguate(s).len()).sum()
        })
    };
    let list = |v: &[f64]| {
        let items: Vec<String> = v.iter().map(|x| format!("{x:.0}")).collect();
        format!("[{}]", items.join(", "))
    };
    println!(
        "{{\"words\": {}, \"sentences\": {}, \"parses\": {parses}, \"rounds\": {rounds}, \
         \"load_ms\": {:.2}, \"parse_words_per_s\": {:.0}, \"disambiguate_words_per_s\": {:.0}, \
         \"parse_cpu_words_per_s\": {:.0}, \"disambiguate_cpu_words_per_s\": {:.0}, \
         \"parse_samples\": {}, \"disambiguate_samples\": {}, \
         \"parse_cpu_samples\": {}, \"disambiguate_cpu_samples\": {}}}",
        words.len(),
        sentences.len(),
        load.as_secs_f64() * 1000.0,
        median(&parse.wall),
        median(&ctx.wall),
        median(&parse.cpu),
        median(&ctx.cpu),
        list(&parse.wall),
        list(&ctx.wall),
        list(&parse.cpu),
        list(&ctx.cpu),
    );
    Ok(())
}
