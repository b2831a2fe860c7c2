"""Money figures, from JSONL articles to CSV.

    python examples/money_figures.py examples/sample.jsonl -o money.csv

Each input line is ``{"id": ..., "text": ..., "date": ...}`` (``id`` and ``date`` optional).
Each output row is one money fact: ``doc_id``, ``start`` / ``stop`` (string offsets into
the article), ``text`` as written, ``amount`` (a number, ``15 млрд`` → ``15000000000``),
``currency`` (ISO 4217 when known), ``qualifier`` (``about``, ``more_than``, ... or empty)
and ``context``, the sentence it occurs in. Articles that fail are reported on stderr and
skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import IO, Iterator, List, Optional

import posol

FIELDS = ["doc_id", "start", "stop", "text", "amount", "currency", "qualifier", "context"]


def read_jsonl(stream: IO[str]) -> Iterator[dict]:
    """The records of a JSONL stream, blank lines skipped."""
    for line in stream:
        if line.strip():
            yield json.loads(line)


def money_rows(ident: object, doc: posol.Document) -> List[dict]:
    """One row per money fact of ``doc``, with its sentence as context."""
    rows = []
    for fact in doc.facts:
        if fact.kind != "money":
            continue
        sentence = next(
            (s for s in doc.sentences if s.start <= fact.start < s.stop), None
        )
        values = fact.to_dict()
        rows.append({
            "doc_id": ident,
            "start": fact.start,
            "stop": fact.stop,
            "text": fact.text,
            "amount": values.get("amount", ""),
            "currency": values.get("currency") or "",
            "qualifier": values.get("qualifier") or "",
            "context": " ".join(sentence.text.split()) if sentence else "",
        })
    return rows


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=argparse.FileType("r", encoding="utf-8"), help="JSONL, - for stdin")
    parser.add_argument("-o", "--output", default="-", help="CSV file (default: stdout)")
    parser.add_argument("--threads", type=int, default=None, help="worker threads (default: all cores)")
    args = parser.parse_args(argv)

    results = posol.analyze_many(read_jsonl(args.input), n_threads=args.threads)
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8", newline="")
    try:
        writer = csv.DictWriter(out, fieldnames=FIELDS)
        writer.writeheader()
        for r in results:
            if r.doc is None:
                print(f"{r.id}: {r.error}", file=sys.stderr)
                continue
            writer.writerows(money_rows(r.id, r.doc))
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
