"""Showing a document: entities highlighted in HTML (Jupyter) and as plain text (IPython).

``import posol`` attaches :func:`html` as ``Document._repr_html_`` and :func:`pretty` as
``Document._repr_pretty_``, so a document shows itself in a notebook. :func:`display`
wraps a document in an object with both methods, for other front ends.

>>> from posol import Document, Entity
>>> doc = Document("Посол Италии прибыл в Астану.", entities=[
...     Entity("PROFESSION", 0, 12, "Посол Италии", children=[1]),
...     Entity("COUNTRY", 6, 12, "Италии", parent=0),
...     Entity("CITY", 22, 28, "Астану")])
>>> "<mark" in html(doc) and 'title="COUNTRY' in html(doc)
True
>>> print(text(doc))
Посол Италии прибыл в Астану.
  [0:12] PROFESSION Посол Италии
    [6:12] COUNTRY Италии
  [22:28] CITY Астану
"""

from __future__ import annotations

import html as _html
import zlib
from typing import Any, Dict, List, Optional

#: Text beyond this many characters is cut in the HTML and plain views.
MAX_CHARS = 5000
#: At most this many entity lines in the plain view.
MAX_LINES = 40

#: Hues (HSL degrees) for the common NEREL types; others get a stable hue from their name.
HUES: Dict[str, int] = {
    "PERSON": 210, "PROFESSION": 280, "ORGANIZATION": 30, "COUNTRY": 130, "CITY": 160,
    "STATE_OR_PROVINCE": 100, "LOCATION": 180, "NATIONALITY": 60, "DATE": 330, "TIME": 310,
    "MONEY": 0, "PERCENT": 15, "NUMBER": 45, "ORDINAL": 50, "EVENT": 250, "FACILITY": 195,
    "AGE": 75, "AWARD": 90, "LAW": 240, "WORK_OF_ART": 300, "PRODUCT": 20, "IDEOLOGY": 265,
    "RELIGION": 350, "CRIME": 5, "DISEASE": 340, "PENALTY": 10, "FAMILY": 230, "DISTRICT": 145,
}

_STYLE = (
    ".posol-doc{line-height:2.3;max-height:32em;overflow:auto;padding:.4em;"
    "font-family:inherit;color:inherit}"
    ".posol-doc mark{color:inherit;background:hsla(var(--h),75%,55%,.22);"
    "border:1px solid hsla(var(--h),70%,50%,.9);border-radius:.3em;padding:.05em .2em;"
    "margin:0 .05em}"
    ".posol-doc mark mark{padding:0 .15em}"
    ".posol-doc mark>sub{font-size:.6em;opacity:.85;margin-left:.2em;font-weight:600}"
    ".posol-legend{font-size:.8em;margin-top:.4em;color:inherit}"
    ".posol-legend span{display:inline-block;margin:.1em .4em .1em 0;padding:0 .3em;"
    "border-left:.8em solid hsla(var(--h),70%,50%,.9)}"
    ".posol-more{opacity:.7;font-style:italic}"
)


def hue(kind: str) -> int:
    """The hue of an entity type (fixed for common types, stable for the rest).

    >>> hue("PERSON"), hue("PERSON") == hue("PERSON")
    (210, True)
    """
    if kind in HUES:
        return HUES[kind]
    return zlib.crc32(kind.encode("utf-8")) % 360


def _title(entity: Any, objects: Any = ()) -> str:
    parts = [entity.type]
    normal = getattr(entity, "normal", None)
    if normal:
        parts.append(f"normal: {normal}")
    obj = getattr(entity, "object", None)
    if isinstance(obj, int) and 0 <= obj < len(objects):
        o = objects[obj]
        parts.append(f"object: {getattr(o, 'name', o)} ({getattr(o, 'id', obj)})")
    elif obj is not None:
        parts.append(f"object: {getattr(obj, 'name', None) or getattr(obj, 'id', obj)}")
    return " · ".join(str(p) for p in parts)


def _render(text: str, entities: List[Any], ids: List[int], start: int, stop: int,
            limit: int, objects: Any = ()) -> str:
    """HTML for text[start:stop] with the entities ``ids`` (siblings, sorted) marked."""
    out: List[str] = []
    pos = start
    for i in ids:
        e = entities[i]
        if e.start < pos or e.stop > stop or e.start >= limit:
            continue  # overlaps a sibling already shown, or beyond the cut
        out.append(_html.escape(text[pos:e.start]))
        children = sorted(
            (c for c in e.children if 0 <= c < len(entities)),
            key=lambda c: (entities[c].start, -entities[c].stop),
        )
        end = min(e.stop, limit)
        inner = _render(text, entities, children, e.start, end, limit, objects)
        out.append(
            f'<mark style="--h:{hue(e.type)}" title="{_html.escape(_title(e, objects), quote=True)}">'
            f"{inner}<sub>{_html.escape(e.type)}</sub></mark>"
        )
        pos = end
    out.append(_html.escape(text[pos:min(stop, limit)]))
    return "".join(out)


def html(doc: Any, max_chars: int = MAX_CHARS) -> str:
    """The document as HTML: entities as nested coloured boxes labelled with their NEREL
    type, the normal form and object on hover (when the build has them), and a legend.

    Colours are translucent over the page's own text colour, so both light and dark
    themes stay readable; the view scrolls past 32 lines and cuts the text at
    ``max_chars`` characters.
    """
    text = doc.text
    entities = doc.entities
    limit = min(len(text), max_chars)
    top = sorted(
        (i for i, e in enumerate(entities) if e.parent is None),
        key=lambda i: (entities[i].start, -entities[i].stop),
    )
    body = _render(text, entities, top, 0, len(text), limit, getattr(doc, "objects", ()))
    more = ""
    if len(text) > limit:
        more = f' <span class="posol-more">… {len(text) - limit} more characters</span>'
    kinds = sorted({e.type for e in entities if e.start < limit})
    legend = "".join(
        f'<span style="--h:{hue(k)}">{_html.escape(k)}</span>' for k in kinds
    )
    body = body.replace("\n", "<br>")
    return (
        f"<div class=\"posol\"><style>{_STYLE}</style>"
        f'<div class="posol-doc">{body}{more}</div>'
        f'<div class="posol-legend">{legend}</div></div>'
    )


def text(doc: Any, max_chars: int = MAX_CHARS, max_lines: int = MAX_LINES) -> str:
    """The document as plain text: its text (cut at ``max_chars``), then one indented
    line per entity, ``[start:stop] TYPE text`` (at most ``max_lines``)."""
    body = doc.text if len(doc.text) <= max_chars else (
        doc.text[:max_chars] + f"… ({len(doc.text) - max_chars} more characters)"
    )
    lines = [body]
    entities = doc.entities
    for i, e in enumerate(entities):
        if i == max_lines:
            lines.append(f"  … {len(entities) - max_lines} more entities")
            break
        depth, parent = 1, e.parent
        while parent is not None and depth <= len(entities):
            depth, parent = depth + 1, entities[parent].parent
        extra = getattr(e, "normal", None)
        suffix = f" → {extra}" if extra and extra != e.text else ""
        lines.append(f"{'  ' * depth}[{e.start}:{e.stop}] {e.type} {e.text}{suffix}")
    return "\n".join(lines)


def pretty(doc: Any, p: Any, cycle: bool) -> None:
    """IPython's ``_repr_pretty_``: :func:`text` (the repr on a cycle)."""
    p.text(repr(doc) if cycle else text(doc))


class Display:
    """A document wrapped for display: ``_repr_html_`` and ``_repr_pretty_``.

    >>> import posol
    >>> shown = display(posol.analyze("Рим"))
    >>> shown._repr_html_().startswith("<div")
    True
    """

    def __init__(self, doc: Any, max_chars: int = MAX_CHARS) -> None:
        self.doc = doc
        self.max_chars = max_chars

    def _repr_html_(self) -> str:
        return html(self.doc, self.max_chars)

    def _repr_pretty_(self, p: Any, cycle: bool) -> None:
        p.text(repr(self) if cycle else text(self.doc, self.max_chars))

    def __repr__(self) -> str:
        return f"Display({self.doc!r})"


def display(doc: Any, max_chars: Optional[int] = None) -> Display:
    """Wrap ``doc`` for display (``Document`` shows itself too; this sets ``max_chars``)."""
    return Display(doc, MAX_CHARS if max_chars is None else max_chars)


def attach(cls: Any) -> bool:
    """Set ``_repr_html_`` and ``_repr_pretty_`` on ``cls``; ``False`` if it refuses."""
    try:
        cls._repr_html_ = html
        cls._repr_pretty_ = pretty
    except (TypeError, AttributeError):
        return False
    return True
