"""Qualifiers (about, more than, up to) and directions (rose, fell).

Data only: dicts and frozensets, no logic. The interval each qualifier gives a figure is read
from these tables by figures.normalize.interval (the one interval model)."""

from __future__ import annotations

from decimal import Decimal

# Adverbial qualifiers that stand directly before the figure and belong to its span.
QUALIFIERS_IN_SPAN: dict[str, str] = {
    "about": "approx", "around": "approx", "nearly": "approx", "almost": "approx",
    "roughly": "approx", "approximately": "approx", "approx.": "approx", "approx": "approx",
    "some": "approx", "circa": "approx", "c.": "approx", "~": "approx", "close to": "approx",
    "an estimated": "approx", "estimated": "approx", "just under": "lt", "just over": "gt",
    "more than": "gt", "over": "gt", "above": "gt", "in excess of": "gt", "upwards of": "gt",
    "north of": "gt", "well over": "gt", "well above": "gt",
    "at least": "ge", "no less than": "ge", "not less than": "ge", "a minimum of": "ge",
    "less than": "lt", "fewer than": "lt", "under": "lt", "below": "lt", "well below": "lt",
    "up to": "le", "at most": "le", "no more than": "le", "not more than": "le",
    "as much as": "le", "as many as": "le", "a maximum of": "le",
}

# Verbs and prepositions that qualify the figure but stay outside its span.
QUALIFIERS_OUTSIDE: dict[str, str] = {
    "exceeded": "gt", "exceeds": "gt", "exceed": "gt", "exceeding": "gt", "surpassed": "gt",
    "surpass": "gt", "topped": "gt", "tops": "gt", "top": "gt",
    "within": "le",
}

DIRECTION_WORDS: dict[str, str] = {
    "up": "up", "rose": "up", "rise": "up", "rises": "up", "rising": "up", "risen": "up",
    "gained": "up", "gain": "up", "gains": "up", "climbed": "up", "climbs": "up",
    "jumped": "up", "jumps": "up", "surged": "up", "surges": "up", "soared": "up",
    "increased": "up", "increase": "up", "increases": "up", "grew": "up", "grown": "up",
    "grows": "up", "expanded": "up", "added": "up", "advanced": "up", "rallied": "up",
    "higher": "up",
    "down": "down", "fell": "down", "fall": "down", "falls": "down", "fallen": "down",
    "falling": "down", "dropped": "down", "drops": "down", "declined": "down",
    "declines": "down", "decreased": "down", "decrease": "down", "decreases": "down",
    "plunged": "down", "plummeted": "down", "slid": "down", "slumped": "down", "sank": "down",
    "tumbled": "down", "shrank": "down", "lost": "down", "lower": "down", "eased": "down",
    "dipped": "down", "cut": "down", "reduced": "down", "lowered": "down", "slashed": "down",
    "raised": "up", "hiked": "up", "lifted": "up", "boosted": "up",
}

# ---- how a qualifier bounds the true value (figures.normalize.interval) ----------------------

# Which side of the printed value the true value lies on, per qualifier: "both" (about X: either
# side), "above" (more than / at least X), "below" (less than / up to X).
QUALIFIER_SIDE: dict[str, str] = {
    "approx": "both", "gt": "above", "ge": "above", "lt": "below", "le": "below",
}

# "about X" admits X +- max(one rounding step, this share of X): journalists round loosely, but
# "about $1.5 billion" does not stretch to $1.7 billion.
APPROX_SHARE = Decimal("0.025")

# Approximating words that also say the true value is at or below the printed one ("nearly
# 2,300" is not 2,350). Read inside the figure's span or just before it ("just shy of").
APPROX_FROM_BELOW: tuple[str, ...] = ("nearly", "almost", "just under", "just below", "just shy of")

# Kinds whose amounts cannot be negative: "less than 5 million people" is bounded by 0 below.
NON_NEGATIVE_KINDS = frozenset({"money", "count", "quantity", "duration"})
