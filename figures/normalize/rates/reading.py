"""Reading rate tables: a user's CSV (long `date,currency,rate` or the ECB's wide layout), `.gz`
and `.zip` files inflated with a size bound, strict per-cell checks with one-line errors that
name the line. The result is the parts of a `RateTable` (figures.normalize.rates.table)."""

from __future__ import annotations

import csv
import gzip
import io
import lzma
import re
import zipfile
import zlib
from collections.abc import Mapping
from datetime import date as Date
from decimal import Decimal, InvalidOperation
from pathlib import Path
from types import MappingProxyType
from typing import NamedTuple

from figures.errors import InputError, RateTableError
from figures.normalize.currencies import KNOWN_CODES
from figures.normalize.rates.store import Series, Source

_MISSING = frozenset({"", "N/A", "NA", "n/a"})


class TableParts(NamedTuple):
    """What `RateTable(root, series_by_code, sources)` is built from."""

    root: str
    series_by_code: Mapping[str, Series]
    sources: tuple[Source, ...]


def stem(p: Path) -> str:
    name = p.name
    for suffix in (".gz", ".zip", ".csv"):
        name = name.removesuffix(suffix)
    return name or "user table"



# ---- reading ---------------------------------------------------------------------------------


def read_text(p: Path, limit: int | None = None) -> str:
    limit = MAX_TABLE_BYTES if limit is None else limit
    try:
        with p.open("rb") as f:
            data = f.read(limit + 1)
    except OSError as exc:
        raise InputError(f"cannot read rate table '{p}': {exc.strerror or exc}") from None
    except ValueError as exc:  # a NUL byte in the path
        raise InputError(f"cannot read rate table {str(p)!r}: {exc}") from None
    if len(data) > limit:
        raise _too_big(str(p), limit)
    return unpack_text(data, str(p), limit)


# A rate table is a few MB (the ECB's whole history is about 7 MB); refuse a file, or what a
# compressed file inflates to, past this (a "zip bomb", or the wrong file). --max-bytes raises it.
MAX_TABLE_BYTES = 64 * 1024 * 1024


def _too_big(origin: str, limit: int | None = None) -> RateTableError:
    limit = MAX_TABLE_BYTES if limit is None else limit
    return RateTableError(f"{origin}: holds or expands to more than {limit:,} bytes; a rate table "
                          "is a few MB: is this the right file? (raise the limit with --max-bytes)")


def unpack_bytes(data: bytes, origin: str, limit: int | None = None) -> bytes:
    """The CSV bytes inside `data` (gzip, zip or plain), inflated at most to `limit` bytes:
    the size is checked while decompressing, never after. Encrypted members, compression
    methods Python lacks and corrupt streams are RateTableErrors."""
    limit = MAX_TABLE_BYTES if limit is None else limit
    try:
        if data[:2] == b"\x1f\x8b":
            with gzip.GzipFile(fileobj=io.BytesIO(data)) as g:
                data = g.read(limit + 1)
            if len(data) > limit:
                raise _too_big(origin, limit)
        elif data[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                infos = [i for i in zf.infolist() if i.filename.lower().endswith(".csv")]
                if not infos:
                    raise RateTableError(f"{origin}: the zip holds no .csv file")
                if infos[0].flag_bits & 0x1:
                    raise RateTableError(f"{origin}: the zip is encrypted; give an unencrypted "
                                         "zip, .gz or .csv")
                if infos[0].file_size > limit:
                    raise _too_big(origin, limit)
                with zf.open(infos[0]) as member:
                    data = member.read(limit + 1)
                if len(data) > limit:
                    raise _too_big(origin, limit)
        elif len(data) > limit:
            raise _too_big(origin, limit)
    except RateTableError:
        raise
    except (OSError, zipfile.BadZipFile, EOFError, RuntimeError, NotImplementedError,
            ValueError, zlib.error, lzma.LZMAError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise RateTableError(f"{origin}: cannot decompress ({why}); give a plain .csv, a .gz or "
                             "a deflate .zip") from None
    return data


def unpack_text(data: bytes, origin: str, limit: int | None = None) -> str:
    data = unpack_bytes(data, origin, limit)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise RateTableError(f"{origin}: not UTF-8 text (byte {exc.start}); save it as UTF-8 CSV") from None


def parse_table(text: str, *, name: str, base: str, origin: str, max_age_days: int,
                 validate: bool, wide_only: bool = False) -> TableParts:
    try:
        return _parse_table_rows(text, name=name, base=base, origin=origin,
                                 max_age_days=max_age_days, validate=validate, wide_only=wide_only)
    except csv.Error as exc:
        # A bare carriage return or an unterminated quote: the csv module's own words, one line.
        raise RateTableError(f"{origin}: malformed CSV ({exc}); save it with plain line ends") from None


def _parse_table_rows(text: str, *, name: str, base: str, origin: str, max_age_days: int,
                      validate: bool, wide_only: bool = False) -> TableParts:
    first_line = text.split("\n", 1)[0]
    header = [h.strip() for h in next(csv.reader([first_line]), [])]
    if not any(header):
        raise RateTableError(f"{origin}: line 1: the file is empty; expected a header "
                             f"'date,currency,rate'")
    lowered = [h.lower() for h in header]
    long_cols = {"date", "currency", "rate"}
    is_wide = lowered[0] == "date" and any(h.upper() in KNOWN_CODES for h in header[1:])
    if wide_only and not is_wide:
        raise RateTableError(f"{origin}: line 1: expected the ECB layout 'Date,USD,JPY,...'")
    if not is_wide or long_cols <= set(lowered):
        if not long_cols <= set(lowered):
            missing = ", ".join(f"'{c}'" for c in ("date", "currency", "rate") if c not in lowered)
            raise RateTableError(
                f"{origin}: line 1: missing column {missing} (found: {', '.join(header)}); "
                f"expected columns date,currency,rate (rate = units of currency per 1 {base})"
            )
        return _parse_long(text, lowered, name=name, base=base, origin=origin,
                           max_age_days=max_age_days)
    return _parse_wide(text, header, name=name, base=base, origin=origin,
                       max_age_days=max_age_days, validate=validate)


def _bad(origin: str, line: int, msg: str) -> RateTableError:
    return RateTableError(f"{origin}: line {line}: {msg}")


def _parse_date(s: str, origin: str, line: int) -> int:
    try:
        if len(s) != 10:
            raise ValueError
        return Date.fromisoformat(s).toordinal()
    except ValueError:
        raise _bad(origin, line, f"bad date '{s}'; write dates as YYYY-MM-DD") from None


# A rate (units per 1 base) outside 10^-12 .. 10^12 is a typo, not a currency: refusing it
# keeps every later multiplication and division representable.
RATE_EXPONENT_LIMIT = 12
_RATE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _parse_rate(s: str, origin: str, line: int, code: str) -> str:
    shown = s[:30] + ("…" if len(s) > 30 else "")
    if s.lower().lstrip("+-") in ("nan", "snan", "inf", "infinity"):
        raise _bad(origin, line, f"rate '{shown}' for {code} must be a positive number")
    if not _RATE.fullmatch(s) or len(s) > 60:
        raise _bad(origin, line, f"rate '{shown}' for {code} is not a number (write it like 7.5 "
                                 "or 1.25e-3)")
    try:
        v = Decimal(s)
    except (InvalidOperation, ValueError):
        raise _bad(origin, line, f"rate '{shown}' for {code} is not a number") from None
    if not v.is_finite() or v <= 0:
        raise _bad(origin, line, f"rate '{shown}' for {code} must be a positive number")
    if abs(v.adjusted()) > RATE_EXPONENT_LIMIT:
        raise _bad(origin, line, f"rate '{shown}' for {code} is out of range (1e-"
                                 f"{RATE_EXPONENT_LIMIT} to 1e{RATE_EXPONENT_LIMIT})")
    return s


def _parse_long(text: str, lowered: list[str], *, name: str, base: str, origin: str,
                max_age_days: int) -> TableParts:
    i_date, i_cur, i_rate = (lowered.index(c) for c in ("date", "currency", "rate"))
    width = max(i_date, i_cur, i_rate) + 1
    reader = csv.reader(io.StringIO(text))
    next(reader)
    per: dict[str, list[tuple[int, str]]] = {}
    seen: dict[tuple[str, int], int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) < width:
            raise _bad(origin, line, f"expected {width} fields (date,currency,rate), got {len(row)}")
        o = _parse_date(row[i_date].strip(), origin, line)
        code = row[i_cur].strip().upper()
        if code not in KNOWN_CODES:
            raise _bad(origin, line, f"unknown currency code '{row[i_cur].strip()}'; use an ISO "
                                     f"4217 code like USD")
        if code == base:
            raise _bad(origin, line, f"{code} is the table's base; give rates of other currencies "
                                     f"per 1 {base}")
        raw = _parse_rate(row[i_rate].strip(), origin, line, code)
        first = seen.setdefault((code, o), line)
        if first != line:
            raise _bad(origin, line, f"duplicate rate for {code} on {Date.fromordinal(o)} "
                                     f"(first given on line {first})")
        per.setdefault(code, []).append((o, raw))
    if not per:
        raise RateTableError(f"{origin}: no rates below the header; add lines like "
                             f"'2021-10-19,TWD,32.5'")
    calendar = tuple(sorted({o for pairs in per.values() for o, _ in pairs}))
    src = Source(name, base, calendar, False, max_age_days, origin)
    series = {}
    for code, pairs in per.items():
        pairs.sort()
        series[code] = Series(code, src, tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))
    return TableParts(base, MappingProxyType(series), (src,))


def _parse_wide(text: str, header: list[str], *, name: str, base: str, origin: str,
                max_age_days: int, validate: bool) -> TableParts:
    lines = text.splitlines()
    cols = [(k, h.upper()) for k, h in enumerate(header) if k and h]
    for _, code in cols:
        if validate and code not in KNOWN_CODES:
            raise _bad(origin, 1, f"unknown currency code '{code}' in the header")
    width = len(header)
    rows: list[list[str]] = []
    ords: list[int] = []
    line_of: dict[int, int] = {}
    for n, ln in enumerate(lines[1:], start=2):
        if not ln.strip():
            continue
        fields = ln.split(",")
        if len(fields) != width:
            raise _bad(origin, n, f"expected {width} fields like the header, got {len(fields)}")
        o = _parse_date(fields[0].strip(), origin, n)
        if o in line_of:
            raise _bad(origin, n, f"duplicate date {Date.fromordinal(o)} (first on line {line_of[o]})")
        line_of[o] = n
        rows.append(fields)
        ords.append(o)
    if not rows:
        raise RateTableError(f"{origin}: no rates below the header")
    if validate:
        for fields, o in zip(rows, ords, strict=True):
            for k, code in cols:
                cell = fields[k].strip()
                if cell not in _MISSING:
                    _parse_rate(cell, origin, line_of[o], code)
    order = sorted(range(len(ords)), key=ords.__getitem__)
    ords = [ords[i] for i in order]
    columns = list(zip(*(rows[i] for i in order), strict=True))
    src = Source(name, base, tuple(ords), True, max_age_days, origin)
    series = {}
    for k, code in cols:
        col = columns[k]
        keep = [m for m, v in enumerate(col) if v.strip() not in _MISSING]
        if keep:
            series[code] = Series(code, src, tuple(ords[m] for m in keep),
                                   tuple(col[m].strip() for m in keep))
    series.pop(base, None)
    return TableParts(base, MappingProxyType(series), (src,))

