"""Micro-benchmark of figures.unit_match.match_unit: calls per second on a news-like mix.

    python bench/unit_match.py

The mix reflects what follows a number in news: mostly counted nouns, scale words and
punctuation (the fast reject path), then units of every shape.
"""

from __future__ import annotations

import time

from figures.unit_match import match_unit

MIX = [
    ("a 101| kWh battery", 3), ("an 800| km range", 3), ("0-100| km/h in", 2),
    ("3.2 million| barrels a day", 2), ("-18| °C to", 1), ("a six|-mile trip", 1),
    ("20| (kg) of", 1), ("0.9 trillion| cubic feet", 1), ("17.9| kWh/100 km", 1),
    ("5| pounds of", 1), ("grew 12|% in", 8), ("hired 300| people last", 10),
    ("in 2023|, the", 10), ("$5| billion", 8), ("rose 3.5| per cent", 4),
    ("the 1990|s saw", 1), ("sold 40,000| vehicles per", 3), ("at 5| pm on", 1),
]


def main() -> None:
    calls = [(t.replace("|", ""), t.index("|")) for t, w in MIX for _ in range(w)]
    match_unit(*calls[0])  # build the tables once
    rounds = 2000
    t0 = time.perf_counter()
    for _ in range(rounds):
        for text, pos in calls:
            match_unit(text, pos)
    dt = time.perf_counter() - t0
    n = rounds * len(calls)
    hits = sum(match_unit(t, p) is not None for t, p in calls)
    print(f"{n} calls in {dt:.3f} s: {n / dt:,.0f} calls/s, {dt / n * 1e6:.2f} µs per call "
          f"({hits}/{len(calls)} of the mix are units)")
    for text, pos in calls[:1] + [c for c in calls if "kWh/100" in c[0]][:1] + \
            [c for c in calls if "people" in c[0]][:1]:
        t0 = time.perf_counter()
        for _ in range(20000):
            match_unit(text, pos)
        print(f"  {text!r}: {(time.perf_counter() - t0) / 20000 * 1e6:.2f} µs")


if __name__ == "__main__":
    main()
