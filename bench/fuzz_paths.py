"""Run the paths fuzz target (tests/paths_fuzz.py) for many cases: 100,000 by default.

    python bench/fuzz_paths.py [--cases 100000] [--kind api|cli|both] [--minutes M]

Half the cases call public functions with drawn argument types, half run CLI commands over
drawn file shapes. Any exception outside the FiguresError family, an exit code other than
0/1/2, a traceback, or a lost document stops the run with Hypothesis' minimal example.
`--minutes` stops early (reporting how many cases ran) when time is short.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import warnings
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.paths_fuzz import api_case, cli_case

BATCH = 500


class OutOfTime(Exception):
    pass


def _runner(kind: str, n: int, deadline: float | None, done: dict[str, int]):
    @settings(max_examples=n, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def run(data):
        if kind == "api":
            api_case(data)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                cli_case(data, Path(tmp))
        done[kind] += 1

    return run


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cases", type=int, default=100_000)
    ap.add_argument("--kind", choices=("api", "cli", "both"), default="both")
    ap.add_argument("--minutes", type=float, default=None)
    args = ap.parse_args()
    warnings.simplefilter("ignore", UserWarning)  # the float-amount warning, by design
    deadline = time.monotonic() + args.minutes * 60 if args.minutes else None
    done = {"api": 0, "cli": 0}
    kinds = ("api", "cli") if args.kind == "both" else (args.kind,)
    per_kind = args.cases // len(kinds)
    t0 = time.monotonic()
    try:
        while any(done[k] < per_kind for k in kinds):  # batches alternate between the kinds
            for kind in kinds:
                if deadline and time.monotonic() > deadline:
                    raise OutOfTime  # between batches: a stop inside one would look flaky
                n = min(BATCH, per_kind - done[kind])
                if n > 0:
                    _runner(kind, n, deadline, done)()
                    print(f"{kind}: {done[kind]:,} cases, {time.monotonic() - t0:.0f} s",
                          flush=True)
    except OutOfTime:
        print("stopped at the time limit", flush=True)
    total = sum(done.values())
    print(f"OK: {total:,} cases ({done['api']:,} API, {done['cli']:,} CLI) without a failure "
          f"in {time.monotonic() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
