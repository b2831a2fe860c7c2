"""posol: Russian-language diplomatic news, read by a Rust core.

Offsets are Python string indices, so for every token and sentence
``text[x.start:x.stop] == x.text``.

>>> import posol
>>> text = "Министры встретились в Риме. Визит продлится два дня."
>>> [s.text for s in posol.sentenize(text)]
['Министры встретились в Риме.', 'Визит продлится два дня.']
>>> token = posol.tokenize(text)[0]
>>> text[token.start:token.stop]
'Министры'

All functions release the GIL while the Rust code runs, so they can be called from
several threads at once. Results are immutable, hashable and picklable values.
"""

from __future__ import annotations

from typing import List

from posol import _native
from posol._native import Document, PosolError, Sentence, Token

__version__: str = _native.__version__

__all__ = [
    "Document",
    "PosolError",
    "Sentence",
    "Token",
    "__version__",
    "analyze",
    "sentenize",
    "tokenize",
]


def tokenize(text: str) -> List[Token]:
    """Split ``text`` into tokens.

    Parameters
    ----------
    text : str
        Any text; whitespace is never part of a token.

    Returns
    -------
    list of Token
        Tokens in text order, with ``text[t.start:t.stop] == t.text``.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    """
    return _native.tokenize(text)


def sentenize(text: str) -> List[Sentence]:
    """Split ``text`` into sentences.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    list of Sentence
        Sentences in text order, each with its tokens; together they cover every token once.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    """
    return _native.sentenize(text)


def analyze(text: str) -> Document:
    """Analyse ``text``: tokens and sentences in one pass.

    Parameters
    ----------
    text : str
        Any text.

    Returns
    -------
    Document
        ``len(doc)`` tokens, ``doc[i]`` the i-th token, ``doc.sentences`` the sentences.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    """
    return _native.analyze(text)
