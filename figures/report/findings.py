"""One finding as HTML: its verdict badge, mentions linked to their spans, message and arithmetic."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from figures.report.chart import STATUS_ICON
from figures.report.escape import esc
from figures.report.spans import STATUS_RANK, Entry, ReportModel
from figures.report.values import fmt_value

_LONG_LIST = 8


def status_badge(status: str) -> str:
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
            items = "".join(f"<li>{esc(fmt_value(x))}</li>" for x in v)
            val = (f"<details><summary>{len(v)} items</summary><ul class=\"long\">{items}</ul>"
                   "</details>")
        else:
            val = esc(fmt_value(v, str(k)))
        rows.append(f"<dt>{label}</dt><dd>{val}</dd>")
    return f'<dl class="details">{"".join(rows)}</dl>'


def _mention_link(m: ReportModel, e: Entry, i: int, *, with_doc: bool) -> str:
    mention = e.finding.mentions[i]
    sp = e.spans[i] if i < len(e.spans) else None
    label = mention.text
    if with_doc and mention.doc:
        label = f"{mention.doc}: {label}"
    if sp is None:
        return f'<span class="mref unlinked">{esc(label)}</span>'
    return (f'<a class="mref" href="#{esc(sp.id)}" data-finding="{esc(e.id)}" '
            f'data-span="{esc(sp.id)}">{esc(label)}</a>')


def finding_html(m: ReportModel, e: Entry, *, cross: bool) -> str:
    f = e.finding
    span_ids = " ".join(s.id for s in e.spans if s is not None)
    st = f.status if f.status in STATUS_RANK else "other"
    links = ", ".join(_mention_link(m, e, i, with_doc=cross) for i in range(len(f.mentions)))
    show = (f'<button type="button" class="show" data-finding="{esc(e.id)}">Show in text</button>'
            if span_ids else "")
    return (
        f'<li class="finding st-{esc(st)}" id="{esc(e.id)}" data-spans="{esc(span_ids)}" '
        f'data-status="{esc(f.status)}" data-check="{esc(f.check)}">'
        f'<h4 class="f-head">{status_badge(f.status)} <span class="check">{esc(f.check)}</span> '
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
