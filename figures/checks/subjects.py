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


def names(text: str) -> list[tuple[int, int, tuple[re.Match, ...]]]:
    """Capitalised word runs (start, end, words), one pass over the text; what each run names
    is read only when a figure's subject needs it (`read_name`)."""
    out: list[tuple[int, int, tuple[re.Match, ...]]] = []
    run: list[re.Match] = []

    def close() -> None:
        if run:
            out.append((run[0].start(), run[-1].end(), tuple(run)))
            run.clear()

    n = len(text)
    for m in _NAME_TOKEN.finditer(text):
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


def descriptions(text: str) -> list[tuple[int, int, str]]:
    """Government descriptions (start, end, level) in one pass: level 'national' ("the
    federal government"), 'local' ("the state", "the provincial government") or 'any' ("the
    government", "the cabinet", "the finance ministry"), with '+' when its noun is a country's
    own (government, cabinet, ministry, treasury)."""
    out = []
    for m in _DESCRIPTION.finditer(text):
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
    """The subject of each figure of one document, read lazily (names on first use)."""

    def __init__(self, doc: DocFigures):
        self.doc = doc
        text = doc.text
        self.text = text
        raws = doc._cache.get("claims_names")
        if raws is None:
            raws = names(text)
            doc._cache["claims_names"] = raws
        descs = doc._cache.get("claims_descriptions")
        if descs is None:
            descs = descriptions(text)
            doc._cache["claims_descriptions"] = descs
        # one stream of mentions in text order: name runs and government descriptions
        self.raws = sorted(raws + [(s, e, lvl) for s, e, lvl in descs], key=lambda r: r[0]) if descs else raws
        self.has_descriptions = bool(descs)
        self.starts = [r[0] for r in self.raws]
        self._read: dict[int, Name | None] = {}
        self._subject: dict[int, Name | None] = {}
        self._govs: list[int] | None = None  # indexes of government names, when descriptions exist

    def get(self, i: int) -> Name | None:
        if i not in self._read:
            raw = self.raws[i]
            if isinstance(raw[2], str):
                self._read[i] = Name(raw[0], raw[1], "", self.text[raw[0]:raw[1]], False, description=raw[2])
            else:
                n = read_name(self.text, raw)
                self._read[i] = None if n is not None and self._common_word(n) else n
        return self._read[i]

    def _common_word(self, n: Name) -> bool:
        """A lone capitalised word opening a sentence that the text nearby writes in lower case
        ("Road repairs in the Free State ..." and "rural roads"): a word, not a name."""
        if " " in n.text or n.gov is not None or not n.text.isalpha():
            return False
        s, _ = self.doc.sentence(n.start)
        if self.text[s:n.start].strip(" \t\n\"'“‘(") != "":
            return False
        low = n.text.lower()
        stem = low[:-1] if low.endswith("s") else low
        lo, hi = max(0, n.start - COMMON_REACH), min(len(self.text), n.end + COMMON_REACH)
        return re.compile(r"\b" + re.escape(stem) + r"s?\b").search(self.text, lo, hi) is not None

    def between(self, j: int, k: int) -> list[Name]:
        return [n for i in range(j, k) if (n := self.get(i)) is not None]

    def _gov_indexes(self) -> list[int]:
        if self._govs is None:
            self._govs = [i for i in range(len(self.raws))
                          if (n := self.get(i)) is not None and n.gov is not None]
        return self._govs

    def resolve(self, n: Name, currency: str | None) -> Name | None:
        """A name itself, or the government a description refers to (None: unresolved)."""
        if n.description is None:
            return n
        want = n.description.rstrip("+")
        govs = self._gov_indexes()
        k = bisect.bisect_left(govs, bisect.bisect_left(self.starts, n.start))

        def fits(g: Name) -> bool:
            return want == "any" or g.gov == want

        for i in reversed(govs[:k]):  # the last one of its level before it
            if fits(g := self._read[i]):
                return _as(g, n)
        _, e = self.doc.sentence(n.start)
        for i in govs[k:]:  # a later one in its sentence: "by the state government, Kerala's ..."
            g = self._read[i]
            if g.start >= e:
                break
            if fits(g):
                return _as(g, n)
        if n.description.endswith("+") and want != "local":
            key = currency_country(currency)
            if key:
                return Name(n.start, n.end, key, n.text, False, gov="national")
        return None

    def in_sentence(self, pos: int, currency: str | None) -> Name | None:
        """The first subject of the sentence holding pos, before pos (None if none)."""
        s, _ = self.doc.sentence(pos)
        j = bisect.bisect_left(self.starts, s)
        k = bisect.bisect_left(self.starts, pos)
        cands = [r for n in self.between(j, k) if not n.refers_back
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

    def last(self, pos: int, currency: str | None) -> Name | None:
        """The subject of the latest earlier sentence that names one."""
        k = bisect.bisect_left(self.starts, pos)
        while k > 0:
            k -= 1
            s, _ = self.doc.sentence(self.raws[k][0])
            if s in self._subject:
                got = self._subject[s]
            else:
                got = self.in_sentence(self.raws[k][1], currency)
                self._subject[s] = got
            if got is not None:
                return got
            k = bisect.bisect_left(self.starts, s)
        return None

    def of(self, start: int, end: int, currency: str | None = None) -> Name | None:
        """The subject of the figure at [start, end)."""
        subj = self.in_sentence(start, currency)
        if subj is not None:
            return subj
        s, e = self.doc.sentence(start)
        subj = self.last(s, currency)
        if subj is None:  # "The Slovenian government ...", the document's first sentence
            j = bisect.bisect_left(self.starts, s)
            k = bisect.bisect_left(self.starts, start)
            subj = next(iter(self.between(j, k)), None)
            subj = self.resolve(subj, currency) if subj is not None else None
        if subj is None:  # no name before: the first one after, in the sentence
            k = bisect.bisect_left(self.starts, end)
            e_k = bisect.bisect_left(self.starts, e)
            for n in self.between(k, e_k):
                if (subj := self.resolve(n, currency)) is not None:
                    break
        return subj


def _as(gov: Name, desc: Name) -> Name:
    """The government `gov` as referred to by description `desc` (its place in the text)."""
    return Name(desc.start, desc.end, gov.key, gov.text, False, False, gov.gov)
