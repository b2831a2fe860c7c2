#!/usr/bin/env python3
"""Segmentation quality: posol beside razdel on every shared segmentation file.

Writes predictions in the scorer's format to bench/out/, runs the shared scorer
(../shared/tools/score_segment.py) on them and prints the tables plus a summary of token F1
and sentence-split F1 side by side. razdel is measured only when it is installed.

    python3 bench/eval_segment.py            # summary + full scorer tables
    python3 bench/eval_segment.py --summary  # summary only
"""

import argparse
import json
import subprocess
import sys

from corpus import ROOT, load_jsonl, shared_dir

import posol

try:
    import razdel
except ImportError:  # the peer is optional
    razdel = None


def predict(segment, gold_path, out_path):
    """Writes one prediction line per gold document using `segment(text) -> (tokens, sentences)`."""
    with open(out_path, "w", encoding="utf-8") as out:
        for doc in load_jsonl(gold_path):
            tokens, sentences = segment(doc["text"])
            out.write(json.dumps({"id": doc["id"], "tokens": tokens, "sentences": sentences}) + "\n")


def posol_segment(text):
    return [[t.start, t.stop] for t in posol.tokenize(text)], [[s.start, s.stop] for s in posol.sentenize(text)]


def razdel_segment(text):
    return [[t.start, t.stop] for t in razdel.tokenize(text)], [[s.start, s.stop] for s in razdel.sentenize(text)]


def score(scorer, gold, pred, as_json):
    args = [sys.executable, str(scorer), str(gold), str(pred)] + (["--json"] if as_json else [])
    result = subprocess.run(args, capture_output=True, text=True, check=True)
    return json.loads(result.stdout) if as_json else result.stdout


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--summary", action="store_true", help="print only the side-by-side summary")
    args = parser.parse_args()
    shared = shared_dir()
    scorer = shared / "tools" / "score_segment.py"
    out_dir = ROOT / "bench" / "out"
    out_dir.mkdir(parents=True, exist_ok=True)
    systems = [("posol " + posol.__version__, posol_segment)]
    if razdel is not None:
        systems.append(("razdel", razdel_segment))
    else:
        print("razdel is not installed: measuring posol only (pip install razdel)", file=sys.stderr)
    rows = []
    for gold in sorted((shared / "data" / "segment").glob("*.jsonl.gz")):
        name = gold.name.replace(".jsonl.gz", "")
        row = {"file": name}
        for system, segment in systems:
            pred = out_dir / f"segment_{system.split()[0]}_{name}.jsonl"
            predict(segment, gold, pred)
            result = score(scorer, gold, pred, True)
            row[system] = (result["tokens"]["f1"], result["sentence_splits"]["f1"])
            if not args.summary:
                print(f"== {name}: {system}")
                print(score(scorer, gold, pred, False))
        rows.append(row)
    names = [s for s, _ in systems]
    head = "| file | " + " | ".join(f"{n} token F1 | {n} sentence-split F1" for n in names) + " |"
    print(head)
    print("|" + "---|" * (1 + 2 * len(names)))
    failures = 0
    for row in rows:
        cells = []
        for n in names:
            cells += [f"{row[n][0]:.4f}", f"{row[n][1]:.4f}"]
        print(f"| {row['file']} | " + " | ".join(cells) + " |")
        if len(names) > 1:
            ours, peer = row[names[0]], row[names[1]]
            failures += (ours[0] < peer[0]) + (ours[1] < peer[1])
    if len(names) > 1:
        print("posol >= razdel on every file and metric" if not failures else f"posol below razdel in {failures} cells")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
