"""Who a figure's claim is about: named subjects, governments named by their place, and
coreference to short forms and descriptions (used by figures.checks.claims).

* A name is a capitalised word run (one regex pass over the document), minus descriptors
  ("Rival carmaker Sahyadri Motors"), places in "Pune-based", people after a title or after
  "<title>," ("Governor, Alhaji Musa Danbatta"). Words before a public title in one run name
  the office's government: "Kano State Governor" is Kano State.
* The key is the name's first distinctive word, so "Tata Motors" and "Tata" are one subject and
  "Kaveri Motors" and "Sahyadri Motors" are two; a place adjective keys as its place ("Welsh
  Government" is Wales).
* A government named by its place ("the Karnataka government", "Maharashtra's cabinet", "Kano
  State", "Kerala PWD Minister ...") is a *government* name. A government description ("the
  state", "the state government", "the cabinet", "the finance ministry") refers to the last
  government name of its level before it (a national one for "federal/central/union", a
  sub-national one for "state/provincial/city"), else to one later in its sentence, else, for
  a national description in a document that names no government, to the one country whose
  currency the figure is in ("the cabinet ... ¥3.2 trillion": Japan). Unresolved, it is not a
  subject at all, so a description never links two governments by accident.
* A sentence without a name or a description ("The company will...", "It said...") refers back
  to the last named subject of the document.

Cost: one regex pass over the document for names and one for descriptions, then bounded work
per figure: linear.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from figures.checks._common import DocFigures
from figures.vocab.cldr_currencies import CURRENCY_TERRITORIES, TERRITORIES
from figures.vocab.measures import (
    GOV_LEVEL_LOCAL,
    GOV_LEVEL_NATIONAL,
    GOV_NATIONAL_NOUNS,
    GOV_NOUNS,
    GOV_PORTFOLIOS,
    NOT_NAMES,
    PLACE_HEADS,
    PLACE_PREFIXES,
    PUBLIC_TITLES,
    SUBJECT_ALIASES,
    SUBJECT_NOUNS,
    SUBSIDIARY_WORDS,
    VERBS_AFTER_SUBJECT,
)

_CLOSERS = frozenset("\"'”’)] \t\r\f\v")
COMMON_REACH = 2000  # characters either side searched for a sentence-opening word in lower case
KEY_LEN = 7  # "Slovenia"/"Slovenian", "Victoria"/"Victorian": one subject key
_TITLES = frozenset({"secretary", "minister", "executive", "director", "officer", "chairman", "chairwoman",
                     "president", "spokesman", "spokeswoman", "spokesperson",
                     "founder", "analyst", "ceo", "cfo", "mr", "ms"}) | PUBLIC_TITLES
_LOWER_RUN = re.compile(r"(?:'s)?(?:\s+[a-z][\w-]*){1,4}\s+")
_BAD_TOKEN = re.compile(r"-[a-z]|\d")  # "Pune-based", "State-owned", "P12.5": not names
_SPEAKER = re.compile(r",?\s+(?:said|says|told|added|noted|wants|believes|thinks)\b")
_NAME_TOKEN = re.compile(r"[A-Z][\w&.'’-]*")
_WORD = re.compile(r"[\w'’-]+")
_NOUNS = "|".join(sorted(GOV_NOUNS, key=len, reverse=True))
_ADJS = "|".join(sorted(GOV_LEVEL_NATIONAL | GOV_LEVEL_LOCAL | GOV_PORTFOLIOS, key=len, reverse=True))
# "the state government", "the cabinet", "the finance ministry", "the state" (not "the state of")
_DESCRIPTION = re.compile(r"\b[Tt]he\s+((?:(?:" + _ADJS + r")\s+){0,3})(" + _NOUNS + r"|state|province|city)"
                          r"(?![\w-]|\s+of\b)")
# after a place name: "Kerala government", "Japan's cabinet", "Free State provincial government"
_GOV_AFTER = re.compile(r"(?:'s|’s)?\s+(?:(?:" + _ADJS + r")\s+){0,3}(?:" + _NOUNS + r")\b")
# a public office after a place: "Kerala PWD Minister", "Karnataka Chief Minister"
_OFFICE_AFTER = re.compile(r"(?:'s|’s)?(?:\s+[A-Z][\w&.-]*){0,2}?\s+(?:"
                           + "|".join(sorted(PUBLIC_TITLES, key=len, reverse=True)).title() + r"|MEC)\b")
_COUNTRY_NAMES = frozenset(v[0].lower() for v in TERRITORIES.values())


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    key: str
    text: str
    refers_back: bool  # "the Boston biotech": a description of the last subject
    speaker: bool = False  # "Lei said,": who speaks, not what the figure is about
    gov: str | None = None  # "national"/"local"/"any": a government named by its place
    description: str | None = None  # a government description's level, resolved on use


def names(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, tuple[re.Match, ...]]]:
    """Capitalised word runs (start, end, words) in text[pos:endpos], one pass; what each run
    names is read by `read_name`."""
    out: list[tuple[int, int, tuple[re.Match, ...]]] = []
    run: list[re.Match] = []

    def close() -> None:
        if run:
            out.append((run[0].start(), run[-1].end(), tuple(run)))
            run.clear()

    n = len(text)
    for m in _NAME_TOKEN.finditer(text, pos, n if endpos is None else endpos):
        tok = m.group(0).rstrip(".")
        e = m.end()
        bad = (len(tok) < 2 or tok.lower() in NOT_NAMES or _BAD_TOKEN.search(tok) is not None
               or (e < n and text[e] in "$€£¥0123456789")
               or (len(tok) <= 3 and tok.isupper()))
        if run and (bad or text[run[-1].end():m.start()] != " "
                    or possessive(run[-1].group(0))):
            close()
        if not bad:
            run.append(m)
    close()
    return out


def possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


def _bare(word: str) -> str:
    """A word without its possessive ending: "Kano State's" -> "State", "Wales'" -> "Wales"."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return word[:-1] if word.endswith(("s'", "s’")) else word


def _key(words: list[str]) -> str:
    first = _bare(words[0]).lower().replace("’", "'")
    rest = [_bare(w).lower() for w in words[1:]]
    if rest and first in PLACE_PREFIXES and rest[0] not in PLACE_HEADS:
        # "New Brunswick" and "New South Wales", "South Korea" and "South Africa": two places
        return f"{first} {rest[0][:KEY_LEN]}"
    if any(w not in PLACE_HEADS for w in rest):
        return first[:KEY_LEN]  # "British Columbia" is not Britain
    return SUBJECT_ALIASES.get(first, first)[:KEY_LEN]


def read_name(text: str, raw: tuple[int, int, tuple[re.Match, ...]]) -> Name | None:
    start, end, got = raw
    words = [m.group(0).rstrip(".") for m in got]
    while words and words[0].lower() in SUBJECT_NOUNS:
        words.pop(0)
    if not words:
        return None
    before = text[max(0, start - 24):start].lower().split()
    last_before = before[-1].rstrip(",") if before else ""
    if last_before in _TITLES:
        return None  # a person after a title: "chief executive Dana Whitcombe", "Governor, Alhaji ..."
    office = next((k for k, w in enumerate(words) if w.lower() in _TITLES), None)
    if office is not None:
        if office == 0 or words[office].lower() not in PUBLIC_TITLES:
            return None
        # "Kano State Governor Musa Danbatta": the office's government, not the person
        words = words[:office]
        end = got[office - 1].end()
    after = _WORD.findall(text[end:end + 40].lower())[:3]
    lowers = _bare(words[-1]).lower()
    gov = None
    if office is not None or lowers in PLACE_HEADS or _GOV_AFTER.match(text, end) or _OFFICE_AFTER.match(text, end):
        gov = _level(words)
    # "the Boston biotech", "The Mirabel expansion": a description or a modifier, not the
    # subject; "the Free State will", "the Free State government": the subject itself
    refers_back = bool(gov is None and before and before[-1] == "the" and text[end:end + 1] == " "
                       and text[end + 1:end + 2].islower() and (not after or after[0] not in VERBS_AFTER_SUBJECT))
    key = _key(words)
    if possessive(words[-1]) and any(w in SUBSIDIARY_WORDS for w in after):
        key += "/unit"
    speaker = _SPEAKER.match(text, end) is not None
    return Name(start, end, key, " ".join(words), refers_back, speaker, gov)


def _level(words: list[str]) -> str:
    """'national' for a country ("Japan", "Welsh Government" is 'local'), else 'local'."""
    name = " ".join(_bare(w) for w in words).lower()
    first = words[0].lower()
    if name in _COUNTRY_NAMES or (len(words) == 1 and SUBJECT_ALIASES.get(first, "") in _COUNTRY_NAMES):
        return "national"
    return "local"


def descriptions(text: str, pos: int = 0, endpos: int | None = None) -> list[tuple[int, int, str]]:
    """Government descriptions (start, end, level) in one pass: level 'national' ("the
    federal government"), 'local' ("the state", "the provincial government") or 'any' ("the
    government", "the cabinet", "the finance ministry"), with '+' when its noun is a country's
    own (government, cabinet, ministry, treasury)."""
    out = []
    for m in _DESCRIPTION.finditer(text, pos, len(text) if endpos is None else endpos):
        adjs = set(m.group(1).split())
        noun = m.group(2)
        if adjs & GOV_LEVEL_LOCAL or noun in ("state", "province", "city", "county", "municipality"):
            level = "local"
        elif adjs & GOV_LEVEL_NATIONAL:
            level = "national"
        else:
            level = "any"
        # a national noun may fall back on the country of the figure's currency
        out.append((m.start(), m.end(), level + ("+" if noun in GOV_NATIONAL_NOUNS else "")))
    return out


def currency_country(code: str | None) -> str | None:
    """The subject key of the one territory whose currency `code` is (JPY: 'japan'), else None."""
    terr = CURRENCY_TERRITORIES.get(code or "")
    if not terr or len(terr) != 1:
        return None
    return _key(TERRITORIES[terr[0]][0].split())


class Subjects:
    """The subject of each figure of one document. Names and descriptions are read per
    sentence, only in the sentences a figure's subject needs (its own, and earlier ones when it
    refers back), each once."""

    def __init__(self, doc: DocFigures):
        self.doc = doc
        self.text = doc.text
        self._mentions: dict[tuple[int, int], list[Name]] = {}
        self._subject: dict[int, Name | None] = {}  # sentence start -> its subject
        self._last: dict[int, Name | None] = {}  # sentence start -> subject of the text before
        self._gov: dict[tuple[int, str], Name | None] = {}
        self._lower_at: dict[str, list[int]] = {}  # (sentence start, level) -> last government before

    def mentions(self, s: int, e: int) -> list[Name]:
        """The names and government descriptions of the sentence [s, e), in text order."""
        key = (s, e)
        got = self._mentions.get(key)
        if got is None:
            text = self.text
            raws: list = names(text, s, e)
            descs = descriptions(text, s, e)
            if descs:
                raws = sorted(raws + descs, key=lambda r: r[0])
            got = []
            for raw in raws:
                if isinstance(raw[2], str):
                    got.append(Name(raw[0], raw[1], "", text[raw[0]:raw[1]], False, description=raw[2]))
                elif (n := read_name(text, raw)) is not None and not self._common_word(n):
                    got.append(n)
            self._mentions[key] = got
        return got

    def _common_word(self, n: Name) -> bool:
        """A lone capitalised word opening a sentence that the text nearby writes in lower case
        ("Road repairs in the Free State ..." and "rural roads"): a word, not a name."""
        if " " in n.text or n.gov is not None or not n.text.isalpha():
            return False
        s, _ = self.doc.sentence(n.start)
        if self.text[s:n.start].strip(" \t\n\"'“‘(") != "":
            return False
        stem = n.text.lower().removesuffix("s")
        at = self._lower_at.get(stem)
        if at is None:  # where the document writes the word in lower case, found once per word
            text = self.text  # a literal first lets the regex engine jump between candidates
            at = [m.start() for m in re.finditer(re.escape(stem) + r"s?\b", text)
                  if m.start() == 0 or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")]
            self._lower_at[stem] = at
        i = bisect.bisect_left(at, n.start - COMMON_REACH)
        return i < len(at) and at[i] < n.end + COMMON_REACH

    def _previous(self, cur: int) -> tuple[int, int] | None:
        """The sentence that ends where the one starting at `cur` begins (None at the start)."""
        p = cur - 1
        while p > 0 and self.text[p] in _CLOSERS:
            p -= 1  # onto the stop itself: "... too late.” He believes": the '.' before the quote
        if p < 0 or cur <= 0:
            return None
        s, e = self.doc.sentence(p)
        return (s, e) if s < cur else None

    def _last_gov(self, cur: int, want: str) -> Name | None:
        """The last government name fitting level `want` before offset `cur` (a sentence
        start), walking back sentence by sentence, each answer kept."""
        path = []
        got = None
        while True:
            if (cur, want) in self._gov:
                got = self._gov[(cur, want)]
                break
            path.append(cur)
            prev = self._previous(cur)
            if prev is None:
                break
            got = _last_fitting(self.mentions(*prev), want, prev[1])
            if got is not None:
                break
            cur = prev[0]
        for c in path:
            self._gov[(c, want)] = got
        return got

    def resolve(self, n: Name, currency: str | None) -> Name | None:
        """A name itself, or the government a description refers to (None: unresolved)."""
        if n.description is None:
            return n
        want = n.description.rstrip("+")
        s, e = self.doc.sentence(n.start)
        ms = self.mentions(s, e)
        g = _last_fitting(ms, want, n.start)  # the last one of its level before it
        if g is None:
            g = self._last_gov(s, want)
        if g is None:  # a later one in its sentence: "by the state government, Kerala's ..."
            g = next((m for m in ms if m.start > n.start and m.gov is not None and _fits(m, want)), None)
        if g is not None:
            return _as(g, n)
        if n.description.endswith("+") and want != "local":
            key = currency_country(currency)
            if key:
                return Name(n.start, n.end, key, n.text, False, gov="national")
        return None

    def in_sentence(self, pos: int, currency: str | None) -> Name | None:
        """The first subject of the sentence holding pos, before pos (None if none)."""
        s, e = self.doc.sentence(pos)
        cands = [r for n in self.mentions(s, e) if n.start < pos and not n.refers_back
                 and (r := self.resolve(n, currency)) is not None]
        if len(cands) > 1 and cands[0].speaker:
            cands = cands[1:]  # "Lei Jun wants Xiaomi to ...": the claim is Xiaomi's
        if not cands:
            return None
        first = cands[0]
        if len(cands) > 1 and not first.key.endswith("/unit") and first.gov is None:
            between = self.text[first.end:cands[1].start]
            if possessive(first.text) and not between.strip():
                return cands[1]  # "Kuala Lumpur's Laluan Express": the owner is a place
            if (_LOWER_RUN.fullmatch(between)
                    and between.split()[-1] in SUBJECT_NOUNS):
                return cands[1]  # "German chemicals group Brandauer Chemie"
        return first

    def last(self, cur: int, currency: str | None) -> Name | None:
        """The subject of the latest sentence before offset `cur` (a sentence start) that
        names one."""
        path = []
        got = None
        while True:
            if cur in self._last:
                got = self._last[cur]
                break
            path.append(cur)
            prev = self._previous(cur)
            if prev is None:
                break
            ps, pe = prev
            ms = self.mentions(ps, pe)
            if ms:
                if ps not in self._subject:
                    self._subject[ps] = self.in_sentence(ms[-1].end, currency)
                got = self._subject[ps]
                if got is not None:
                    break
            cur = ps
        for c in path:
            self._last[c] = got
        return got

    def of(self, start: int, end: int, currency: str | None = None) -> Name | None:
        """The subject of the figure at [start, end)."""
        subj = self.in_sentence(start, currency)
        if subj is not None:
            return subj
        s, e = self.doc.sentence(start)
        subj = self.last(s, currency)
        ms = self.mentions(s, e)
        if subj is None:  # "The Slovenian government ...", the document's first sentence
            subj = next((m for m in ms if m.start < start), None)
            subj = self.resolve(subj, currency) if subj is not None else None
        if subj is None:  # no name before: the first one after, in the sentence
            for n in ms:
                if n.start >= end and (subj := self.resolve(n, currency)) is not None:
                    break
        return subj


def _fits(g: Name, want: str) -> bool:
    return want == "any" or g.gov == want


def _last_fitting(ms: list[Name], want: str, before: int) -> Name | None:
    for m in reversed(ms):
        if m.start < before and m.gov is not None and _fits(m, want):
            return m
    return None


def _as(gov: Name, desc: Name) -> Name:
    """The government `gov` as referred to by description `desc` (its place in the text)."""
    return Name(desc.start, desc.end, gov.key, gov.text, False, False, gov.gov)
