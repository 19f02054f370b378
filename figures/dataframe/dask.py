"""figures over Dask: the pandas API mapped over partitions, and a corpus-to-Parquet helper.

    import dask.dataframe as dd
    import figures.dataframe.dask as fd

    docs = dd.read_parquet("articles/")                 # columns id, text, date
    figs = fd.extract_frame(docs, to="USD")             # lazy; one row per figure
    found = fd.check_frame(docs)                        # lazy; one row per finding
    fd.corpus_to_parquet("articles_txt/", "out/figures/")   # a folder of .txt or a Parquet set

Needs the `dask` extra (dask[dataframe], distributed, pyarrow). Every function takes and
returns dask DataFrames with a declared `meta` (the pandas API's dtypes, see figures.frame), so
nothing is computed until you ask.

How the checks are split:

* per document: every check runs inside the partition that holds the document
  (`figures.check_frame(..., scope="document")`), embarrassingly parallel;
* across documents: `same_fact` (one claim stated in several articles) is keyed, not
  collected. Each candidate figure gets its claim key (figures.checks.claims: the subject, and
  the kind with the currency or unit), read on its whole document, where the subject may be
  named sentences before ("The company will invest..."). same_fact compares only figures of
  one key, so every comparison the single-process check makes is possible inside one key.
  Records carry only the sentences around the figures (about 100 characters either side; not
  whole articles) and the claims, and are shuffled by key, so each worker sees the claims of
  some subjects, never the whole corpus. The other cross-document checks (difference,
  rate_vs_capacity, currency_confusion's share prices) need the whole run and are not run
  across partitions; use the pandas `check_frame` (scope="run") for those on a corpus that
  fits one machine.

Differences from one pandas run, by design: same_fact weights shared words by how rare they are
among the compared figures (idf); under Dask that weighting comes from the figures sharing a
key, not the whole corpus, so `details.similarity` (and, rarely, a borderline match) can differ.

`table`: None uses the embedded ECB table, loaded once per worker. A custom RateTable is
pickled into the task graph (a few MB); on a process-based cluster prefer None or a table small
enough to ship.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from figures.errors import FiguresError, InputError

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

    from figures.checks import DocFigures
    from figures.model import Figure, Finding
    from figures.normalize.rates.table import RateProvider

__all__ = [
    "check_frame",
    "corpus_to_parquet",
    "cross_keys",
    "extract_frame",
    "figures_meta",
    "findings_meta",
    "read_corpus",
]

RECORD_COLUMNS = ("key", "order", "doc", "date", "pieces", "figures", "members")
_ORDER_SHIFT = 32


def _dask():
    try:
        import dask.dataframe as dd
    except ImportError:  # pragma: no cover - exercised only without the extra
        raise InputError("figures.dask needs Dask: pip install 'figures[dask]'") from None
    return dd


# ---- metas -----------------------------------------------------------------------------------


def figures_meta(floats: bool = True) -> pd.DataFrame:
    """The empty frame describing `extract_frame`'s partitions (columns and dtypes)."""
    from figures.dataframe.results import figures_to_frame

    return figures_to_frame([], floats=floats)


def findings_meta() -> pd.DataFrame:
    """The empty frame describing `check_frame`'s partitions."""
    from figures.dataframe.results import findings_to_frame

    return findings_to_frame([])


def _records_meta() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({c: pd.Series([], dtype="int64" if c == "order" else "str")
                         for c in RECORD_COLUMNS})


def _require(ddf: Any, text: str) -> None:
    columns = getattr(ddf, "columns", None)
    if columns is None or not hasattr(ddf, "map_partitions"):
        raise InputError(f"expected a dask DataFrame, got {type(ddf).__name__}")
    if text not in columns:
        raise InputError(f"no '{text}' column (columns: {', '.join(map(str, columns[:12]))}); "
                         "name the text column with text=")


# ---- extract ---------------------------------------------------------------------------------


def extract_frame(ddf: dd.DataFrame, text: str = "text", date: Any = "date",
                  doc: str | None = "id", to: str | None = None, *,
                  table: RateProvider | None = None,
                  floats: bool = True, country: str | None = "country") -> dd.DataFrame:
    """`figures.extract_frame` over every partition: one row per figure. Give documents a
    unique `doc` (id) column: partitions read from files often restart their index at 0.
    `country`: a column or one code, as in `figures.extract_frame`."""
    _require(ddf, text)
    return ddf.map_partitions(_extract_part, text, date, doc, to, table, floats, country,
                              meta=figures_meta(floats), enforce_metadata=False)


def _extract_part(part: pd.DataFrame, text, date, doc, to, table: RateProvider | None,
                  floats, country) -> pd.DataFrame:
    from figures.dataframe.frame import extract_frame as extract_pd

    out = extract_pd(part, text=text, date=date, doc=doc, to=to, table=table, floats=floats,
                     country=country)
    _with_read_errors(out, part)
    return out


def _with_read_errors(out: pd.DataFrame, part: pd.DataFrame) -> None:
    """Files that could not be decoded (read_corpus puts the reason in `error`) keep that
    reason in the summary instead of 'text is missing'."""
    from figures.dataframe.summary import SUMMARY_KEY, FrameSummary

    summary = out.attrs.get(SUMMARY_KEY)
    if summary is None or "error" not in part.columns or not summary.bad_rows:
        return
    errors = part["error"]
    bad = []
    for b in summary.bad_rows:
        err = errors.get(b["index"]) if b["index"] in errors.index else None
        bad.append({**b, "reason": err} if isinstance(err, str) and err else b)
    out.attrs[SUMMARY_KEY] = FrameSummary(summary.documents, summary.with_figures,
                                          summary.without_figures, tuple(bad))


# ---- check -----------------------------------------------------------------------------------


def check_frame(ddf: dd.DataFrame, text: str = "text", date: Any = "date", doc: str | None = "id",
                *, to: str | None = "USD", table: RateProvider | None = None,
                only: Iterable[str] | None = None,
                cross: bool = True, npartitions: int | None = None,
                country: str | None = "country") -> dd.DataFrame:
    """Findings for every document (each checked inside its partition) and, with cross=True,
    cross-document same_fact findings shuffled by metric key (see the module docstring).
    `npartitions` sets how many partitions the keyed shuffle uses (default: as many as the
    input). `country`: a column or one code, as in `figures.extract_frame`."""
    dd = _dask()
    per_doc, keyed = _check_stages(ddf, text, date, doc, to=to, table=table, only=only,
                                   cross=cross, npartitions=npartitions, country=country)
    return per_doc if keyed is None else dd.concat([per_doc, keyed])


def _check_stages(ddf, text, date, doc, *, to, table: RateProvider | None, only, cross,
                  npartitions, country="country"):
    _require(ddf, text)
    only_t = tuple(only) if only is not None else None
    per_doc = ddf.map_partitions(_check_part, text, date, doc, to, table, only_t, country,
                                 meta=findings_meta(), enforce_metadata=False)
    if not cross or (only_t is not None and "same_fact" not in only_t):
        return per_doc, None
    records = ddf.map_partitions(_cross_records, text, date, doc, to, table, country,
                                 meta=_records_meta(), enforce_metadata=False)
    shuffled = records.shuffle(on="key", npartitions=npartitions or ddf.npartitions)
    keyed = shuffled.map_partitions(_cross_findings, meta=findings_meta(),
                                    enforce_metadata=False)
    return per_doc, keyed


def _check_part(part: pd.DataFrame, text, date, doc, to, table: RateProvider | None,
                only, country) -> pd.DataFrame:
    from figures.dataframe.frame import check_frame as check_pd

    out = check_pd(part, text=text, date=date, doc=doc, to=to, table=table, only=only,
                   scope="document", country=country)
    _with_read_errors(out, part)
    return out


# ---- cross-document same_fact, keyed ---------------------------------------------------------


def cross_keys(docf: DocFigures) -> list[str | None]:
    """The shuffle key of each of a document's figures for cross-document same_fact: its claim
    key (subject, kind and unit: figures.checks.same_fact.claim_key), or None when same_fact
    would not compare it. Every figure same_fact could compare with another has the same key,
    so one key's records hold every comparison and no worker needs the whole corpus."""
    from figures.checks import same_fact

    return ["|".join("" if x is None else str(x) for x in (k[0], *k[1])) if k else None
            for k in same_fact.claim_key(docf)]


def _cross_records(part: pd.DataFrame, text, date, doc, to, table: RateProvider | None,
                   country="country", partition_info: dict | None = None) -> pd.DataFrame:
    """Per document and key: the sentences holding the key's figures, those sentences'
    figures, and which of them are the key's members (owned or context)."""
    import pandas as pd

    from figures.checks import make_docs
    from figures.dataframe.documents import frame_documents
    from figures.extract import extract

    rows = frame_documents(part, text, date, doc, country)
    number = int(partition_info["number"]) if partition_info else 0
    cols: dict[str, list[Any]] = {c: [] for c in RECORD_COLUMNS}
    for pos, d in enumerate(rows.documents):
        try:
            figs = extract(d.text, date=d.date, doc=d.doc,
                           to=to if d.date is not None else None, table=table,
                           country=d.country)
        except FiguresError:  # the per-document stage reports it
            continue
        (docf,) = make_docs([(d.doc, d.text, d.date, figs)])
        encoded: dict[tuple[int, int], str] = {}  # each figure serialized once per document
        for key, pieces, members, in_figs in _doc_records(docf):
            cols["key"].append(key)
            cols["order"].append((number << _ORDER_SHIFT) | pos)
            cols["doc"].append(d.doc)
            cols["date"].append(d.date.isoformat() if d.date else "")
            cols["pieces"].append(json.dumps(pieces, ensure_ascii=False))
            cols["figures"].append("[" + ",".join(_encoded(f, encoded) for f in in_figs) + "]")
            cols["members"].append(json.dumps(members))
    return pd.DataFrame({c: pd.Series(v, dtype="int64" if c == "order" else "str")
                         for c, v in cols.items()})


def _encoded(f: Figure, cache: dict[tuple[int, int], str]) -> str:
    """A figure as compact JSON (fields that are None or empty left out)."""
    k = (f.start, f.end)
    hit = cache.get(k)
    if hit is None:
        row = {name: v for name, v in f.to_dict().items() if v not in (None, [])}
        hit = cache[k] = json.dumps(row, ensure_ascii=False)
    return hit


def _doc_records(docf: DocFigures):
    from figures.checks.claims import claims_of

    reach = _context_reach()
    n = len(docf.text)
    keys = cross_keys(docf)
    claims = claims_of(docf) if any(keys) else []
    by_key: dict[str, tuple[list[tuple[int, int]], list[list[Any]]]] = {}
    for f, key, claim in zip(docf.figures, keys, claims, strict=False):
        if key is None:
            continue
        # Whole sentences around the figure, covering `reach` characters either side: what
        # same_fact reads (its sentence, and the context that tells a copied sentence). The
        # claim is read here, on the whole document (its subject may be named sentences
        # before), and travels with the figure.
        s = docf.sentence(max(0, f.start - reach))[0]
        e = docf.sentence(max(0, min(n, f.end + reach) - 1))[1]
        span = (min(s, f.start), max(e, f.end))
        spans, members = by_key.setdefault(key, ([], []))
        spans.append(span)
        members.append([f.start, f.end, True, claim.to_json()])
    for key, (spans, members) in by_key.items():
        merged = _merge_spans(docf, spans)
        pieces = [[s, docf.text[s:e]] for s, e in merged]
        in_figs = [f for s, e in merged for f in docf.figures_between(s, e)]
        yield key, pieces, members, in_figs


def _context_reach() -> int:
    from figures.checks import same_fact

    return max(int(getattr(same_fact, "_COPY_REACH", 100)), 40)


def _merge_spans(docf: DocFigures, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sorted, non-overlapping spans, each stretched to the end of the figures starting in it."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        e = max([e, *(f.end for f in docf.figures_between(s, e))])
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _cross_findings(part: pd.DataFrame) -> pd.DataFrame:
    """Run same_fact per key over the reduced documents; keep the findings that span
    documents and belong to a figure this key owns; map offsets back."""
    from figures.dataframe.results import findings_to_frame

    found: list[Finding] = []
    if len(part):
        part = part.sort_values(["key", "order"], kind="stable")
        for _, grp in part.groupby("key", sort=True):
            found.extend(_one_key(grp))
    return findings_to_frame(found)


def _one_key(grp: pd.DataFrame) -> list[Finding]:
    import dataclasses

    from figures.checks import DocFigures, run_checks
    from figures.checks.claims import Claim, preset_claims
    from figures.io.export import figure_from_dict
    from figures.model import MentionRef

    docs: list[DocFigures] = []
    shifts: list[list[tuple[int, int, int]]] = []  # per doc: (new start, old start, length)
    owned: dict[tuple[int, int, int], bool] = {}
    names: list[str] = []
    for i, rec in enumerate(grp.itertuples(index=False)):
        pieces = json.loads(rec.pieces)
        table, parts, pos = [], [], 0
        for start, piece in pieces:
            table.append((pos, start, len(piece)))
            parts.append(piece)
            pos += len(piece) + 1
        token = str(i)
        figs = []
        for row in json.loads(rec.figures):
            new = _to_new(table, row["start"])
            figs.append(figure_from_dict(row, doc=token, start=new,
                                         end=new + (row["end"] - row["start"])))
        claims = {}
        for start, end, own, claim in json.loads(rec.members):
            new = _to_new(table, start)
            owned[(i, new, new + end - start)] = bool(own)
            claims[new] = Claim.from_json(claim)
        d = Date.fromisoformat(rec.date) if rec.date else None
        docf = DocFigures(token, "\n".join(parts), d,
                          tuple(sorted(figs, key=lambda f: (f.start, f.end))))
        preset_claims(docf, claims)  # read on the whole document, not on these pieces
        docs.append(docf)
        shifts.append(table)
        names.append(rec.doc)
    out = []
    for finding in run_checks(docs, only=("same_fact",)):
        refs = [(int(m.doc), m) for m in finding.mentions]
        # same_fact lists [a, a's horizon?, f, f's horizon?]: a is the earlier figure, f the
        # one the finding is reported for, the first mention in another document.
        a = refs[0]
        f = next((r for r in refs if r[0] != a[0]), None)
        if f is None:
            continue  # within one document: the per-document stage reports it
        ka, kf = (a[0], a[1].start, a[1].end), (f[0], f[1].start, f[1].end)
        if ka not in owned or kf not in owned:
            continue  # a pair of another key, present here only as context
        if not owned[kf]:
            continue  # the block that owns f reports it
        mentions = tuple(
            MentionRef(names[i], _to_old(shifts[i], m.start),
                       _to_old(shifts[i], m.start) + (m.end - m.start), m.text)
            for i, m in refs)
        out.append(dataclasses.replace(finding, mentions=mentions))
    return out


def _to_new(shifts: Sequence[tuple[int, int, int]], old: int) -> int:
    for new, start, length in shifts:
        if start <= old <= start + length:
            return new + old - start
    raise ValueError(f"offset {old} is outside the record's sentences")


def _to_old(shifts: Sequence[tuple[int, int, int]], new: int) -> int:
    for n, start, length in shifts:
        if n <= new <= n + length:
            return start + new - n
    raise ValueError(f"offset {new} is outside the record's text")


# ---- corpora ---------------------------------------------------------------------------------


def read_corpus(source: str | os.PathLike, *, text: str = "text", date: str = "date",
                doc: str = "id", files_per_partition: int = 64) -> dd.DataFrame:
    """A dask DataFrame with columns id, text, date (and error) from a folder of .txt files
    (one document per file, named by the file; the date comes from a date line in the text),
    or from a Parquet file or dataset with `text` (and optionally `date`, `id`) columns."""
    dd = _dask()
    p = Path(source)
    if p.is_dir() and any(f.suffix.lower() == ".txt" for f in p.iterdir()):
        files = sorted(str(f) for f in p.iterdir() if f.suffix.lower() == ".txt" and f.is_file())
        chunks = [files[k:k + files_per_partition] for k in range(0, len(files), files_per_partition)]
        return dd.from_map(_read_text_files, chunks, meta=_text_meta(), enforce_metadata=False)
    if p.suffix.lower() == ".parquet" or p.is_dir():
        import pyarrow.dataset as ds

        try:
            names = ds.dataset(str(p), format="parquet").schema.names
        except Exception as exc:  # pyarrow raises several unrelated types for a bad dataset
            raise InputError(f"{p}: not a Parquet file or dataset ({str(exc).splitlines()[0]})") from None
        if text not in names:
            raise InputError(f"{p}: no '{text}' column (columns: {', '.join(names[:12])})")
        return dd.read_parquet(str(p), columns=[c for c in (doc, text, date) if c in names])
    raise InputError(f"{p}: expected a folder of .txt files or a Parquet file/dataset")


def _text_meta() -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame({"id": pd.Series([], dtype="str"), "text": pd.Series([], dtype=object),
                         "date": pd.Series([], dtype=object), "error": pd.Series([], dtype=object)})


def _read_text_files(paths: Sequence[str]) -> pd.DataFrame:
    import pandas as pd

    from figures.io.inputs import decode

    ids, texts, errors = [], [], []
    for path in paths:
        name = Path(path).name
        try:
            data = Path(path).read_bytes()
            body, _ = decode(data, name)
            err = None
        except (OSError, InputError) as exc:
            body, err = None, str(exc)
        ids.append(name)
        texts.append(body)
        errors.append(err)
    n = len(ids)
    return pd.DataFrame({"id": pd.Series(ids, dtype="str"),
                         "text": pd.Series(texts, dtype=object),
                         "date": pd.Series([None] * n, dtype=object),
                         "error": pd.Series(errors, dtype=object)})


def corpus_to_parquet(source: str | os.PathLike | dd.DataFrame, output: str | os.PathLike, *,
                      what: str = "figures", to: str | None = None, text: str = "text",
                      date: str = "date", doc: str = "id", table: RateProvider | None = None,
                      files_per_partition: int = 64, cross: bool = True) -> dict[str, Any]:
    """Figures (or findings, what='findings') of a corpus written as a folder of Parquet files,
    one per partition (`part-00000.parquet`, ...), plus `_summary.json`: documents read,
    documents with and without figures, unreadable rows with the reason. Returns the summary
    with the number of rows and files written. Runs on the current Dask scheduler (a
    distributed Client if one is active). Read the result with `figures.read_parquet(output)`.
    """
    import dask

    from figures.dataframe.summary import FrameSummary

    if what not in ("figures", "findings"):
        raise InputError(f"what={what!r}: use 'figures' or 'findings'")
    ddf = source if hasattr(source, "map_partitions") else read_corpus(
        source, text=text, date=date, doc=doc, files_per_partition=files_per_partition)
    out = Path(output)
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("part-*.parquet"):
        old.unlink()
    if what == "figures":
        stages = [extract_frame(ddf, text, date, doc, to, table=table)]
    else:
        per_doc, keyed = _check_stages(ddf, text, date, doc, to=to or "USD", table=table,
                                       only=None, cross=cross, npartitions=None)
        stages = [per_doc] + ([keyed] if keyed is not None else [])
    tasks = []
    k = 0
    for s, stage in enumerate(stages):
        for part in stage.to_delayed():
            tasks.append(dask.delayed(_write_part)(part, str(out / f"part-{k:05d}.parquet"),
                                                   s == 0))
            k += 1
    results = dask.compute(*tasks)
    summary = FrameSummary.merge(r[1] for r in results if r[1] is not None).to_dict()
    summary["rows"] = sum(r[0] for r in results)
    summary["files"] = len(results)
    (out / "_summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False, default=str),
                                       encoding="utf-8")
    return summary


def _write_part(frame: pd.DataFrame, path: str, counts: bool) -> tuple[int, dict | None]:
    from figures.dataframe.summary import SUMMARY_KEY
    from figures.io.export import to_parquet

    to_parquet(frame, path)
    summary = frame.attrs.get(SUMMARY_KEY) if counts else None
    return len(frame), (summary.to_dict() if summary is not None else None)
