"""People and their posts, from JSONL articles to CSV.

    python examples/people_posts.py examples/sample.jsonl -o people.csv

Each input line is ``{"id": ..., "text": ..., "date": ...}`` (``id`` and ``date`` optional).
Each output row is one post of one person in one document: ``doc_id``, ``person`` (the
object's name), ``post`` (the role's title), ``of`` (the object the post belongs to, e.g.
``country:KZ``), ``of_name`` (its name when mentioned in the document) and ``mentions``.
A person whose post is not stated gets one row with an empty post; a post mentioned without
a name (``Президент Казахстана встретился ...``) gets one row with an empty person, unless
``--named-only``. Articles that fail are reported on stderr and skipped.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from typing import IO, Iterator, List, Optional

import posol

FIELDS = ["doc_id", "person", "post", "of", "of_name", "mentions"]


def read_jsonl(stream: IO[str]) -> Iterator[dict]:
    """The records of a JSONL stream, blank lines skipped."""
    for line in stream:
        if line.strip():
            yield json.loads(line)


def people_rows(ident: object, doc: posol.Document, named_only: bool = False) -> List[dict]:
    """One row per (person, post) of ``doc``, then the posts mentioned without a person."""
    names = {o.id: o.name for o in doc.objects}
    rows = []
    for o in doc.objects:
        if o.type != "PERSON":
            continue
        for role in o.roles or [None]:
            rows.append({
                "doc_id": ident,
                "person": o.name,
                "post": role.title if role else "",
                "of": (role.of or "") if role else "",
                "of_name": names.get(role.of, "") if role and role.of else "",
                "mentions": len(o.mentions),
            })
    if not named_only:
        rows.extend(_unnamed_posts(ident, doc, names))
    return rows


def _unnamed_posts(ident: object, doc: posol.Document, names: dict) -> List[dict]:
    """Outermost PROFESSION entities that are not linked to a person."""
    entities, rows = doc.entities, []
    for e in entities:
        if e.type != "PROFESSION" or e.parent is not None or e.object is not None:
            continue
        title = next((entities[c] for c in e.children if entities[c].type == "PROFESSION"), e)
        owner = next(
            (entities[c].object for c in _descendants(entities, e)
             if entities[c].type in ("COUNTRY", "ORGANIZATION") and entities[c].object is not None),
            None,
        )
        of = doc.objects[owner].id if owner is not None else ""
        rows.append({
            "doc_id": ident,
            "person": "",
            "post": (title.normal or title.text).lower(),
            "of": of,
            "of_name": names.get(of, ""),
            "mentions": 1,
        })
    return rows


def _descendants(entities, e) -> List[int]:
    out, stack = [], list(e.children)
    while stack:
        i = stack.pop(0)
        out.append(i)
        stack.extend(entities[i].children)
    return out


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("input", type=argparse.FileType("r", encoding="utf-8"), help="JSONL, - for stdin")
    parser.add_argument("-o", "--output", default="-", help="CSV file (default: stdout)")
    parser.add_argument("--named-only", action="store_true", help="only posts of named people")
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
            writer.writerows(people_rows(r.id, r.doc, args.named_only))
    finally:
        if out is not sys.stdout:
            out.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
