"""figures.dataframe.frame: extract_frame, check_frame and the df.figures accessor."""

from __future__ import annotations

import copy
import json
import subprocess
import sys
from datetime import date, datetime
from decimal import Decimal

import numpy as np
import pandas as pd
import pytest

import figures.dataframe.accessor
from figures.checks.runner import check_documents
from figures.dataframe.frame import FrameSummary, check_frame, extract_frame, figures_to_frame
from figures.errors import InputError
from figures.extract import extract
from figures.io.export import FIGURE_FIELDS, FINDING_FIELDS, FLOAT_FIELDS
from figures.io.inputs import read_documents

from .conftest import SEEDS

figures.dataframe.accessor.register()

XIAOMI = "Xiaomi will invest RMB 10 billion ($1.54 billion) initially."
DAY = date(2021, 10, 19)


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    docs = list(read_documents([SEEDS]))
    return pd.DataFrame({"id": [d.doc for d in docs], "text": [d.text for d in docs],
                         "date": [d.date for d in docs]})


# ---- extract_frame ---------------------------------------------------------------------------


def test_columns_and_dtypes_follow_the_contract(seeds):
    out = extract_frame(seeds, to="USD")
    assert tuple(out.columns) == FIGURE_FIELDS + FLOAT_FIELDS
    assert out["start"].dtype == np.int64 and out["end"].dtype == np.int64
    assert out["value_float"].dtype == np.float64
    for col in ("value", "precision", "normalized_value", "rate"):
        assert out[col].dtype == object
        assert {type(v) for v in out[col]} <= {Decimal, type(None)}
    assert {type(v) for v in out["date"]} == {date}
    assert {type(v) for v in out["kind"]} == {str}
    assert {type(v) for v in out["currency_candidates"]} == {tuple}


def test_rows_equal_extract_document_by_document(seeds):
    out = extract_frame(seeds, to="USD", floats=False)
    expected = []
    for row in seeds.itertuples():
        expected.extend(extract(row.text, date=row.date, doc=row.id, to="USD"))
    assert len(out) == len(expected)
    assert out.to_dict("records") == figures_to_frame(expected, floats=False).to_dict("records")


def test_float_columns_are_the_point_values():
    out = extract_frame(pd.DataFrame({"text": ["between $8 and $10 billion", XIAOMI]}))
    assert out.loc[0, "value"] is None and out.loc[0, "value_float"] == 9e9
    assert out.loc[1, "value_float"] == 1e10


def test_summary_counts_every_row():
    df = pd.DataFrame({"id": ["a", "b", "c", "d"],
                       "text": [XIAOMI, None, "no numbers here", 42]})
    out = extract_frame(df)
    s = out.attrs["figures_summary"]
    assert isinstance(s, FrameSummary)
    assert s["documents"] == 4 and s["with_figures"] == 1
    assert s["without_figures"] == ("c",)
    assert [(b["index"], b["doc"]) for b in s["bad_rows"]] == [(1, "b"), (3, "d")]
    assert "missing" in s["bad_rows"][0]["reason"] and "int" in s["bad_rows"][1]["reason"]
    assert json.loads(json.dumps(s.to_dict()))["documents"] == 4
    assert copy.deepcopy(s) is s  # pandas deep-copies attrs on every operation


def test_summary_survives_pandas_operations():
    out = extract_frame(pd.DataFrame({"text": [XIAOMI, "none"]}))
    assert out.head(1).attrs["figures_summary"]["without_figures"] == ("1",)


@pytest.mark.parametrize("value", [
    "2021-10-19", "19 October 2021", DAY, datetime(2021, 10, 19, 8, 30),
    pd.Timestamp("2021-10-19 23:00"), pd.Timestamp("2021-10-19 08:00", tz="Asia/Shanghai"),
    np.datetime64("2021-10-19"),
])
def test_date_values_of_any_kind(value):
    df = pd.DataFrame({"text": [XIAOMI], "date": pd.Series([value], dtype=object)})
    out = extract_frame(df, to="USD")
    assert set(out["date"]) == {DAY}
    assert out.loc[0, "rate_date"] == DAY


@pytest.mark.parametrize("dtype", ["datetime64[ns]", "datetime64[s]", "str", object])
def test_date_columns_of_any_dtype(dtype):
    df = pd.DataFrame({"text": [XIAOMI, XIAOMI],
                       "date": pd.Series(["2021-10-19", None]).astype(dtype)})
    out = extract_frame(df)
    assert out["date"].tolist() == [DAY, DAY, None, None]


def test_undated_rows_fall_back_to_the_date_line():
    df = pd.DataFrame({"text": ["date 2021-10-19\n" + XIAOMI], "date": [None]})
    assert set(extract_frame(df)["date"]) == {DAY}


def test_missing_default_date_column_means_no_dates():
    out = extract_frame(pd.DataFrame({"text": [XIAOMI]}), to="USD")
    assert out["date"].tolist() == [None, None]
    assert out["rate_note"].str.startswith("no date").all()


def test_a_single_date_for_every_row():
    out = extract_frame(pd.DataFrame({"text": [XIAOMI]}), date=DAY)
    assert set(out["date"]) == {DAY}


def test_a_bad_date_is_a_bad_row():
    df = pd.DataFrame({"id": ["x", "y"], "text": [XIAOMI, XIAOMI],
                       "date": ["2021-10-19", "not a date"]})
    out = extract_frame(df)
    assert set(out["doc"]) == {"x"}
    (bad,) = out.attrs["figures_summary"]["bad_rows"]
    assert bad["doc"] == "y" and "not a date" in bad["reason"]


def test_ids_default_to_the_index():
    df = pd.DataFrame({"text": [XIAOMI]}, index=[17])
    assert set(extract_frame(df)["doc"]) == {"17"}
    df = pd.DataFrame({"id": [3, None], "text": [XIAOMI, XIAOMI]}, index=[10, 11])
    assert set(extract_frame(df)["doc"]) == {"3", "11"}


@pytest.mark.parametrize("kwargs, message", [
    ({"text": "body"}, "no 'body' column"),
    ({"date": "published"}, "no 'published' column"),
    ({"doc": "key"}, "no 'key' column"),
])
def test_named_columns_must_exist(kwargs, message):
    with pytest.raises(InputError, match=message):
        extract_frame(pd.DataFrame({"text": [XIAOMI]}), **kwargs)


def test_not_a_frame():
    with pytest.raises(InputError, match="DataFrame"):
        extract_frame([XIAOMI])


def test_empty_frame_keeps_columns_and_dtypes():
    out = extract_frame(pd.DataFrame({"text": pd.Series([], dtype=object)}))
    assert len(out) == 0 and tuple(out.columns) == FIGURE_FIELDS + FLOAT_FIELDS
    assert out["start"].dtype == np.int64 and out["value"].dtype == object


# ---- check_frame -----------------------------------------------------------------------------


def test_check_frame_equals_check_documents(seeds):
    out = check_frame(seeds)
    assert tuple(out.columns) == FINDING_FIELDS
    docs = list(read_documents([SEEDS]))
    report = check_documents(docs)
    assert len(out) == len(report.findings)
    expected = {(f.check, f.status, f.message) for f in report.findings}
    assert set(zip(out["check"], out["status"], out["message"], strict=True)) == expected
    assert out["cross_document"].sum() == len(report.cross_findings)
    m = json.loads(out.loc[0, "mentions"])
    assert set(m[0]) == {"doc", "start", "end", "text"}
    assert isinstance(json.loads(out.loc[0, "details"]), dict)


def test_scope_document_checks_rows_alone(seeds):
    run = check_frame(seeds)
    alone = check_frame(seeds, scope="document")
    assert not alone["cross_document"].any()
    assert run["cross_document"].any()
    one = check_documents(list(read_documents([SEEDS / "000_xiaomi_investor_day_2021.txt"])))
    assert (alone["doc"] == "000_xiaomi_investor_day_2021.txt").sum() == len(one.findings)


def test_check_frame_python_objects_and_summary():
    df = pd.DataFrame({"text": [XIAOMI, None], "date": ["2021-10-19", None]})
    out = check_frame(df, as_json=False)
    assert isinstance(out.loc[0, "mentions"], list) and isinstance(out.loc[0, "details"], dict)
    s = out.attrs["figures_summary"]
    assert (s["documents"], s["with_figures"], len(s["bad_rows"])) == (2, 1, 1)


# ---- the accessor ----------------------------------------------------------------------------


def test_accessor_is_thin_and_never_mutates(seeds):
    before = seeds.copy(deep=True)
    figs = seeds.figures.extract(to="USD")
    found = seeds.figures.check()
    pd.testing.assert_frame_equal(seeds, before)
    assert len(figs) and len(found)
    assert seeds.figures is not seeds.figures  # pandas 3 builds it on every access
    assert vars(seeds.figures) == {"_df": seeds}


def test_accessor_normalize_keeps_the_input():
    prices = pd.DataFrame({"amount": ["10000000000"], "currency": ["CNY"], "date": [DAY]})
    before = prices.copy(deep=True)
    out = prices.figures.normalize(to="USD")
    pd.testing.assert_frame_equal(prices, before)
    assert out.loc[0, "normalized_value"] == Decimal("1565185861.624409110442629996")


def _run(code: str) -> subprocess.CompletedProcess:
    # A timeout: the old import hook deadlocked here (issue 11, item 3), and a hang must fail.
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60, check=True)


def test_register_before_pandas_is_imported_does_not_hang():
    code = ("import sys, figures\n"
            "figures.dataframe.accessor.register()\n"
            "import pandas as pd\n"
            "print(len(pd.DataFrame({'text': ['RMB 10 billion']}).figures.extract()))\n")
    assert _run(code).stdout.strip() == "1"


def test_import_figures_after_pandas_makes_the_accessor_available_without_an_import_hook():
    code = ("import sys, pandas as pd, figures\n"
            "assert not [f for f in sys.meta_path if type(f).__module__.startswith('figures')]\n"
            "print(len(pd.DataFrame({'text': ['RMB 10 billion']}).figures.extract()))\n")
    assert _run(code).stdout.strip() == "1"


def test_import_figures_then_pandas_has_the_accessor():
    # The first-hour order: `import figures` first, pandas after (issue 11, item 3).
    code = ("import sys, figures\n"
            "assert not [f for f in sys.meta_path if type(f).__module__.startswith('figures')]\n"
            "import pandas as pd\n"
            "print(len(pd.DataFrame({'text': ['RMB 10 billion']}).figures.extract()))\n")
    assert _run(code).stdout.strip() == "1"


def test_register_is_safe_from_several_threads():
    code = ("import threading, warnings\n"
            "warnings.simplefilter('error')\n"  # pandas warns when an accessor is registered twice
            "import figures.dataframe.accessor as a\n"
            "ts = [threading.Thread(target=a.register) for _ in range(8)]\n"
            "[t.start() for t in ts]; [t.join() for t in ts]\n"
            "import pandas as pd\n"
            "print('figures' in pd.DataFrame._accessors)\n")
    assert _run(code).stdout.strip() == "True"
