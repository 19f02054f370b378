"""Scale out with Dask: a folder of articles to Parquet figures and cross-checked findings.

    python examples/dask_corpus.py [--seeds DIR] [--out DIR] [--workers 2]

Starts a local Dask cluster (the same code runs on a real one: pass its scheduler address to
distributed.Client), writes one Parquet file per partition of the corpus with every figure in
US dollars, and checks the corpus: each article inside its partition, and facts stated in
several articles through a shuffle keyed by metric (figures.dataframe.dask explains the split).
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seeds", default=str(SEEDS), help="folder of .txt articles")
    ap.add_argument("--out", default=".", help="folder for figures/ and findings/ (default: here)")
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args(argv)

    from distributed import Client, LocalCluster

    # The P2P shuffle logs its start and end as warnings; they are routine here.
    logging.getLogger("distributed.shuffle").setLevel(logging.ERROR)

    import figures.dataframe.dask as fd
    from figures.io.export import read_parquet

    out = Path(args.out)
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, dashboard_address=":0",
                      silence_logs=40) as cluster, Client(cluster):
        summary = fd.corpus_to_parquet(args.seeds, out / "figures", to="USD",
                                       files_per_partition=2)
        docs = fd.read_corpus(args.seeds, files_per_partition=2)
        found = fd.check_frame(docs).compute()

    figs = read_parquet(out / "figures")
    money = figs[figs["kind"] == "money"]
    print(json.dumps({k: summary[k] for k in ("documents", "with_figures", "rows", "files")}))
    per_doc = money.groupby("doc").agg(money=("text", "size"),
                                       converted=("normalized_float", "count"),
                                       largest_usd=("normalized_float", "max"))
    print(per_doc.to_string(float_format=lambda x: f"{x:,.0f}"))
    cross = found[found["cross_document"]]
    print(f"{len(found)} findings, {len(cross)} across articles:")
    for r in cross.itertuples():
        print(f"  {r.check} {r.status}: {r.message[:110]}")
    (out / "findings").mkdir(parents=True, exist_ok=True)
    from figures.io.export import to_csv

    to_csv(found, out / "findings" / "findings.csv")
    return 0


if __name__ == "__main__":
    sys.exit(main())
