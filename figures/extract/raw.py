"""A figure under construction, and the Kind members the engine compares against."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from figures.model import Kind

# Kind members as module constants: an enum attribute look-up (Kind.MONEY) costs about 50 ns,
# and the per-anchor path makes dozens of them.
K_MONEY, K_COUNT, K_QUANTITY = Kind.MONEY, Kind.COUNT, Kind.QUANTITY
K_PERCENT, K_DURATION, K_RATIO = Kind.PERCENT, Kind.DURATION, Kind.RATIO


@dataclass(slots=True)
class Raw:
    """A figure under construction; frozen into a Figure after document-level resolution.
    (The scan builds one per candidate with positional arguments, about twice as fast as
    keywords: keep start, end, kind, value, precision, scale_word first.)"""

    start: int
    end: int
    kind: Kind
    value: Decimal | None
    precision: Decimal | None = None
    scale_word: str | None = None
    low: Decimal | None = None
    high: Decimal | None = None
    currency: str | None = None
    marker: str | None = None  # "$", "¥", "pounds" when the currency awaits context
    candidates: tuple[str, ...] = ()
    basis: str | None = None
    unit: str | None = None
    per: str | None = None
    qualifier: str | None = None
    direction: str | None = None
    words: bool = False  # written in words ("three"), not digits
    # The other reading of the digits ("1,234": 1.234), scaled with the value; settled or kept
    # as a candidate once the document's decimal convention is known (doc_numbers).
    alt: Decimal | None = None
    form: int = 0  # numerals.FORM_*
    value_candidates: tuple[Decimal, ...] = ()
