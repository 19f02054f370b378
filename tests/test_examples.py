"""Every example in examples/ runs as a user would run it, writing into a temporary folder."""

from __future__ import annotations

import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from figures.io.export import read_csv

from .conftest import REPO

EXAMPLES = REPO / "examples"


def run_example(name: str, out: Path) -> str:
    env = {**os.environ, "MPLBACKEND": "Agg", "PYTHONIOENCODING": "utf-8"}
    proc = subprocess.run([sys.executable, str(EXAMPLES / name), "--out", str(out)],
                          capture_output=True, text=True, env=env, cwd=out, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc.stdout


def test_every_example_is_tested():
    tested = {"normalize_table.py", "check_folder.py", "plot_usd.py", "dask_corpus.py"}
    assert {p.name for p in EXAMPLES.glob("*.py")} == tested


def test_normalize_table(tmp_path):
    out = run_example("normalize_table.py", tmp_path)
    table = read_csv(tmp_path / "normalized.csv", types={"amount": "decimal"})
    assert len(table) == 10 and "wrote 10 rows" in out
    cny = table[table["currency"] == "CNY"].iloc[0]
    assert cny["normalized_value"] == Decimal("1565185861.624409110442629996")
    # RUB after the ECB's series ended and TWD (never in it) convert through the NBP tables
    for code in ("RUB", "TWD"):
        assert table[table["currency"] == code]["rate_source"].str.startswith("NBP").all()
    assert table["rate"].notna().sum() == 9


def test_check_folder(tmp_path):
    out = run_example("check_folder.py", tmp_path)
    found = read_csv(tmp_path / "findings.csv")
    assert len(found) > 0 and {"conversion", "same_fact"} <= set(found["check"])
    assert found["cross_document"].any()
    assert f"wrote {len(found)} findings" in out


def test_plot_usd(tmp_path):
    pytest.importorskip("matplotlib")
    out = run_example("plot_usd.py", tmp_path)
    png = tmp_path / "figures_usd.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert "money figures from 5 articles" in out


def test_dask_corpus(tmp_path):
    pytest.importorskip("distributed")
    out = run_example("dask_corpus.py", tmp_path)
    assert '"documents": 5' in out and "across articles" in out
    assert len(list((tmp_path / "figures").glob("part-*.parquet"))) == 3
    found = read_csv(tmp_path / "findings" / "findings.csv")
    assert found["cross_document"].any() and not found["cross_document"].all()
