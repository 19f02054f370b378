"""Document-level currency resolution: what a bare '$', 'cents', '¥', 'Rs', 'R' or 'pounds'
means here, decided once per document from its locale (figures.extract.locale).

Rules, in order, for a bare dollar ('$', 'dollars', and 'cents' where the locale has no cents
of its own):
- a '$' that converts an amount beside it ("C$3.1 billion ($2.15 billion)") is not that
  amount's currency: USD when the locale has no other dollar, else open for the rate
  fingerprint (figures.checks.fingerprint) to settle;
- a share price on a US exchange named in the same clause ("Nasdaq shares closed at $41.20");
- the locale's dollar (Sydney: AUD), unless a rival dollar country is named in the same clause
  or has strong evidence of its own (then open between them);
- a document whose locale has no dollar (Karachi, Manila) means USD; so does a document with
  no country signal at all (English-language wire copy), unless it writes 'US$' for other
  amounts, which says its bare '$' is some other dollar (open: the fingerprint may settle it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Final

from figures.extract.locale import HOME, NO_LOCALE, SIGNAL_TABLE, Locale, currency_of, decide
from figures.extract.raw import K_MONEY, K_QUANTITY, Raw
from figures.vocab.gloss import GLOSS_WORDS
from figures.vocab.locale_signals import (
    CENT_CURRENCIES,
    DOLLAR_CURRENCIES,
    LOCAL_MARKERS,
    LOCALE_ONLY_MARKERS,
    MARKER_CANDIDATES,
    POUND_COUNTRIES,
    SHARE_PRICE_EXCHANGES,
    SOUTH_ASIAN_SCALES,
)

# "1,24,000": a two-digit group before the last three digits is written only in South Asia.
_THREE_AFTER_COMMA: Final = re.compile(r"\d,\d{3}(?!\d)")
# Markers read spaced from the number only where the locale uses them ("the Sh 3 bus").
_SPACED_NEEDS_LOCALE: Final = frozenset({"Sh", "Shs"})
_LOCALE_OK: Final[dict[str, tuple[str, ...]]] = {cc: ("Sh", "Shs") for cc in LOCAL_MARKERS["Sh"]}
_INDIAN_GROUPING: Final = re.compile(r"\d,\d\d,\d{3}(?!\d)")


def _gloss(place: str, after: str = "") -> str:
    """The gloss phrases (figures.vocab.gloss) that may stand at `place`, as one alternation;
    `after` follows each phrase that ends in a letter ("about " but "~")."""
    words = sorted((w for w, at in GLOSS_WORDS.items() if place in at), key=lambda w: (-len(w), w))
    return "(?:" + "|".join(re.escape(w).replace("\\ ", "[ ]+") + (after if w[-1].isalpha() else "")
                            for w in words) + ")"


_GLOSS_GAP: Final = re.compile(
    r"[ \u00a0]*(?:[(\[（][ ]*" + _gloss("x-bracket", "[ ]+") + "?"
    r"|,?[ ]+" + _gloss("x-link") + "(?:[ ]+" + _gloss("x-hedge") + ")?[ ]+"
    r"|,[ ]*)\Z",
    re.I,
)
# How far left of a figure a signal word still speaks for it, within its clause.
_CLAUSE_REACH: Final = 80
_CLAUSE_BREAKS: Final = ",;.!?\n()"
_USD_SYMBOL_BASES: Final = frozenset({"symbol", "code", "name"})


def resolve_context(text: str, raws: list[Raw], signals: list[tuple[int, str]],
                    given: str | None) -> Locale:
    """Decide what each bare marker means, once per document; returns the document locale.
    Raws whose marker is money only in other countries ('P8' outside the Philippines) are
    removed from `raws`."""
    settled: dict[str, int] = {}
    usd_written = False
    hints: list[tuple[str, str]] = []
    for r in raws:
        sw = r.scale_word
        if sw is not None and sw.lower() in SOUTH_ASIAN_SCALES:
            hints.append(("IN", "scale " + sw))
        elif r.marker == "Rs" and _INDIAN_GROUPING.search(text, r.start, r.end) is not None:
            hints.append(("IN", "Indian digit grouping"))
        if r.kind == K_MONEY and r.currency is not None and r.marker is None:
            cur = r.currency
            settled[cur] = settled.get(cur, 0) + 1
            if cur == "USD" and r.basis in _USD_SYMBOL_BASES:
                usd_written = True
    pending = [r for r in raws if r.marker is not None]
    if not pending and not signals and given is None and not hints:
        # The common case (most paragraphs): nothing to settle and no evidence but, perhaps,
        # the currencies of settled amounts.
        if not any(HOME.get(cur, "") for cur in settled):
            return NO_LOCALE
    loc = decide(text, signals, settled, given, hints)
    _relabel_names(text, raws, loc)
    if not pending:
        return loc
    positions = [p for p, _ in signals]
    drop = False
    # Every marker but the dollar first: a '$' that converts a 'P' or 'Rs' amount beside it
    # needs that amount's currency.
    # A number cut at a decimal comma ("R512,3") says the document writes decimal commas: then
    # "R1,234 million" has two readings, and a local marker does not choose between them.
    yen_words: tuple[int, int] | None = None  # ("yuan" words, "yen" words), read once if needed
    comma_doc = any(r.marker is not None and r.marker != "$" and _cut(text, r.end)
                    and text[r.end] == "," for r in pending)
    for r in pending:
        m = r.marker
        if m is None or m == "$":
            continue
        if m == "¥":
            if yen_words is None:
                yen_words = _yen_words(text)
            _yen(r, loc, yen_words)
        elif m == "pounds":
            _pounds(r, loc)
        elif _cut(text, r.end) or (comma_doc and _THREE_AFTER_COMMA.search(text, r.start, r.end) is not None) or (
                m in _SPACED_NEEDS_LOCALE and m not in _LOCALE_OK.get(loc.country or "", ())
                and text[r.start + len(m):r.start + len(m) + 1] == " "):
            # "R4,17 billion" whose number reader stopped at "R4": no reading beats a wrong one
            r.currency, r.candidates = None, ()
            drop = True
        else:
            drop = _local(r, m, loc) or drop
        r.marker = None
    dollars = [i for i, r in enumerate(raws) if r.marker == "$"]
    for i in dollars:
        r = raws[i]
        if _is_cents(text, r) and loc.currency in CENT_CURRENCIES and loc.currency not in DOLLAR_CURRENCIES:
            r.currency, r.basis = loc.currency, "cents of the locale's currency: " + loc.short()
        else:
            _dollar(text, raws, i, loc, usd_written, positions, signals)
    for i in dollars:
        raws[i].marker = None
    if drop:
        raws[:] = [r for r in raws if r.kind != K_MONEY or r.currency is not None or r.candidates]
    return loc


def _dollar(text: str, raws: list[Raw], i: int, loc: Locale, usd_written: bool,
            positions: list[int], signals: list[tuple[int, str]]) -> None:
    r = raws[i]
    local = loc.currency if loc.currency in DOLLAR_CURRENCIES else None
    partner = _gloss_partner(text, raws, i)
    if partner is not None:
        if local is None or local == "USD" or partner == local:
            r.currency = "USD"
            r.basis = f"'$' converts a {partner} amount beside it" + (
                f" in a document whose own dollar is written with its prefix ({loc.short()})"
                if partner == local else "")
        else:
            r.candidates = (local, "USD")
            r.basis = f"'$' converts a {partner} amount beside it: {local} ({loc.short()}) or USD"
        return
    near = _clause_signal(text, r.start, positions, signals)
    if near is not None:
        word, cc = near
        if SHARE_PRICE_EXCHANGES.get(word) == cc and _share_price(text, r):
            r.currency, r.basis = "USD", f"a share price on {word} (a US exchange) in the same clause"
            return
        other = currency_of(cc)
        if (other is not None and other in DOLLAR_CURRENCIES and other != local
                and loc.country is not None and cc != loc.country and local is not None):
            r.candidates = (local, other)
            r.basis = f"'{word}' in the same clause points at {other}; {loc.short()}"
            return
    if loc.country is None:
        rival_dollars = _rival_dollars(loc.rivals)
        if rival_dollars:
            if len(rival_dollars) == 1:
                r.currency, r.basis = rival_dollars[0], f"the only dollar country in the text ({loc.why()})"
            else:
                r.candidates = tuple(rival_dollars)
                r.basis = "conflicting signals: " + loc.why()
        elif usd_written:
            r.candidates = tuple(c for c in MARKER_CANDIDATES["$"] if c != "USD")
            r.basis = "'$' beside 'US$' in the same document: not the US dollar, and no country signal"
        else:
            r.currency, r.basis = "USD", "no local signal in the text: '$' read as the US dollar"
        return
    if local is None:
        r.currency, r.basis = "USD", f"{loc.short()} uses {loc.currency}, not a dollar: '$' is the US dollar"
        return
    rivals = [c for c in _rival_dollars(loc.rivals) if c != local]
    if rivals:
        r.candidates = (local, *rivals)
        r.basis = f"{loc.short()}; conflicting evidence: {loc.why()}"
        return
    r.currency, r.basis = local, loc.short() + (
        "; the document writes 'US$' for US dollars" if usd_written and local != "USD" else "")


def _rival_dollars(rivals: list[str]) -> list[str]:
    out: list[str] = []
    for cc in rivals:
        cur = currency_of(cc)
        if cur is not None and cur in DOLLAR_CURRENCIES and cur not in out:
            out.append(cur)
    return out


# The currency words a document writes beside its '¥' amounts ("as the weak yen boosts
# exports", "in yuan terms"). The anchor scan leaves lower-case words out (speed), so they are
# counted here, once per document, and only when a '¥' is still open.
_YEN_WORDS: Final = re.compile(r"(?<![A-Za-z])(?:(?P<cn>yuan|renminbi|Renminbi)|(?P<jp>yen))(?![A-Za-z])")


def _yen_words(text: str) -> tuple[int, int]:
    cn = jp = 0
    for m in _YEN_WORDS.finditer(text):
        if m.group("cn") is not None:
            cn += 1
        else:
            jp += 1
    return cn, jp


def _yen(r: Raw, loc: Locale, words: tuple[int, int]) -> None:
    if loc.country in ("CN", "JP"):
        r.currency = "CNY" if loc.country == "CN" else "JPY"
        r.basis = loc.short()
        return
    cn, jp = loc.scores.get("CN", 0), loc.scores.get("JP", 0)
    if cn and not jp:
        r.currency, r.basis = "CNY", "'¥' in a document about China: " + ", ".join(loc.evidence["CN"][:3])
    elif jp and not cn:
        r.currency, r.basis = "JPY", "'¥' in a document about Japan: " + ", ".join(loc.evidence["JP"][:3])
    elif not cn and not jp and words[0] and not words[1]:
        r.currency, r.basis = "CNY", "'¥' in a document that writes 'yuan'"
    elif not cn and not jp and words[1] and not words[0]:
        r.currency, r.basis = "JPY", "'¥' in a document that writes 'yen'"
    else:
        r.candidates = ("CNY", "JPY")
        r.basis = "'¥' with both or neither Chinese and Japanese context"


def _pounds(r: Raw, loc: Locale) -> None:
    cur = POUND_COUNTRIES.get(loc.country or "")
    if cur is not None:
        r.currency, r.basis = cur, "'pounds' in " + loc.short()
    elif loc.scores.get("GB", 0):
        r.currency, r.basis = "GBP", "'pounds' in a document about Britain"
    else:
        r.kind, r.unit, r.currency = K_QUANTITY, "pound (weight)", None
        r.basis = "'pounds' with no British or money context: read as weight"


def _local(r: Raw, m: str, loc: Locale) -> bool:
    """A local marker ('Rs', 'Sh', 'R', 'P', 'W'...). True when the figure is to be dropped."""
    meanings = LOCAL_MARKERS.get(m, {})
    cur = meanings.get(loc.country or "")
    if cur is not None:
        r.currency, r.basis = cur, f"'{m}' in " + loc.short()
        return False
    if m in LOCALE_ONLY_MARKERS:
        r.currency, r.candidates = None, ()  # 'P8', 'W54' outside their countries: not money
        return True
    cands = MARKER_CANDIDATES.get(m, tuple(meanings.values()))
    r.candidates = cands
    r.basis = f"'{m}' is used in several countries and the text names none of them"
    return False


def _relabel_names(text: str, raws: list[Raw], loc: Locale) -> None:
    """Names read by the locale: a name CLDR shares among several currencies ('rupees',
    'riyals', 'pesos') is the locale's currency when that is one of its candidates; 'pounds',
    which British usage settles, is the locale's pound ('61 billion pounds' in Cairo)."""
    local = loc.currency
    if local is None:
        return
    pound = POUND_COUNTRIES.get(loc.country or "")
    for r in raws:
        if r.kind != K_MONEY:
            continue
        if r.currency is None and r.candidates and local in r.candidates and r.marker is None \
                and r.basis is not None and r.basis.startswith("name '"):
            name = r.basis[5:r.basis.index("'", 6) + 1]
            r.currency, r.candidates, r.basis = local, (), name + " in " + loc.short()
        elif r.basis == "name" and r.currency == "GBP" and pound is not None and pound != "GBP" \
                and "pound" in text[r.start:r.end].lower():
            r.currency, r.basis = pound, "'pounds' in " + loc.short()


def _cut(text: str, end: int) -> bool:
    """The number stops before a separator and more digits ("4" of "4,17")."""
    return end + 1 < len(text) and text[end] in ",." and text[end + 1].isdigit()


def _is_cents(text: str, r: Raw) -> bool:
    span = text[r.start:r.end].lower()
    return "cent" in span or span.endswith(("c", "¢"))


def _share_price(text: str, r: Raw) -> bool:
    if r.per == "share":
        return True
    lo = max(0, r.start - _CLAUSE_REACH)
    return "share" in text[lo:r.start]


def _clause_signal(text: str, start: int, positions: list[int],
                   signals: list[tuple[int, str]]) -> tuple[str, str] | None:
    """The nearest signal word before `start` in the same clause (no comma, stop or bracket
    between), within _CLAUSE_REACH characters: (word, country)."""
    k = bisect_left(positions, start) - 1
    while k >= 0:
        pos, word = signals[k]
        if pos < start - _CLAUSE_REACH:
            return None
        end = pos + len(word)
        if end <= start:
            gap = text[end:start]
            if any(ch in _CLAUSE_BREAKS for ch in gap):
                return None
            entry = SIGNAL_TABLE.get(word)
            if entry is not None:
                return word, entry[0]
        k -= 1
    return None


def _gloss_partner(text: str, raws: list[Raw], i: int) -> str | None:
    """The currency of a settled amount that a '$' amount converts ("RMB 10 billion ($1.54
    billion)", "C$3.1 billion ($2.15 billion)"), in brackets or after 'or'."""
    r = raws[i]
    if i > 0:
        p = raws[i - 1]
        if p.kind == K_MONEY and p.currency and p.currency != "USD" and p.marker is None and p.per == r.per:
            if r.start - p.end <= 40 and _GLOSS_GAP.search(text, p.end, r.start):
                return p.currency
    if i + 1 < len(raws):
        q = raws[i + 1]
        if q.kind == K_MONEY and q.currency and q.currency != "USD" and q.marker is None and q.per == r.per:
            if q.start - r.end <= 40 and _GLOSS_GAP.search(text, r.end, q.start):
                return q.currency
    return None
