"""The counted noun, unit and per-unit on the right: '150,000 vehicles per year'."""

from __future__ import annotations

import re
from typing import Final

from figures.extract.memo import remember
from figures.extract.raw import K_COUNT, K_DURATION, K_MONEY, K_RATIO, Raw
from figures.extract.sentences import singular
from figures.extract.tokens import ASCII_CHARS, NOT_HEAD_VERBS, next_word, peek
from figures.extract.unit_grammar import hyphen_unit, uncertainty, unit_after
from figures.vocab.nouns import IRREGULAR_NOUNS, NOT_PLURAL, PER_ADVERBS, PER_UNITS
from figures.vocab.stop_words import STOPWORDS
from figures.vocab.time_words import MONTHS, TIME_MODIFIERS, TIME_UNITS

# The adverbs _PER_AFTER reads after a number: a head word and the word it governs ("a year",
# "per tonne", "each share"), or one word ("annually", "apiece"). One source for the pattern
# and for per_after's guard, which skips the match unless the next word is one of them.
_PER_HEADS: Final = ("a", "an", "per", "each", "every")
_PER_SINGLE: Final = ("annually", "yearly", "monthly", "daily", "weekly", "apiece", "each")
_PER_FIRST_WORDS: Final = frozenset(_PER_HEADS + _PER_SINGLE)
# What can follow the first space of a match: more spaces, "/", an adverb's first letter.
_PER_SECOND: Final = frozenset({" ", "/"} | {w[0] for w in _PER_FIRST_WORDS} | {w[0].upper() for w in _PER_FIRST_WORDS})
_PER_AFTER: Final = re.compile(
    r"(?:[ ]*/[ ]*(?P<slash>[A-Za-z]+)"
    r"|-a-(?P<hy>share|year|month|day|head)"
    r"|[ ]+(?P<adv>(?:" + "|".join(_PER_HEADS) + r")[ ]+[A-Za-z]+|" + "|".join(_PER_SINGLE) + r"))(?![A-Za-z])",
    re.I,
)
_UNCERTAINTY_FIRST: Final = frozenset(" ±+")
_HYPHEN_WORD: Final = re.compile(r"-([A-Za-z]+)")


def per_after(text: str, cur: int, raw: Raw) -> int | None:
    # _PER_AFTER opens with "/", "-a-", or spaces and then "/" or an adverb (_PER_FIRST_WORDS):
    # skip the match when what follows rules that out.
    c = text[cur:cur + 1]
    if c == " ":
        c = text[cur + 1:cur + 2]
        if c in ASCII_CHARS and c not in _PER_SECOND:
            return None  # the one-character test first: it settles most numbers
        # After the spaces: "/", or a word that begins an adverb alternative (unless peek is
        # unsure: a non-ASCII letter can case-fold to ASCII under re.I).
        first, word, _, unsure = peek(text, cur)
        if first != "/" and not unsure and word.lower() not in _PER_FIRST_WORDS:
            return None
    elif c != "/" and c != "-":
        return None
    pm = _PER_AFTER.match(text, cur)
    if not pm:
        return None
    if pm.group("slash"):
        word = pm.group("slash").lower()
        per = PER_UNITS.get(word) or PER_UNITS.get(word.rstrip("s"))
        if per is None and word in ("yr", "annum"):
            per = "year"
        if per is None:
            return None
        raw.per = per
        return pm.end()
    if pm.group("hy"):
        raw.per = PER_UNITS.get(pm.group("hy").lower(), pm.group("hy").lower())
        return pm.end()
    adv = " ".join(pm.group("adv").lower().split())
    if adv == "each":  # "HK$10.50 each": a price per item; "3 shares each" is per person
        if raw.kind != K_MONEY:
            return None
        raw.per = "unit"
        return pm.end()
    if adv.startswith(("a ", "an ")) and _TIME_SHIFT.match(text, pm.end()):
        return None  # "Rs 2,540 crore a year earlier": when, not how often
    if adv in PER_ADVERBS:
        raw.per = PER_ADVERBS[adv]
        return pm.end()
    parts = adv.split()
    if len(parts) == 2 and parts[0] == "per":
        raw.per = PER_UNITS.get(parts[1]) or singular(parts[1])
        return pm.end()
    return None


# "a year earlier", "a month ago", "a week later": a time reference after a figure. ("before"
# is left out: "$50,000 a year before tax" is a rate.)
_TIME_SHIFT: Final = re.compile(r"[ ]+(?:earlier|ago|later|previously|back)(?![A-Za-z])", re.I)


def noun_after(text: str, cur: int, raw: Raw) -> int:
    """The counted noun, time unit or physical unit after a number, with up to two modifiers:
    '140 test vehicles', 'three consecutive trading days', '44 tons'."""
    n = len(text)
    if cur < n and text[cur] == "-":
        return _hyphen_compound(text, cur, raw)
    if raw.per is None:
        ue = unit_after(text, cur, raw)  # a physical unit first: '0.9 trillion cubic feet'
        if ue < 0 and cur < n and text[cur] in _UNCERTAINTY_FIRST:
            ue = uncertainty(text, cur, raw)
        if ue >= 0:
            return ue
    modifiers: list[str] = []
    p = cur
    for i in range(3):
        word, w_end = next_word(text, p)
        if w_end < 0 or (text[p] == "-" and i > 0):
            break
        w = word.strip("'’")
        low, time_unit, ratio, stop, irregular, singular, capitalised, lone = _noun_word(w)
        if time_unit is not None:
            raw.kind = K_DURATION
            if modifiers and modifiers[-1].lower() in TIME_MODIFIERS:
                time_unit = f"{modifiers[-1].lower()} {time_unit}"
            raw.unit = time_unit
            return maybe_per(text, w_end, raw)
        if ratio:
            raw.kind, raw.unit = K_RATIO, "times"
            return w_end
        if stop:
            break
        if irregular is not None:
            raw.kind, raw.unit = K_COUNT, irregular
            return maybe_per(text, w_end, raw)
        # A capitalised plural after a modifier-less first word is a name ("3 Series").
        if singular is not None and (i == 0 or not capitalised or modifiers):
            raw.kind, raw.unit = K_COUNT, singular
            return maybe_per(text, w_end, raw)
        if lone and i == 0 and not raw.words and raw.value == 1:
            raw.kind, raw.unit = K_COUNT, low  # "1 car"
            return maybe_per(text, w_end, raw)
        modifiers.append(w)
        p = w_end
    return cur


_NOUNS: Final[dict[str, tuple]] = {}


def _noun_word(w: str) -> tuple:
    hit = _NOUNS.get(w)  # the memo's look-up inline: a call saved per repeated word
    return hit if hit is not None else remember(_NOUNS, w, _read_noun_word)


def _read_noun_word(w: str) -> tuple:
    """What a word after a number can be, for noun_after (which applies these in order):
    (lower-cased word, time unit, ratio word, stop word, irregular
    noun's singular, regular plural's singular, capitalised, lower-case word for "1 <noun>").
    Cached: news repeats its nouns, and each answer takes a dozen look-ups."""
    low = w.lower()
    plural = (
        low.endswith("s") and len(low) >= 3 and low not in NOT_PLURAL and low.isalpha()
        and not low.endswith("ss") and not low.endswith("us") and not low.endswith("is")
    )
    return (
        low,
        TIME_UNITS.get(low),
        low in ("times", "fold"),
        low in STOPWORDS or low in NOT_HEAD_VERBS,
        IRREGULAR_NOUNS.get(low),
        singular(low) if plural else None,
        w[0].isupper() and not any(c.isupper() for c in w[1:]),
        w.isalpha() and w.islower() and low not in MONTHS,
    )


def maybe_per(text: str, cur: int, raw: Raw) -> int:
    pr = per_after(text, cur, raw)
    return pr if pr is not None else cur


def _hyphen_compound(text: str, cur: int, raw: Raw) -> int:
    """'10,000-strong', '2-year', '500-km', '3-fold', '12-cent-a-share', '8- to 16-meter'."""
    ue = hyphen_unit(text, cur, raw)
    if ue >= 0:
        return ue
    wm = _HYPHEN_WORD.match(text, cur)
    if wm is None:
        return cur
    w = wm.group(1)
    low = w.lower()
    if low == "strong":
        raw.kind, raw.unit = K_COUNT, "person"
        return wm.end()
    if low in ("fold", "times"):
        raw.kind, raw.unit = K_RATIO, "times"
        return wm.end()
    if low in TIME_UNITS:
        if text.startswith("-old", wm.end()):
            return cur  # "37-year-old": an age, not a duration
        raw.kind, raw.unit = K_DURATION, TIME_UNITS[low]
        return wm.end()
    return cur
