"""Batch throughput: ``posol.analyze_many`` against the ``posol analyze`` command line.

Builds a JSONL corpus at run time from the texts of the shared NER sets (nothing is
committed), then prints documents per second and MB per second for:

* the CLI, ``posol analyze --threads N corpus.jsonl > /dev/null`` (wall time, including
  process start and model load, which is also printed separately from an empty input);
* ``posol.analyze_many(records, n_threads=N)`` in this process (after a warm-up);
* a plain Python loop of ``posol.analyze`` (one thread);

and the per-document Python overhead: the extra time per document of the Python paths over
the CLI on one thread, and the cost of one ``posol.analyze("")`` call.

Usage::

    python bench/bench_batch.py [--shared ../shared] [--limit 1000] [--threads 1 2]
        [--cli target/release/posol]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import List

import posol


def load_texts(shared: Path, limit: int) -> List[str]:
    texts: List[str] = []
    for path in sorted((shared / "data" / "ner").glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as f:
            for line in f:
                text = json.loads(line).get("text")
                if isinstance(text, str) and text.strip():
                    texts.append(text)
                if len(texts) >= limit:
                    return texts
    return texts


def find_cli(given: str | None) -> str:
    candidates = [given] if given else []
    target = os.environ.get("CARGO_TARGET_DIR")
    if target:
        candidates.append(str(Path(target) / "release" / "posol"))
    root = Path(__file__).resolve().parent.parent
    candidates += [str(root / "target" / "release" / "posol"), shutil.which("posol") or ""]
    for c in candidates:
        if c and Path(c).is_file() and os.access(c, os.X_OK):
            return c
    sys.exit("bench_batch: no posol binary found; build it with `cargo build --release -p posol-cli` or pass --cli")


def time_cli(cli: str, corpus: Path, threads: int) -> float:
    start = time.perf_counter()
    subprocess.run(
        [cli, "analyze", "--threads", str(threads), str(corpus)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", default=os.environ.get("POSOL_SHARED", "../shared"))
    parser.add_argument("--limit", type=int, default=1000, help="documents in the corpus")
    parser.add_argument("--threads", type=int, nargs="+", default=[1, os.cpu_count() or 1])
    parser.add_argument("--cli", default=None, help="the posol binary")
    parser.add_argument("--repeat", type=int, default=2, help="best of this many runs")
    args = parser.parse_args()

    texts = load_texts(Path(args.shared), args.limit)
    if not texts:
        sys.exit(f"bench_batch: no texts under {args.shared}/data/ner")
    cli = find_cli(args.cli)
    records = [{"id": i, "text": t} for i, t in enumerate(texts)]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    n = len(texts)
    print(f"corpus: {n} documents, {mb:.2f} MB; CLI {cli}; posol {posol.__version__}")

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "corpus.jsonl"
        empty = Path(tmp) / "empty.jsonl"
        with open(corpus, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        empty.write_text('{"id": 0, "text": ""}\n', encoding="utf-8")
        startup = min(time_cli(cli, empty, 1) for _ in range(args.repeat))
        print(f"CLI start-up and model load (one empty document): {startup * 1000:.0f} ms")

        posol.analyze("Посол прибыл.")  # load the models before timing
        t0 = time.perf_counter()
        for _ in range(1000):
            posol.analyze("")
        empty_call = (time.perf_counter() - t0) / 1000
        print(f"posol.analyze(''): {empty_call * 1e6:.1f} µs per call")

        t0 = time.perf_counter()
        for t in texts:
            posol.analyze(t)
        loop = time.perf_counter() - t0

        print(f"{'path':<34}{'threads':>8}{'docs/s':>10}{'MB/s':>8}{'vs CLI':>9}{'vs CLI-startup':>16}")

        def row(name: str, threads: int, secs: float, cli_secs: float, cli_net: float) -> None:
            print(
                f"{name:<34}{threads:>8}{n / secs:>10.1f}{mb / secs:>8.3f}"
                f"{cli_secs / secs:>9.2f}{cli_net / secs:>16.2f}"
            )

        cli_one = None
        many_one = None
        for threads in args.threads:
            cli_secs = min(time_cli(cli, corpus, threads) for _ in range(args.repeat))
            cli_net = max(cli_secs - startup, 1e-9)
            best = float("inf")
            for _ in range(args.repeat):
                t0 = time.perf_counter()
                results = posol.analyze_many(records, n_threads=threads, progress=False)
                best = min(best, time.perf_counter() - t0)
            assert all(r.ok for r in results)
            row("posol analyze (CLI)", threads, cli_secs, cli_secs, cli_net)
            row("posol.analyze_many", threads, best, cli_secs, cli_net)
            if threads == 1:
                row("loop of posol.analyze", 1, loop, cli_secs, cli_net)
                cli_one, many_one = cli_net, best
        if cli_one is not None and many_one is not None:
            print(
                "per-document Python overhead on one thread (vs CLI minus start-up): "
                f"analyze_many {(many_one - cli_one) / n * 1e6:+.0f} µs, "
                f"analyze loop {(loop - cli_one) / n * 1e6:+.0f} µs"
            )


if __name__ == "__main__":
    main()
