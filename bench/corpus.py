"""Shared helpers for the benchmark and evaluation scripts: locating ../shared and loading texts."""

import gzip
import json
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared data folder: $POSOL_SHARED, else ../shared beside the repository."""
    return Path(os.environ.get("POSOL_SHARED", ROOT.parent / "shared"))


def load_jsonl(path):
    """Yields the JSON objects of a .jsonl or .jsonl.gz file."""
    opener = gzip.open if str(path).endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def news_texts():
    """Texts of the shared news and UD files, for throughput measurements."""
    shared = shared_dir()
    files = sorted((shared / "data" / "segment").glob("*.jsonl.gz"))
    files += [shared / "data" / "ner" / "nerel_v1.1_dev.jsonl.gz", shared / "data" / "ner" / "factrueval2016_dev.jsonl.gz"]
    return [doc["text"] for path in files if path.exists() for doc in load_jsonl(path)]
