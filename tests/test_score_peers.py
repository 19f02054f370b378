"""bench/score_peers.py: the RESULTS.md section it refreshes, and a clean skip without ../shared."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def sp():
    spec = importlib.util.spec_from_file_location("score_peers", REPO / "bench" / "score_peers.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_missing_shared_folder_is_a_message_not_an_error(sp, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sp, "SCORERS", tmp_path / "absent")
    assert sp.main([]) == 0
    assert "nothing to score" in capsys.readouterr().out


def test_section_is_appended_once_then_replaced_in_place(sp, tmp_path):
    md = tmp_path / "RESULTS.md"
    md.write_text("# Benchmark\n\ntable\n", encoding="utf-8")
    first = sp.Score("suite A", rows=10, hits=6, wrong_value=1, wrong_currency=1)
    sp.write_section(sp.SECTION + "\n\n" + sp.table([first]) + "\n", md)
    md.write_text(md.read_text(encoding="utf-8") + "\n## Later section\nkept\n", encoding="utf-8")
    second = sp.Score("suite A", rows=10, hits=9, wrong_value=0, wrong_currency=0)
    sp.write_section(sp.SECTION + "\n\n" + sp.table([second]) + "\n", md)
    text = md.read_text(encoding="utf-8")
    assert text.startswith("# Benchmark\n\ntable\n")
    assert text.count(sp.SECTION) == 1
    assert "| suite A | 10 | 9 (90.0%) | 0 | 0 | 0.0% | 1 |" in text
    assert "6 (60.0%)" not in text
    assert text.rstrip().endswith("## Later section\nkept")


def test_wrong_and_missed_are_counted_apart(sp):
    s = sp.Score("x", rows=20, hits=12, wrong_value=3, wrong_currency=2)
    assert (s.wrong, s.missed) == (5, 3)
