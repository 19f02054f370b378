"""The optional live provider through forex-python's public API, with a fake `CurrencyRates`
put in place of `forex_python.converter` (never the network)."""

from __future__ import annotations

import sys
import threading
import time
import types
from datetime import date, timedelta
from decimal import Decimal

import pytest

from figures.errors import RateUnavailable, UnknownCurrency
from figures.normalize.rates import live
from figures.normalize.rates.live import LiveRates
from figures.rates import RateProvider

DAY = date(2021, 10, 19)
SLOW_SECONDS = 1.5


class FakeRates:
    """Stands in for forex_python.converter.CurrencyRates; `answer` is what get_rate returns (or
    raises, if it is an exception)."""

    answer: object = Decimal("0.15651858616244091")
    calls: list[tuple] = []  # noqa: RUF012  (the tests read what the provider asked)
    made: list[dict] = []  # noqa: RUF012
    release = threading.Event()

    def __init__(self, **kwargs):
        FakeRates.made.append(kwargs)

    def _give(self, value):
        if isinstance(value, BaseException):
            raise value
        if value == "hang":
            FakeRates.release.wait(SLOW_SECONDS)  # bounded, so the test run never hangs
            return Decimal("1")
        return value

    def get_rate(self, base_cur, dest_cur, date_obj=None):
        FakeRates.calls.append(("get_rate", base_cur, dest_cur, date_obj))
        return self._give(FakeRates.answer)

    def get_rates(self, base_cur, date_obj=None):
        FakeRates.calls.append(("get_rates", base_cur, date_obj))
        return self._give(FakeRates.answer)


class RatesNotAvailableError(Exception):
    pass


@pytest.fixture
def fake(monkeypatch):
    module = types.ModuleType("forex_python.converter")
    module.CurrencyRates = FakeRates
    module.RatesNotAvailableError = RatesNotAvailableError
    monkeypatch.setitem(sys.modules, "forex_python.converter", module)
    FakeRates.calls, FakeRates.made = [], []
    FakeRates.answer = Decimal("0.15651858616244091")
    FakeRates.release = threading.Event()
    yield FakeRates
    FakeRates.release.set()


def test_success_is_a_decimal_rate_for_the_requested_day_named_as_live(fake):
    r = LiveRates(timeout=2).rate("cny", "USD", "19 Oct 2021")
    assert r.value == Decimal("0.15651858616244091") and isinstance(r.value, Decimal)
    assert (r.base, r.quote, r.date, r.rate_date) == ("CNY", "USD", DAY, DAY)
    assert r.source == "forex-python (live), rate date not reported"
    assert fake.made == [{"force_decimal": True}]  # the public constructor, asked for Decimals
    assert fake.calls == [("get_rate", "CNY", "USD", DAY)]  # the day itself, never "latest"


def test_latest_when_no_date_is_given(fake):
    r = LiveRates(timeout=2).rate("EUR", "USD")
    assert fake.calls == [("get_rate", "EUR", "USD", None)]
    assert r.date == r.rate_date == date.today()


def test_get_rates_keeps_known_codes_as_decimals(fake):
    fake.answer = {"USD": Decimal("1.1655"), "JPY": 132, "XAU": Decimal("0.0006"), "ZZZ": 1}
    out = LiveRates(timeout=2).rates("EUR", DAY)
    assert out == {"USD": Decimal("1.1655"), "JPY": Decimal(132), "XAU": Decimal("0.0006")}
    assert fake.calls == [("get_rates", "EUR", DAY)]


@pytest.mark.parametrize("answer, expect", [
    (0.1565185861624409, "as a float"),  # a float has lost the printed digits: refused
    (True, "no usable USD rate"),
    (None, "no usable USD rate"),
    (Decimal("NaN"), "no usable USD rate"),
    (Decimal("-1"), "no usable USD rate"),
    ("not a number", "no usable USD rate"),
])
def test_what_is_not_a_positive_decimal_is_refused(fake, answer, expect):
    fake.answer = answer
    with pytest.raises(RateUnavailable, match=expect):
        LiveRates(timeout=2).rate("CNY", "USD", DAY)


def test_a_number_given_as_text_or_int_is_read_exactly(fake):
    fake.answer = "0.156518586162440911"
    assert LiveRates(timeout=2).rate("CNY", "USD", DAY).value == Decimal("0.156518586162440911")


@pytest.mark.parametrize("error, expect", [
    (RatesNotAvailableError("Currency Rates Source Not Ready"), "RatesNotAvailableError: Currency"),
    (ConnectionError("Max retries exceeded\nwith url: /api/2021-10-19"), "ConnectionError: Max"),
    (ValueError("Expecting value: line 1 column 1"), "ValueError: Expecting value"),
])
def test_service_errors_are_one_line_rate_unavailable(fake, error, expect):
    fake.answer = error
    with pytest.raises(RateUnavailable, match=expect) as info:
        LiveRates(timeout=2).rate("CNY", "USD", DAY)
    message = str(info.value)
    assert "\n" not in message and message.startswith("live rate CNY/USD on 2021-10-19")


def test_a_hung_service_times_out_without_hanging(fake):
    fake.answer = "hang"
    start = time.perf_counter()
    with pytest.raises(RateUnavailable, match="timed out") as info:
        LiveRates(timeout=0.2).rate("CNY", "USD", DAY)
    assert time.perf_counter() - start < SLOW_SECONDS  # gave up before the fake answered
    assert "within 0.2 s" in str(info.value) and "\n" not in str(info.value)


def test_a_day_after_today_is_refused_before_any_call(fake):
    with pytest.raises(RateUnavailable, match="after today"):
        LiveRates(timeout=2).rate("CNY", "USD", date.today() + timedelta(days=2))
    assert fake.calls == []


def test_missing_extra_becomes_rate_unavailable(monkeypatch):
    monkeypatch.setitem(sys.modules, "forex_python.converter", None)  # import now fails
    with pytest.raises(RateUnavailable, match=r"pip install 'figures\[live\]'"):
        LiveRates().rate("CNY", "USD", DAY)


def test_misuse_is_not_hidden_and_identity_needs_no_service(fake):
    p = LiveRates()
    with pytest.raises(UnknownCurrency):
        p.rate("XYZ", "USD", DAY)
    assert p.rate("USD", "USD", DAY).value == 1
    assert fake.calls == []


def test_live_and_tables_are_rate_providers():
    from figures.normalize.rates.table import RateTable, ecb_table

    for provider in (LiveRates(), RateTable.default(), ecb_table()):
        assert isinstance(provider, RateProvider)
    assert live.DEFAULT_TIMEOUT > 0
