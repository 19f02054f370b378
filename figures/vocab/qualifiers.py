"""Qualifiers (about, more than, up to) and directions (rose, fell).

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

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
