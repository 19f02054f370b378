"""figures: find, normalize and cross-check the money and quantity figures in financial news."""

from figures.errors import (
    FiguresError,
    InputError,
    NoRate,
    RateTableError,
    RateUnavailable,
    UnknownCurrency,
)
from figures.model import Direction, Figure, Finding, Kind, MentionRef, Qualifier, Rate

__all__ = [
    "Direction",
    "Figure",
    "Finding",
    "FiguresError",
    "InputError",
    "Kind",
    "MentionRef",
    "NoRate",
    "Qualifier",
    "Rate",
    "RateTableError",
    "RateUnavailable",
    "UnknownCurrency",
]
__version__ = "0.1.0"

from figures.extract import extract  # noqa: E402

__all__ += ["extract"]
