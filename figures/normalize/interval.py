"""The one interval model: the true values a printed figure admits.

A printed figure is a rounded statement, so it stands for an interval (statcheck style):
"$1.54 billion" (rounding step 0.01 bn) admits [1.535, 1.545] bn, half a step either side. A
qualifier moves the interval, as the table in figures.vocab.qualifiers says:

* approx ("about", "nearly") -> the printed value +- max(one step, `APPROX_SHARE` of it):
  "about $1.5 billion" is [1.4, 1.6] bn, "about 2,300" is [2,242.5, 2,357.5]. "nearly",
  "almost", "just shy of" (`APPROX_FROM_BELOW`) also cap it at the printed value;
* gt/ge, lt/le -> one side is the printed value itself (not widened by rounding);
* a range ("15-20 years") -> [low - step/2, high + step/2], whatever its qualifier ("within
  15-20 years" says the same as "15-20 years"); a missing end is unbounded.

The open side of gt/lt has two readings, offered as two named views of the same model:

* `semantic(fig)`: what the words say. "more than 2,300" is (2300, +inf); "less than 5
  million" is (0, 5 million] for an amount that cannot be negative (`NON_NEGATIVE_KINDS`),
  unbounded below otherwise. Use it to normalize a figure (normalized_low/high) and wherever
  a bound must never be narrower than the text.
* `pragmatic(fig)`: what a reader infers. A writer who knew the team had 2,450 people would have
  said "more than 2,400", so "more than 2,300" is read as (2300, 2400]: the open side is capped
  at one step of the last non-zero digit. Use it where two claims are compared (same fact,
  difference, percent change): it is what makes "more than 2,300" and "2,900" disagree.

A third view serves a figure the writer *computed* from another one printed next to it (a
currency conversion, "RMB 10 billion ($1.54 billion)"): the writer held the exact result and
rounded it, so "about" there admits one rounding step either side, not a share of the value,
and an open qualifier one step: `computed(fig)` ("(about $1.5 billion)" is [1.4, 1.6] bn,
"(about $191 million)" [190, 192] million, "(more than $1.5 billion)" (1.5, 1.6] bn).

The views give None for an unbounded side. `text` (the document) lets the model see an
approximating word just before the figure that the extractor left out of its span.
"""

from __future__ import annotations

import re
from decimal import Decimal

from figures.model import Figure
from figures.vocab.qualifiers import (
    APPROX_FROM_BELOW,
    APPROX_SHARE,
    NON_NEGATIVE_KINDS,
    QUALIFIER_SIDE,
)

__all__ = ["computed", "interval", "pragmatic", "precision_of", "semantic", "step_of"]

Bounds = tuple[Decimal | None, Decimal | None]

_ZERO = Decimal(0)
_ONE = Decimal(1)
# An approximating word that caps the interval, ending just before the figure (20 characters
# are read, so the search is bounded).
_FROM_BELOW_BEFORE = re.compile(
    r"\b(?:" + "|".join(r"\s+".join(map(re.escape, w.split())) for w in APPROX_FROM_BELOW)
    + r")\s*$", re.I)
_BEFORE_REACH = 20


def step_of(value: Decimal) -> Decimal:
    """Place value of the last non-zero digit: 2300 -> 100, 1.54 -> 0.01, 0 -> 1."""
    if value == 0:
        return _ONE
    exp = value.normalize().as_tuple().exponent
    return _ONE.scaleb(int(exp))


def precision_of(fig: Figure) -> Decimal:
    """The rounding step of a figure: its `precision`, else the place value of its last digit
    (for figures built by hand without one)."""
    if fig.precision is not None and fig.precision > 0:
        return fig.precision
    v = fig.value if fig.value is not None else (fig.high if fig.high is not None else fig.low)
    if v is None:
        return _ONE
    exp = v.as_tuple().exponent
    return _ONE.scaleb(int(exp)) if isinstance(exp, int) else _ONE


def from_below(fig: Figure, text: str | None = None) -> bool:
    """True when an approximating word says the true value is at most the printed one."""
    low = fig.text.lower()
    if any(w in low for w in APPROX_FROM_BELOW):
        return True
    if text is None:
        return False
    return bool(_FROM_BELOW_BEFORE.search(text[max(0, fig.start - _BEFORE_REACH):fig.start]))


def semantic(fig: Figure, text: str | None = None) -> Bounds:
    """The interval the words state: an open qualifier ("more than X") leaves its side open."""
    return _bounds(fig, text, pragmatic=False)


def pragmatic(fig: Figure, text: str | None = None) -> Bounds:
    """The interval a reader infers: an open qualifier is capped at one step of its last
    non-zero digit ("more than 2,300" -> (2300, 2400])."""
    return _bounds(fig, text, pragmatic=True)


def computed(fig: Figure, text: str | None = None) -> Bounds:
    """The interval of a printed conversion: "about" and an open qualifier admit one rounding
    step (the writer rounded a result they held exactly)."""
    return _bounds(fig, text, pragmatic=True, computed=True)


# The public name (figures.interval): a figure's interval is what its words say.
interval = semantic


def _bounds(fig: Figure, text: str | None, *, pragmatic: bool, computed: bool = False) -> Bounds:
    p = precision_of(fig)
    half = p / 2
    v = fig.value
    if v is None:
        if fig.low is None and fig.high is None:
            return None, None
        return (None if fig.low is None else fig.low - half,
                None if fig.high is None else fig.high + half)
    side = QUALIFIER_SIDE.get(fig.qualifier) if fig.qualifier is not None else None
    if side is None:
        return v - half, v + half
    if side == "both":
        if computed:
            return v - p, v + p
        spread = max(p, abs(v) * APPROX_SHARE)
        return v - spread, (v if from_below(fig, text) else v + spread)
    step = p if computed else max(p, step_of(v))
    if side == "above":
        return v, (v + step if pragmatic else None)
    if pragmatic:
        return v - step, v
    return (_ZERO if fig.kind.value in NON_NEGATIVE_KINDS and v >= 0 else None), v
