"""Many documents at once: :func:`analyze_many` and its result type :class:`Analyzed`.

>>> import posol
>>> results = posol.analyze_many(
...     ["Посол Италии прибыл в Астану.", {"id": "b", "text": "Вчера", "date": "2025-13-01"}],
...     progress=False,
... )
>>> [r.ok for r in results]
[True, False]
>>> results[0].id, results[0].doc.sentences[0].text
(0, 'Посол Италии прибыл в Астану.')
>>> results[1].id, type(results[1].error).__name__
('b', 'PosolError')
"""

from __future__ import annotations

import datetime
import os
import sys
from dataclasses import dataclass
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Sequence, Union

from posol import _native
from posol._native import Document, PosolError

DateLike = Union[datetime.date, str, None]
Item = Union[str, Mapping[str, Any]]

#: Documents per worker thread in one native call; a chunk is never below ``_MIN_CHUNK``.
_PER_THREAD = 32
_MIN_CHUNK = 64
#: With ``progress=None``, a bar is shown from this many items on (when tqdm is installed).
AUTO_PROGRESS_FROM = 500


@dataclass(frozen=True)
class Analyzed:
    """One result of :func:`analyze_many`: the document or the error, never both.

    Attributes
    ----------
    index : int
        The position of the input item.
    id : object
        The record's ``"id"``; for a plain string (or a record without one), ``index``.
    doc : Document or None
        The analysed document, ``None`` when the item failed.
    error : Exception or None
        Why the item failed: ``TypeError`` for a text that is not a ``str`` or an item that
        is neither a string nor a mapping, :class:`PosolError` for a record without
        ``"text"``, a malformed date or an internal failure. ``None`` on success.

    >>> r = Analyzed(0, "a", None, PosolError("bad date"))
    >>> r.ok, bool(r)
    (False, False)
    """

    index: int
    id: Any
    doc: Optional[Document]
    error: Optional[Exception] = None

    @property
    def ok(self) -> bool:
        """Whether the item was analysed (``doc`` is set, ``error`` is ``None``)."""
        return self.error is None

    def __bool__(self) -> bool:
        return self.ok

    def unwrap(self) -> Document:
        """The document, or raise the item's error.

        >>> Analyzed(0, 0, None, PosolError("bad date")).unwrap()
        Traceback (most recent call last):
        ...
        posol.PosolError: bad date
        """
        if self.error is not None:
            raise self.error
        assert self.doc is not None
        return self.doc


def _split(index: int, item: Any, default_date: DateLike) -> tuple:
    """(id, text, date, error) for one input item."""
    if isinstance(item, str):
        return index, item, default_date, None
    if isinstance(item, Mapping):
        ident = item.get("id", index)
        if ident is None:
            ident = index
        if "text" not in item:
            return ident, None, None, PosolError(f"item {index}: a record needs a 'text' field")
        date = item.get("date", default_date)
        return ident, item["text"], date, None
    return index, None, None, TypeError(
        f"item {index}: expected a str or a mapping with 'text', not {type(item).__name__}"
    )


class _Bar:
    """A progress bar: tqdm when installed, else a one-line counter on stderr."""

    def __init__(self, total: Optional[int], enabled: Optional[bool]) -> None:
        self._tqdm: Any = None
        self._plain = False
        self._done = 0
        self._total = total
        if enabled is False:
            return
        if enabled is None and (total is None or total < AUTO_PROGRESS_FROM):
            return
        try:
            from tqdm.auto import tqdm
        except ImportError:
            self._plain = bool(enabled)
            return
        self._tqdm = tqdm(total=total, unit="doc", desc="posol")

    def update(self, n: int) -> None:
        self._done += n
        if self._tqdm is not None:
            self._tqdm.update(n)
        elif self._plain:
            total = f"/{self._total}" if self._total is not None else ""
            sys.stderr.write(f"\rposol: {self._done}{total} documents")
            sys.stderr.flush()

    def close(self) -> None:
        if self._tqdm is not None:
            self._tqdm.close()
        elif self._plain:
            sys.stderr.write("\n")


def _chunks(items: Iterable[Any], size: int) -> Iterator[List[Any]]:
    chunk: List[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _threads(n_threads: Optional[int]) -> int:
    if n_threads is None or n_threads == 0:
        return os.cpu_count() or 1
    if not isinstance(n_threads, int) or isinstance(n_threads, bool) or n_threads < 0:
        raise PosolError(f"n_threads must be a non-negative int or None, not {n_threads!r}")
    return n_threads


def iter_analyze_many(
    items: Iterable[Item],
    n_threads: Optional[int] = None,
    progress: Optional[bool] = None,
    date: DateLike = None,
) -> Iterator[Analyzed]:
    """Like :func:`analyze_many`, but yields results chunk by chunk (for huge or endless
    inputs that should not be held in memory at once).

    >>> [r.doc.text for r in iter_analyze_many(["Рим", "Астана"], n_threads=2)]
    ['Рим', 'Астана']
    """
    threads = _threads(n_threads)
    total = len(items) if isinstance(items, Sequence) else None
    size = max(_MIN_CHUNK, _PER_THREAD * threads)
    bar = _Bar(total, progress)
    try:
        index = 0
        for chunk in _chunks(items, size):
            split = [_split(index + k, item, date) for k, item in enumerate(chunk)]
            good = [k for k, s in enumerate(split) if s[3] is None]
            native = _native.analyze_batch(
                [split[k][1] for k in good], [split[k][2] for k in good], threads
            )
            outcome: List[Any] = [s[3] for s in split]
            for k, result in zip(good, native):
                outcome[k] = result
            for k, result in enumerate(outcome):
                ident = split[k][0]
                if isinstance(result, Document):
                    yield Analyzed(index + k, ident, result, None)
                else:
                    yield Analyzed(index + k, ident, None, result)
            index += len(chunk)
            bar.update(len(chunk))
    finally:
        bar.close()


def analyze_many(
    items: Iterable[Item],
    n_threads: Optional[int] = None,
    progress: Optional[bool] = None,
    date: DateLike = None,
) -> List[Analyzed]:
    """Analyse many texts in parallel, in input order, without losing the batch to a bad item.

    Parameters
    ----------
    items : iterable of str or mapping
        Texts, or records ``{"id": ..., "text": ..., "date": ...}`` (``id`` and ``date``
        optional; other keys are ignored), e.g. the lines of a JSONL corpus.
    n_threads : int, optional
        Worker threads; ``None`` or ``0`` uses every core, ``1`` runs on one thread. The
        threads are local to the call (no global pool, no environment variables), and
        the GIL is released while they run.
    progress : bool, optional
        ``True`` always shows a progress bar (tqdm when installed, else a counter on
        stderr), ``False`` never; ``None`` (default) shows a tqdm bar for inputs of at
        least 500 items when tqdm is installed.
    date : datetime.date or str, optional
        The date for items that have none (see :func:`posol.analyze`).

    Returns
    -------
    list of Analyzed
        One per input item, in order: ``r.doc`` the :class:`Document` or ``r.error`` the
        exception the item failed with (``r.ok`` tells which; ``r.unwrap()`` returns the
        document or raises). A failed item never stops the others.

    Raises
    ------
    PosolError
        If ``n_threads`` is negative or not an int.

    Examples
    --------
    >>> import posol
    >>> docs = [r.doc for r in posol.analyze_many(["Министр прибыл в Рим.", "Визит завершён."])]
    >>> [len(d.sentences) for d in docs]
    [1, 1]
    """
    return list(iter_analyze_many(items, n_threads=n_threads, progress=progress, date=date))
