"""Cross-check the two central banks: every pair both publish, over the whole history.

    python bench/nbp_crosscheck.py [--markdown]

For each currency X that the ECB and the NBP both price, on every day both published a fixing
(the same calendar day, no lookup rule involved), compare X/USD from the ECB (crossed through
EUR) with X/USD from the NBP (crossed through PLN), and EUR/PLN directly. The relative
difference |NBP / ECB - 1| is computed in Decimal; the summary gives its median, 99th percentile
and maximum per pair and overall, split by NBP table (A: daily, B: weekly). The ECB fixes at
14:15 CET, the NBP's table A at about 11:00-12:00 CET, so the differences are mostly the market's
moves between the two fixings.
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from figures.normalize.rates import nbp
from figures.normalize.rates.table import RATE_CONTEXT, RateTable


def pct(sorted_values: list[Decimal], p: float) -> Decimal:
    if not sorted_values:
        return Decimal("NaN")
    k = min(len(sorted_values) - 1, max(0, round(p * (len(sorted_values) - 1))))
    return sorted_values[k]


def collect() -> dict[tuple[str, str], list[Decimal]]:
    ecb = RateTable.default()
    tables = nbp.embedded()
    usd_ecb = dict(zip(ecb.series_by_code["USD"].days, ecb.series_by_code["USD"].decimals,
                       strict=True))
    usd = tables.series["USD"]
    usd_nbp = {o: Decimal(v) for o, v, t in zip(usd.days, usd.raw, usd.tables, strict=True)}
    out: dict[tuple[str, str], list[Decimal]] = {}
    for code, s in sorted(ecb.series_by_code.items()):
        n = tables.series.get(code)
        if n is None:
            continue
        ecb_map = dict(zip(s.days, s.decimals, strict=True))
        for o, raw, table in zip(n.days, n.raw, n.tables, strict=True):
            e = ecb_map.get(o)
            if e is None:
                continue
            if code == "PLN":
                continue
            eu, nu = usd_ecb.get(o), usd_nbp.get(o)
            if eu is None or nu is None:
                continue
            # X per USD: ECB (X per EUR)/(USD per EUR); NBP (PLN per USD)/(PLN per X)
            e_x_usd = RATE_CONTEXT.divide(e, eu)
            n_x_usd = RATE_CONTEXT.divide(nu, Decimal(raw))
            out.setdefault((f"{code}/USD", table), []).append(abs(n_x_usd / e_x_usd - 1))
    pln = ecb.series_by_code["PLN"]
    eur = tables.series["EUR"]
    eur_nbp = {o: Decimal(v) for o, v in zip(eur.days, eur.raw, strict=True)}
    for o, v in zip(pln.days, pln.decimals, strict=True):
        if o in eur_nbp:
            out.setdefault(("EUR/PLN", "A"), []).append(abs(eur_nbp[o] / v - 1))
    out.pop(("USD/USD", "A"), None)
    return out


def summary(data: dict[tuple[str, str], list[Decimal]]) -> list[tuple[str, str, int, Decimal,
                                                                        Decimal, Decimal]]:
    rows = []
    for (pair, table), vals in sorted(data.items()):
        vals = sorted(vals)
        rows.append((pair, table, len(vals), pct(vals, 0.5), pct(vals, 0.99), vals[-1]))
    for table in ("A", "B"):
        allv = sorted(v for (_, t), vs in data.items() if t == table for v in vs)
        if allv:
            rows.append((f"all pairs, table {table}", table, len(allv), pct(allv, 0.5),
                         pct(allv, 0.99), allv[-1]))
    allv = sorted(v for vs in data.values() for v in vs)
    rows.append(("all pairs", "A+B", len(allv), pct(allv, 0.5), pct(allv, 0.99), allv[-1]))
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()
    rows = summary(collect())
    if args.markdown:
        print("| pair | NBP table | days | median | p99 | max |")
        print("|---|---|---:|---:|---:|---:|")
        for pair, table, n, med, p99, mx in rows:
            print(f"| {pair} | {table} | {n} | {med * 100:.3f}% | {p99 * 100:.3f}% | "
                  f"{mx * 100:.2f}% |")
    else:
        for pair, table, n, med, p99, mx in rows:
            print(f"{pair:22} {table:3} {n:6d}  median {med * 100:7.3f}%  p99 {p99 * 100:7.3f}%"
                  f"  max {mx * 100:7.2f}%")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
