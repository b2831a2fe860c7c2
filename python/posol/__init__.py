"""posol: Russian-language diplomatic news, read by a Rust core.

Offsets are Python string indices, so for every token, sentence, entity and fact
``text[x.start:x.stop] == x.text``.

>>> import posol
>>> text = "Министры встретились в Риме. Визит продлится два дня."
>>> [s.text for s in posol.sentenize(text)]
['Министры встретились в Риме.', 'Визит продлится два дня.']
>>> token = posol.tokenize(text)[0]
>>> text[token.start:token.stop]
'Министры'
>>> doc = posol.analyze(text)
>>> doc[1].lemma, doc[1].pos
('встретиться', 'VERB')
>>> fact = doc.facts[0]
>>> fact.kind, fact.text, fact.duration, text[fact.start:fact.stop] == fact.text
('date', 'два дня', 'P2D', True)
>>> [(e.type, e.text) for e in posol.analyze("Посол Италии прибыл.").entities if e.coarse]
[('COUNTRY', 'Италии')]
>>> posol.parse("Риме")[0].normal_form
'Рим'

All functions release the GIL while the Rust code runs, so they can be called from
several threads at once. Results are immutable, hashable and picklable values.
"""

from __future__ import annotations

import datetime
from typing import List, Optional, Union

from posol import _native
from posol._native import (
    Document,
    Entity,
    Fact,
    Knowledge,
    Object,
    Parse,
    PosolError,
    Role,
    Sentence,
    Token,
)
from posol.batch import Analyzed, analyze_many, iter_analyze_many
from posol.display import Display, display
from posol.display import attach as _attach_display
from posol.jsonio import from_json, to_json
from posol.spacy_bridge import to_spacy
from posol.tables import to_pandas, to_records

__version__: str = _native.__version__

__all__ = [
    "Analyzed",
    "Display",
    "Document",
    "Entity",
    "Fact",
    "Knowledge",
    "Object",
    "Parse",
    "PosolError",
    "Role",
    "Sentence",
    "Token",
    "__version__",
    "analyze",
    "analyze_many",
    "display",
    "from_json",
    "iter_analyze_many",
    "parse",
    "sentenize",
    "to_json",
    "to_pandas",
    "to_records",
    "to_spacy",
    "tokenize",
]

_attach_display(Document)
try:  # the native class accepts new attributes (checked in the tests)
    Document.to_json = to_json  # type: ignore[method-assign,assignment]
    Document.from_json = staticmethod(from_json)  # type: ignore[method-assign]
except (TypeError, AttributeError):  # pragma: no cover
    pass


def tokenize(text: str) -> List[Token]:
    """Split ``text`` into tokens.

    Parameters
    ----------
    text : str
        Any text; whitespace is never part of a token.

    Returns
    -------
    list of Token
        Tokens in text order, with ``text[t.start:t.stop] == t.text``. They carry no
        morphology (``lemma``, ``pos`` and ``feats`` are ``None``): use :func:`analyze`.

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
        The tokens carry no morphology: use :func:`analyze`.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``.
    """
    return _native.sentenize(text)


def analyze(
    text: str,
    date: Optional[Union[datetime.date, str]] = None,
    knowledge: Optional[Knowledge] = None,
) -> Document:
    """Analyse ``text``: tokens, sentences, morphology, entities, objects and facts in one pass.

    Parameters
    ----------
    text : str
        Any text.
    date : datetime.date or str, optional
        The document's date (a ``datetime.date``, a ``datetime.datetime`` or a
        ``"YYYY-MM-DD"`` string); relative dates such as ``вчера`` or ``в прошлом году``
        are resolved against it. Without it, a dateline in the text is used, if any.
    knowledge : Knowledge, optional
        A user gazetteer (ids, names, aliases) consulted before the built-in countries,
        regions and organizations when entities are linked into objects.

    Returns
    -------
    Document
        ``len(doc)`` tokens, ``doc[i]`` the i-th token, ``doc.sentences`` the sentences,
        ``doc.entities`` the named entities (NEREL types, nested: ``parent`` and
        ``children`` are indices into ``doc.entities``), ``doc.facts`` the values of
        the money, percentage, number, ordinal, date and time entities (``fact.entity``
        is the index of its entity). Each entity has its ``normal`` form, the ``object``
        it refers to (an index into ``doc.objects``, whose ``id`` is stable:
        ``"country:RU"``, ``"org:UN"``) and, for persons, ``name_parts``. Words and numbers have ``lemma``, ``pos`` (UD part of
        speech) and ``feats`` (UD features), chosen in the context of their sentence;
        punctuation, symbols, URLs, e-mails, hashtags, mentions and emoji have ``None``.

    Raises
    ------
    TypeError
        If ``text`` is not a ``str``, or ``date`` is not a date, a string or ``None``.
    PosolError
        If ``date`` is a string that is not a valid ``YYYY-MM-DD`` date.
    """
    return _native.analyze(text, date, knowledge)


def parse(word: str) -> List[Parse]:
    """All morphological analyses of one ``word``, most probable first.

    Parameters
    ----------
    word : str
        A word in any letter case; unknown words are guessed from their endings.

    Returns
    -------
    list of Parse
        Each with ``word``, ``lemma``, ``normal_form``, ``score``, ``tag`` (OpenCorpora),
        ``pos`` and ``feats`` (Universal Dependencies) and ``inflect(grammemes)``.
        Empty for an empty string.

    Raises
    ------
    TypeError
        If ``word`` is not a ``str``.
    """
    return _native.parse(word)
