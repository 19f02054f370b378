"""The report's CSS and script (package files report.css and report.js), read at first use,
and the Content-Security-Policy that names the script's hash."""

from __future__ import annotations

import base64
import functools
import hashlib
from importlib import resources


def _asset(name: str) -> str:
    # Read at first use, not at import; the file's final newline is not part of the asset.
    return resources.files("figures.report").joinpath(name).read_text(encoding="utf-8").strip()


@functools.cache
def css() -> str:
    return _asset("report.css")


@functools.cache
def js() -> str:
    """The one inline script (report.js). It reads only the data-* attributes and the JSON
    block, and builds DOM with createElement/textContent (never innerHTML). Must not contain
    "</" or "<!--": it could end its own <script> element."""
    js = _asset("report.js")
    if "</" in js or "<!--" in js:
        raise RuntimeError("figures/report/report.js must not contain '</' or '<!--'")
    return js


@functools.cache
def script_hash() -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(js().encode("utf-8")).digest()).decode("ascii")


@functools.cache
def csp() -> str:
    return ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            f"script-src '{script_hash()}'; base-uri 'none'; form-action 'none'")
