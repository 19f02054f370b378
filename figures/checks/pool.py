"""Running extraction over many documents: in order, in one process or across cores.

Workers are separate processes (the extractor is pure Python, so threads would share one
core). Results come back in input order, a bounded number of documents ahead, so memory stays
flat on a stream of any length.
"""

from __future__ import annotations

import itertools
import multiprocessing as mp
import os
from collections.abc import Iterable, Iterator
from functools import partial
from typing import TYPE_CHECKING

from figures.extract import extract
from figures.io.inputs import Chunk
from figures.model import Document, Figure

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider


def extract_document(doc: Document, *, to: str | None = None, table: RateProvider | None = None,
                     units: str = "si") -> list[Figure]:
    """The figures of one document (or chunk), with offsets into the file as read."""
    figs = extract(doc.text, date=doc.date, doc=doc.doc, to=to, table=table, units=units,
                   country=getattr(doc, "country", None))
    if isinstance(doc, Chunk):  # keep what starts in the chunk's own part, not its overlap
        figs = [f for f in figs if doc.owns(f.start)]
    if doc.offset:
        off = doc.offset
        figs = [f.replace(start=f.start + off, end=f.end + off) for f in figs]
    return figs


def _work(doc: Document, to: str | None, rates_path: str | None, render=None,
          units: str = "si"):
    figs = extract_document(doc, to=to, table=_worker_table(rates_path), units=units)
    # Rendering in the worker means only text crosses the process boundary, and the parent
    # just writes it: without this the parent's serialization caps --jobs at about 1x.
    return figs if render is None else (len(figs), render(figs))


def _work_batch(batch: list[Document], to: str | None, rates_path: str | None, render=None,
                units: str = "si"):
    return [_work(doc, to, rates_path, render, units) for doc in batch]


_TABLES: dict[object, object] = {}


def _worker_table(rates_path):
    """Each worker loads a user rate table once, not once per document. `rates_path` is a CSV
    path, or (paths, base) for --rates FILE ... --rates-base CUR."""
    if not rates_path:
        return None
    if rates_path not in _TABLES:
        from figures.normalize.rates.table import with_files

        paths, base = (rates_path, "EUR") if isinstance(rates_path, str) else rates_path
        _TABLES[rates_path] = with_files(paths, base)
    return _TABLES[rates_path]


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


# More workers than this per core only adds processes that wait for a CPU.
MAX_JOBS_PER_CORE = 4


def extract_documents(
    docs: Iterable[Document],
    *,
    jobs: int = 1,
    to: str | None = None,
    rates_path: str | None = None,
    render=None,
    units: str = "si",
) -> Iterator[tuple[Document, list[Figure]]]:
    """(document, figures) for each document, in input order. `jobs` > 1 spreads documents over
    that many worker processes. A user rate table is passed by path so workers load it once.
    With `render` (a module-level function of a list of figures, e.g. export.render_jsonl) each
    item is (document, (figure count, rendered text)) instead. `units` is extract()'s: "si"
    (physical quantities normalized to SI) or "as-printed"."""
    if jobs <= 1:
        for doc in docs:
            yield doc, _work(doc, to, rates_path, render, units)
        return
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    work = partial(_work_batch, to=to, rates_path=rates_path, render=render, units=units)
    in_flight: dict[int, list[Document]] = {}
    batches = _batches(docs, BATCH_CHARS)
    first = next(batches, None)
    if first is None:
        return  # no documents: no pool to start

    def feed() -> Iterator[list[Document]]:
        # imap reads ahead of the results; only those batches are held here.
        for i, batch in enumerate(itertools.chain([first], batches)):
            in_flight[i] = batch
            yield batch

    with ctx.Pool(jobs) as pool:
        for i, results in enumerate(pool.imap(work, feed())):
            yield from zip(in_flight.pop(i), results, strict=True)


# Documents go to the workers in batches of about this many characters: one task per table row
# made the parent's pickling and the pipe traffic per row cost a third of a core; a batch of
# rows costs that once. (A chunk of a streamed file, about 1 MB, is a batch of its own.)
BATCH_CHARS = 256_000


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    chars = 0
    for doc in docs:
        batch.append(doc)
        chars += len(doc.text)
        if chars >= size:
            yield batch
            batch, chars = [], 0
    if batch:
        yield batch
