"""Fuzzing with Hypothesis: the extractor, the rate look-ups, the checks and the CLI.

Properties (DESIGN.md section 3, "Errors"):
- the Python API raises nothing but the `FiguresError` family on any input of the right type
  (and a plain `TypeError` for a non-str text, as `extract` documents);
- the CLI (`figures.cli.main(argv)`) never raises: it returns an int exit code, and what it
  prints on stderr is never a traceback;
- every figure's `start`/`end` index the text it came from (`text[start:end] == fig.text`);
- numbers are `Decimal`s (never floats), finite, and render in plain notation.

Size. `FIGURES_FUZZ_EXAMPLES` is the total number of examples across the generated tests here,
shared out by the weights in `BUDGET`. The default (2,500) keeps the suite fast; a full run
(`bench/fuzz.sh`, or `FIGURES_FUZZ_EXAMPLES=120000 pytest tests/test_fuzz.py`) generates
more than 100,000 inputs and prints the tally at the end. Under CI (`CI` set, no
`FIGURES_FUZZ_EXAMPLES`) the examples are derandomized, so a submission's CI result does not
depend on the draw; local and full-size runs draw new inputs every time.

Findings become regression cases: `REGRESSION_*` below hold concrete inputs that once failed
(or fail now, until the module owner fixes them).
"""

from __future__ import annotations

import io
import json
import math
import os
import sys
from collections import Counter
from datetime import date as Date
from datetime import datetime
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figures
import figures.cli
from figures.errors import FiguresError
from figures.model import Figure, Kind, Qualifier, Rate

# ---- budget ----------------------------------------------------------------------------------

TOTAL = int(os.environ.get("FIGURES_FUZZ_EXAMPLES") or 2500)
BUDGET = {  # share of TOTAL per test
    "extract_text": 0.30,
    "extract_numerals": 0.15,
    "extract_unicode": 0.10,
    "extract_to": 0.05,
    "rate": 0.10,
    "series": 0.03,
    "rates_for": 0.07,
    "check": 0.07,
    "cli": 0.08,
    "export": 0.05,
}
TALLY: Counter[str] = Counter()
DERANDOMIZE = bool(os.environ.get("CI")) and not os.environ.get("FIGURES_FUZZ_EXAMPLES")


def budget(name: str):
    n = max(20, int(TOTAL * BUDGET[name]))
    return settings(
        max_examples=n,
        deadline=None,
        derandomize=DERANDOMIZE,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much,
                               HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
        print_blob=True,
    )


@pytest.fixture(scope="module", autouse=True)
def _report_tally(request):
    yield
    total = sum(TALLY.values())
    line = (f"fuzz: {total:,} generated inputs (FIGURES_FUZZ_EXAMPLES={TOTAL:,}): "
            + ", ".join(f"{k} {v:,}" for k, v in sorted(TALLY.items())))
    if not TALLY:
        return
    capman = request.config.pluginmanager.get_plugin("capturemanager")
    if capman is not None:
        with capman.global_and_fixture_disabled():
            print("\n" + line, flush=True)
    else:
        print(line)


# ---- text strategies -------------------------------------------------------------------------

DIGITS = "0123456789"
FULLWIDTH_DIGITS = "０１２３４５６７８９"
ARABIC_INDIC_DIGITS = "٠١٢٣٤٥٦٧٨٩"
DEVANAGARI_DIGITS = "०१२३४५६७८९"
SEPARATORS = [",", ".", "'", " ", "\u00a0", "\u2009", "\u202f", "\u066b", "\u066c", "，", "．", "_"]
SYMBOLS = ["$", "US$", "HK$", "NT$", "S$", "A$", "C$", "R$", "€", "£", "¥", "￥", "₹", "₩", "₽",
           "₺", "₫", "元", "円", "Rs", "Rs.", "RMB", "Rp", "CHF", "kr", "zł", "¢", "₿", "＄"]
CODES = ["USD", "EUR", "GBP", "JPY", "CNY", "RMB", "HKD", "INR", "KRW", "XYZ", "MUSD", "USD$",
         "usd", "Usd", "TWD", "BRL", "RUB", "ISK"]
SCALES = ["k", "K", "m", "M", "mn", "MM", "bn", "b", "B", "tn", "trillion", "billion", "million",
          "thousand", "lakh", "lakhs", "crore", "crores", "万", "亿", "千", "百万", "hundred",
          "dozen", "billion billion", "mln", "bln"]
QUALIFIERS = ["about", "around", "nearly", "almost", "more than", "over", "less than", "under",
              "up to", "at least", "at most", "approximately", "some", "roughly", "~", "≈", ">",
              "<", ">=", "<=", "≥", "≤", "+", "-", "−", "–", "—", "±", "(", ")", "[", "]"]
WORDS = ["yuan", "renminbi", "dollars", "US dollars", "euros", "pounds", "yen", "won", "rupees",
         "per share", "a share", "per year", "a year", "units", "vehicles", "tons", "tonnes",
         "employees", "percent", "per cent", "%", "pct", "bps", "basis points", "x", "times",
         "years", "months", "days", "GW", "MW", "kWh", "sq m", "barrels", "to", "and", "-", "–",
         "from", "between", "up", "down", "rose", "fell", "by", "of", "one", "two", "twelve",
         "a half", "half", "quarter", "a third", "hundreds of", "thousands of", "tens of",
         "first", "1st", "2nd", "Q3", "FY2021", "2021", "H1", "date 2023-02-11", "2021-10-19",
         "\n", "\n\n", " ", "  ", "\t", ".", ",", ";", ":", "/", "'s", "Xiaomi", "IPO"]
LOOKALIKES = ["\u2212", "\u2013", "\u2014", "\u2010", "\u2011", "\ufe63", "\uff0d", "\u00b7",
              "\u2024", "\u066b", "\u200b", "\u200d", "\ufeff", "\u00ad", "\u2060", "\u0301",
              "\u202e", "\u202d", "\ufe52", "\uff0c", "\u3000", "\u2028", "\u2029", "\x85",
              "Ⅻ", "½", "¼", "²", "³", "₁", "①", "⑩", "𝟏𝟎", "𝟗"]
CONTROLS = [chr(c) for c in range(0, 32)] + ["\x7f", "\x80", "\x9f"]
SURROGATES = ["\ud800", "\udfff", "\udc80", "\ud83d", "\ude00", "\ud83d\ude00"]


def _digit_run(alphabet: str, max_size: int = 12):
    return st.text(st.sampled_from(alphabet), min_size=1, max_size=max_size)


@st.composite
def numerals(draw) -> str:
    """Digits with separators, maybe a decimal part, in one of several digit alphabets."""
    alphabet = draw(st.sampled_from([DIGITS] * 6 + [FULLWIDTH_DIGITS, ARABIC_INDIC_DIGITS,
                                                    DEVANAGARI_DIGITS, DIGITS + FULLWIDTH_DIGITS]))
    groups = draw(st.lists(_digit_run(alphabet, 4), min_size=1, max_size=6))
    seps = draw(st.lists(st.sampled_from(SEPARATORS), min_size=len(groups), max_size=len(groups)))
    out = groups[0] + "".join(s + g for s, g in zip(seps[1:], groups[1:], strict=False))
    if draw(st.booleans()):
        out = draw(st.sampled_from(["", "-", "\u2212", "+", "(", "~"])) + out
    return out


@st.composite
def money_like(draw) -> str:
    """A fragment that looks like a figure: marker, numeral, scale, unit, in some order."""
    parts = [draw(numerals())]
    if draw(st.booleans()):
        parts.insert(0, draw(st.sampled_from(SYMBOLS + CODES)) + draw(st.sampled_from(["", " "])))
    if draw(st.booleans()):
        parts.append(draw(st.sampled_from(["", " "])) + draw(st.sampled_from(SCALES)))
    if draw(st.booleans()):
        parts.append(" " + draw(st.sampled_from(WORDS + CODES + SYMBOLS)))
    if draw(st.booleans()):
        parts.insert(0, draw(st.sampled_from(QUALIFIERS)) + " ")
    return "".join(parts)


long_tokens = st.one_of(
    st.integers(50, 3000).map(lambda n: "9" * n),
    st.integers(50, 1500).map(lambda n: "1," * n + "000"),
    st.integers(50, 1500).map(lambda n: "$" * n + "1"),
    st.integers(20, 150).map(lambda n: "1 billion " * n),
    st.integers(20, 150).map(lambda n: "USD 1 to " * n + "2"),
    st.integers(20, 600).map(lambda n: "(" * n + "$1" + ")" * n),
    st.integers(50, 2000).map(lambda n: "a" * n + "1"),
    st.integers(20, 500).map(lambda n: "0." * n),
    st.integers(20, 500).map(lambda n: "1e" * n),
)

fragment = st.one_of(
    money_like(),
    numerals(),
    st.sampled_from(SYMBOLS),
    st.sampled_from(CODES),
    st.sampled_from(SCALES),
    st.sampled_from(QUALIFIERS),
    st.sampled_from(WORDS),
    st.sampled_from(LOOKALIKES),
    st.sampled_from(CONTROLS),
    st.sampled_from(SURROGATES),
    st.text(max_size=8),
)

texts = st.lists(st.one_of(*[fragment] * 8, long_tokens), max_size=25).map("".join)
short_texts = st.lists(fragment, max_size=20).map("".join)
unicode_texts = st.text(alphabet=st.characters(codec=None, exclude_categories=()), max_size=200)


# ---- invariants ------------------------------------------------------------------------------

_DECIMAL_FIELDS = ("value", "low", "high", "precision", "normalized_value", "normalized_low",
                   "normalized_high", "rate")


def check_figures(text: str, figs, rendered: int = 40) -> None:
    """The invariants; the first `rendered` figures are also rendered to JSON."""
    assert isinstance(figs, list)
    last_start = -1
    for i, f in enumerate(figs):
        assert isinstance(f, Figure), f
        assert isinstance(f.start, int) and isinstance(f.end, int)
        assert 0 <= f.start <= f.end <= len(text), (f.start, f.end, len(text))
        assert text[f.start:f.end] == f.text, (text[f.start:f.end], f.text)
        assert f.start >= last_start, "figures must come in order of appearance"
        last_start = f.start
        assert f.kind in set(Kind)
        assert f.qualifier is None or f.qualifier in set(Qualifier)
        for name in _DECIMAL_FIELDS:
            v = getattr(f, name)
            assert v is None or type(v) is Decimal, (name, type(v), v)
            if v is not None:
                assert v.is_finite(), (name, v)
        # A value, a range, or (issue 14) two readings of digits the document leaves open.
        assert f.value is not None or (f.low is not None or f.high is not None) or (
            len(f.value_candidates) == 2 and all(type(v) is Decimal for v in f.value_candidates)
        ), f
        if f.low is not None and f.high is not None:
            assert f.low <= f.high, (f.low, f.high)
        if i >= rendered:
            continue
        row = f.to_dict()
        for name in _DECIMAL_FIELDS:
            if row[name] is not None:
                assert "E" not in row[name] and "e" not in row[name], (name, row[name])
                assert Decimal(row[name]) == getattr(f, name)
        json.dumps(row, ensure_ascii=False)


def run_extract(text: str, **kw):
    try:
        figs = figures.extract(text, **kw)
    except FiguresError:
        if "to" in kw:  # a normalization request may fail (NoRate, UnknownCurrency)
            return []
        raise
    check_figures(text, figs)
    return figs


# ---- the extractor ---------------------------------------------------------------------------


@budget("extract_text")
@given(texts)
def test_extract_never_crashes_on_fragments(text):
    TALLY["extract"] += 1
    run_extract(text)


@budget("extract_numerals")
@given(st.lists(st.one_of(money_like(), st.sampled_from(WORDS + QUALIFIERS)), max_size=10)
       .map(" ".join))
def test_extract_never_crashes_on_figure_like_text(text):
    TALLY["extract"] += 1
    run_extract(text)


@budget("extract_unicode")
@given(unicode_texts)
def test_extract_never_crashes_on_any_unicode(text):
    """Any code point, lone surrogates included (a Python str can hold them)."""
    TALLY["extract"] += 1
    run_extract(text)


dates_anywhere = st.one_of(st.none(), st.dates(), st.dates(Date(1998, 12, 1), Date(2027, 12, 31)))


@budget("extract_to")
@given(short_texts, dates_anywhere, st.sampled_from(["USD", "EUR", "CNY", "JPY", "ISK", "RUB", "usd"]))
def test_extract_with_normalization(text, d, to):
    TALLY["extract"] += 1
    figs = run_extract(text, date=d, to=to, doc="fuzz")
    for f in figs:
        assert f.doc == "fuzz"
        if f.kind == Kind.MONEY and f.normalized_value is not None and f.rate_date is not None:
            assert d is not None and f.rate_date <= d  # never a later rate


def test_extract_rejects_non_str_with_type_error():
    for bad in (None, b"USD 10", 10, ["USD 10"]):
        with pytest.raises(TypeError):
            figures.extract(bad)


# ---- rate look-ups ---------------------------------------------------------------------------

TABLE = figures.RateTable.default()
TABLE_CODES = list(TABLE.currencies)
weird_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True), st.binary(max_size=5),
    st.just(float("nan")), st.just([]), st.just(()), st.just({}), st.just(object()),
    st.just(Decimal("NaN")),
)
code_like = st.one_of(
    st.sampled_from(TABLE_CODES),
    st.sampled_from(TABLE_CODES).map(lambda c: f" {c.lower()} "),
    st.sampled_from(["RMB", "CNH", "XYZ", "", " ", "US$", "$", "EURO", "usd\x00", "ＵＳＤ",
                     "U\u0307SD", "\ud800", "ISK", "RUB", "EEK", "VEB", "XAU", "XDR"]),
    st.text(max_size=5),
    weird_scalars,
)
date_like = st.one_of(
    st.dates(),
    st.dates(Date(1998, 12, 20), Date(2027, 12, 31)),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1)),
    st.dates(Date(1998, 12, 20), Date(2027, 12, 31)).map(Date.isoformat),
    st.dates().map(lambda d: f"  {d.isoformat()}\n"),
    st.sampled_from(["", "2021-02-30", "2021-13-01", "20211019", "2021/10/19", "19.10.2021",
                     "0000-01-01", "9999-12-31", "2021-10-19T12:00", "NaT", "nan", "today",
                     "２０２１-１０-１９", "2021-10-19\x00"]),
    st.text(max_size=12),
    weird_scalars,
)


def check_rate(r: Rate, requested) -> None:
    assert isinstance(r, Rate)
    assert type(r.value) is Decimal and r.value.is_finite() and r.value > 0, r
    assert r.rate_date <= r.date, "a rate may never come from a later day"
    if r.source != "identity":
        assert r.stale_days >= 0


@budget("rate")
@given(code_like, code_like, date_like)
def test_rate_lookup_raises_only_figures_errors(base, quote, d):
    TALLY["rates"] += 1
    try:
        r = TABLE.rate(base, quote, d)
    except FiguresError:
        return
    check_rate(r, d)
    # The inverse exists on the same day and multiplies back to about one.
    back = TABLE.rate(quote, base, d)
    assert abs(r.value * back.value - 1) < Decimal("1e-20")


@budget("series")
@given(code_like, code_like, st.one_of(st.none(), date_like), st.one_of(st.none(), date_like))
def test_series_raises_only_figures_errors(base, quote, start, end):
    TALLY["rates"] += 1
    try:
        rows = TABLE.series(base, quote, start, end)
    except FiguresError:
        return
    days = [d for d, _ in rows]
    assert days == sorted(days) and len(set(days)) == len(days)
    for d, v in rows[:50] + rows[-50:]:
        assert type(v) is Decimal and v > 0
        assert isinstance(d, Date)


date_cells = st.one_of(
    st.dates(Date(1998, 12, 20), Date(2027, 12, 31)),
    st.dates(Date(1998, 12, 20), Date(2027, 12, 31)).map(Date.isoformat),
    st.none(), st.just(float("nan")), st.just(""), st.just("NaT"),
    st.dates(),
)
# A cell of a column: any scalar (containers inside a column are not a column of dates/codes).
_scalar = date_like.filter(lambda d: not isinstance(d, (list, tuple, dict)))
_code_cell = code_like.filter(lambda c: not isinstance(c, (list, tuple, dict)))


@budget("rates_for")
@given(
    st.one_of(code_like.filter(lambda c: isinstance(c, str)), st.lists(_code_cell, max_size=8)),
    st.one_of(code_like.filter(lambda c: isinstance(c, str)), st.lists(_code_cell, max_size=8)),
    st.one_of(date_cells.filter(lambda d: isinstance(d, (str, Date))),
              st.lists(date_cells, max_size=8), st.lists(_scalar, max_size=4)),
    st.booleans(),
)
def test_rates_for_raises_only_figures_errors(bases, quote, dates, notes):
    """The documented argument types (a code or a sequence of codes; a date, an ISO string or a
    sequence of them), with any scalar at all inside the sequences."""
    TALLY["rates"] += 1
    try:
        cols = TABLE.rates_for(bases, quote, dates, notes=notes)
    except FiguresError:
        return
    n = len(cols.values)
    assert len(cols.rate_days) == n and len(cols.notes) == n
    for v, day, note in zip(cols.values, cols.rate_days.tolist(), cols.notes, strict=True):
        assert v is None or (type(v) is Decimal and v > 0), v
        assert (v is None) == (day == -1)
        if notes and v is None:
            assert note, "a row without a rate says why"
    cols.rate_dates()


# ---- the checks ------------------------------------------------------------------------------


def _checking():
    import figures.checking

    return figures.checking


STATUSES = {"consistent", "inconsistent", "unverifiable"}
SEVERITIES = {"info", "warning", "error"}


def _no_floats(obj, path="details"):
    if isinstance(obj, float):
        raise AssertionError(f"{path} holds a float {obj!r}; money stays Decimal")
    if isinstance(obj, dict):
        for k, v in obj.items():
            _no_floats(v, f"{path}.{k}")
    elif isinstance(obj, (list, tuple)):
        for i, v in enumerate(obj):
            _no_floats(v, f"{path}[{i}]")


def check_report(report, docs: dict[str, str]) -> None:
    checking = _checking()
    from figures.checks import CHECK_NAMES

    for d in report.documents:
        if d.doc in docs:
            check_figures(docs[d.doc], list(d.figures))
    for f in report.findings:
        assert f.check in CHECK_NAMES, f.check
        assert f.status in STATUSES and f.severity in SEVERITIES, f
        assert isinstance(f.message, str) and f.message
        for m in f.mentions:
            text = docs.get(m.doc)
            if text is not None:
                assert 0 <= m.start <= m.end <= len(text)
                assert text[m.start:m.end] == m.text
        _no_floats(f.details)
    json.dumps(checking.report_dict(report), ensure_ascii=False)


check_texts = st.lists(st.one_of(money_like(), st.sampled_from(WORDS + QUALIFIERS + SYMBOLS),
                                 st.sampled_from(["($", "(", ")", " or ", ", up ", "% ", "RMB 10 billion ($1.54 billion)",
                                                  "HK$13.52, up 8.51%", "expanded by 1,800 to 9,000 from 7,200"])),
                       max_size=14).map(" ".join)


_small_amounts = st.one_of(st.sampled_from(["0", "0.0", "0.00", "1", "1.5", "100", "1,800",
                                             "9,000", "7,200", "-5", "\u22125", "9" * 320]),
                           numerals())


@st.composite
def check_sentences(draw) -> str:
    """The shapes the checks read: conversions, changes, differences, sums, restated facts."""
    cur = st.sampled_from(["$", "US$", "HK$", "€", "¥", "RMB ", "USD ", "Rs "])
    scale = st.sampled_from(["", " million", " billion", "bn", "m", " crore"])

    def money():
        return draw(cur) + draw(_small_amounts) + draw(scale)

    pct = draw(_small_amounts) + draw(st.sampled_from(["%", " percent", " per cent", "pct"]))
    shapes = [
        f"revenue {draw(st.sampled_from(['rose', 'fell', 'grew', 'dropped']))} {pct} to "
        f"{money()} from {money()}",
        f"{money()} ({money()})",
        f"{money()}, or {money()},",
        f"headcount expanded by {draw(_small_amounts)} to {draw(_small_amounts)} from "
        f"{draw(_small_amounts)}",
        f"a total of {money()}, made up of {money()} and {money()}",
        f"{money()}, up {pct} from {money()} a year earlier",
        f"capacity of {draw(_small_amounts)} units a year at {money()} per unit",
    ]
    return " ".join(draw(st.lists(st.sampled_from(shapes), min_size=1, max_size=3)))


@budget("check")
@given(st.lists(st.one_of(check_texts, short_texts, check_sentences(), check_sentences()),
                min_size=1, max_size=3),
       st.one_of(st.none(), st.dates(Date(1998, 12, 20), Date(2027, 12, 31)), st.dates()))
def test_check_raises_only_figures_errors(docs, d):
    checking = _checking()
    TALLY["check"] += 1
    names = [f"d{i}" for i in range(len(docs))]
    try:
        report = checking.check(docs if len(docs) > 1 else docs[0], date=d,
                                docs=names if len(docs) > 1 else names[0])
    except FiguresError:
        return
    check_report(report, dict(zip(names, docs, strict=True)))


# ---- exports ---------------------------------------------------------------------------------


@budget("export")
@given(short_texts, st.one_of(st.none(), st.dates(Date(1999, 1, 4), Date(2026, 1, 1))))
def test_export_round_trips(text, d):
    TALLY["export"] += 1
    from figures.export import write_csv, write_jsonl

    figs = run_extract(text, date=d)
    buf = io.StringIO()
    assert write_jsonl(figs, buf) == len(figs)
    # JSON Lines ends records with "\n" only. (str.splitlines() would also split at U+0085,
    # U+2028 and U+2029, which json.dumps(ensure_ascii=False) leaves raw inside strings.)
    lines = buf.getvalue().split("\n")
    assert lines[-1] == "" and len(lines) == len(figs) + 1
    for line, f in zip(lines[:-1], figs, strict=True):
        row = json.loads(line)
        assert row["start"] == f.start and row["text"] == f.text
    out = io.StringIO()
    assert write_csv(figs, out) == len(figs)


# ---- the CLI ---------------------------------------------------------------------------------

SAFE_FILES = {
    "a.txt": "date 2021-10-19\nXiaomi will invest RMB 10 billion ($1.54 billion) initially.\n"
             "Shares rose to HK$13.52, up 8.51%, as 900,000 units sold.\n",
    "b.txt": "Net income of €1.2bn and ¥3,000 million (about $27 million).\n",
    "docs.csv": "id,date,text\nx,2021-10-19,RMB 10 billion ($1.54 billion)\ny,bad,USD 5\n",
    "docs.jsonl": '{"id": "j1", "text": "USD 1,250,000 and Rs 2,912.5 crore", "date": "2020-02-03"}\n'
                  'not json\n{"text": 5}\n',
    "rates.csv": "date,currency,rate\n2021-10-19,USD,1.16\n2021-10-20,XXX,2\n",
    "evil.csv": "date,currency,rate\n=cmd|' /C calc'!A0,USD,1\n",
    "empty.txt": "",
}
SAFE_BINARY = {"bin.txt": b"\x00\x01\x02\xffPK\x03\x04", "latin.txt": b"caf\xe9 \xa310"}

VALUES = ["a.txt", "b.txt", "docs.csv", "docs.jsonl", "rates.csv", "evil.csv", "empty.txt",
          "bin.txt", "latin.txt", "dir", "emptydir", "missing.txt", "-", "", ".", "2021-10-19",
          "2021-02-30", "1999-01-01", "9999-12-31", "USD", "usd", "EUR", "CNY", "RMB", "XYZ", "ISK",
          "10", "RMB 10 billion", "$1.54 billion", "USD 1.5m", "¥100", "9" * 40, "text", "date",
          "id", "nope", "utf-8", "latin-1", "utf-16", "rot13", "base64", "zzz", "conversion",
          "conversion,sum", "bogus,", "error", "warning", "never", "json", "jsonl", "csv",
          "table", "text", "€", " ", "\t", "¥", "ＵＳＤ", "１０", "latin_names", "bigdir", "\udcff",
          "\udce9USD 10", "RMB 10 billion\udcff"]
OUT_VALUES = ["out.jsonl", "out.csv", "nodir/out.txt", ".", "", "dir"]
OPTIONS = ["--date", "--to", "--from", "--format", "--fail-on", "--text-col", "--date-col",
           "--id-col", "--encoding", "--checks", "--rates", "--rates-base", "-q", "--quiet",
           "-h", "--help", "--version", "--", "-", "--dat", "--form", "--bogus", "-x"]
# --jobs N forks N processes: only small values (a huge N is a fork bomb, not a parse test).
JOBS_VALUES = ["-1", "0", "1", "2", "x", "", "1.5"]
OUT_OPTIONS = ["-o", "--output"]
COMMANDS = ["extract", "check", "convert", "rates", "report", "extractt", "", "help"]


def _safe_token(t: str) -> bool:
    """Random free text must not name an option (argparse also accepts abbreviations and
    joined short options such as '-qo/x' or '-j99999'), a path outside the temporary
    directory, or the maintainers' --refresh (network; rewrites the embedded table)."""
    return not t.startswith("-") and "/" not in t and "\\" not in t and ".." not in t \
        and "\x00" not in t


free_text = st.text(max_size=12).filter(_safe_token)
argv_token = st.one_of(
    st.sampled_from(VALUES), st.sampled_from(VALUES), st.sampled_from(OPTIONS), free_text,
    st.tuples(st.sampled_from(OUT_OPTIONS), st.sampled_from(OUT_VALUES)).map(list),
    st.tuples(st.sampled_from(["-j", "--jobs"]), st.sampled_from(JOBS_VALUES)).map(list),
    st.tuples(st.sampled_from(["--date", "--to", "--format", "--checks"]),
              st.sampled_from(VALUES)).map(lambda t: f"{t[0]}={t[1]}"),
)


@st.composite
def argvs(draw) -> list[str]:
    argv: list[str] = []
    if draw(st.integers(0, 9)) > 0:
        argv.append(draw(st.sampled_from(COMMANDS)))
    for tok in draw(st.lists(argv_token, max_size=8)):
        argv.extend(tok if isinstance(tok, list) else [tok])
    return argv


def _make_files(root) -> None:
    for name, text in SAFE_FILES.items():
        (root / name).write_text(text, encoding="utf-8")
    for name, data in SAFE_BINARY.items():
        (root / name).write_bytes(data)
    (root / "dir").mkdir(exist_ok=True)
    (root / "dir" / "one.txt").write_text("USD 10 and €5", encoding="utf-8")
    (root / "emptydir").mkdir(exist_ok=True)
    # A file name that is not UTF-8 (b"caf\xe9.txt" from a Latin-1 system): Python holds it as
    # a lone surrogate (PEP 383), and so does an argument with such bytes.
    (root / "latin_names").mkdir(exist_ok=True)
    (root / "bigdir").mkdir(exist_ok=True)
    (root / "bigdir" / "big.txt").write_text("revenue rose 10% to $" + "9" * 23 + " from $5\n",
                                             encoding="utf-8")
    (root / "latin_names" / "caf\udce9.txt").write_text("USD 5 and €3", encoding="utf-8")


def _snapshot(root) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def run_cli(argv: list[str], stdin: bytes) -> tuple[int, str, str]:
    """main(argv) with the streams a UTF-8 locale gives a real interpreter: stdin and stdout
    strict UTF-8, stderr with backslashreplace. (capsys's streams are strict on stderr too,
    which would flag messages that a terminal shows fine.)"""
    saved = sys.stdin, sys.stdout, sys.stderr
    out_b, err_b = io.BytesIO(), io.BytesIO()
    streams = (io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"),
               io.TextIOWrapper(out_b, encoding="utf-8", errors="strict", newline=""),
               io.TextIOWrapper(err_b, encoding="utf-8", errors="backslashreplace", newline=""))
    sys.stdin, sys.stdout, sys.stderr = streams
    try:
        try:
            code = figures.cli.main(argv)
        except SystemExit as exc:  # argparse's own --help/--version (see the test below)
            assert exc.code == 0 and any(a in ("-h", "--help", "--version") for a in argv), \
                f"main({argv!r}) raised SystemExit({exc.code!r})"
            code = 0
    finally:
        sys.stdin, sys.stdout, sys.stderr = saved
        for s in streams:  # detach, so collecting the wrapper does not close the buffer
            if not s.closed:
                s.flush()
                s.detach()
    return code, out_b.getvalue().decode("utf-8"), err_b.getvalue().decode("utf-8")


@pytest.fixture
def cli_dir(tmp_path, monkeypatch):
    work = tmp_path / "cwd"
    work.mkdir()
    _make_files(work)
    monkeypatch.chdir(work)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "120")
    return work


ALLOWED_NEW = {"out.jsonl", "out.csv"}


@budget("cli")
@given(argvs(), st.sampled_from([b"", b"USD 10 billion ($1.54 billion)", b"\xff\xfe\x00",
                                 "date 2021-10-19\n¥100".encode()]))
def test_cli_never_raises(cli_dir, argv, stdin):
    TALLY["cli"] += 1
    before = _snapshot(cli_dir)
    code, _out, err = run_cli(argv, stdin)
    assert isinstance(code, int) and code in (0, 1, 2), (argv, code, err)
    assert "Traceback" not in err, err
    if code == 2 and "--help" not in argv and "-h" not in argv:
        assert err.strip(), f"exit 2 without a message: {argv!r}"
    created = _snapshot(cli_dir) - before
    assert created <= ALLOWED_NEW, f"{argv!r} created {created}"
    for name in created:  # keep the directory as it was for the next example
        (cli_dir / name).unlink()


def test_cli_help_and_version_exit_zero(cli_dir):
    """argparse ends --help/--version with SystemExit(0). A console script is fine with that;
    code calling `main(argv)` sees the exception (a deliberate exception to "never raises")."""
    for argv in (["--help"], ["--version"], ["extract", "--help"], ["check", "-h"]):
        code, out, _ = run_cli(argv, b"")
        assert code == 0 and out


# ---- regressions: concrete inputs that once failed -------------------------------------------

REGRESSION_TEXTS = [
    "\ud800",
    "USD \ud800 10 billion",
    "$1\ud83d\ude00.5 billion",
    "１０ billion yuan",
    "٣٠٠ million dollars",
    "\u22125 million euros",
    "USD 1\u202f000\u2009000",
    "Rs 2,912.5 crore",
    "US$ 1\u00a0000 bn",
    "9" * 5000,
    "1," * 2000 + "000 USD",
    "(" * 500 + "$1" + ")" * 500,
    "1 billion " * 300,
    "USD 1 to " * 200 + "2",
    "0." * 400,
    "$" * 2000 + "1",
    "\x00$\x001\x00 billion",
    "RMB 10 billion ($1.54 billion)",
    "between $ and",
    "$.",
    "$,",
    "1.2.3.4 million",
    "1e999999 USD",
    "USD 10-",
    "USD -10 to -5 million",
    "10 to 5 million dollars",
    "date 2023-02-11\n$5",
    "¥亿",
    "1亿万",
]


@pytest.mark.parametrize("text", REGRESSION_TEXTS, ids=range(len(REGRESSION_TEXTS)))
def test_extract_regressions(text):
    run_extract(text)
    run_extract(text, date=Date(2021, 10, 19), to="USD")


REGRESSION_RATES = [
    ("USD", "EUR", Date.min),
    ("USD", "EUR", Date.max),
    ("USD", "EUR", "0001-01-01"),
    ("EUR", "EUR", Date.max),
    ("RUB", "EUR", "2023-01-02"),
    ("ISK", "USD", "2010-06-01"),
    ("usd\x00", "EUR", "2021-01-04"),
    (None, "EUR", "2021-01-04"),
    ("USD", "EUR", None),
    ("USD", "EUR", 737000),
    ("USD", "EUR", float("nan")),
    ("\ud800", "EUR", "2021-01-04"),
]


@pytest.mark.parametrize("base,quote,d", REGRESSION_RATES, ids=range(len(REGRESSION_RATES)))
def test_rate_regressions(base, quote, d):
    try:
        check_rate(TABLE.rate(base, quote, d), d)
    except FiguresError:
        pass
    try:
        TABLE.series(base, quote, d, d)
    except FiguresError:
        pass
    try:
        TABLE.rates_for([base], quote, [d])
    except FiguresError:
        pass


REGRESSION_CHECK_TEXTS = [
    # same_fact: math.log(float(v)) on a value past float range -> OverflowError.
    "$" + "9" * 309,
    "USD 1" + "0" * 400 + " and USD 1" + "0" * 400,
    # percent_change: q4 = round(d, 4) in the default 28-digit context raised
    # decimal.InvalidOperation for a value of 23+ integer digits (implied_previous).
    "revenue rose 10% to $" + "9" * 23 + " from $5",
    "revenue rose 0% to $" + "9" * 320 + " from $0",
    # ordinary shapes
    "RMB 10 billion ($1.54 billion)",
    "date 2021-10-19\nXiaomi will invest RMB 10 billion ($1.54 billion).",
    "\ud800 $1 \ud800 ($1)",
    # percent_change: (value / from - 1) with a "from" of zero -> decimal.DivisionByZero.
    "revenue rose 10% to $0 from $0",
    "revenue rose 10% to $5 from $0",
]


@pytest.mark.parametrize("text", REGRESSION_CHECK_TEXTS, ids=range(len(REGRESSION_CHECK_TEXTS)))
def test_check_regressions(text):
    checking = _checking()
    for d in (None, Date(2021, 10, 19)):
        check_report(checking.check(text, date=d, docs="t"), {"t": text})
        check_report(checking.check([text, text], date=d, docs=["t", "u"]), {"t": text, "u": text})


REGRESSION_ROWS_FOR = [
    # rates_for with int cells (taken as day ordinals) outside 1..date.max: OverflowError from
    # numpy (past int64), or ValueError from date.fromordinal while writing the row's note.
    ("USD", "EUR", [2**70]),
    ("USD", "EUR", [-(2**70)]),
    ("USD", "EUR", [10**8]),
    ("USD", "EUR", [0]),
    # a bytes cell next to a str cell: np.asarray builds a bytes array -> UnicodeDecodeError.
    ("AUD", "AUD", ["", b"\x80"]),
    ("USD", "EUR", ["2021-01-04", b"2021-01-04"]),
]


@pytest.mark.parametrize("base,quote,dates", REGRESSION_ROWS_FOR, ids=range(len(REGRESSION_ROWS_FOR)))
def test_rates_for_regressions(base, quote, dates):
    try:
        cols = TABLE.rates_for(base, quote, dates)
    except FiguresError:
        return
    assert len(cols.values) == len(dates)


REGRESSION_ARGV = [
    # `--rates` on extract/check called RateTable.combine, which does not exist
    # (AttributeError escaped main).
    ["extract", "a.txt", "--rates", "rates.csv"],
    ["check", "a.txt", "--rates", "rates.csv", "--format", "json"],
    # convert of an amount past 28 significant digits: round_money's quantize raised
    # decimal.InvalidOperation out of main.
    ["convert", "USD " + "9" * 40, "--to", "EUR", "--date", "2021-01-04"],
    ["convert", "USD 10000000000000000000000000000", "--to", "EUR", "--date", "2021-01-04"],
    # NUL in a path: open() raised ValueError("embedded null byte") out of main.
    ["extract", "a.txt", "-o", "\x00"],
    ["rates", "--rates", "\x00"],
    ["extract", "\x00"],
    ["check", "a\x00.txt"],
    # A non-UTF-8 file name (or argument, e.g. `figures convert $'\xffUSD 10'`) reached the
    # output as a lone surrogate: UnicodeEncodeError out of main writing stdout (strict UTF-8 in
    # a UTF-8 locale) or the -o file (always strict).
    ["extract", "latin_names", "--format", "jsonl"],
    ["extract", "latin_names", "--format", "csv", "-o", "out.csv"],
    ["extract", "latin_names", "-o", "out.jsonl"],
    ["check", "latin_names", "--format", "json"],
    ["convert", "\udcffUSD 10", "--to", "EUR", "--date", "2021-01-04"],
    # `figures check` on a 23-digit figure: decimal.InvalidOperation traceback (percent_change).
    ["check", "bigdir"],
    ["check", "bigdir/big.txt"],
    # plain sanity
    ["extract", "a.txt", "--to", "usd", "--format", "csv"],
    ["extract", "-", "--format", "jsonl"],
    ["extract", "bin.txt", "latin.txt", "dir"],
    ["extract", "a.txt", "--encoding", "rot13"],
    ["check", "docs.csv", "docs.jsonl", "--format", "json", "--fail-on", "warning"],
    ["convert", "¥100", "--to", "USD", "--date", "2021-10-19"],
    ["rates", "CNY", "USD", "--date", "9999-12-31"],
    ["rates", "--rates", "evil.csv"],
    ["report", "a.txt", "-o", "out.html"],
]


@pytest.mark.parametrize("argv", REGRESSION_ARGV, ids=range(len(REGRESSION_ARGV)))
def test_cli_regressions(cli_dir, argv):
    code, _, err = run_cli(argv, b"USD 10")
    assert isinstance(code, int) and code in (0, 1, 2), (code, err)
    assert "Traceback" not in err


def test_budget_adds_up():
    """With FIGURES_FUZZ_EXAMPLES=N the generated tests share N examples; the full-size run
    (N >= 100,000) must reach 100,000 generated inputs."""
    assert math.isclose(sum(BUDGET.values()), 1.0)
    assert sum(max(20, int(100_000 * w)) for w in BUDGET.values()) >= 100_000

