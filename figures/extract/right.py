"""The right grammar: percent, scale word, currency name or code, minor unit."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from figures.extract.left import in_caps_run
from figures.extract.numerals import words_to_number
from figures.extract.raw import K_COUNT, K_MONEY, K_PERCENT, Raw
from figures.extract.raw_ops import apply_scale, apply_scale_decimal
from figures.extract.right_nouns import maybe_per, noun_after, per_after
from figures.extract.right_range import range_partner
from figures.extract.tokens import (
    ASCII_CHARS,
    NAME_FIRST_RUNS,
    NOT_HEAD_VERBS,
    PERCENT,
    SCALE_AFTER,
    SCALE_FIRST_WORDS,
    SCALE_FORMS,
    SCALE_LETTER_AFTER,
    cn_mark,
    currency_follows,
    currency_word_after,
    next_word,
    peek,
)
from figures.extract.trie import trie_pattern
from figures.extract.unit_grammar import GATE_CHARS
from figures.extract.unit_match import first_words
from figures.vocab.codes import ALIASES, ISO_CODES
from figures.vocab.currencies import (
    CURRENCY_WORDS,
    DOLLAR_CODES,
    GLUED_ONLY_MINOR,
    HYPHEN_CURRENCY,
    LOWER_CODES,
    MINOR_UNITS,
    SPACED_DOLLAR_PREFIXES,
    SYMBOLS,
    SYMBOLS_AFTER,
    WORDLIKE_CODES,
)
from figures.vocab.nouns import IRREGULAR_NOUNS, PER_ADVERBS, PER_UNITS
from figures.vocab.scales import LAKH_LETTER_CURRENCIES, SCALE_WORDS
from figures.vocab.stop_words import STOPWORDS
from figures.vocab.time_words import TIME_UNITS

# The first word of each PERCENT alternative, lower-cased ("per" of "per cent").
_PERCENT_WORDS: Final = frozenset({"percentage", "basis", "bps", "bp", "percent", "percents",
                            "percentages", "per", "pct"})
_LETTERS: Final = re.compile(r"[A-Za-z]*")
# Symbols some languages and styles write after the amount: "100 €", "100₾", "100,000 ₭".
# A dollar or yen sign followed by a number belongs to that number ("2 $50 tickets"): group
# "next" says a digit follows.
_SYMBOL_AFTER: Final = re.compile(
    r"[ \u00a0]?(?P<sym>" + trie_pattern(sorted(SYMBOLS_AFTER)) + r")(?![A-Za-z\u00c0-\u024f])(?P<next>[ \u00a0]?\d)?"
)
# What can open a _SYMBOL_AFTER match in peek's terms: the lower-cased letters of symbols that
# begin with an ASCII letter ("tk" of "Tk"), and the ASCII signs that begin one ("$", "S/").
def _leading_letters(s: str) -> str:
    m = _LETTERS.match(s)
    return m.group().lower() if m else ""


_SYMBOL_AFTER_LETTERS: Final = frozenset(
    _leading_letters(s) for s in SYMBOLS_AFTER if s[0].isascii() and s[0].isalpha()
)
# Those that are common words ("a" of "A$", "so" of "so'm", "can" of "Can$") open a symbol only
# when a sign follows the letters at once: the gate checks that character (right_side).
_SYMBOL_AFTER_STOPWORDS: Final = _SYMBOL_AFTER_LETTERS & STOPWORDS
_SYMBOL_AFTER_WORDS: Final = _SYMBOL_AFTER_LETTERS - _SYMBOL_AFTER_STOPWORDS
_SYMBOL_AFTER_FIRSTS: Final = frozenset(s[0] for s in SYMBOLS_AFTER)
_SPACE_OR_NBSP: Final = frozenset(" \u00a0")
_SYMBOL_AFTER_CHARS: Final = frozenset(s[0] for s in SYMBOLS_AFTER if s[0].isascii() and not s[0].isalpha())
_SIGN_AFTER_LETTERS: Final = frozenset(
    s[len(_leading_letters(s))] for s in SYMBOLS_AFTER
    if _leading_letters(s) in STOPWORDS and len(s) > len(_leading_letters(s))
)
# Minor units written after the amount, spaced or hyphenated ("3 dollars 50 cents").
_SPACED_MINOR: Final = frozenset(MINOR_UNITS) - GLUED_ONLY_MINOR
# What can open a currency_after match besides a three-letter code: a currency name, or a
# minor unit (_MINOR_AFTER).
_CURRENCY_WORDS_AFTER: Final = NAME_FIRST_RUNS | _SPACED_MINOR | _SYMBOL_AFTER_WORDS
_AGE_SUFFIXES: Final = ("-year-old", "-years-old", " years old", " year old", "-month-old")
_AGE_HEADS: Final = frozenset(a[:2] for a in _AGE_SUFFIXES)  # a set look-up before startswith
_MINOR_AFTER: Final = re.compile(r"(?:[ ]+|-)(?P<m>" + trie_pattern(sorted(_SPACED_MINOR)) + r")(?![A-Za-z])", re.I)
# What can open a _RANGE_SEP match: a dash or tilde (the non-ASCII dashes make peek unsure),
# or a word that starts with "to", "or" or "and" (the pattern has no word boundary).
_RANGE_CHARS: Final = frozenset("-~")
_RANGE_WORDS: Final = ("to", "or", "and")


# ---- right side -----------------------------------------------------------------------------

# Early reject. Most anchors that are not figures are bare numbers ("in 2024, the", "one of
# the"): no currency on the left, nothing glued, and nothing on the right that a right-side
# matcher could take. right_inert sees that from the next character or the next word, so the
# caller can drop the anchor before running the dozen anchored matches of right_side. It is
# conservative: it answers True only where every right-side matcher must fail.
#
# ASCII characters that can begin a right-side match (after optional spaces): range dashes,
# tildes, per-slashes, percent signs, hyphenated compounds; letters are judged by their word.
# Every other ASCII character ends the figure. Non-ASCII characters (currency symbols, CJK
# marks, dashes, letters that case-fold to ASCII) always take the full path.
_RIGHT_ASCII_STARTS: Final = frozenset("-~/%$")
# The characters right_inert ends on: ASCII, no letter, none of _RIGHT_ASCII_STARTS (and the
# end of the text).
_INERT_AFTER: Final = frozenset(c for c in ASCII_CHARS if not c.isalpha() and c not in _RIGHT_ASCII_STARTS)
# Characters that continue a next_word word past its letters ("AT&T", "Xiaomi's", "in-house").
_WORD_JOINERS: Final = frozenset("&'’-")


def _inert_words() -> frozenset[str]:
    """Lower-case words after which nothing can attach to a number: stop words (where the
    counted-noun search stops) that no right-side matcher can take, in any letter case."""
    taken: set[str] = set()
    for table in (CURRENCY_WORDS, SCALE_WORDS, PER_ADVERBS, PER_UNITS, MINOR_UNITS,
                  TIME_UNITS, IRREGULAR_NOUNS, HYPHEN_CURRENCY, SYMBOLS,
                  SPACED_DOLLAR_PREFIXES, SYMBOLS_AFTER):
        taken |= {key.split(" ")[0].lower() for key in table}
    taken |= LOWER_CODES | _SYMBOL_AFTER_LETTERS
    taken |= first_words() - {"in"}  # physical units (issue 17); "5 in" stays a bare number
    # The word alternatives of PERCENT, _MINOR_AFTER and _PER_AFTER, and the ratio words.
    taken |= {"per", "percent", "percents", "percentage", "percentages", "pct", "bp", "bps",
              "basis", "cent", "cents", "pence", "penny", "a", "an", "each", "every", "annually",
              "yearly", "monthly", "daily", "weekly", "apiece", "times", "fold"}
    words = (STOPWORDS | NOT_HEAD_VERBS) - taken
    return frozenset(
        w for w in words
        # _RANGE_SEP takes a leading "to", "or" or "and" even inside a word ("tomorrow").
        if not w.startswith(("to", "or", "and"))
        # A three-letter word in capitals reads as a currency code ("ALL").
        and w.upper() not in ISO_CODES and w.upper() not in ALIASES
    )


_INERT_WORDS: Final = _inert_words()


def right_inert(text: str, cur: int, pk: tuple[str, str, int, bool]) -> bool:
    """True when no right-side matcher can match at `cur` (see _RIGHT_ASCII_STARTS); `pk` is
    peek(text, cur)."""
    c = text[cur:cur + 1]
    if c == " " or c == "\u00a0":
        c, word, end, _ = pk
        if c in GATE_CHARS:
            return False  # a bracketed unit or a degree sign: '20 (kg)', '45 °C'
        if word and c != "-":  # spaces, then a word: the one next_word takes, unless it goes on
            if text[end:end + 1] in _WORD_JOINERS:
                word, wend = next_word(text, cur)
                return wend >= 0 and word.strip("'’").lower() in _INERT_WORDS
            return word.lower() in _INERT_WORDS
    return c in _INERT_AFTER


def right_side(text: str, cur: int, raw: Raw, pk: tuple[str, str, int, bool] | None = None) -> int:
    """Percent, scale, range partner, currency name, per-unit and counted noun after the number.
    Returns the new end, or -1 when the anchor turns out not to be a figure. `pk` is
    peek(text, cur) when the caller has it.

    Each matcher runs only when the next word (see peek) can begin what it matches: most
    figures are "140 vehicles" or "5 years", where none but the counted-noun search can."""
    # Ages and ordinals first: "18 years old", "37-year-old".
    if text[cur:cur + 2] in _AGE_HEADS and text.startswith(_AGE_SUFFIXES, cur):
        return -1
    first, word, pend, unsure = pk or peek(text, cur)
    low = word.lower()
    if unsure or first == "%" or low in _PERCENT_WORDS:
        pm = PERCENT.match(text, cur)
        if pm and raw.kind != K_MONEY:
            cur = _finish_percent(text, pm, raw)
            return maybe_per(text, cur, raw)
    if raw.kind == K_PERCENT:  # "50bp" was settled by the glued suffix
        return maybe_per(text, cur, raw)
    if raw.scale_word is None and (unsure or word in SCALE_FIRST_WORDS):
        sm = SCALE_AFTER.match(text, cur)
        if sm:
            scale = sm.group("s") or sm.group("cn")
            mult = SCALE_FORMS.get(scale)
            if mult is not None and not (mult == 100 and raw.currency is None and raw.marker is None and not currency_follows(text, sm.end())):
                raw.scale_word = scale
                apply_scale(raw, mult)
                cur = sm.end()
                first, word, pend, unsure = peek(text, cur)
                low = word.lower()
    elif raw.scale_word is None and raw.kind == K_MONEY and len(word) <= 2 and (raw.currency or raw.marker):
        lm = SCALE_LETTER_AFTER.match(text, cur)
        if lm is not None and (lm.group("s") != "L" or raw.currency in LAKH_LETTER_CURRENCIES):
            scale = lm.group("s")
            raw.scale_word = scale
            apply_scale(raw, SCALE_FORMS[scale])
            cur = lm.end()
            first, word, pend, unsure = peek(text, cur)
            low = word.lower()
    # Range partner: "15-20 years", "250,000 yuan to 300,000 yuan", "$8 billion to $10 billion".
    cur2 = cur
    if (
        unsure or len(word) == 3 or low in _CURRENCY_WORDS_AFTER or first in _SYMBOL_AFTER_CHARS
        or (low in _SYMBOL_AFTER_STOPWORDS and text[pend:pend + 1] in _SIGN_AFTER_LETTERS)
    ):
        cur2 = currency_after(text, cur, raw)
        if cur2 != cur:
            first, word, _, unsure = peek(text, cur2)
            if raw.kind == K_MONEY and raw.scale_word is None and (first.isdigit() or word):
                end2 = _minor_part(text, cur2, raw, raw.basis not in ("symbol", "code"))
                if end2 != cur2:
                    cur2 = end2
                    first, word, _, unsure = peek(text, cur2)
            low = word.lower()
    if cur2 == cur and low == "and" and raw.kind == K_MONEY and raw.scale_word is None and (raw.currency or raw.marker):
        end2 = _minor_part(text, cur2, raw, named=False)  # "$4 and 25 cents", "US$3 and fourteen"
        if end2 != cur2:
            cur2 = end2
            first, word, _, unsure = peek(text, cur2)
            low = word.lower()
    cur = cur2
    if unsure or first in _RANGE_CHARS or low.startswith(_RANGE_WORDS):
        cur = range_partner(text, cur2, raw)
        if cur != cur2:
            cur = _repeat_currency(text, cur, raw) if raw.kind == K_MONEY else currency_after(text, cur, raw)
    if raw.kind == K_PERCENT:
        return cur
    pr = per_after(text, cur, raw)
    if pr is not None:
        cur = pr
    if raw.kind == K_MONEY:
        return cur
    return noun_after(text, cur, raw)


def _finish_percent(text: str, pm: re.Match, raw: Raw) -> int:
    raw.kind = K_PERCENT
    if pm.group("pp"):
        raw.unit = "percentage point"
    elif pm.group("bp"):
        raw.unit = "basis point"
    else:
        raw.unit = "percent"
    cur = pm.end()
    return range_partner(text, cur, raw) if raw.low is None else cur


def currency_after(text: str, cur: int, raw: Raw) -> int:
    if raw.kind == K_MONEY and (raw.currency or raw.marker) and not raw.candidates:
        # A code after a symbol ("$10 USD") only confirms it; swallow an exact repeat.
        cm = currency_word_after(text, cur)
        if cm and cm.group("code") and cm.group("code") == raw.currency:
            return cm.end()
        if cm and cm.group("code") and raw.marker == "$" and cm.group("code") in DOLLAR_CODES:
            # "$1,190.00 AUD": the code after the sign says which dollar
            raw.currency, raw.marker, raw.basis = cm.group("code"), None, "code after '$'"
            return cm.end()
        cn = cn_mark(text, cur)
        if cn and SYMBOLS[cn.group().strip()] == raw.currency:
            return cn.end()  # "人民币10亿元": the mark is written on both sides
        return cur
    cn = cn_mark(text, cur)
    if cn:
        mark = cn.group().strip()
        raw.kind, raw.currency, raw.basis = K_MONEY, SYMBOLS[mark], "symbol"
        return cn.end()
    sa = _SYMBOL_AFTER.match(text, cur) if _symbol_after_may_start(text, cur) else None
    if sa and not (sa.group("next") and SYMBOLS_AFTER[sa.group("sym")] is None):
        symbol_after(raw, sa.group("sym"))
        return sa.end("sym")
    cm = currency_word_after(text, cur)
    if cm:
        if cm.group("name"):
            name = " ".join(cm.group("name").lower().split())
            code = CURRENCY_WORDS.get(name)
            if name in ("pound", "pounds") and raw.scale_word is None:
                if text.startswith(" of ", cm.end()) and raw.marker is None:
                    return cur  # "two pounds of beef": a weight (unit_grammar reads it)
                raw.marker = "pounds"
            elif code is None:
                raw.marker = "$"
            elif isinstance(code, tuple):
                raw.candidates = code
                raw.basis = f"name '{name}' is used by several currencies"
            else:
                raw.currency, raw.basis = code, "name"
            raw.kind = K_MONEY
            return cm.end()
        code = (cm.group("code") or cm.group("lcode") or "").upper()
        if cm.group("code") and not cm.group("code").isupper():
            return cur
        code = ALIASES.get(code, code)
        if code in ISO_CODES and not (code in WORDLIKE_CODES and in_caps_run(text, cm.start())):
            raw.kind, raw.currency, raw.basis = K_MONEY, code, "code"
            return cm.end()
        return cur
    mm = _MINOR_AFTER.match(text, cur) if _minor_may_follow(text, cur) else None
    if mm and raw.scale_word is None:
        word = mm.group("m").lower()
        code, mult = MINOR_UNITS[word]
        raw.kind = K_MONEY
        if code is None:
            raw.marker = "$"
        else:
            raw.currency, raw.basis = code, "name"
        apply_scale_decimal(raw, mult)
        raw.unit = None
        return mm.end()
    return cur


def _symbol_after_may_start(text: str, cur: int) -> bool:
    """Whether _SYMBOL_AFTER can match at `cur`: after the optional space, the first character
    of a symbol (the pattern is case-sensitive)."""
    i = cur + 1 if text[cur:cur + 1] in _SPACE_OR_NBSP else cur
    return text[i:i + 1] in _SYMBOL_AFTER_FIRSTS


def _minor_may_follow(text: str, cur: int) -> bool:
    """Whether _MINOR_AFTER can match at `cur`: after spaces or a hyphen, a word that is a minor
    unit (any case), unless peek is unsure (a non-ASCII letter may case-fold under re.I)."""
    c = text[cur:cur + 1]
    if c != " " and c != "-":
        return False
    _, word, _, unsure = peek(text, cur)
    return unsure or word.lower() in _SPACED_MINOR


def symbol_after(raw: Raw, sym: str) -> None:
    """Make `raw` money in the currency of a symbol written after it (SYMBOLS_AFTER)."""
    code = SYMBOLS_AFTER[sym]
    raw.kind = K_MONEY
    if code is None:
        raw.marker = "¥" if sym in ("¥", "￥") else "$"
    elif isinstance(code, tuple):
        raw.candidates, raw.basis = code, f"symbol '{sym}' is used by several currencies"
    else:
        raw.currency, raw.basis = code, "symbol"


# "3 dollars 50 cents", "2 pounds and 5 pence", "Rs 10 and 50 paise": the minor part of one
# amount (group m: the minor unit, absent in "15 dollars 50" and "US$3 and fourteen").
_MINOR_PART: Final = re.compile(
    r"(?P<and>[ ]+and)?[ ]+(?P<n>\d{1,2}(?![\d]|[.,]\d)|[A-Za-z]+(?:-[A-Za-z]+)?)"
    r"(?:[ ]+(?P<m>" + trie_pattern(sorted(_SPACED_MINOR)) + r")(?![A-Za-z]))?",
    re.I,
)
# What may follow a minor part written without its unit: the end of the clause, or a word that
# begins no noun ("15 dollars 50 for two", but not "5 pounds 20 ounces").
_AFTER_BARE_MINOR: Final = re.compile(r"[ ]*(?:[.,;:!?)\]]|\Z)|[ ]+(?P<w>[A-Za-z]+)")


def _minor_part(text: str, cur: int, raw: Raw, named: bool = True) -> int:
    """After a whole amount in a major unit, add a minor part written right after it: with its
    unit ("3 dollars 50 cents"), or without it where nothing else can be meant: two digits
    after a currency name ("15 dollars 50"), or a number word after "and" ("US$3 and
    fourteen"). `named`: the major unit was a name, not a sign."""
    mm = _MINOR_PART.match(text, cur)
    if mm is None or raw.value is None or raw.precision != 1:
        return cur
    n = mm.group("n")
    after_word = ""
    if mm.group("m") is None:
        if not (named and n.isdigit() and len(n) == 2 and not mm.group("and")) and not (
            mm.group("and") and not n.isdigit()
        ):
            return cur
        am = _AFTER_BARE_MINOR.match(text, mm.end())
        if am is None or (am.group("w") is not None and am.group("w").lower() not in STOPWORDS):
            return cur  # "5 pounds 20 ounces", "$3 and fourteen cars"
        after_word = am.group("w") or ""
    count = int(n) if n.isdigit() else words_to_number(n.split("-"))
    if count is None or not 0 < count < 100 or count != int(count):
        return cur  # "3 dollars many cents", "5 dollars a hundred cents"
    if mm.group("m") is None:
        if not n.isdigit() and (count < 10 or after_word == "of"):
            return cur  # "$3 and one of them": a count, not cents
        raw.value += Decimal(int(count)) / 100
        raw.precision = Decimal("0.01")
        return mm.end()
    code, minor = MINOR_UNITS[mm.group("m").lower()]
    if code == "GBP" and raw.marker == "pounds":
        raw.currency, raw.marker, raw.basis = "GBP", None, "name: pounds and pence"
    elif code is not None and code != raw.currency and not (code == "INR" and raw.marker == "Rs"):
        return cur  # "5 dollars 20 pence" is two amounts ("Rs 10 and 50 paise" is one: the
        # locale settles which rupee, currency_context)
    raw.value += count * minor
    raw.precision = minor
    return mm.end()


def _repeat_currency(text: str, cur: int, raw: Raw) -> int:
    """After a range partner, swallow the currency written again: '250,000 yuan to 300,000 yuan'."""
    probe = Raw(start=cur, end=cur, kind=K_COUNT, value=Decimal(0))
    end = currency_after(text, cur, probe)
    same = probe.kind == K_MONEY and (probe.currency, probe.marker) == (raw.currency, raw.marker)
    return end if same else cur
