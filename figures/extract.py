"""Find every monetary and quantity expression in English news text.

How it stays fast and linear: one compiled scan finds anchors (digit runs and number words).
Around each anchor a local grammar looks a bounded distance left and right with small anchored
patterns (currency marker, qualifier, scale word, currency name, per-unit, counted noun, range
partner). Each anchor costs a bounded amount of work, so the whole pass is linear in the text.
Document-level decisions (what a bare "$" or "¥" means) are taken once per document, after the
pass, from signals gathered only when a figure needs them.

What keeps the per-anchor work small (news has about one anchor per 120 bytes):
- the anchor pattern opens with a character class, so the regex engine skips ahead by a
  character-set test (see _ANCHOR);
- a bare number is dropped before any right-side matching when the next character or word
  can start nothing (_right_inert): "in 2024, the", "one of the";
- each right-side matcher runs only when the next word can begin what it matches (_peek);
  the currency-marker search runs only when the character before can end a marker;
- the words next to a figure are classified once and cached (_noun_word, _near_word);
- a run of number words is bounded (_MAX_RUN_WORDS), so no anchor re-reads a long run.

Offsets always index the original text: nothing is rewritten before matching.
"""

from __future__ import annotations

import hashlib
import importlib.machinery
import importlib.util
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from figures import lexicon as lx
from figures import units
from figures.currencies import ISO_CODES
from figures.errors import NotText
from figures.model import Direction, Figure, Kind, Qualifier
from figures.numbers import FRACTIONS, MAGNITUDES, TENS, UNITS, parse_numeral, words_to_number
from figures.patterns import trie_pattern

# Kind members as module constants: an enum attribute look-up (Kind.MONEY) costs about 50 ns,
# and the per-anchor path makes dozens of them.
_K_MONEY, _K_COUNT, _K_QUANTITY = Kind.MONEY, Kind.COUNT, Kind.QUANTITY
_K_PERCENT, _K_DURATION, _K_RATIO = Kind.PERCENT, Kind.DURATION, Kind.RATIO

# ---- patterns (all bounded or anchored; none can backtrack super-linearly) ---------------------

_NUMBER_WORDS = [
    *UNITS, *TENS, "hundreds", "thousands", "millions", "billions", "tens", "dozens", "dozen",
    "half", "quarter", "third", "thirds", "quarters", "fifths", "tenths", "hundred", "thousand", "million",
    "billion", "trillion", *(f"{w}fold" for w in (*list(UNITS)[2:], *TENS, "hundred", "thousand")),
    "twice", "thrice",
]


# The anchor scan: digit runs with inner separators, and number words (lower, Capitalised or
# UPPER case; case folding would defeat the first-character filter). A separator must be
# followed by a digit, so the digit run is unambiguous and the scan is linear.
#
# The pattern starts with one consumed character from a class, which lets the regex engine
# skip ahead with a fast character-set test instead of attempting a match at every position
# (measured on 10 MB: 0.37 s for the plain `\d+...|\b(?:words)\b`, 0.18 s for this form):
# - a digit: it is the anchor's first character, and the digit run goes on from there;
# - any other character that is not an ASCII word character: the word boundary before a
#   number word (group "word"). _scan drops the non-ASCII word characters ("é"), which \b
#   would have refused, and tries a number word at offset 0 separately.
_ANCHOR_WORDS = _NUMBER_WORDS + [w.capitalize() for w in _NUMBER_WORDS] + [w.upper() for w in _NUMBER_WORDS]
_ANCHOR = re.compile(
    r"[^A-Za-z_](?:(?<=\d)\d*(?:[.,\u00a0\u2009\u202f]\d+)*"
    r"|(?P<word>" + trie_pattern(_ANCHOR_WORDS) + r")\b)"
)
_WORD_AT_START = re.compile(r"(?:" + trie_pattern(_ANCHOR_WORDS) + r")\b")
_ANCHOR_WORD_FIRSTS = frozenset(w[0] for w in _ANCHOR_WORDS)
# A run of number words: "twenty-five", "two hundred and five thousand". The word list is
# prefix-factored (it takes the longest word that fits, as a longest-first alternation would,
# at a fraction of the cost under re.I). A run holds at most _MAX_RUN_WORDS words: every anchor
# inside a run matches the rest of it, so an unbounded run made text such as
# "one two three one two three ..." quadratic. Twelve words cover any written-out amount
# ("nine hundred ninety-nine thousand nine hundred ninety-nine" has eight).
_MAX_RUN_WORDS = 12
_WORDNUM = "(?:" + trie_pattern([*UNITS, *TENS, "hundred", "thousand", "million", "billion", "trillion", "dozen"]) + ")"
_WORD_RUN = re.compile(
    rf"{_WORDNUM}(?:(?:-|[ ]+|[ ]+and[ ]+){_WORDNUM}(?![A-Za-z])){{0,{_MAX_RUN_WORDS - 1}}}", re.I
)
# The rest of a run longer than that: a list of numbers, not an amount. It is read once, and
# none of the number words in it becomes a figure (see _from_words).
_WORD_RUN_REST = re.compile(rf"(?:(?:-|[ ]+|[ ]+and[ ]+){_WORDNUM}(?![A-Za-z]))*", re.I)

_SYMBOL_ALT = "|".join(re.escape(s) for s in sorted(lx.SYMBOLS, key=len, reverse=True))
# A currency marker directly before the number ("RMB 10", "US$10", "hk $ 10.05", "Rs. 500").
_PREFIX = re.compile(
    rf"(?:(?P<sym>{_SYMBOL_ALT})"
    r"|(?P<spaced>(?<![A-Za-z.])(?:(?i:u\.s\.?|us|hk|nt|au|ca|nz|mex)|[cC])[ ]?\$)"
    r"|(?P<mcode>(?<![A-Za-z])(?P<mult>MM|M|K|k|T|BN|B)(?P<mc>[A-Z]{3}))"
    r"|(?P<code>(?<![A-Za-z])[A-Z]{3})"
    rf"|(?P<lcode>(?<![A-Za-z])(?:{'|'.join(sorted(lx.LOWER_CODES))})))"
    r"[ \u00a0]?\Z"
)
# The longest _PREFIX match: "u.s. $" and a space. A wider search window finds nothing more
# (lookbehinds see past the window's start), so the search tries no more starts than that.
_PREFIX_WINDOW = 7
# The last character of every _PREFIX alternative: a symbol, "$", a code letter, a lower-case code.
_PREFIX_LAST_CHARS = frozenset(
    {sym[-1] for sym in lx.SYMBOLS} | {"$"} | set("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    | {code[-1] for code in lx.LOWER_CODES}
)
# Markers that end in a letter: lower-case codes and symbols such as "Rs", "Rmb" and "RM"
# (all two or three characters long, which _prefix_before relies on).
_LETTER_FINAL_MARKERS = frozenset(
    {m for m in lx.SYMBOLS if m[-1].isascii() and m[-1].isalpha()} | lx.LOWER_CODES
)
assert all(2 <= len(m) <= 3 for m in _LETTER_FINAL_MARKERS)
_GLUED = re.compile(r"[A-Za-z]+")
_PERCENT = re.compile(
    r"[ \u00a0]?[%％]|[ \u00a0]?(?:(?P<pp>percentage[ -]points?)|(?P<bp>basis[ -]points?|bps|bp)"
    r"|percents?|percentages?|per[ ]cents?|pct)(?![A-Za-z])",
    re.I,
)
# The first word of each _PERCENT alternative, lower-cased ("per" of "per cent").
_PERCENT_WORDS = frozenset({"percentage", "basis", "bps", "bp", "percent", "percents",
                            "percentages", "per", "pct"})
_SCALE_AFTER = re.compile(
    r"(?:[ \u00a0]|-)?(?P<s>lakh[ ]crores?|lakh[ ]cr|hundred[ ]thousand|hundred[ ]million"
    r"|thousand|million|billion|trillion|lakhs?|lacs?|crores?|mn|mln|bn|bln|tn|trn|MM|mil|mio"
    r"|Cr|cr|hundred)(?![A-Za-z])"
    r"|(?P<cn>万亿|千万|百万|万|亿|千)",
)
# The first word of each _SCALE_AFTER alternative, as written (it is case-sensitive).
_SCALE_WORDS_AFTER = frozenset({
    "lakh", "hundred", "thousand", "million", "billion", "trillion", "lakhs", "lacs", "lac",
    "crore", "crores", "mn", "mln", "bn", "bln", "tn", "trn", "MM", "mil", "mio", "Cr", "cr",
})
_CN_MARK = re.compile(r"[ ]?(?:人民币|港元|港币|美元|元|円)")
# Symbols some languages and styles write after the amount: "100 €", "100₾", "100,000 ₭".
_SYMBOL_AFTER = re.compile(
    r"[ \u00a0]?(?P<sym>[€£₹₩₽₺₱฿₫₦₪₴₡₾₭₸₼₮₲₵₨]|ரூ|රු|zł|Kč)(?![A-Za-z])"
)
_CURRENCY_NAME_ALT = "|".join(
    re.escape(k).replace(r"\ ", "[ ]+") for k in sorted(lx.CURRENCY_NAMES, key=len, reverse=True)
)
_CURRENCY_AFTER = re.compile(
    rf"(?:[ \u00a0]+|-)(?:(?P<name>{_CURRENCY_NAME_ALT})(?![A-Za-z])"
    r"|(?P<code>[A-Z]{3})(?![A-Za-z])"
    rf"|(?P<lcode>(?:{'|'.join(sorted(lx.LOWER_CODES))}))(?![A-Za-z]))",
    re.I,
)
# The first run of letters of each currency name ("dollars", "hong", "u" of "u.s. dollar"): a
# word that begins no name skips the long name alternation (see _currency_word_after).
_NAME_FIRST_RUNS = frozenset(k.split(" ")[0].split(".")[0] for k in lx.CURRENCY_NAMES)
# What can open a _currency_after match besides a three-letter code: a currency name, or a
# minor unit (_MINOR_AFTER).
_CURRENCY_WORDS_AFTER = _NAME_FIRST_RUNS | {"cent", "cents", "pence", "penny"}
_ASCII_LETTERS = re.compile(r"[A-Za-z]*")
# _peek: spaces, an optional hyphen (group 1), ASCII letters (group 2).
_PEEK = re.compile(r"[ \u00a0]*(-?)([A-Za-z]*)")
_AGE_SUFFIXES = ("-year-old", "-years-old", " years old", " year old", "-month-old")
_SPACE_RUN = re.compile(r"[ \u00a0]*")
_MINOR_AFTER = re.compile(r"(?:[ ]+|-)(?P<m>cents?|pence|penny)(?![A-Za-z])", re.I)
# What can follow the first space of a _PER_AFTER match: more spaces, "/", or the first letter
# of an adverb (a, an, per, each, every, annually, yearly, monthly, daily, weekly, apiece).
_PER_SECOND = frozenset(" /apemydwAPEMYDW")
_PER_AFTER = re.compile(
    r"(?:[ ]*/[ ]*(?P<slash>[A-Za-z]+)"
    r"|-a-(?P<hy>share|year|month|day|head)"
    r"|[ ]+(?P<adv>(?:a|an|per|each|every)[ ]+[A-Za-z]+|annually|yearly|monthly|daily|weekly"
    r"|apiece|per[ ]annum|per[ ]capita|each))(?![A-Za-z])",
    re.I,
)
# What can open a _RANGE_SEP match: a dash or tilde (the non-ASCII dashes make _peek unsure),
# or a word that starts with "to", "or" or "and" (the pattern has no word boundary).
_RANGE_CHARS = frozenset("-~")
_RANGE_WORDS = ("to", "or", "and")
_RANGE_SEP = re.compile(r"[ \u00a0]*(?P<sep>[-–—~]|to|or|and)[ \u00a0]*", re.I)
_NEXT_WORD = re.compile(r"(?:[ \u00a0]+|-)(?P<w>[A-Za-z][A-Za-z&'’]*(?:-[A-Za-z]+)*)")
_ISO_DATE = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{2,4}")
_SHARE_PRICE_LEFT = re.compile(
    r"(?:clos(?:ed|ing)|open(?:ed|ing)|trad(?:ed|ing)|end(?:ed|ing)|finish(?:ed|ing)|settl(?:ed|ing))"
    r"(?:[ ]+(?:the[ ]+day|lower|higher|flat|up|down|trading))?[ ]+at[ ]+\Z"
    r"|(?:share|stock)[ ]+price[ ]+(?:of|at|to|was|is|fell[ ]+to|rose[ ]+to)[ ]+\Z"
    r"|(?:shares?|stock)(?:[ ]+[a-z]+){1,2}?[ ]+(?:at|to)[ ]+\Z"
    r"|price[ ]+target[ ]+(?:of|to)[ ]+\Z",
    re.I,
)
_GLOSS_GAP = re.compile(
    r"[ \u00a0]*(?:[(\[（][ ]*(?:or[ ]+|about[ ]+|around[ ]+|approximately[ ]+|roughly[ ]+|some[ ]+|~)?"
    r"|,?[ ]+(?:or|i\.e\.|equivalent[ ]+to|equal[ ]+to)(?:[ ]+(?:about|around|roughly|approximately|nearly|some|almost))?[ ]+"
    r"|,[ ]*)\Z",
    re.I,
)
# Small patterns used by single helpers (compiled once, not per call).
_LIST_FIRST = re.compile(r"\d+(?:\.\d+)?")
_CAPS_WORDS = re.compile(r"[A-Za-z]{2,}")
_SYMBOL_AT = re.compile(_SYMBOL_ALT)
_WORD_SPLIT = re.compile(r"[ -]+")
_HYPHEN_WORD = re.compile(r"-([A-Za-z]+)")
_HYPHEN_SCALE = re.compile(r"-(?:billion|million|trillion)")
_HYPHEN_MONEY = re.compile(r"-(?:euro|pound|dollar|yuan|yen)")
_HALF_A = re.compile(r"[ ]+an?[ ]+([a-z]+)")
_VAGUE = re.compile(
    r"(?P<a>hundreds|thousands|millions|billions|tens|dozens)"
    r"(?:[ ]+of[ ]+(?P<b>thousands|millions|billions|trillions))?(?=[ ]+of[ ])",
    re.I,
)
_OF = re.compile(r"[ ]+of[ ]+")
_SIGNAL_WORDS = sorted(
    {*lx.DOLLAR_COUNTRY_SIGNALS, *lx.US_SIGNALS, *lx.CNY_SIGNALS, *lx.JPY_SIGNALS, *lx.GBP_SIGNALS}
    | {f"{p}$" for p in ("HK", "NT", "S", "A", "AU", "C", "NZ", "US")}
)


_LEFT_WINDOW = 48
# The share-price pattern is only tried after one of these words (a cheap pre-filter).
_SHARE_PRICE_CUES = frozenset({"at", "of", "to", "was", "is"})
# Words before a number that negate it ("minus five percent").
_NEGATORS = frozenset({"minus", "negative"})
_OPEN_PUNCT = "([{\"'“‘«"
_ORDINAL = frozenset({"st", "nd", "rd", "th"})
_ORDINAL_WORDS = frozenset({"first", "second", "third", "fourth", "last", "latter", "former",
                            "other", "final", "next", "previous", "past", "coming", "fiscal"})
# "one year" is a figure after these words ("within one year"), an idiom elsewhere ("one day").
_ONE_UNIT_CUES = frozenset({"for", "in", "within", "over", "about", "nearly", "than", "of",
                            "after", "last", "past", "next", "least", "only", "just"})
_DEFINITE = frozenset({"the", "these", "those", "both", "its", "their", "his", "her"})
_NOT_HEAD_VERBS = frozenset({"said", "says", "saw", "were", "are"})
# The last word of every in-span qualifier phrase ("more than" -> "than"): a cheap pre-filter.
_QUALIFIER_LAST_WORDS = frozenset(k.split(" ")[-1] for k in lx.QUALIFIERS_IN_SPAN)
_MODEL_STRIP = _OPEN_PUNCT + ",;:"


@dataclass(slots=True)
class _Raw:
    """A figure under construction; frozen into a Figure after document-level resolution.
    (The scan builds one per candidate with positional arguments, about twice as fast as
    keywords: keep start, end, kind, value, precision, scale_word first.)"""

    start: int
    end: int
    kind: Kind
    value: Decimal | None
    precision: Decimal | None = None
    scale_word: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    currency: str | None = None
    marker: str | None = None  # "$", "¥", "pounds" when the currency awaits context
    candidates: tuple[str, ...] = ()
    basis: str | None = None
    unit: str | None = None
    per: str | None = None
    qualifier: str | None = None
    direction: str | None = None
    words: bool = False  # written in words ("three"), not digits


def extract(
    text: str,
    *,
    date: object = None,
    doc: str | None = None,
    to: str | None = None,
    table=None,
) -> list[Figure]:
    """Every money and quantity figure in `text`, in order of appearance.

    `date` is the document date: kept on each figure, used for rates when `to` is given, and
    used to resolve the time each figure refers to ('last year', 'on February 9') into
    `date_context` (figures.anchoring; call anchor_dates directly for undated text).
    `to` normalizes money figures to that currency at `date` with `table` (default: the
    embedded ECB table)."""
    if not isinstance(text, str):
        raise NotText(f"extract() needs a str, got {type(text).__name__}; decode bytes first")
    from figures.dates import parse_date

    day = parse_date(date)  # a str, Timestamp or datetime64 becomes a date; NaT/None: no date
    figs = _engine(text, doc, day)
    if day is not None and figs:
        from figures.anchoring import anchor_dates

        figs = anchor_dates(text, figs, day)
    if to is not None:
        from figures.normalize import normalize

        figs = [normalize(f, to, table=table, date=day) for f in figs]
    return figs


def _figures(text: str, doc: str | None, date: Date | None) -> list[Figure]:
    """The engine: scan, resolve what bare markers mean, freeze. extract() calls it through
    _engine, which is the compiled copy of this function when one is built (see _load_native)."""
    raws = _scan(text)
    _resolve_context(text, raws)
    return [_freeze(text, r, doc, date) for r in raws]


# ---- the scan -------------------------------------------------------------------------------


# Document signals ("Hong Kong", "yuan", "HK$"). The trie comes first so the regex engine skips
# ahead by first character; the left boundary, (?<![A-Za-z]), is checked by _signal_words
# (twice as fast as the lookbehind in the pattern, which made the engine try every position).
_SIGNALS = re.compile("(?:" + trie_pattern(_SIGNAL_WORDS) + r")(?![A-Za-z])")


def _signal_words(text: str):
    """Each signal word that follows no ASCII letter, in order: what (?<![A-Za-z]) before
    _SIGNALS would find. A match refused for its left boundary is retried one character on."""
    pos = 0
    while (m := _SIGNALS.search(text, pos)) is not None:
        s = m.start()
        before = text[s - 1] if s else ""
        if before.isascii() and before.isalpha():
            pos = s + 1
            continue
        yield m.group()
        pos = m.end()


def _scan(text: str) -> list[_Raw]:
    out: list[_Raw] = []
    consumed = 0
    m0 = _WORD_AT_START.match(text) if text[:1] in _ANCHOR_WORD_FIRSTS else None
    if m0 is not None:
        raw = _from_words(text, 0, m0.end())
        if isinstance(raw, int):  # an overlong run of number words: skip the rest of it
            consumed = raw
        elif raw is not None:
            out.append(raw)
            consumed = raw.end
    for m in _ANCHOR.finditer(text):
        s = m.start(1)  # the number word, if any
        if s < 0:  # a digit run
            s = m.start()
            if s < consumed:
                continue
            raw = _from_numeral(text, s, m.end())
        else:
            if s < consumed:
                continue
            before = text[s - 1]
            if not before.isascii() and (before.isalnum() or before == "_"):
                continue  # no word boundary after a non-ASCII letter or digit
            raw = _from_words(text, s, m.end())
            if isinstance(raw, int):  # an overlong run of number words: skip the rest of it
                consumed = raw
                continue
        if raw is not None:
            out.append(raw)
            consumed = raw.end
    return out


def _prev_word(text: str, pos: int) -> tuple[str, int]:
    """The whitespace-delimited token ending right before `pos` (skipping spaces), and its start."""
    toks = _left_tokens(text, pos, 1)
    if not toks:
        return "", pos
    return toks[0], text.rfind(toks[0], 0, pos)


def _left_tokens(text: str, pos: int, n: int) -> list[str]:
    """Up to n tokens before pos, nearest first. Stops at a line break (a qualifier never
    reaches across paragraphs), so no token is separated from `pos` by a line break. Offsets
    are found only when a caller needs one (_token_start): most anchors never do."""
    lo = pos - _LEFT_WINDOW
    if lo < 0:
        lo = 0
    nl = text.rfind("\n", lo, pos)
    if nl >= 0:
        lo = nl + 1
    parts = text[lo:pos].rsplit(None, n)
    if len(parts) > n:
        del parts[0]  # the rest of the window, before the n nearest tokens
    elif parts and lo > 0 and nl < 0 and not text[lo - 1].isspace():
        del parts[0]  # the window cut a token in half
    parts.reverse()
    return parts


def _token_start(text: str, pos: int, toks: list[str], i: int) -> int:
    """Start offset of toks[i], for toks = _left_tokens(text, pos, n). Each token is the last
    occurrence of its string before the token after it (only whitespace lies in between, and
    a token holds none)."""
    end = pos
    for tok in toks[: i + 1]:
        end = text.rfind(tok, 0, end)
    return end


def _from_numeral(text: str, s: int, e: int) -> _Raw | None:
    token = text[s:e]
    parsed = parse_numeral(token)
    if parsed is None:
        # "1,2,3" or "2021,2022": a list, not a grouped number. Take the first element only;
        # the scan continues after it and finds the others.
        first = _LIST_FIRST.match(token)
        if first is None or ("." in token and "," not in token):
            return None  # a version or an IP address
        e = s + first.end()
        parsed = parse_numeral(text[s:e])
        if parsed is None:
            return None
    value, precision = parsed
    n = len(text)
    prev = text[s - 1] if s else ""
    nxt = text[e] if e < n else ""

    # Identifiers glued to letters: x86, H1, Q3, A320, iPhone14 (but RMB10bn, USD200 are money).
    glued_before = prev.isascii() and prev.isalpha()
    if glued_before:
        pm = _prefix_before(text, s)
        if pm is None or pm.group("spaced") is not None:
            return None
    if prev in "-–/:." and s >= 2 and text[s - 2].isalnum():
        return None  # second half of a date, time, fraction, version or model code
    if nxt in "/:" and e + 1 < n and text[e + 1].isdigit():
        return None  # 10/19/2021, 10:30, 3:1
    # An ISO or slashed date goes on with "-" or "/" right after its first digits; a token with
    # a separator there ("1,000") is none.
    if (nxt == "-" or nxt == "/") and _ISO_DATE.match(text, s):
        return None
    if nxt == "." and e + 1 < n and text[e + 1].isalpha():
        return None  # 1810.HK, 36kr.com-style handles

    # -- left: currency marker --------------------------------------------------------------
    if not glued_before:
        pm = _prefix_before(text, s)
    glued = nxt.isascii() and nxt.isalpha()
    pk = None
    if pm is None and not glued:
        pk = _peek(text, e)
        if _right_inert(text, e, pk):
            return None  # a bare number (see _right_inert)
    raw = _Raw(s, e, _K_COUNT, value, precision)
    cur = e
    if pm is not None:
        _left_currency(text, pm, raw)
    if glued:
        g = _GLUED.match(text, e)
        assert g is not None  # nxt is an ASCII letter
        suffix = g.group()
        after = g.end()
        if after < n and (text[after].isdigit() or (text[after] == "." and after + 1 < n and text[after + 1].isalpha())):
            return None  # "5G3", "36kr.com"
        if suffix.lower() in _ORDINAL:
            return None
        if suffix.lower() in ("bp", "bps", "pct", "pc"):  # "8.6pc": British papers' per cent
            raw.kind = _K_PERCENT
            raw.unit = "percent" if suffix.lower() in ("pct", "pc") else "basis point"
            cur = after
        elif suffix in lx.SCALE_WORDS and (
            suffix not in lx.GLUED_ONLY_SCALES
            or raw.currency
            or raw.marker
            or _currency_follows(text, after)
            or _plural_follows(text, after)
        ):
            raw.scale_word = suffix
            _apply_scale(raw, lx.SCALE_WORDS[suffix])
            cur = after
        elif suffix.upper() in ISO_CODES and suffix.isupper() and len(suffix) == 3 and not raw.currency:
            raw.kind, raw.currency, raw.basis = _K_MONEY, suffix, "code"
            cur = after
        elif suffix.lower() == "x":
            raw.kind, raw.unit = _K_RATIO, "times"
            cur = after
        elif suffix == "p" and not raw.currency and not raw.marker and value not in _VIDEO_LINES:
            # "412p": a London share price in pence (not "1080p", a video resolution)
            code, minor = lx.MINOR_UNITS["p"]
            raw.kind, raw.currency, raw.basis = _K_MONEY, code, "name"
            _apply_scale_decimal(raw, minor)
            cur = after
        elif units.unit_for(suffix):
            raw.kind, raw.unit = _K_QUANTITY, units.unit_for(suffix)
            cur = after
        else:
            return None

    if (
        pm is not None
        and raw.kind == _K_COUNT
        and raw.unit is None
        and raw.scale_word is None
        and _right_inert(text, cur, _peek(text, cur))
    ):
        return None  # a bare number after a marker that was no currency ("TOP 10, ...")
    if raw.kind in (_K_COUNT, _K_MONEY) and not raw.unit:
        cur = _right_side(text, cur, raw, pk)  # (pk is None unless cur is still e)
        if cur < 0:
            return None
    raw.end = cur
    _sign(text, raw)
    if not _left_side(text, raw):
        return None
    if raw.kind == _K_COUNT and raw.unit is None and raw.scale_word is None:
        return None  # a bare number: no unit, no currency, no scale — not a figure
    if raw.kind == _K_COUNT and e - s == 4 and _is_year_like(text, s, e, raw):
        return None
    return raw


_SIGNS = frozenset("-−+")


def _sign(text: str, raw: _Raw) -> None:
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
        elif raw.low is not None:
            raw.low = -raw.low  # "-5-10%": the sign is the first bound's, which is the low one


_VIDEO_LINES = frozenset(Decimal(n) for n in (144, 240, 360, 480, 540, 576, 720, 1080, 1440, 2160, 4320))


def _apply_scale(raw: _Raw, mult: int) -> None:
    m = Decimal(mult)
    if raw.value is not None:
        raw.value *= m
    if raw.low is not None:
        raw.low *= m
    if raw.high is not None:
        raw.high *= m
    if raw.precision is not None:
        raw.precision *= m


def _plural_follows(text: str, pos: int) -> bool:
    """'8.8m subscribers': a counted noun after a glued 'm' makes it a scale, not metres."""
    wm = _NEXT_WORD.match(text, pos)
    if wm is None or text[pos] == "-":
        return False
    w = wm.group("w").lower()
    return w in lx.IRREGULAR_NOUNS or (w.endswith("s") and w not in lx.NOT_PLURAL and w not in lx.STOPWORDS)


def _currency_follows(text: str, pos: int) -> bool:
    return bool(_currency_word_after(text, pos)) or bool(_CN_MARK.match(text, pos))


def _match_end(pattern: re.Pattern[str], text: str, pos: int) -> int:
    """End of a match of `pattern` at `pos`, for patterns that match the empty string."""
    m = pattern.match(text, pos)
    assert m is not None  # the pattern matches the empty string
    return m.end()


def _currency_word_after(text: str, cur: int) -> re.Match | None:
    """_CURRENCY_AFTER.match(text, cur), run only when it can match: its name alternation is
    the costliest match of the right side (about 1 us), and most next words begin no name.

    After the spaces or hyphen, a match needs a name whose first letter run is the next word's
    (lower-cased), or a three-letter code. Non-ASCII letters can case-fold to ASCII under
    re.I, so a word touching one always gets the full match."""
    n = len(text)
    if cur >= n:
        return None
    c = text[cur]
    if c == "-":
        q = cur + 1
    elif c == " " or c == "\u00a0":
        q = _match_end(_SPACE_RUN, text, cur)
    else:
        return None
    end = _match_end(_ASCII_LETTERS, text, q)
    if (
        end - q == 3
        or text[q:end].lower() in _NAME_FIRST_RUNS
        or (end < n and not text[end].isascii())
    ):
        return _CURRENCY_AFTER.match(text, cur)
    return None


def _prefix_before(text: str, s: int) -> re.Match | None:
    """The currency marker ending right before the number at `s` (_PREFIX, searched over the
    _PREFIX_WINDOW characters before it). The search costs about 1 us, so it runs only when
    the character before the number (or before one space) can end a marker: most numbers
    follow a word like "in" or "about" and skip it."""
    i = s - 1
    c = text[i] if i >= 0 else ""
    if c == " " or c == "\u00a0":
        i -= 1
        c = text[i] if i >= 0 else ""
    if c.isascii() and c.isalpha():
        # A marker ending in a letter is a code ("RMB", "MEUR") or one of _LETTER_FINAL_MARKERS.
        tail = text[max(0, i - 2):i + 1]
        if not (
            tail in _LETTER_FINAL_MARKERS
            or tail[-2:] in _LETTER_FINAL_MARKERS
            or (c.isupper() and len(tail) == 3 and tail.isupper() and tail.isalpha())
        ):
            return None
    elif c not in _PREFIX_LAST_CHARS:
        return None
    return _PREFIX.search(text, max(0, s - _PREFIX_WINDOW), s)


def _left_currency(text: str, pm: re.Match, raw: _Raw) -> None:
    """Apply the currency marker `pm` (from _prefix_before) found before the number."""
    if pm.group("sym") is not None:
        sym = pm.group("sym")
        code = lx.SYMBOLS[sym]
        if sym[0].isalpha() and pm.start() > 0 and text[pm.start() - 1].isalpha():
            return  # "Rs", "RM", "Dh" inside a word are letters, not a currency
        raw.kind = _K_MONEY
        if code is None:
            raw.marker = "¥" if sym in ("¥", "￥") else "$"
        else:
            raw.currency, raw.basis = code, "symbol"
    elif pm.group("spaced") is not None:
        letters = pm.group("spaced").rstrip("$ ").lower()
        raw.kind, raw.currency, raw.basis = _K_MONEY, lx.SPACED_DOLLAR_PREFIXES[letters], "symbol"
    elif pm.group("mcode") is not None:
        # "MEUR 250", "KUSD 40": a scale letter glued to an ISO code (finance tables, filings).
        code = pm.group("mc")
        if code not in ISO_CODES:
            return
        raw.kind, raw.currency, raw.basis = _K_MONEY, code, "code"
        raw.scale_word = pm.group("mult")
        _apply_scale(raw, {"MM": 10**6, "M": 10**6, "K": 10**3, "k": 10**3, "T": 10**3,
                           "BN": 10**9, "B": 10**9}[pm.group("mult")])
    elif pm.group("code") is not None:
        code = pm.group("code")
        code = lx.CODE_ALIASES.get(code, code)
        if code not in ISO_CODES:
            return
        if code in lx.WORDLIKE_CODES and (_in_caps_run(text, pm.start()) or _plural_follows(text, raw.end)):
            return  # "TOP 10 STOCKS", "ALL 5 solutions": words, not Tongan or Albanian money
        raw.kind, raw.currency, raw.basis = _K_MONEY, code, "code"
    else:
        code = pm.group("lcode").upper()
        raw.kind, raw.currency, raw.basis = _K_MONEY, lx.CODE_ALIASES.get(code, code), "code"
    raw.start = pm.start()


def _in_caps_run(text: str, pos: int) -> bool:
    """True inside an all-caps headline, where 'TOP 10' or 'ALL 5' are words, not currencies."""
    before = text[max(0, pos - 12):pos]
    words = _CAPS_WORDS.findall(before)
    return bool(words) and all(w.isupper() for w in words)


def _left_side(text: str, raw: _Raw) -> bool:
    """Qualifier (inside the span), direction and outside qualifiers; rejects ranks, dates,
    ages and model names. Returns False when the anchor is not a figure."""
    pos = raw.start
    # An opening bracket or quote glued to the figure ends the left context.
    if pos and text[pos - 1] in _OPEN_PUNCT:
        return True
    toks = _left_tokens(text, pos, 1)
    if not toks:
        if pos < len(text) and text[pos] == "~":
            raw.qualifier = raw.qualifier or "approx"
        return True
    tok = toks[0]
    if len(tok) == 1 and tok in _OPEN_PUNCT:
        return True
    near, alone, direction, outside, not_money, model, aged = _near_word(tok)
    if not alone:
        return _left_side_words(text, raw, _left_tokens(text, pos, 4), near)
    # The nearest word alone decides (no qualifier phrase, negator, "by" or "of" to follow
    # further left): the same rules as in _left_side_words, with its answers cached.
    if pos < len(text) and text[pos] == "~":
        raw.qualifier = raw.qualifier or "approx"
    if direction is not None:
        raw.direction = direction
    elif outside is not None and raw.qualifier is None:
        raw.qualifier = outside
    kind = raw.kind
    if kind != _K_MONEY and (not_money or (model and kind != _K_PERCENT)):
        return False
    if aged:
        return False
    if (
        kind == _K_MONEY
        and raw.per is None
        and near in _SHARE_PRICE_CUES
        and _SHARE_PRICE_LEFT.search(text, max(0, pos - 40), pos)
    ):
        raw.per = "share"
    return True


@lru_cache(maxsize=8192)
def _near_word(tok: str) -> tuple:
    """What the token right before a figure says, for _left_side: (the lower-cased word,
    whether it decides alone, direction, outside qualifier, rejects a non-money figure (rank,
    month, ordinal), model name, "aged"). Cached: the same words precede many figures."""
    near = tok.lower().lstrip(_OPEN_PUNCT)
    w0 = near.rstrip(",;:")
    alone = not (near in _QUALIFIER_LAST_WORDS or near in _NEGATORS or near == "of" or w0 == "by")
    not_money = (
        (w0 in lx.RANK_WORDS and w0 == near)
        or near in ("no.", "#")
        or w0 in lx.MONTHS
        or (w0.endswith(("th", "st", "nd", "rd")) and w0[:-2].isdigit())
    )
    # (A lower-case word is never a model name: the test is skipped for most words.)
    stripped = tok.strip(_MODEL_STRIP)
    model = not tok.islower() and bool(stripped) and _is_model_name(stripped)
    outside = lx.QUALIFIERS_OUTSIDE.get(w0) if w0 not in lx.DIRECTION_WORDS else None
    return near, alone, lx.DIRECTION_WORDS.get(w0), outside, not_money, model, w0 == "aged"


def _left_side_words(text: str, raw: _Raw, toks: list[str], near: str) -> bool:
    """_left_side when words further left matter: a qualifier phrase ("more than"), a negator
    ("minus"), "by" after a verb, "age of"."""
    pos = raw.start
    lowered = [near] + [t.lower().lstrip(_OPEN_PUNCT) for t in toks[1:]]
    k = 0
    # Qualifier in the span: try three words, then two, then one (every qualifier phrase ends
    # with the nearest word). The tokens never reach across a line break, so a qualifier found
    # here is joined to the figure by spaces.
    if near in _QUALIFIER_LAST_WORDS:
        for width in (3, 2, 1):
            if len(lowered) >= width:
                q = lx.QUALIFIERS_IN_SPAN.get(" ".join(reversed(lowered[:width])))
                if q:
                    tok = toks[width - 1]
                    raw.qualifier = q
                    raw.start = _token_start(text, pos, toks, width - 1) + len(tok) - len(tok.lstrip(_OPEN_PUNCT))
                    k = width
                    break
        if k == 1 and lowered[0] == "over" and raw.kind == _K_DURATION:
            # "invest 180 billion euros over five years": 'over' names the period here, except
            # after 'for/of/in/after' ("for over ten years" means more than ten).
            before = lowered[1] if len(lowered) > 1 else ""
            if before not in ("for", "of", "in", "after", "lasted", "lasting", "took", "spanning"):
                raw.qualifier = None
                raw.start = pos
                k = 0
    if raw.start < len(text) and text[raw.start] == "~":
        raw.qualifier = raw.qualifier or "approx"
    rest = lowered[k:] if k else lowered
    if k == 0 and rest[0] in _NEGATORS:
        raw.start = _token_start(text, pos, toks, 0)
        if raw.value is not None:
            raw.value = -raw.value
        if raw.low is not None:
            raw.low = -raw.low
        if raw.high is not None:
            raw.high = -raw.high
        rest = rest[1:]
    if rest:
        w0 = rest[0].rstrip(",;:")
        if w0 == "by":
            # "expanded by", "cut rates by": the verb is one or two words before "by".
            for w1 in rest[1:3]:
                if w1 in lx.DIRECTION_WORDS:
                    raw.direction = lx.DIRECTION_WORDS[w1]
                    break
        elif w0 in lx.DIRECTION_WORDS:
            raw.direction = lx.DIRECTION_WORDS[w0]
        elif w0 in lx.QUALIFIERS_OUTSIDE and raw.qualifier is None:
            raw.qualifier = lx.QUALIFIERS_OUTSIDE[w0]
        kind = raw.kind
        if kind != _K_MONEY:
            if (w0 in lx.RANK_WORDS and w0 == rest[0]) or rest[0] in ("no.", "#"):
                return False
            if w0 in lx.MONTHS:
                return False
            if w0.endswith(("th", "st", "nd", "rd")) and w0[:-2].isdigit():
                return False
            if kind != _K_PERCENT and not toks[k].islower():
                # A model name directly before the figure (again joined by spaces, as above).
                # (A lower-case word is never one: the test is skipped for most words.)
                tok0 = toks[k].strip(_MODEL_STRIP)
                if tok0 and _is_model_name(tok0):
                    return False
        # "age of 30", "aged 30", "ages of 3 to 5".
        if w0 == "aged" or (rest[0] == "of" and len(rest) > 1 and rest[1] in ("age", "ages")):
            return False
    if (
        raw.kind == _K_MONEY
        and raw.per is None
        and lowered[k if k < len(lowered) else 0] in _SHARE_PRICE_CUES
        and _SHARE_PRICE_LEFT.search(text, max(0, raw.start - 40), raw.start)
    ):
        raw.per = "share"
    return True


def _is_model_name(tok: str) -> bool:
    """'Model', 'iPhone', 'PCIe', 'Windows': a capitalised non-function word glued to a number
    by one space names a product, not a quantity."""
    # islower() is the quick answer for most words: it implies no upper-case letter.
    if not tok[:1].isalpha() or tok.islower() or not any(c.isupper() for c in tok):
        return False
    if tok.lower() in _NOT_MODEL_WORDS:
        return False
    return tok.isalpha() or any(c.isdigit() for c in tok) or "-" in tok


# Capitalised words that are not product names (one set, for one look-up).
_NOT_MODEL_WORDS = frozenset(
    lx.STOPWORDS | lx.MONTHS | set(lx.QUALIFIERS_IN_SPAN) | set(lx.DIRECTION_WORDS)
    | set(lx.QUALIFIERS_OUTSIDE) | set(lx.CURRENCY_NAMES)
    | {"between", "from", "only", "just", "all", "another", "nearly", "some", "over"}
)


def _is_year_like(text: str, s: int, e: int, raw: _Raw) -> bool:
    tok = text[s:e]
    if len(tok) != 4 or not tok.isdigit() or not 1800 <= int(tok) <= 2100:
        return False
    if raw.scale_word or raw.kind != _K_COUNT:
        return False
    prev, _ = _prev_word(text, s)
    return prev.lower().strip(_OPEN_PUNCT + ",") in lx.YEAR_CONTEXT or raw.unit is None


# ---- right side -----------------------------------------------------------------------------

# Early reject. Most anchors that are not figures are bare numbers ("in 2024, the", "one of
# the"): no currency on the left, nothing glued, and nothing on the right that a right-side
# matcher could take. _right_inert sees that from the next character or the next word, so the
# caller can drop the anchor before running the dozen anchored matches of _right_side. It is
# conservative: it answers True only where every right-side matcher must fail.
#
# ASCII characters that can begin a right-side match (after optional spaces): range dashes,
# tildes, per-slashes, percent signs, hyphenated compounds; letters are judged by their word.
# Every other ASCII character ends the figure. Non-ASCII characters (currency symbols, CJK
# marks, dashes, letters that case-fold to ASCII) always take the full path.
_RIGHT_ASCII_STARTS = frozenset("-~/%")
# Characters that continue a _NEXT_WORD word past its letters ("AT&T", "Xiaomi's", "in-house").
_WORD_JOINERS = frozenset("&'’-")


def _inert_words() -> frozenset[str]:
    """Lower-case words after which nothing can attach to a number: stop words (where the
    counted-noun search stops) that no right-side matcher can take, in any letter case."""
    taken: set[str] = set()
    for table in (lx.CURRENCY_NAMES, lx.SCALE_WORDS, lx.PER_ADVERBS, lx.PER_UNITS, lx.MINOR_UNITS,
                  lx.TIME_UNITS, lx.IRREGULAR_NOUNS, lx.HYPHEN_CURRENCY, lx.SYMBOLS,
                  lx.SPACED_DOLLAR_PREFIXES, units.written_forms()):
        taken |= {key.split(" ")[0].lower() for key in table}
    taken |= lx.LOWER_CODES
    # The word alternatives of _PERCENT, _MINOR_AFTER and _PER_AFTER, and the ratio words.
    taken |= {"per", "percent", "percents", "percentage", "percentages", "pct", "bp", "bps",
              "basis", "cent", "cents", "pence", "penny", "a", "an", "each", "every", "annually",
              "yearly", "monthly", "daily", "weekly", "apiece", "times", "fold"}
    words = (lx.STOPWORDS | _NOT_HEAD_VERBS) - taken
    return frozenset(
        w for w in words
        # _RANGE_SEP takes a leading "to", "or" or "and" even inside a word ("tomorrow").
        if not w.startswith(("to", "or", "and"))
        # A three-letter word in capitals reads as a currency code ("ALL").
        and w.upper() not in ISO_CODES and w.upper() not in lx.CODE_ALIASES
    )


_INERT_WORDS = _inert_words()


def _right_inert(text: str, cur: int, pk: tuple[str, str, int, bool]) -> bool:
    """True when no right-side matcher can match at `cur` (see _RIGHT_ASCII_STARTS); `pk` is
    _peek(text, cur)."""
    c = text[cur:cur + 1]
    if c == " " or c == "\u00a0":
        c, word, end, _ = pk
        if word and c != "-":  # spaces, then a word: the one _NEXT_WORD takes, unless it goes on
            if text[end:end + 1] in _WORD_JOINERS:
                wm = _NEXT_WORD.match(text, cur)
                return wm is not None and wm.group("w").strip("'’").lower() in _INERT_WORDS
            return word.lower() in _INERT_WORDS
    return c.isascii() and not c.isalpha() and c not in _RIGHT_ASCII_STARTS


def _right_side(text: str, cur: int, raw: _Raw, pk: tuple[str, str, int, bool] | None = None) -> int:
    """Percent, scale, range partner, currency name, per-unit and counted noun after the number.
    Returns the new end, or -1 when the anchor turns out not to be a figure. `pk` is
    _peek(text, cur) when the caller has it.

    Each matcher runs only when the next word (see _peek) can begin what it matches: most
    figures are "140 vehicles" or "5 years", where none but the counted-noun search can."""
    # Ages and ordinals first: "18 years old", "37-year-old".
    if text.startswith(_AGE_SUFFIXES, cur):
        return -1
    first, word, _, unsure = pk or _peek(text, cur)
    low = word.lower()
    if unsure or first == "%" or low in _PERCENT_WORDS:
        pm = _PERCENT.match(text, cur)
        if pm and raw.kind != _K_MONEY:
            cur = _finish_percent(text, pm, raw)
            return _maybe_per(text, cur, raw)
    if raw.kind == _K_PERCENT:  # "50bp" was settled by the glued suffix
        return _maybe_per(text, cur, raw)
    if raw.scale_word is None and (unsure or word in _SCALE_WORDS_AFTER):
        sm = _SCALE_AFTER.match(text, cur)
        if sm:
            scale = sm.group("s") or sm.group("cn")
            norm = scale if scale in lx.SCALE_WORDS else scale.lower()
            if norm in lx.SCALE_WORDS and not (norm == "hundred" and raw.currency is None and raw.marker is None and not _currency_follows(text, sm.end())):
                raw.scale_word = scale
                _apply_scale(raw, lx.SCALE_WORDS[norm])
                cur = sm.end()
                first, word, _, unsure = _peek(text, cur)
                low = word.lower()
    # Range partner: "15-20 years", "250,000 yuan to 300,000 yuan", "$8 billion to $10 billion".
    cur2 = cur
    if unsure or len(word) == 3 or low in _CURRENCY_WORDS_AFTER:
        cur2 = _currency_after(text, cur, raw)
        if cur2 != cur:
            first, word, _, unsure = _peek(text, cur2)
            if raw.kind == _K_MONEY and raw.scale_word is None and (first.isdigit() or word):
                end2 = _minor_part(text, cur2, raw)
                if end2 != cur2:
                    cur2 = end2
                    first, word, _, unsure = _peek(text, cur2)
            low = word.lower()
    cur = cur2
    if unsure or first in _RANGE_CHARS or low.startswith(_RANGE_WORDS):
        cur = _range_partner(text, cur2, raw)
        if cur != cur2:
            cur = _repeat_currency(text, cur, raw) if raw.kind == _K_MONEY else _currency_after(text, cur, raw)
    if raw.kind == _K_PERCENT:
        return cur
    pr = _per_after(text, cur, raw)
    if pr is not None:
        cur = pr
    if raw.kind == _K_MONEY:
        return cur
    return _noun_after(text, cur, raw)


def _peek(text: str, cur: int) -> tuple[str, str, int, bool]:
    """What follows `cur`, for the right side's guards: the first character after any spaces,
    the ASCII letters after that (and after one hyphen), where those letters end, and whether
    a non-ASCII character there leaves the guards unsure (currency signs, CJK marks, en dashes,
    and the letters that case-fold to ASCII under re.I: 'ſ', 'K', 'ı', 'İ'). Unsure means: run
    every matcher."""
    m = _PEEK.match(text, cur)
    assert m is not None  # every part of _PEEK is optional
    q = m.start(1)
    end = m.end()
    first = text[q:q + 1]
    return first, m.group(2), end, not (first.isascii() and text[end:end + 1].isascii())


def _finish_percent(text: str, pm: re.Match, raw: _Raw) -> int:
    raw.kind = _K_PERCENT
    if pm.group("pp"):
        raw.unit = "percentage point"
    elif pm.group("bp"):
        raw.unit = "basis point"
    else:
        raw.unit = "percent"
    cur = pm.end()
    return _range_partner(text, cur, raw) if raw.low is None else cur


def _currency_after(text: str, cur: int, raw: _Raw) -> int:
    if raw.kind == _K_MONEY and (raw.currency or raw.marker) and not raw.candidates:
        # A code after a symbol ("$10 USD") only confirms it; swallow an exact repeat.
        cm = _currency_word_after(text, cur)
        if cm and cm.group("code") and cm.group("code") == raw.currency:
            return cm.end()
        cn = _CN_MARK.match(text, cur)
        if cn and lx.SYMBOLS[cn.group().strip()] == raw.currency:
            return cn.end()  # "人民币10亿元": the mark is written on both sides
        return cur
    cn = _CN_MARK.match(text, cur)
    if cn:
        mark = cn.group().strip()
        raw.kind, raw.currency, raw.basis = _K_MONEY, lx.SYMBOLS[mark], "symbol"
        return cn.end()
    sa = _SYMBOL_AFTER.match(text, cur)
    if sa:
        raw.kind, raw.currency, raw.basis = _K_MONEY, lx.SYMBOLS[sa.group("sym")], "symbol"
        return sa.end()
    cm = _currency_word_after(text, cur)
    if cm:
        if cm.group("name"):
            name = " ".join(cm.group("name").lower().split())
            code = lx.CURRENCY_NAMES.get(name)
            if name in ("pound", "pounds") and raw.scale_word is None:
                raw.marker = "pounds"
            elif code is None:
                raw.marker = "$"
            elif isinstance(code, tuple):
                raw.candidates = code
                raw.basis = f"name '{name}' is used by several currencies"
            else:
                raw.currency, raw.basis = code, "name"
            raw.kind = _K_MONEY
            return cm.end()
        code = (cm.group("code") or cm.group("lcode") or "").upper()
        if cm.group("code") and not cm.group("code").isupper():
            return cur
        code = lx.CODE_ALIASES.get(code, code)
        if code in ISO_CODES and not (code in lx.WORDLIKE_CODES and _in_caps_run(text, cm.start())):
            raw.kind, raw.currency, raw.basis = _K_MONEY, code, "code"
            return cm.end()
        return cur
    mm = _MINOR_AFTER.match(text, cur)
    if mm and raw.scale_word is None:
        word = mm.group("m").lower()
        code, mult = lx.MINOR_UNITS[word]
        raw.kind = _K_MONEY
        if code is None:
            raw.marker = "$"
        else:
            raw.currency, raw.basis = code, "name"
        _apply_scale_decimal(raw, mult)
        raw.unit = None
        return mm.end()
    return cur


# "3 dollars 50 cents", "2 pounds and 5 pence": the minor part of one amount.
_MINOR_PART = re.compile(
    r"(?:[ ]+and)?[ ]+(?P<n>\d{1,2}|[A-Za-z]+(?:-[A-Za-z]+)?)[ ]+(?P<m>cents?|pence|p)(?![A-Za-z])",
    re.I,
)


def _minor_part(text: str, cur: int, raw: _Raw) -> int:
    """After a whole amount named in a major unit, add a minor part written right after it."""
    mm = _MINOR_PART.match(text, cur)
    if mm is None or raw.value is None or raw.precision != 1:
        return cur
    n = mm.group("n")
    count = int(n) if n.isdigit() else words_to_number(n.split("-"))
    if count is None or not 0 < count < 100 or count != int(count):
        return cur  # "3 dollars many cents", "5 dollars a hundred cents"
    code, minor = lx.MINOR_UNITS[mm.group("m").lower()]
    if code == "GBP" and raw.marker == "pounds":
        raw.currency, raw.marker, raw.basis = "GBP", None, "name: pounds and pence"
    elif code is not None and code != raw.currency:
        return cur  # "5 dollars 20 pence" is two amounts
    raw.value += count * minor
    raw.precision = minor
    return mm.end()


def _repeat_currency(text: str, cur: int, raw: _Raw) -> int:
    """After a range partner, swallow the currency written again: '250,000 yuan to 300,000 yuan'."""
    probe = _Raw(start=cur, end=cur, kind=_K_COUNT, value=Decimal(0))
    end = _currency_after(text, cur, probe)
    same = probe.kind == _K_MONEY and (probe.currency, probe.marker) == (raw.currency, raw.marker)
    return end if same else cur


def _apply_scale_decimal(raw: _Raw, mult: Decimal) -> None:
    for name in ("value", "low", "high", "precision"):
        v = getattr(raw, name)
        if v is not None:
            setattr(raw, name, v * mult)


_PARTNER_NUM = re.compile(r"\d+(?:[.,]\d+)*")


def _range_partner(text: str, cur: int, raw: _Raw) -> int:
    """Extend a figure to a range when a second number follows: '15-20', '6 to 7', 'three or
    four', '$8-10 billion'. The second number must be written the same way (same currency,
    both percents or neither). 'from X to Y' is two figures, not a range. Nothing in `raw`
    changes unless the range is accepted."""
    if raw.low is not None or raw.value is None:
        return cur
    rm = _RANGE_SEP.match(text, cur)
    if not rm:
        return cur
    sep = rm.group("sep").lower()
    prevw = _prev_word(text, raw.start)[0].lower().strip(_OPEN_PUNCT)
    if (sep == "and" and prevw != "between") or (
        # "from X to Y" and "fell 3 cents to $1.22" are a change between two figures; after a
        # change verb a bare first number still ranges ("rose 5 to 10 percent")
        sep == "to"
        and (prevw == "from" or (prevw in lx.DIRECTION_WORDS and raw.kind != Kind.COUNT))
    ):
        return cur
    p = rm.end()
    sym = None
    if p < len(text) and not text[p].isdigit():
        sym = _SYMBOL_AT.match(text[p:p + 4])
    if sym:
        code = lx.SYMBOLS.get(sym.group())
        if raw.kind != _K_MONEY or (code != raw.currency and not (code is None and raw.marker == "$")):
            return cur
        p += len(sym.group())
        if p < len(text) and text[p] == " ":
            p += 1
    nm = _PARTNER_NUM.match(text, p)
    if nm is not None:
        parsed = parse_numeral(nm.group())
        if parsed is None:
            return cur
        second, sprec = parsed
        end2 = nm.end()
    elif raw.words:
        wm = _WORD_RUN.match(text, p)
        worded = words_to_number(_WORD_SPLIT.split(wm.group())) if wm else None
        if wm is None or worded is None:
            return cur
        second, sprec, end2 = worded, Decimal(1), wm.end()
    else:
        return cur
    first, first_prec, scale_word = raw.value, raw.precision or Decimal(1), raw.scale_word
    # A scale after the partner applies to both ("$8-10 billion") when the first had none.
    mult = Decimal(1)
    cur2 = end2
    g = _GLUED.match(text, end2)
    sm = None if g else _SCALE_AFTER.match(text, end2)
    if g:
        if g.group() not in lx.SCALE_WORDS or g.group().lower() in _ORDINAL:
            return cur
        word, cur2 = g.group(), g.end()
    elif sm and (sm.group("s") or "").lower() != "hundred":
        word, cur2 = sm.group("s") or sm.group("cn"), sm.end()
    else:
        word = None
    if word is not None:
        mult = Decimal(lx.SCALE_WORDS.get(word, lx.SCALE_WORDS.get(word.lower(), 1)))
        if scale_word is None:
            scale_word, first, first_prec = word, first * mult, first_prec * mult
    elif scale_word is not None:
        return cur  # "$8 billion to 10": the partner has no scale; do not guess one
    second *= mult
    kind, unit = raw.kind, raw.unit
    pm2 = _PERCENT.match(text, cur2)
    if kind == _K_PERCENT:
        if pm2 is None:
            return cur  # "6% to 309,381 yen": a percent ranges only to another percent
        cur2 = pm2.end()
    elif pm2 is not None:
        if kind != _K_COUNT or scale_word is not None:
            return cur
        kind, unit, cur2 = _K_PERCENT, "percent", pm2.end()  # "5-6%"
    if second < first or (second == first and sep in ("-", "–", "—", "~")):
        return cur  # a range runs upward; "2023-02" and "3-3" are codes
    raw.kind, raw.unit, raw.scale_word = kind, unit, scale_word
    raw.low, raw.high, raw.value = first, second, None
    raw.precision = min(first_prec, sprec * mult)
    return cur2


def _per_after(text: str, cur: int, raw: _Raw) -> int | None:
    # _PER_AFTER opens with "/", "-a-", or spaces and then "/" or an adverb (_PER_SECOND):
    # skip the match when the next two characters rule that out.
    c = text[cur:cur + 1]
    if c == " ":
        c = text[cur + 1:cur + 2]
        if c.isascii() and c not in _PER_SECOND:
            return None
    elif c != "/" and c != "-":
        return None
    pm = _PER_AFTER.match(text, cur)
    if not pm:
        return None
    if pm.group("slash"):
        word = pm.group("slash").lower()
        per = lx.PER_UNITS.get(word) or lx.PER_UNITS.get(word.rstrip("s"))
        if per is None and word in ("yr", "annum"):
            per = "year"
        if per is None:
            return None
        raw.per = per
        return pm.end()
    if pm.group("hy"):
        raw.per = lx.PER_UNITS.get(pm.group("hy").lower(), pm.group("hy").lower())
        return pm.end()
    adv = " ".join(pm.group("adv").lower().split())
    if adv == "each":  # "HK$10.50 each": a price per item; "3 shares each" is per person
        if raw.kind != _K_MONEY:
            return None
        raw.per = "unit"
        return pm.end()
    if adv.startswith(("a ", "an ")) and _TIME_SHIFT.match(text, pm.end()):
        return None  # "Rs 2,540 crore a year earlier": when, not how often
    if adv in lx.PER_ADVERBS:
        raw.per = lx.PER_ADVERBS[adv]
        return pm.end()
    parts = adv.split()
    if len(parts) == 2 and parts[0] == "per":
        raw.per = lx.PER_UNITS.get(parts[1]) or _singular(parts[1])
        return pm.end()
    return None


# "a year earlier", "a month ago", "a week later": a time reference after a figure. ("before"
# is left out: "$50,000 a year before tax" is a rate.)
_TIME_SHIFT = re.compile(r"[ ]+(?:earlier|ago|later|previously|back)(?![A-Za-z])", re.I)


def _singular(w: str) -> str:
    if w in lx.IRREGULAR_NOUNS:
        return lx.IRREGULAR_NOUNS[w]
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("sses", "shes", "ches", "xes", "zzes")):
        return w[:-2]
    if w.endswith("s") and not w.endswith("ss") and len(w) > 2:
        return w[:-1]
    return w


def _noun_after(text: str, cur: int, raw: _Raw) -> int:
    """The counted noun, time unit or physical unit after a number, with up to two modifiers:
    '140 test vehicles', 'three consecutive trading days', '44 tons'."""
    n = len(text)
    if cur < n and text[cur] == "-":
        return _hyphen_compound(text, cur, raw)
    modifiers: list[str] = []
    p = cur
    for i in range(3):
        wm = _NEXT_WORD.match(text, p)
        if wm is None or (text[p] == "-" and i > 0):
            break
        w_end = wm.end()
        w = wm.group("w").strip("'’")
        low, unit, time_unit, ratio, stop, irregular, singular, capitalised, lone = _noun_word(w)
        if i == 0 and unit is not None:
            raw.kind, raw.unit = _K_QUANTITY, unit
            return _maybe_per(text, w_end, raw)
        if time_unit is not None:
            raw.kind = _K_DURATION
            if modifiers and modifiers[-1].lower() in lx.TIME_MODIFIERS:
                time_unit = f"{modifiers[-1].lower()} {time_unit}"
            raw.unit = time_unit
            return _maybe_per(text, w_end, raw)
        if ratio:
            raw.kind, raw.unit = _K_RATIO, "times"
            return w_end
        if stop:
            break
        if irregular is not None:
            raw.kind, raw.unit = _K_COUNT, irregular
            return _maybe_per(text, w_end, raw)
        # A capitalised plural after a modifier-less first word is a name ("3 Series").
        if singular is not None and (i == 0 or not capitalised or modifiers):
            raw.kind, raw.unit = _K_COUNT, singular
            return _maybe_per(text, w_end, raw)
        if lone and i == 0 and not raw.words and raw.value == 1:
            raw.kind, raw.unit = _K_COUNT, low  # "1 car"
            return _maybe_per(text, w_end, raw)
        modifiers.append(w)
        p = w_end
    return cur


_SHORT_UNITS = frozenset({"km", "kg", "gw", "mw", "kw", "gb", "tb", "mb", "ha", "oz", "lb", "ft", "mt"})


@lru_cache(maxsize=8192)
def _noun_word(w: str) -> tuple:
    """What a word after a number can be, for _noun_after (which applies these in order):
    (lower-cased word, physical unit when first, time unit, ratio word, stop word, irregular
    noun's singular, regular plural's singular, capitalised, lower-case word for "1 <noun>").
    Cached: news repeats its nouns, and each answer takes a dozen look-ups."""
    low = w.lower()
    u = units.unit_for(w)
    if u is not None and (low in lx.TIME_UNITS or (len(low) <= 2 and low not in _SHORT_UNITS)):
        u = None  # "5 m" is rarely metres; "3 min" is a time
    plural = (
        low.endswith("s") and len(low) >= 3 and low not in lx.NOT_PLURAL and low.isalpha()
        and not low.endswith("ss") and not low.endswith("us") and not low.endswith("is")
    )
    return (
        low,
        u,
        lx.TIME_UNITS.get(low),
        low in ("times", "fold"),
        low in lx.STOPWORDS or low in _NOT_HEAD_VERBS,
        lx.IRREGULAR_NOUNS.get(low),
        _singular(low) if plural else None,
        w[0].isupper() and not any(c.isupper() for c in w[1:]),
        w.isalpha() and w.islower() and low not in lx.MONTHS,
    )


def _maybe_per(text: str, cur: int, raw: _Raw) -> int:
    pr = _per_after(text, cur, raw)
    return pr if pr is not None else cur


def _hyphen_compound(text: str, cur: int, raw: _Raw) -> int:
    """'10,000-strong', '2-year', '500-km', '3-fold', '12-cent-a-share'."""
    wm = _HYPHEN_WORD.match(text, cur)
    if wm is None:
        return cur
    w = wm.group(1)
    low = w.lower()
    if low == "strong":
        raw.kind, raw.unit = _K_COUNT, "person"
        return wm.end()
    if low in ("fold", "times"):
        raw.kind, raw.unit = _K_RATIO, "times"
        return wm.end()
    if low in lx.TIME_UNITS:
        if text.startswith("-old", wm.end()):
            return cur  # "37-year-old": an age, not a duration
        raw.kind, raw.unit = _K_DURATION, lx.TIME_UNITS[low]
        return wm.end()
    u = units.unit_for(w)
    if u is not None:
        raw.kind, raw.unit = _K_QUANTITY, u
        return wm.end()
    return cur


# ---- number words ---------------------------------------------------------------------------


_A_WORDS = frozenset(MAGNITUDES) | {"dozen"}  # "a million", "a dozen"


def _from_words(text: str, s: int, e: int) -> _Raw | int | None:
    """The figure a number word starts, or None. For a run of more than _MAX_RUN_WORDS number
    words it returns the offset where the run ends instead: no anchor before it is a figure."""
    word = text[s:e].lower()
    if word in _FRACTION_WORDS:
        return _fraction(text, s, e, word)
    if word.endswith("fold"):
        return _fold(text, s, e, word)
    if word in _MULTIPLE_WORDS:
        if _MULTIPLE_OF.match(text, e) is None:
            return None  # "twice a year", "met twice": how often, not how much
        return _fold(text, s, e, word)
    if word in ("hundreds", "thousands", "millions", "billions", "tens", "dozens"):
        return _vague(text, s, e, word)
    wm = _WORD_RUN.match(text, s)
    if wm is None:
        return None
    words = _WORD_SPLIT.split(wm.group())
    if len(words) >= _MAX_RUN_WORDS:
        rest_end = _match_end(_WORD_RUN_REST, text, wm.end())
        if rest_end > wm.end():  # the run goes on past the bound
            return rest_end
    # Trailing "and" belongs to the sentence, not the number.
    while words and words[-1].lower() == "and":
        words.pop()
    value = words_to_number(words)
    if value is None:
        return None
    end = wm.end()
    scale_word = None
    precision = Decimal(1)
    last = words[-1].lower()
    if last in MAGNITUDES and last != "hundred" and len(words) > 1:
        scale_word = words[-1]
        precision = Decimal(MAGNITUDES[last])
    elif (
        last not in MAGNITUDES
        # _AND_A_HALF needs " and" or a second space here: the match is skipped for the rest
        and (text.startswith(" and", end) or text.startswith("  ", end))
        and (hm := _AND_A_HALF.match(text, end)) is not None
    ):
        # "two and a half years", "one and a half billion dollars"
        value += Decimal("0.5")
        precision = Decimal("0.5")
        end = hm.end()
        if hm.group("s"):
            scale_word = hm.group("s")
            mult = Decimal(lx.SCALE_WORDS[scale_word.lower()])
            value, precision = value * mult, precision * mult
    pk = _peek(text, end)
    if scale_word is None and _right_inert(text, end, pk):
        return None  # a bare number word: "one of", "two and" (see _right_inert)
    if pk[1].lower() in _FRACTION_WORDS and text.startswith(" of", pk[2]):
        return None  # "two thirds of": the numerator of a fraction, read at the fraction word
    raw = _Raw(s, end, _K_COUNT, value, precision, scale_word)
    raw.words = True
    # "a million", "a dozen".
    prev, pst = _prev_word(text, s)
    if prev.lower() == "a" and words[0].lower() in _A_WORDS:
        raw.start = pst
    left_prev = prev.lower().strip(_OPEN_PUNCT)
    if left_prev in ("top", "no.", "number", "ranked") :
        return None
    if text.startswith("-", end) and not text.startswith(("-year", "-fold", "-month", "-day", "-week"), end):
        if not _HYPHEN_SCALE.match(text[end:end + 9]):
            if not _HYPHEN_MONEY.match(text[end:end + 7]):
                return None  # "two-track", "one-time", "one-off": compounds, not counts
    cur = _right_side(text, end, raw, pk)
    if cur < 0:
        return None
    raw.end = cur
    if raw.kind == _K_COUNT and raw.unit is None and raw.scale_word is None:
        return None
    if raw.kind in (_K_COUNT, _K_DURATION) and raw.scale_word is None and value == 1:
        if raw.kind == _K_COUNT or left_prev not in _ONE_UNIT_CUES:
            return None  # "one of", "One day, ...": singular references, not quantities
    if raw.kind == _K_COUNT and left_prev in _DEFINITE:
        return None  # "the two sides": a reference to things already counted
    if not _left_side(text, raw):
        return None
    return raw


def _fraction(text: str, s: int, e: int, word: str) -> _Raw | None:
    """'half of his time' (ratio), 'nearly half a year' (duration), 'a quarter of',
    'the remaining quarter', 'two-thirds of'."""
    # What follows decides first (cheap), before the look to the left: a fraction needs "of"
    # after it, or a time unit after "half a(n)", or "remaining/other/another" before it.
    # (" of" and " a(n) <unit>" cannot both follow, so the unit is only looked for without "of".)
    sm = _FRACTION_OF_SCALE.match(text, e)
    if sm is not None:
        return _fraction_of_scale(text, s, e, word, sm)
    of_follows = text[e:e + 16].lower().startswith(" of")
    tm = None
    if word == "half" and not of_follows:
        tm = _HALF_A.match(text, e)
        if tm is None or tm.group(1) not in lx.TIME_UNITS:
            return None
    prev, _ = _prev_word(text, s)
    pl = prev.lower().strip(_OPEN_PUNCT)
    if pl in _ORDINAL_WORDS or (pl.endswith(("st", "nd", "rd", "th")) and pl[:-2].isdigit()):
        return None  # "first half of 2024", "third quarter"
    if word != "half" and not of_follows and pl not in ("remaining", "other", "another"):
        return None
    numer, start = _fraction_start(text, s, word)
    base = FRACTIONS[word]
    raw = _Raw(start=start, end=e, kind=_K_RATIO, value=numer * base, unit="fraction", precision=base)
    if tm is not None:  # "half a year"
        raw.kind, raw.unit = _K_DURATION, lx.TIME_UNITS[tm.group(1)]
        raw.end = tm.end()
    if not _left_side(text, raw):
        return None
    return raw


_MULTIPLE_WORDS = {"twice": Decimal(2), "thrice": Decimal(3)}
# "twice as many", "twice the forecast", "twice that": a multiple of a quantity.
_MULTIPLE_OF = re.compile(r"[ ]+(?:as|the|that|its|their|his|her|what|this)(?![A-Za-z])", re.I)


def _fold(text: str, s: int, e: int, word: str) -> _Raw | None:
    """'tenfold', 'a hundredfold', 'twice (as)': a multiple, like '10-fold'."""
    value = _MULTIPLE_WORDS.get(word) or words_to_number([word[:-4]])
    if value is None:
        return None
    raw = _Raw(s, e, _K_RATIO, value, Decimal(1))
    raw.unit, raw.words = "times", True
    prev, pst = _prev_word(text, s)
    if prev.lower() == "a" and word.startswith(("hundred", "thousand")):
        raw.start = pst
    if not _left_side(text, raw):
        return None
    return raw


_AND_A_HALF = re.compile(
    r"[ ]+and[ ]+a[ ]+half(?:[ ]+(?P<s>thousand|million|billion|trillion))?(?![A-Za-z-])", re.I
)
_FRACTION_WORDS = frozenset({"half", "quarter", "third", "thirds", "quarters", "fifths", "tenths"})
# "half a million", "a quarter of a billion", "three-quarters of a million": a number.
_FRACTION_OF_SCALE = re.compile(
    r"(?:[ ]+of)?[ ]+an?[ ]+(?P<s>thousand|million|billion|trillion)(?![A-Za-z])", re.I
)


def _fraction_start(text: str, s: int, word: str) -> tuple[Decimal, int]:
    """The numerator and start of a fraction word at `s`: 'a quarter' (1, at 'a'), 'three
    quarters' (3, at 'three'), 'two-thirds' (2, at 'two'), 'half' (1, at 'half')."""
    prev, pst = _prev_word(text, s)
    pl = prev.lower().strip(_OPEN_PUNCT)
    if pl == "a" or pl == "an":
        return Decimal(1), pst
    if pl in UNITS and (word != "half" or pl == "one"):
        return Decimal(UNITS[pl]), pst
    if s >= 1 and text[s - 1] == "-":  # "two-thirds": the token before is "two-"
        left = prev.lower().split("-")[0].strip(_OPEN_PUNCT)
        if left in UNITS:
            return Decimal(UNITS[left]), pst + (len(prev) - len(prev.lstrip(_OPEN_PUNCT)))
    return Decimal(1), s


def _fraction_of_scale(text: str, s: int, e: int, word: str, sm: re.Match) -> _Raw | None:
    """'half a million people', 'a quarter of a million dollars': a count or an amount, read
    on like any other number (currency, counted noun, qualifier)."""
    numer, start = _fraction_start(text, s, word)
    scale_word = sm.group("s")
    scale = Decimal(lx.SCALE_WORDS[scale_word.lower()])
    value = numer * FRACTIONS[word] * scale
    raw = _Raw(start, sm.end(), _K_COUNT, value, FRACTIONS[word] * scale, scale_word)
    raw.words = True
    cur = _right_side(text, sm.end(), raw)
    if cur < 0:
        return None
    raw.end = cur
    if not _left_side(text, raw):
        return None
    return raw


def _vague(text: str, s: int, e: int, word: str) -> _Raw | None:
    """'hundreds of billions of parameters', 'tens of thousands of people', 'millions of
    dollars': a range from the order of magnitude to the next one."""
    m = _VAGUE.match(text, s)
    if m is None:
        return None
    a = m.group("a").lower()
    b = (m.group("b") or "").lower()
    base = {"hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9, "tens": 10,
            "dozens": 12}[a]
    low = Decimal(base)
    high = low * (10 if a in ("hundreds", "tens") else 1000) if a not in ("dozens",) else Decimal(100)
    if b:
        mult = Decimal(MAGNITUDES[b.rstrip("s")])
        low, high = low * mult, high * mult
        if a in ("hundreds", "tens"):
            high = low * 10
    raw = _Raw(start=s, end=m.end(), kind=_K_COUNT, value=None, low=low, high=high,
               precision=low, scale_word=m.group(0)[len(m.group("a")):].strip(" of") or a)
    raw.scale_word = b or a
    raw.words = True
    of = _OF.match(text, m.end())
    assert of is not None
    cur = _currency_after(text, of.end() - 1, raw)
    if raw.kind == _K_MONEY:
        raw.end = cur
        return raw
    cur = _noun_after(text, of.end() - 1, raw)
    if raw.unit is None:
        return None
    raw.end = cur
    return raw


# ---- document-level resolution --------------------------------------------------------------


def _resolve_context(text: str, raws: list[_Raw]) -> None:
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
                r.kind, r.unit, r.currency = _K_QUANTITY, "pound (weight)", None
                r.basis = "'pounds' with no British or money context: read as weight"
        r.marker = None


def _is_gloss(text: str, raws: list[_Raw], i: int) -> bool:
    """A '$' amount next to an amount in a non-dollar currency, in brackets or after 'or'."""
    r = raws[i]
    if i > 0:
        p = raws[i - 1]
        if p.kind == _K_MONEY and p.currency and p.currency not in ("USD",) and p.marker is None:
            gap_start = p.end
            if r.start - gap_start <= 40 and _GLOSS_GAP.search(text, gap_start, r.start):
                return True
    if i + 1 < len(raws):
        q = raws[i + 1]
        if q.kind == _K_MONEY and q.currency and q.currency != "USD" and q.marker is None:
            if q.start - r.end <= 40 and _GLOSS_GAP.search(text, r.end, q.start):
                return True
    return False



def _signals(text: str) -> dict:
    found: dict = {"dollar_countries": set(), "prefixed": set(), "cny": 0, "jpy": 0, "gbp": 0, "us": 0}
    for w in _signal_words(text):
        if w.endswith("$"):
            code = lx.SYMBOLS.get(w)
            if code:
                found["prefixed"].add(code)
            continue
        if w in lx.DOLLAR_COUNTRY_SIGNALS:
            found["dollar_countries"].add(lx.DOLLAR_COUNTRY_SIGNALS[w])
        if w in lx.US_SIGNALS:
            found["us"] += 1
        if w in lx.CNY_SIGNALS:
            found["cny"] += 1
        if w in lx.JPY_SIGNALS:
            found["jpy"] += 1
        if w in lx.GBP_SIGNALS:
            found["gbp"] += 1
    if "£" in text:
        found["gbp"] += 1
    return found


# Enum members by value: a dict look-up instead of an enum call per figure.
_QUALIFIER_OF = {q.value: q for q in Qualifier}
_DIRECTION_OF = {d.value: d for d in Direction}


# A Figure built through its dataclass __init__ costs about 2.3 us: 27 frozen-field writes in
# interpreted code, 15% of the compiled engine's time. _freeze writes the same slots itself,
# which the compiled engine does from C in half the time. Figure defines no __post_init__, so
# nothing is skipped; tests/test_native.py checks every figure equals Figure(**its fields).
_new_object = object.__new__
_set = object.__setattr__


def _freeze(text: str, r: _Raw, doc: str | None, date: Date | None) -> Figure:
    f = _new_object(Figure)
    start, end, kind = r.start, r.end, r.kind
    money = kind == _K_MONEY
    _set(f, "doc", doc)
    _set(f, "start", start)
    _set(f, "end", end)
    _set(f, "text", text[start:end])
    _set(f, "kind", kind)
    _set(f, "value", r.value)
    _set(f, "low", r.low)
    _set(f, "high", r.high)
    _set(f, "currency", r.currency if money else None)
    _set(f, "unit", None if money else r.unit)
    _set(f, "per", r.per)
    _set(f, "qualifier", _QUALIFIER_OF[r.qualifier] if r.qualifier else None)
    _set(f, "scale_word", r.scale_word)
    _set(f, "precision", r.precision)
    _set(f, "date", date)
    for name in _NORMALIZATION_FIELDS:
        _set(f, name, None)
    _set(f, "direction", _DIRECTION_OF[r.direction] if r.direction else None)
    _set(f, "currency_candidates", r.candidates if money and not r.currency else ())
    _set(f, "currency_basis", r.basis if money else None)
    _set(f, "date_context", None)
    _set(f, "rate_note", None)
    return f


# Filled by figures.normalize, empty at extraction.
_NORMALIZATION_FIELDS = ("to_currency", "normalized_value", "normalized_low", "normalized_high",
                         "rate", "rate_date", "rate_source")


# ---- the compiled engine ---------------------------------------------------------------------
#
# setup.py compiles a copy of this file with mypyc as figures._extract_native (1.5x the Python
# engine's MB/s, bench/RESULTS.md; same results, tests/test_native.py), stamped with the SHA-256 of
# the source it was compiled from. The copy is used only when the stamp matches this file: an
# edited checkout or an old build in place falls back to this module's Python, never to stale
# machine code. FIGURES_PURE_PYTHON=1 chooses the Python engine, e.g. to debug or profile it.

Engine = Callable[[str, "str | None", "Date | None"], list[Figure]]


def _load_native() -> tuple[Engine | None, str]:
    """The compiled engine, if built and current, and a note saying which engine runs and why."""
    if os.environ.get("FIGURES_PURE_PYTHON"):
        return None, "python (FIGURES_PURE_PYTHON is set)"
    try:
        spec = importlib.util.find_spec("figures._extract_native")
    except (ImportError, ValueError):
        spec = None
    origin = spec.origin if spec is not None else None
    if origin is None or not origin.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
        return None, "python (no compiled engine was built: see setup.py)"
    try:
        mine = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
        # Built by setup.py from a copy under build/, so mypy sees no source for it here.
        from figures import _extract_native as native  # type: ignore[attr-defined]
    except (OSError, ImportError) as exc:
        return None, f"python (the compiled engine did not load: {exc})"
    if getattr(native, "SOURCE_SHA256", None) != mine:
        return None, "python (the compiled engine is older than figures/extract.py: reinstall)"
    return native._figures, "native (mypyc)"


_engine: Engine = _figures
IMPLEMENTATION = "python"
if __name__ == "figures.extract":  # not in the compiled copy itself
    _native_engine, IMPLEMENTATION = _load_native()
    if _native_engine is not None:
        _engine = _native_engine
