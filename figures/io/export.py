"""Writing figures and findings out, and reading them back: JSON Lines, CSV and Parquet with the
contract's field names (DESIGN.md section 4).

The public names of every format, importable from here as before. Each format has its own
module: `figures.io.jsonl`, `figures.io.csvfile` (RFC 4180 CSV, formula neutralization) and
`figures.io.parquet` (exact decimal columns); `figures.io.columns` holds the field names and
column types they share, `figures.io.cells` one value as text, `figures.io.rows` figures and
findings as dicts and back.

Only the standard library is imported here; pandas and pyarrow are imported when a frame or a
Parquet file is involved.
"""

from __future__ import annotations

from figures.io.cells import csv_cell, is_formula, neutralize, unneutralize
from figures.io.columns import (
    COLUMN_TYPES,
    FIGURE_FIELDS,
    FINDING_FIELDS,
    FLOAT_FIELDS,
    typed_frame,
)
from figures.io.csvfile import (
    FigureCSVWriter,
    read_csv,
    render_csv_rows,
    to_csv,
    write_csv,
    write_findings_csv,
)
from figures.io.jsonl import jsonl_line, render_jsonl, write_jsonl
from figures.io.parquet import arrow_table, decimal_type, read_parquet, to_parquet
from figures.io.rows import figure_from_dict, finding_rows

__all__ = [
    "COLUMN_TYPES",
    "FIGURE_FIELDS",
    "FINDING_FIELDS",
    "FLOAT_FIELDS",
    "FigureCSVWriter",
    "arrow_table",
    "csv_cell",
    "decimal_type",
    "figure_from_dict",
    "finding_rows",
    "is_formula",
    "jsonl_line",
    "neutralize",
    "read_csv",
    "read_parquet",
    "render_csv_rows",
    "render_jsonl",
    "to_csv",
    "to_parquet",
    "typed_frame",
    "unneutralize",
    "write_csv",
    "write_findings_csv",
    "write_jsonl",
]
