"""Find the physical unit written right after a number: dict look-ups keyed by the next tokens.

Called by the extractor at the offset right after a number (and after any scale word it has
already read: '0.9 trillion| cubic feet'). No pint call and no regex on this path: the next few
tokens are read by hand within a bounded window and looked up in the tables generated from pint
(figures/vocab/units_table.py), longest form first. Cost is bounded by MAX_TOKENS, so linear in
the document.

Accepted shapes after the number: '101 kWh', '101kWh', '3-inch', '20 (kg)', '20 [kg]', '-18 °C',
'-18°C', '45°', '660 square meters', 'sq. ft', '0-100 km/h', 'kWh/100 km', 'barrels a day',
'tonnes per year', 'bpd', 'J/m^2 per year' (two per-units), 'km/s2', inverse units written
with a power ('5 fb-1', 's⁻¹'). Symbols are case-sensitive ('mm' is not 'Mm'); words are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Final

from figures.vocab import units_table as _table_module

MAX_TOKENS: Final = 4
_SPACES: Final = frozenset(" \u00a0\u2009\u202f")
_TOKEN_EXTRA: Final = frozenset("²³µμΩℓ·^")
_DEGREE: Final = frozenset("°º")
_ONE_CHAR_UNITS: Final = frozenset("℃℉")
_OPEN: Final = {"(": ")", "[": "]", "{": "}"}
# One letter run (a single character class: linear, no backtracking), for the fast reject.
_LETTERS: Final = re.compile(r"[^\W\d_]+")
_TOKEN: Final = re.compile(r"[^\W\d_·]{1,32}")  # no '·' in the class: it never starts a token
_FINAL_PUNCT: Final = frozenset(".,;:!?)]\n")
_PER_WORDS: Final = frozenset({"per", "a", "an", "each", "every"})
_TIME_ONLY_PER: Final = frozenset({"a", "an", "each", "every"})  # 'barrels a day', not 'kg a metre'
_ANNUM: Final = {"annum": "year", "capita": None}
# A power of minus one written after a unit: '5 fb-1', '1 fb−1', 's⁻¹', 'm^-1'.
_INVERSE: Final = ("-1", "−1", "⁻¹", "^-1", "^−1")
_SQUARED: Final = frozenset("2²")


@dataclass(frozen=True, slots=True)
class UnitMatch:
    """A unit read after a number. `unit` and `per` are canonical pint units ('kilometer',
    'meter ** 2', 'oil_barrel'); `per` is set for compounds ('km/h' -> per 'hour'), with
    `per_count` for a numeric denominator ('kWh/100 km' -> 100). `ambiguity` names the other
    reading when the form also means a counted noun, a currency or a scale word. `inverse`:
    the unit to the power minus one ('fb-1'); `per2` a second per-unit ('J/m^2 per year')."""

    start: int
    end: int
    unit: str
    dimension: str
    per: str | None = None
    per_count: int | None = None
    ambiguity: str | None = None
    inverse: bool = False
    per2: str | None = None

    @property
    def display(self) -> str:
        name = _display(self.unit)
        return f"inverse {name}" if self.inverse else name

    @property
    def per_display(self) -> str | None:
        if self.per is None:
            return None
        name = _display(self.per)
        name = f"{self.per_count} {name}" if self.per_count else name
        return f"{name} per {_display(self.per2)}" if self.per2 else name

    @property
    def pint_expr(self) -> str:
        """The pint expression of the whole unit, for figures.quantities.to_si."""
        unit = f"1 / ({self.unit})" if self.inverse else self.unit
        if self.per is None:
            return unit
        den = f"({self.per_count} * {self.per})" if self.per_count else f"({self.per})"
        if self.per2:
            den = f"{den} / ({self.per2})"
        return f"({unit}) / {den}"


def _display(unit: str) -> str:
    return _table_module.DISPLAY.get(unit, unit.replace("_", " "))


@dataclass(frozen=True, slots=True)
class PerMatch:
    """A per-unit after a unit or a counted noun ('vehicles| per year', 'barrels| a day')."""

    end: int
    per: str
    dimension: str
    count: int | None = None


@cache
def _tables() -> tuple[dict, dict, dict, dict, dict, frozenset, frozenset]:
    """Lookup dicts keyed by the normalized token sequence, built once from the generated data
    (the data file keeps the forms as written so it stays readable)."""
    t = _table_module
    symbols = {_key(k): (k, v) for k, v in t.SYMBOLS.items()}
    words = {_key(k).lower(): (k, v) for k, v in t.WORDS.items()}
    folded = {_key(k).lower(): (k, v) for k, v in t.FOLDED.items()}
    compounds_exact: dict = {}
    compounds_lower: dict = {}
    for form, value in t.COMPOUNDS.items():
        target = compounds_lower if form.islower() and "/" not in form else compounds_exact
        target[_key(form).lower() if target is compounds_lower else _key(form)] = (form, value)
    tables = (symbols, words, folded, compounds_exact, compounds_lower)
    first = frozenset(k.split(" ", 1)[0].lower() for table in tables for k in table)
    # Proper token prefixes of multi-token forms ('square', 'square metric'?): reading stops as
    # soon as the tokens so far begin no longer form.
    prefixes = set()
    for table in tables:
        for k in table:
            parts = k.lower().split(" ")
            for j in range(1, len(parts)):
                prefixes.add(" ".join(parts[:j]))
    return symbols, words, folded, compounds_exact, compounds_lower, first, frozenset(prefixes)


def _key(form: str) -> str:
    """Normalize a written form into the token key used for look-ups."""
    toks, pos = _read_tokens(form, 0, MAX_TOKENS + 2)
    return " ".join(t for t, _ in toks) if pos == len(form) or toks else form


def _is_token_char(c: str) -> bool:
    return c.isalpha() or c in _TOKEN_EXTRA


def _read_tokens(text: str, i: int, limit: int,
                 prefixes: frozenset | None = None) -> tuple[list[tuple[str, int]], int]:
    """Up to `limit` tokens from i: letter runs (with trailing ²/³ or digits: 'm2', 'km²'),
    '/' and the degree sign. Separators: one space, a hyphen between letters, '. ' after an
    abbreviation. Returns (token, end offset) pairs and the offset where reading stopped."""
    n = len(text)
    toks: list[tuple[str, int]] = []
    while len(toks) < limit and i < n:
        c = text[i]
        if c == "/" or c in _DEGREE or c in _ONE_CHAR_UNITS:
            toks.append((c, i + 1))
            i += 1
        elif _is_token_char(c):
            m = _TOKEN.match(text, i)
            j = m.end() if m is not None else i + 1
            if j + 1 < n and text[j] == "^" and text[j + 1] in "23":
                j += 1  # 'km^2'
            while j < n and text[j] in "23" and j - i < 32 and not (j + 1 < n and text[j + 1].isdigit()):
                j += 1  # 'm2', 'km3' but not 'm 2024'
            toks.append((text[i:j], j))
            i = j
        else:
            break
        if i >= n:
            break
        if prefixes is not None and " ".join(t for t, _ in toks).lower() not in prefixes:
            break  # no longer form begins with these tokens
        c = text[i]
        if c in _SPACES:
            if i + 1 < n and (_is_token_char(text[i + 1]) or text[i + 1] in "/°º"):
                i += 1
                continue
            if i + 2 < n and text[i + 1] == "/" and text[i + 2] in _SPACES:  # 'km / h'
                i += 1
                continue
            break
        if c == "-" and toks[-1][0] not in "/" and i + 1 < n and text[i + 1].isalpha():
            i += 1  # 'kilowatt-hours'
            continue
        if c == "." and i + 2 < n and text[i + 1] in _SPACES and text[i + 2].isalpha() \
                and len(toks[-1][0]) <= 3:
            i += 2  # 'sq. ft'
            continue
        if c == "." and i + 1 < n and text[i + 1].isalpha() and len(toks[-1][0]) <= 3:
            i += 1  # 'sq.m'
            continue
        if c == "/" or c in _DEGREE:
            continue
        if toks[-1][0] in ("/", "°", "º") and (_is_token_char(c) or c.isdigit()):
            continue  # '°C', 'km/h', 'kWh/100'
        break
    return toks, i


def _lookup(toks: list[tuple[str, int]], k: int):
    """(surface form, value, kind) of the first k tokens, or None. kind: 'simple'/'compound'."""
    symbols, words, folded, compounds_exact, compounds_lower, _, _ = _tables()
    key = " ".join(t for t, _ in toks[:k])
    hit = compounds_exact.get(key)
    if hit is not None:
        return hit[0], hit[1], "compound"
    hit = symbols.get(key)
    if hit is not None:
        return hit[0], hit[1], "simple"
    low = key.lower()
    hit = compounds_lower.get(low)
    if hit is not None:
        return hit[0], hit[1], "compound"
    hit = words.get(low)
    if hit is not None and (low != key or key.islower() or key.istitle() or key.isupper()):
        return hit[0], hit[1], "simple"
    hit = folded.get(low)
    if hit is not None:
        return hit[0], hit[1], "simple"
    return None


def _longest(text: str, i: int):
    """Longest unit form starting at i: (end, form, value, kind) or None."""
    first = _tables()[5]
    m = _LETTERS.match(text, i)
    if m is not None and m.group().lower() not in first and (m.end() >= len(text) or text[m.end()] not in "23"):
        return None  # most words after a number are counted nouns: one look-up and out
    if m is None and i < len(text) and text[i] not in "/°º℃℉":
        return None
    toks, _ = _read_tokens(text, i, MAX_TOKENS, _tables()[6])
    if not toks or toks[0][0].lower() not in first:
        return None
    for k in range(len(toks), 0, -1):
        hit = _lookup(toks, k)
        if hit is not None:
            return (toks[k - 1][1], *hit)
    return None


def first_words() -> frozenset[str]:
    """Lower-cased first tokens of every unit form ('km', 'square', 'degrees', '°'). The
    extractor already peeks at the word after each number: testing it against this set before
    calling match_unit keeps the cost of numbers followed by ordinary nouns at one set look-up.
    (Glued forms such as '101kWh' or 'm2' start with the same token.)"""
    return _tables()[5]


def match_unit(text: str, pos: int) -> UnitMatch | None:
    """The unit written at `pos` (right after a number, or after its scale word), longest
    form first, with a following per-unit; None when the next word is not a unit."""
    n = len(text)
    i = pos
    if i < n and text[i] in _SPACES:
        i += 1
    elif i < n and text[i] == "-" and i + 1 < n and text[i + 1].isalpha():
        i += 1  # '3-inch', 'six-mile'
    begin = i
    close = None
    if i < n and text[i] in _OPEN:
        close = _OPEN[text[i]]
        i += 1
    found = _longest(text, i)
    if found is None:
        if i < n and text[i] == "s" and text.startswith(_INVERSE, i + 1):
            found = (i + 1, "s", ("second", "time"), "simple")  # 's-1': 's' is no unit alone
        else:
            return None
    end, form, value, kind = found
    inverse = False
    if end < n and text[end] in "-−⁻^" and kind == "simple" and not form.isupper():  # 'L-1': a code
        inv_end = _inverse_end(text, end)
        if inv_end > end:
            end, inverse = inv_end, True
    if end < n and (text[end].isalnum() or text[end] == "_"):
        return None  # 'mi' in 'mid', 'Hz' in 'Hzx': not a whole token
    if len(form) == 1 and end < n and text[end] == "-":
        return None  # a code, not a unit: '24703 L-202', '5C-class'
    if form in _table_module.ATTACHED_OR_FINAL and begin != pos and end < n \
            and text[end] not in _FINAL_PUNCT:
        return None
    ambiguity = _table_module.AMBIGUOUS.get(form) or _table_module.AMBIGUOUS.get(form.lower())
    if inverse:
        unit, dim = value
        dim = "frequency" if dim == "time" else f"1/{dim}"
        match = UnitMatch(begin, end, unit, dim, None, None, ambiguity, True)
    elif kind == "compound":
        unit, per, dim = value
        match = UnitMatch(begin, end, unit, dim, per, None, ambiguity)
    else:
        unit, dim = value
        match = UnitMatch(begin, end, unit, dim, None, None, ambiguity)
        per = match_per(text, end, after_unit=True)
        if per is not None:
            pdim = _table_module.COMPOUND_DIMENSION.get(f"{dim}/{per.dimension}",
                                                       f"{dim}/{per.dimension}")
            per2 = match_per(text, per.end) if text.startswith(" per ", per.end) else None
            if per2 is not None and per2.count is None and per.count is None:
                match = UnitMatch(begin, per2.end, unit, f"{dim}/{per.dimension}/{per2.dimension}",
                                  per.per, None, ambiguity, False, per2.per)  # 'J/m^2 per year'
            else:
                match = UnitMatch(begin, per.end, unit, pdim, per.per, per.count, ambiguity)
    if close is not None:
        j = match.end
        if j < n and text[j] in _SPACES:
            j += 1
        if j >= n or text[j] != close:
            return None
        match = UnitMatch(begin, j + 1, match.unit, match.dimension, match.per, match.per_count,
                          match.ambiguity, match.inverse, match.per2)
    return match


def _inverse_end(text: str, end: int) -> int:
    """The end of a power of minus one written at `end` ('fb-1', 's⁻¹'), or `end` when none
    is ('5 km-10 km' is a range, '3 m-1.5 m' too: the power must end the token)."""
    for form in _INVERSE:
        if text.startswith(form, end):
            j = end + len(form)
            if j < len(text) and (text[j].isalnum() or text[j] == "_"):
                continue
            if j + 1 < len(text) and text[j] in ".," and text[j + 1].isdigit():
                continue
            return j
    return end


def match_per(text: str, pos: int, *, after_unit: bool = False) -> PerMatch | None:
    """A per-unit at `pos`: '/h', '/100 km', ' per hour', ' a day', ' per annum'. After a
    counted noun ('vehicles per year') call it with the offset after the noun."""
    n = len(text)
    i = pos
    if i < n and text[i] == "/":
        i += 1
        if i < n and text[i] == "s" and _boundary(text, i + 1):
            return PerMatch(i + 1, "second", "time")  # 'km/s': 's' is excluded on its own only
        if i + 1 < n and text[i] == "s" and text[i + 1] in _SQUARED and _boundary(text, i + 2):
            return PerMatch(i + 2, "second ** 2", "time ** 2")  # 'km/s2', 'm/s²'
        if i + 2 < n and text[i] == "s" and text[i + 1] == "^" and text[i + 2] == "2" \
                and _boundary(text, i + 3):
            return PerMatch(i + 3, "second ** 2", "time ** 2")  # 'm/s^2'
        if i < n and text[i] in _SPACES:
            i += 1
    elif i < n and text[i] in _SPACES:
        j = i + 1
        k = j
        while k < n and k - j < 6 and text[k].isalpha():
            k += 1
        word = text[j:k].lower()
        if word not in _PER_WORDS or k >= n or text[k] not in _SPACES:
            return None
        i = k + 1
        if word in _TIME_ONLY_PER:
            found = _longest(text, i)
            if found is None or found[2][-1] != "time" or found[3] != "simple":
                return None
            if not _boundary(text, found[0]):
                return None
            return PerMatch(found[0], found[2][0], "time")
        j = i
        while j < n and j - i < 8 and text[j].isalpha():
            j += 1
        if text[i:j].lower() in _ANNUM and _ANNUM[text[i:j].lower()] and _boundary(text, j):
            return PerMatch(j, "year", "time")
    else:
        return None
    count = None
    j = i
    while j < n and j - i < 6 and text[j].isdigit():
        j += 1
    if j > i:  # 'kWh/100 km'
        count = int(text[i:j])
        i = j + 1 if j < n and text[j] in _SPACES else j
    found = _longest(text, i)
    if found is None or found[3] != "simple" or not _boundary(text, found[0]):
        return None
    unit, dim = found[2]
    return PerMatch(found[0], unit, dim, count)


def _boundary(text: str, end: int) -> bool:
    return end >= len(text) or not (text[end].isalnum() or text[end] == "_")
