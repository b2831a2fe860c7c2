"""Documents as pandas tables: :func:`to_pandas` (and :func:`to_records` without pandas).

>>> import posol
>>> doc = posol.analyze("Министр прибыл в Астану.")
>>> [(r["doc_id"], r["type"], r["text"]) for r in to_records(doc) if r["type"] == "CITY"]
[(0, 'CITY', 'Астану')]
"""

from __future__ import annotations

from typing import Any, Dict, List

from posol._docs import iter_docs
from posol._native import PosolError

LEVELS = ("entities", "objects", "facts", "tokens", "sentences")

#: The columns of each level, in order (``objects`` may add more from the objects' own
#: ``to_dict``; ``facts`` adds one column per value field found, after these).
COLUMNS: Dict[str, List[str]] = {
    "entities": [
        "doc_id", "entity", "type", "coarse", "start", "stop", "text", "parent", "depth",
        "normal", "object",
    ],
    "objects": ["doc_id", "object", "type", "name", "mentions", "roles"],
    "facts": ["doc_id", "fact", "kind", "type", "start", "stop", "text", "entity"],
    "tokens": [
        "doc_id", "token", "sentence", "start", "stop", "text", "kind", "lemma", "pos", "feats",
    ],
    "sentences": ["doc_id", "sentence", "start", "stop", "text", "tokens"],
}


def _entity_rows(ident: Any, doc: Any) -> List[Dict[str, Any]]:
    entities = doc.entities
    rows = []
    for i, e in enumerate(entities):
        depth, parent = 0, e.parent
        while parent is not None and depth < len(entities):
            depth, parent = depth + 1, entities[parent].parent
        obj = getattr(e, "object", None)
        rows.append({
            "doc_id": ident, "entity": i, "type": e.type, "coarse": e.coarse,
            "start": e.start, "stop": e.stop, "text": e.text, "parent": e.parent,
            "depth": depth, "normal": getattr(e, "normal", None),
            "object": obj if obj is None or isinstance(obj, (int, str)) else getattr(obj, "id", obj),
        })
    return rows


def _object_rows(ident: Any, doc: Any) -> List[Dict[str, Any]]:
    objects = getattr(doc, "objects", None)
    if objects is None:
        raise PosolError("level='objects' needs Document.objects, which this posol build lacks")
    rows = []
    for i, o in enumerate(objects):
        d = o.to_dict() if hasattr(o, "to_dict") else dict(vars(o))
        row: Dict[str, Any] = {"doc_id": ident, "object": d.pop("id", i)}
        row.update(d)
        rows.append(row)
    return rows


def _fact_rows(ident: Any, doc: Any) -> List[Dict[str, Any]]:
    rows = []
    for i, f in enumerate(doc.facts):
        row: Dict[str, Any] = {
            "doc_id": ident, "fact": i, "kind": f.kind, "type": f.type, "start": f.start,
            "stop": f.stop, "text": f.text, "entity": f.entity,
        }
        for key, value in f.values.items():
            row.setdefault(key, value)
        rows.append(row)
    return rows


def _token_rows(ident: Any, doc: Any) -> List[Dict[str, Any]]:
    rows = []
    index = 0
    for s, sentence in enumerate(doc.sentences):
        for t in sentence.tokens:
            rows.append({
                "doc_id": ident, "token": index, "sentence": s, "start": t.start,
                "stop": t.stop, "text": t.text, "kind": t.kind, "lemma": t.lemma,
                "pos": t.pos, "feats": t.feats,
            })
            index += 1
    return rows


def _sentence_rows(ident: Any, doc: Any) -> List[Dict[str, Any]]:
    return [
        {"doc_id": ident, "sentence": i, "start": s.start, "stop": s.stop, "text": s.text,
         "tokens": len(s.tokens)}
        for i, s in enumerate(doc.sentences)
    ]


_ROWS = {
    "entities": _entity_rows, "objects": _object_rows, "facts": _fact_rows,
    "tokens": _token_rows, "sentences": _sentence_rows,
}


def to_records(docs: Any, level: str = "entities") -> List[Dict[str, Any]]:
    """One dict per entity, object, fact, token or sentence of ``docs`` (no pandas needed).

    Takes the same arguments as :func:`to_pandas`; the dicts have its columns as keys.
    """
    if level not in _ROWS:
        raise PosolError(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    rows: List[Dict[str, Any]] = []
    for ident, doc in iter_docs(docs):
        rows.extend(_ROWS[level](ident, doc))
    return rows


def to_pandas(docs: Any, level: str = "entities") -> Any:
    """A ``pandas.DataFrame`` with one row per item of ``docs`` at ``level``.

    Parameters
    ----------
    docs : Document, iterable or mapping
        A :class:`posol.Document`; a list of documents (``doc_id`` is the position); the
        results of :func:`posol.analyze_many` (``doc_id`` is the record id; failed items
        are skipped); ``(id, document)`` pairs; or a mapping of ids to documents.
    level : {"entities", "objects", "facts", "tokens", "sentences"}
        ``entities``: ``doc_id, entity`` (index in ``doc.entities``), ``type`` (NEREL),
        ``coarse``, ``start``, ``stop``, ``text``, ``parent``, ``depth`` (0 outermost),
        ``normal``, ``object`` (``None`` when this build has no normal forms/objects).
        ``objects``: ``doc_id, object`` and the fields of each document object.
        ``facts``: ``doc_id, fact, kind, type, start, stop, text, entity`` and one column
        per value field (``value``, ``amount``, ``currency``, ``qualifier``, ...).
        ``tokens``: ``doc_id, token, sentence, start, stop, text, kind, lemma, pos, feats``.
        ``sentences``: ``doc_id, sentence, start, stop, text, tokens`` (a count).
        Offsets are Python string indices into the document's text.

    Returns
    -------
    pandas.DataFrame
        With the columns above even when there are no rows.

    Raises
    ------
    ImportError
        If pandas is not installed (``pip install pandas``).
    PosolError
        If ``level`` is unknown, or ``"objects"`` on a build without document objects.
    TypeError
        If ``docs`` holds something other than documents.

    Examples
    --------
    >>> import posol
    >>> df = posol.to_pandas(posol.analyze("Рост составил 15%."), level="facts")
    >>> df[["kind", "text", "value"]].values.tolist()
    [['percent', '15%', 15.0]]
    """
    try:
        import pandas as pd
    except ImportError as e:
        raise ImportError(
            "posol.to_pandas needs pandas: pip install pandas "
            "(or use posol.to_records for plain dicts)"
        ) from e
    rows = to_records(docs, level)
    columns = list(COLUMNS[level])
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return pd.DataFrame.from_records(rows, columns=columns)
