"""The document locale: which country (hence which currency) a document was written in.

Evidence is gathered by the anchor scan itself (scan.py matches the signal words of
figures.vocab.locale_signals in the same regex pass as the numbers, so nothing rescans the
text), plus the currencies of the amounts the scan could settle alone ("A$", "₹", "KSh"). Each
country gets a score: a dateline weighs 5, an exchange or central bank 3, a place, demonym or
currency name 1, an amount in its currency 1 (at most 3). The locale is the country with the
highest score when it has at least twice the next one's; otherwise the leading countries are
`rivals` and the markers they could mean stay open. A country given by the caller
(`country=`) is the locale whatever the text says; a country with strong evidence of its own
(a dateline, an exchange, a central bank) is still a rival.
"""

from __future__ import annotations

import re
from typing import Final

from figures.extract.trie import trie_pattern
from figures.vocab.cldr_currencies import CURRENCY_TERRITORIES, TERRITORIES
from figures.vocab.locale_signals import (
    CURRENCY_NAME_SIGNALS,
    DEMONYMS,
    INSTITUTIONS,
    PLACES,
    WIRE_CREDITS,
)

DATELINE, INSTITUTION, PLACE, DEMONYM, CURRENCY_NAME = "dateline", "institution", "place", "demonym", "currency name"
WEIGHTS: Final[dict[str, int]] = {DATELINE: 5, INSTITUTION: 3, PLACE: 1, DEMONYM: 1, CURRENCY_NAME: 1}
STRONG: Final = frozenset({DATELINE, INSTITUTION})
AMOUNT_CAP: Final = 3

# word -> (country, kind). Later tables win on a clash (an institution over a place).
SIGNAL_TABLE: Final[dict[str, tuple[str, str]]] = {
    **{w: (cc, CURRENCY_NAME) for w, cc in CURRENCY_NAME_SIGNALS.items()},
    **{w: (cc, PLACE) for w, cc in PLACES.items()},
    **{w.upper(): (cc, PLACE) for w, cc in PLACES.items() if " " not in w or w.replace(" ", "").isalpha()},
    **{w: (cc, DEMONYM) for w, cc in DEMONYMS.items()},
    **{w: (cc, INSTITUTION) for w, cc in INSTITUTIONS.items()},
}
# The signal words as one prefix-factored alternation (scan.py puts it in the anchor pattern),
# behind a capital-letter guard: most positions the scan visits are a space before a lower-case
# word, which the guard refuses in one test (the lower-case currency names are left out of the
# scan for that reason: the amounts written in them count instead).
SCANNED_SIGNALS: Final = sorted(w for w in SIGNAL_TABLE if "A" <= w[0] <= "Z")
SIGNAL_ALT: Final = "(?=[A-Z])" + trie_pattern(SCANNED_SIGNALS)
SIGNAL_AT_START: Final = re.compile("(?:" + SIGNAL_ALT + r")(?![A-Za-z])")
# After a city at the start of a line: the rest of a dateline ("SYDNEY, May 2 (Reuters) -",
# "KARACHI:", "JOHANNESBURG –", "Taipei, Nov. 5 (CNA)").
_DATELINE_TAIL: Final = re.compile(r"[ ]*(?:,|:|[–—-][ ]|\()")
_CREDIT: Final = re.compile(r"[^\n()]{0,24}\((?P<credit>[A-Za-z]+)\)")

# Currency -> the one country it names (for the evidence of settled amounts). The US dollar and
# the euro name no single country: "US$" is written everywhere to tell it from a local dollar.
_HOME_OVERRIDES: Final = {"AUD": "AU", "NZD": "NZ", "INR": "IN", "ZAR": "ZA", "CHF": "CH", "DKK": "DK",
                   "NOK": "NO", "GBP": "GB", "XOF": "", "XAF": "", "XCD": "", "USD": "", "EUR": "",
                   "ANG": "", "XPF": ""}
HOME: Final[dict[str, str]] = {
    **{cur: ccs[0] for cur, ccs in CURRENCY_TERRITORIES.items() if len(ccs) == 1},
    **_HOME_OVERRIDES,
}


def currency_of(country: str) -> str | None:
    row = TERRITORIES.get(country)
    return row[1] if row is not None else None


class Locale:
    """What one document's evidence says (plain class: the compiled engine builds one per
    document). `country` is None when nothing, or conflicting evidence, points at one country;
    `rivals` are the other countries with a claim; `evidence` says why, in reading order."""

    __slots__ = (
        "country",
        "currency",
        "evidence",
        "explicit",
        "rivals",
        "scores",
        "source",
        "strong",
        "wire",
    )

    def __init__(self) -> None:
        self.country: str | None = None
        self.currency: str | None = None
        self.source: str = "none"  # "given", "text" or "none"
        self.rivals: list[str] = []
        self.scores: dict[str, int] = {}
        self.evidence: dict[str, list[str]] = {}
        self.strong: set[str] = set()
        self.explicit: dict[str, int] = {}  # settled currency -> number of amounts
        self.wire: bool = False

    def why(self) -> str:
        """One line: the locale and the evidence for it."""
        if self.country is None:
            if self.rivals:
                return "no single country: " + "; ".join(
                    f"{cc} ({', '.join(self.evidence.get(cc, [])[:4])})" for cc in self.rivals)
            return "no country signal in the text"
        if self.source == "given":
            head = f"{self.country} ({self.currency}), given"
        else:
            head = f"{self.country} ({self.currency}): " + ", ".join(self.evidence.get(self.country, [])[:5])
        others = [cc for cc in self.rivals if cc != self.country]
        if others:
            head += "; also " + "; ".join(
                f"{cc} ({', '.join(self.evidence.get(cc, [])[:3])})" for cc in others)
        return head

    def short(self) -> str:
        """The evidence in a few words, for a figure's currency_basis."""
        if self.source == "given":
            return f"document locale {self.country} (given)"
        ev = self.evidence.get(self.country or "", [])
        return f"document locale {self.country} ({', '.join(ev[:3])})"


# The locale of a document with no evidence at all (shared: a Locale is never changed after
# it is returned).
NO_LOCALE: Final = Locale()


def is_dateline(text: str, pos: int, word: str) -> bool:
    """A city at the start of a line, followed by a comma, colon, dash or bracket."""
    if pos > 0 and text[pos - 1] != "\n":
        return False
    return _DATELINE_TAIL.match(text, pos + len(word)) is not None


def decide(text: str, signals: list[tuple[int, str]], settled: dict[str, int],
           given: str | None, hints: list[tuple[str, str]] | None = None) -> Locale:
    """The document locale from the signals the scan found, the settled amounts' currencies
    and `hints` from the figures' own writing ((country, label): 'crore', Indian grouping),
    each worth 1 (at most AMOUNT_CAP together per country)."""
    loc = Locale()
    scores: dict[str, int] = {}
    evidence: dict[str, list[str]] = {}
    for pos, word in signals:
        entry = SIGNAL_TABLE.get(word)
        if entry is None:
            continue
        cc, kind = entry
        if kind == PLACE and is_dateline(text, pos, word):
            kind = DATELINE
            cm = _CREDIT.match(text, pos + len(word))
            if cm is not None and cm.group("credit") in WIRE_CREDITS:
                loc.wire = True
        scores[cc] = scores.get(cc, 0) + WEIGHTS[kind]
        if kind in STRONG:
            loc.strong.add(cc)
        ev = evidence.setdefault(cc, [])
        label = f"{kind} {word}"
        if label not in ev:
            ev.append(label)
    loc.explicit = settled
    for cur, n in settled.items():
        cc = HOME.get(cur, "")
        if cc:
            scores[cc] = scores.get(cc, 0) + min(n, AMOUNT_CAP)
            evidence.setdefault(cc, []).append(f"amounts in {cur}")
    if hints:
        per: dict[str, int] = {}
        for cc, label in hints:
            if per.get(cc, 0) < AMOUNT_CAP:
                per[cc] = per.get(cc, 0) + 1
                scores[cc] = scores.get(cc, 0) + 1
                ev = evidence.setdefault(cc, [])
                if label not in ev:
                    ev.append(label)
    loc.scores, loc.evidence = scores, evidence
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
    if given is not None:
        loc.country, loc.currency, loc.source = given, currency_of(given), "given"
        loc.rivals = [cc for cc, s in ranked if cc != given and cc in loc.strong and s >= WEIGHTS[INSTITUTION]]
        return loc
    if not ranked:
        return loc
    top, s1 = ranked[0]
    s2 = ranked[1][1] if len(ranked) > 1 else 0
    if s1 >= 2 * s2:
        loc.country, loc.currency, loc.source = top, currency_of(top), "text"
        loc.rivals = [cc for cc, s in ranked[1:] if cc in loc.strong and s >= WEIGHTS[INSTITUTION]]
    else:
        loc.rivals = [cc for cc, s in ranked if 2 * s > s1]
    return loc


def normalize_country(value: str) -> str:
    """'AU', 'au', 'en_AU', 'en-AU' -> 'AU'; ValueError for anything that names no territory."""
    v = value.strip().replace("-", "_")
    cc = v.rsplit("_", 1)[-1].upper() if "_" in v else v.upper()
    if len(cc) != 2 or cc not in TERRITORIES:
        raise ValueError(value)
    return cc
