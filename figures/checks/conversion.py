"""conversion: an amount followed by its conversion into another currency.

Pairs ("RMB 10 billion ($1.54 billion)") are found from the short text between two consecutive
money figures of different currencies: an opening bracket, optionally with "or", "about",
"equivalent to", ...; ", or (about)", ", equivalent to", ", roughly", "/", or a comma pair inside
one pair of brackets ("(191.1 trillion won, US$177 billion)"), optionally after "of that" ("12
billion of that, or roughly US$78 million"). Either direction counts. `linked` is the same test
for any two figures: figures.checks.unsigned uses it to read an amount written without a
currency beside its conversion.

The arithmetic, statcheck style
-------------------------------
The first figure is the amount as stated (taken as exact: the writer converted the number they
printed); the second is its conversion, printed with rounding: "$1.54 billion" means
[1.535, 1.545] bn (the computed view of figures.normalize.interval: "about" widens it to one
full step either side). That gives an interval of
implied rates, shown as units of one currency per unit of the other, the larger number per one
(6.4935 CNY per USD).

The verdict compares that interval with the reference rate of the document date (the rate
table's lookup rule: the last fixing on or before the date, at most five days old):

* `consistent` when some rate within the allowance of the reference (1.0% for the ECB, 2.0% or
  2.5% for NBP tables A or B: `figures.normalize.rates.sources.allowance`) reproduces the printed
  figures within their rounding; `details.tolerance` = rounding half-width + allowance.
* `inconsistent` otherwise; severity `error` when the nearest rate that reproduces the printed
  figures is more than `GROSS` = 2% from the reference, so `figures check` exits 1. Why 2%:
  two central banks' same-day fixings differ by 0.1% (median) and under 1% at p99 (ECB against
  the NBP's table A, 2010-2026, bench/NBP.md: 2.36% only at p99.9); a newsroom's house rate
  differs from the ECB by up to about 0.5%; a rate of the deal date instead of the publication
  date by about 2% at most. A conversion further off than that is a wrong figure, currency or
  scale, not a choice of rate. Between the allowance and 2% it is a `warning`.
* `unverifiable` without a document date (the finding lists the ECB days on which the implied
  rate held, as contiguous runs: "2021-01-11..2021-01-27, 2021-03-05..2021-03-23, ...") and
  when the table has no rate (`NoRate`: unknown currency, hole, date past the table) - never
  `consistent`.

Why 1.0% and why the window only informs
----------------------------------------
Conversions in real news differ from the ECB reference by about 0.5% (other sources such as
Reuters/Bloomberg mid rates or the central parity, intraday moves, a conversion done a day
earlier); the worst legitimate ones come to about 1%. So the allowance is 1.0%.

Measured on the shipped ECB table, 2010-2024, the move between two consecutive fixings has a
median of 0.08% (USD/CNY) to 0.3% (EUR/USD, USD/JPY, GBP/USD), which the allowance absorbs:
an article written a day before its date passes. But the spread of the fixings inside a 7-day
window reaches 2.2-2.5% at the 95th percentile for the majors (3.6% for USD/TRY). Accepting any
rate of such a window, plus the allowance, would tolerate about 3% and let stale conversions
through: Xiaomi's "RMB 10 billion ($1.54 billion)" printed on 2021-10-19 carries the March 2021
rate (6.49, ECB that day 6.389: +1.6%, inconsistent), yet lies within 1% of the fixing of the
day before. So the verdict uses the document date's fixing, and the `WINDOW_DAYS` (7) fixings
ending at the document date are reported as evidence: `best_date` (the fixing closest to the
implied rate) and `best_rel_diff`, so a reader sees when a conversion merely predates the
article by a few days. Inconsistent and undated findings also list `held_on`, the runs of
table days (up to the document date, if known) on which the implied rate held within rounding.
"""

from __future__ import annotations

import itertools
import operator
import re
from collections.abc import Sequence
from datetime import date as Date
from datetime import timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.checks._common import (
    CONSISTENT,
    ERROR,
    INCONSISTENT,
    INFO,
    UNVERIFIABLE,
    WARNING,
    DocFigures,
    finding,
    fmt_amount,
    fmt_num,
    q4,
)
from figures.errors import FiguresError, NoRate
from figures.model import Figure, Finding, Kind
from figures.normalize.interval import computed
from figures.normalize.rates.sources import allowance
from figures.vocab.gloss import GLOSS_WORDS

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "conversion"
ALLOWANCE = Decimal("0.010")
WINDOW_DAYS = 7
GROSS = Decimal("0.02")
MAX_GAP = 40


def _phrases(place: str) -> str:
    """The gloss phrases (figures.vocab.gloss) that may stand at `place`, as one alternation."""
    words = sorted((w for w, at in GLOSS_WORDS.items() if place in at), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace("\\ ", r"\s+") for w in words) + ")"


_WORDS = _phrases("word")
_LINKS = _phrases("link")
_HEDGES = _phrases("hedge")
# No two whitespace runs may meet (each optional part owns the space after it), so the match
# stays linear even on a gap of thousands of spaces.
_GAP = re.compile(
    rf"""\s*(?:of\s+(?:that|this)\s*)?(?:            # "12 billion of that, or ..."
        [(\[]\s*(?:{_WORDS}\s*)*                       # "X ($Y)", "X (or about $Y)"
      | (?:[,;]\s*)?(?:(?:—|–|-)\s*)?{_LINKS}\s+(?:{_WORDS}\s*)*  # "X, or $Y", "X, equivalent to $Y"
      | [,;]\s*{_HEDGES}\s+(?:{_WORDS}\s*)*            # "X, roughly $Y"
      | /\s*                                             # "X / $Y"
    )""",
    re.X | re.I,
)
_COMMA = re.compile(r"\s*[,;/]\s*")
_APPROX_HEAD = re.compile(_HEDGES + r"\s", re.I)


def pairs(doc: DocFigures) -> list[tuple[Figure, Figure]]:
    """(stated, converted) money pairs found in one document."""
    out = []
    figs = [f for f in doc.figures if f.kind == Kind.MONEY]
    text = doc.text
    for a, b in itertools.pairwise(figs):
        if b.start < a.end or b.start - a.end > MAX_GAP:
            continue
        if a.is_range != b.is_range:
            continue  # "JPY 40-45 billion (USD 260-293 million)": ranges pair with ranges
        if not a.is_range and (a.value is None or b.value is None):
            continue
        if (a.per or None) != (b.per or None):
            continue
        if a.currency is not None and a.currency == b.currency:
            continue
        if a.currency is None and b.currency is None:
            continue
        if linked(text, a, b):
            out.append((a, b))
    return out


def linked(text: str, a: Figure, b: Figure) -> bool:
    """Does the text between `a` and `b` (consecutive, a first) mark `b` as a conversion of
    `a` or the reverse: "X (Y)", "X, or about Y", "X, equivalent to Y", "(X, Y)"...?"""
    if b.start < a.end or b.start - a.end > MAX_GAP:
        return False
    gap = text[a.end:b.start]
    if _GAP.fullmatch(gap):
        return True
    if not _COMMA.fullmatch(gap):
        return False
    # "X, roughly Y": the qualifier is inside Y's span, so the gap is only the comma
    return _bracketed(text, a.start, b.end) or bool(_APPROX_HEAD.match(b.text))


def _bracketed(text: str, start: int, end: int) -> bool:
    left = text[max(0, start - 30):start].rstrip()
    # allow a few words inside the bracket before the first amount: "(about 191.1 trillion won"
    m = re.search(r"[(\[][^()\[\]]{0,25}$", left)
    right = text[end:end + 30].lstrip()
    return bool(m) and right[:1] in (")", "]")


def _converted_bounds(fig: Figure) -> tuple[Decimal, Decimal]:
    """The values the printed conversion admits: the computed view of the one interval model
    ("about" is one rounding step: the writer rounded a result they held exactly)."""
    lo, hi = computed(fig)
    assert lo is not None and hi is not None  # a single value is bounded on both sides
    return lo, hi


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out: list[Finding] = []
    cache: dict = {}
    for doc in docs:
        for a, b in pairs(doc):
            if a.is_range:
                out.append(_check_range_pair(a, b, doc.date, table, cache))
            else:
                out.append(check_pair(a, b, doc.date, table=table, _cache=cache))
    return out


_STATUS_RANK = {CONSISTENT: 0, UNVERIFIABLE: 1, INCONSISTENT: 2}


def _check_range_pair(a: Figure, b: Figure, date: Date | None, table: RateProvider | None,
                      cache) -> Finding:
    """A range converted into a range: each end is checked as a pair of its own (low with low,
    high with high); the verdict is the worse of the two, with both ends' details."""
    ends = []
    for name in ("low", "high"):
        ea = a.replace(value=getattr(a, name), low=None, high=None)
        eb = b.replace(value=getattr(b, name), low=None, high=None)
        ends.append(check_pair(ea, eb, date, table=table, _cache=cache))
    worse = max(ends, key=lambda f: _STATUS_RANK.get(f.status, 1))
    details = {**worse.details, "low_end": ends[0].details, "high_end": ends[1].details}
    msg = (f"'{a.text}' = '{b.text}': low end {ends[0].status}, high end {ends[1].status}; "
           f"{worse.message}")
    return finding(NAME, worse.status, worse.severity, (a, b), msg, **details)


def _table(table: RateProvider | None):
    if table is None:
        from figures.normalize.rates.table import RateTable

        table = RateTable.world()  # the ECB first; NBP tables and pegs for what it lacks
    return table


def check_pair(stated: Figure, converted: Figure, date: Date | None, *,
               table: RateProvider | None = None,
               _cache: dict | None = None) -> Finding:
    """The verdict on one (stated, converted) pair; see the module docstring."""
    a, b = stated, converted
    figs = (a, b)
    if a.currency is None or b.currency is None:
        unknown = a if a.currency is None else b
        if date is not None and unknown.currency_candidates and (a.currency or b.currency):
            return _open_pair(a, b, unknown, date, table, _cache)
        cands = " or ".join(unknown.currency_candidates) or "unknown"
        return finding(NAME, UNVERIFIABLE, WARNING, figs,
                       f"cannot check '{a.text}' = '{b.text}': the currency of '{unknown.text}' "
                       f"is not known ({cands})",
                       currency_candidates=tuple(unknown.currency_candidates))
    if a.value == 0 or b.value == 0:
        return finding(NAME, UNVERIFIABLE, WARNING, figs,
                       f"cannot check '{a.text}' = '{b.text}': a zero amount implies no rate")
    # Orient: base = the currency with fewer units (larger unit value), rate >= 1.
    blo, bhi = _converted_bounds(b)
    if abs(b.value) >= abs(a.value):
        base, quote = a.currency, b.currency
        implied = b.value / a.value
        lo, hi = blo / a.value, bhi / a.value
    else:
        base, quote = b.currency, a.currency
        implied = a.value / b.value
        lo, hi = (a.value / bhi if bhi else implied), (a.value / blo if blo > 0 else None)
        if hi is None:
            hi = implied * 2
    lo, hi = min(lo, hi), max(lo, hi)
    rounding = (hi - lo) / (2 * implied)
    tolerance = rounding + ALLOWANCE
    unit = f"{quote} per {base}"
    base_details = {
        "implied_rate": q4(implied),
        "implied_low": q4(lo),
        "implied_high": q4(hi),
        "rate_unit": unit,
        "rounding": q4(rounding),
        "allowance": ALLOWANCE,
        "tolerance": q4(tolerance),
    }
    t = _table(table)
    if date is None:
        try:
            runs, n_days = _held_on(t, base, quote, lo, hi, None, _cache)
        except (NoRate, FiguresError) as exc:
            return finding(NAME, UNVERIFIABLE, WARNING, figs,
                           f"cannot check '{a.text}' = '{b.text}': {exc}", **base_details)
        where = _runs_text(runs, n_days, _source(t))
        return finding(
            NAME, UNVERIFIABLE, WARNING, figs,
            f"'{a.text}' = '{b.text}' implies {fmt_num(q4(implied))} {unit}; the document has "
            f"no date (pass --date), so it cannot be checked; {where}",
            **base_details, held_on=_runs_list(runs), held_days=n_days,
            last_held=runs[-1][1] if runs else None)
    try:
        r = t.rate(base, quote, date)
    except (NoRate, FiguresError) as exc:
        return finding(NAME, UNVERIFIABLE, WARNING, figs,
                       f"cannot check '{a.text}' = '{b.text}': {exc}", **base_details)
    ref = r.value
    rel_diff = implied / ref - 1
    dist = _dist(lo, hi, ref)
    # Each source has its own allowance (an NBP cross differs more from the rate a newsroom
    # used than the ECB's: bench/NBP.md).
    allow = allowance(r.source)
    tolerance = rounding + allow
    details = {**base_details, "allowance": allow, "tolerance": q4(tolerance),
               "reference_rate": q4(ref), "rate_date": r.rate_date,
               "rate_source": r.source, "rel_diff": q4(rel_diff)}
    # Evidence from the window: the fixing closest to the implied rate.
    try:
        window = t.series(base, quote, date - timedelta(days=WINDOW_DAYS - 1), date)
    except (NoRate, FiguresError):
        window = []
    best_d, best_v, best_dist = r.rate_date, ref, dist
    for d, v in window:
        dd = _dist(lo, hi, v)
        if dd < best_dist or (dd == best_dist and d > best_d):
            best_d, best_v, best_dist = d, v, dd
    details["best_date"] = best_d
    details["best_rel_diff"] = q4(implied / best_v - 1)
    details["window"] = f"{date - timedelta(days=WINDOW_DAYS - 1)}..{date}"
    sign = "+" if rel_diff >= 0 else ""
    arith = (f"'{a.text}' = '{b.text}' implies {fmt_num(q4(implied))} {unit} "
             f"({fmt_num(q4(lo))}..{fmt_num(q4(hi))} within rounding); {_named(r)}: "
             f"{fmt_num(q4(ref))}, {sign}{rel_diff * 100:.1f}%")
    if dist <= allow:
        return finding(NAME, CONSISTENT, INFO, figs,
                       f"{arith}, within tolerance {tolerance * 100:.1f}%", **details)
    try:
        runs, n_days = _held_on(t, base, quote, lo, hi, date, _cache)
    except (NoRate, FiguresError):
        runs, n_days = [], 0
    details["held_on"] = _runs_list(runs)
    details["held_days"] = n_days
    details["last_held"] = runs[-1][1] if runs else None
    extra = ""
    if best_d != r.rate_date and best_dist <= allow:
        extra = (f"; it matches the fixing of {best_d} ({'+' if best_v <= implied else ''}"
                 f"{(implied / best_v - 1) * 100:.1f}%): the conversion may predate the article")
    elif runs:
        extra = f"; {_runs_text(runs, n_days, _source(t))}"
    sev = ERROR if dist > GROSS else WARNING
    stated_amount = fmt_amount(a.value, a.currency)
    at_ref = fmt_amount(a.value * (ref if a.currency == base else 1 / ref), b.currency)
    return finding(
        NAME, INCONSISTENT, sev, figs,
        f"{arith}, beyond tolerance {tolerance * 100:.1f}% ({stated_amount} was {at_ref} on "
        f"{r.rate_date}){extra}", **details)


def candidate_verdicts(a: Figure, b: Figure, unknown: Figure, date: Date,
                       table: RateProvider | None = None,
                       _cache: dict | None = None) -> list[tuple[str, Finding]]:
    """The verdict on the pair (a, b) for each currency the open side `unknown` could be."""
    out = []
    other = b if unknown is a else a
    for cur in unknown.currency_candidates:
        if cur == other.currency:
            continue
        trial = unknown.replace(currency=cur, currency_candidates=())
        pa, pb = (trial, b) if unknown is a else (a, trial)
        out.append((cur, check_pair(pa, pb, date, table=table, _cache=_cache)))
    return out


def _open_pair(a: Figure, b: Figure, unknown: Figure, date: Date, table: RateProvider | None,
               _cache) -> Finding:
    """A pair whose one side is open: consistent if exactly one candidate fits (the extractor's
    rate fingerprint settles such a side when it has the date), else each candidate's error."""
    verdicts = candidate_verdicts(a, b, unknown, date, table, _cache)
    fits = [cur for cur, f in verdicts if f.status == CONSISTENT]
    errors = {cur: f.details.get("rel_diff") for cur, f in verdicts}
    checked = [(cur, f) for cur, f in verdicts if f.status != UNVERIFIABLE]
    listing = "; ".join(
        f"as {cur}: {'+' if (f.details['rel_diff'] or 0) >= 0 else ''}"
        f"{f.details['rel_diff'] * 100:.1f}% off the {f.details.get('rate_source')} rate"
        for cur, f in checked)
    if len(fits) == 1:
        f = dict(verdicts)[fits[0]]
        return finding(NAME, CONSISTENT, INFO, (a, b),
                       f"{f.message} (the open currency of '{unknown.text}' read as {fits[0]}; "
                       f"{listing})", **f.details, candidate_errors=errors)
    if not checked:
        return finding(NAME, UNVERIFIABLE, WARNING, (a, b),
                       f"cannot check '{a.text}' = '{b.text}': no rate for any currency "
                       f"'{unknown.text}' could be ({', '.join(unknown.currency_candidates)})",
                       currency_candidates=tuple(unknown.currency_candidates))
    if fits:
        return finding(NAME, UNVERIFIABLE, WARNING, (a, b),
                       f"'{a.text}' = '{b.text}' fits more than one currency for '{unknown.text}' "
                       f"({', '.join(fits)}): {listing}", candidate_errors=errors,
                       currency_candidates=tuple(unknown.currency_candidates))
    worst = min(abs(f.details["rel_diff"]) for _, f in checked)
    sev = ERROR if worst > GROSS else WARNING
    return finding(NAME, INCONSISTENT, sev, (a, b),
                   f"'{a.text}' = '{b.text}' fits no currency '{unknown.text}' could be: {listing}",
                   candidate_errors=errors, currency_candidates=tuple(unknown.currency_candidates))


def _dist(lo: Decimal, hi: Decimal, ref: Decimal) -> Decimal:
    """Relative distance from the reference rate to the nearest rate reproducing the figures."""
    if lo <= ref <= hi:
        return Decimal(0)
    return (lo / ref - 1) if ref < lo else (1 - hi / ref)


def _held_on(t, base, quote, lo, hi, until, cache):
    """Contiguous runs of table days (up to `until`) on which the rate lay in [lo, hi].

    One pass over the pair's whole series per [lo, hi], cached for the run with the runs as
    day indices, so the same figures in documents of other dates (wire copies) cost one
    bisection each."""
    import bisect

    cache = {} if cache is None else cache
    rkey = ("runs", base, quote, lo, hi, until)
    if rkey in cache:
        return cache[rkey]
    key = ("series", base, quote)
    got = cache.get(key)
    if got is None:
        series = t.series(base, quote)
        got = ([d for d, _ in series], [v for _, v in series])
        cache[key] = got
    days, values = got
    ikey = ("spans", base, quote, lo, hi)
    spans = cache.get(ikey)
    if spans is None:
        # Decimal comparisons (a rate never passes through a float), mapped in C: one flag per
        # day; then (first index, last index) of each run of flags and the days before each run
        inside = map(operator.and_, map(lo.__le__, values), map(hi.__ge__, values))
        firsts: list[int] = []
        lasts: list[int] = []
        before: list[int] = []
        i = n = 0
        for flag, group in itertools.groupby(inside):
            k = len(list(group))
            if flag:
                firsts.append(i)
                lasts.append(i + k - 1)
                before.append(n)
                n += k
            i += k
        spans = cache[ikey] = (firsts, lasts, before, n)
    firsts, lasts, before, n = spans
    stop = len(days) if until is None else bisect.bisect_right(days, until)
    j = bisect.bisect_left(firsts, stop)  # runs that start before `stop`; the last may be cut
    runs = [(days[firsts[k]], days[lasts[k]]) for k in range(j)]
    if j:
        n = before[j - 1] + min(lasts[j - 1], stop - 1) - firsts[j - 1] + 1
        if lasts[j - 1] >= stop:
            runs[-1] = (days[firsts[j - 1]], days[stop - 1])
    else:
        n = 0
    cache[rkey] = (runs, n)
    return runs, n


def _runs_list(runs) -> tuple[str, ...]:
    """Every run as 'YYYY-MM-DD..YYYY-MM-DD': the JSON keeps the whole evidence."""
    return tuple(f"{s}..{e}" for s, e in runs)


def _named(r) -> str:
    """The rate's source and table date, once (NBP sources already carry their dates)."""
    day = str(r.rate_date)
    return r.source if day in r.source else f"{r.source} {day}"


def _source(t) -> str:
    names = getattr(t, "source_names", None)
    if callable(names):
        names = names()
    return names[0] if isinstance(names, (tuple, list)) and names else "table"


def _runs_text(runs, n_days, source: str = "table") -> str:
    if not runs:
        return f"the implied rate never held on a {source} day"
    # summarized (first, last, count): the whole list is in details["held_on"]
    return (f"it held (within rounding) on {n_days} {source} days in {len(runs)} periods, "
            f"first {runs[0][0]}, last {runs[-1][1]}")
