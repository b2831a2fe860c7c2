"""Documents to and from the JSON of ``posol analyze`` (schema in docs/schema.md).

>>> import posol
>>> doc = posol.analyze("Посол Италии прибыл в Астану 5 марта.")
>>> line = posol.to_json(doc, id="a1")
>>> posol.Document.from_json(line) == doc
True
"""

from __future__ import annotations

import json
from typing import Any, Dict, List, Mapping, Optional, Union

from posol._native import Document, Entity, Fact, Object, PosolError, Role, Sentence, Token

#: The schema version this module writes (``"schema"``) and the newest it reads. Lines
#: without ``"schema"`` (written by posol 0.1 before it had the field) are read as version 1.
SCHEMA_VERSION = 1

_FACT_KEYS = {"kind", "type", "start", "stop", "text", "entity"}


def to_dict(doc: Document, id: Any = None) -> Dict[str, Any]:
    """The document as the JSON-ready dict of one ``posol analyze`` output line, plus
    ``"schema"`` (and ``"glued"`` on tokens glued to the previous one)."""
    tokens = []
    for t in doc.tokens:
        d: Dict[str, Any] = {"start": t.start, "stop": t.stop, "text": t.text, "kind": t.kind}
        for key in ("lemma", "pos", "feats"):
            value = getattr(t, key)
            if value is not None:
                d[key] = value
        if t.glued:
            d["glued"] = True
        tokens.append(d)
    entities = []
    for e in doc.entities:
        d = {"start": e.start, "stop": e.stop, "type": e.type, "text": e.text}
        for key in ("coarse", "parent", "normal", "object", "name_parts"):
            value = getattr(e, key, None)
            if value is not None:
                d[key] = value
        entities.append(d)
    facts = []
    for f in doc.facts:
        d = {"kind": f.kind, "type": f.type, "start": f.start, "stop": f.stop, "text": f.text}
        d.update(f.values)
        if f.entity is not None:
            d["entity"] = f.entity
        facts.append(d)
    return {
        "schema": SCHEMA_VERSION,
        "id": id,
        "text": doc.text,
        "tokens": tokens,
        "sentences": [{"start": s.start, "stop": s.stop} for s in doc.sentences],
        "entities": entities,
        "objects": [o.to_dict() for o in getattr(doc, "objects", [])],
        "facts": facts,
    }


def to_json(doc: Document, id: Any = None, indent: Optional[int] = None) -> str:
    """The document as one JSON object (one line unless ``indent``): see :func:`to_dict`."""
    return json.dumps(to_dict(doc, id), ensure_ascii=False, indent=indent)


def from_json(data: Union[str, bytes, Mapping[str, Any]]) -> Document:
    """A :class:`Document` from a ``posol analyze`` line, :func:`to_json` output or its dict.

    Raises
    ------
    PosolError
        If the JSON is malformed, lacks ``text``, or has a newer ``schema`` than this
        version of posol reads.
    """
    try:
        d = json.loads(data) if isinstance(data, (str, bytes)) else dict(data)
    except ValueError as err:
        raise PosolError(f"not a JSON document: {err}") from err
    if not isinstance(d, dict) or not isinstance(d.get("text"), str):
        raise PosolError("a posol JSON document needs a 'text' string")
    version = d.get("schema", 1)
    if not isinstance(version, int) or version > SCHEMA_VERSION:
        raise PosolError(f"posol JSON schema {version!r} is newer than {SCHEMA_VERSION}")
    try:
        tokens = [
            Token(t["start"], t["stop"], t["text"], t.get("kind", "word"), t.get("glued", False),
                  t.get("lemma"), t.get("pos"), t.get("feats"))
            for t in d.get("tokens", [])
        ]
        sentences = [
            Sentence(s["start"], s["stop"], d["text"][s["start"]:s["stop"]],
                     [t for t in tokens if s["start"] <= t.start and t.stop <= s["stop"]])
            for s in d.get("sentences", [])
        ]
        raw = d.get("entities", [])
        children: List[List[int]] = [[] for _ in raw]
        for i, e in enumerate(raw):
            if e.get("parent") is not None:
                children[e["parent"]].append(i)
        entities = [
            Entity(e["type"], e["start"], e["stop"], e["text"], e.get("parent"), children[i],
                   e.get("normal"), e.get("object"), e.get("name_parts"))
            for i, e in enumerate(raw)
        ]
        objects = [
            Object(o["id"], o["type"], o["name"], o.get("mentions", []),
                   [Role(r["title"], r.get("of")) for r in o.get("roles", [])])
            for o in d.get("objects", [])
        ]
        facts = [
            Fact(f["kind"], f["start"], f["stop"], f["text"],
                 {k: v for k, v in f.items() if k not in _FACT_KEYS}, f.get("entity"))
            for f in d.get("facts", [])
        ]
    except (KeyError, TypeError, IndexError) as err:
        raise PosolError(f"malformed posol JSON document: {err!r}") from err
    return Document(d["text"], tokens=tokens, sentences=sentences, facts=facts,
                    entities=entities, objects=objects)
