"""Check one or several documents: extraction, normalization and every check, as one Report.

    >>> import figures
    >>> r = figures.check("Xiaomi will invest RMB 10 billion ($1.54 billion).", date="2021-10-19")
    >>> [(f.check, f.status) for f in r.findings]
    [('conversion', 'inconsistent')]

Checks that compare documents (same_fact, currency_confusion, rate_vs_capacity, difference)
run over all documents of one call; a finding whose mentions lie in one document is filed
under that document (`DocResult.findings`), one spanning documents under
`Report.cross_findings`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import date as Date
from typing import TYPE_CHECKING, Any

from figures.checks import CHECK_NAMES, run_checks
from figures.checks._common import SEVERITY_RANK, DocFigures
from figures.errors import FiguresError, InputError
from figures.model import DocResult, Document, Figure, Finding, Report

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

__all__ = ["check", "check_documents", "report_dict", "worst_severity"]

DEFAULT_TO = "USD"


def _as_date(value) -> Date | None:
    from figures.normalize.dates import parse_date

    return parse_date(value, what="date")


def _documents(text_or_texts, date, docs, country=None) -> list[Document]:
    from figures.extract import check_country
    from figures.normalize.dates import find_document_date

    cc = check_country(country)

    if isinstance(text_or_texts, (str, Document)):
        items = [text_or_texts]
        names = [docs] if isinstance(docs, str) else list(docs or [])
    else:
        items = list(text_or_texts)
        names = [docs] if isinstance(docs, str) else list(docs or [])
    if names and len(names) != len(items):
        raise InputError(f"docs= names {len(names)} documents but {len(items)} texts were given; "
                         "pass one name per text")
    fixed = _as_date(date)
    out = []
    for i, item in enumerate(items):
        if isinstance(item, Document):
            d, src = item.date, item.date_source
            if fixed is not None:
                d, src = fixed, "argument"
            out.append(Document(names[i] if names else item.doc, item.text, d, src, item.offset,
                                cc or item.country))
            continue
        if not isinstance(item, str):
            raise InputError(f"check() needs a str, a Document or a list of them, got "
                             f"{type(item).__name__}")
        name = names[i] if names else ("text" if len(items) == 1 else f"text{i + 1}")
        if fixed is not None:
            out.append(Document(name, item, fixed, "argument", country=cc))
        else:
            found = find_document_date(item)
            out.append(Document(name, item, found, "text" if found else None, country=cc))
    return out


def check(text_or_texts: str | Document | Iterable[str | Document], *, date=None,
          table: RateProvider | None = None,
          docs: str | Sequence[str] | None = None, to: str | None = DEFAULT_TO,
          only: Iterable[str] | None = None, country: str | None = None) -> Report:
    """Extract, normalize (money to `to` at each document's date) and check one text or several.

    `date` (a date or 'YYYY-MM-DD') applies to every text; without it a text's own date line
    ("date 2023-02-11") is used, if any. `docs` names the texts (default 'text', or 'text1',
    'text2', ...). `table` is a RateTable (default: the embedded ECB table). `only` restricts
    the checks (names in figures.checks.CHECK_NAMES). `country` ('AU', 'en_AU') is every
    text's locale: it decides what bare '$', 'Rs', 'R' or 'cents' mean (default: each text's
    own evidence, figures.extract.locale).
    """
    return check_documents(_documents(text_or_texts, date, docs, country), table=table, to=to,
                           only=only)


def check_documents(documents: Iterable, *, table: RateProvider | None = None,
                    to: str | None = DEFAULT_TO, only: Iterable[str] | None = None,
                    window: int | None = None) -> Report:
    """Check `figures.model.Document`s (and pass through `figures.inputs.InputFailure`s as
    documents with an error) as one run; cross-document checks see all of them.

    Documents are kept apart by position, never by name: a repeated name (two folders'
    news.txt, duplicate ids) gets ' #2', ' #3' in input order, so every output names each
    document once. Chunks of one streamed file (offset > 0) join the document before them.

    A document longer than `figures.checks.windowed.WINDOW_THRESHOLD` characters (a streamed
    file always is) is checked in windows of `window` characters (default
    figures.checks.windowed.WINDOW) so memory stays bounded; its figures and findings are
    sequences kept on disk (figures.checks.spill). See figures.checks.windowed for what that
    changes for checks that compare figures far apart."""
    from figures.extract import extract
    from figures.io.inputs import Chunk, UniqueNames, is_continuation

    if to is not None:
        from figures.normalize.currencies import check_code

        to = check_code(to)
    only_t = tuple(only) if only is not None else None
    names = UniqueNames()
    # one entry per input item, in order: [name, date, date_source, error, text parts, figures]
    # (a large document: figures is the _Big holding what to check it with, done at the end)
    entries: list[list] = []
    for item in documents:
        if not isinstance(item, Document):
            doc = getattr(item, "doc", "?")
            msg = getattr(item, "message", None) or str(item)
            entries.append([names(str(doc)), None, None, msg, [], []])
            continue
        chunk = is_continuation(item) and bool(entries) and entries[-1][3] is None
        name = names(item.doc, chunk=chunk)
        if chunk and isinstance(entries[-1][5], _Big):
            entries[-1][4].append(item.owned_text if isinstance(item, Chunk) else item.text)
            continue
        if not chunk and (isinstance(item, Chunk) or len(item.text) > _threshold(window)):
            text = item.owned_text if isinstance(item, Chunk) else item.text
            entries.append([name, item.date, item.date_source, None, [text],
                            _Big(getattr(item, "country", None))])
            continue
        try:
            figs = extract(item.text, date=item.date, doc=name,
                           country=getattr(item, "country", None))
            text = item.text
            if isinstance(item, Chunk):  # its own part only: the overlap is its neighbours'
                figs = [f.replace(start=f.start + item.offset - item.own_start,
                                  end=f.end + item.offset - item.own_start)
                        for f in figs if item.owns(f.start)]
                text = item.owned_text
        except FiguresError as exc:
            if chunk:
                entries[-1][3] = str(exc)
            else:
                entries.append([name, item.date, item.date_source, str(exc), [], []])
            continue
        if to is not None:
            figs = _normalize(figs, to, item.date, table)
        if chunk:
            base = sum(len(t) for t in entries[-1][4])
            entries[-1][4].append(text)
            entries[-1][5].extend(f.replace(start=f.start + base, end=f.end + base) for f in figs)
        else:
            entries.append([name, item.date, item.date_source, None, [text], figs])
    run: list[DocFigures] = []
    for e in entries:
        if e[3] is None and not isinstance(e[5], _Big):
            text = e[4][0] if len(e[4]) == 1 else "".join(e[4])
            e[4] = text
            run.append(DocFigures(e[0], text, e[1], tuple(e[5])))
    findings = run_checks(run, table=table, only=only_t) if run else []
    del run
    for e in entries:
        if e[3] is None and isinstance(e[5], _Big):
            _check_big(e, to=to, table=table, only=only_t, window=window)
    return _assemble(entries, findings)


class _Big:
    """A large document's pending check: its locale, then its (figures, findings) Spills."""

    __slots__ = ("country", "figures", "findings")

    def __init__(self, country: str | None) -> None:
        self.country = country
        self.figures: Sequence[Figure] = ()
        self.findings: Sequence[Finding] = ()


def _threshold(window: int | None) -> int:
    from figures.checks.windowed import WINDOW_THRESHOLD

    return WINDOW_THRESHOLD if window is None else min(WINDOW_THRESHOLD, window)


def _check_big(e: list, *, to: str | None, table: RateProvider | None, only: Iterable[str] | None,
               window: int | None) -> None:
    """Extract and check one large document window by window (figures.checks.windowed)."""
    from figures.checks.windowed import EXTRACT_WINDOW, WINDOW, check_windowed, extract_windowed
    from figures.extract import document_locale, extract

    name, date, parts, big = e[0], e[1], e[4], e[5]
    text = parts[0] if len(parts) == 1 else "".join(parts)
    parts.clear()
    e[4] = text
    size = min(window or WINDOW, EXTRACT_WINDOW)
    # One locale for the whole document, read from its opening, as for a streamed file.
    country = big.country or document_locale(text[:size]).country

    def one(piece: str) -> list[Figure]:
        figs = extract(piece, date=date, doc=name, country=country)
        return _normalize(figs, to, date, table) if to is not None else figs

    try:
        big.figures, big.findings = check_windowed(
            name, text, date, extract_windowed(text, one, size), table=table, only=only,
            window=window or WINDOW, order=_order)
    except FiguresError as exc:
        e[3] = str(exc)


def _normalize(figs: list[Figure], to: str, date: Date | None,
               table: RateProvider | None) -> list[Figure]:
    from figures.normalize.convert import normalize

    out = []
    for f in figs:
        if f.kind == "money" and date is not None:
            try:
                f = normalize(f, to, table=table, date=date)
            except FiguresError as exc:
                f = f.replace(to_currency=to, date=date, rate_note=str(exc))
        out.append(f)
    return out


def _order(f: Finding) -> tuple:
    m = f.mentions[0] if f.mentions else None
    return (m.start if m else -1, CHECK_NAMES.index(f.check) if f.check in CHECK_NAMES else 99)


def _assemble(entries: list[list], findings: list[Finding]) -> Report:
    """DocResults in input order; each finding filed under the one document its mentions lie
    in (names are unique within a run), else across documents."""
    by_doc: dict[str, list[Finding]] = {}
    cross: list[Finding] = []
    for f in findings:
        docs = {m.doc for m in f.mentions}
        if len(docs) == 1:
            by_doc.setdefault(str(next(iter(docs))), []).append(f)
        else:
            cross.append(f)
    out = []
    for name, date, src, error, text, figs in entries:
        if error is not None:
            out.append(DocResult(name, date, (), (), error, src, None))
            continue
        if isinstance(figs, _Big):  # already in order, and never mentioned by another document
            out.append(DocResult(name, date, figs.figures, figs.findings, None, src, text))
            continue
        fs = sorted(by_doc.pop(name, []), key=_order)
        out.append(DocResult(name, date, tuple(figs), tuple(fs), None, src, text))
    for rest in by_doc.values():  # a mention of a document not in the run: keep, never drop
        cross.extend(rest)
    return Report(tuple(out), tuple(cross))


def _all_findings(report: Report) -> Iterable[Finding]:
    """Every finding, one at a time (Report.findings would build one list of them all, and a
    large document's findings live on disk)."""
    for d in report.documents:
        yield from d.findings
    yield from report.cross_findings


def worst_severity(report: Report) -> str | None:
    worst = None
    for f in _all_findings(report):
        if worst is None or SEVERITY_RANK.get(f.severity, 0) > SEVERITY_RANK[worst]:
            worst = f.severity
    return worst


class Tally:
    """The finding counts of `summary`, kept while a writer walks the findings anyway, so
    summary() need not read them all again (a large document's findings live on disk)."""

    def __init__(self) -> None:
        self.n = 0
        self.status: Counter = Counter()
        self.severity: Counter = Counter()
        self.checks: Counter = Counter()

    def add(self, f: Finding) -> None:
        self.n += 1
        self.status[f.status] += 1
        self.severity[f.severity] += 1
        self.checks[f.check] += 1


def summary(report: Report, tally: Tally | None = None) -> dict[str, Any]:
    """The counts of the report; `tally`: the counts of every finding of the report, in the
    report's order (documents, then cross_findings), made by the caller."""
    if tally is None:
        tally = Tally()
        for f in _all_findings(report):
            tally.add(f)
    return {
        "documents": len(report.documents),
        "unreadable": sum(1 for d in report.documents if d.error),
        "figures": sum(len(d.figures) for d in report.documents),
        "findings": tally.n,
        "by_status": dict(tally.status),
        "by_severity": dict(tally.severity),
        "by_check": dict(tally.checks),
        "cross_document": len(report.cross_findings),
    }


def report_dict(report: Report) -> dict[str, Any]:
    """The `figures check --format json` object (DESIGN.md section 4), JSON-ready."""
    docs = []
    for d in report.documents:
        entry: dict[str, Any] = {
            "doc": d.doc,
            "date": d.date.isoformat() if d.date else None,
            "date_source": d.date_source,
            "figures": len(d.figures),
            "findings": [f.to_dict() for f in d.findings],
        }
        if d.error:
            entry["error"] = d.error
        docs.append(entry)
    return {
        "documents": docs,
        "cross_findings": [f.to_dict() for f in report.cross_findings],
        "summary": summary(report),
    }

