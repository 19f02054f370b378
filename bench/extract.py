"""Extraction throughput: figures on a >= 10 MB corpus, quantulum3 on a 100 KB slice, and a
bare digit-regex scan as the floor, all in the same run. Prints MB/s and the ratio.

    python bench/extract.py [--mb 10] [--peer-kb 100]

quantulum3 is optional (pip install quantulum3 in the bench environment); without it the
peer line says so.
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import corpus, size_mb

import figures


def timed(fn, paras: list[str]) -> tuple[float, int]:
    t = time.perf_counter()
    n = 0
    for p in paras:
        n += len(fn(p))
    return time.perf_counter() - t, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=10.0)
    ap.add_argument("--peer-kb", type=float, default=100.0)
    args = ap.parse_args()
    paras = corpus(int(args.mb * 1e6))
    mb = size_mb(paras)
    figures.extract(paras[0])  # warm caches and lazy imports outside the timing
    dt, n = timed(figures.extract, paras)
    ours = mb / dt
    print(f"figures.extract     {mb:7.2f} MB  {dt:7.2f} s  {ours:8.2f} MB/s  {n} figures")

    digits = re.compile(r"\d+(?:[.,]\d+)*")
    dt_re, _ = timed(digits.findall, paras)
    print(f"digit regex floor   {mb:7.2f} MB  {dt_re:7.2f} s  {mb / dt_re:8.2f} MB/s")

    peer_paras = corpus(int(args.peer_kb * 1e3))
    peer_mb = size_mb(peer_paras)
    try:
        from quantulum3 import parser as q3
    except ImportError:
        print("quantulum3          not installed (pip install quantulum3) - no ratio")
        return
    q3.parse(peer_paras[0])
    dt_q, nq = timed(q3.parse, peer_paras)
    theirs = peer_mb / dt_q
    print(f"quantulum3          {peer_mb:7.2f} MB  {dt_q:7.2f} s  {theirs:8.3f} MB/s  {nq} quantities")
    print(f"ratio figures/quantulum3: {ours / theirs:,.0f}x")


if __name__ == "__main__":
    main()
