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

import sys as _sys

from figures.checks.runner import check, check_documents, report_dict
from figures.dataframe import accessor
from figures.extract import extract
from figures.io.export import read_csv, read_parquet, to_csv, to_parquet, write_findings_csv
from figures.normalize.convert import convert, interval, normalize
from figures.normalize.rates.table import RateTable

# df.figures, registered with pandas' documented API. pandas costs about half a second to import,
# so `import figures` (and every `figures.rates` or CLI path under it) does not import it: the
# accessor is registered now if pandas is already loaded, else when a frame function is first
# taken from this package (`figures.extract_frame`, ...) or by `accessor.register()`.
if "pandas" in _sys.modules:
    accessor.register()

_FRAME_NAMES = frozenset({"FrameSummary", "check_frame", "extract_frame", "normalize_frame"})


def __getattr__(name: str):
    if name in _FRAME_NAMES:
        from figures.dataframe import frame

        accessor.register()
        for n in _FRAME_NAMES:
            globals()[n] = getattr(frame, n)
        return globals()[name]
    raise AttributeError(f"module 'figures' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted({*globals(), *_FRAME_NAMES})


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
