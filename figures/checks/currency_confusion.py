"""currency_confusion: one number in two currencies, or one price labelled in two currencies.

1. The same printed amount in two currencies close together ("initial investment of RMB 10
   billion ..., with an expected investment of $10 billion over the next 10 years": same
   paragraph, at most `NEAR` characters apart, not a conversion pair). The two are either two
   different facts or one fact with a wrong currency label; the text cannot tell, so the
   finding is `unverifiable` (warning) and shows both amounts in one currency at the document's
   rate so the reader sees how far apart they are (here about 6.4x).
2. A per-share price of one company given in two currencies within the run ("35.9 yuan/share"
   and "about 10 yuan/share" in one article, "closed at HK$13.52" in another, all Xiaomi). A
   share line trades in one currency, so this is `inconsistent` (warning): one of the labels is
   probably wrong (or the company has two listings, e.g. A and H shares: the message says so).
   Share prices are figures with per="share", or amounts right after "closed at", "share
   price of", "trading at", ...; the company is the capitalised name in the figure's metric
   window, else the document's most frequent name.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from figures.checks._common import (
    INCONSISTENT,
    UNVERIFIABLE,
    WARNING,
    DocFigures,
    finding,
    fmt_amount,
    fmt_num,
    round_places,
)
from figures.errors import FiguresError
from figures.model import Figure, Finding, Kind
from figures.vocab.stop_words import METRIC_STOP_WORDS

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "currency_confusion"
NEAR = 400
MAX_MENTIONS = 8
_PRICE_LEFT = re.compile(
    r"\b(?:clos(?:ed|ing|e)|open(?:ed|ing)|trad(?:ed|ing)|end(?:ed|ing)|finish(?:ed|ing)|"
    r"settl(?:ed|ing)|(?:share|stock)\s+price(?:s)?|price\s+per\s+share|priced|"
    r"shares?\s+(?:rose|fell|jumped|climbed|dropped|slid|hit|reached|were|was|at|to)|"
    r"(?:new\s+)?(?:high|low)\s+(?:price\s+)?of)\b[^.;\d]{0,20}$", re.I)
_PRICE_HINT = re.compile(r"clos|open|trad|end|finish|settl|price|share|high|low", re.I)
# "\b[A-Z][a-zA-Z]{2,}\b", with the capital first so the regex engine skips to capitals by a
# character-set test (three times faster)
_NAME = re.compile(r"[A-Z](?<!\w[A-Z])[a-zA-Z]{2,}\b")
# Function words, months and weekdays are not names either: METRIC_STOP_WORDS, looked up in
# lower case, says so.
_NOT_NAMES = frozenset("""Chinese American European Japanese Korean Indian British German French Hong Kong Beijing
Shanghai Shenzhen China States United Group Company Inc Ltd Corp Co CEO CFO Chairman President
Board Exchange Stock Market Bank Central Reuters Bloomberg Xinhua Paper Report News Daily""".split())


def _is_share_price(doc: DocFigures, f: Figure) -> bool:
    if f.kind != Kind.MONEY or f.value is None or f.currency is None:
        return False
    if (f.per or "").lower() == "share":
        return True
    if f.scale_word or f.value >= 100_000:
        return False
    left = doc.text[max(0, f.start - 50):f.start]
    if not _PRICE_HINT.search(left):
        return False
    return bool(_PRICE_LEFT.search(left))


def main_name(doc: DocFigures) -> str | None:
    key = ("main_name",)
    if key in doc._cache:
        return doc._cache[key]
    name = None
    for word, _ in Counter(_NAME.findall(doc.text, 0, 2500)).most_common():
        if word not in _NOT_NAMES and word.lower() not in METRIC_STOP_WORDS:
            name = word.lower()
            break
    doc._cache[key] = name
    return name


def company_name(doc: DocFigures, f: Figure) -> str | None:
    """The company a figure is about: a name in its metric window (the document's most
    frequent name if several are there), else the document's most frequent name."""
    ents = [e for e in doc.metric(f).entities
            if e.capitalize() not in _NOT_NAMES and e not in METRIC_STOP_WORDS]
    if len(ents) == 1:
        return ents[0]
    main = main_name(doc)
    if main in ents:
        return main
    return ents[0] if ents else main


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out: list[Finding] = []
    for doc in docs:
        out.extend(_same_number(doc, table))
    out.extend(_share_prices(docs))
    return out


def _same_number(doc: DocFigures, table: RateProvider | None) -> list[Finding]:
    from figures.checks.conversion import pairs as conversion_pairs

    by_value: dict[Decimal, list[Figure]] = {}
    for f in doc.figures:
        if f.kind == Kind.MONEY and f.value is not None and f.currency and f.value != 0:
            by_value.setdefault(f.value.normalize(), []).append(f)
    groups = [g for g in by_value.values() if len({f.currency for f in g}) > 1]
    if not groups:
        return []
    conv = {(a.start, b.start) for a, b in conversion_pairs(doc)}
    out = []
    for g in groups:
        for i, a in enumerate(g):
            for b in g[i + 1:]:
                if b.start - a.end > NEAR:
                    break
                if a.currency == b.currency:
                    continue
                if (a.start, b.start) in conv:
                    continue
                if not doc.same_paragraph(a.end, b.start):
                    continue
                out.append(_number_finding(doc, a, b, table))
    return out


def _number_finding(doc: DocFigures, a: Figure, b: Figure, table: RateProvider | None) -> Finding:
    details: dict = {"value": a.value, "currencies": (a.currency, b.currency)}
    ratio_txt = ""
    try:
        if table is None:
            from figures.normalize.rates.table import RateTable

            table = RateTable.default()
        when = doc.date
        if when is None:
            last = getattr(table, "last_day", None)
            when = last() if callable(last) else last
        if when is not None:
            r = table.rate(b.currency, a.currency, when)
            b_in_a = b.value * r.value
            details.update({"normalized_b": b_in_a, "normalized_currency": a.currency,
                            "rate": round_places(r.value, 6), "rate_date": r.rate_date,
                            "ratio": round_places(b_in_a / a.value, 4)})
            undated = "" if doc.date else " (document undated: latest table rate)"
            ratio_txt = (f"; at the {r.rate_date} rate{undated} '{b.text}' = "
                         f"{fmt_amount(b_in_a, a.currency)}, {fmt_num(round_places(b_in_a / a.value, 2))}x "
                         f"'{a.text}'")
    except (FiguresError, ArithmeticError):
        pass
    return finding(
        NAME, UNVERIFIABLE, WARNING, (a, b),
        f"the same number {fmt_num(a.value)} in two currencies ({a.currency} and {b.currency}) "
        f"close together: '{a.text}' and '{b.text}' are different amounts - two different "
        f"facts, or a currency label is wrong{ratio_txt}", **details)


def _share_prices(docs: Sequence[DocFigures]) -> list[Finding]:
    by_company: dict[str, dict[str, list[Figure]]] = {}
    for doc in docs:
        for f in doc.figures:
            if _is_share_price(doc, f):
                name = company_name(doc, f)
                if name:
                    by_company.setdefault(name, {}).setdefault(f.currency, []).append(f)
    out = []
    for name, by_cur in by_company.items():
        if len(by_cur) < 2:
            continue
        ranked = sorted(by_cur.items(), key=lambda kv: -len(kv[1]))
        figs: list[Figure] = []
        per_cur = max(1, MAX_MENTIONS // len(ranked))
        for _, fs in ranked:
            figs.extend(fs[:per_cur])
        listing = "; ".join(
            f"{cur}: " + ", ".join(f"'{f.text}'" for f in fs[:4]) + (" …" if len(fs) > 4 else "")
            for cur, fs in ranked)
        out.append(finding(
            NAME, INCONSISTENT, WARNING, figs,
            f"the share price of {name.capitalize()} is given in {len(ranked)} currencies "
            f"({listing}); a share line trades in one currency, so a label is probably wrong "
            f"(unless the company has two listings, e.g. A and H shares)",
            company=name, currencies=tuple(c for c, _ in ranked),
            counts=tuple(len(fs) for _, fs in ranked)))
    return out
