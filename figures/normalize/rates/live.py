"""Optional live rates (extra `live`): forex-python's public API, `CurrencyRates(force_decimal=True)`
and its `get_rate(base, dest, date_obj)` / `get_rates(base, date_obj)`, behind the same
`rate(base, quote, date) -> Rate` protocol as `RateTable` (`RateProvider`).

forex-python calls a web API with no timeout and raises whatever the network raises, so every
call runs in a worker thread joined with a deadline (a hung service cannot hang the CLI; the
abandoned daemon thread ends with the process), and every failure (missing extra, connection
error, HTTP status, missing rate, a float where a Decimal is due, timeout) becomes one
`RateUnavailable` with a one-line message. It is never the default provider.

The trade-off of the public API: it returns the number only, not the date of the rate the
service used. So the wrapper always asks for the requested day (never "latest" when a date is
given), refuses dates after today (a later rate is never used), records the requested date as
the rate date, and says so in the source: "forex-python (live), rate date not reported".
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

from figures.errors import RateUnavailable
from figures.model import Rate
from figures.normalize.currencies import KNOWN_CODES, check_code
from figures.normalize.rates.store import as_date

SOURCE = "forex-python (live)"
DATE_NOTE = "rate date not reported"  # the public API returns no date: see the module doc
DEFAULT_TIMEOUT = 5.0  # seconds for the whole call
INSTALL_HINT = "live rates need the optional extra: pip install 'figures[live]'"

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LiveRates:
    """Live provider: forex-python's CurrencyRates within `timeout` seconds, Decimal only."""

    timeout: float = DEFAULT_TIMEOUT
    source: str = SOURCE

    def rate(self, base: str, quote: str, date: Date | str | None = None) -> Rate:
        """Units of `quote` per 1 `base` on `date` (None: the latest), or `RateUnavailable`."""
        b, q = check_code(base), check_code(quote)
        d = self._day(date)
        asked = d or Date.today()
        if b == q:
            return Rate(b, q, Decimal(1), asked, asked, "identity")
        what = f"live rate {b}/{q} on {d or 'latest'} from {SOURCE}"
        raw = self._call(what, lambda client: client.get_rate(b, q, d))
        value = _decimal(raw, what, q)
        return Rate(b, q, value, asked, asked, f"{self.source}, {DATE_NOTE}")

    def rates(self, base: str, date: Date | str | None = None) -> dict[str, Decimal]:
        """Every rate the service gives for 1 `base` on `date`, by ISO code (codes figures does
        not know are left out), or `RateUnavailable`."""
        b = check_code(base)
        d = self._day(date)
        what = f"live rates for {b} on {d or 'latest'} from {SOURCE}"
        raw = self._call(what, lambda client: client.get_rates(b, d))
        if not isinstance(raw, dict) or not raw:
            raise RateUnavailable(f"{what}: the service answered with no rates")
        return {c: _decimal(v, what, c) for c, v in raw.items()
                if isinstance(c, str) and c in KNOWN_CODES}

    def _day(self, date: Date | str | None) -> Date | None:
        d = as_date(date) if date is not None else None
        if d is not None and d > Date.today():
            # The service would answer with its latest rate, older than the day asked for and
            # without saying so: refuse rather than date a rate wrongly.
            raise RateUnavailable(f"live rate on {d}: that day is after today; a rate for a "
                                  "later day cannot be known yet")
        return d

    def _call(self, what: str, fn: Callable[[Any], T]) -> T:
        try:
            client = _client()
            return with_deadline(lambda: fn(client), self.timeout)
        except RateUnavailable as exc:
            raise RateUnavailable(f"{what}: {exc}") from None
        except Exception as exc:  # every failure is one error type, by design
            raise RateUnavailable(f"{what}: {_one_line(exc)}") from None


def _client() -> Any:
    """forex-python's CurrencyRates asked for Decimals (imported on use: an optional extra)."""
    try:
        from forex_python.converter import CurrencyRates
    except ImportError:
        raise RateUnavailable(INSTALL_HINT) from None
    return CurrencyRates(force_decimal=True)


def _decimal(raw: object, what: str, code: str) -> Decimal:
    """The service's number as a Decimal, never through a float."""
    if isinstance(raw, float):
        # force_decimal=True should rule this out; a float has already lost the printed digits
        raise RateUnavailable(f"{what}: forex-python gave {code} as a float ({raw!r}), not a "
                              "Decimal; upgrade forex-python (figures never converts through floats)")
    try:
        ok = isinstance(raw, (int, str)) and not isinstance(raw, bool)
        value = raw if isinstance(raw, Decimal) else Decimal(raw) if ok else None
    except (InvalidOperation, ValueError):
        value = None
    if value is None or not value.is_finite() or value <= 0:
        shown = repr(raw)[:40]
        raise RateUnavailable(f"{what}: no usable {code} rate in the answer ({shown})")
    return value


def with_deadline(fn: Callable[[], T], timeout: float) -> T:
    """Run `fn` in a daemon thread; give up after `timeout` seconds (plus a small grace)."""
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # handed back to the caller's thread
            box["error"] = exc

    worker = threading.Thread(target=run, name="figures-live-rate", daemon=True)
    worker.start()
    worker.join(timeout + 0.5)
    if worker.is_alive():
        raise RateUnavailable(f"no answer within {timeout:g} s (timed out)")
    if "error" in box:
        raise box["error"]
    return box["value"]


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or "no details"
    if len(text) > 200:
        text = text[:197] + "..."
    return f"{type(exc).__name__}: {text}"
