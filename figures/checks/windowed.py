"""Checking one very large document in bounded memory (issue 12 item 5).

A document of more than `WINDOW_THRESHOLD` characters (a 500 MB line, a CSV cell of 100 MB)
is never turned into one list of figures. Its text is read in extraction windows (the way a
streamed file is: `figures.io.inputs.OVERLAP_CHARS` of context either side, a figure kept by
the window its start lies in, one locale for the whole document taken from its opening), and
the figures flow, in order, through check windows: each check window owns `window` characters
and sees `CONTEXT` characters of figures either side, the checks run on those figures against
the whole text (the checks read the text only near a figure), and a finding is kept by the
window its first mention lies in. Findings and figures go to disk (figures.checks.spill) as
they are made, so memory holds the text, one window of figures and a constant.

What this changes, and only for such documents: a check that pairs figures far apart
(same_fact, difference's search for the two figures of a change, ambiguous_currency's settled
currencies, currency_confusion's share prices, rate_vs_capacity) sees the figures within
`CONTEXT` characters of the window, not the whole document, and the document does not take
part in cross-document checks. Checks that read one sentence or one pair of neighbours
(conversion, percent_change, sum, ambiguous_number, ambiguous_unit, no_rate, and the
same-paragraph pairs of currency_confusion) give the same findings as on the whole document
(tests/test_check_memory.py runs the corpus through tiny windows to show it).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date as Date
from typing import TYPE_CHECKING

from figures.checks import run_checks
from figures.checks._common import DocFigures
from figures.checks.spill import Spill
from figures.model import Figure, Finding, MentionRef

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

# Documents longer than this (characters) are checked in windows. An article is well below
# it; a whole document of this size costs about 90x its size in memory when checked whole.
WINDOW_THRESHOLD = 1_000_000
# Characters each check window owns. Its figures (about one per 40 characters) and the
# checks' caches are the constant part of the memory bound.
WINDOW = 262_144
# Characters of figures either side of a check window: more than a sentence either way
# (figures.checks._common.SENTENCE_REACH reads 600 characters each side of a figure), so a
# sentence that straddles a window edge is seen whole by the window that keeps its finding.
CONTEXT = 4096
# Characters each extraction window owns: its figures exist all at once (about 2.5 KB each
# before they go to disk), so this too is part of the constant.
EXTRACT_WINDOW = WINDOW


def finding_anchor(f: Finding) -> int:
    """Where a finding is filed in its document: its first mention (the runner sorts by it)."""
    return f.mentions[0].start if f.mentions else -1


def extraction_windows(text: str, size: int = EXTRACT_WINDOW) -> Iterator[tuple[int, int]]:
    """[start, end) own parts covering `text`, ending after a blank line or a line break in
    the second half of a window when there is one (as a streamed file's chunks do)."""
    from figures.io.inputs import OVERLAP_CHARS

    n = len(text)
    a = 0
    while a < n:
        if n - a <= size + OVERLAP_CHARS:
            yield a, n
            return
        b = a + size
        for sep in ("\n\n", "\n"):
            i = text.rfind(sep, a + size // 2, b)
            if i >= 0:
                b = i + len(sep)
                break
        yield a, b
        a = b


def extract_windowed(text: str, extract_window: Callable[[str], list[Figure]],
                     size: int = EXTRACT_WINDOW) -> Iterator[Figure]:
    """The figures of `text` in order, extracted window by window by `extract_window` (a
    function of a piece of text), offsets into the whole text."""
    from figures.io.inputs import OVERLAP_CHARS

    for a, b in extraction_windows(text, size):
        lo = max(0, a - OVERLAP_CHARS)
        figs = extract_window(text[lo:b + OVERLAP_CHARS])
        for f in figs:
            s = f.start + lo
            if a <= s < b:
                yield f.replace(start=s, end=f.end + lo) if lo else f


def check_windowed(doc: str | None, text: str, date: Date | None, figures: Iterable[Figure], *,
                   table: RateProvider | None = None, only: Sequence[str] | None = None,
                   window: int = WINDOW,
                   context: int = CONTEXT, order: Callable[[Finding], tuple] | None = None
                   ) -> tuple[Spill, Spill]:
    """Run the checks over `figures` (in order of start, offsets into `text`) window by
    window; returns (figures, findings) as Spills, findings in `order` within each window
    (windows are disjoint and in text order, so the whole sequence is in that order)."""
    all_figs = Spill()
    found = Spill()
    buf: list[Figure] = []  # figures starting at or after lo - context
    repeats: set[int] = set()  # _repeat_mark of the findings kept by earlier windows
    lo = 0

    def run(hi: int) -> None:
        nonlocal buf, lo
        if buf:
            # The checks get the window's own slice of the text (some read all of it, e.g.
            # the capitalised names of figures.checks.claims): every figure in `buf` has at
            # least `context` characters of text either side, more than a sentence reaches.
            base = max(0, lo - 2 * context)
            piece = text[base:hi + 2 * context]
            figs = tuple(f.replace(start=f.start - base, end=f.end - base) for f in buf) \
                if base else tuple(buf)
            fs = run_checks([DocFigures(doc, piece, date, figs)], table=table, only=only)
            if base:
                fs = [_shifted(f, base) for f in fs]
            kept = [f for f in fs if lo <= finding_anchor(f) < hi or (lo == 0 and finding_anchor(f) < 0)]
            # same_fact skips a passage repeated anywhere in its document; a window cannot
            # see the earlier copies, so a finding equal to one of an earlier window (same
            # message and details: same values, same sentences) is that repeat again.
            marks = [_repeat_mark(f) for f in kept]
            kept = [f for f, m in zip(kept, marks, strict=True) if m is None or m not in repeats]
            repeats.update(m for m in marks if m is not None)
            found.extend(sorted(kept, key=order) if order else kept)
        lo = hi
        buf = [f for f in buf if f.start >= lo - context]

    for f in figures:
        all_figs.append(f)
        while f.start >= lo + window + context:
            run(lo + window)
        buf.append(f)
    while buf and lo <= buf[-1].start:
        run(lo + window)
    return all_figs.close(), found.close()


# Checks that drop a passage repeated in their document (see check_windowed).
REPEAT_CHECKS = frozenset({"same_fact"})


def _repeat_mark(f: Finding) -> int | None:
    if f.check not in REPEAT_CHECKS:
        return None
    return hash((f.message, tuple(sorted((k, repr(v)) for k, v in f.details.items()))))


def _shifted(f: Finding, by: int) -> Finding:
    """`f` with its mentions' offsets moved `by` characters (from a slice into the text)."""
    ms = tuple(MentionRef(m.doc, m.start + by, m.end + by, m.text) for m in f.mentions)
    return Finding(f.check, f.status, f.severity, ms, f.message, f.details)
