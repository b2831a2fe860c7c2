"""to_json / Document.from_json round trips, and reading `posol analyze` output."""

import json
import subprocess
import sys

import pytest

import posol
from posol import Document, PosolError

TEXTS = [
    "Министр иностранных дел Италии Антонио Таяни прибыл в Астану 5 марта 2024 года.",
    "Товарооборот между Казахстаном и Россией в 2023 году составил 28 млрд долларов, "
    "что на 7% больше.",
    "",
]


@pytest.mark.parametrize("text", TEXTS)
def test_round_trip(text):
    doc = posol.analyze(text, date="2024-03-06")
    line = doc.to_json(id="x")
    assert "\n" not in line
    d = json.loads(line)
    assert d["schema"] == posol.jsonio.SCHEMA_VERSION and d["id"] == "x"
    back = Document.from_json(line)
    assert back == doc
    assert posol.from_json(d) == doc
    assert back.to_json(id="x") == line


def test_reads_cli_output():
    out = subprocess.run(
        [sys.executable, "-m", "posol", "analyze", "--text", TEXTS[0]],
        check=True, capture_output=True, text=True,
    ).stdout
    assert json.loads(out)["schema"] == posol.jsonio.SCHEMA_VERSION
    doc = Document.from_json(out)
    fresh = posol.analyze(TEXTS[0])
    assert doc.text == fresh.text
    assert doc.entities == fresh.entities and doc.facts == fresh.facts
    assert doc.objects == fresh.objects
    assert [t.text for t in doc.tokens] == [t.text for t in fresh.tokens]
    assert [s.text for s in doc.sentences] == [s.text for s in fresh.sentences]
    # lines without "schema" (earlier versions) read as version 1
    legacy = json.loads(out)
    del legacy["schema"]
    assert posol.from_json(legacy) == doc


@pytest.mark.parametrize("bad", ["{", "[]", '{"id": 1}', '{"text": "a", "schema": 99}',
                                 '{"text": "a", "tokens": [{"start": 0}]}'])
def test_bad_json(bad):
    with pytest.raises(PosolError):
        Document.from_json(bad)
