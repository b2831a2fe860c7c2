"""posol.to_pandas / to_records and the HTML and plain-text display of documents."""

import importlib
import sys

import pytest

import posol
from posol import Document, Entity, Fact, PosolError

view = importlib.import_module("posol.display")  # posol.display is the function

TEXT = "Посол Италии прибыл в Астану. Рост составил 15%."


def made():
    """A document with fixed entities and a fact (independent of the models)."""
    return Document(
        TEXT,
        entities=[
            Entity("PROFESSION", 0, 12, "Посол Италии", children=[1]),
            Entity("COUNTRY", 6, 12, "Италии", parent=0),
            Entity("CITY", 22, 28, "Астану"),
            Entity("PERCENT", 44, 47, "15%"),
        ],
        facts=[Fact("percent", 44, 47, "15%", {"value": 15.0}, entity=3)],
    )


def test_records_levels():
    doc = made()
    ents = posol.to_records(doc, "entities")
    assert [(r["type"], r["depth"], r["parent"]) for r in ents] == [
        ("PROFESSION", 0, None), ("COUNTRY", 1, 0), ("CITY", 0, None), ("PERCENT", 0, None)]
    assert all(TEXT[r["start"]:r["stop"]] == r["text"] for r in ents)
    facts = posol.to_records(doc, "facts")
    assert facts[0]["value"] == 15.0 and facts[0]["entity"] == 3
    with pytest.raises(PosolError, match="level"):
        posol.to_records(doc, "words")


def test_pandas_ids_from_every_input_shape():
    pd = pytest.importorskip("pandas")
    doc = made()
    df = posol.to_pandas({"a": doc, "b": doc}, level="entities")
    assert isinstance(df, pd.DataFrame)
    assert df["doc_id"].tolist() == ["a"] * 4 + ["b"] * 4
    results = posol.analyze_many([{"id": "x", "text": "Рим"}, {"id": "y"}], progress=False)
    tokens = posol.to_pandas(results, level="tokens")
    assert tokens["doc_id"].tolist() == ["x"] and tokens["lemma"].tolist() == ["рим"]
    pairs = posol.to_pandas([("p", posol.analyze(TEXT))], level="sentences")
    assert pairs["text"].tolist() == ["Посол Италии прибыл в Астану.", "Рост составил 15%."]
    listed = posol.to_pandas([doc, doc], level="facts")
    assert listed["doc_id"].tolist() == [0, 1]
    assert list(listed.columns[:8]) == posol.tables.COLUMNS["facts"]


def test_pandas_empty_keeps_columns():
    pytest.importorskip("pandas")
    df = posol.to_pandas([], level="tokens")
    assert len(df) == 0 and list(df.columns) == posol.tables.COLUMNS["tokens"]


def test_pandas_bad_input():
    with pytest.raises(TypeError):
        posol.to_records(["not a document"])
    with pytest.raises(TypeError):
        posol.to_records({"a": 1})


def test_objects_level():
    doc = made()
    if getattr(doc, "objects", None) is None:
        with pytest.raises(PosolError, match="objects"):
            posol.to_records(doc, "objects")
    else:
        assert isinstance(posol.to_records(doc, "objects"), list)


def test_pandas_missing_gives_clear_import_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match="pip install pandas"):
        posol.to_pandas(made())


def test_html_nested_escaped_bounded():
    doc = made()
    html = doc._repr_html_()
    assert html.count("<mark") == 4
    # the country is inside the profession
    outer = html.index('title="PROFESSION')
    inner = html.index('title="COUNTRY')
    assert outer < inner < html.index("</mark>", inner) < html.rindex("PROFESSION</sub>")
    assert "posol-legend" in html and ">CITY</span>" in html
    nasty = Document("<script>alert(1)</script> & Рим",
                     entities=[Entity("CITY", 28, 31, "Рим")])
    assert "<script>" not in nasty._repr_html_() and "&amp;" in nasty._repr_html_()
    long = Document("Рим. " * 5000, entities=[Entity("CITY", 0, 3, "Рим")])
    out = long._repr_html_()
    assert "more characters" in out and len(out) < 10000


def test_html_hover_uses_normal_form_when_present():
    class Fake:
        def __init__(self, e, normal):
            self._e, self.normal, self.object = e, normal, None

        def __getattr__(self, name):
            return getattr(self._e, name)

    class Doc:
        text = "Италии"
        entities = [Fake(Entity("COUNTRY", 0, 6, "Италии"), "Италия")]

    assert "normal: Италия" in view.html(Doc())


def test_plain_text_and_display_wrapper():
    doc = made()
    plain = view.text(doc)
    assert plain.splitlines()[1:3] == ["  [0:12] PROFESSION Посол Италии", "    [6:12] COUNTRY Италии"]

    class Printer:
        def __init__(self):
            self.out = []

        def text(self, s):
            self.out.append(s)

    p = Printer()
    doc._repr_pretty_(p, False)
    assert p.out == [plain]
    shown = posol.display(doc, max_chars=5)
    assert "more characters" in shown._repr_html_()
    assert repr(shown).startswith("Display(Document(")
