"""What a figure talks about: the metric, read from the words around it.

"a research and development team of more than 2,300 people" and "the size of the R&D team of
automobile business was about 2,300 people" talk about the same metric (R&D team); "invested a
total of more than 3 billion yuan" and "investment in innovative business ... is RMB 3.1
billion" both about investment. `metric_of` reads a bounded window of words to the left and
right of the figure in the same sentence (at most `window` content words and `chars`
characters per side), lower-cases them, drops stop words, numbers and the words of other
figures, maps a few synonyms ("R&D" = "research and development", "automobile" = "car",
"sold" = "sale") and stems lightly. The result is a small frozen `Metric`:

* `key`: the content terms, nearest first;
* `weights`: the same terms with a proximity weight (1 next to the figure, decaying);
* `measure`: the nearest *measure* word (investment, team, capacity, price, sale, ...);
* `entities`: capitalised names in the window (companies, places), lower-cased;
* `years`: four-digit years in the window (the period the figure refers to);
* `evidence`: the window as written, with the figure in [brackets].

`similarity(a, b, idf)` is a weighted Dice overlap of two metrics' terms in [0, 1]; `idf`
down-weights terms that occur around many figures of the run ("Xiaomi" in every sentence).
The cost is bounded per figure (two slices of at most `chars` characters).
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Final

from figures.vocab.stop_words import METRIC_STOP_WORDS

__all__ = ["MEASURES", "Metric", "display", "idf_table", "label", "metric_of", "similarity", "stem"]

_DIGIT: Final = re.compile(r"\d")
_YEAR: Final = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
_PHRASES: Final = {
    "research and development": "R&D", "research & development": "R&D",
    "share price": "shareprice", "stock price": "shareprice", "share prices": "shareprice",
    "stock prices": "shareprice", "net income": "profit", "net profit": "profit",
    "market value": "valuation", "market cap": "valuation",
    "market capitalization": "valuation", "market capitalisation": "valuation",
}
_PHRASE: Final = re.compile(
    r"\b(?:research\s+(?:and|&)\s+development|(?:share|stock)\s+prices?|net\s+(?:income|profit)|"
    r"market\s+(?:value|cap(?:italization|italisation)?))\b", re.I)


def _phrase(m: re.Match) -> str:
    return _PHRASES.get(" ".join(m.group(0).lower().split()), m.group(0))



_SYNONYMS: Final = {
    "r&d": "rd", "rnd": "rd",
    "automobile": "car", "automobiles": "car", "automotive": "car", "auto": "car", "autos": "car",
    "vehicle": "car", "vehicles": "car", "cars": "car", "ev": "car", "evs": "car",
    "carmaker": "carmaker", "automaker": "carmaker", "automakers": "carmaker",
    "carmakers": "carmaker",
    "sell": "sale", "sells": "sale", "selling": "sale", "sold": "sale", "sales": "sale",
    "stock": "share", "stocks": "share", "shares": "share",
    "shareprice": "price",
    "invest": "invest", "invested": "invest", "investing": "invest", "investment": "invest",
    "investments": "invest", "spend": "invest", "spent": "invest", "spending": "invest",
    "capex": "invest", "expenditure": "invest", "expenses": "invest", "expense": "invest",
    "staff": "team", "employees": "team", "employee": "team", "workforce": "team",
    "headcount": "team", "personnel": "team", "teams": "team",
    "goal": "target", "goals": "target", "targets": "target", "aim": "target", "aims": "target",
    "aiming": "target", "objective": "target", "plans": "plan", "planned": "plan",
    "produce": "produc", "produced": "produc", "producing": "produc", "production": "produc",
    "output": "produc", "manufacture": "produc", "manufacturing": "produc",
    "manufactured": "produc",
    "capacity": "capacity", "capacities": "capacity",
    "revenue": "revenue", "revenues": "revenue", "turnover": "revenue",
    "profit": "profit", "profits": "profit", "earnings": "profit",
    "price": "price", "prices": "price", "priced": "price",
    "deliveries": "deliver", "delivered": "deliver", "delivery": "deliver",
    "delivers": "deliver",
    "closed": "close", "closing": "close", "closes": "close",
    "valuation": "valuation", "valued": "valuation",
    "fund": "fund", "funds": "fund", "funding": "fund", "raised": "fund", "raise": "fund",
    "financing": "fund",
}

# Measure words: what is being measured. The nearest one is the figure's `measure`.
MEASURES: Final = frozenset({
    "invest", "revenue", "sale", "profit", "loss", "capacity", "price", "team", "cash", "reserve",
    "debt", "valuation", "cost", "budget", "fund", "salary", "wage", "dividend", "deliver",
    "order", "target", "produc", "market", "tax", "fine", "subsidy", "loan", "asset", "stake",
    "holding", "bonus", "compensation", "payment", "income", "export", "import", "rate",
})

_DISPLAY: Final = {
    "rd": "R&D", "invest": "investment", "produc": "production", "sale": "sales",
    "deliver": "deliveries", "car": "car", "share": "shares", "price": "price",
}

_stem_cache: dict[str, str] = {}


def display(term: str) -> str:
    """A readable form of a stemmed term ('invest' -> 'investment')."""
    return _DISPLAY.get(term, term)


def label(a: Metric, b: Metric | None = None, n: int = 3) -> str:
    """A short name for the metric (or for what two metrics share), nearest terms first:
    'team, R&D, business'."""
    if b is None:
        terms = list(a.key[:n])
    else:
        wa, wb = a.terms, b.terms
        shared = sorted((t for t in wa if t in wb), key=lambda t: -(wa[t] + wb[t]))
        terms = shared[:n]
    if a.measure and a.measure in terms:
        terms.remove(a.measure)
        terms.insert(0, a.measure)
    return ", ".join(display(t) for t in terms) or "the same metric"


def stem(word: str) -> str:
    """Lower-case, map synonyms, strip common suffixes ('investments' -> 'invest')."""
    got = _stem_cache.get(word)
    if got is not None:
        return got
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    s = _SYNONYMS.get(w)
    if s is None:
        s = w
        if len(s) > 4 and s.endswith("ies"):
            s = s[:-3] + "y"
        elif len(s) > 3 and s.endswith("s") and not s.endswith(("ss", "us", "is")):
            s = s[:-1]
        for suf in ("ments", "ment", "ing", "ed"):
            if s.endswith(suf) and len(s) - len(suf) >= 4:
                s = s[: -len(suf)]
                break
        if len(s) > 4 and s.endswith("e"):
            s = s[:-1]
        s = _SYNONYMS.get(s, s)
    if len(_stem_cache) < 200_000:
        _stem_cache[word] = s
    return s


@dataclass(frozen=True, slots=True, eq=False)
class Metric:
    key: tuple[str, ...]
    terms: Mapping[str, float]
    measure: str | None
    entities: tuple[str, ...]
    years: tuple[int, ...]
    # where the evidence comes from: (text, window start, figure start, figure end, window end,
    # sentence start, sentence end); the evidence string is built only when asked for.
    _where: tuple = field(default=("", 0, 0, 0, 0, 0, 0), repr=False)

    @property
    def weights(self) -> tuple[tuple[str, float], ...]:
        """(term, proximity weight) pairs, nearest first."""
        return tuple((t, round(self.terms[t], 3)) for t in self.key)

    @property
    def evidence(self) -> str:
        """The window as written, whitespace collapsed, the figure in [brackets]."""
        text, lo, start, end, hi, s0, s1 = self._where
        ev = " ".join((text[lo:start] + "[" + text[start:end] + "]" + text[end:hi]).split())
        return ("…" if lo > s0 else "") + ev + ("…" if hi < s1 else "")

    def has(self, *terms: str) -> bool:
        return any(t in self.key for t in terms)

    def near(self, terms: Iterable[str], within: int = 3) -> bool:
        """True when one of `terms` is among the `within` nearest terms on either side."""
        floor = 1 / (1 + _DECAY * within)
        return any(self.terms.get(t, 0.0) >= floor for t in terms)


_DECAY: Final = 0.3
# A measure word counts only when it is close: within about four content words in the same
# clause (weight 1/(1 + 0.3 n) >= 0.45).
_MEASURE_MIN: Final = 0.45


_FIG: Final = "\x00"
_TOKEN: Final = re.compile(r"[A-Za-z][A-Za-z&]*(?:['’][a-z]+)?(?:-[A-Za-z]+)*|[,;:()\[\]—–]|\x00")
_PUNCT: Final = frozenset(",;:()[]—–")


def _clean(text: str, start: int, end: int, others: Sequence) -> str:
    """text[start:end] with the spans of other figures replaced by a marker (their words are
    units, currencies and scale words, not the metric, and they end a phrase)."""
    if not others:
        return text[start:end]
    parts = []
    pos = start
    for o in others:
        os_, oe = max(o.start, start), min(o.end, end)
        if oe <= os_:
            continue
        if os_ > pos:
            parts.append(text[pos:os_])
        parts.append(" " + _FIG + " ")
        pos = max(pos, oe)
    if pos < end:
        parts.append(text[pos:end])
    return "".join(parts)


def _tokens(s: str) -> list[str]:
    if _PHRASE.search(s):
        s = _PHRASE.sub(_phrase, s)
    return _TOKEN.findall(s)


_class_cache: dict[str, tuple[str, bool]] = {}


def _classify(w: str) -> tuple[str, bool]:
    """(term or '' for a stop word, looks like a name) for one token; cached."""
    got = _class_cache.get(w)
    if got is not None:
        return got
    lw = w.lower()
    if lw in METRIC_STOP_WORDS or (len(lw) < 2 and lw != "r"):
        got = ("", False)
    else:
        t = stem(w)
        if t in METRIC_STOP_WORDS:
            t = ""
        name = len(w) > 1 and w[0].isupper() and (not w.isupper() or "&" not in w)
        got = (t, name)
    if len(_class_cache) < 200_000:
        _class_cache[w] = got
    return got


def metric_of(text: str, start: int, end: int, *, sentence: tuple[int, int] | None = None,
              others: Sequence = (), window: int = 8, chars: int = 160) -> Metric:
    """The metric of the figure at text[start:end]; see the module docstring.

    Words to the left count until `window` content words; passing another figure halves their
    weight (words before "RMB 10 billion" describe it more than the next figure). Words to the
    right stop at the next figure, and a comma or bracket halves their weight: "invested 3
    billion yuan, with an R&D team of 2,300" - the team belongs to 2,300.
    """
    s0, s1 = sentence if sentence is not None else (0, len(text))
    lo = max(s0, start - chars)
    hi = min(s1, end + chars)
    others = [o for o in others if not (o.start == start and o.end == end)]
    weights: dict[str, float] = {}
    entities: list[str] = []

    def take(tokens: list[str], left: bool) -> None:
        n = 0
        factor = 1.0
        last = len(tokens) - 1
        for i, w in enumerate(tokens):
            if w == _FIG:
                if not left:
                    break
                factor *= 0.4
                continue
            if w in _PUNCT:
                if not left:
                    factor *= 0.5
                continue
            t, name = _classify(w)
            if not t:
                continue
            wt = factor / (1.0 + _DECAY * n)
            if wt > weights.get(t, 0.0):
                weights[t] = wt
            if name and not (left and i == last and lo == s0):
                entities.append(t)
            n += 1
            if n >= window:
                break

    take(list(reversed(_tokens(_clean(text, lo, start, others)))), True)
    take(_tokens(_clean(text, end, hi, others)), False)
    key = tuple(sorted(weights, key=weights.__getitem__, reverse=True))
    measure = None
    best = _MEASURE_MIN - 1e-9
    for t in key:
        w = weights[t]
        if w <= best:
            break
        if t in MEASURES:
            measure, best = t, w
    years = tuple(sorted({int(y) for y in _YEAR.findall(text, lo, hi)})) if _DIGIT.search(
        text, lo, hi) else ()
    return Metric(key, weights, measure, tuple(dict.fromkeys(entities)), years,
                  (text, lo, start, end, hi, s0, s1))


def idf_table(metrics: Iterable[Metric]) -> dict[str, float]:
    """Inverse document frequency of each term over the metrics of one run."""
    df: dict[str, int] = {}
    n = 0
    for m in metrics:
        n += 1
        for t in m.key:
            df[t] = df.get(t, 0) + 1
    return {t: math.log((n + 1) / c) + 0.5 for t, c in df.items()}


def similarity(a: Metric, b: Metric, idf: Mapping[str, float] | None = None) -> float:
    """Weighted Dice overlap of the two metrics' terms, in [0, 1]."""
    wa, wb = a.terms, b.terms
    if not wa or not wb:
        return 0.0
    get = (idf or {}).get
    sa = sum(w * get(t, 1.0) for t, w in wa.items())
    sb = sum(w * get(t, 1.0) for t, w in wb.items())
    common = sum(min(w, wb[t]) * get(t, 1.0) for t, w in wa.items() if t in wb)
    return 2 * common / (sa + sb) if sa + sb else 0.0
