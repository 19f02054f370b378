"""Optional live rates (extra `live`): forex-python's `CurrencyRates` behind the same
`rate(base, quote, date) -> Rate` protocol as `RateTable`.

forex-python calls a web API with no timeout and raises whatever the network raises, so this
wrapper (1) sends its requests through a session with a connect/read timeout, (2) runs the call in
a worker thread joined with the same deadline, so a server that drips bytes cannot hang us, and
(3) turns every failure (missing extra, connection error, HTTP status, bad JSON, missing rate,
timeout) into one `RateUnavailable` with a one-line message. It is never the default provider.
"""

from __future__ import annotations

import functools
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date as Date
from decimal import Decimal
from typing import Any, TypeVar

from figures.errors import RateUnavailable
from figures.model import Rate
from figures.normalize.currencies import check_code
from figures.normalize.rates.table import MAX_AGE_DAYS, as_date

DEFAULT_BASE_URL = "https://theratesapi.com/api/"  # the API forex-python 1.9 calls
DEFAULT_TIMEOUT = 5.0  # seconds, for connect, for read, and for the whole call

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class LiveRates:
    """Live provider. `base_url` is configurable so tests can point it at a local fake server."""

    base_url: str = DEFAULT_BASE_URL
    timeout: float = DEFAULT_TIMEOUT
    source: str = "live"

    def rate(self, base: str, quote: str, date: Date | str | None = None) -> Rate:
        """Units of `quote` per 1 `base` on `date` (None: the latest), or `RateUnavailable`."""
        b, q = check_code(base), check_code(quote)
        d = as_date(date) if date is not None else None
        if b == q:
            today = d or Date.today()
            return Rate(b, q, Decimal(1), today, today, "identity")
        url = self.base_url.rstrip("/") + "/"
        what = f"live rate {b}/{q} on {d or 'latest'} from {url}"
        try:
            value, day = _with_deadline(lambda: _fetch(url, b, q, d, self.timeout), self.timeout)
        except RateUnavailable as exc:
            raise RateUnavailable(f"{what}: {exc}") from None
        except Exception as exc:  # every failure is one error type, by design
            raise RateUnavailable(f"{what}: {_one_line(exc)}") from None
        asked = d or day
        if day > asked:
            raise RateUnavailable(f"{what}: the server answered with a later day ({day}); "
                                  f"a later rate is never used")
        if (asked - day).days > MAX_AGE_DAYS:
            raise RateUnavailable(f"{what}: the server's rate is from {day}, more than "
                                  f"{MAX_AGE_DAYS} days earlier")
        return Rate(b, q, value, asked, day, self.source)


def _fetch(url: str, b: str, q: str, d: Date | None, timeout: float) -> tuple[Decimal, Date]:
    client_cls, not_available = _client()
    import requests

    with requests.Session() as session:
        client = client_cls(url, session, timeout)
        try:
            return client.get_rate_dated(b, q, d)
        except not_available as exc:
            raise RateUnavailable(_one_line(exc)) from None


@functools.cache
def _client() -> tuple[type, type[Exception]]:
    """forex-python's CurrencyRates with our URL, session and timeout (imported lazily)."""
    try:
        import requests  # noqa: F401  (forex-python's transport; we pass it a session)
        from forex_python.converter import CurrencyRates, RatesNotAvailableError
    except ImportError:
        raise RateUnavailable(
            "live rates need the optional extra: pip install 'figures[live]'") from None

    class TimedCurrencyRates(CurrencyRates):
        def __init__(self, base_url: str, session: Any, timeout: float) -> None:
            super().__init__(force_decimal=True)
            self._base_url = base_url
            self._session = session
            self._timeout = timeout

        def _source_url(self) -> str:
            return self._base_url

        def get_rate_dated(self, base_cur: str, dest_cur: str,
                           date_obj: Date | None) -> tuple[Decimal, Date]:
            # forex-python's get_rate, but with a timeout, Decimals and the day the API used.
            date_str = self._get_date_string(date_obj)
            resp = self._session.get(
                self._source_url() + date_str,
                params={"base": base_cur, "symbols": dest_cur, "rtype": "fpy"},
                timeout=(self._timeout, self._timeout),
            )
            if resp.status_code != 200:
                raise RatesNotAvailableError(f"HTTP {resp.status_code} from the rate server")
            try:
                data = json.loads(resp.text, parse_float=Decimal, parse_int=Decimal)
            except ValueError as exc:
                raise RatesNotAvailableError(f"the answer is not JSON ({exc})") from None
            rates = data.get("rates") if isinstance(data, dict) else None
            value = rates.get(dest_cur) if isinstance(rates, dict) else None
            if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
                raise RatesNotAvailableError(f"no {dest_cur} rate in the answer")
            try:
                day = Date.fromisoformat(str(data.get("date")))
            except ValueError:
                raise RatesNotAvailableError("the answer has no valid 'date'") from None
            return value, day

    return TimedCurrencyRates, RatesNotAvailableError


def _with_deadline(fn: Callable[[], T], timeout: float) -> T:
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
