"""Number words and their values.

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

from decimal import Decimal

UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}

TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90,
}

# Digits as spoken after "point" in broadcast transcripts ("twenty-one-point-four trillion",
# "three point two five billion", "one point oh five").
SPOKEN_DIGITS = {
    "zero": 0, "oh": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9,
}
# The word a transcript writes for the decimal point.
POINT_WORDS = ("point",)

MAGNITUDES = {
    "hundred": 10**2, "thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12,
}

# Fractions as written words; the value is also the precision ("half" is 0.5 +- 0.25).
FRACTIONS = {
    "half": Decimal("0.5"), "quarter": Decimal("0.25"), "third": Decimal(1) / 3,
    "thirds": Decimal(1) / 3, "quarters": Decimal("0.25"), "fifth": Decimal("0.2"),
    "fifths": Decimal("0.2"), "tenth": Decimal("0.1"), "tenths": Decimal("0.1"),
}

# Unicode vulgar fractions -> (numerator, denominator): '½ tbsp', '2¼ miles'. Read only before a
# unit (figures.extract.unit_grammar), as fractions written with a slash are ('1/4 inch').
VULGAR_FRACTIONS: dict[str, tuple[int, int]] = {
    "½": (1, 2), "⅓": (1, 3), "⅔": (2, 3), "¼": (1, 4), "¾": (3, 4), "⅕": (1, 5), "⅖": (2, 5),
    "⅗": (3, 5), "⅘": (4, 5), "⅙": (1, 6), "⅚": (5, 6), "⅐": (1, 7), "⅛": (1, 8), "⅜": (3, 8),
    "⅝": (5, 8), "⅞": (7, 8), "⅑": (1, 9), "⅒": (1, 10),
}

# Fractions that are read as number words ("half a million", "two thirds"). "fifth" and
# "tenth" are left out: as words they are ordinals far more often ("the fifth year").
FRACTION_WORDS = frozenset({"half", "quarter", "third", "thirds", "quarters", "fifths", "tenths"})
# Multiples written as one word ("twice the forecast").
MULTIPLE_WORDS: dict[str, int] = {"twice": 2, "thrice": 3}
# Plurals that give an order of magnitude, not a number: "tens of thousands of people".
VAGUE_PLURALS: dict[str, int] = {
    "hundreds": 100, "thousands": 1000, "millions": 10**6, "billions": 10**9, "tens": 10,
    "dozens": 12,
}
