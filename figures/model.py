"""The core value types. Frozen, so a Figure can be shared between threads, frames and checks.

Money is `Decimal` everywhere; nothing here ever holds a float.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from enum import StrEnum
from typing import Any


class Kind(StrEnum):
    MONEY = "money"
    QUANTITY = "quantity"
    COUNT = "count"
    PERCENT = "percent"
    DURATION = "duration"
    RATIO = "ratio"


class Qualifier(StrEnum):
    APPROX = "approx"
    GT = "gt"
    GE = "ge"
    LT = "lt"
    LE = "le"


class Direction(StrEnum):
    UP = "up"
    DOWN = "down"


class Status(StrEnum):
    """What a check concluded about the figures it compared."""

    CONSISTENT = "consistent"
    INCONSISTENT = "inconsistent"
    UNVERIFIABLE = "unverifiable"


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


# The contract's field order (DESIGN.md section 4). Exports and frames use exactly this order,
# followed by EXTRA_FIELDS.
CONTRACT_FIELDS: tuple[str, ...] = (
    "doc", "start", "end", "text", "kind", "value", "low", "high", "currency", "unit", "per",
    "qualifier", "scale_word", "precision", "date", "to_currency", "normalized_value",
    "normalized_low", "normalized_high", "rate", "rate_date", "rate_source", "normalized_unit",
)
EXTRA_FIELDS: tuple[str, ...] = (
    "direction", "currency_candidates", "currency_basis", "date_context", "rate_note",
    "value_candidates", "country",
)


@dataclass(frozen=True, slots=True)
class Figure:
    """One monetary or quantity expression, as found in the text and optionally normalized.

    `start`/`end` are Python character offsets into the original text. `value` is None for
    ranges, which carry `low`/`high` instead. `precision` is the place value of the last written
    digit times the scale ("$1.54 billion" -> 10000000).
    """

    doc: str | None
    start: int
    end: int
    text: str
    kind: Kind
    value: Decimal | None
    low: Decimal | None = None
    high: Decimal | None = None
    currency: str | None = None
    unit: str | None = None
    per: str | None = None
    qualifier: Qualifier | None = None
    scale_word: str | None = None
    precision: Decimal | None = None
    date: Date | None = None
    to_currency: str | None = None
    normalized_value: Decimal | None = None
    normalized_low: Decimal | None = None
    normalized_high: Decimal | None = None
    rate: Decimal | None = None
    rate_date: Date | None = None
    rate_source: str | None = None
    # The SI unit of normalized_value/low/high for a physical quantity ('m', 'J', 'K', 'm/s');
    # None for money (whose target is to_currency) and for figures not normalized.
    normalized_unit: str | None = None
    # Extensions beyond the contract (extend it, don't break it).
    direction: Direction | None = None
    currency_candidates: tuple[str, ...] = ()
    currency_basis: str | None = None
    date_context: str | None = None
    rate_note: str | None = None
    # The readings of digits the text leaves open ("€1,250" in a document that prints decimal
    # commas: 1.25 or 1250); value is None then, and the ambiguous_number check reports it.
    value_candidates: tuple[Decimal, ...] = ()
    country: str | None = None  # the document locale (ISO 3166 alpha-2), given or inferred

    @property
    def is_range(self) -> bool:
        return self.value is None and self.low is not None and self.high is not None

    @property
    def ambiguous(self) -> bool:
        return self.kind == Kind.MONEY and self.currency is None and bool(self.currency_candidates)

    @property
    def point(self) -> Decimal | None:
        """A single representative value: the value, or a range's midpoint."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high

    def replace(self, **changes: Any) -> Figure:
        """A copy with some fields changed (dataclasses.replace, at a third of its cost: a copy
        per figure is on the hot path of normalization, date anchoring and chunked files)."""
        unknown = changes.keys() - _FIGURE_FIELD_SET
        if unknown:
            raise TypeError(f"Figure has no field {', '.join(sorted(unknown))}")
        new = _new_object(FigureDraft)
        for name in _FIGURE_FIELDS:
            setattr(new, name, changes[name] if name in changes else getattr(self, name))
        return new.seal()

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict in export order (CONTRACT_FIELDS, then EXTRA_FIELDS):
        Decimals as plain-notation strings, dates as ISO strings, enums as their values.
        Written out field by field: it runs once per exported figure, and a loop over the field
        names with a type test per value cost twice as much. tests/test_export.py holds the
        keys to the export order and the values to _plain."""
        p = _plain
        return {
            "doc": self.doc, "start": self.start, "end": self.end, "text": self.text,
            "kind": p(self.kind), "value": _decimal(self.value), "low": _decimal(self.low),
            "high": _decimal(self.high), "currency": self.currency, "unit": self.unit,
            "per": self.per, "qualifier": _enum(self.qualifier),
            "scale_word": self.scale_word, "precision": _decimal(self.precision),
            "date": _date(self.date), "to_currency": self.to_currency,
            "normalized_value": _decimal(self.normalized_value),
            "normalized_low": _decimal(self.normalized_low),
            "normalized_high": _decimal(self.normalized_high), "rate": _decimal(self.rate),
            "rate_date": _date(self.rate_date), "rate_source": self.rate_source,
            "normalized_unit": self.normalized_unit,
            "direction": _enum(self.direction),
            "currency_candidates": p(self.currency_candidates),
            "currency_basis": self.currency_basis, "date_context": self.date_context,
            "rate_note": self.rate_note,
            "value_candidates": p(self.value_candidates), "country": self.country,
        }


class FigureDraft(Figure):
    """A Figure being built: the same slots, written by plain attribute stores; seal() makes it
    the Figure it was built as. For the hot paths that build figures field by field (the
    engine's freeze, Figure.replace), as the frozen dataclass __init__ would (Figure defines no
    __post_init__ for them to skip).

    Why: a frozen Figure can only be written through object.__setattr__, and each such call
    goes through a slot wrapper that builds an argument tuple (about 75 ns a field, 2.3 us a
    figure in the compiled engine). Naming object's own __setattr__ and __delattr__ here lets
    CPython store a field straight from C (about 15 ns). The draft adds no slots, so its layout
    is Figure's and seal() can switch the class; tests/test_native.py holds every figure equal
    to Figure(**its fields), and tests/test_export.py holds what comes out frozen."""

    __slots__ = ()
    __setattr__ = object.__setattr__
    __delattr__ = object.__delattr__

    def seal(self) -> Figure:
        object.__setattr__(self, "__class__", Figure)
        return self


_FIGURE_FIELDS = tuple(f.name for f in dataclasses.fields(Figure))
_FIGURE_FIELD_SET = frozenset(_FIGURE_FIELDS)
_new_object = object.__new__


@dataclass(frozen=True, slots=True)
class Rate:
    """How many units of `quote` one unit of `base` buys on `rate_date` (the table day used)."""

    base: str
    quote: str
    value: Decimal
    date: Date  # the requested date
    rate_date: Date  # the table date actually used (<= date)
    source: str

    @property
    def stale_days(self) -> int:
        return (self.date - self.rate_date).days


@dataclass(frozen=True, slots=True)
class MentionRef:
    doc: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Finding:
    check: str
    status: Status
    severity: Severity
    mentions: tuple[MentionRef, ...]
    message: str
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "check": self.check,
            "status": str(self.status),
            "severity": str(self.severity),
            "mentions": [dataclasses.asdict(m) for m in self.mentions],
            "message": self.message,
            "details": {k: _plain(v) for k, v in self.details.items()},
        }


def plain_decimal(d: Decimal) -> str:
    """Decimal in plain notation, never exponent form ('1E+10' -> '10000000000')."""
    if not d.is_finite():
        raise ValueError(f"not a finite decimal: {d}")
    s = format(d, "f")
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _decimal(v: Any) -> Any:
    return None if v is None else plain_decimal(v) if type(v) is Decimal else _plain(v)


def _date(v: Any) -> Any:
    return None if v is None else v.isoformat() if type(v) is Date else _plain(v)


def _enum(v: Any) -> Any:
    return None if v is None else _plain(v)


def _plain(v: Any) -> Any:
    if isinstance(v, Decimal):
        return plain_decimal(v)
    if isinstance(v, Date):
        return v.isoformat()
    if isinstance(v, StrEnum):
        return str(v)
    if isinstance(v, tuple):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


@dataclass(frozen=True, slots=True)
class Document:
    """One article, or one chunk of a very large one. `date` is the publication date used for
    rates; `date_source` says where it came from ('argument', 'column', 'text', or None).
    `offset` is the character offset of `text` in the original file (non-zero only for the
    later chunks of a streamed file), so figures keep offsets into the file as read."""

    doc: str
    text: str
    date: Date | None = None
    date_source: str | None = None
    offset: int = 0
    country: str | None = None  # the document locale when known ('AU'); else the text decides


@dataclass(frozen=True, slots=True)
class DocResult:
    """Everything found in one document. `error` is set (and the rest empty) when the document
    could not be read; it is still reported, never dropped."""

    doc: str
    date: Date | None
    figures: tuple[Figure, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    date_source: str | None = None
    # The document text, so a Report can be rendered (highlighted HTML) without the inputs.
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Report:
    """Figures and findings of one or more documents; every interface renders one of these.

    `findings` that involve several documents (same_fact across articles, ...) live in
    `cross_findings`, so per-document rendering stays simple."""

    documents: tuple[DocResult, ...]
    cross_findings: tuple[Finding, ...] = ()

    @property
    def figures(self) -> list[Figure]:
        return [f for d in self.documents for f in d.figures]

    @property
    def findings(self) -> list[Finding]:
        return [f for d in self.documents for f in d.findings] + list(self.cross_findings)

    def to_html(self, **kwargs: Any) -> str:
        """One self-contained HTML page (figures.report.to_html)."""
        from figures.report.html import to_html

        return to_html(self, **kwargs)

    def __repr__(self) -> str:
        """Short: counts, not contents (a report of many documents must print in a line)."""
        from collections import Counter

        from figures.report.humanize import count

        by_status = Counter(str(f.status) for f in self.findings)
        status = ", ".join(f"{n} {s}" for s, n in sorted(by_status.items()))
        return (f"<Report {count(len(self.documents), 'document')}, "
                f"{count(len(self.figures), 'figure')}, "
                f"{count(len(self.findings), 'finding')}{f' ({status})' if status else ''}>")

    def _repr_html_(self) -> str:
        """The HTML report, shown inline by Jupyter."""
        return self.to_html()
