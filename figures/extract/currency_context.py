"""Document-level currency resolution: what a bare '$', '¥' or 'pounds' means here."""

from __future__ import annotations

import re

from figures.extract.raw import K_MONEY, K_QUANTITY, Raw
from figures.extract.scan import signal_words
from figures.vocab.currencies import (
    CNY_SIGNALS,
    DOLLAR_COUNTRY_SIGNALS,
    GBP_SIGNALS,
    JPY_SIGNALS,
    SYMBOLS,
    US_SIGNALS,
)

_GLOSS_GAP = re.compile(
    r"[ \u00a0]*(?:[(\[（][ ]*(?:or[ ]+|about[ ]+|around[ ]+|approximately[ ]+|roughly[ ]+|some[ ]+|~)?"
    r"|,?[ ]+(?:or|i\.e\.|equivalent[ ]+to|equal[ ]+to)(?:[ ]+(?:about|around|roughly|approximately|nearly|some|almost))?[ ]+"
    r"|,[ ]*)\Z",
    re.I,
)


# ---- document-level resolution --------------------------------------------------------------


def resolve_context(text: str, raws: list[Raw]) -> None:
    """Decide what each bare '$', 'dollars', '¥' and 'pounds' means, once per document."""
    pending = [r for r in raws if r.marker is not None]
    if not pending:
        return
    glossed = False
    for i, r in enumerate(raws):
        if r.marker == "$" and _is_gloss(text, raws, i):
            r.currency, r.basis = "USD", "gloss: '$' converts a non-dollar amount next to it"
            r.marker = None
            glossed = True
    pending = [r for r in raws if r.marker is not None]
    if not pending:
        return
    found = _signals(text)
    foreign = {found_code for found_code in found.get("dollar_countries", ())} - found.get("prefixed", set())
    for r in pending:
        if r.marker == "$":
            if glossed:
                r.currency, r.basis = "USD", "document convention: '$' glosses a non-dollar figure elsewhere in the text"
            elif not foreign:
                r.currency, r.basis = "USD", "no other dollar country in the document"
            else:
                r.candidates = ("USD", *sorted(foreign))
                r.basis = "'$' in a document that mentions " + ", ".join(sorted(foreign)) + " dollar contexts"
        elif r.marker == "¥":
            cny, jpy = found.get("cny", 0), found.get("jpy", 0)
            if cny and not jpy:
                r.currency, r.basis = "CNY", "'¥' in a document about China"
            elif jpy and not cny:
                r.currency, r.basis = "JPY", "'¥' in a document about Japan"
            else:
                r.candidates = ("CNY", "JPY")
                r.basis = "'¥' with both or neither Chinese and Japanese context"
        elif r.marker == "pounds":
            if found.get("gbp"):
                r.currency, r.basis = "GBP", "'pounds' in a document about Britain"
            else:
                r.kind, r.unit, r.currency = K_QUANTITY, "pound (weight)", None
                r.basis = "'pounds' with no British or money context: read as weight"
        r.marker = None


def _is_gloss(text: str, raws: list[Raw], i: int) -> bool:
    """A '$' amount next to an amount in a non-dollar currency, in brackets or after 'or'."""
    r = raws[i]
    if i > 0:
        p = raws[i - 1]
        if p.kind == K_MONEY and p.currency and p.currency not in ("USD",) and p.marker is None:
            gap_start = p.end
            if r.start - gap_start <= 40 and _GLOSS_GAP.search(text, gap_start, r.start):
                return True
    if i + 1 < len(raws):
        q = raws[i + 1]
        if q.kind == K_MONEY and q.currency and q.currency != "USD" and q.marker is None:
            if q.start - r.end <= 40 and _GLOSS_GAP.search(text, r.end, q.start):
                return True
    return False


def _signals(text: str) -> dict:
    found: dict = {"dollar_countries": set(), "prefixed": set(), "cny": 0, "jpy": 0, "gbp": 0, "us": 0}
    for w in signal_words(text):
        if w.endswith("$"):
            code = SYMBOLS.get(w)
            if code:
                found["prefixed"].add(code)
            continue
        if w in DOLLAR_COUNTRY_SIGNALS:
            found["dollar_countries"].add(DOLLAR_COUNTRY_SIGNALS[w])
        if w in US_SIGNALS:
            found["us"] += 1
        if w in CNY_SIGNALS:
            found["cny"] += 1
        if w in JPY_SIGNALS:
            found["jpy"] += 1
        if w in GBP_SIGNALS:
            found["gbp"] += 1
    if "£" in text:
        found["gbp"] += 1
    return found
