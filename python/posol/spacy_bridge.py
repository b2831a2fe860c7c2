"""posol documents as spaCy ``Doc`` objects: :func:`to_spacy`.

spaCy is optional: it is imported on the first call, and a clear :class:`ImportError`
says how to install it. No spaCy model is needed, only a vocabulary (``spacy.blank("ru")``
or ``spacy.vocab.Vocab()``).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

#: The ``pos_`` of the tokens :func:`to_spacy` adds for text between posol tokens.
SPACE_POS = "SPACE"


def _import_spacy() -> Any:
    try:
        import spacy  # type: ignore[import-not-found, unused-ignore]
        from spacy.tokens import Doc  # type: ignore[import-not-found, unused-ignore]
    except ImportError as err:
        raise ImportError(
            "posol.to_spacy needs spaCy: pip install spacy (no model download is needed)"
        ) from err
    return spacy


def _words_and_spaces(text: str, tokens: Any) -> Tuple[List[str], List[bool], List[Optional[int]]]:
    """spaCy words and trailing-space flags that rebuild ``text`` exactly.

    Returns the words, the flags, and for each word the index of its posol token
    (``None`` for the runs of whitespace, or other untokenized text, that spaCy needs as
    tokens of their own: any gap but a single space after a token).
    """
    words: List[str] = []
    spaces: List[bool] = []
    origin: List[Optional[int]] = []
    pos = 0
    for i, tok in enumerate(list(tokens) + [None]):
        start = len(text) if tok is None else tok.start
        gap = text[pos:start]
        if gap:
            if words and not spaces[-1] and gap[0] == " ":
                spaces[-1], gap = True, gap[1:]
            if gap:
                words.append(gap)
                spaces.append(False)
                origin.append(None)
        if tok is None:
            break
        words.append(text[tok.start:tok.stop])
        spaces.append(False)
        origin.append(i)
        pos = tok.stop
    return words, spaces, origin


def to_spacy(doc: Any, nlp_or_vocab: Any, *, morphology: bool = True, sentences: bool = True) -> Any:
    """Convert a posol :class:`~posol.Document` into a spaCy ``Doc``.

    Parameters
    ----------
    doc : Document
        A document from :func:`posol.analyze` (or :func:`posol.from_json`).
    nlp_or_vocab : spacy.language.Language or spacy.vocab.Vocab
        Where the ``Doc``'s strings live, e.g. ``spacy.blank("ru")``; its pipeline is not run.
    morphology : bool, default True
        Copy posol's ``lemma``, ``pos`` (UD) and ``feats`` (UD) into ``lemma_``, ``pos_``
        and ``morph``.
    sentences : bool, default True
        Mark posol's sentence starts (``is_sent_start``), so ``Doc.sents`` works.

    Returns
    -------
    spacy.tokens.Doc
        With ``Doc.text == doc.text``: one spaCy token per posol token, plus one per run of
        whitespace that is not a single space after a token (``pos_ == "SPACE"``), as spaCy
        itself tokenizes. ``Doc.ents`` are the outermost posol entities labelled with their
        NEREL types; nested entities are not representable there and are left out. Since
        ``Doc.text`` is the original text, posol's ``start``/``stop`` are valid character
        offsets for ``Doc.char_span``.

    Raises
    ------
    ImportError
        If spaCy is not installed.
    TypeError
        If ``nlp_or_vocab`` is neither a spaCy ``Language`` nor a ``Vocab``.

    Examples
    --------
    >>> import posol, spacy                                    # doctest: +SKIP
    >>> sdoc = posol.to_spacy(posol.analyze("Посол Италии прибыл в Астану."), spacy.blank("ru"))
    >>> [(e.text, e.label_) for e in sdoc.ents]               # doctest: +SKIP
    [('Посол Италии', 'PROFESSION'), ('прибыл', 'EVENT'), ('Астану', 'CITY')]
    """
    spacy = _import_spacy()
    from spacy.tokens import Doc  # type: ignore[import-not-found, unused-ignore]

    vocab = getattr(nlp_or_vocab, "vocab", nlp_or_vocab)
    if not isinstance(vocab, spacy.vocab.Vocab):
        raise TypeError(
            f"nlp_or_vocab must be a spaCy Language or Vocab, not {type(nlp_or_vocab).__name__}"
        )
    text = doc.text
    tokens = doc.tokens
    words, spaces, origin = _words_and_spaces(text, tokens)
    kwargs: Dict[str, Any] = {}
    if morphology:
        lemmas: List[str] = []
        pos: List[str] = []
        morphs: List[str] = []
        for i in origin:
            tok = None if i is None else tokens[i]
            lemmas.append((tok.lemma or tok.text) if tok is not None else words[len(lemmas)])
            pos.append(SPACE_POS if tok is None else (tok.pos or "X"))
            feats = tok.feats if tok is not None else None
            morphs.append("" if feats in (None, "_") else feats)
        kwargs.update(lemmas=lemmas, pos=pos, morphs=morphs)
    if sentences and tokens:
        starts = {s.start for s in doc.sentences}
        kwargs["sent_starts"] = [
            i is not None and tokens[i].start in starts if k else True
            for k, i in enumerate(origin)
        ]
    sdoc = Doc(vocab, words=words, spaces=spaces, **kwargs)
    spans = []
    for e in doc.entities:
        if e.parent is not None:
            continue
        span = sdoc.char_span(e.start, e.stop, label=e.type, alignment_mode="expand")
        if span is not None:
            spans.append(span)
    sdoc.set_ents(spacy.util.filter_spans(spans))
    return sdoc
