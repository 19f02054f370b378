"""A figure from a digit run: its value, precision, sign and the grammar on both sides."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.left import is_year_like, left_currency, left_side, prefix_before
from figures.extract.numerals import parse_numeral, read_numeral
from figures.extract.raw import K_COUNT, K_MONEY, K_PERCENT, K_QUANTITY, K_RATIO, Raw
from figures.extract.raw_ops import apply_scale, apply_scale_decimal
from figures.extract.right import right_inert, right_side, symbol_after
from figures.extract.tokens import (
    ASCII_LETTERS,
    GLUED,
    ORDINAL,
    POINT_STARTS,
    SCALE_FORMS,
    SPOKEN_POINT,
    currency_follows,
    peek,
    plural_follows,
    spoken_fraction,
)
from figures.extract.unit_grammar import POWER_MARKS, glued_unit, power_unit
from figures.extract.unit_numbers import VULGAR_CHARS, fraction_figure
from figures.vocab.codes import ISO_CODES
from figures.vocab.currencies import MINOR_UNITS, SYMBOLS_AFTER
from figures.vocab.scales import GLUED_ONLY_SCALES

_ISO_DATE: Final = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}")
# Small patterns used by single helpers (compiled once, not per call).
_LIST_FIRST: Final = re.compile(r"\d+(?:\.\d+)?")


# Space and apostrophe grouping the anchor scan leaves out ("9 800", "1'049,95"): groups of
# exactly three digits, and a decimal part after the last one.
_GROUP_TAIL: Final = re.compile(r"(?:[ '\u2019\u00a0\u2009\u202f]\d{3}(?!\d))+(?:[.,]\d+)?")
_FIRST_GROUP: Final = re.compile(r"\d{1,3}(?:[\u00a0\u2009\u202f]\d{3})*")
_JOINERS: Final = frozenset(" '\u2019")
_SPACES: Final = frozenset(" \u00a0\u2009\u202f")


def from_numeral(text: str, s: int, e: int) -> Raw | None:
    """The figure at the digit run text[s:e]. A run followed by groups of three after a space
    or an apostrophe is read whole where that is the one reading: an apostrophe always groups
    ("CHF 1'049,95"); a plain space only with a currency, scale or unit ("9 800 Kč",
    "EUR 1 200 000", "12 500 tonnes") or where the next group cannot start a number ("18 000
    workers"). Otherwise the groups stay apart, and a group of three right after a short run
    ("page 12 300 cars") is not read alone: it may be the tail of one number."""
    n = len(text)
    if e + 1 < n and text[e] in _JOINERS and text[e + 1].isdigit() and _FIRST_GROUP.fullmatch(text, s, e):
        before = text[s - 2] if s >= 2 else ""
        if not (s and text[s - 1] in _SPACES and (before.isdigit() or before in ",.")):
            tm = _GROUP_TAIL.match(text, e)
            if tm is not None:
                raw = _from_numeral(text, s, tm.end())
                if raw is not None and (
                    text[e] != " "
                    or raw.kind == K_MONEY
                    or raw.kind == K_QUANTITY
                    or raw.scale_word is not None
                    or text[e + 1] == "0"
                ):
                    return raw
                if text[e] == " ":
                    return None
    if e + 1 < n and text[e:e + 2] in POINT_STARTS:
        pt = SPOKEN_POINT.match(text, e)
        if pt is not None:
            frac, prec = spoken_fraction(pt)
            read = read_numeral(text[s:e])
            if read is not None and read[1] == 1:  # "21-point-4 billion"
                return _from_numeral(text, s, pt.end(), (read[0] + frac, prec))
    if e - s == 3 and s >= 2 and text[s - 1] in _SPACES and text[s - 2].isdigit() and _after_short_run(text, s - 2):
        return None
    return _from_numeral(text, s, e)


def _after_short_run(text: str, i: int) -> bool:
    """True when the digit run ending at text[i] has one to three digits and no separator
    before it: the head of a space-grouped number."""
    j = i
    while j >= 0 and text[j].isdigit() and i - j < 4:
        j -= 1
    return 0 < i - j <= 3 and (j < 0 or not (text[j].isdigit() or text[j] in ",.'\u2019"))


def _from_numeral(text: str, s: int, e: int, spoken: tuple[Decimal, Decimal] | None = None) -> Raw | None:
    """The figure at text[s:e]; `spoken` is the value and precision of a number with a spoken
    decimal point ("21-point-4"), which the digits alone do not give."""
    token = text[s:e]
    read = None if spoken is not None else read_numeral(token)
    parsed = spoken if spoken is not None else None if read is None else (read[0], read[1])
    if parsed is None:
        # "1,2,3" or "2021,2022": a list, not a grouped number. Take the first element only;
        # the scan continues after it and finds the others.
        if token[:1] in VULGAR_CHARS:
            return fraction_figure(text, s, e)  # '½ tbsp'
        first = _LIST_FIRST.match(token)
        if first is None or ("." in token and "," not in token):
            return None  # a version or an IP address
        e = s + first.end()
        parsed = parse_numeral(text[s:e])
        if parsed is None:
            return None
    value, precision = parsed
    n = len(text)
    alt, form = (read[2], read[3]) if read is not None else (None, 0)
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < n else ""

    # Identifiers glued to letters: x86, H1, Q3, A320, iPhone14 (but RMB10bn, USD200 are money).
    glued_before = prev in ASCII_LETTERS
    if glued_before:
        pm = prefix_before(text, s)
        if pm is None or pm.group("spaced") is not None:
            return None
    if prev in "-–/:." and s >= 2 and text[s - 2].isalnum():
        return None  # second half of a date, time, fraction, version or model code
    if nxt in _SLASH_COLON_VULGAR:
        if nxt in VULGAR_CHARS:
            return fraction_figure(text, s, e)  # '2½ miles'
        if e + 1 < n and text[e + 1].isdigit():
            # 10/19/2021, 10:30, 3:1; a fraction only before a unit ('1/4 inch')
            return fraction_figure(text, s, e) if nxt == "/" else None
    # An ISO or slashed date goes on with "-" or "/" right after its first digits; a token with
    # a separator there ("1,000") is none.
    if (nxt == "-" or nxt == "/") and _ISO_DATE.match(text, s):
        return None
    if nxt == "." and e + 1 < n and text[e + 1].isalpha():
        return None  # 1810.HK, 36kr.com-style handles

    # -- left: currency marker --------------------------------------------------------------
    if not glued_before:
        pm = prefix_before(text, s)
    glued = nxt in ASCII_LETTERS
    pk = None
    if pm is None and not glued:
        pk = peek(text, e)
        if right_inert(text, e, pk):
            return None  # a bare number (see right_inert)
    raw = Raw(s, e, K_COUNT, value, precision)
    if form:
        raw.alt, raw.form = alt, form
    cur = e
    if pm is not None:
        left_currency(text, pm, raw)
    if glued and nxt in POWER_MARKS:  # '4e14 s-1', '5.5x10-3 kg': a power of ten before a unit
        ue = power_unit(text, e, raw)
        if ue >= 0:
            cur, glued = ue, False
    if glued:
        g = GLUED.match(text, e)
        assert g is not None  # nxt is an ASCII letter
        suffix = g.group()
        after = g.end()
        if after < n and (text[after].isdigit() or (text[after] == "." and after + 1 < n and text[after + 1].isalpha())):
            return None  # "5G3", "36kr.com"
        if after < n and text[after] == "$" and suffix + "$" in SYMBOLS_AFTER and not raw.currency and not raw.marker:
            symbol_after(raw, suffix + "$")  # "250NT$"
            after += 1
            suffix = ""
        elif suffix.lower() in ORDINAL:
            return None
        if not suffix:
            cur = after
        elif suffix.lower() in ("bp", "bps", "pct", "pc"):  # "8.6pc": British papers' per cent
            raw.kind = K_PERCENT
            raw.unit = "percent" if suffix.lower() in ("pct", "pc") else "basis point"
            cur = after
        elif suffix in SCALE_FORMS and (
            suffix not in GLUED_ONLY_SCALES
            or raw.currency
            or raw.marker
            or currency_follows(text, after)
            or plural_follows(text, after)
        ):
            raw.scale_word = suffix
            apply_scale(raw, SCALE_FORMS[suffix])
            cur = after
        elif suffix.upper() in ISO_CODES and suffix.isupper() and len(suffix) == 3 and not raw.currency:
            raw.kind, raw.currency, raw.basis = K_MONEY, suffix, "code"
            cur = after
        elif suffix.lower() == "x":
            raw.kind, raw.unit = K_RATIO, "times"
            cur = after
        elif suffix == "p" and not raw.currency and not raw.marker and value not in _VIDEO_LINES:
            # "412p": a London share price in pence (not "1080p", a video resolution)
            code, minor = MINOR_UNITS["p"]
            raw.kind, raw.currency, raw.basis = K_MONEY, code, "name"
            apply_scale_decimal(raw, minor)
            cur = after
        elif suffix in SYMBOLS_AFTER and not raw.currency and not raw.marker and (after >= n or not text[after].isdigit()):
            symbol_after(raw, suffix)  # "500Tk", "42RM"
            cur = after
        elif (ue := glued_unit(text, e, raw)) >= 0:
            cur = ue  # a physical unit: '60W', '101kWh', '30C'
        else:
            return None

    if (
        pm is not None
        and raw.kind == K_COUNT
        and raw.unit is None
        and raw.scale_word is None
        and right_inert(text, cur, peek(text, cur))
    ):
        return None  # a bare number after a marker that was no currency ("TOP 10, ...")
    if raw.kind in (K_COUNT, K_MONEY) and not raw.unit:
        cur = right_side(text, cur, raw, pk)  # (pk is None unless cur is still e)
        if cur < 0:
            return None
    raw.end = cur
    _sign(text, raw)
    if not left_side(text, raw):
        return None
    if raw.kind == K_COUNT and raw.unit is None and raw.scale_word is None:
        return None  # a bare number: no unit, no currency, no scale — not a figure
    if raw.kind == K_COUNT and e - s == 4 and is_year_like(text, s, e, raw):
        return None
    return raw


_SIGNS: Final = frozenset("-−+")
_SLASH_COLON_VULGAR: Final = frozenset("/:") | VULGAR_CHARS


def _sign(text: str, raw: Raw) -> None:
    """A sign written on the figure ("-1.5%", "−3.2%", "+12%", "-$5 million") is part of its
    span and its value; a hyphen after a word or a number ("COVID-19", "10-15") is not a sign.
    The direction stays what the words say ("fell -3.2%": down, value -3.2)."""
    st = raw.start
    if st == 0 or text[st - 1] not in _SIGNS:
        return
    before = text[st - 2] if st >= 2 else " "
    if before.isalnum() or before in _SIGNS or before in ".,/:%_":
        return
    raw.start = st - 1
    if text[st - 1] != "+":
        if raw.value is not None:
            raw.value = -raw.value
            if raw.alt is not None:
                raw.alt = -raw.alt
        elif raw.low is not None:
            raw.low = -raw.low  # "-5-10%": the sign is the first bound's, which is the low one


_VIDEO_LINES: Final = frozenset(Decimal(n) for n in (144, 240, 360, 480, 540, 576, 720, 1080, 1440, 2160, 4320))
