"""Normal forms of entities, and the objects they refer to."""

from __future__ import annotations

import copy
import json
import pickle
import threading

import pytest

import posol

TEXT = (
    "Президент Казахстана Касым-Жомарт Токаев прибыл в Москву. "
    "На переговорах Токаева поддержали представители РФ. "
    "Глава государства напомнил, что Казахстан и Россия поддерживают ООН. "
    "Организация Объединённых Наций отмечает 80-летие."
)


def find(doc: posol.Document, text: str) -> int:
    """The index of the first entity whose text is ``text``."""
    for i, e in enumerate(doc.entities):
        if e.text == text:
            return i
    raise AssertionError(f"no entity {text!r} in {[e.text for e in doc.entities]}")


def obj(doc: posol.Document, text: str) -> posol.Object:
    i = doc.entities[find(doc, text)].object
    assert i is not None, text
    return doc.objects[i]


def test_normal_forms_and_name_parts() -> None:
    doc = posol.analyze(TEXT)
    ents = doc.entities
    assert ents[find(doc, "Токаева")].normal == "Токаев"
    assert ents[find(doc, "Москву")].normal == "Москва"
    assert ents[find(doc, "Касым-Жомарт Токаев")].name_parts == {
        "first": "Касым-Жомарт",
        "middle": None,
        "last": "Токаев",
    }
    assert ents[find(doc, "Москву")].name_parts is None
    assert all(isinstance(e.normal, str) for e in ents)


def test_mentions_share_objects_with_stable_ids() -> None:
    doc = posol.analyze(TEXT)
    tokayev = obj(doc, "Касым-Жомарт Токаев")
    assert obj(doc, "Токаева") == tokayev
    assert obj(doc, "Глава государства") == tokayev
    assert (tokayev.type, tokayev.name) == ("PERSON", "Касым-Жомарт Токаев")
    assert tokayev.id.startswith("person:")
    assert posol.Role("президент", "country:KZ") in tokayev.roles
    assert obj(doc, "РФ").id == obj(doc, "Россия").id == "country:RU"
    assert obj(doc, "Казахстан").id == "country:KZ"
    assert obj(doc, "ООН").id == obj(doc, "Организация Объединённых Наций").id == "org:UN"
    # values refer to no object
    assert doc.entities[find(doc, "80-летие")].object is None


def test_objects_and_entities_agree() -> None:
    doc = posol.analyze(TEXT)
    for k, o in enumerate(doc.objects):
        assert o.mentions and list(o.mentions) == sorted(o.mentions)
        for m in o.mentions:
            assert doc.entities[m].object == k
    for i, e in enumerate(doc.entities):
        if e.object is not None:
            assert i in doc.objects[e.object].mentions


def test_object_values_repr_dict_equality_pickle() -> None:
    doc = posol.analyze(TEXT)
    ru = obj(doc, "РФ")
    assert repr(ru).startswith("Object(id='country:RU', type='COUNTRY', name='Россия', mentions=")
    assert "roles=0" in repr(ru)
    d = ru.to_dict()
    assert d["id"] == "country:RU" and d["type"] == "COUNTRY" and d["roles"] == []
    assert d["mentions"] == list(ru.mentions)
    json.dumps(d)
    for value in (ru, obj(doc, "Токаева"), obj(doc, "Токаева").roles[0]):
        assert pickle.loads(pickle.dumps(value)) == value
        assert copy.deepcopy(value) == value
        assert hash(copy.copy(value)) == hash(value)
    role = posol.Role("министр", None)
    assert repr(role) == "Role(title='министр', of=None)"
    assert role.to_dict() == {"title": "министр", "of": None}
    long = posol.Object("x:" + "я" * 500, "PERSON", "я" * 500, (1, 2), (role,))
    assert len(repr(long)) < 200 and long.mentions == (1, 2) and long.roles == (role,)
    with pytest.raises(AttributeError):
        ru.id = "country:KZ"  # type: ignore[misc]
    with pytest.raises(posol.PosolError):
        posol.Object("x", "NOT_A_TYPE", "x")


def test_entity_fields_round_trip() -> None:
    doc = posol.analyze(TEXT)
    e = doc.entities[find(doc, "Касым-Жомарт Токаев")]
    assert "normal='Касым-Жомарт Токаев'" in repr(e)
    assert pickle.loads(pickle.dumps(e)) == e
    d = e.to_dict()
    assert d["normal"] == "Касым-Жомарт Токаев" and d["object"] == e.object
    assert d["name_parts"]["last"] == "Токаев"
    json.dumps(doc.to_dict())
    assert doc.to_dict()["objects"][e.object]["name"] == "Касым-Жомарт Токаев"
    assert pickle.loads(pickle.dumps(doc)) == doc
    assert "objects=" in repr(doc)
    with pytest.raises(posol.PosolError):
        posol.Entity("PERSON", 0, 1, "Я", name_parts={"surname": "Я"})


def test_user_knowledge() -> None:
    text = "Компания ACME открыла офис в Астане."
    kb = posol.Knowledge()
    kb.add(id="org:ACME", type="ORGANIZATION", name="Акме", aliases=["ACME"])
    assert len(kb) == 1 and "org:ACME" in kb and "org:UN" not in kb
    assert kb.lookup("acme") == {
        "id": "org:ACME",
        "type": "ORGANIZATION",
        "name": "Акме",
        "aliases": ["ACME"],
    }
    assert kb.lookup("Газпром") is None
    assert repr(kb) == "Knowledge(entries=1)"
    restored = pickle.loads(pickle.dumps(kb))
    assert restored.entries() == kb.entries()
    # a user entry wins over the built-in one
    kb.add(id="org:MY-UN", type="ORGANIZATION", name="Объединённые Нации", aliases=["ООН"])
    doc = posol.analyze(TEXT, knowledge=kb)
    assert obj(doc, "ООН").id == "org:MY-UN"
    assert obj(doc, "РФ").id == "country:RU"
    assert posol.Document(TEXT, knowledge=kb) == doc
    assert obj(posol.analyze(TEXT), "ООН").id == "org:UN"
    doc = posol.analyze(text, knowledge=kb)
    assert obj(doc, "ACME").id == "org:ACME"
    assert obj(doc, "ACME").name == "Акме"
    with pytest.raises(posol.PosolError):
        kb.add(id="x", type="NOT_A_TYPE", name="x")
    with pytest.raises(posol.PosolError):
        kb.add(id="", type="PERSON", name="x")
    with pytest.raises(TypeError):
        posol.analyze(TEXT, knowledge="ООН")  # type: ignore[arg-type]


def test_odd_inputs_and_threads() -> None:
    for text in ("", " ", "ООН", "РФ РФ РФ", "«»", "Глава государства.", "🙂" * 5 + " Токаев"):
        doc = posol.analyze(text)
        for k, o in enumerate(doc.objects):
            assert all(doc.entities[m].object == k for m in o.mentions)
    kb = posol.Knowledge()
    kb.add("org:ACME", "ORGANIZATION", "Акме")
    results: list = []

    def work() -> None:
        results.append(posol.analyze(TEXT, knowledge=kb).objects)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 4 and all(r == results[0] for r in results)
