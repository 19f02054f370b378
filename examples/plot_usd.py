"""Plot every money figure of each article, normalized to US dollars at the article's date.

    python examples/plot_usd.py [--seeds DIR] [--out DIR]

One row of dots per article on a log scale, labelled with the figure as printed; figures that
could not be converted (no rate, ambiguous currency) are listed under the plot instead of being
dropped. Uses matplotlib's Agg backend (no display needed) and writes figures_usd.png.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd

import figures.dataframe.frame
from figures.io.inputs import read_documents

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(SEEDS), help="folder of .txt articles")
    ap.add_argument("--out", default=".", help="folder for figures_usd.png (default: here)")
    ap.add_argument("--to", default="USD")
    args = ap.parse_args(argv)

    docs = [d for d in read_documents([args.seeds]) if hasattr(d, "text")]
    articles = pd.DataFrame({"id": [d.doc for d in docs], "text": [d.text for d in docs],
                             "date": [d.date for d in docs]})
    figs = figures.dataframe.frame.extract_frame(articles, to=args.to)
    money = figs[figs["kind"] == "money"]
    shown = money[money["normalized_float"].notna() & (money["normalized_float"] > 0)]
    missing = money[money["normalized_float"].isna()]

    names = list(articles["id"])
    fig, ax = plt.subplots(figsize=(11, 1.5 + 1.1 * len(names)))
    for y, name in enumerate(names):
        rows = shown[shown["doc"] == name].sort_values("normalized_float")
        ax.scatter(rows["normalized_float"], [y] * len(rows), s=28, zorder=3)
        # Alternate labels above and below, further out each time, so near values stay legible.
        for k, (x, label) in enumerate(zip(rows["normalized_float"], rows["text"], strict=True)):
            dy = (8 + 10 * (k // 2)) * (1 if k % 2 == 0 else -1)
            ax.annotate(label, (x, y), xytext=(0, dy), textcoords="offset points", fontsize=7,
                        ha="center", va="bottom" if dy > 0 else "top")
    ax.set_xscale("log")
    ax.set_yticks(range(len(names)), [n.removesuffix(".txt") for n in names], fontsize=8)
    ax.set_ylim(-0.6, len(names) - 0.2)
    ax.set_xlabel(f"amount in {args.to} at the article's date (ECB reference rates, log scale)")
    ax.grid(axis="x", which="major", alpha=0.3)
    ax.set_title("Money figures per article")
    if len(missing):
        notes = "; ".join(f"{r.doc.split('_')[0]}: '{r.text}' ({(r.rate_note or '')[:40]})"
                          for r in missing.itertuples())
        fig.text(0.01, 0.005, "not converted: " + notes, fontsize=6, wrap=True)
    fig.tight_layout()
    path = Path(args.out) / "figures_usd.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=120)
    print(f"plotted {len(shown)} of {len(money)} money figures from {len(names)} articles "
          f"to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
