"""Check a folder of articles and export every finding to CSV.

    python examples/check_folder.py [--seeds DIR] [--out DIR]

Reads the .txt articles (the date comes from each article's `date YYYY-MM-DD` line), checks
them as one run (so facts stated in two articles are compared), and writes findings.csv with
one row per finding: doc, check, status, severity, message, mentions (JSON), details (JSON),
cross_document. Consistent findings are kept: they show what was verified.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

import figures.dataframe.frame
import figures.io.export
from figures.io.inputs import read_documents

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(SEEDS), help="folder of .txt articles")
    ap.add_argument("--out", default=".", help="folder for findings.csv (default: here)")
    args = ap.parse_args(argv)

    docs = [d for d in read_documents([args.seeds]) if hasattr(d, "text")]
    articles = pd.DataFrame({"id": [d.doc for d in docs], "text": [d.text for d in docs],
                             "date": [d.date for d in docs]})
    found = figures.dataframe.frame.check_frame(articles)
    summary = found.attrs["figures_summary"]

    path = Path(args.out) / "findings.csv"
    path.parent.mkdir(parents=True, exist_ok=True)
    n = figures.io.export.to_csv(found, path)
    print(found.groupby(["check", "status"]).size().to_string())
    print(f"\n{summary['documents']} documents, {summary['with_figures']} with figures; "
          f"wrote {n} findings to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
