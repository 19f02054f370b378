"""bench/claims_scale.py runs end to end on a small generated corpus and reports the planted
disagreements (it measures the cross-document checks; the scores themselves are not asserted
here, and nothing is timed)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "bench" / "claims_scale.py"


def _run(*args: str) -> dict:
    out = subprocess.run([sys.executable, str(SCRIPT), "--json", *args], capture_output=True,
                         text=True, timeout=300, check=True)
    return json.loads(out.stdout)


def test_small_run_completes_and_reports_planted_counts():
    r = _run("--n", "200", "--chunk", "64", "--disagree-rate", "0.3")
    assert r["documents"] == 200
    assert r["chunks"] > 1
    assert 200 / 3 <= r["facts"] <= 100  # two or three reports per fact
    assert 0 < r["planted_disagreements"] < r["facts"]
    assert r["found"] + r["missed"] == r["planted_disagreements"]
    assert r["agreeing_facts"] == r["facts"] - r["planted_disagreements"]
    for key in ("false_alarms", "cross_fact_comparisons", "findings", "agreeing_confirmed"):
        assert isinstance(r[key], int) and r[key] >= 0
    assert r["check_ms_per_doc"] >= 0


@pytest.mark.parametrize(("rate", "all_planted"), [("0", False), ("1", True)])
def test_disagree_rate_sets_the_planted_share(rate, all_planted):
    r = _run("--n", "40", "--disagree-rate", rate)
    assert r["planted_disagreements"] == (r["facts"] if all_planted else 0)


def test_bad_arguments_are_a_usage_error():
    out = subprocess.run([sys.executable, str(SCRIPT), "--n", "1"], capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 2
    assert "need --n >= 2" in out.stderr
