"""The optional live provider against a fake rate server on 127.0.0.1 (never the network)."""

from __future__ import annotations

import json
import socket
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest

import figures.live as live
from figures.errors import RateUnavailable, UnknownCurrency
from figures.live import LiveRates


def _extra_installed() -> bool:
    import importlib.util

    return all(importlib.util.find_spec(m) is not None for m in ("forex_python", "requests"))


# The tests that talk to the fake server need the optional extra; the others run without it.
needs_live_extra = pytest.mark.skipif(
    not _extra_installed(),
    reason="the optional live extra is not installed: pip install 'figures[live]'")

SLOW_SECONDS = 1.5  # the "slow" route sleeps this long, bounded, then answers


class FakeRates(BaseHTTPRequestHandler):
    """Routes by the first path segment: /ok/, /later/, /old/, /error/, /garbage/, /norate/,
    /float/, /slow/. Answers like theratesapi.com: {"base", "date", "rates": {...}}."""

    seen: list[dict] = []  # noqa: RUF012  (the test reads what the server was asked)

    def log_message(self, *args):  # keep pytest output clean
        pass

    def do_GET(self):
        url = urlparse(self.path)
        route, _, day = url.path.strip("/").partition("/")
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        FakeRates.seen.append({"route": route, "day": day, **query})
        answer_day = day if day != "latest" else "2021-10-19"
        if route == "later":
            answer_day = "2021-10-25"
        if route == "old":
            answer_day = "2021-09-01"
        if route == "error":
            return self._send(500, b"internal error")
        if route == "garbage":
            return self._send(200, b"<html>not json</html>")
        if route == "slow":
            time.sleep(SLOW_SECONDS)
        rates = {} if route == "norate" else {query.get("symbols", "USD"): "RATE"}
        body = json.dumps({"base": query.get("base"), "date": answer_day, "rates": rates})
        # Write the number literally, as the API does; json.loads must read it as Decimal.
        number = "1.23456789012345678901" if route != "float" else "0"
        self._send(200, body.replace('"RATE"', number).encode())

    def _send(self, status: int, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except OSError:  # the client gave up (timeout test)
            pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeRates)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05},
                              daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


@needs_live_extra
def test_success_gives_a_decimal_rate_with_its_day(server):
    r = LiveRates(base_url=f"{server}/ok", timeout=2).rate("CNY", "USD", "2021-10-19")
    assert r.value == Decimal("1.23456789012345678901") and type(r.value) is Decimal
    assert (r.base, r.quote, r.date, r.rate_date, r.source) == (
        "CNY", "USD", date(2021, 10, 19), date(2021, 10, 19), "live")
    asked = FakeRates.seen[-1]
    assert asked == {"route": "ok", "day": "2021-10-19", "base": "CNY", "symbols": "USD",
                     "rtype": "fpy"}


@needs_live_extra
def test_latest_and_trailing_slash(server):
    r = LiveRates(base_url=f"{server}/ok/", timeout=2).rate("EUR", "USD")
    assert r.rate_date == date(2021, 10, 19) and FakeRates.seen[-1]["day"] == "latest"


@needs_live_extra
@pytest.mark.parametrize(
    ("route", "expect"),
    [
        ("error", r"HTTP 500"),
        ("garbage", r"not JSON"),
        ("norate", r"no USD rate"),
        ("float", r"no USD rate"),  # zero is not a rate
        ("later", r"later day \(2021-10-25\)"),
        ("old", r"more than 5 days earlier"),
    ],
)
def test_bad_answers_become_rate_unavailable(server, route, expect):
    with pytest.raises(RateUnavailable, match=expect) as info:
        LiveRates(base_url=f"{server}/{route}", timeout=2).rate("CNY", "USD", "2021-10-19")
    assert "\n" not in str(info.value) and "live rate CNY/USD on 2021-10-19" in str(info.value)


@needs_live_extra
def test_timeout_becomes_rate_unavailable(server):
    start = time.monotonic()
    with pytest.raises(RateUnavailable, match=r"timed out|Timeout|timeout"):
        LiveRates(base_url=f"{server}/slow", timeout=0.3).rate("CNY", "USD", "2021-10-19")
    assert time.monotonic() - start < SLOW_SECONDS  # gave up before the server answered


@needs_live_extra
def test_connection_refused_becomes_rate_unavailable():
    with socket.socket() as s:  # a port that was free a moment ago: nothing listens there
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(RateUnavailable, match="ConnectionError") as info:
        LiveRates(base_url=f"http://127.0.0.1:{port}/", timeout=1).rate("CNY", "USD", "2021-10-19")
    assert "\n" not in str(info.value)


def test_missing_extra_becomes_rate_unavailable(monkeypatch):
    live._client.cache_clear()
    monkeypatch.setitem(sys.modules, "forex_python.converter", None)  # import now fails
    try:
        with pytest.raises(RateUnavailable, match=r"pip install 'figures\[live\]'"):
            LiveRates(base_url="http://127.0.0.1:9/").rate("CNY", "USD", "2021-10-19")
    finally:
        live._client.cache_clear()


def test_misuse_is_not_hidden_and_identity_needs_no_server():
    p = LiveRates(base_url="http://127.0.0.1:9/")
    with pytest.raises(UnknownCurrency):
        p.rate("XYZ", "USD", "2021-10-19")
    assert p.rate("USD", "USD", "2021-10-19").value == 1


def test_default_points_at_forex_pythons_api():
    assert LiveRates().base_url.startswith("https://") and LiveRates().timeout > 0
