"""The Python API: offsets, value semantics, threads and bad input."""

from __future__ import annotations

import copy
import json
import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

import posol

TEXTS = [
    "Президент Казахстана прибыл в Рим. Переговоры прошли 16 мая.",
    "Делегации 🇰🇿🇮🇹 обменялись подарками 👍🏽! Итоги — завтра.",
    "Cafe\u0301 «Рома»: e\u0301\u0302x и\u0306 всё. Конец.",
    "Министр\u00a0иностранных дел\u00a0РК заявил:\r\nвизит важен.\r\nДа.",
    "Товарооборот вырос на 12,5% — до $24,2 млрд. 𝔐𝔦𝔯 🤝 дружба!",
    "",
    "   \n\t ",
]


def _bare(token: posol.Token) -> posol.Token:
    """The token without its morphology."""
    return posol.Token(token.start, token.stop, token.text, token.kind, token.glued)


@pytest.mark.parametrize("text", TEXTS)
def test_offsets_slice_the_text(text: str) -> None:
    for token in posol.tokenize(text):
        assert text[token.start : token.stop] == token.text
        assert token.text.strip() == token.text != ""
    for sentence in posol.sentenize(text):
        assert text[sentence.start : sentence.stop] == sentence.text
        for token in sentence.tokens:
            assert sentence.start <= token.start <= token.stop <= sentence.stop
    doc = posol.analyze(text)
    assert doc.text == text
    # analyze adds morphology to the tokens tokenize and sentenize find
    assert [_bare(t) for t in doc.tokens] == posol.tokenize(text)
    assert [(s.start, s.stop, s.text, [_bare(t) for t in s.tokens]) for s in doc.sentences] == [
        (s.start, s.stop, s.text, s.tokens) for s in posol.sentenize(text)
    ]
    assert [t for s in doc.sentences for t in s.tokens] == doc.tokens


def test_emoji_and_combining_marks_are_code_points() -> None:
    text = "👍🏽 e\u0301x"
    tokens = posol.tokenize(text)
    assert [(t.start, t.stop, t.kind) for t in tokens] == [(0, 2, "emoji"), (3, 6, "word")]


def test_document_sequence_protocol() -> None:
    doc = posol.analyze("Мир, труд, май!")
    assert len(doc) == 6
    assert doc[0].text == "Мир"
    assert doc[-1].text == "!"
    assert doc[-6] == doc[0]
    assert [t.text for t in doc] == [t.text for t in doc.tokens]
    for index in (6, -7, 10**6):
        with pytest.raises(IndexError):
            doc[index]


def test_reprs_are_short_and_show_zeros() -> None:
    doc = posol.analyze("Визит " * 1000)
    assert len(repr(doc)) < 140
    assert "…" in repr(doc)
    assert len(repr(doc.sentences[0])) < 120
    token = doc[0]
    assert repr(token) == "Token(start=0, stop=5, text='Визит', kind='word', glued=False, lemma='визит', pos='NOUN')"
    assert repr(posol.tokenize("Визит")[0]) == "Token(start=0, stop=5, text='Визит', kind='word', glued=False)"
    assert repr(posol.analyze("")) == "Document(text='', tokens=0, sentences=0, entities=0, objects=0, facts=0)"


@pytest.mark.parametrize("attribute", ["start", "stop", "text", "kind", "glued"])
def test_tokens_are_immutable(attribute: str) -> None:
    token = posol.tokenize("Рим")[0]
    with pytest.raises(AttributeError):
        setattr(token, attribute, 1)


def test_documents_and_sentences_are_immutable() -> None:
    doc = posol.analyze("Рим. Астана.")
    for obj, attribute in [(doc, "text"), (doc, "tokens"), (doc.sentences[0], "start")]:
        with pytest.raises(AttributeError):
            setattr(obj, attribute, None)
    doc.tokens.clear()  # a fresh list: the document is unaffected
    assert len(doc.tokens) == 4


def test_equality_and_hashing() -> None:
    a, b = posol.analyze("Рим и Астана."), posol.analyze("Рим и Астана.")
    assert a == b and hash(a) == hash(b)
    assert a != posol.analyze("Рим и Астана!")
    assert a[0] == b[0] and hash(a[0]) == hash(b[0])
    assert a[0] != a[2]
    assert len({*a.tokens, *b.tokens}) == len(a)
    assert a.sentences[0] == b.sentences[0]
    assert a[0] != "Рим"


@pytest.mark.parametrize("protocol", range(2, pickle.HIGHEST_PROTOCOL + 1))
def test_pickle_round_trip(protocol: int) -> None:
    doc = posol.analyze(TEXTS[1])
    for obj in [doc, doc[0], doc.sentences[0], doc.tokens, doc.sentences]:
        restored = pickle.loads(pickle.dumps(obj, protocol=protocol))
        assert restored == obj
    assert copy.deepcopy(doc) == doc


def test_to_dict_is_json_ready() -> None:
    doc = posol.analyze("Рим. Астана.")
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert data["text"] == "Рим. Астана."
    assert data["tokens"][0] == {
        "start": 0,
        "stop": 3,
        "text": "Рим",
        "kind": "word",
        "glued": False,
        "lemma": "рим",
        "pos": "PROPN",
        "feats": data["tokens"][0]["feats"],
    }
    assert "Number=Sing" in data["tokens"][0]["feats"]
    assert data["tokens"][1] == {"start": 3, "stop": 4, "text": ".", "kind": "punct", "glued": False}
    assert data["facts"] == []
    assert data["sentences"][1]["start"] == 5
    assert data["sentences"][1]["tokens"][0]["text"] == "Астана"
    assert doc[0].to_dict() == data["tokens"][0]


def test_constructors() -> None:
    token = posol.Token(0, 3, "Рим", "word")
    assert token == posol.tokenize("Рим")[0]
    assert posol.Document("Рим.") == posol.analyze("Рим.")
    with pytest.raises(posol.PosolError):
        posol.Token(3, 0, "", "word")
    assert issubclass(posol.PosolError, ValueError)


def test_threads_give_the_same_results() -> None:
    texts = [f"{t} Документ {i}." for i in range(200) for t in TEXTS[:5]]
    expected = [posol.analyze(t) for t in texts]
    with ThreadPoolExecutor(max_workers=4) as pool:
        got = list(pool.map(posol.analyze, texts))
    assert got == expected


@pytest.mark.parametrize("bad", [None, 5, b"bytes", ["list"]])
@pytest.mark.parametrize("function", [posol.tokenize, posol.sentenize, posol.analyze])
def test_non_strings_raise_type_error(function, bad) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        function(bad)


def test_lone_surrogates_raise_value_error() -> None:
    with pytest.raises(ValueError):
        posol.tokenize("abc\ud800")


def test_version() -> None:
    assert posol.__version__.count(".") == 2
