"""figures: find, normalize and cross-check the money and quantity figures in financial news."""

from figures.errors import (
    FiguresError,
    InputError,
    NoRate,
    RateTableError,
    RateUnavailable,
    UnknownCurrency,
)
from figures.model import (
    Direction,
    DocResult,
    Document,
    Figure,
    Finding,
    Kind,
    MentionRef,
    Qualifier,
    Rate,
    Report,
)

__version__ = "0.1.0"

from figures.checking import check, check_documents, report_dict
from figures.extract import extract
from figures.normalize import convert, interval, normalize
from figures.rates import RateTable

__all__ = [
    "Direction",
    "DocResult",
    "Document",
    "Figure",
    "FiguresError",
    "Finding",
    "InputError",
    "Kind",
    "MentionRef",
    "NoRate",
    "Qualifier",
    "Rate",
    "RateTable",
    "RateTableError",
    "RateUnavailable",
    "Report",
    "UnknownCurrency",
    "check",
    "check_documents",
    "convert",
    "extract",
    "interval",
    "normalize",
    "report_dict",
]
