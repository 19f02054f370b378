"""Running extraction over many documents: in order, in one process or across cores.

Workers are separate processes (the extractor is pure Python, so threads would share one
core). Results come back in input order, a bounded number of documents ahead, so memory stays
flat on a stream of any length.
"""

from __future__ import annotations

import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from functools import partial

from figures.extract import extract
from figures.model import Document, Figure


def extract_document(doc: Document, *, to: str | None = None, table=None) -> list[Figure]:
    """The figures of one document (or chunk), with offsets into the file as read."""
    figs = extract(doc.text, date=doc.date, doc=doc.doc, to=to, table=table)
    if doc.offset:
        off = doc.offset
        figs = [f.replace(start=f.start + off, end=f.end + off) for f in figs]
    return figs


def _work(doc: Document, to: str | None, rates_path: str | None) -> list[Figure]:
    return extract_document(doc, to=to, table=_worker_table(rates_path))


_TABLES: dict[str | None, object] = {}


def _worker_table(rates_path: str | None):
    """Each worker loads a user rate table once, not once per document."""
    if rates_path is None:
        return None
    if rates_path not in _TABLES:
        from figures.rates import RateTable

        _TABLES[rates_path] = RateTable.default().with_table(RateTable.from_csv(rates_path))
    return _TABLES[rates_path]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


def extract_documents(
    docs: Iterable[Document],
    *,
    jobs: int = 1,
    to: str | None = None,
    rates_path: str | None = None,
) -> Iterator[tuple[Document, list[Figure]]]:
    """(document, figures) for each document, in input order. `jobs` > 1 spreads documents over
    that many worker processes. A user rate table is passed by path so workers load it once."""
    if jobs <= 1:
        table = _worker_table(rates_path)
        for doc in docs:
            yield doc, extract_document(doc, to=to, table=table)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    work = partial(_work, to=to, rates_path=rates_path)
    in_flight: dict[int, Document] = {}

    def feed() -> Iterator[Document]:
        # imap reads ahead of the results; only those documents are held here.
        for i, d in enumerate(docs):
            in_flight[i] = d
            yield d

    with ctx.Pool(jobs) as pool:
        for i, figs in enumerate(pool.imap(work, feed(), chunksize=4)):
            yield in_flight.pop(i), figs
