"""Named entities on the document, and facts linked to them."""

from __future__ import annotations

import copy
import json
import pickle
import threading

import pytest

import posol

TEXT = "Министр иностранных дел России Сергей Лавров 16 мая 2025 года в 10:30 прибыл в Астану."
EMOJI = "🇷🇺🤝🇰🇿 Посол Италии в Казахстане 😀 3 октября вручил грамоты президенту."


def test_entities_slice_the_text_and_have_types() -> None:
    for text in (TEXT, EMOJI, "🙂" * 10 + " Москва"):
        doc = posol.analyze(text)
        assert doc.entities, text
        for e in doc.entities:
            assert text[e.start : e.stop] == e.text
            assert e.type.isupper()
            assert e.coarse in (None, "PER", "LOC", "ORG")
    doc = posol.analyze(TEXT)
    lavrov = next(e for e in doc.entities if e.type == "PERSON")
    assert (lavrov.text, lavrov.coarse) == ("Сергей Лавров", "PER")
    assert next(e for e in doc.entities if e.text == "Астану").coarse == "LOC"


def test_nesting_parents_and_children_agree() -> None:
    doc = posol.analyze(EMOJI + " " + TEXT)
    ents = doc.entities
    assert any(e.children for e in ents)
    for i, e in enumerate(ents):
        if e.parent is not None:
            p = ents[e.parent]
            assert e.parent < i and p.start <= e.start and e.stop <= p.stop
            assert i in p.children
        for c in e.children:
            assert ents[c].parent == i
    # sorted by start, longest first
    keys = [(e.start, -e.stop) for e in ents]
    assert keys == sorted(keys)


def test_facts_are_the_values_of_entities() -> None:
    doc = posol.analyze(TEXT)
    assert doc.facts
    for f in doc.facts:
        assert f.entity is not None
        e = doc.entities[f.entity]
        assert (e.start, e.stop, e.type) == (f.start, f.stop, f.type)
        assert f.to_dict()["entity"] == f.entity
    time = next(f for f in doc.facts if f.kind == "time")
    assert time.time == "10:30"
    date = next(f for f in doc.facts if f.kind == "date")
    assert date.value == "2025-05-16"
    # no two entities with the same span and type
    assert len({(e.start, e.stop, e.type) for e in doc.entities}) == len(doc.entities)


def test_entity_values_repr_dict_equality_pickle() -> None:
    doc = posol.analyze(TEXT)
    e = doc.entities[0]
    d = e.to_dict()
    assert set(d) == {
        "type",
        "coarse",
        "start",
        "stop",
        "text",
        "parent",
        "children",
        "normal",
        "object",
        "name_parts",
    }
    assert json.loads(json.dumps(d, ensure_ascii=False)) == d
    assert e == posol.analyze(TEXT).entities[0] and hash(e) == hash(posol.analyze(TEXT).entities[0])
    for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
        assert pickle.loads(pickle.dumps(e, protocol)) == e
        assert pickle.loads(pickle.dumps(doc, protocol)) == doc
    assert copy.deepcopy(doc).entities == doc.entities
    made = posol.Entity("COUNTRY", 0, 6, "Италия", parent=0, children=[3])
    assert repr(made) == (
        "Entity(type='COUNTRY', start=0, stop=6, text='Италия', normal=None, "
        "object=None, parent=0, children=1)"
    )
    assert made.children == (3,) and made.coarse == "LOC"
    assert repr(posol.Entity("DATE", 0, 0, "")).endswith("parent=None, children=0)")
    long = posol.Entity("EVENT", 0, 500, "переговоры " * 50, normal="переговоры " * 50)
    assert len(repr(long)) < 240
    with pytest.raises(AttributeError):
        e.start = 5  # type: ignore[misc]


def test_bad_entities_raise_posol_error() -> None:
    with pytest.raises(posol.PosolError):
        posol.Entity("PER", 0, 1, "x")
    with pytest.raises(posol.PosolError):
        posol.Entity("PERSON", 3, 1, "x")
    with pytest.raises(TypeError):
        posol.Entity("PERSON", 0, 1, "x", parent="0")  # type: ignore[arg-type]


def test_fact_entity_round_trips() -> None:
    f = posol.Fact("percent", 0, 2, "5%", {"value": 5.0}, entity=4)
    assert f.entity == 4 and "entity=4" in repr(f)
    assert pickle.loads(pickle.dumps(f)) == f
    assert f != posol.Fact("percent", 0, 2, "5%", {"value": 5.0})
    assert "entity" not in posol.Fact("percent", 0, 2, "5%").to_dict()


def test_document_to_dict_has_entities() -> None:
    doc = posol.analyze(EMOJI)
    d = doc.to_dict()
    assert [x["text"] for x in d["entities"]] == [e.text for e in doc.entities]
    json.dumps(d)
    assert repr(doc).endswith(
        "entities=%d, objects=%d, facts=%d)" % (len(doc.entities), len(doc.objects), len(doc.facts))
    )


def test_odd_inputs_and_threads() -> None:
    for text in ("", " ", "🙂", "\u0301", "1" * 1000, "Москва" * 300, "\x00\ud7ff"):
        doc = posol.analyze(text)
        for e in doc.entities:
            assert text[e.start : e.stop] == e.text
    results: list[list[posol.Entity]] = []

    def work() -> None:
        results.append(posol.analyze(TEXT).entities)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(r == results[0] for r in results)
