"""posol.to_spacy: posol documents as spaCy Docs (skipped without spaCy)."""

import sys

import pytest

import posol

try:
    import spacy
except ImportError:  # the bridge's ImportError is still tested below
    spacy = None

needs_spacy = pytest.mark.skipif(spacy is None, reason="spaCy is not installed")


@pytest.fixture(scope="module")
def nlp():
    if spacy is None:
        pytest.skip("spaCy is not installed")
    return spacy.blank("ru")


TEXT = (
    "  Министр иностранных дел Казахстана Арман Сейткалиев прибыл в Рим.\n\n"
    "Переговоры  продлятся два дня.Визит завершится в пятницу. "
)


@needs_spacy
def test_text_tokens_and_offsets(nlp):
    doc = posol.analyze(TEXT)
    sdoc = posol.to_spacy(doc, nlp)
    assert sdoc.text == TEXT
    words = [t.text for t in sdoc if t.pos_ != "SPACE"]
    assert words == [t.text for t in doc.tokens]
    assert all(t.text.isspace() for t in sdoc if t.pos_ == "SPACE")
    for t in doc.tokens:
        span = sdoc.char_span(t.start, t.stop)
        assert span is not None and len(span) == 1 and span.text == t.text


@needs_spacy
def test_outermost_entities(nlp):
    doc = posol.analyze(TEXT)
    sdoc = posol.to_spacy(doc, nlp)
    outer = [(e.start, e.stop, e.type) for e in doc.entities if e.parent is None]
    assert [(e.start_char, e.end_char, e.label_) for e in sdoc.ents] == outer
    assert ("Министр иностранных дел Казахстана", "PROFESSION") in [(e.text, e.label_) for e in sdoc.ents]
    assert ("Рим", "CITY") in [(e.text, e.label_) for e in sdoc.ents]


@needs_spacy
def test_morphology_and_sentences(nlp):
    doc = posol.analyze(TEXT)
    sdoc = posol.to_spacy(doc, nlp)
    by_start = {t.idx: t for t in sdoc}
    for t in doc.tokens:
        st = by_start[t.start]
        assert st.lemma_ == (t.lemma or t.text)
        assert st.pos_ == (t.pos or "X")
        assert str(st.morph) == ("" if t.feats in (None, "_") else t.feats)
    sents = [s.text.strip() for s in sdoc.sents if s.text.strip()]
    assert sents == [s.text for s in doc.sentences]


@needs_spacy
def test_options_and_vocab():
    doc = posol.analyze("Посол Италии прибыл в Астану.")
    sdoc = posol.to_spacy(doc, spacy.vocab.Vocab(), morphology=False, sentences=False)
    assert sdoc.text == doc.text
    assert [e.label_ for e in sdoc.ents] == [e.type for e in doc.entities if e.parent is None]
    assert all(t.lemma_ == "" for t in sdoc)


@needs_spacy
def test_empty_and_whitespace(nlp):
    for text in ["", "   ", "\n"]:
        sdoc = posol.to_spacy(posol.analyze(text), nlp)
        assert sdoc.text == text and len(sdoc.ents) == 0


@needs_spacy
def test_bad_vocab():
    with pytest.raises(TypeError, match="Language or Vocab"):
        posol.to_spacy(posol.analyze("Текст."), "ru")


def test_clear_import_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(ImportError, match="pip install spacy"):
        posol.to_spacy(posol.analyze("Текст."), object())
