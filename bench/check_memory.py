"""Peak memory of `figures check` on one huge document (issue 12 item 5).

    python bench/check_memory.py [--mb 20 100] [--shapes line cell] [--base DIR] [--keep]

Builds each input in a temp dir: `line` is a .txt of invented news prose without a single line
break (five sentences in random order, about one figure per 40 characters), `cell` is a CSV
whose one row holds the same prose in one cell. Each run is
`figures check FILE --format json -o /dev/null -q` (dated 2023-06-01) under `/usr/bin/time`;
it prints seconds, peak RSS, RSS / input, and the RSS above the constant (the peak of the same
command on a 0.2 MB line: interpreter, rate tables, vocabulary) / input, the figure the target
of issue 12 is stated in (<= 4x the largest document plus a constant).

`--base DIR` runs the same inputs with another checkout first on PYTHONPATH (the "before":
e.g. `git archive main figures | tar -x -C DIR`, plus the compiled extractor copied from an
installed tree). The old code needs about 90x the input: runs whose estimate exceeds 60% of
the available memory are skipped and reported as skipped.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SENTENCES = (
    "Harbor Logistics said revenue rose 12.5% to $4.2 billion in 2023, from $3.73 billion a "
    "year earlier.",
    "The group will invest RMB 10 billion ($1.38 billion) in a new plant near Wuxi.",
    "Its workforce grew by about 1,200 people to 5,400 people from 4,200 people.",
    "Shares of Harbor Logistics closed at HK$21.35, up 3.4%, after it set a production "
    "capacity of 150,000 vehicles per year.",
    "Half of the budget goes to research, a quarter to marketing and the remaining quarter to "
    "other costs.",
)
OLD_RSS_PER_INPUT = 95  # measured: 1,862 MB for 20 MB (bench/MEMORY.md)


def prose(size: int, seed: int = 7):
    """Pieces of one line of prose, `size` characters in all."""
    r = random.Random(seed)
    n = 0
    while n < size:
        s = r.choice(SENTENCES) + " "
        yield s
        n += len(s)


def build(shape: str, path: Path, size: int) -> None:
    if shape == "line":
        with path.open("w", encoding="utf-8") as out:
            for piece in prose(size):
                out.write(piece)
        return
    with path.open("w", encoding="utf-8", newline="") as out:
        csv.writer(out).writerow(["id", "date", "text"])
        out.write('big,2023-06-01,"')
        for piece in prose(size):
            out.write(piece.replace('"', '""'))
        out.write('"\r\n')


def available_mb() -> int:
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemAvailable:"):
            return int(line.split()[1]) // 1024
    return 0


def measure(path: Path, base: str | None) -> tuple[float, int]:
    env = dict(os.environ)
    if base:
        env["PYTHONPATH"] = base
    args = [sys.executable, "-m", "figures.cli", "check", str(path), "--format", "json",
            "-o", os.devnull, "-q"]
    if path.suffix == ".txt":
        args += ["--date", "2023-06-01"]
    t = time.perf_counter()
    proc = subprocess.run(["/usr/bin/time", "-f", "%M", *args], capture_output=True, text=True,
                          env=env, cwd=tempfile.gettempdir())
    secs = time.perf_counter() - t
    if proc.returncode not in (0, 1):  # 1: findings reached --fail-on
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.strip()[-500:]}")
    m = re.search(r"(\d+)\s*$", proc.stderr)
    return secs, int(m.group(1)) // 1024 if m else -1


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, nargs="+", default=[20, 100])
    ap.add_argument("--shapes", nargs="+", choices=("line", "cell"), default=["line", "cell"])
    ap.add_argument("--base", help="a checkout to measure as 'before' (PYTHONPATH)")
    ap.add_argument("--keep", action="store_true")
    a = ap.parse_args()
    if not Path("/usr/bin/time").exists():
        raise SystemExit("needs /usr/bin/time (apt-get install time)")
    tmp = Path(tempfile.mkdtemp(prefix="figures-checkmem-"))
    try:
        small = tmp / "constant.txt"
        build("line", small, 200_000)
        constant = {label: measure(small, base)[1]
                    for label, base in ([("before", a.base)] if a.base else []) + [("after", None)]}
        small.unlink()
        print(f"constant (0.2 MB line): {', '.join(f'{k} {v:,} MB' for k, v in constant.items())}")
        print("| input | build | seconds | peak RSS MB | RSS / input | above the constant / input |\n"
              "|---|---|---|---|---|---|", flush=True)
        for mb in a.mb:
            for shape in a.shapes:
                path = tmp / (f"line{mb:g}.txt" if shape == "line" else f"cell{mb:g}.csv")
                build(shape, path, int(mb * 1e6))
                builds = ([("before", a.base)] if a.base else []) + [("after", None)]
                for label, base in builds:
                    name = f"{mb:g} MB {'single line .txt' if shape == 'line' else 'CSV, one cell'}"
                    if label == "before" and mb * OLD_RSS_PER_INPUT > 0.6 * available_mb():
                        print(f"| {name} | {label} | skipped | ~{mb * OLD_RSS_PER_INPUT:,.0f} "
                              f"(estimate) | ~{OLD_RSS_PER_INPUT}x | |", flush=True)
                        continue
                    secs, rss = measure(path, base)
                    above = (rss - constant[label]) / mb
                    print(f"| {name} | {label} | {secs:.0f} | {rss:,} | {rss / mb:.1f}x | {above:.2f}x |",
                          flush=True)
                if not a.keep:
                    path.unlink()
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
