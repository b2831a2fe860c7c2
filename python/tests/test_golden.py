"""Golden segmentation cases shared with the Rust tests (razdel's partition format)."""

from __future__ import annotations

from pathlib import Path
from typing import Callable, List, Sequence, Tuple

import pytest

import posol

GOLDEN = Path(__file__).parents[2] / "tests" / "golden"


def load(name: str) -> List[Tuple[int, List[str]]]:
    """Return (line number, pieces) for every case in ``tests/golden/<name>``."""
    path = GOLDEN / name
    if not path.exists():
        return []
    cases = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cases.append((number, line.replace("\\n", "\n").split("|")))
    return cases


def expected_spans(pieces: Sequence[str]) -> List[Tuple[int, int, str]]:
    """The non-whitespace pieces with their offsets in the joined text."""
    spans = []
    offset = 0
    for piece in pieces:
        if piece.strip():
            spans.append((offset, offset + len(piece), piece))
        offset += len(piece)
    return spans


def check(number: int, pieces: List[str], split: Callable[[str], Sequence[object]]) -> None:
    text = "".join(pieces)
    got = [(x.start, x.stop, x.text) for x in split(text)]  # type: ignore[attr-defined]
    want = expected_spans(pieces)
    assert got == want, f"line {number}: got {'|'.join(g[2] for g in got)}"
    for start, stop, piece in got:
        assert text[start:stop] == piece


def ids(cases: List[Tuple[int, List[str]]]) -> List[str]:
    return [f"line{number}" for number, _ in cases]


TOKEN_CASES = load("tokens.txt")
SENTENCE_CASES = load("sentences.txt")


def test_golden_files_present() -> None:
    if not GOLDEN.exists():
        pytest.skip("tests/golden is not in this checkout (installed package tested alone)")
    assert TOKEN_CASES and SENTENCE_CASES


@pytest.mark.parametrize("number, pieces", TOKEN_CASES, ids=ids(TOKEN_CASES))
def test_tokens(number: int, pieces: List[str]) -> None:
    check(number, pieces, posol.tokenize)


@pytest.mark.parametrize("number, pieces", SENTENCE_CASES, ids=ids(SENTENCE_CASES))
def test_sentences(number: int, pieces: List[str]) -> None:
    check(number, pieces, posol.sentenize)
