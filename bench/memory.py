"""Peak memory of `figures extract` on a big text file and a big CSV, streamed.

    python bench/memory.py [--mb 1024] [--jobs 2] [--keep]

Builds the files from the seed paragraphs in a temp dir, runs the CLI under `/usr/bin/time -v`
when it exists (else reads the children's peak RSS from getrusage), and prints the peak RSS and
throughput. Target: below 500 MB RSS for 1 GB inputs.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import seed_paragraphs


def build_text(path: Path, size: int) -> int:
    paras = seed_paragraphs()
    written = 0
    with path.open("w", encoding="utf-8") as out:
        while written < size:
            for p in paras:
                out.write(p + "\n\n")
                written += len(p.encode("utf-8")) + 2
    return written


def build_csv(path: Path, size: int) -> int:
    paras = seed_paragraphs()
    written = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        w = csv.writer(out)
        w.writerow(["id", "date", "text"])
        i = 0
        while written < size:
            text = "\n\n".join(paras[i % len(paras): i % len(paras) + 6])
            w.writerow([f"doc{i}", "2021-10-19", text])
            written += len(text.encode("utf-8")) + 20
            i += 1
    return written


def measure(args: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS in KB of one command. It runs in `cwd`, outside the source
    tree: `python -m figures.cli` started in the repository would import the uncompiled source
    there instead of the installed package."""
    t = time.perf_counter()
    if shutil.which("time") and Path("/usr/bin/time").exists():
        proc = subprocess.run(["/usr/bin/time", "-v", *args], capture_output=True, text=True, cwd=cwd)
        m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
        rss = int(m.group(1)) if m else -1
    else:
        proc = subprocess.run(args, capture_output=True, text=True, cwd=cwd)
        rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(args)} failed: {proc.stderr.strip()[-500:]}")
    return time.perf_counter() - t, rss


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=1024)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "MEMORY.md"),
                    help="Markdown table of the results (default bench/MEMORY.md)")
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="figures-mem-"))
    figures_cmd = [sys.executable, "-m", "figures.cli"] if not shutil.which("figures") else ["figures"]
    results = {}
    try:
        for kind, build in (("text", build_text), ("csv", build_csv)):
            path = tmp / ("big.txt" if kind == "text" else "big.csv")
            size = build(path, int(a.mb * 1e6))
            for jobs in sorted({1, a.jobs}):
                secs, rss = measure([*figures_cmd, "extract", str(path), "--format", "jsonl",
                                     "-o", os.devnull, "--quiet", "--jobs", str(jobs)], tmp)
                mb = size / 1e6
                results[f"{kind} jobs={jobs}"] = {"MB": round(mb), "seconds": round(secs, 1),
                                                  "MB/s": round(mb / secs, 2),
                                                  "peak_rss_MB": round(rss / 1024)}
                print(f"{kind:5} {mb:8.0f} MB  jobs={jobs}  {secs:7.1f} s  {mb / secs:6.2f} MB/s  "
                      f"peak RSS {rss / 1024:6.0f} MB", flush=True)
            path.unlink()
    finally:
        if not a.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(json.dumps(results, indent=1))
    write_markdown(results, Path(a.out), figures_cmd)


def write_markdown(results: dict, path: Path, figures_cmd: list[str]) -> None:
    import platform

    engine = subprocess.run([*figures_cmd, "--version"], capture_output=True, text=True,
                            cwd=tempfile.gettempdir()).stdout.strip()
    rows = [f"| {name} | {r['MB']} | {r['seconds']} | {r['MB/s']} | {r['peak_rss_MB']} |"
            for name, r in results.items()]
    speedups = []
    for kind in ("text", "csv"):
        one, many = results.get(f"{kind} jobs=1"), [k for k in results if k.startswith(kind) and "jobs=1" not in k]
        for k in many:
            speedups.append(f"- {k} vs jobs=1: {one['seconds'] / results[k]['seconds']:.2f}x")
    path.write_text(
        "# Big input: peak memory and throughput of `figures extract`\n\n"
        f"Produced by `python bench/memory.py` on {time.strftime('%Y-%m-%d')}, "
        f"{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, "
        f"{engine}. Each run is `figures extract FILE --format jsonl -o /dev/null --quiet --jobs N` "
        "under `/usr/bin/time -v` (peak RSS: the largest process, parent or worker); the files are "
        "the seed paragraphs repeated (the CSV has id, date and text columns).\n\n"
        "| run | MB | seconds | MB/s | peak RSS MB |\n|---|---|---|---|---|\n"
        + "\n".join(rows) + "\n\n" + "\n".join(speedups) + "\n",
        encoding="utf-8",
    )


if __name__ == "__main__":
    main()
