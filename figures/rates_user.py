"""Fresh rates for users: `figures rates --update` downloads the ECB's history into the user's
data folder (platformdirs.user_data_dir("figures")), never into the installed package, and
RateTable.default() then uses the newer of the embedded table and that copy.

The download is checked with the same reader as the embedded table (it must parse, carry USD
and not end before the table in use), and written atomically, so a failed or partial download
never replaces a good table.
"""

from __future__ import annotations

import os
import tempfile
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path

from figures.errors import FiguresError, RateTableError

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


def user_table_path() -> Path:
    """Where `--update` keeps the downloaded table (the user's data folder, per platform)."""
    import platformdirs

    return Path(platformdirs.user_data_dir("figures", appauthor=False)) / USER_FILE


def _download(url: str, timeout: float) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as resp:
        return resp.read()


def update(url: str = ECB_URL, *, fetch: Fetch = _download, timeout: float = 60.0,
           path: Path | None = None) -> UpdateResult:
    """Download the ECB's history from `url`, check it and save it in the user's data folder."""
    from figures.rates import RateTable

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
    from figures.rates import clear_default_cache

    clear_default_cache()


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

    from figures.rates import RateTable

    note = after_table_note(dates, (table or RateTable.default()).last_day)
    if note and not quiet:
        print(f"figures: note: {note}", file=sys.stderr)
