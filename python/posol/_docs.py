"""Accepting documents in the shapes users hold them: one, a list, results, a mapping."""

from __future__ import annotations

from typing import Any, Iterator, Mapping, Tuple

from posol._native import Document


def iter_docs(docs: Any) -> Iterator[Tuple[Any, Document]]:
    """(document id, Document) pairs from ``docs``.

    ``docs`` is a :class:`Document` (id 0), a mapping of ids to documents, or an iterable
    of documents (ids are positions), of :class:`posol.Analyzed` results (their ``id``;
    failed results are skipped) or of ``(id, document)`` pairs.

    >>> import posol
    >>> [i for i, _ in iter_docs({"x": posol.analyze("Рим")})]
    ['x']
    """
    from posol.batch import Analyzed

    if isinstance(docs, Document):
        yield 0, docs
        return
    if isinstance(docs, Mapping):
        for ident, doc in docs.items():
            yield ident, _check(doc)
        return
    for position, item in enumerate(docs):
        if isinstance(item, Document):
            yield position, item
        elif isinstance(item, Analyzed):
            if item.doc is not None:
                yield item.id, item.doc
        elif isinstance(item, tuple) and len(item) == 2:
            yield item[0], _check(item[1])
        else:
            raise TypeError(
                "expected Documents, posol.Analyzed results or (id, Document) pairs, "
                f"not {type(item).__name__}"
            )


def _check(doc: Any) -> Document:
    if not isinstance(doc, Document):
        raise TypeError(f"expected a posol.Document, not {type(doc).__name__}")
    return doc
