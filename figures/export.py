"""Writing figures out: JSON Lines and CSV with the contract's field names.

CSV cells are written for spreadsheets that will open them: Decimals in plain notation (never
1E+10), and text cells that a spreadsheet would run as a formula are neutralized with a leading
apostrophe (OWASP, "CSV Injection").
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import IO, Any

from figures.model import CONTRACT_FIELDS, EXTRA_FIELDS, Figure

FIGURE_FIELDS: tuple[str, ...] = CONTRACT_FIELDS + EXTRA_FIELDS
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    """Prefix a text cell that a spreadsheet would evaluate (=, +, -, @, tab, CR) with a quote.
    Plain numbers such as '-5' are left alone: they are data, not formulas."""
    if cell and cell.startswith(_FORMULA_START) and not _is_number(cell):
        return "'" + cell
    return cell


def _is_number(s: str) -> bool:
    try:
        float(s)  # a recognition test only: the cell is written as the original string
    except ValueError:
        return False
    return True


def figure_row(fig: Figure) -> dict[str, Any]:
    return fig.to_dict()


def write_jsonl(figs: Iterable[Figure], out: IO[str]) -> int:
    n = 0
    for fig in figs:
        out.write(json.dumps(fig.to_dict(), ensure_ascii=False))
        out.write("\n")
        n += 1
    return n


def csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        value = "|".join(str(v) for v in value)
    s = str(value)
    return neutralize(s)


class FigureCSVWriter:
    """Streams figures as CSV rows with a fixed header."""

    def __init__(self, out: IO[str], fields: tuple[str, ...] = FIGURE_FIELDS):
        self._w = csv.writer(out, lineterminator="\n")
        self._fields = fields
        self._w.writerow(fields)

    def write(self, fig: Figure) -> None:
        row = fig.to_dict()
        self._w.writerow([csv_cell(row[f]) for f in self._fields])


def write_csv(figs: Iterable[Figure], out: IO[str]) -> int:
    w = FigureCSVWriter(out)
    n = 0
    for fig in figs:
        w.write(fig)
        n += 1
    return n
