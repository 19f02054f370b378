"""Vectorized normalization (`df.figures.normalize`) against a per-row `figures.convert` loop.

    python bench/normalize.py [--n 1000000] [--loop 100000] [--runs 3]

The frame has `--n` rows: Decimal amounts with cents, 12 currencies (USD, the target, among
them), datetime64 dates over 2015..2024, and a sprinkle of rows without a rate (RUB after
2022-03-01, a weekday-less gap, an unknown code). The loop converts the first `--loop` rows one
by one with `figures.convert` (catching NoRate per row, as a caller must) and is scaled to
`--n` rows. Both results are compared on those rows, exactly (str of each Decimal).
Targets: 1M rows in < 2 s, and >= 50x the loop.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from datetime import date
from decimal import Decimal

CODES = ("USD", "EUR", "JPY", "GBP", "CNY", "HKD", "CHF", "INR", "KRW", "SGD", "AUD", "RUB")


def make_frame(n: int, seed: int = 20211019):
    import numpy as np
    import pandas as pd

    rng = np.random.default_rng(seed)
    cents = rng.integers(1, 10**11, size=n)
    amounts = np.empty(n, dtype=object)
    amounts[:] = [Decimal(int(c)).scaleb(-2) for c in cents.tolist()]
    lo, hi = date(2015, 1, 1).toordinal(), date(2024, 12, 31).toordinal()
    days = rng.integers(lo, hi + 1, size=n) - date(1970, 1, 1).toordinal()
    currency = np.asarray(CODES, dtype=object)[rng.integers(0, len(CODES), size=n)]
    currency[rng.random(n) < 0.001] = "XYZ"
    return pd.DataFrame({
        "amount": pd.Series(amounts, dtype=object),
        "currency": currency,
        "date": days.astype("datetime64[D]").astype("datetime64[s]"),
    })


def loop(df, to: str, m: int) -> tuple[float, list]:
    from figures.errors import FiguresError
    from figures.normalize import convert

    rows = list(zip(df["amount"].tolist()[:m], df["currency"].tolist()[:m],
                    [t.date() for t in df["date"].iloc[:m]], strict=True))
    out = []
    t = time.perf_counter()
    for a, c, d in rows:
        try:
            f = convert(a, c, to, d)
            out.append((f.normalized_value, f.rate, f.rate_date, f.rate_source))
        except FiguresError:
            out.append(None)
    return time.perf_counter() - t, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--loop", type=int, default=100_000, help="rows for the per-row loop")
    ap.add_argument("--runs", type=int, default=3, help="vectorized runs (median)")
    ap.add_argument("--to", default="USD")
    args = ap.parse_args()

    import figures.accessor
    from figures.rates import RateTable

    figures.accessor.register()
    RateTable.default().rate("EUR", "USD", "2021-10-19")  # load the table outside the timing
    df = make_frame(args.n)

    times = []
    for _ in range(args.runs):
        t = time.perf_counter()
        res = df.figures.normalize(to=args.to)
        times.append(time.perf_counter() - t)
    t_vec = statistics.median(times)

    m = min(args.loop, args.n)
    t_loop, expected = loop(df, args.to, m)
    t_loop_n = t_loop / m * args.n

    got = list(zip(res["normalized_value"].tolist()[:m], res["rate"].tolist()[:m],
                   res["rate_date"].tolist()[:m], res["rate_source"].tolist()[:m], strict=True))
    mismatches = 0
    for e, g in zip(expected, got, strict=True):
        if e is None:
            mismatches += g[0] is not None
        else:
            mismatches += tuple(map(str, e)) != tuple(map(str, g))
    with_rate = res["rate"].notna().sum()

    print(f"normalize {args.n:,} rows to {args.to} ({with_rate / args.n:.1%} with a rate, "
          f"{df['currency'].nunique()} currencies)")
    print(f"  vectorized df.figures.normalize   {t_vec:8.3f} s   (median of {args.runs}; "
          f"target < 2 s: {'ok' if t_vec < 2 else 'MISSED'})")
    print(f"  per-row figures.convert loop      {t_loop_n:8.3f} s   ({t_loop:.2f} s for "
          f"{m:,} rows, {t_loop / m * 1e6:.1f} us per row, scaled)")
    ratio = t_loop_n / t_vec
    print(f"  ratio                             {ratio:8.1f}x  (target >= 50x: "
          f"{'ok' if ratio >= 50 else 'MISSED'})")
    print(f"  exact agreement on {m:,} rows: {m - mismatches:,} equal, {mismatches} differ")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
