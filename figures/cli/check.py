"""`figures check PATH... [--date] [--format text|json] [--fail-on error|warning|never]`.

Text output groups the findings per document: the verdict, the sentence with the figures
marked, and the arithmetic. Colour only on a terminal (rich decides; NO_COLOR is honoured).
Exit codes: 0 ran and no finding reached --fail-on; 1 a finding did; 2 usage error or an input
that could not be read.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import TYPE_CHECKING

from figures.checks._common import SEVERITY_RANK
from figures.cli.extract import add_input_options, columns_of, with_country
from figures.cli.rates import table_from, table_options
from figures.cli.terminal import terminal_safe
from figures.model import Finding, Report

if TYPE_CHECKING:
    from figures.checks.runner import Tally

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
_SURROGATE = re.compile("[\ud800-\udfff]")
# Data printed on a terminal: escape sequences, controls and lone surrogates become U+FFFD
# one for one (offsets into the text stay valid).
_safe = terminal_safe

_STATUS_STYLE = {"consistent": "green", "inconsistent": "red", "unverifiable": "yellow"}
_SEV_STYLE = {"info": "green", "warning": "yellow", "error": "bold red"}
_MARK = {"consistent": "✓", "inconsistent": "✗", "unverifiable": "?"}
_SNIPPET = 320


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "check", help="cross-check the figures: conversions, restated facts, sums, changes",
        description="Extract the figures of the documents and check them against each other "
                    "and against dated exchange rates. Consistent findings are shown too.")
    add_input_options(p)
    p.add_argument("--format", choices=("text", "json", "csv"), default="text",
                   help="text (default; colour on a terminal), json, or csv (one row per finding)")
    p.add_argument("--fail-on", choices=("error", "warning", "never"), default="error",
                   help="exit 1 when a finding reaches this severity (default: error)")
    p.add_argument("--to", metavar="CUR", default="USD",
                   help="currency to normalize money to (default: USD)")
    table_options(p)
    p.add_argument("--checks", metavar="NAMES",
                   help="comma-separated checks to run (default: all)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.set_defaults(func=run)


def _documents(args, failures: list) -> Iterator:
    from figures.io.inputs import InputFailure, read_documents

    def warn(msg: str) -> None:
        if not args.quiet:
            print(f"figures: warning: {msg}", file=sys.stderr)

    for item in read_documents(args.paths, date=args.date, columns=columns_of(args),
                               encoding=args.encoding, warn=warn, max_bytes=args.max_bytes):
        if isinstance(item, InputFailure):
            failures.append(item)
            print(f"figures: error: {item.message}", file=sys.stderr)
        yield with_country(args, item)


def run(args: argparse.Namespace) -> int:
    from figures.checks import CHECK_NAMES
    from figures.checks.runner import check_documents
    from figures.cli.extract import open_output
    from figures.errors import FiguresError

    only = None
    if args.checks:
        only = [c.strip() for c in args.checks.split(",") if c.strip()]
        bad = [c for c in only if c not in CHECK_NAMES]
        if bad:
            raise FiguresError(f"unknown check(s) {', '.join(bad)}; choose from "
                               f"{', '.join(CHECK_NAMES)}")
    failures: list = []
    table = _table(args)
    report = check_documents(_documents(args, failures), table=table,
                             to=args.to.upper() if args.to else None, only=only)
    if args.to:
        from figures.normalize.rates.user import tell_after_table

        tell_after_table((d.date for d in report.documents), table, quiet=args.quiet)
    # Each writer walks the findings once and counts them on the way (summary and exit code):
    # a large document's findings live on disk (figures.checks.spill), each pass a full read.
    with open_output(args.output) as out:
        if args.format == "json":
            tally = write_json(report, out)
        elif args.format == "csv":
            tally = write_csv(report, out)
        else:
            tally = render_text(report, _SafeTexts(report), out)
    if failures:
        return EXIT_USAGE
    return exit_code(report, args.fail_on, tally)


class _SafeTexts:
    """{document name: its text made terminal-safe}, made when asked and only the last one
    kept: one copy of one document at a time, not a second copy of every text."""

    def __init__(self, report: Report) -> None:
        self._texts = {d.doc: d.text for d in report.documents if d.text}
        self._last: tuple[str, str] | None = None

    def get(self, doc: str, default: str = "") -> str:
        if self._last is not None and self._last[0] == doc:
            return self._last[1]
        text = self._texts.get(doc)
        if text is None:
            return default
        self._last = (doc, _safe(text))
        return self._last[1]


def write_json(report: Report, out) -> Tally:
    """`json.dumps(report_dict(report), indent=1)` and a line end, rendered once and streamed
    one finding at a time; returns the counts of the findings written.

    Like before, the whole text is ASCII (`ensure_ascii=True`) when it would hold a lone
    surrogate, which UTF-8 cannot encode, and UTF-8 otherwise. A document's findings quote
    only its name and text; cross findings may quote documents not in the report, and are
    few and in memory: they are looked at whole. When none of these holds a surrogate (the
    usual case, and one flag to read for an ASCII text), the pieces go straight out;
    otherwise they are kept in a spool and escaped as they are copied out, when a surrogate
    was met."""
    from figures.checks.runner import Tally

    tally = Tally()
    pieces = json_pieces(report, ensure_ascii=False, tally=tally)
    if not any(map(_has_surrogate, _sources(report))):
        for piece in pieces:
            # Not expected (every string of a finding comes from a name or a text); escaped
            # in place so the JSON stays valid and reads back the same.
            out.write(_escape_surrogates(piece) if _has_surrogate(piece) else piece)
        out.write("\n")
        return tally
    with tempfile.SpooledTemporaryFile(max_size=1 << 24, mode="w+", encoding="utf-8",
                                       errors="surrogatepass", newline="") as spool:
        seen = False
        for piece in pieces:
            seen = seen or _has_surrogate(piece)
            spool.write(piece)
        spool.seek(0)
        while chunk := spool.read(1 << 20):
            out.write(ascii_json(chunk) if seen else chunk)
    out.write("\n")
    return tally


def _sources(report: Report) -> Iterator[str]:
    for d in report.documents:
        yield d.doc
        yield d.error or ""
        yield d.text or ""
    for f in report.cross_findings:
        yield json.dumps(f.to_dict(), ensure_ascii=False)


def _has_surrogate(s: str) -> bool:
    return not s.isascii() and _SURROGATE.search(s) is not None  # isascii(): one flag


_NOT_ASCII = re.compile("[^\x00-\x7e]")


def _u_escape(m: re.Match) -> str:
    c = ord(m.group())
    if c < 0x10000:
        return f"\\u{c:04x}"
    c -= 0x10000
    return f"\\u{0xd800 | (c >> 10):04x}\\u{0xdc00 | (c & 0x3ff):04x}"


def ascii_json(text: str) -> str:
    """JSON written with `ensure_ascii=False` as `ensure_ascii=True` writes it: outside its
    strings JSON is ASCII, and within them both escape quotes, backslashes and controls the
    same way and differ only in the characters from DEL up, which ASCII mode writes as
    `\\uXXXX` (a UTF-16 pair above U+FFFF)."""
    return _NOT_ASCII.sub(_u_escape, text)


def _escape_surrogates(text: str) -> str:
    return _SURROGATE.sub(_u_escape, text)


def json_pieces(report: Report, *, ensure_ascii: bool, tally: Tally | None = None) -> Iterator[str]:
    """`json.dumps(report_dict(report), indent=1)` as a sequence of pieces, one finding at a
    time (same text: each nested value is dumped with indent=1 and indented to its depth).
    With `tally`, each finding is counted into it as it is dumped and the summary is made
    from it, not from a second reading of the findings."""
    from figures.checks.runner import summary

    def dump(value, depth: int) -> str:
        s = json.dumps(value, ensure_ascii=ensure_ascii, indent=1)
        return s.replace("\n", "\n" + " " * depth) if depth else s

    def array(items, depth: int) -> Iterator[str]:
        first = True
        pad = "\n" + " " * (depth + 1)
        for f in items:
            if tally is not None:
                tally.add(f)
            yield ("[" if first else ",") + pad + dump(f.to_dict(), depth + 1)
            first = False
        yield "[]" if first else "\n" + " " * depth + "]"

    yield '{\n "documents": '
    if not report.documents:
        yield "[]"
    for i, d in enumerate(report.documents):
        head = {"doc": d.doc, "date": d.date.isoformat() if d.date else None,
                "date_source": d.date_source, "figures": len(d.figures)}
        yield ("[" if i == 0 else ",") + "\n  {"
        for k, v in head.items():
            yield f"\n   {dump(k, 0)}: {dump(v, 3)},"
        yield '\n   "findings": '
        yield from array(d.findings, 3)
        if d.error:
            yield f',\n   "error": {dump(d.error, 3)}'
        yield "\n  }"
    if report.documents:
        yield "\n ]"
    yield ',\n "cross_findings": '
    yield from array(report.cross_findings, 1)
    yield f',\n "summary": {dump(summary(report, tally), 1)}\n}}'


def write_csv(report: Report, out) -> Tally:
    """`figures.io.export.write_findings_csv(report, out)`, written one batch of findings at a
    time instead of one list of rows for the whole report; returns the counts of the findings."""
    import csv
    from itertools import islice

    from figures.checks.runner import Tally
    from figures.io.export import FINDING_FIELDS, csv_cell, finding_rows
    from figures.model import DocResult

    w = csv.writer(out, lineterminator="\r\n")  # export's line end (RFC 4180)
    w.writerow(FINDING_FIELDS)
    tally = Tally()

    def write(d: DocResult | None, findings) -> None:
        it = iter(findings)
        while batch := tuple(islice(it, 1024)):
            for f in batch:
                tally.add(f)
            part = Report((DocResult(d.doc, None, (), batch),)) if d else Report((), batch)
            for r in finding_rows(part):
                w.writerow([csv_cell(r[k]) for k in FINDING_FIELDS])

    for d in report.documents:
        write(d, d.findings)
    write(None, report.cross_findings)
    return tally


def _table(args: argparse.Namespace):
    """The default table, plus the user's --rates CSVs where given (their currencies win)."""
    return table_from(args)


def exit_code(report: Report, fail_on: str, tally: Tally | None = None) -> int:
    """`tally`: the counts of every finding of the report, if a writer made them."""
    if fail_on == "never":
        return EXIT_OK
    limit = SEVERITY_RANK[fail_on]
    if tally is not None:
        severities: Iterable[str] = tally.severity
    else:
        findings = chain.from_iterable([*(d.findings for d in report.documents),
                                        report.cross_findings])
        severities = (f.severity for f in findings)
    hit = any(SEVERITY_RANK.get(s, 0) >= limit for s in severities)
    return EXIT_FINDINGS if hit else EXIT_OK


# ---- text rendering --------------------------------------------------------------------------

def _ws(s: str) -> str:
    return re.sub(r"\s+", " ", s)


def _snippets(text: str, finding: Finding, doc: str | None, plain: bool):
    """One line per sentence holding mentions of `doc`, the mentions marked (bold underline
    on a terminal, »…« without colour)."""
    from rich.text import Text

    from figures.extract.sentences import SENTENCE_END

    ms = sorted((m for m in finding.mentions if m.doc == doc), key=lambda m: m.start)
    if not ms:
        return []
    if not text:
        return [Text(_safe(" · ".join(m.text for m in ms)), style="bold underline")]
    groups: list[tuple[int, int, list]] = []
    for m in ms:
        lo = max(0, m.start - _SNIPPET)
        starts = [x.end() for x in SENTENCE_END.finditer(text, lo, m.start)]
        s = starts[-1] if starts else lo
        nxt = SENTENCE_END.search(text, m.end, min(len(text), m.end + _SNIPPET))
        e = nxt.end() if nxt else min(len(text), m.end + _SNIPPET)
        if groups and s < groups[-1][1]:
            gs, ge, gm = groups[-1]
            groups[-1] = (gs, max(ge, e), [*gm, m])
        else:
            groups.append((s, e, [m]))
    out = []
    for s, e, gm in groups:
        t = Text()
        if s > 0 and text[s - 1] != "\n" and not SENTENCE_END.match(text, max(0, s - 2), s):
            t.append("…")
        pos = s
        for m in gm:
            if m.start < pos:
                continue
            t.append(_ws(text[pos:m.start]).lstrip() if pos == s else _ws(text[pos:m.start]))
            mt = _ws(text[m.start:m.end])
            if plain:
                t.append(f"»{mt}«")
            else:
                t.append(mt, style="bold underline")
            pos = m.end
        t.append(_ws(text[pos:e]).rstrip())
        if e < len(text) and not SENTENCE_END.match(text, max(0, e - 1), e + 1) and text[e - 1] not in ".!?\n":
            t.append("…")
        out.append(t)
    return out


def _render_finding(console, f: Finding, texts: dict[str, str], plain: bool) -> None:
    from rich.text import Text

    head = Text("  ")
    head.append(f"{_MARK.get(f.status, '-')} {f.status}", style=_STATUS_STYLE.get(f.status, ""))
    head.append(f" [{f.severity}]", style=_SEV_STYLE.get(f.severity, ""))
    head.append(f"  {f.check}", style="bold")
    console.print(head)
    docs = list(dict.fromkeys(m.doc for m in f.mentions))
    for d in docs:
        for snip in _snippets(texts.get(d or "", ""), f, d, plain):
            line = Text()
            line.append(f"      {_safe(str(d))}: " if len(docs) > 1 else "      ", style="dim")
            console.print(line + snip)
    console.print(Text("      → ") + Text(_safe(f.message)))


def render_text(report: Report, texts: dict[str, str], out) -> Tally:
    from rich.console import Console
    from rich.text import Text

    from figures.checks.runner import Tally, summary
    from figures.report.humanize import count

    console = Console(file=out, highlight=False)
    plain = not console.is_terminal or console.no_color
    if not console.is_terminal:
        console.soft_wrap = True  # a file or a pipe: one line per item, no hard wrapping
    tally = Tally()
    for d in report.documents:
        head = Text(_safe(d.doc), style="bold")
        date = f"{d.date} ({d.date_source})" if d.date else "undated"
        head.append(f"  {date}  {count(len(d.figures), 'figure')}, "
                    f"{count(len(d.findings), 'finding')}", style="dim")
        console.print(head)
        if d.error:
            console.print(Text(f"  unreadable: {_safe(d.error)}", style="bold red"))
        for f in d.findings:
            tally.add(f)
            _render_finding(console, f, texts, plain)
        console.print()
    if report.cross_findings:
        console.print(Text("Across documents", style="bold"))
        for f in report.cross_findings:
            tally.add(f)
            _render_finding(console, f, texts, plain)
        console.print()
    s = summary(report, tally)
    line = Text("Summary: ", style="bold")
    parts = [count(s["documents"], "document"), count(s["figures"], "figure"),
             count(s["findings"], "finding")]
    line.append(", ".join(parts))
    for status in ("consistent", "inconsistent", "unverifiable"):
        n = s["by_status"].get(status, 0)
        if n:
            line.append(f"  {n} {status}", style=_STATUS_STYLE[status])
    for sev in ("error", "warning"):
        n = s["by_severity"].get(sev, 0)
        if n:
            line.append(f"  ({n} {sev}{'s' if n > 1 else ''})", style=_SEV_STYLE[sev])
    if s["unreadable"]:
        line.append(f"  {s['unreadable']} unreadable", style="bold red")
    console.print(line)
    return tally
