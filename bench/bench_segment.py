#!/usr/bin/env python3
"""Segmentation speed: posol beside razdel on the same texts, in one run.

Measures tokenization + sentence splitting over the shared corpora's texts:
  * razdel (tokenize + sentenize), single-threaded, when installed;
  * posol's Rust core, single-threaded and on all cores (crates/posol/examples/bench_segment.rs,
    built with cargo here);
  * posol from Python (posol.tokenize + posol.sentenize per text, building Python objects),
    single-threaded.
Timings are medians of --repeat runs; the ratio column is throughput over razdel's.

    python3 bench/bench_segment.py [--repeat 5] [--scale 20]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from corpus import ROOT, news_texts

import posol

try:
    import razdel
except ImportError:
    razdel = None


def median_time(fn, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def rust_core(texts, repeat, scale):
    """Runs the Rust benchmark example on the texts; returns its JSON report."""
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for text in texts:
            fh.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
        corpus = fh.name
    try:
        cmd = ["cargo", "run", "--quiet", "--release", "-p", "posol", "--example", "bench_segment",
               "--", corpus, "--repeat", str(repeat), "--scale", str(scale)]
        out = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=True).stdout
        return json.loads(out.strip().splitlines()[-1])
    finally:
        os.unlink(corpus)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per system; the median is reported")
    parser.add_argument("--scale", type=int, default=20, help="corpus passes per Rust run (stable timings)")
    args = parser.parse_args()
    texts = news_texts()
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n_tokens = sum(len(posol.tokenize(t)) for t in texts)
    print(f"corpus: {len(texts)} texts, {mb:.2f} MB UTF-8, {n_tokens} posol tokens; median of {args.repeat} runs")
    rows = []
    if razdel is not None:
        def run_razdel():
            for t in texts:
                list(razdel.tokenize(t))
                list(razdel.sentenize(t))
        rows.append(("razdel 0.5 (Python), 1 thread", median_time(run_razdel, max(1, args.repeat // 2))))
    else:
        print("razdel is not installed: no ratio (pip install razdel)", file=sys.stderr)
    core = rust_core(texts, args.repeat, args.scale)
    scale = args.scale
    rows.append(("posol Rust core, 1 thread", core["single_s"] / scale))
    rows.append((f"posol Rust core, {core['threads']} threads", core["multi_s"] / scale))
    def run_posol_python():
        for t in texts:
            posol.tokenize(t)
            posol.sentenize(t)
    rows.append(("posol from Python (tokenize + sentenize), 1 thread", median_time(run_posol_python, args.repeat)))
    base = rows[0][1] if razdel is not None else None
    print(f"(Rust core rows: the corpus processed {scale} times per run, times divided by {scale})")
    print("| system | seconds per corpus | MB/s | tokens/s | x razdel |")
    print("|---|---:|---:|---:|---:|")
    for name, secs in rows:
        ratio = f"{base / secs:.1f}" if base else "-"
        print(f"| {name} | {secs:.4f} | {mb / secs:.2f} | {n_tokens / secs:,.0f} | {ratio} |")


if __name__ == "__main__":
    main()
