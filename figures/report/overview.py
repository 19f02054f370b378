"""The report's tables: the summary (documents, figures by kind, findings by status and check)
and the conversion chart with its data table."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from enum import Enum

from figures.report.chart import STATUS_ICON, chart_rows, conversion_svg, fmt_decimal
from figures.report.escape import esc
from figures.report.findings import status_badge
from figures.report.spans import STATUS_RANK, STATUSES, ReportModel

KINDS = ("money", "quantity", "count", "percent", "duration", "ratio")

# One-letter labels shown after each highlight, so the kind never rests on colour alone.
KIND_ABBREV = {"money": "M", "quantity": "Q", "count": "N", "percent": "P", "duration": "D",
               "ratio": "R", "mention": "·"}


def summary_html(m: ReportModel) -> str:
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
        f"<tr><th scope=\"row\">{status_badge(s)}</th><td>{by_status[s]}</td></tr>"
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
{status_badge("consistent")} solid green, {status_badge("inconsistent")} solid red,
{status_badge("unverifiable")} dashed grey. Hover or focus a figure (Tab) for its normalized value,
rate, rate date and source; press Enter or click to list its findings.</p>
</section>"""


def chart_html(m: ReportModel) -> str:
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
        f"<td>{status_badge(r.status)}</td></tr>" for r in rows)
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
