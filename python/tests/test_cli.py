"""The console script, run as ``python -m posol`` in a subprocess."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
from pathlib import Path
from typing import List

import posol


def run(args: List[str], stdin: str = "") -> "subprocess.CompletedProcess[str]":
    return subprocess.run(
        [sys.executable, "-m", "posol", *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_segment_text() -> None:
    text = "Министры встретились. Визит — завтра 👍🏽!"
    result = run(["segment", "--text", text])
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["id"] is None
    assert [text[t["start"] : t["stop"]] for t in doc["tokens"]] == [t["text"] for t in doc["tokens"]]
    assert [text[s["start"] : s["stop"]] for s in doc["sentences"]] == [
        s.text for s in posol.sentenize(text)
    ]


def test_analyze_jsonl_with_a_bad_line(tmp_path: Path) -> None:
    lines = [
        json.dumps({"id": "x1", "text": "Рим. Астана."}, ensure_ascii=False),
        "",
        '{"id": "x2"}',
        json.dumps({"id": 3, "text": "Всё.", "date": "2024-05-16"}, ensure_ascii=False),
    ]
    path = tmp_path / "in.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8")))
    result = run(["analyze", "--threads", "2", str(path)])
    assert result.returncode == 1
    assert f"posol: {path}:3: missing \"text\" field" in result.stderr
    docs = [json.loads(line) for line in result.stdout.splitlines()]
    assert [d["id"] for d in docs] == ["x1", 3]
    assert docs[0]["text"] == "Рим. Астана."
    assert docs[0]["tokens"][0] == {
        "start": 0,
        "stop": 3,
        "text": "Рим",
        "kind": "word",
        "lemma": "рим",
        "pos": "PROPN",
        "feats": docs[0]["tokens"][0]["feats"],
    }
    assert "Number=Sing" in docs[0]["tokens"][0]["feats"]
    assert docs[0]["tokens"][1] == {"start": 3, "stop": 4, "text": ".", "kind": "punct"}
    assert docs[0]["facts"] == []


def test_stdin_and_usage_errors() -> None:
    result = run(["segment"], stdin='{"id": 1, "text": "Да."}\n')
    assert result.returncode == 0
    assert json.loads(result.stdout)["id"] == 1
    assert run(["segment", "--no-such-option"]).returncode == 2
    assert run([]).returncode == 2
    help_text = run(["--help"])
    assert help_text.returncode == 0 and "segment" in help_text.stdout
