"""A figure under construction, and the Kind members the engine compares against."""

from __future__ import annotations

from decimal import Decimal
from typing import Final

from figures.model import Kind

# Kind members as module constants: an enum attribute look-up (Kind.MONEY) costs about 50 ns,
# and the per-anchor path makes dozens of them.
# Final: the compiled engine reads a Final from a C static, any other global from a dict.
K_MONEY: Final = Kind.MONEY
K_COUNT: Final = Kind.COUNT
K_QUANTITY: Final = Kind.QUANTITY
K_PERCENT: Final = Kind.PERCENT
K_DURATION: Final = Kind.DURATION
K_RATIO: Final = Kind.RATIO


class Raw:
    """A figure under construction; frozen into a Figure after document-level resolution.
    (The scan builds one per candidate with positional arguments, about twice as fast as
    keywords: keep start, end, kind, value, precision, scale_word first.)

    A plain class, not a dataclass: mypyc compiles its __init__, where a dataclass keeps the
    generated __init__ interpreted (about 7% of the compiled engine's time)."""

    __slots__ = (
        "alt",
        "basis",
        "candidates",
        "currency",
        "direction",
        "end",
        "form",
        "high",
        "kind",
        "low",
        "marker",
        "per",
        "precision",
        "qualifier",
        "scale_word",
        "start",
        "unit",
        "value",
        "value_candidates",
        "words",
    )

    def __init__(
        self,
        start: int,
        end: int,
        kind: Kind,
        value: Decimal | None,
        precision: Decimal | None = None,
        scale_word: str | None = None,
        low: Decimal | None = None,
        high: Decimal | None = None,
        currency: str | None = None,
        marker: str | None = None,
        candidates: tuple[str, ...] = (),
        basis: str | None = None,
        unit: str | None = None,
        per: str | None = None,
        qualifier: str | None = None,
        direction: str | None = None,
        words: bool = False,
        alt: Decimal | None = None,
        form: int = 0,
        value_candidates: tuple[Decimal, ...] = (),
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.precision = precision
        self.scale_word = scale_word
        self.low = low
        self.high = high
        self.currency = currency
        # "$", "¥", "pounds" when the currency awaits context
        self.marker = marker
        self.candidates = candidates
        self.basis = basis
        self.unit = unit
        self.per = per
        self.qualifier = qualifier
        self.direction = direction
        # written in words ("three"), not digits
        self.words = words
        # the other reading of the digits ("1,234": 1.234), scaled with the value; settled
        # or kept as a candidate once the document's decimal convention is known (doc_numbers)
        self.alt = alt
        # numerals.FORM_*
        self.form = form
        self.value_candidates = value_candidates

    def __repr__(self) -> str:
        return "Raw(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__) + ")"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Raw):
            return NotImplemented
        return all(getattr(self, k) == getattr(other, k) for k in self.__slots__)
