"""The example scripts in ``examples/`` run on ``examples/sample.jsonl`` and write sane CSV."""

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
SAMPLE = EXAMPLES / "sample.jsonl"

pytestmark = pytest.mark.skipif(not SAMPLE.exists(), reason="examples/ not present")


def run_example(script, tmp_path, *args):
    out = tmp_path / (Path(script).stem + ".csv")
    done = subprocess.run(
        [sys.executable, str(EXAMPLES / script), str(SAMPLE), "-o", str(out), *args],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    with open(out, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def sample_texts():
    with open(SAMPLE, encoding="utf-8") as f:
        return {r["id"]: r["text"] for r in map(json.loads, filter(str.strip, f))}


def test_people_posts(tmp_path):
    rows = run_example("people_posts.py", tmp_path)
    assert rows, "the sample names several posts"
    assert set(rows[0]) == {"doc_id", "person", "post", "of", "of_name", "mentions"}
    assert {r["doc_id"] for r in rows} <= set(sample_texts())
    assert all(r["post"] for r in rows if not r["person"])
    assert any(r["of"] == "country:KZ" and r["of_name"] == "Казахстан" for r in rows)


def test_people_posts_named_only(tmp_path):
    rows = run_example("people_posts.py", tmp_path, "--named-only")
    assert all(r["person"] for r in rows)


def test_money_figures(tmp_path):
    rows = run_example("money_figures.py", tmp_path)
    texts = sample_texts()
    assert rows, "the sample has money figures"
    for r in rows:
        text = texts[r["doc_id"]]
        start, stop = int(r["start"]), int(r["stop"])
        assert text[start:stop] == r["text"]
        assert float(r["amount"]) > 0
        assert r["currency"]
        assert r["text"] in r["context"]
    assert {"USD", "EUR"} <= {r["currency"] for r in rows}
    assert any(r["qualifier"] == "about" for r in rows)
