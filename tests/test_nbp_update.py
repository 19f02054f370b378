"""`figures rates --update` refreshes the NBP tables into the user's data folder (issue 18 item 4).

A fake NBP API (an injected fetch, or a server on 127.0.0.1) answers a tiny JSON table: one
table A issue the day after the embedded copy ends; never the network.
"""

from __future__ import annotations

import json
import re
import socket
import threading
from datetime import date, timedelta
from decimal import Decimal
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources

import pytest

import figures.cli.app as cli
from figures.errors import FiguresError
from figures.normalize.rates import nbp, nbp_api
from figures.normalize.rates.table import DATA_FILE, RateTable, clear_default_cache
from figures.normalize.rates.user import NeedsInternet, update_nbp, user_folder

EMBEDDED_END = date.fromordinal(nbp.embedded().end)
NEW_DAY = EMBEDDED_END + timedelta(days=1)
TODAY = NEW_DAY + timedelta(days=9)
# Hand-written: 1 UAH = 0.0871 PLN and 1 EUR = 4.3021 PLN on the new day (UAH: not in the ECB's
# table, so the lookup goes to the NBP)
ANSWER = [{"table": "A", "no": "999/A/NBP/2026", "effectiveDate": NEW_DAY.isoformat(),
           "rates": [{"currency": "hrywna (Ukraina)", "code": "UAH", "mid": 0.0871},
                     {"currency": "euro", "code": "EUR", "mid": 4.3021}]}]


def _answer_for(url: str) -> bytes | None:
    m = re.search(r"/tables/([AB])/(\d{4}-\d\d-\d\d)/(\d{4}-\d\d-\d\d)/", url)
    assert m, url
    table, a, z = m[1], date.fromisoformat(m[2]), date.fromisoformat(m[3])
    assert (z - a).days < nbp_api.CHUNK_DAYS
    if table == "A" and a <= NEW_DAY <= z:
        return json.dumps(ANSWER).encode()
    return None  # the API's 404: no issue in that range


@pytest.fixture
def user_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    nbp.current.cache_clear()
    clear_default_cache()
    yield tmp_path / "data"
    nbp.current.cache_clear()
    clear_default_cache()


def test_chunks_are_at_most_93_days_and_cover_the_range():
    parts = nbp_api.chunks(date(2026, 1, 1), date(2026, 12, 31))
    assert parts[0][0] == date(2026, 1, 1) and parts[-1][1] == date(2026, 12, 31)
    assert all((z - a).days + 1 <= 93 for a, z in parts)
    assert all(parts[i][1] + timedelta(days=1) == parts[i + 1][0] for i in range(len(parts) - 1))


def test_update_writes_the_user_copy_and_lookups_name_it(user_data):
    result = update_nbp(fetch=lambda url, timeout: _answer_for(url), today=TODAY)
    assert result.last_day == NEW_DAY and result.previous_last == EMBEDDED_END
    folder = user_folder()
    assert folder.is_relative_to(user_data)
    assert {p.name for p in folder.iterdir()} >= {"nbp-a.csv.gz", "nbp-b.csv.gz", "manifest.json"}
    manifest = json.loads((folder / "manifest.json").read_text())
    assert {e["table"]: e["last_date"] for e in manifest["extra_tables"]}["A"] == str(NEW_DAY)
    r = RateTable.default().rate("UAH", "PLN", NEW_DAY)
    assert r.value == Decimal("0.0871") and "updated copy" in r.source and "NBP" in r.source
    # the old history is still there, under the same rule
    old = RateTable.default().rate("UAH", "PLN", EMBEDDED_END)
    assert old.value == nbp.embedded().fixing("UAH", EMBEDDED_END.toordinal()).value


@pytest.mark.parametrize("bad", [
    b"<html>maintenance</html>",
    json.dumps([{**ANSWER[0], "rates": [{"code": "UAH", "mid": "4.1"}]}]).encode(),  # a string
    json.dumps([{**ANSWER[0], "rates": [{"code": "UAH", "mid": -4.1}]}]).encode(),
    json.dumps([{**ANSWER[0], "rates": [{"code": "uah", "mid": 4.1}]}]).encode(),
    json.dumps([{**ANSWER[0], "table": "B"}]).encode(),
    json.dumps([{**ANSWER[0], "effectiveDate": "1999-01-04"}]).encode(),  # outside the range
])
def test_a_malformed_answer_leaves_the_old_data_intact(user_data, bad):
    update_nbp(fetch=lambda url, timeout: _answer_for(url), today=TODAY)
    before = {p.name: p.read_bytes() for p in user_folder().iterdir()}
    later = TODAY + timedelta(days=5)
    with pytest.raises(FiguresError):
        update_nbp(fetch=lambda url, timeout: bad if "/A/" in url else None, today=later)
    assert {p.name: p.read_bytes() for p in user_folder().iterdir()} == before
    assert RateTable.default().rate("UAH", "PLN", NEW_DAY).value == Decimal("0.0871")


def test_an_unreachable_api_writes_nothing(user_data):
    def offline(url, timeout):
        raise TimeoutError("timed out")

    with pytest.raises(NeedsInternet, match="needs the internet"):
        update_nbp(fetch=offline, today=TODAY)
    assert not user_folder().exists() or not any(user_folder().iterdir())


def test_nothing_new_writes_nothing(user_data):
    result = update_nbp(fetch=lambda url, timeout: None, today=TODAY)
    assert result.last_day == result.previous_last == EMBEDDED_END
    assert "up to date" in result.describe()
    assert not (user_folder() / "manifest.json").exists()


class _FakeNbp(BaseHTTPRequestHandler):
    def do_GET(self):
        body = _answer_for(self.path)
        if body is None:
            self.send_response(404)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def _ecb_file(tmp_path):
    """The embedded ECB table as a file:// URL: the ECB part of --update finds nothing newer."""
    p = tmp_path / "eurofxref-hist.zip"
    p.write_bytes(resources.files("currency_tables").joinpath(DATA_FILE).read_bytes())
    return p.as_uri()


def test_cli_update_from_a_local_fake_api(user_data, tmp_path, capsys):
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _FakeNbp)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        code = cli.main(["rates", "--update", "--update-from", _ecb_file(tmp_path),
                         "--update-nbp-from", f"http://127.0.0.1:{httpd.server_address[1]}/api"])
    finally:
        httpd.shutdown()
        httpd.server_close()
    out, err = capsys.readouterr()
    assert code == 0 and "NBP tables updated" in out and f"now end on {NEW_DAY}" in out, err
    code = cli.main(["rates", "UAH", "PLN", "--date", str(NEW_DAY)])
    out, _ = capsys.readouterr()
    assert code == 0 and "0.0871" in out and "updated copy" in out


def test_cli_update_offline_is_one_line_and_exit_2(user_data, tmp_path, capsys):
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    code = cli.main(["rates", "--update", "--update-from", _ecb_file(tmp_path),
                     "--update-nbp-from", f"http://127.0.0.1:{port}/api"])
    _, err = capsys.readouterr()
    assert code == 2 and err.count("\n") == 1 and "needs the internet" in err
    assert not (user_folder() / "nbp-a.csv.gz").exists()
