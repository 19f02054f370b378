"""The report's model: every figure span per document, every finding, and which spans each
finding names; `layout` decides which spans can be highlighted in the text."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import Enum

from figures.model import Figure, Finding, Report

STATUSES = ("inconsistent", "unverifiable", "consistent")  # worst first

STATUS_RANK = {s: i for i, s in enumerate(STATUSES)}


@dataclass
class Span:
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
class Entry:
    id: str
    finding: Finding
    owner: int | None  # document index, None for cross-document findings
    spans: list[Span | None] = field(default_factory=list)  # aligned with finding.mentions


@dataclass
class ReportModel:
    report: Report
    texts: list[str | None]
    spans: list[list[Span]]  # per document, sorted by (start, -end)
    entries: list[Entry]
    by_id: dict[str, Entry]
    cross_by_doc: dict[int, list[str]]

    def status_of(self, span: Span) -> str | None:
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


def build_model(report: Report, texts) -> ReportModel:
    docs = report.documents
    texts_l = _resolve_texts(report, texts)
    index_of: dict[str, int] = {}
    for i, d in enumerate(docs):
        index_of.setdefault(d.doc, i)
    spans: list[dict[tuple[int, int], Span]] = [{} for _ in docs]
    for i, d in enumerate(docs):
        for f in d.figures:
            key = (f.start, f.end)
            if key not in spans[i]:
                spans[i][key] = Span(i, f.start, f.end, f.text, f)
    entries: list[Entry] = []
    for i, d in enumerate(docs):
        for f in d.findings:
            entries.append(Entry(f"f{len(entries)}", f, i))
    for f in report.cross_findings:
        entries.append(Entry(f"f{len(entries)}", f, None))
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
                sp = spans[di][key] = Span(di, m.start, m.end, m.text, None)
            if e.id not in sp.findings:
                sp.findings.append(e.id)
            e.spans.append(sp)
            if e.owner is None:
                cross_by_doc.setdefault(di, {})[e.id] = None
    ordered: list[list[Span]] = []
    for i, table in enumerate(spans):
        lst = sorted(table.values(), key=lambda s: (s.start, -s.end))
        for j, s in enumerate(lst):
            s.id = f"d{i}-s{j}"
        ordered.append(lst)
    return ReportModel(report, texts_l, ordered, entries, {e.id: e for e in entries},
                  {k: list(v) for k, v in cross_by_doc.items()})


def layout(text_len: int, spans: Sequence[Span]) -> tuple[list[Span], list[tuple[Span, str]]]:
    """(placed, skipped): spans that can be highlighted in the text (each nested in, or disjoint
    from, every other placed span), and the others with the reason. `spans` sorted by
    (start, -end). Deterministic: an earlier-starting (then longer) span wins."""
    placed: list[Span] = []
    skipped: list[tuple[Span, str]] = []
    stack: list[Span] = []
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
