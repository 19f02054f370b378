"""Figures as JSON Lines: one record per line, UTF-8, the contract's field names."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from figures.model import Figure

# Line separators that some JSON Lines readers (and str.splitlines) treat as line ends.
_JSONL_ESCAPES = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\u0085": "\\u0085"})

# One encoder for every line: json.dumps with a keyword builds a new JSONEncoder per call.
_JSON_ENCODE = json.JSONEncoder(ensure_ascii=False).encode


def jsonl_line(fig: Figure) -> str:
    """One JSON Lines record; U+2028/U+2029/U+0085 escaped so no reader splits the record."""
    s = _JSON_ENCODE(fig.to_dict())
    if not s.isascii():
        s = s.translate(_JSONL_ESCAPES)
    return s + "\n"


def write_jsonl(figs: Iterable[Figure], out: IO[str]) -> int:
    n = 0
    for fig in figs:
        out.write(jsonl_line(fig))
        n += 1
    return n


def render_jsonl(figs: Iterable[Figure]) -> str:
    """The JSON Lines text of some figures (built in a worker process, written by the parent)."""
    return "".join(jsonl_line(f) for f in figs)
