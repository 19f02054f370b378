"""`figures check` in bounded memory (issue 12 item 5): a very large document is checked in
windows (figures.checks.windowed), its figures and findings kept on disk (figures.checks.spill),
and the CLI writes JSON and CSV one finding at a time.

The windowed path must give the findings of the whole path wherever a check reads only a
sentence or a pair of neighbours; these tests force the corpus through tiny windows to show it.
The memory test measures allocation sizes (tracemalloc), never time.
"""

from __future__ import annotations

import io
import itertools
import json
import pickle
import tracemalloc
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

import pytest

from figures.checks._common import DocFigures
from figures.checks.runner import _order, check, check_documents, report_dict, summary
from figures.checks.spill import Spill
from figures.checks.windowed import check_windowed, extract_windowed, extraction_windows
from figures.cli.check import ascii_json, exit_code, json_pieces, render_text, write_csv, write_json
from figures.extract import document_locale, extract
from figures.io.export import write_findings_csv
from figures.model import DocResult, Document, Report

REPO = Path(__file__).resolve().parents[1]
WORLD = REPO / "tests" / "corpus" / "world"
# Checks that read one sentence or a pair of neighbouring figures: the same in any window.
LOCAL = ("conversion", "percent_change", "sum", "ambiguous_number", "ambiguous_unit", "no_rate")


def _corpus() -> list[tuple[str, str, str | None, str | None]]:
    """(name, text, date, country) of the seeds and the world corpus articles."""
    out = [(p.name, p.read_text(encoding="utf-8"), None, None) for p in sorted((REPO / "seeds").glob("*.txt"))]
    for line in (WORLD / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            out.append((d["id"], (WORLD / d["file"]).read_text(encoding="utf-8"), d["date"], d["country"]))
    return out


CORPUS = _corpus()
IDS = [c[0] for c in CORPUS]


def _doc(name, text, date, country) -> Document:
    r = check(text, date=date, docs=name, country=country, only=())
    return Document(name, text, r.documents[0].date, r.documents[0].date_source, country=country)


def _whole(doc: Document, only=None) -> tuple[DocFigures, list[dict]]:
    """The figures and findings of the whole-document path, findings in the runner's order."""
    r = check_documents([doc], only=only)
    d = r.documents[0]
    return DocFigures(d.doc, doc.text, d.date, tuple(d.figures)), [f.to_dict() for f in d.findings]


def test_corpus_is_there():
    assert len(CORPUS) >= 40


@pytest.mark.parametrize("name,text,date,country", CORPUS, ids=IDS)
def test_windows_that_see_every_figure_give_the_whole_findings(name, text, date, country):
    """Three windows, each with context over the whole text: every check, exactly the same
    findings in the same order (the anchor filter and the ordering lose and add nothing)."""
    doc = _doc(name, text, date, country)
    figs, whole = _whole(doc)
    _, found = check_windowed(figs.doc, text, figs.date, figs.figures, window=len(text) // 3 + 1,
                              context=len(text) + 1, order=_order)
    assert [f.to_dict() for f in found] == whole


@pytest.mark.parametrize("name,text,date,country", CORPUS, ids=IDS)
def test_tiny_windows_keep_the_local_checks(name, text, date, country):
    """Windows of 200 characters with 1,500 of context (two sentence reaches and a figure):
    the checks that read a sentence or two neighbours find exactly what they find whole."""
    doc = _doc(name, text, date, country)
    figs, whole = _whole(doc, only=LOCAL)
    _, found = check_windowed(figs.doc, text, figs.date, figs.figures, window=200, context=1500,
                              only=LOCAL, order=_order)
    assert [f.to_dict() for f in found] == whole


@pytest.mark.parametrize("name,text,date,country", CORPUS[:5] + CORPUS[5::6], ids=IDS[:5] + IDS[5::6])
def test_forced_windowed_path_through_the_runner(name, text, date, country):
    """check_documents(window=...) sends a document longer than the window down the windowed
    path (extraction windows, check windows, spills): same JSON for the local checks."""
    doc = _doc(name, text, date, country)
    whole = report_dict(check_documents([doc], only=LOCAL))
    windowed = check_documents([doc], only=LOCAL, window=300)
    assert isinstance(windowed.documents[0].findings, Spill)
    assert report_dict(windowed) == whole


@pytest.mark.parametrize("name,text,date,country", CORPUS, ids=IDS)
def test_extraction_windows_give_the_whole_figures(name, text, date, country):
    doc = _doc(name, text, date, country)
    cc = country or document_locale(text).country
    whole = extract(text, date=doc.date, doc=name, country=cc)
    pieces = list(extract_windowed(text, lambda t: extract(t, date=doc.date, doc=name, country=cc),
                                   size=700))
    assert pieces == whole


def test_extraction_windows_cover_the_text_once():
    text = ("word " * 50 + "\n") * 40 + "x" * 3000
    spans = list(extraction_windows(text, size=500))
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))
    assert all(text[b - 1] == "\n" for _, b in spans[:-2])  # cut after a line break when there is one


# ---- output written one finding at a time --------------------------------------------------

def _reports() -> list[Report]:
    texts = [c[1] for c in CORPUS[:4]]
    multi = check(texts, date="2023-05-02", docs=["a", "b", "a", "c\ud800"])
    err = Report((DocResult("bad.csv", None, (), (), "bad.csv: cannot read"),
                  *multi.documents[:1]), multi.cross_findings)
    return [multi, err, Report(()), check("nothing here"),
            check_documents([Document("big", CORPUS[0][1])], window=400)]


@pytest.mark.parametrize("k", range(5))
@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_json_pieces_are_json_dumps(k, ensure_ascii):
    report = _reports()[k]
    expected = json.dumps(report_dict(report), ensure_ascii=ensure_ascii, indent=1)
    assert "".join(json_pieces(report, ensure_ascii=ensure_ascii)) == expected


@pytest.mark.parametrize("k", range(5))
def test_csv_streamed_is_write_findings_csv(k):
    report = _reports()[k]
    a, b = io.StringIO(), io.StringIO()
    write_findings_csv(report, a)
    write_csv(report, b)
    assert b.getvalue() == a.getvalue()


@pytest.mark.parametrize("k", range(5))
def test_json_written_once_is_json_dumps(k):
    """One rendering, as the two of before: ASCII throughout when the text would hold a lone
    surrogate (report 0 has a document named "c\ud800", and report 1 its cross findings),
    UTF-8 otherwise."""
    report = _reports()[k]
    out = io.StringIO()
    write_json(report, out)
    utf8 = json.dumps(report_dict(report), ensure_ascii=False, indent=1)
    lone = any(0xD800 <= ord(c) <= 0xDFFF for c in utf8)
    assert lone == (k in (0, 1))
    assert out.getvalue() == json.dumps(report_dict(report), ensure_ascii=lone, indent=1) + "\n"


def test_an_unforeseen_lone_surrogate_still_gives_json_that_reads_back_the_same():
    """A finding filed under a document but quoting another one, whose name holds a lone
    surrogate: not foreseen from the names and texts, so the pieces went out as UTF-8 and
    the surrogate is escaped where it stands."""
    report = _reports()[0]
    inner = next(f for f in report.cross_findings if any(m.doc == "c\ud800" for m in f.mentions))
    odd = Report((DocResult("plain", None, (), (inner,)),))
    out = io.StringIO()
    write_json(odd, out)
    assert "\\ud800" in out.getvalue()
    out.getvalue().encode("utf-8")  # no lone surrogate left to break the encoding
    assert json.loads(out.getvalue()) == report_dict(odd)


def test_ascii_json_is_ensure_ascii_for_every_code_point():
    """Every code point, controls, DEL, lone surrogates and astral ones included, as a key
    and as a value."""
    every = "".join(map(chr, range(0x110000)))
    value = {every[:300]: [every, "a\"b\\c\u2028", {"\udc80": "\U0001f600x"}]}
    assert ascii_json(json.dumps(value, ensure_ascii=False, indent=1)) == json.dumps(value, indent=1)


class _ReadOnce(Sequence):
    """Findings that count how often they are walked (a spilled document's are decoded from
    disk on every walk)."""

    def __init__(self, items) -> None:
        self._items, self.walks = tuple(items), 0

    def __len__(self) -> int:
        return len(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __iter__(self):
        self.walks += 1
        return iter(self._items)


def _write_json(r, out):
    return write_json(r, out)


def _write_csv(r, out):
    return write_csv(r, out)


def _write_text(r, out):
    return render_text(r, {d.doc: d.text for d in r.documents}, out)


@pytest.mark.parametrize("writer", [_write_json, _write_csv, _write_text])
@pytest.mark.parametrize("k", range(5))
def test_each_writer_walks_the_findings_once(writer, k):
    """The summary and the exit code come from the counts the writer made on its way: a
    document's findings (on disk when it is large) are read once."""
    report = _reports()[k]
    docs = tuple(replace(d, findings=_ReadOnce(d.findings)) for d in report.documents)
    once = Report(docs, _ReadOnce(report.cross_findings))
    tally = writer(once, io.StringIO())
    for fail_on in ("error", "warning", "never"):
        assert exit_code(once, fail_on, tally) == exit_code(report, fail_on)
    assert summary(once, tally) == summary(report)
    assert [d.findings.walks for d in docs] == [1] * len(docs)
    # Cross findings (in memory, few) are looked at once more for lone surrogates in JSON.
    assert once.cross_findings.walks <= (2 if writer is _write_json else 1)


# ---- the spill ---------------------------------------------------------------------------------

def test_spill_is_a_sequence():
    s = Spill(range(5000))
    assert len(s) == 5000 and s[0] == 0 and s[4999] == 4999 and s[-1] == 4999 and s[2047:2050] == [2047, 2048, 2049]
    assert list(s) == list(range(5000)) and s == tuple(range(5000)) and bool(Spill()) is False
    with pytest.raises(IndexError):
        s[5000]
    with pytest.raises(ValueError):
        s.append(1)  # read once: closed
    assert pickle.loads(pickle.dumps(s)) == tuple(range(5000))


# ---- memory: sizes, not time -------------------------------------------------------------------

# Five sentences of invented news prose, about one figure per 40 characters, no line break.
_PROSE = ("Harbor Logistics said revenue rose 12.5% to $4.2 billion in 2023, from $3.73 billion "
          "a year earlier. The group will invest RMB 10 billion ($1.38 billion) in a plant near "
          "Wuxi. Its workforce grew by about 1,200 people to 5,400 people from 4,200 people. "
          "Half of the budget goes to research, a quarter to marketing and the remaining "
          "quarter to other costs. ")


def _peak(chars: int) -> tuple[int, int]:
    text = (_PROSE * (chars // len(_PROSE) + 1))[:chars]
    doc = Document("big", text, None)
    tracemalloc.start()
    try:
        base = tracemalloc.get_traced_memory()[0]
        report = check_documents([doc], window=20_000)
        peak = tracemalloc.get_traced_memory()[1] - base
    finally:
        tracemalloc.stop()
    return peak, len(report.documents[0].figures)


def test_windowed_peak_grows_with_the_text_not_the_figures():
    """Four times the text adds at most a few bytes per added character (the text, its
    window slices, the spill offsets), where holding the figures costs about 90 bytes per
    character. Generous margins: the window and caches are a constant."""
    _peak(20_000)  # imports, rate tables and caches first: they are not the document's
    small, n_small = _peak(120_000)
    big, n_big = _peak(480_000)
    assert n_big > 3 * n_small > 3000
    assert big - small < 4 * (480_000 - 120_000)


def test_a_repeated_passage_is_reported_once_in_windows_too():
    """same_fact skips a passage repeated in its document; windows cannot see the earlier
    copies, so the windowed path drops a finding equal to one of an earlier window. Here the
    two differing revenues are reported once, not once per window (a pair further apart
    than a window, like the last copy against the first, is what windows cannot see)."""
    passage = ("Harbor Logistics reported annual revenue of $4.2 billion in 2023. Analysts said "
               "Harbor Logistics reported annual revenue of $4.5 billion in 2023. The weather "
               "was mild all week and nothing else happened. ")
    doc = Document("d", passage * 200)
    whole = check_documents([doc], only=["same_fact"]).documents[0].findings
    windowed = check_documents([doc], only=["same_fact"], window=2000).documents[0].findings
    assert 0 < len(windowed) <= len(whole) == 3
    assert all(f in whole for f in windowed)
