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

import base64
import hashlib
import html
import json
import os
import re
import tempfile
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date as Date
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any

from figures.model import DocResult, Figure, Finding, Report
from figures.report.chart import STATUS_ICON, chart_rows, conversion_svg, fmt_decimal, round_cents

__all__ = ["KIND_ABBREV", "to_html", "write_html"]

STATUSES = ("inconsistent", "unverifiable", "consistent")  # worst first
STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}
KINDS = ("money", "quantity", "count", "percent", "duration", "ratio")
# One-letter labels shown after each highlight, so the kind never rests on colour alone.
KIND_ABBREV = {"money": "M", "quantity": "Q", "count": "N", "percent": "P", "duration": "D",
               "ratio": "R", "mention": "·"}
QUALIFIER_WORD = {"approx": "about", "gt": "more than", "ge": "at least", "lt": "less than",
                  "le": "at most"}
# details keys whose values are fractions; shown with a percentage too.
_FRACTION_KEYS = {"rel_diff", "tolerance", "rounding", "allowance", "best_rel_diff"}
_LONG_LIST = 8
_SURROGATE = re.compile("[\ud800-\udfff]")


# --------------------------------------------------------------------------------- escaping
def esc(value: object) -> str:
    """Escape for HTML text and attribute values alike. A carriage return becomes a character
    reference so the parser keeps it (raw CR LF would be folded to LF)."""
    return html.escape(str(value), quote=True).replace("\r", "&#13;")


def json_for_script(data: Any) -> str:
    """JSON safe inside <script type="application/json">: no '<', '>' or '&' (so neither
    '</script>' nor '<!--' can appear) and no raw U+2028/U+2029."""
    s = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return (s.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


# --------------------------------------------------------------------------------- formatting
def _fmt_value(v: Any, key: str = "") -> str:
    if v is None:
        return "—"
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, Decimal):
        if not v.is_finite():
            return str(v)
        s = fmt_decimal(v)
        if key in _FRACTION_KEYS:
            s += f" ({'+' if v > 0 and key.endswith('diff') else ''}{v * 100:.2f}%)"
        return s
    if isinstance(v, (int, float)):
        return f"{v:,}" if isinstance(v, int) else f"{v:g}"
    if isinstance(v, Date):
        return v.isoformat()
    if isinstance(v, Enum):
        return str(v.value)
    if isinstance(v, (tuple, list)):
        if len(v) == 2 and all(x is None or isinstance(x, (Decimal, int, float)) for x in v):
            lo, hi = (("−∞" if i == 0 else "+∞") if x is None else _fmt_value(x)
                      for i, x in enumerate(v))
            return f"[{lo}, {hi}]"
        return ", ".join(_fmt_value(x) for x in v)
    if isinstance(v, Mapping):
        return "; ".join(f"{k}: {_fmt_value(x, str(k))}" for k, x in v.items())
    return str(v)


def _amount(v: Decimal | None, lo: Decimal | None, hi: Decimal | None, unit: str | None) -> str:
    if v is not None:
        num = fmt_decimal(v)
    elif lo is not None or hi is not None:
        num = f"{fmt_decimal(lo) if lo is not None else '?'} – {fmt_decimal(hi) if hi is not None else '?'}"
    else:
        return ""
    return f"{unit} {num}" if unit else num


def _figure_data(f: Figure) -> dict[str, str]:
    """The tooltip's fields, as display strings (become data-* attributes)."""
    out: dict[str, str] = {"kind": str(f.kind.value if isinstance(f.kind, Enum) else f.kind)}
    cur = f.currency
    if f.kind == "money":
        unit = cur or ("?" + "/".join(f.currency_candidates) if f.currency_candidates else None)
        value = _amount(f.value, f.low, f.high, unit)
    else:
        value = _amount(f.value, f.low, f.high, None)
        if value and f.unit:
            value = f"{value} {f.unit}"
    if value:
        if f.per:
            value += f" per {f.per}"
        if f.qualifier:
            q = f.qualifier.value if isinstance(f.qualifier, Enum) else str(f.qualifier)
            value = f"{QUALIFIER_WORD.get(q, q)} {value}"
        if f.direction:
            d = f.direction.value if isinstance(f.direction, Enum) else str(f.direction)
            value += f" ({d})"
        out["value"] = value
    if f.normalized_value is not None or f.normalized_low is not None:
        out["normalized"] = _amount(
            round_cents(f.normalized_value) if f.normalized_value is not None else None,
            f.normalized_low, f.normalized_high, f.to_currency)
    if f.rate is not None and cur and f.to_currency:
        r = f"1 {cur} = {fmt_decimal(f.rate)} {f.to_currency}"
        if f.rate != 0:
            r += f" (1 {f.to_currency} = {fmt_decimal(1 / f.rate)} {cur})"
        out["rate"] = r
    if f.rate_date is not None:
        rd = f.rate_date.isoformat()
        if f.date is not None and f.date != f.rate_date:
            rd += f" (for {f.date.isoformat()})"
        out["rateDate"] = rd
    elif f.kind == "money" and f.date is None and f.normalized_value is None:
        out["rateDate"] = "no document date: not converted"
    if f.rate_source:
        out["source"] = f.rate_source
    if f.currency_basis:
        out["basis"] = f.currency_basis
    notes = [n for n in (f.rate_note, f.date_context) if n]
    if f.ambiguous:
        notes.insert(0, "ambiguous currency: " + ", ".join(f.currency_candidates))
    if notes:
        out["note"] = "; ".join(notes)
    return out


_DATA_ATTR = {"kind": "data-kind", "value": "data-value", "normalized": "data-normalized",
              "rate": "data-rate", "rateDate": "data-rate-date", "source": "data-source",
              "basis": "data-basis", "note": "data-note"}


# --------------------------------------------------------------------------------- the model
@dataclass
class _Span:
    doc_index: int
    start: int
    end: int
    text: str
    figure: Figure | None
    findings: list[str] = field(default_factory=list)
    id: str = ""

    @property
    def kind(self) -> str:
        if self.figure is None:
            return "mention"
        k = self.figure.kind
        return str(k.value if isinstance(k, Enum) else k)


@dataclass
class _Entry:
    id: str
    finding: Finding
    owner: int | None  # document index, None for cross-document findings
    spans: list[_Span | None] = field(default_factory=list)  # aligned with finding.mentions


@dataclass
class _Model:
    report: Report
    texts: list[str | None]
    spans: list[list[_Span]]  # per document, sorted by (start, -end)
    entries: list[_Entry]
    by_id: dict[str, _Entry]
    cross_by_doc: dict[int, list[str]]

    def status_of(self, span: _Span) -> str | None:
        sts = [self.by_id[i].finding.status for i in span.findings]
        known = [s for s in sts if s in STATUS_RANK]
        if known:
            return min(known, key=STATUS_RANK.__getitem__)
        return sts[0] if sts else None


def _resolve_texts(report: Report, texts) -> list[str | None]:
    out: list[str | None] = []
    for i, d in enumerate(report.documents):
        t = None
        if isinstance(texts, Mapping):
            t = texts.get(d.doc)
        elif texts is not None:
            t = texts[i] if i < len(texts) else None
        if t is None:
            t = getattr(d, "text", None)
        out.append(t if isinstance(t, str) else None)
    return out


def _build_model(report: Report, texts) -> _Model:
    docs = report.documents
    texts_l = _resolve_texts(report, texts)
    index_of: dict[str, int] = {}
    for i, d in enumerate(docs):
        index_of.setdefault(d.doc, i)
    spans: list[dict[tuple[int, int], _Span]] = [{} for _ in docs]
    for i, d in enumerate(docs):
        for f in d.figures:
            key = (f.start, f.end)
            if key not in spans[i]:
                spans[i][key] = _Span(i, f.start, f.end, f.text, f)
    entries: list[_Entry] = []
    for i, d in enumerate(docs):
        for f in d.findings:
            entries.append(_Entry(f"f{len(entries)}", f, i))
    for f in report.cross_findings:
        entries.append(_Entry(f"f{len(entries)}", f, None))
    cross_by_doc: dict[int, dict[str, None]] = {}  # ordered sets
    for e in entries:
        for m in e.finding.mentions:
            if m.doc is not None and m.doc in index_of:
                di = index_of[m.doc]
            elif m.doc is None and e.owner is not None:
                di = e.owner
            elif m.doc is None and len(docs) == 1:
                di = 0
            else:
                e.spans.append(None)
                continue
            key = (m.start, m.end)
            sp = spans[di].get(key)
            if sp is None:
                sp = spans[di][key] = _Span(di, m.start, m.end, m.text, None)
            if e.id not in sp.findings:
                sp.findings.append(e.id)
            e.spans.append(sp)
            if e.owner is None:
                cross_by_doc.setdefault(di, {})[e.id] = None
    ordered: list[list[_Span]] = []
    for i, table in enumerate(spans):
        lst = sorted(table.values(), key=lambda s: (s.start, -s.end))
        for j, s in enumerate(lst):
            s.id = f"d{i}-s{j}"
        ordered.append(lst)
    return _Model(report, texts_l, ordered, entries, {e.id: e for e in entries},
                  {k: list(v) for k, v in cross_by_doc.items()})


def layout(text_len: int, spans: Sequence[_Span]) -> tuple[list[_Span], list[tuple[_Span, str]]]:
    """(placed, skipped): spans that can be highlighted in the text (each nested in, or disjoint
    from, every other placed span), and the others with the reason. `spans` sorted by
    (start, -end). Deterministic: an earlier-starting (then longer) span wins."""
    placed: list[_Span] = []
    skipped: list[tuple[_Span, str]] = []
    stack: list[_Span] = []
    for s in spans:
        if not (0 <= s.start < s.end <= text_len):
            skipped.append((s, "outside the text" if s.start < s.end else "empty span"))
            continue
        while stack and stack[-1].end <= s.start:
            stack.pop()
        if stack and s.end > stack[-1].end:
            skipped.append((s, f"overlaps '{stack[-1].text}'"))
            continue
        placed.append(s)
        stack.append(s)
    return placed, skipped


# --------------------------------------------------------------------------------- rendering
def _mark_open(m: _Model, s: _Span, *, extra_class: str = "") -> str:
    status = m.status_of(s)
    cls = f"fig k-{s.kind}" + (f" st-{status}" if status in STATUS_RANK else "") + extra_class
    attrs = [("class", cls), ("id", s.id), ("tabindex", "0"), ("role", "button"),
             ("data-kind", s.kind)]
    if s.figure is not None:
        for k, v in _figure_data(s.figure).items():
            if k != "kind":
                attrs.append((_DATA_ATTR[k], v))
    else:
        attrs.append(("data-note", "a span named by a finding, not an extracted figure"))
    if status:
        attrs.append(("data-status", status))
    if s.findings:
        attrs.append(("data-findings", " ".join(s.findings)))
    return "<mark " + " ".join(f'{k}="{esc(v)}"' for k, v in attrs) + ">"


def _render_text(m: _Model, text: str, spans: Sequence[_Span]) -> tuple[str, list[tuple[_Span, str]]]:
    placed, skipped = layout(len(text), spans)
    # Events: closes before opens at one position; inner spans close first, outer open first.
    events: list[tuple[int, int, int, int, _Span]] = []
    for s in placed:
        events.append((s.start, 1, -s.end, 0, s))
        events.append((s.end, 0, -s.start, 0, s))
    events.sort(key=lambda e: e[:4])
    out: list[str] = []
    pos = 0
    for at, kind, _, _, s in events:
        if at > pos:
            out.append(esc(text[pos:at]))
            pos = at
        out.append(_mark_open(m, s) if kind == 1 else "</mark>")
    out.append(esc(text[pos:]))
    return "".join(out), skipped


def _status_badge(status: str) -> str:
    icon = STATUS_ICON.get(status, "•")
    return (f'<span class="badge st-{esc(status)}"><span aria-hidden="true">{esc(icon)}</span> '
            f"{esc(status)}</span>")


def _details_html(details: Mapping[str, Any]) -> str:
    if not details:
        return ""
    rows = []
    for k, v in details.items():
        label = esc(str(k).replace("_", " "))
        if isinstance(v, (tuple, list)) and len(v) > _LONG_LIST:
            items = "".join(f"<li>{esc(_fmt_value(x))}</li>" for x in v)
            val = (f"<details><summary>{len(v)} items</summary><ul class=\"long\">{items}</ul>"
                   "</details>")
        else:
            val = esc(_fmt_value(v, str(k)))
        rows.append(f"<dt>{label}</dt><dd>{val}</dd>")
    return f'<dl class="details">{"".join(rows)}</dl>'


def _mention_link(m: _Model, e: _Entry, i: int, *, with_doc: bool) -> str:
    mention = e.finding.mentions[i]
    sp = e.spans[i] if i < len(e.spans) else None
    label = mention.text
    if with_doc and mention.doc:
        label = f"{mention.doc}: {label}"
    if sp is None:
        return f'<span class="mref unlinked">{esc(label)}</span>'
    return (f'<a class="mref" href="#{esc(sp.id)}" data-finding="{esc(e.id)}" '
            f'data-span="{esc(sp.id)}">{esc(label)}</a>')


def _finding_html(m: _Model, e: _Entry, *, cross: bool) -> str:
    f = e.finding
    span_ids = " ".join(s.id for s in e.spans if s is not None)
    st = f.status if f.status in STATUS_RANK else "other"
    links = ", ".join(_mention_link(m, e, i, with_doc=cross) for i in range(len(f.mentions)))
    show = (f'<button type="button" class="show" data-finding="{esc(e.id)}">Show in text</button>'
            if span_ids else "")
    return (
        f'<li class="finding st-{esc(st)}" id="{esc(e.id)}" data-spans="{esc(span_ids)}" '
        f'data-status="{esc(f.status)}" data-check="{esc(f.check)}">'
        f'<h4 class="f-head">{_status_badge(f.status)} <span class="check">{esc(f.check)}</span> '
        f'<span class="sev sev-{esc(f.severity)}">{esc(f.severity)}</span></h4>'
        f'<p class="f-mentions">{links} {show}</p>'
        f'<p class="f-msg">{esc(f.message)}</p>'
        f"{_side_by_side(f)}{_details_html(f.details)}</li>"
    )


def _side_by_side(f) -> str:
    """Two reports of one claim (same_fact's sentence_a/sentence_b), next to each other."""
    a, b = f.details.get("sentence_a"), f.details.get("sentence_b")
    if not a or not b or len(f.mentions) < 2:
        return ""
    ma, mb = f.mentions[0], f.mentions[-1]
    return ('<div class="sbs">'
            f'<blockquote><cite>{esc(ma.doc or "")}</cite>{esc(a)}</blockquote>'
            f'<blockquote><cite>{esc(mb.doc or "")}</cite>{esc(b)}</blockquote></div>')


def _summary_html(m: _Model) -> str:
    r = m.report
    n_docs = len(r.documents)
    errors = sum(1 for d in r.documents if d.error)
    by_kind = Counter(str(f.kind.value if isinstance(f.kind, Enum) else f.kind) for f in r.figures)
    findings = [e.finding for e in m.entries]
    by_status = Counter(f.status for f in findings)
    by_check = Counter(f.check for f in findings)
    kinds = [k for k in KINDS if by_kind.get(k)] + sorted(k for k in by_kind if k not in KINDS)
    kind_rows = "".join(
        f'<tr><th scope="row"><span class="swatch k-{esc(k)}" aria-hidden="true">'
        f'{esc(KIND_ABBREV.get(k, "?"))}</span> {esc(k)}</th><td>{by_kind[k]}</td></tr>'
        for k in kinds) or '<tr><td colspan="2">none</td></tr>'
    statuses = [s for s in STATUSES if by_status.get(s)] + sorted(
        s for s in by_status if s not in STATUS_RANK)
    status_rows = "".join(
        f"<tr><th scope=\"row\">{_status_badge(s)}</th><td>{by_status[s]}</td></tr>"
        for s in statuses) or '<tr><td colspan="2">none</td></tr>'
    check_rows = "".join(f"<tr><th scope=\"row\">{esc(c)}</th><td>{n}</td></tr>"
                         for c, n in sorted(by_check.items(), key=lambda x: (-x[1], x[0])))
    doc_rows = []
    for i, d in enumerate(r.documents):
        c = Counter(f.status for f in d.findings)
        cross = len(m.cross_by_doc.get(i, []))
        verdicts = " ".join(f"{STATUS_ICON.get(s, '•')}{c[s]}" for s in STATUSES if c.get(s)) or "—"
        doc_rows.append(
            f'<tr><th scope="row"><a href="#doc-{i}">{esc(d.doc)}</a></th>'
            f"<td>{esc(d.date.isoformat() if d.date else 'undated')}</td>"
            f"<td>{len(d.figures) if not d.error else esc('unreadable')}</td>"
            f"<td>{len(d.findings)}</td><td>{esc(verdicts)}</td><td>{cross}</td></tr>")
    return f"""<section id="summary" aria-labelledby="summary-h">
<h2 id="summary-h">Summary</h2>
<p class="lede"><strong>{n_docs}</strong> document{"s" if n_docs != 1 else ""}{f" ({errors} unreadable)" if errors else ""},
<strong>{len(r.figures)}</strong> figures, <strong>{len(findings)}</strong> findings
(<strong>{len(r.cross_findings)}</strong> across documents).</p>
<div class="cards">
<table class="mini"><caption>Figures by kind</caption><tbody>{kind_rows}</tbody></table>
<table class="mini"><caption>Findings by status</caption><tbody>{status_rows}</tbody></table>
<table class="mini"><caption>Findings by check</caption><tbody>{check_rows or '<tr><td colspan="2">none</td></tr>'}</tbody></table>
</div>
<table class="docs"><caption>Documents</caption>
<thead><tr><th scope="col">document</th><th scope="col">date</th><th scope="col">figures</th>
<th scope="col">findings</th><th scope="col">verdicts</th><th scope="col">across documents</th></tr></thead>
<tbody>{"".join(doc_rows)}</tbody></table>
<p class="legend">How to read the text: each figure is shaded by kind and followed by a
one-letter label (M money, Q quantity, N count, P percent, D duration, R ratio). A figure that
takes part in a finding is outlined by the verdict and prefixed with its icon:
{_status_badge("consistent")} solid green, {_status_badge("inconsistent")} solid red,
{_status_badge("unverifiable")} dashed grey. Hover or focus a figure (Tab) for its normalized value,
rate, rate date and source; press Enter or click to list its findings.</p>
</section>"""


def _chart_html(m: _Model) -> str:
    rows, skipped = chart_rows((e.id, e.finding) for e in m.entries)
    conv = [e for e in m.entries if e.finding.check == "conversion"]
    head = '<section id="chart-section" aria-labelledby="chart-h"><h2 id="chart-h">Conversions: implied versus reference rate</h2>'
    if not rows:
        if conv:
            msg = (f"{len(conv)} conversion{'s' if len(conv) != 1 else ''} found, but none could be "
                   "compared with a reference rate (no document date or no rate); see the findings below.")
        else:
            msg = "No currency conversions were checked in these documents, so there is no chart."
        return f'{head}<p class="no-chart">{esc(msg)}</p></section>'
    note = (f"<p>{skipped} more conversion{'s' if skipped != 1 else ''} had no reference rate and "
            "are not on the chart.</p>" if skipped else "")
    trs = "".join(
        f'<tr><th scope="row"><a href="#{esc(r.finding_id)}">{esc(r.label)}</a></th>'
        f"<td>{esc(fmt_decimal(r.implied))}</td><td>{esc(fmt_decimal(r.implied_low))} – "
        f"{esc(fmt_decimal(r.implied_high))}</td><td>{esc(fmt_decimal(r.reference))}</td>"
        f"<td>{esc(r.rate_unit)}</td><td>{esc(r.rate_date)}</td>"
        f"<td>{esc(f'{Decimal(r.rel) * 100:+.2f}%')}</td><td>±{esc(f'{Decimal(r.tolerance) * 100:.2f}%')}</td>"
        f"<td>{_status_badge(r.status)}</td></tr>" for r in rows)
    table = ('<details class="chart-data"><summary>The chart as a table</summary><table class="docs">'
             "<thead><tr><th scope=\"col\">conversion</th><th scope=\"col\">implied</th>"
             "<th scope=\"col\">within rounding</th><th scope=\"col\">reference</th>"
             "<th scope=\"col\">unit</th><th scope=\"col\">rate date</th><th scope=\"col\">difference</th>"
             "<th scope=\"col\">tolerance</th><th scope=\"col\">verdict</th></tr></thead>"
             f"<tbody>{trs}</tbody></table></details>")
    return (f'{head}<p>Each row is one printed conversion. The marker is the rate the two printed '
            "figures imply, the bar the rates they admit within their rounding, the shaded band "
            "the tolerance around the reference rate of the document's date.</p>"
            f'<figure class="chart-box">{conversion_svg(rows)}</figure>{note}{table}</section>')


def _doc_html(m: _Model, i: int, d: DocResult) -> str:
    text = m.texts[i]
    spans = m.spans[i]
    date = d.date.isoformat() if d.date else "undated"
    src = f" (from the {d.date_source})" if d.date and d.date_source in ("text", "column") else ""
    meta = (f'<p class="meta">Date {esc(date)}{esc(src)} · {len(d.figures)} figures · '
            f"{len(d.findings)} findings</p>")
    h = f'<section class="doc" id="doc-{i}" aria-labelledby="doc-{i}-h"><h2 id="doc-{i}-h">{esc(d.doc)}</h2>'
    if d.error:
        return (f'{h}<p class="error" role="note"><strong>Not read:</strong> {esc(d.error)}</p>'
                "</section>")
    if text is not None:
        body, skipped = _render_text(m, text, spans)
        text_html = (f'<h3 class="sr-only" id="doc-{i}-text-h">Text</h3>'
                     f'<div class="text" id="doc-{i}-text">{body}</div>')
    else:
        skipped = [(s, "the document text was not given to the report") for s in spans]
        text_html = '<p class="note">The document text is not available; its figures are listed below.</p>'
    if skipped:
        items = "".join(f"<li>{_mark_open(m, s, extra_class=' off-text')}{esc(s.text or '(no text)')}</mark> "
                        f'<span class="why">({esc(why)})</span></li>' for s, why in skipped)
        text_html += (f'<div class="skipped"><p>{len(skipped)} figure span{"s" if len(skipped) != 1 else ""} '
                      f"not highlighted in the text:</p><ul>{items}</ul></div>")
    own = [e for e in m.entries if e.owner == i]
    lst = "".join(_finding_html(m, e, cross=False) for e in own)
    findings = (f'<ol class="findings">{lst}</ol>' if own
                else '<p class="none">No findings in this document.</p>')
    cross_ids = m.cross_by_doc.get(i, [])
    cross = ""
    if cross_ids:
        links = "".join(
            f'<li><a href="#{esc(fid)}">{_status_badge(m.by_id[fid].finding.status)} '
            f"{esc(m.by_id[fid].finding.check)}: "
            f"{esc(', '.join(x.text for x in m.by_id[fid].finding.mentions))}</a></li>"
            for fid in cross_ids)
        cross = (f'<h3 id="doc-{i}-x-h">Across documents ({len(cross_ids)})</h3>'
                 f'<ul class="xlinks" aria-labelledby="doc-{i}-x-h">{links}</ul>')
    panel = (f'<div class="panel js-only" id="doc-{i}-panel" aria-live="polite">'
             '<p class="hint">Select a highlighted figure (click it, or Tab to it and press Enter) '
             "to see its value, rate and findings here.</p></div>")
    aside = (f'<aside class="side" aria-labelledby="doc-{i}-f-h">{panel}'
             f'<h3 id="doc-{i}-f-h">Findings ({len(own)})</h3>{findings}{cross}</aside>')
    return f'{h}{meta}<div class="doc-body"><div class="text-col">{text_html}</div>{aside}</div></section>'


def _cross_html(m: _Model) -> str:
    cross = [e for e in m.entries if e.owner is None]
    if not cross:
        body = '<p class="none">No findings span several documents.</p>'
    else:
        body = f'<ol class="findings cross">{"".join(_finding_html(m, e, cross=True) for e in cross)}</ol>'
    return (f'<section id="cross" aria-labelledby="cross-h"><h2 id="cross-h">Findings across '
            f"documents ({len(cross)})</h2>{body}</section>")


def _script_data(m: _Model) -> dict[str, Any]:
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
    m = _build_model(report, texts)
    nav_items = ['<li><a href="#summary">Summary</a></li>',
                 '<li><a href="#chart-section">Conversion chart</a></li>']
    nav_items += [f'<li><a href="#doc-{i}">{esc(d.doc)}</a></li>' for i, d in enumerate(report.documents)]
    nav_items.append('<li><a href="#cross">Across documents</a></li>')
    docs_html = "".join(_doc_html(m, i, d) for i, d in enumerate(report.documents))
    page = f"""<!DOCTYPE html>
<html lang="en" class="no-js">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{esc(CSP)}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="figures">
<title>{esc(title)}</title>
<style>{CSS}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the report</a>
<header class="top"><h1>{esc(title)}</h1>
<nav aria-label="Contents"><ul>{"".join(nav_items)}</ul></nav></header>
<main id="main">
{_summary_html(m)}
{_chart_html(m)}
{docs_html}
{_cross_html(m)}
</main>
<footer><p>Made by figures. Self-contained: no network access, no external files.</p></footer>
<div id="tip" class="tip" role="tooltip" hidden></div>
<script type="application/json" id="figures-data">{json_for_script(_script_data(m))}</script>
<script>{JS}</script>
</body>
</html>
"""
    # Lone surrogates (a non-UTF-8 file name, escaped JSON text) cannot be written as UTF-8:
    # U+FFFD instead, one for one. Offsets were applied before, so nothing shifts.
    return _SURROGATE.sub("\ufffd", page) if _SURROGATE.search(page) else page


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


# --------------------------------------------------------------------------------- assets
CSS = """
:root{color-scheme:light;--fg:#1f2328;--muted:#57606a;--bg:#fff;--line:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--unk:#57606a;--focus:#0969da}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;color:var(--fg);background:var(--bg)}
.skip{position:absolute;left:-9999px}.skip:focus{left:8px;top:8px;background:#fff;padding:4px 8px;z-index:20;outline:3px solid var(--focus)}
.sr-only{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
header.top{padding:12px 24px;border-bottom:1px solid var(--line);background:#f6f8fa}
header.top h1{margin:0 0 4px;font-size:22px}
nav ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap;gap:4px 14px;font-size:13px}
main{padding:0 24px 24px;max-width:1500px}
h2{font-size:19px;margin:22px 0 8px;padding-top:6px;border-top:1px solid var(--line)}
h3{font-size:15px;margin:12px 0 6px}
h4{font-size:14px;margin:0 0 4px}
a{color:#0550ae}
a:focus-visible,button:focus-visible,summary:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.lede{margin:4px 0 10px}
.cards{display:flex;flex-wrap:wrap;gap:12px 28px;align-items:flex-start}
table{border-collapse:collapse;font-size:13px}
caption{text-align:left;font-weight:600;padding:2px 0;white-space:nowrap}
th,td{padding:2px 10px 2px 0;text-align:left;vertical-align:top}
table.docs{margin:10px 0}table.docs td,table.docs th{border-bottom:1px solid #eaeef2;padding:3px 12px 3px 0}
.legend{font-size:13px;color:var(--muted);max-width:1100px}
.swatch{display:inline-block;min-width:1.6em;text-align:center;font-size:11px;font-weight:700;border-radius:3px;padding:0 3px;color:#1f2328}
.badge{display:inline-block;font-size:12px;font-weight:600;border-radius:10px;padding:0 7px;border:1px solid;white-space:nowrap;background:#fff}
.badge.st-consistent{color:var(--ok)}.badge.st-inconsistent{color:var(--bad)}.badge.st-unverifiable{color:var(--unk);border-style:dashed}
.chart-box{margin:6px 0;overflow-x:auto}.chart{max-width:100%;height:auto}
.no-chart{padding:10px 14px;background:#f6f8fa;border:1px dashed var(--line);display:inline-block}
.doc .meta{color:var(--muted);font-size:13px;margin:0 0 8px}
.doc-body{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:24px}
@media (max-width:900px){.doc-body{grid-template-columns:1fr}}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:15px;line-height:1.9;max-width:78ch}
.side{position:sticky;top:8px;align-self:start;max-height:calc(100vh - 16px);overflow:auto;border-left:3px solid #eaeef2;padding-left:14px}
mark.fig{color:#1f2328;border-radius:3px;padding:0 1px;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone;border:2px solid transparent}
mark.fig::after{font-size:.62em;font-weight:700;vertical-align:super;line-height:0;margin-left:1px;color:#424a53}
.k-money{background:#fff0b3}.k-quantity{background:#d2e9ff}.k-count{background:#e8dcff}.k-percent{background:#ffdbe6}.k-duration{background:#ccf5e5}.k-ratio{background:#ffe3c4}.k-mention{background:#e6e9ec}
mark.k-money::after{content:"M"}mark.k-quantity::after{content:"Q"}mark.k-count::after{content:"N"}mark.k-percent::after{content:"P"}mark.k-duration::after{content:"D"}mark.k-ratio::after{content:"R"}mark.k-mention::after{content:"·"}
mark.st-consistent{border-color:var(--ok)}mark.st-inconsistent{border-color:var(--bad)}mark.st-unverifiable{border:2px dashed var(--unk)}
mark.st-consistent::before{content:"✔";color:var(--ok);font-weight:700;margin-right:2px}
mark.st-inconsistent::before{content:"✘";color:var(--bad);font-weight:700;margin-right:2px}
mark.st-unverifiable::before{content:"?";color:var(--unk);font-weight:700;margin-right:2px}
mark.fig:focus-visible,mark.fig:focus{outline:3px solid var(--focus);outline-offset:2px}
mark.fig.is-selected{box-shadow:0 0 0 3px #0969da55}
mark.fig.is-flash{animation:flash 1.6s ease-out 1}
@keyframes flash{0%,40%{box-shadow:0 0 0 6px #0969da}100%{box-shadow:0 0 0 0 #0969da00}}
@media (prefers-reduced-motion:reduce){mark.fig.is-flash{animation:none;box-shadow:0 0 0 4px #0969da}}
.skipped{font-size:13px;color:var(--muted);margin-top:10px}.skipped ul{margin:4px 0;padding-left:18px}
.panel{background:#f6f8fa;border:1px solid var(--line);border-radius:6px;padding:8px 10px;margin:8px 0 10px;font-size:13px}
.panel h3{margin:0 0 4px;font-size:14px}.hint{margin:0;color:var(--muted)}
.no-js .js-only{display:none}
ol.findings{list-style:none;margin:0;padding:0}
.finding{border:1px solid var(--line);border-left:5px solid var(--unk);border-radius:6px;padding:8px 10px;margin:0 0 10px;font-size:13px;scroll-margin-top:12px}
.finding.st-consistent{border-left-color:var(--ok)}.finding.st-inconsistent{border-left-color:var(--bad)}.finding.st-unverifiable{border-left-style:dashed}
.finding.is-active{box-shadow:0 0 0 3px #0969da66;background:#f3f8ff}
.finding .check{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);border:1px solid var(--line);border-radius:3px;padding:0 4px}
.sev-error{color:var(--bad);border-color:var(--bad)}
.f-mentions,.f-msg{margin:3px 0}
.f-msg{overflow-wrap:anywhere}
button.show{font:inherit;font-size:12px;padding:0 8px;border:1px solid var(--line);border-radius:4px;background:#fff;cursor:pointer;color:#0550ae}
dl.details{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:1px 10px;margin:6px 0 0;color:#24292f}
dl.details dt{color:var(--muted)}dl.details dd{margin:0;overflow-wrap:anywhere}
ul.long{margin:2px 0;padding-left:16px;columns:2}
.sbs{display:grid;grid-template-columns:1fr 1fr;gap:8px;margin:6px 0}.sbs blockquote{margin:0;padding:4px 8px;border-left:3px solid var(--muted)}.sbs cite{display:block;font-size:.85em;color:var(--muted)}
.xlinks{padding-left:18px;font-size:13px}
.error{background:#ffebe9;border:1px solid var(--bad);padding:8px;border-radius:6px}
.tip{position:absolute;z-index:10;max-width:420px;background:#fff;color:#1f2328;border:1px solid #8c959f;border-radius:6px;box-shadow:0 6px 18px #1f232833;padding:8px 10px;font-size:13px}
.tip[hidden]{display:none}
.tip-text{font-weight:700;margin:0 0 4px}
dl.kv{display:grid;grid-template-columns:max-content minmax(0,1fr);gap:0 10px;margin:0}
dl.kv dt{color:var(--muted)}dl.kv dd{margin:0;overflow-wrap:anywhere}
.tip-h{margin:6px 0 2px;font-weight:600}.tip-findings{margin:0;padding-left:16px}
footer{padding:8px 24px;color:var(--muted);font-size:12px;border-top:1px solid var(--line)}
@media print{.tip,.panel,.skip,nav{display:none}.side{position:static;max-height:none}}
""".strip()

# The one inline script. It reads only the data-* attributes and the JSON block, and builds
# DOM with createElement/textContent (never innerHTML). Must not contain "</".
JS = r"""
(function () {
  "use strict";
  var root = document.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");
  var data = {findings: {}};
  try { data = JSON.parse(document.getElementById("figures-data").textContent); } catch (e) {}
  var findings = data.findings || {};
  var tip = document.getElementById("tip");
  var FIELDS = [["kind", "Kind"], ["value", "Value"], ["normalized", "Normalized"],
    ["rate", "Rate"], ["rateDate", "Rate date"], ["source", "Source"],
    ["basis", "Currency from"], ["status", "Verdict"], ["note", "Note"]];
  var marks = Array.prototype.slice.call(document.querySelectorAll("mark.fig"));
  var reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function ids(mark) { return (mark.getAttribute("data-findings") || "").split(" ").filter(Boolean); }
  function label(id) {
    var f = findings[id];
    return f ? f.icon + " " + f.status + " \u00b7 " + f.check + ": " + f.label : id;
  }
  function describe(mark, box, links) {
    box.appendChild(el("p", "tip-text", mark.textContent));
    var dl = el("dl", "kv");
    FIELDS.forEach(function (f) {
      var v = mark.dataset[f[0]];
      if (v) { dl.appendChild(el("dt", null, f[1])); dl.appendChild(el("dd", null, v)); }
    });
    box.appendChild(dl);
    var list = ids(mark);
    if (!list.length) { box.appendChild(el("p", "tip-h", "No findings involve this figure.")); return; }
    box.appendChild(el("p", "tip-h", list.length === 1 ? "1 finding" : list.length + " findings"));
    var ul = el("ul", "tip-findings");
    list.forEach(function (id) {
      var li = el("li");
      if (links) {
        var a = el("a", "flink", label(id));
        a.setAttribute("href", "#" + id);
        a.setAttribute("data-finding", id);
        li.appendChild(a);
      } else { li.textContent = label(id); }
      ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  var current = null, timer = null;
  function showTip(mark) {
    clearTimeout(timer);
    if (current && current !== mark) { current.removeAttribute("aria-describedby"); }
    current = mark;
    clear(tip);
    describe(mark, tip, false);
    tip.hidden = false;
    mark.setAttribute("aria-describedby", "tip");
    var r = mark.getBoundingClientRect();
    var sx = window.pageXOffset, sy = window.pageYOffset;
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var left = Math.min(sx + r.left, sx + document.documentElement.clientWidth - w - 8);
    var top = sy + r.bottom + 6;
    if (r.bottom + h + 12 > window.innerHeight && r.top > h + 12) { top = sy + r.top - h - 6; }
    tip.style.left = Math.max(sx + 4, left) + "px";
    tip.style.top = top + "px";
  }
  function hideTip() {
    clearTimeout(timer);
    tip.hidden = true;
    if (current) { current.removeAttribute("aria-describedby"); }
    current = null;
  }
  function hideSoon() { clearTimeout(timer); timer = setTimeout(hideTip, 300); }

  function activate(list) {
    Array.prototype.forEach.call(document.querySelectorAll(".finding.is-active"), function (n) {
      n.classList.remove("is-active");
    });
    list.forEach(function (id) {
      var n = document.getElementById(id);
      if (n) { n.classList.add("is-active"); }
    });
  }
  function select(mark) {
    marks.forEach(function (m) { m.classList.remove("is-selected"); });
    mark.classList.add("is-selected");
    activate(ids(mark));
    var sec = mark.closest("section.doc");
    var panel = sec && sec.querySelector(".panel");
    if (panel) {
      clear(panel);
      panel.appendChild(el("h3", null, "Selected figure"));
      describe(mark, panel, true);
    }
    document.body.setAttribute("data-selected", mark.id);
  }
  function flash(fid, focusId) {
    var f = findings[fid];
    if (!f) { return; }
    activate([fid]);
    var spans = f.spans.map(function (s) { return document.getElementById(s); }).filter(Boolean);
    spans.forEach(function (s) {
      s.classList.remove("is-flash");
      void s.offsetWidth;
      s.classList.add("is-flash");
    });
    setTimeout(function () { spans.forEach(function (s) { s.classList.remove("is-flash"); }); }, 2500);
    var target = (focusId && document.getElementById(focusId)) || spans[0];
    if (target) {
      target.scrollIntoView({block: "center", behavior: reduced ? "auto" : "smooth"});
      target.focus({preventScroll: true});
    }
    document.body.setAttribute("data-flashed", fid);
  }

  document.addEventListener("mouseover", function (e) {
    var m = e.target.closest && e.target.closest("mark.fig");
    if (m) { showTip(m); } else if (e.target.closest && e.target.closest("#tip")) { clearTimeout(timer); }
  });
  document.addEventListener("mouseout", function (e) {
    var m = e.target.closest && e.target.closest("mark.fig, #tip");
    if (m && !(e.relatedTarget && m.contains(e.relatedTarget)) && document.activeElement !== current) { hideSoon(); }
  });
  document.addEventListener("focusin", function (e) {
    var m = e.target.closest && e.target.closest("mark.fig");
    if (m) { showTip(m); } else { hideTip(); }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hideTip(); return; }
    var m = e.target.closest && e.target.closest("mark.fig");
    if (m && (e.key === "Enter" || e.key === " ")) { e.preventDefault(); select(m); }
  });
  document.addEventListener("click", function (e) {
    var t = e.target;
    if (!t.closest) { return; }
    var b = t.closest("button.show");
    if (b) { flash(b.getAttribute("data-finding")); return; }
    var a = t.closest("a.mref");
    if (a) { e.preventDefault(); flash(a.getAttribute("data-finding"), a.getAttribute("data-span")); return; }
    var fl = t.closest("a.flink");
    if (fl) { activate([fl.getAttribute("data-finding")]); return; }
    var m = t.closest("mark.fig");
    if (m) { select(m); }
  });
  window.addEventListener("resize", hideTip);

  document.body.setAttribute("data-highlights", String(marks.length));
  document.body.setAttribute("data-findings", String(Object.keys(findings).length));
  document.body.setAttribute("data-ready", "1");
})();
""".strip()

CSP_SCRIPT_HASH = "sha256-" + base64.b64encode(hashlib.sha256(JS.encode("utf-8")).digest()).decode("ascii")
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
       f"script-src '{CSP_SCRIPT_HASH}'; base-uri 'none'; form-action 'none'")

if "</" in JS or "<!--" in JS:  # pragma: no cover - the script must not be able to end itself
    raise RuntimeError("figures.report.html.JS must not contain '</' or '<!--'")
