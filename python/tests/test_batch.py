"""posol.analyze_many: order, threads, per-item errors, progress, records."""

import dataclasses
import datetime
import threading

import pytest

import posol
from posol import Analyzed, PosolError

TEXTS = [
    "Посол Италии прибыл в Астану.",
    "Товарооборот вырос на 12%.",
    "Вчера министры встретились в Москве.",
    "",
    "Визит продлится два дня.",
]


def test_same_as_analyze_in_order():
    results = posol.analyze_many(TEXTS * 30, n_threads=2, progress=False)
    assert [r.index for r in results] == list(range(len(TEXTS) * 30))
    assert [r.id for r in results] == list(range(len(TEXTS) * 30))
    for r, text in zip(results, TEXTS * 30):
        assert r.ok and r.error is None
        assert r.doc == posol.analyze(text)


@pytest.mark.parametrize("n_threads", [None, 0, 1, 2, 7])
def test_thread_counts(n_threads):
    results = posol.analyze_many(TEXTS, n_threads=n_threads)
    assert [r.doc.text for r in results] == TEXTS


def test_records_ids_and_dates():
    items = [
        {"id": "a", "text": "Вчера посол прибыл.", "date": "2025-05-16"},
        {"id": "b", "text": "Вчера посол прибыл.", "date": datetime.date(2024, 1, 10)},
        {"text": "Вчера посол прибыл."},
        "Вчера посол прибыл.",
    ]
    results = posol.analyze_many(items, date="2020-03-02")
    assert [r.id for r in results] == ["a", "b", 2, 3]
    dates = [r.doc.facts[0].value for r in results]
    assert dates == ["2025-05-15", "2024-01-09", "2020-03-01", "2020-03-01"]


def test_bad_items_do_not_lose_the_batch():
    items = [
        "Рим",
        {"id": "bad-date", "text": "Вчера", "date": "2025-13-40"},
        {"id": "no-text"},
        42,
        {"id": "not-str", "text": b"bytes"},
        {"id": "wrong-date-type", "text": "Рим", "date": 3.5},
        "Астана",
    ]
    results = posol.analyze_many(items, n_threads=2)
    assert [r.ok for r in results] == [True, False, False, False, False, False, True]
    errors = [type(r.error) for r in results]
    assert errors[1] is PosolError and errors[2] is PosolError
    assert errors[3] is TypeError and errors[4] is TypeError and errors[5] is TypeError
    assert results[1].id == "bad-date" and results[3].id == 3
    assert results[1].doc is None
    with pytest.raises(PosolError, match="invalid date"):
        results[1].unwrap()
    assert results[-1].unwrap().text == "Астана"
    assert not results[2] and results[0]


def test_generators_and_iter():
    gen = (t for t in TEXTS * 40)
    out = list(posol.iter_analyze_many(gen, n_threads=2, progress=False))
    assert len(out) == 200 and out[-1].doc.text == TEXTS[-1]
    assert posol.analyze_many([]) == []


def test_bad_thread_count():
    for bad in (-1, 1.5, "2"):
        with pytest.raises(PosolError):
            posol.analyze_many(["Рим"], n_threads=bad)


def test_progress_bar(capsys):
    pytest.importorskip("tqdm")
    posol.analyze_many(["Рим"] * 3, progress=True)
    assert "3/3" in capsys.readouterr().err
    posol.analyze_many(["Рим"] * 3)  # auto: too short for a bar
    assert capsys.readouterr().err == ""


def test_plain_progress_without_tqdm(monkeypatch, capsys):
    import builtins

    real = builtins.__import__

    def no_tqdm(name, *args, **kwargs):
        if name.startswith("tqdm"):
            raise ImportError(name)
        return real(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_tqdm)
    posol.analyze_many(["Рим"] * 3, progress=True)
    assert "posol: 3/3 documents" in capsys.readouterr().err


def test_from_python_threads():
    out = {}

    def work(k):
        out[k] = [r.doc.text for r in posol.analyze_many(TEXTS, n_threads=2)]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(v == TEXTS for v in out.values()) and len(out) == 3


def test_analyzed_value():
    r = Analyzed(1, "x", posol.analyze("Рим"))
    assert r.ok and r.unwrap().text == "Рим"
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.index = 2  # type: ignore[misc]
