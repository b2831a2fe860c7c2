"""Morphology on tokens, posol.parse, facts and the document date."""

from __future__ import annotations

import copy
import datetime
import json
import pickle
import threading

import pytest

import posol

TEXT = "Вчера министры подписали в Астане соглашение на 2,5 млрд долларов — третье за год."


def test_tokens_of_analyze_have_morphology_in_context() -> None:
    doc = posol.analyze("Стороны стали партнёрами, см. #МИД 🙂")
    words = {t.text: t for t in doc}
    stali = words["стали"]
    assert (stali.lemma, stali.pos) == ("стать", "VERB")
    assert "Tense=Past" in (stali.feats or "")
    assert words["партнёрами"].lemma == "партнёр"
    assert words["партнёрами"].feats is not None and "Case=Ins" in words["партнёрами"].feats
    for token in doc:
        has = token.kind in ("word", "number")
        assert (token.lemma is not None, token.pos is not None, token.feats is not None) == (has, has, has), token
    # The sentences hold the same tokens.
    assert doc.sentences[0].tokens[1] == stali


def test_numbers_are_num_and_tokenize_has_no_morphology() -> None:
    doc = posol.analyze("В 2024 году")
    assert doc[1].pos == "NUM" and doc[1].lemma == "2024"
    assert all(t.lemma is None and t.pos is None and t.feats is None for t in posol.tokenize("В 2024 году"))
    assert all(t.lemma is None for s in posol.sentenize("Мир. Труд.") for t in s.tokens)


def test_parse_lists_analyses_best_first() -> None:
    parses = posol.parse("Токаева")
    best = parses[0]
    assert isinstance(best, posol.Parse)
    assert (best.word, best.lemma, best.normal_form, best.pos) == ("Токаева", "токаев", "Токаев", "PROPN")
    assert best.tag.startswith("NOUN") and "Surn" in best.tag
    assert "Case=" in best.feats
    assert 0.0 < best.score <= 1.0
    assert all(0.0 <= p.score <= 1.0 and p.word == "Токаева" for p in parses)
    assert best.inflect(["nomn", "sing"]) == "Токаев"
    assert best.inflect(["no-such-grammeme"]) is None
    assert posol.parse("") == []
    assert posol.parse("Италию")[0].to_dict() == {
        "word": "Италию",
        "lemma": "италия",
        "normal_form": "Италия",
        "score": posol.parse("Италию")[0].score,
        "tag": posol.parse("Италию")[0].tag,
        "pos": "PROPN",
        "feats": posol.parse("Италию")[0].feats,
    }
    with pytest.raises(TypeError):
        best.inflect("nomn")  # a string is not a list of grammemes
    with pytest.raises(TypeError):
        posol.parse(5)  # type: ignore[arg-type]


def test_parse_values_are_immutable_comparable_picklable() -> None:
    a, b = posol.parse("Риме")[0], posol.parse("Риме")[0]
    assert a == b and hash(a) == hash(b)
    assert a != posol.parse("Рима")[0]
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(a, protocol=protocol)) == a
    assert copy.deepcopy(a) == a
    with pytest.raises(AttributeError):
        a.lemma = "x"  # type: ignore[misc]
    with pytest.raises(posol.PosolError):
        posol.Parse("Риме", "рим", "NO,SUCH tag")
    assert len(repr(posol.parse("Константинопольского" * 20)[0])) < 400
    assert repr(a).startswith("Parse(word='Риме', lemma='рим'")


def test_facts_slice_the_text_and_carry_values() -> None:
    doc = posol.analyze(TEXT, date=datetime.date(2025, 5, 16))
    facts = doc.facts
    assert [f.kind for f in facts] == ["date", "money", "ordinal"]
    assert [f.type for f in facts] == ["DATE", "MONEY", "ORDINAL"]
    for f in facts:
        assert TEXT[f.start : f.stop] == f.text
    date, money, ordinal = facts
    assert (date.text, date.value, date.relative, date.resolved) == ("Вчера", "2025-05-15", True, True)
    assert date.amount is None and date.end is None
    assert (money.amount, money.currency, money.qualifier) == (2.5e9, "USD", None)
    assert ordinal.value == 3 and isinstance(ordinal.value, int)
    assert money.to_dict() == {
        "kind": "money",
        "type": "MONEY",
        "start": money.start,
        "stop": money.stop,
        "text": "2,5 млрд долларов",
        "amount": 2.5e9,
        "currency": "USD",
        "entity": money.entity,
    }
    assert doc.entities[money.entity].text == money.text
    assert money.values == {"amount": 2.5e9, "currency": "USD"}
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert data["facts"][0]["value"] == "2025-05-15"


def test_emoji_before_facts_keep_string_indices() -> None:
    text = "🇷🇺🇰🇿 Рост на 12,5% за 2021-2025 годы"
    for f in posol.analyze(text).facts:
        assert text[f.start : f.stop] == f.text
    assert [f.text for f in posol.analyze(text).facts] == ["12,5%", "за 2021-2025 годы"]


@pytest.mark.parametrize(
    "date",
    ["2025-05-16", datetime.date(2025, 5, 16), datetime.datetime(2025, 5, 16, 23, 59)],
)
def test_date_forms(date: object) -> None:
    fact = posol.analyze("Вчера", date=date).facts[0]  # type: ignore[arg-type]
    assert fact.value == "2025-05-15"
    assert posol.Document("Вчера", date=date) == posol.analyze("Вчера", date=date)  # type: ignore[arg-type]


def test_without_a_date_relative_dates_stay_unresolved() -> None:
    fact = posol.analyze("Вчера").facts[0]
    assert fact.relative is True and fact.value is None and fact.resolved is False


@pytest.mark.parametrize("bad", ["2025-13-01", "16.05.2025", "", "вчера"])
def test_bad_date_strings_raise_posol_error_naming_them(bad: str) -> None:
    with pytest.raises(posol.PosolError, match=repr(bad).replace("'", '"') if bad else "invalid date"):
        posol.analyze("Вчера", date=bad)


def test_bad_date_types_raise_type_error() -> None:
    with pytest.raises(TypeError):
        posol.analyze("Вчера", date=20250516)  # type: ignore[arg-type]


def test_fact_values_are_immutable_comparable_picklable() -> None:
    doc = posol.analyze(TEXT, date="2025-05-16")
    again = posol.analyze(TEXT, date="2025-05-16")
    assert doc.facts == again.facts and hash(doc.facts[1]) == hash(again.facts[1])
    assert doc == again and hash(doc) == hash(again)
    assert doc != posol.analyze(TEXT)  # "вчера" unresolved without a date
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        for obj in [doc, doc.facts, doc[1], doc.facts[0]]:
            assert pickle.loads(pickle.dumps(obj, protocol=protocol)) == obj
    assert copy.deepcopy(doc) == doc
    fact = doc.facts[1]
    for attribute in ["kind", "start", "amount", "currency"]:
        with pytest.raises(AttributeError):
            setattr(fact, attribute, None)
    assert repr(fact) == (
        f"Fact(kind='money', start={fact.start}, stop={fact.stop}, "
        f"text='2,5 млрд долларов', amount=2500000000.0, currency='USD', entity={fact.entity})"
    )
    long = posol.analyze("около " + "1" * 300 + " рублей").facts[0]
    assert len(repr(long)) < 300


def test_fact_constructor_checks_its_input() -> None:
    fact = posol.Fact("percent", 0, 3, "5 %", {"value": 5.0, "max": None})
    assert fact.value == 5.0 and fact.max is None and fact.type == "PERCENT"
    assert fact == posol.Fact("percent", 0, 3, "5 %", {"value": 5.0})
    with pytest.raises(posol.PosolError):
        posol.Fact("weather", 0, 1, "x")
    with pytest.raises(posol.PosolError):
        posol.Fact("number", 2, 1, "x")
    with pytest.raises(posol.PosolError):
        posol.Fact("number", 0, 1, "x", {"colour": "red"})
    with pytest.raises(TypeError):
        posol.Fact("number", 0, 1, "x", {"value": [1]})


def test_threads_share_the_analyzer() -> None:
    texts = [f"Вчера {i} делегаций прибыли в Рим." for i in range(50)]
    expected = [posol.analyze(t, date="2025-01-10") for t in texts]
    results: list = [None] * len(texts)

    def work(k: int) -> None:
        for i in range(k, len(texts), 4):
            results[i] = posol.analyze(texts[i], date="2025-01-10")

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == expected
