"""What happened to every input row of a frame call: `frame.attrs["figures_summary"]`."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

SUMMARY_KEY = "figures_summary"


@dataclass(frozen=True)
class FrameSummary(Mapping):
    """What happened to every input row: `documents` (rows read), `with_figures` (count),
    `without_figures` (ids of documents without a figure) and `bad_rows` (dicts with the row's
    `index` label, `doc` and `reason`). Reads like a dict; `to_dict()` gives a plain one.

    Immutable, and deep-copies as itself: pandas copies `attrs` on every operation."""

    documents: int = 0
    with_figures: int = 0
    without_figures: tuple[str, ...] = ()
    bad_rows: tuple[Mapping[str, Any], ...] = field(default=())

    def __getitem__(self, key: str) -> Any:
        if key not in self._keys():
            raise KeyError(key)
        return getattr(self, key)

    def __iter__(self) -> Iterator[str]:
        return iter(self._keys())

    def __len__(self) -> int:
        return len(self._keys())

    @staticmethod
    def _keys() -> tuple[str, ...]:
        return ("documents", "with_figures", "without_figures", "bad_rows")

    def __deepcopy__(self, memo: dict) -> FrameSummary:
        return self

    def to_dict(self) -> dict[str, Any]:
        return {"documents": self.documents, "with_figures": self.with_figures,
                "without_figures": list(self.without_figures),
                "bad_rows": [dict(b) for b in self.bad_rows]}

    @classmethod
    def merge(cls, parts: Iterable[Mapping[str, Any]]) -> FrameSummary:
        """Sum of several summaries (e.g. one per Dask partition)."""
        docs = withf = 0
        without: list[str] = []
        bad: list[Mapping[str, Any]] = []
        for p in parts:
            docs += p["documents"]
            withf += p["with_figures"]
            without.extend(p["without_figures"])
            bad.extend(p["bad_rows"])
        return cls(docs, withf, tuple(without), tuple(bad))
