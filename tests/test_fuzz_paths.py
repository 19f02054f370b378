"""The standing fuzz target for the paths around the extractor (issue 12), CI-sized: argument
types for every public function and file shapes for every CLI command. bench/fuzz_paths.py runs
the same cases 100,000 times."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.paths_fuzz import api_case, cli_case

CI = settings(max_examples=150, deadline=None, derandomize=True,
              suppress_health_check=list(HealthCheck))


@CI
@given(st.data())
def test_public_functions_raise_only_figures_errors(data):
    api_case(data)


@CI
@given(st.data())
def test_cli_commands_never_lose_a_document_or_trace_back(data):
    with tempfile.TemporaryDirectory() as tmp:
        cli_case(data, Path(tmp))


def test_check_takes_nat_as_no_date():
    import pandas as pd

    import figures

    r = figures.check("The port will spend RMB 10 billion ($1.54 billion).", date=pd.NaT)
    assert r.documents[0].date is None
