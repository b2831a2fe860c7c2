//! Segmentation throughput of the Rust core, single-threaded and on all cores.
//!
//! Reads a JSONL file of `{"text": ...}` lines, runs `posol::analyze_with` with
//! `Options::segmentation()` (normalization, tokenization, sentence splitting only) over all texts several times and prints one JSON line
//! with the median timings. `bench/bench_segment.py` runs it beside razdel.
//!
//! ```text
//! cargo run --release -p posol --example bench_segment -- corpus.jsonl [--repeat 5] [--scale 10]
//! ```
//!
//! `--scale N` processes the corpus N times per run, so that short corpora still give
//! stable timings; the reported sizes are scaled to match.
//!
//! ```text
//! ```

use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: bench_segment CORPUS.jsonl [--repeat N]");
        std::process::exit(2);
    };
    let (mut repeat, mut scale) = (5usize, 10usize);
    while let (Some(flag), Some(value)) = (args.next(), args.next()) {
        let n = value.parse().unwrap_or(1).max(1);
        match flag.as_str() {
            "--repeat" => repeat = n,
            "--scale" => scale = n,
            _ => {
                eprintln!("bench_segment: unknown option {flag}");
                std::process::exit(2);
            }
        }
    }
    let content = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("bench_segment: {path}: {e}");
        std::process::exit(1);
    });
    let texts: Vec<String> = std::iter::repeat_n(content.as_str(), scale)
        .flat_map(str::lines)
        .filter(|l| !l.trim().is_empty())
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v.get("text").and_then(|t| t.as_str()).map(str::to_owned))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    let chars: usize = texts.iter().map(|t| t.chars().count()).sum();
    let options = posol::Options::segmentation();
    let tokens: usize = texts
        .iter()
        .map(|t| posol::analyze_with(t, &options).tokens().len())
        .sum();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());

    let single = median(repeat, || {
        for t in &texts {
            std::hint::black_box(posol::analyze_with(t, &options));
        }
    });
    let multi = median(repeat, || {
        let chunk = texts.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            for part in texts.chunks(chunk) {
                let options = &options;
                scope.spawn(move || {
                    for t in part {
                        std::hint::black_box(posol::analyze_with(t, options));
                    }
                });
            }
        });
    });
    println!(
        "{{\"docs\":{},\"bytes\":{bytes},\"chars\":{chars},\"tokens\":{tokens},\"threads\":{threads},\"single_s\":{single},\"multi_s\":{multi}}}",
        texts.len()
    );
}

/// Median wall time of `repeat` runs of `f`, in seconds.
fn median(repeat: usize, mut f: impl FnMut()) -> f64 {
    let mut times: Vec<f64> = (0..repeat.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64()
        })
        .collect();
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}
