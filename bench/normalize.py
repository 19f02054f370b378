"""Vectorized normalization (`df.figures.normalize`) against a per-row `figures.convert` loop.

    python bench/normalize.py [--n 1000000] [--loop 100000] [--runs 3]

The frame has `--n` rows: Decimal amounts with cents (or strings, --amounts str), 12
currencies (USD, the target, among them), datetime64 dates over 2015..2024 (or dates or ISO
strings, --dates), and rows without a rate (RUB after 2022-03-01, an unknown code). The loop converts the first `--loop` rows one
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


def make_frame(n: int, seed: int = 20211019, amounts_as: str = "decimal",
               dates_as: str = "datetime64"):
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
    dates = pd.Series(days.astype("datetime64[D]").astype("datetime64[s]"))
    if dates_as != "datetime64":
        dates = pd.Series([t.date() for t in dates], dtype=object)
        if dates_as == "str":
            dates = dates.map(str)
    if amounts_as == "str":
        amounts = np.asarray([str(a) for a in amounts], dtype=object)
    return pd.DataFrame({
        "amount": pd.Series(amounts, dtype=object),
        "currency": currency,
        "date": dates,
    })


def loop(df, to: str, m: int) -> tuple[float, list]:
    from figures.errors import FiguresError
    from figures.normalize.convert import convert

    days = [t.date() if hasattr(t, "date") else t for t in df["date"].iloc[:m]]
    rows = list(zip(df["amount"].tolist()[:m], df["currency"].tolist()[:m], days, strict=True))
    out = []
    t, c0 = time.perf_counter(), time.process_time()
    for a, c, d in rows:
        try:
            f = convert(a, c, to, d)
            out.append((f.normalized_value, f.rate, f.rate_date, f.rate_source))
        except FiguresError:
            out.append(None)
    return time.perf_counter() - t, time.process_time() - c0, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=1_000_000)
    ap.add_argument("--loop", type=int, default=100_000, help="rows for the per-row loop")
    ap.add_argument("--runs", type=int, default=3, help="vectorized runs (median)")
    ap.add_argument("--to", default="USD")
    ap.add_argument("--amounts", choices=("decimal", "str"), default="decimal",
                    help="amount column of Decimals (default) or of strings")
    ap.add_argument("--dates", choices=("datetime64", "date", "str"), default="datetime64",
                    help="date column dtype (default datetime64)")
    args = ap.parse_args()

    import figures.dataframe.accessor
    from figures.normalize.rates.table import RateTable

    figures.dataframe.accessor.register()
    RateTable.default().rate("EUR", "USD", "2021-10-19")  # load the table outside the timing
    df = make_frame(args.n, amounts_as=args.amounts, dates_as=args.dates)

    times, cpu = [], []
    for _ in range(args.runs):
        t, c0 = time.perf_counter(), time.process_time()
        res = df.figures.normalize(to=args.to)
        times.append(time.perf_counter() - t)
        cpu.append(time.process_time() - c0)
    t_vec, c_vec = statistics.median(times), statistics.median(cpu)

    m = min(args.loop, args.n)
    t_loop, c_loop, expected = loop(df, args.to, m)
    t_loop_n, c_loop_n = t_loop / m * args.n, c_loop / m * args.n

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
          f"{df['currency'].nunique()} currencies; amounts {args.amounts}, dates {args.dates})")
    print(f"  vectorized df.figures.normalize   {t_vec:8.3f} s   (median of {args.runs}; "
          f"target < 2 s: {'ok' if t_vec < 2 else 'MISSED'})")
    print(f"  per-row figures.convert loop      {t_loop_n:8.3f} s   ({t_loop:.2f} s for "
          f"{m:,} rows, {t_loop / m * 1e6:.1f} us per row, scaled)")
    ratio = t_loop_n / t_vec
    print(f"  ratio                             {ratio:8.1f}x  (target >= 50x: "
          f"{'ok' if ratio >= 50 else 'MISSED'})")
    print(f"  CPU time (less sensitive to a busy machine): vectorized {c_vec:.3f} s, loop "
          f"{c_loop_n:.3f} s, ratio {c_loop_n / c_vec:.1f}x")
    print(f"  exact agreement on {m:,} rows: {m - mismatches:,} equal, {mismatches} differ")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
