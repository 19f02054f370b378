"""Normalize a mixed-currency price table to US dollars, vectorized, and save it as CSV.

    python examples/normalize_table.py [--out DIR] [--to USD]

Every row gets normalized_value, rate, rate_date (the ECB day actually used: a Saturday uses
Friday's rate), rate_source, and rate_note when there is no rate (RUB after the ECB stopped
publishing it in March 2022, TWD which the ECB never published, a missing date).
"""

from __future__ import annotations

import argparse
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd

import figures.dataframe.accessor
import figures.io.export

ROWS = [
    ("Xiaomi investment", "10000000000", "CNY", "2021-10-19"),
    ("Xiaomi share price", "13.52", "HKD", "2021-10-19"),
    ("Toyota operating profit", "3000000000000", "JPY", "2023-05-10"),
    ("Tata Motors capex", "291250000000", "INR", "2023-03-04"),  # a Saturday: Friday's rate
    ("Siemens order", "1200000000", "EUR", "2022-06-01"),
    ("Samsung chip plant", "20000000000000", "KRW", "2024-01-15"),
    ("Gazprom dividend", "393000000000", "RUB", "2023-06-30"),  # no ECB rate since 2022-03: NBP table B
    ("TSMC capex", "1000000000000", "TWD", "2023-01-12"),  # not an ECB currency: NBP table A
    ("Undated grant", "5000000", "GBP", None),
    ("US deal", "2500000000", "USD", "2020-02-03"),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=".", help="folder for normalized.csv (default: here)")
    ap.add_argument("--to", default="USD")
    args = ap.parse_args(argv)

    figures.dataframe.accessor.register()
    prices = pd.DataFrame(ROWS, columns=["what", "amount", "currency", "date"])
    prices["amount"] = prices["amount"].map(Decimal).astype(object)
    out = prices.figures.normalize(amount="amount", currency="currency", date="date", to=args.to)

    with pd.option_context("display.width", 160, "display.max_colwidth", 48):
        print(out[["what", "amount", "currency", "date", "normalized_value", "rate_date",
                   "rate_note"]].to_string(index=False))
    path = Path(args.out) / "normalized.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    figures.io.export.to_csv(out, path)
    back = figures.io.export.read_csv(path, types={"amount": "decimal"})
    assert back["normalized_value"].tolist() == out["normalized_value"].tolist()
    print(f"\nwrote {len(out)} rows to {path} ({out['rate'].notna().sum()} converted)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
