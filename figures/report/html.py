"""The HTML report: one self-contained file (inline CSS, one inline script, no network).

    html = figures.report.to_html(report, texts={"a.txt": text})

What it shows: a summary (documents, figures by kind, findings by status), the conversion chart
(figures.report_chart), and per document the article text with every figure highlighted,
coloured by kind and outlined by the verdict of the findings it takes part in, next to a panel
of those findings with their arithmetic; then the findings that span several documents.

Security model: the article text, document names, figure and finding strings are untrusted.
Every one of them is escaped with `html.escape(..., quote=True)` (text and attributes alike);
the only data handed to the script is a JSON block whose `<`, `>`, `&`, U+2028 and U+2029 are
\\u-escaped so nothing can close the `<script>` element; the script builds DOM with
`textContent` only. A Content-Security-Policy meta allows nothing but inline styles, `data:`
images and the one script whose sha256 it names, so even an escaping bug could neither run an
injected script nor load anything.

Offsets: `Figure.start`/`end` are Python character offsets into the document text. The text is
rebuilt by slicing it at span boundaries, so the visible text is exactly the original. Spans
that nest are nested; a span that crosses another one (or lies outside the text, or is empty)
is not highlighted in the text and is listed below it instead, so the count of highlights
always equals the count of distinct figure spans.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from figures.model import Report
from figures.report.assets import csp, css, js, script_hash
from figures.report.chart import STATUS_ICON
from figures.report.documents import cross_html, doc_html
from figures.report.escape import SURROGATE, esc, json_for_script
from figures.report.overview import KIND_ABBREV, chart_html, summary_html
from figures.report.spans import ReportModel, build_model, layout

__all__ = ["KIND_ABBREV", "esc", "json_for_script", "layout", "to_html", "write_html"]


def _script_data(m: ReportModel) -> dict[str, Any]:
    return {
        "findings": {
            e.id: {
                "check": e.finding.check,
                "status": e.finding.status,
                "severity": e.finding.severity,
                "icon": STATUS_ICON.get(e.finding.status, "•"),
                "label": ", ".join(x.text for x in e.finding.mentions),
                "spans": [s.id for s in e.spans if s is not None],
            }
            for e in m.entries
        },
        "highlights": sum(len(x) for x in m.spans),
    }


def to_html(report: Report, *, texts: Mapping[str, str] | Sequence[str | None] | None = None,
            title: str = "figures report") -> str:
    """The report as one self-contained HTML document (a str).

    `texts` gives the documents' text: a mapping from document name, or a sequence aligned with
    `report.documents`; a DocResult with a `text` attribute needs none. Without a text, a
    document's figures are listed instead of highlighted."""
    if not isinstance(report, Report):
        from figures.errors import FiguresError

        raise FiguresError(f"to_html() needs a figures Report, got {type(report).__name__}; "
                           "make one with figures.check(...) or figures.check_documents(...)")
    m = build_model(report, texts)
    nav_items = ['<li><a href="#summary">Summary</a></li>',
                 '<li><a href="#chart-section">Conversion chart</a></li>']
    nav_items += [f'<li><a href="#doc-{i}">{esc(d.doc)}</a></li>' for i, d in enumerate(report.documents)]
    nav_items.append('<li><a href="#cross">Across documents</a></li>')
    docs_html = "".join(doc_html(m, i, d) for i, d in enumerate(report.documents))
    page = f"""<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(csp())}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="figures">
<title>{esc(title)}</title>
<style>{css()}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="top"><h1>{esc(title)}</h1>
<nav aria-label="Contents"><ul>{"".join(nav_items)}</ul></nav></header>
<main id="main">
{summary_html(m)}
{chart_html(m)}
{docs_html}
{cross_html(m)}
</main>
<footer><p>Made by figures. Self-contained: no network access, no external files.</p></footer>
<div id="tip" class="tip" role="tooltip" hidden></div>
<script type="application/json" id="figures-data">{json_for_script(_script_data(m))}</script>
<script>{js()}</script>
</body>
</html>
"""
    # Lone surrogates (a non-UTF-8 file name, escaped JSON text) cannot be written as UTF-8:
    # U+FFFD instead, one for one. Offsets were applied before, so nothing shifts.
    return SURROGATE.sub("\ufffd", page) if SURROGATE.search(page) else page


def write_html(report: Report, path: str | os.PathLike, **kwargs: Any) -> Path:
    """Write `to_html(report, **kwargs)` to `path` atomically (UTF-8); returns the path."""
    from figures.errors import InputError

    out = Path(path)
    page = to_html(report, **kwargs)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".tmp", dir=out.parent or ".")
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror})") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="\n") as f:
            f.write(page)
        os.chmod(tmp, 0o644)
        os.replace(tmp, out)
    except OSError as exc:
        with _suppress():
            os.unlink(tmp)
        raise InputError(f"{out}: cannot write ({exc.strerror})") from None
    return out


class _suppress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return True


def __getattr__(name: str) -> str:
    # CSS, JS and CSP stay importable names (the tests and users read them), computed lazily.
    lazy = {"CSS": css, "JS": js, "CSP": csp, "CSP_SCRIPT_HASH": script_hash}
    if name in lazy:
        return lazy[name]()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
