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

from figures.checks.runner import check, check_documents, report_dict
from figures.dataframe import accessor
from figures.dataframe.frame import FrameSummary, check_frame, extract_frame, normalize_frame
from figures.extract import extract
from figures.io.export import read_csv, read_parquet, to_csv, to_parquet, write_findings_csv
from figures.normalize.convert import convert, normalize
from figures.normalize.interval import interval
from figures.normalize.rates.table import RateTable

# df.figures, registered with pandas' documented API (pandas is a required dependency).
accessor.register()

__all__ = [
    "Direction",
    "DocResult",
    "Document",
    "Figure",
    "FiguresError",
    "Finding",
    "FrameSummary",
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
    "check_frame",
    "convert",
    "extract",
    "extract_frame",
    "interval",
    "normalize",
    "normalize_frame",
    "read_csv",
    "read_parquet",
    "report_dict",
    "to_csv",
    "to_parquet",
    "write_findings_csv",
]
