"""Hypothesis strategies and one-case runners for the paths around the extractor (issue 12):
argument types for every public function, file shapes for every CLI command. Used by
tests/test_fuzz_paths.py (CI-sized) and bench/fuzz_paths.py (100,000 cases).

The contract checked for each case:
- a public function returns, or raises a FiguresError (the documented family), nothing else;
- a CLI command exits 0, 1 or 2 (never 3, never a traceback), and `check --format json` lists
  one entry per input item: every file, and every row of a table, good or bad.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import math
from decimal import Decimal
from pathlib import Path

import numpy as np
import pandas as pd
from hypothesis import strategies as st

import figures
from figures.errors import FiguresError

SENTENCES = [
    "The port will spend RMB 10 billion ($1.54 billion) on cranes.",
    "Sales rose 12% to $4.5 million from $4 million.",
    "Shares closed at HK$13.52, up 8.51%.",
    "The crew grew by 1,800 people to 2,300 people from 500 people.",
    "人民币10亿元",
    "$1,000,000;",
    "date 2021-10-19",
    "It costs € 5 m or 9e999999 dollars or 1E1000000000 yuan.",
    "[/] [bold]x \x1b[31m\x1b]8;;http://x\x07 \u202e =1+1",
    "",
]

texts = st.one_of(
    st.lists(st.sampled_from(SENTENCES), max_size=4).map(" ".join),
    st.text(max_size=60),
)

# Dates as str and datetime.date. The other types people pass (datetime, Timestamp, NaT,
# numpy datetime64, NaN) are issue 11's single date parser; WIDE_DATES adds them once it lands.
dates = st.one_of(
    st.none(),
    st.dates(),
    st.sampled_from(["2021-10-19", "2021-13-45", "", "yesterday"]),
)
WIDE_DATES = st.one_of(
    dates,
    st.datetimes(),
    st.sampled_from(["19 Oct 2021", "NaT"]),
    st.just(pd.NaT),
    st.builds(pd.Timestamp, st.datetimes(min_value=dt.datetime(1700, 1, 1),
                                         max_value=dt.datetime(2200, 1, 1))),
    st.just(np.datetime64("2021-10-19")),
    st.just(float("nan")),
    st.integers(),
)

amounts = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.integers(),
    st.floats(),
    st.sampled_from(["1,234.5", "1,2,3", "3_2.5", "1E1000000000", "9e999999", "1e-999999",
                     " 12 ", "", "abc", "-5", "Infinity", "NaN", "1" * 200]),
    st.builds(np.int64, st.integers(-2**63, 2**63 - 1)),
    st.builds(np.float64, st.floats()),
    st.none(),
)

codes = st.one_of(st.sampled_from(["USD", "EUR", "CNY", "usd", "XXX", "", "RMB", "US$"]),
                  st.text(max_size=5))


def api_case(data) -> None:
    """One call of a public function with drawn arguments; raises if the contract breaks."""
    which = data.draw(st.sampled_from(["extract", "check", "convert", "normalize_frame",
                                       "extract_frame", "check_frame"]))
    try:
        if which == "extract":
            figures.extract(data.draw(st.one_of(texts, st.none(), st.integers())),
                            date=data.draw(dates))
        elif which == "check":
            items = data.draw(st.lists(texts, min_size=1, max_size=3))
            names = data.draw(st.one_of(st.none(), st.lists(st.sampled_from(["x", "y", "[/]"]),
                                                            min_size=len(items),
                                                            max_size=len(items))))
            r = figures.check(items, date=data.draw(dates), docs=names)
            assert len(r.documents) == len(items)
            assert len({d.doc for d in r.documents}) == len(items)  # names kept apart
        elif which == "convert":
            figures.convert(data.draw(amounts), data.draw(codes), data.draw(codes),
                            data.draw(dates))
        else:
            n = data.draw(st.integers(1, 3))
            if which == "normalize_frame":
                df = pd.DataFrame({"amount": pd.Series([data.draw(amounts) for _ in range(n)],
                                                       dtype=object),
                                   "currency": [data.draw(codes) for _ in range(n)],
                                   "date": pd.Series([data.draw(dates) for _ in range(n)],
                                                     dtype=object)})
                out = figures.frame.normalize_frame(df)
                assert len(out) == n
            else:
                df = pd.DataFrame({"id": [data.draw(st.sampled_from(["a", "a", "b"]))
                                          for _ in range(n)],
                                   "text": [data.draw(texts) for _ in range(n)]})
                fn = (figures.frame.extract_frame if which == "extract_frame"
                      else figures.frame.check_frame)
                out = fn(df, date=data.draw(dates))
                s = out.attrs["figures_summary"]
                assert s.documents == n  # every row accounted for, and the counts add up
                assert s.with_figures + len(s.without_figures) + len(s.bad_rows) == n, s
    except FiguresError:
        pass


# ---- files -------------------------------------------------------------------------------------

def _csv_row(data) -> tuple[str, bool]:
    """(one CSV line, whether it is a well-formed row)."""
    kind = data.draw(st.sampled_from(["good", "good", "comma", "quote", "empty", "dup"]))
    text = data.draw(texts).replace('"', "'").replace("\r", " ").replace("\n", " ")
    if kind == "comma":
        return f"r,{text or 'x'},extra", False
    if kind == "quote":
        return f'r,"{text}', False
    if kind == "empty":
        return "r,", True
    return f'{"dup" if kind == "dup" else "r"},"{text}"', True


def write_inputs(data, folder: Path) -> tuple[list[str], int | None]:
    """Files for one CLI case and how many items `check` must list (None: not countable, e.g.
    an unclosed quote swallows the rest of its file)."""
    paths: list[str] = []
    expected: int | None = 0
    for i in range(data.draw(st.integers(1, 4))):
        shape = data.draw(st.sampled_from(["txt", "txt", "csv", "jsonl", "missing", "binary",
                                           "latin1", "utf16", "empty"]))
        p = folder / ("news.txt" if shape == "txt" and data.draw(st.booleans()) else f"f{i}.{shape}")
        if shape in ("txt", "latin1", "utf16", "binary", "empty", "missing"):
            p = folder / f"d{i}" / (p.name if shape == "txt" else f"f{i}.txt")
            p.parent.mkdir(exist_ok=True)
            text = data.draw(texts)
            if shape == "txt":
                p.write_text(text, encoding="utf-8", errors="surrogatepass")
            elif shape == "latin1":
                p.write_bytes(("café " + text).encode("latin-1", "replace"))
            elif shape == "utf16":
                p.write_bytes(text.encode("utf-16-le", "surrogatepass"))
            elif shape == "binary":
                p.write_bytes(b"\x00\x01\x02" + text.encode("utf-8", "surrogatepass"))
            elif shape == "empty":
                p.write_bytes(b"")
            expected = None if expected is None else expected + 1
        elif shape == "csv":
            rows = [_csv_row(data) for _ in range(data.draw(st.integers(0, 4)))]
            p.write_text("id,text\n" + "\n".join(r for r, _ in rows) + "\n", encoding="utf-8",
                         errors="surrogatepass")
            if any(r.startswith('r,"') and r.count('"') == 1 for r, _ in rows) or not rows:
                expected = None
            elif expected is not None:
                expected += len(rows)
        elif shape == "jsonl":
            lines = []
            for _ in range(data.draw(st.integers(1, 4))):
                lines.append(data.draw(st.one_of(
                    st.builds(lambda t, k: json.dumps({"id": k, "text": t}), texts,
                              st.sampled_from(["a", "a", "\ud800", "[/]"])),
                    st.sampled_from(["{bad", "[1, 2]", '{"id": "x"}', '{"text": 5}']))))
            p.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
            expected = None if expected is None else expected + len(lines)
        paths.append(str(p))
    return paths, expected


def cli_case(data, folder: Path) -> None:
    from figures.cli import main

    paths, expected = write_inputs(data, folder)
    command = data.draw(st.sampled_from(["check", "extract", "report"]))
    extra = data.draw(st.sampled_from([[], ["--encoding", "latin-1"], ["--encoding", "bogus"],
                                       ["--date", "2021-10-19"], ["--max-bytes", "100"]]))
    out, err = io.StringIO(), io.StringIO()
    if command == "check":
        args = ["check", *paths, "--format", "json", *extra]
    elif command == "extract":
        args = ["extract", *paths, "--format", data.draw(st.sampled_from(["jsonl", "csv"])), *extra]
    else:
        args = ["report", *paths, "-o", str(folder / "r.html"), *extra]
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        rc = main(args)
    assert rc in (0, 1, 2), (rc, args, err.getvalue()[-500:])
    assert "Traceback" not in err.getvalue()
    if (command == "check" and rc != 2) or (command == "check" and out.getvalue()):
        if "--encoding" in extra and "bogus" in extra:
            return
        doc = json.loads(out.getvalue())
        if expected is not None and "--max-bytes" not in extra:
            assert doc["summary"]["documents"] == expected, (expected, args, doc["summary"])
        assert len({d["doc"] for d in doc["documents"]}) == len(doc["documents"])


def is_finite(v) -> bool:
    try:
        return math.isfinite(v)
    except TypeError:
        return isinstance(v, Decimal) and v.is_finite()
