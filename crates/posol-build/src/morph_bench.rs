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

/// Passes over the words in one timed sample: a pass takes only tens of milliseconds, and
/// some machines (virtual ones in particular) count thread CPU time in 4 ms ticks.
const PASSES: usize = 8;

/// One timed pass of `f`: (seconds by the wall clock, seconds of thread CPU time).
fn timed(f: &mut impl FnMut() -> usize) -> (f64, Option<f64>) {
    let c = thread_cpu_seconds();
    let t = Instant::now();
    std::hint::black_box(f());
    let wall = t.elapsed().as_secs_f64();
    let cpu = match (c, thread_cpu_seconds()) {
        (Some(c0), Some(c1)) => Some(c1 - c0),
        _ => None,
    };
    (wall, cpu)
}

/// Runs `f` once untimed (warm-up), then `rounds` samples of [`PASSES`] timed passes;
/// each pass processes `words`. With `cold`, every pass (warm-up included) is on a new
/// thread, so it starts with an empty per-thread parse cache and only repetitions within
/// the words hit it.
fn throughput<F: FnMut() -> usize + Send>(
    words: usize,
    rounds: usize,
    cold: bool,
    mut f: F,
) -> Samples {
    let run = |f: &mut F| {
        if cold {
            std::thread::scope(|s| s.spawn(|| timed(f)).join()).unwrap_or((0.0, None))
        } else {
            timed(f)
        }
    };
    run(&mut f);
    let mut out = Samples::default();
    let n = (words * PASSES) as f64;
    for _ in 0..rounds.max(1) {
        let (mut wall, mut cpu) = (0.0, Some(0.0));
        for _ in 0..PASSES {
            let (w, c) = run(&mut f);
            wall += w;
            cpu = cpu.zip(c).map(|(a, b)| a + b);
        }
        out.wall.push(n / wall.max(1e-9));
        out.cpu.extend(cpu.map(|c| n / c.max(1e-9)));
    }
    out
}

/// Reads whitespace-separated words from a file and prints, as one JSON line, the
/// single-threaded throughput of `Analyzer::analyze_into`, `Analyzer::parse` and
/// `Analyzer::disambiguate` (median
/// words/s over `ROUNDS` samples of [`PASSES`] passes each after a warm-up pass, by the
/// wall clock and by thread CPU time, and every sample) and the load time of the dictionary. `analyze` is the
/// allocation-free `analyze_into` into a reused vector, with the per-thread cache warm;
/// `analyze_cold` the same with the cache emptied before each run. `parse` runs with the
/// per-thread parse cache warm (as a long-running process has it), `parse_cold` with the
/// cache emptied before each run (hits only from repetitions within the words), and
/// `parse_uncached` without the cache (`Analyzer::parse_uncached`). `disambiguate` gets the
/// words in sentence-sized chunks (cut after `.`, `!`, `?`, at most 64 words).
/// `--only analyze`, `--only parse` or `--only disambiguate` measures one of them.
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
        .ok_or("usage: bench-morph WORDS.txt [ROUNDS] [--only analyze|parse|disambiguate]")?;
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
    let do_analyze = only.is_none() || only.as_deref() == Some("analyze");
    let do_parse = only.is_none() || only.as_deref() == Some("parse");
    let do_ctx = only.is_none() || only.as_deref() == Some("disambiguate");
    let analyze_all = || {
        let mut out = Vec::new();
        let mut n = 0usize;
        for w in &words {
            a.analyze_into(w, &mut out);
            n += out.len();
        }
        n
    };
    let mut parse_all = |uncached: bool| {
        let mut n = 0usize;
        for w in &words {
            n += if uncached {
                a.parse_uncached(w).len()
            } else {
                a.parse(w).len()
            };
        }
        parses = n;
        n
    };
    let skip = Samples::default;
    let analyze = if do_analyze {
        throughput(words.len(), rounds, false, analyze_all)
    } else {
        skip()
    };
    let analyze_cold = if do_analyze {
        throughput(words.len(), rounds, true, analyze_all)
    } else {
        skip()
    };
    let parse = if do_parse {
        throughput(words.len(), rounds, false, || parse_all(false))
    } else {
        skip()
    };
    let cold = if do_parse {
        throughput(words.len(), rounds, true, || parse_all(false))
    } else {
        skip()
    };
    let uncached = if do_parse {
        throughput(words.len(), rounds, false, || parse_all(true))
    } else {
        skip()
    };
    let ctx = if do_ctx {
        throughput(words.len(), rounds, false, || {
            sentences.iter().map(|s| a.disambiguate(s).len()).sum()
        })
    } else {
        skip()
    };
    let list = |v: &[f64]| {
        let items: Vec<String> = v.iter().map(|x| format!("{x:.0}")).collect();
        format!("[{}]", items.join(", "))
    };
    let mut fields = vec![
        format!("\"words\": {}", words.len()),
        format!("\"sentences\": {}", sentences.len()),
        format!("\"parses\": {parses}"),
        format!("\"rounds\": {rounds}"),
        format!("\"load_ms\": {:.2}", load.as_secs_f64() * 1000.0),
    ];
    for (name, s) in [
        ("analyze", &analyze),
        ("analyze_cold", &analyze_cold),
        ("parse", &parse),
        ("parse_cold", &cold),
        ("parse_uncached", &uncached),
        ("disambiguate", &ctx),
    ] {
        fields.push(format!("\"{name}_words_per_s\": {:.0}", median(&s.wall)));
        fields.push(format!("\"{name}_cpu_words_per_s\": {:.0}", median(&s.cpu)));
        fields.push(format!("\"{name}_samples\": {}", list(&s.wall)));
        fields.push(format!("\"{name}_cpu_samples\": {}", list(&s.cpu)));
    }
    println!("{{{}}}", fields.join(", "));
    Ok(())
}
