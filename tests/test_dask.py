"""figures.dask on a distributed LocalCluster (two worker processes, so every task and record
crosses a pickle boundary): the results equal the pandas API's."""

from __future__ import annotations

import json
import random
from datetime import date
from decimal import Decimal

import pandas as pd
import pytest

dd = pytest.importorskip("dask.dataframe")
distributed = pytest.importorskip("distributed")

import figures.dataframe.dask as fd  # noqa: E402
from figures.dataframe.frame import check_frame, extract_frame  # noqa: E402
from figures.io.export import read_parquet, to_parquet  # noqa: E402
from figures.io.inputs import read_documents  # noqa: E402
from figures.model import Figure, Kind  # noqa: E402

from .conftest import SEEDS  # noqa: E402

SORT = ["doc", "start", "end"]


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=":0", silence_logs=40) as cluster, \
            distributed.Client(cluster) as c:
        yield c


@pytest.fixture(scope="module")
def seeds() -> pd.DataFrame:
    docs = list(read_documents([SEEDS]))
    return pd.DataFrame({"id": [d.doc for d in docs], "text": [d.text for d in docs],
                         "date": [None] * len(docs)})


def synthetic(n_docs: int = 24, seed: int = 7) -> pd.DataFrame:
    """Articles restating a few facts with values spread over several bucket blocks, so keyed
    records cross block edges."""
    rng = random.Random(seed)
    texts = []
    for k in range(n_docs):
        team = rng.choice([1800, 2000, 2300, 2350, 2600, 3100, 4000])
        inv = rng.choice(["1.5", "2", "2.2", "3", "3.1", "4.5"])
        cars = rng.choice([90_000, 100_000, 120_000, 150_000])
        texts.append(
            f"date 2023-0{1 + k % 9}-1{k % 9}\n"
            f"Acme said its research and development team had about {team:,} people. "
            f"The company invested RMB {inv} billion in its car business last year. "
            f"Its plant has a production capacity of {cars:,} vehicles per year. "
            f"Rival Beta plans to sell {rng.choice([5, 6, 8])} million phones.\n")
    return pd.DataFrame({"id": [f"s{k:02d}" for k in range(n_docs)], "text": texts})


def comparable(found: pd.DataFrame) -> list[tuple]:
    """Findings as sortable tuples; same_fact's idf-weighted similarity is left out (under Dask
    the weights come from the figures sharing a key, not the whole corpus)."""
    out = []
    for r in found.itertuples(index=False):
        details = {k: v for k, v in json.loads(r.details).items() if k != "similarity"}
        out.append((r.doc, r.check, r.status, r.severity, r.message, r.mentions,
                    json.dumps(details, sort_keys=True), bool(r.cross_document)))
    return sorted(out)


def test_extract_frame_equals_pandas(client, seeds):
    ddf = dd.from_pandas(seeds, npartitions=3)
    lazy = fd.extract_frame(ddf, to="USD")
    assert list(lazy.columns) == list(fd.figures_meta().columns)
    got = lazy.compute().sort_values(SORT).reset_index(drop=True)
    want = extract_frame(seeds, to="USD").sort_values(SORT).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)
    assert {type(v) for v in got["value"]} == {Decimal, type(None)}  # None for ranges


@pytest.mark.parametrize("corpus, parts", [("seeds", 3), ("synthetic", 4)])
def test_check_frame_equals_pandas(client, seeds, corpus, parts):
    df = seeds if corpus == "seeds" else synthetic()
    ddf = dd.from_pandas(df, npartitions=parts)
    got = fd.check_frame(ddf).compute()
    per_doc = got[~got["cross_document"]]
    cross = got[got["cross_document"]]
    # per document: exactly the pandas API with each row checked alone
    assert comparable(per_doc) == comparable(check_frame(df, scope="document"))
    # across documents: same_fact as one pandas run finds it, keyed instead of collected
    run = check_frame(df)
    want = run[run["cross_document"] & (run["check"] == "same_fact")]
    assert len(want) > 0
    assert comparable(cross) == comparable(want)


def test_cross_keys_are_claim_keys():
    """Two companies' figures of one kind go to two keys; one company's two figures to one;
    "The company" in a later sentence is the company named before; an ambiguous $ has none."""
    from figures.checks import make_docs

    text = ("Kaveri Motors will invest Rs 1,200 crore in its Pune plant. Rival Sahyadri Motors "
            "will invest Rs 1,300 crore in its Pune plant. The company will also spend Rs 90 "
            "crore on training.")
    inr = [Figure("d", text.index(t), text.index(t) + len(t), t, Kind.MONEY, Decimal(v),
                  currency="INR") for t, v in (("Rs 1,200 crore", "12e9"), ("Rs 1,300 crore", "13e9"),
                                               ("Rs 90 crore", "9e8"))]
    amb = Figure("d", 0, 2, "$5", Kind.MONEY, Decimal(5), currency_candidates=("USD", "HKD"))
    (docf,) = make_docs([("d", text, None, [*inr, amb])])
    keys = dict(zip((f.text for f in docf.figures), fd.cross_keys(docf), strict=True))
    assert keys["$5"] is None
    assert keys["Rs 1,200 crore"] != keys["Rs 1,300 crore"]
    assert keys["Rs 1,300 crore"] == keys["Rs 90 crore"]  # "The company": Sahyadri


def test_corpus_to_parquet_from_a_folder(client, tmp_path, seeds):
    folder = tmp_path / "txt"
    folder.mkdir()
    for row in seeds.itertuples():
        (folder / row.id).write_text(row.text, encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"caf\xe9 \xa310 million")
    (folder / "empty.txt").write_text("no figures at all", encoding="utf-8")
    out = tmp_path / "out"
    summary = fd.corpus_to_parquet(folder, out, to="USD", files_per_partition=3)
    assert summary["documents"] == 7 and summary["with_figures"] == 5
    assert summary["without_figures"] == ["empty.txt"]
    (bad,) = summary["bad_rows"]
    assert bad["doc"] == "broken.txt" and "not UTF-8" in bad["reason"]
    assert json.loads((out / "_summary.json").read_text(encoding="utf-8")) == summary
    got = read_parquet(out).sort_values(SORT).reset_index(drop=True)
    want = extract_frame(seeds, to="USD").sort_values(SORT).reset_index(drop=True)
    pd.testing.assert_frame_equal(got, want)


def test_corpus_to_parquet_from_a_parquet_dataset_with_findings(client, tmp_path, seeds):
    src = tmp_path / "docs"
    src.mkdir()
    dated = seeds.assign(date=[date(2021, 10, 19)] * len(seeds))
    to_parquet(dated.iloc[:2], src / "a.parquet")
    to_parquet(dated.iloc[2:], src / "b.parquet")
    summary = fd.corpus_to_parquet(src, tmp_path / "found", what="findings")
    assert summary["documents"] == 5 and summary["files"] >= 2
    got = read_parquet(tmp_path / "found")
    want = check_frame(dated, scope="document")
    assert comparable(got[~got["cross_document"]]) == comparable(want)
    with pytest.raises(Exception, match="what="):
        fd.corpus_to_parquet(src, tmp_path / "x", what="tables")


def test_shuffle_keys_use_same_facts_own_rule(seeds):
    """figures.dask shuffles by exactly the claim key same_fact groups by, so no pair that the
    single-process check would compare is split across partitions."""
    from figures.checks import make_docs, same_fact
    from figures.extract import extract

    keyed = 0
    for text in seeds["text"]:
        (docf,) = make_docs([("d", text, None, extract(text))])
        for key, want in zip(fd.cross_keys(docf), same_fact.claim_key(docf), strict=True):
            assert (key is None) == (want is None)
            keyed += key is not None
    assert keyed > 10

