"""Fresh rates for users: `figures rates --update` downloads the ECB's history and the NBP's
newer table A and B issues (`nbp_api`) into the user's data folder
(platformdirs.user_data_dir("figures")), never into the installed package; lookups then use the
newer of the embedded copy and the user's, per source.

The download is checked with the same reader as the embedded table (it must parse, carry USD
and not end before the table in use), and written atomically, so a failed or partial download
never replaces a good table.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC
from datetime import date as Date
from pathlib import Path

from figures.errors import FiguresError, RateTableError
from figures.normalize.rates import nbp_api

ECB_URL = "https://www.ecb.europa.eu/stats/eurofxref/eurofxref-hist.zip"
USER_FILE = "eurofxref-hist.zip"
UPDATE_COMMAND = "figures rates --update"

Fetch = Callable[[str, float], bytes]


class NeedsInternet(FiguresError):
    """`figures rates --update` could not reach the rates' source."""


@dataclass(frozen=True, slots=True)
class UpdateResult:
    path: Path
    last_day: Date
    previous_last: Date
    url: str

    def describe(self) -> str:
        if self.last_day == self.previous_last:
            return (f"rates are up to date: the table ends on {self.last_day} "
                    f"(saved in {self.path})")
        return (f"rates updated from {self.url}: the table now ends on {self.last_day} "
                f"(was {self.previous_last}); saved in {self.path}")


def user_folder() -> Path:
    """The user's data folder (per platform) where `--update` keeps what it downloads."""
    import platformdirs

    return Path(platformdirs.user_data_dir("figures", appauthor=False))


def user_table_path() -> Path:
    """Where `--update` keeps the downloaded ECB table."""
    return user_folder() / USER_FILE


def _download(url: str, timeout: float) -> bytes:
    import urllib.request  # on use: look-ups load this module but never download

    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return resp.read()


def update(url: str = ECB_URL, *, fetch: Fetch = _download, timeout: float = 60.0,
           path: Path | None = None) -> UpdateResult:
    """Download the ECB's history from `url`, check it and save it in the user's data folder."""
    from figures.normalize.rates.table import RateTable

    target = path or user_table_path()
    current = RateTable.default()
    try:
        data = fetch(url, timeout)
    except (OSError, ValueError) as exc:  # URLError, timeouts and refused connections are OSError
        raise NeedsInternet(
            f"'{UPDATE_COMMAND}' needs the internet to download {url} ({_reason(exc)}); the "
            f"table in use ends on {current.last_day}") from None
    new = RateTable.from_ecb_bytes(data, origin=url, validate=True)
    if "USD" not in new.series_by_code:
        raise RateTableError(f"{url}: no USD column; this is not the ECB's rate table")
    if new.last_day < current.last_day:
        return UpdateResult(target, current.last_day, current.last_day, url)
    _write_atomic(target, data)
    _reload()
    return UpdateResult(target, new.last_day, current.last_day, url)


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None) or exc
    return str(reason).strip() or type(exc).__name__


def _reload() -> None:
    from figures.normalize.rates import nbp
    from figures.normalize.rates.table import clear_default_cache

    nbp.current.cache_clear()
    clear_default_cache()


@dataclass(frozen=True, slots=True)
class NbpUpdateResult:
    folder: Path
    last_day: Date
    previous_last: Date
    url: str

    def describe(self) -> str:
        if self.last_day == self.previous_last:
            return f"NBP tables are up to date: they end on {self.last_day}"
        return (f"NBP tables updated from {self.url}: they now end on {self.last_day} "
                f"(were {self.previous_last}); saved in {self.folder}")


def update_nbp(base: str | None = None, *, fetch: nbp_api.Fetch = nbp_api.download,
               timeout: float = 30.0, folder: Path | None = None,
               today: Date | None = None) -> NbpUpdateResult:
    """Append the NBP's table A and B issues published after the copy in use (from the API at
    `base`) and save both files and their manifest in the user's data folder. All answers are
    fetched and checked before anything is written; then every file goes through a temporary
    file and a rename, the manifest (which makes the copy count as newer) last."""
    import json
    from datetime import datetime

    from figures.normalize.rates import nbp, nbp_build

    base = base or nbp_api.API_URL
    target = folder or user_folder()
    in_use = nbp.current()
    today = today or datetime.now(UTC).date()
    src = Path(in_use.origin) if in_use.copy else None
    old: dict[str, bytes] = {}
    for t, name in nbp.FILES.items():
        old[t] = (src / name).read_bytes() if src else _embedded_bytes(name)
    previous = Date.fromordinal(in_use.end)
    new: dict[str, bytes] = {}
    entries = []
    for t in sorted(nbp.FILES):
        rows = nbp_api.rows_of(old[t], f"NBP table {t}")
        try:
            more = nbp_api.newer_rows(t, rows[-1][0], today, fetch=fetch, base=base,
                                      timeout=timeout)
        except (OSError, ValueError) as exc:  # URLError, timeouts, refused connections
            raise NeedsInternet(
                f"'{UPDATE_COMMAND}' needs the internet to reach the NBP's API at {base} "
                f"({_reason(exc)}); the NBP tables in use end on {previous}") from None
        rows += more
        new[t] = nbp_build.encode(rows)
        entry = nbp_build.manifest_entry(t, rows, new[t], version="")
        entry["source"]["via"] = {"api": base, "appended_from": str(rows[-len(more)][0])
                                  if more else None, "base": "the copy in use before the update"}
        entries.append(entry)
    last = max(Date.fromisoformat(e["last_date"]) for e in entries)
    if last <= previous:
        return NbpUpdateResult(target, previous, previous, base)
    for t, name in nbp.FILES.items():
        _write_atomic(target / name, new[t])
    manifest = {"extra_tables": entries}
    _write_atomic(target / "manifest.json",
                  (json.dumps(manifest, indent=2) + "\n").encode("utf-8"))
    _reload()
    return NbpUpdateResult(target, last, previous, base)


def _embedded_bytes(name: str) -> bytes:
    from importlib import resources

    from figures.normalize.rates import nbp

    return resources.files(nbp.DATA_PACKAGE).joinpath(name).read_bytes()


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def user_table_bytes() -> tuple[bytes, str] | None:
    """The downloaded table and where it is, if the user ran --update."""
    p = user_table_path()
    try:
        return p.read_bytes(), str(p)
    except OSError:
        return None


def after_table_note(dates: Iterable[Date | None], last_day: Date) -> str | None:
    """One line for a run with documents dated after the table's last day (instead of a
    warning on every figure), or None."""
    late = sorted({d for d in dates if d is not None and d > last_day})
    if not late:
        return None
    n = len(late)
    which = f"a document dated {late[0]}" if n == 1 else f"documents dated up to {late[-1]}"
    return (f"the rate table ends on {last_day}, so money in {which} was not converted; run "
            f"'{UPDATE_COMMAND}' (online) for newer rates, or add a table with --rates FILE")


def tell_after_table(dates: Iterable[Date | None], table, *, quiet: bool = False) -> None:
    """Print after_table_note once on stderr (the command line's one line per run)."""
    import sys

    from figures.normalize.rates.table import RateTable

    note = after_table_note(dates, (table or RateTable.default()).last_day)
    if note and not quiet:
        print(f"figures: note: {note}", file=sys.stderr)
