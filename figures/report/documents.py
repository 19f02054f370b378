"""One document's section: its text with every figure highlighted, its findings beside it,
and the findings that span several documents."""

from __future__ import annotations

from collections.abc import Sequence

from figures.model import DocResult
from figures.report.escape import esc
from figures.report.findings import finding_html, status_badge
from figures.report.spans import STATUS_RANK, ReportModel, Span, layout
from figures.report.values import DATA_ATTR, figure_data


def mark_open(m: ReportModel, s: Span, *, extra_class: str = "") -> str:
    status = m.status_of(s)
    cls = f"fig k-{s.kind}" + (f" st-{status}" if status in STATUS_RANK else "") + extra_class
    attrs = [("class", cls), ("id", s.id), ("tabindex", "0"), ("role", "button"),
             ("data-kind", s.kind)]
    if s.figure is not None:
        for k, v in figure_data(s.figure).items():
            if k != "kind":
                attrs.append((DATA_ATTR[k], v))
    else:
        attrs.append(("data-note", "a span named by a finding, not an extracted figure"))
    if status:
        attrs.append(("data-status", status))
    if s.findings:
        attrs.append(("data-findings", " ".join(s.findings)))
    return "<mark " + " ".join(f'{k}="{esc(v)}"' for k, v in attrs) + ">"


def _render_text(m: ReportModel, text: str, spans: Sequence[Span]) -> tuple[str, list[tuple[Span, str]]]:
    placed, skipped = layout(len(text), spans)
    # Events: closes before opens at one position; inner spans close first, outer open first.
    events: list[tuple[int, int, int, int, Span]] = []
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
        out.append(mark_open(m, s) if kind == 1 else "</mark>")
    out.append(esc(text[pos:]))
    return "".join(out), skipped


def doc_html(m: ReportModel, i: int, d: DocResult) -> str:
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
        items = "".join(f"<li>{mark_open(m, s, extra_class=' off-text')}{esc(s.text or '(no text)')}</mark> "
                        f'<span class="why">({esc(why)})</span></li>' for s, why in skipped)
        text_html += (f'<div class="skipped"><p>{len(skipped)} figure span{"s" if len(skipped) != 1 else ""} '
                      f"not highlighted in the text:</p><ul>{items}</ul></div>")
    own = [e for e in m.entries if e.owner == i]
    lst = "".join(finding_html(m, e, cross=False) for e in own)
    findings = (f'<ol class="findings">{lst}</ol>' if own
                else '<p class="none">No findings in this document.</p>')
    cross_ids = m.cross_by_doc.get(i, [])
    cross = ""
    if cross_ids:
        links = "".join(
            f'<li><a href="#{esc(fid)}">{status_badge(m.by_id[fid].finding.status)} '
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


def cross_html(m: ReportModel) -> str:
    cross = [e for e in m.entries if e.owner is None]
    if not cross:
        body = '<p class="none">No findings span several documents.</p>'
    else:
        body = f'<ol class="findings cross">{"".join(finding_html(m, e, cross=True) for e in cross)}</ol>'
    return (f'<section id="cross" aria-labelledby="cross-h"><h2 id="cross-h">Findings across '
            f"documents ({len(cross)})</h2>{body}</section>")
