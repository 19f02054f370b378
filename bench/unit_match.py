"""Micro-benchmark of figures.extract.unit_match.match_unit: calls per second on a news-like mix.

    python bench/unit_match.py

The mix reflects what follows a number in news: mostly counted nouns, scale words and
punctuation (the fast reject path), then units of every shape. Each figure is the best of
REPEATS runs, so a busy machine inflates it less.
"""

from __future__ import annotations

import re
import time

from figures.extract.unit_match import first_words, match_unit

REPEATS = 7
_PEEK = re.compile(r"[\s\-(\[{]?([^\W\d_]+|[°º℃℉])")  # stands in for the extractor's peek

MIX = [
    ("a 101| kWh battery", 3), ("an 800| km range", 3), ("0-100| km/h in", 2),
    ("3.2 million| barrels a day", 2), ("-18| °C to", 1), ("a six|-mile trip", 1),
    ("20| (kg) of", 1), ("0.9 trillion| cubic feet", 1), ("17.9| kWh/100 km", 1),
    ("5| pounds of", 1), ("grew 12|% in", 8), ("hired 300| people last", 10),
    ("in 2023|, the", 10), ("$5| billion", 8), ("rose 3.5| per cent", 4),
    ("the 1990|s saw", 1), ("sold 40,000| vehicles per", 3), ("at 5| pm on", 1),
]


def _best(fn, calls: list, rounds: int) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        for _ in range(rounds):
            for text, pos in calls:
                fn(text, pos)
        best = min(best, time.perf_counter() - t0)
    return best / (rounds * len(calls))


def main() -> None:
    calls = [(t.replace("|", ""), t.index("|")) for t, w in MIX for _ in range(w)]
    match_unit(*calls[0])  # build the tables once
    gate = first_words()

    def gated(text: str, pos: int) -> None:
        pk = _PEEK.match(text, pos)
        if pk is not None and pk.group(1).lower() in gate:
            match_unit(text, pos)

    hits = sum(match_unit(t, p) is not None for t, p in calls)
    per_call = _best(match_unit, calls, 300)
    print(f"mix ({hits}/{len(calls)} are units): {1 / per_call:,.0f} calls/s, "
          f"{per_call * 1e6:.2f} µs per call")
    per_call = _best(gated, calls, 300)
    print(f"gated by first_words() after a peek: {per_call * 1e6:.2f} µs per number")
    for label, probe in (("unit", "a 101| kWh battery"), ("compound", "17.9| kWh/100 km"),
                         ("range unit", "3.2 million| barrels a day"),
                         ("counted noun", "hired 300| people last"), ("percent", "grew 12|% in")):
        one = [(probe.replace("|", ""), probe.index("|"))]
        print(f"  {label:13s} {probe!r}: {_best(match_unit, one, 5000) * 1e6:.2f} µs")


if __name__ == "__main__":
    main()
