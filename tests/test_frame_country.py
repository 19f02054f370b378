"""A country (or locale) column in the DataFrame API (issue 15, item 1): extract_frame,
check_frame and df.figures take each row's document locale from a `country` or `locale` column,
or from country= (a column name or one code), and it overrides the text's evidence exactly as
figures.extract(country=) does. Sentences written for this test; expectations from their meaning:
a bare "$" is the Australian dollar in an Australian paper, the New Zealand dollar in a New
Zealand one, and the US dollar where nothing in the text or the row names a country."""

from __future__ import annotations

import pandas as pd
import pytest

import figures
import figures.dataframe.accessor
from figures.dataframe.frame import check_frame, extract_frame
from figures.errors import FiguresError

figures.dataframe.accessor.register()

PLAIN = "The bakery chain said its yearly profit rose to $4.2 million."
SYDNEY = "SYDNEY: A rail operator booked a loss of $310 million for the half."


def _currencies(out: pd.DataFrame) -> dict[str, str | None]:
    money = out[out["kind"] == "money"]
    return dict(zip(money["doc"], money["currency"], strict=True))


@pytest.mark.parametrize(("column", "values", "expected"), [
    ("country", ["AU", "NZ", None], {"au": "AUD", "nz": "NZD", "none": "USD"}),
    ("country", ["au", "en_NZ", ""], {"au": "AUD", "nz": "NZD", "none": "USD"}),
    ("locale", ["en_AU", "en-NZ", None], {"au": "AUD", "nz": "NZD", "none": "USD"}),
])
def test_a_country_column_decides_a_bare_dollar_per_row(column, values, expected):
    df = pd.DataFrame({"id": ["au", "nz", "none"], "text": [PLAIN] * 3, column: values})
    out = extract_frame(df)
    assert _currencies(out) == expected
    by_doc = dict(zip(out["doc"], out["country"], strict=True))
    assert by_doc["au"] == "AU" and by_doc["nz"] == "NZ" and by_doc["none"] is None


def test_without_a_country_column_the_text_decides_as_before():
    df = pd.DataFrame({"id": ["plain", "sydney"], "text": [PLAIN, SYDNEY]})
    assert _currencies(extract_frame(df)) == {"plain": "USD", "sydney": "AUD"}


def test_the_column_overrides_the_texts_evidence_as_the_argument_does():
    """A Sydney dateline in a row marked NZ: the given country and the dateline disagree, so the
    figure stays open between the two dollars, exactly as figures.extract(country='NZ')."""
    df = pd.DataFrame({"id": ["x"], "text": [SYDNEY], "country": ["NZ"]})
    fig = extract_frame(df).iloc[0]
    assert fig["currency"] is None
    assert set(fig["currency_candidates"]) == {"AUD", "NZD"}
    (direct,) = figures.extract(SYDNEY, country="NZ")
    assert direct.currency_candidates == fig["currency_candidates"]


@pytest.mark.parametrize(("country", "expected"), [
    ("market", {"a": "NZD", "b": "AUD"}),  # a column of another name
    ("AU", {"a": "AUD", "b": "AUD"}),  # one code for every row
    (None, {"a": "USD", "b": "USD"}),  # the country column ignored: the text decides
])
def test_the_country_argument_names_a_column_or_a_code(country, expected):
    df = pd.DataFrame({"id": ["a", "b"], "text": [PLAIN, PLAIN], "market": ["NZ", "AU"],
                       "country": ["US", "US"] if country is None else ["NZ", "NZ"]})
    if country == "AU":
        df = df.drop(columns="country")
    assert _currencies(extract_frame(df, country=country)) == expected


def test_the_accessor_reads_the_country_column():
    df = pd.DataFrame({"id": ["a"], "text": [PLAIN], "country": ["NZ"]})
    assert _currencies(df.figures.extract()) == {"a": "NZD"}


def test_check_frame_takes_the_country_per_row():
    """The conflicting row (Sydney dateline, marked NZ) gets an ambiguous_currency finding; the
    row marked AU agrees with its dateline and gets none."""
    df = pd.DataFrame({"id": ["agree", "conflict"], "text": [SYDNEY, SYDNEY],
                       "country": ["AU", "NZ"]})
    found = check_frame(df, to=None)
    ambiguous = set(found.loc[found["check"] == "ambiguous_currency", "doc"])
    assert ambiguous == {"conflict"}


@pytest.mark.parametrize("call", [extract_frame, check_frame,
                                  lambda df: df.figures.extract()])
def test_a_bad_country_value_names_the_row(call):
    df = pd.DataFrame({"id": ["a", "b", "c"], "text": [PLAIN] * 3,
                       "country": ["AU", "Atlantis", "NZ"]}, index=["r1", "r2", "r3"])
    with pytest.raises(FiguresError) as info:
        call(df)
    msg = str(info.value)
    assert "\n" not in msg
    assert "'r2'" in msg and "'b'" in msg and "Atlantis" in msg and "'country'" in msg


def test_a_bad_country_argument_is_one_clear_line():
    df = pd.DataFrame({"id": ["a"], "text": [PLAIN]})
    with pytest.raises(FiguresError) as info:
        extract_frame(df, country="Atlantis")
    msg = str(info.value)
    assert "\n" not in msg and "Atlantis" in msg and "column" in msg


def test_a_number_in_the_country_column_is_refused_with_its_row():
    df = pd.DataFrame({"id": ["a", "b"], "text": [PLAIN, PLAIN], "country": ["AU", 61]})
    with pytest.raises(FiguresError, match=r"row 1 \(document 'b'\)"):
        extract_frame(df)


def test_dask_passes_the_country_column_through():
    dd = pytest.importorskip("dask.dataframe", reason="the dask extra is not installed")
    import figures.dataframe.dask as fd

    df = pd.DataFrame({"id": ["au", "nz"], "text": [PLAIN, PLAIN], "country": ["AU", "NZ"]})
    out = fd.extract_frame(dd.from_pandas(df, npartitions=2)).compute()
    assert _currencies(out) == {"au": "AUD", "nz": "NZD"}
