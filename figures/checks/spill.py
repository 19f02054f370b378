"""A sequence kept on disk: the figures and findings of a document too large to hold in memory.

Items are appended in order and written in compressed JSON batches to an anonymous temporary
file (deleted when the sequence is collected or the process ends); reading unpickles one batch
at a time. It is a real `Sequence` (len, indexing, slicing, iteration), so a `DocResult` whose
figures or findings live here renders and exports like one holding tuples, while memory holds
only one batch and an offset per batch.
"""

from __future__ import annotations

import bisect
import dataclasses
import json
import tempfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from datetime import date as Date
from decimal import Decimal
from enum import Enum
from typing import Any

from figures import model

# Items per batch: large enough that the per-batch offsets and zlib headers are
# negligible, small enough that one batch (a few hundred KB unpickled) is a constant.
BATCH = 256


class Spill(Sequence):
    """An append-then-read sequence on disk. Call `close()` after the last append (reading
    closes it too); appending after that raises."""

    __slots__ = ("_cache", "_closed", "_counts", "_file", "_n", "_offsets", "_pending")

    def __init__(self, items: Iterable[Any] = ()) -> None:
        self._file = tempfile.TemporaryFile(prefix="figures-spill-")
        self._offsets: list[int] = []  # byte offset of each batch
        self._counts: list[int] = []  # items before each batch
        self._pending: list[Any] = []
        self._n = 0
        self._closed = False
        self._cache: tuple[int, list[Any]] | None = None
        self.extend(items)

    def append(self, item: Any) -> None:
        if self._closed:
            raise ValueError("Spill is closed: no appends after reading")
        self._pending.append(item)
        self._n += 1
        if len(self._pending) >= BATCH:
            self._flush()

    def extend(self, items: Iterable[Any]) -> None:
        for item in items:
            self.append(item)

    def _flush(self) -> None:
        if not self._pending:
            return
        self._file.seek(0, 2)
        self._offsets.append(self._file.tell())
        self._counts.append(self._n - len(self._pending))
        self._file.write(zlib.compress(_dumps(self._pending).encode("utf-8"), 1))
        self._pending = []

    def close(self) -> Spill:
        if not self._closed:
            self._flush()
            self._closed = True
        return self

    def _batch(self, b: int) -> list[Any]:
        if self._cache is not None and self._cache[0] == b:
            return self._cache[1]
        self.close()
        start = self._offsets[b]
        end = self._offsets[b + 1] if b + 1 < len(self._offsets) else None
        self._file.seek(start)
        data = self._file.read() if end is None else self._file.read(end - start)
        items = _loads(zlib.decompress(data).decode("utf-8"))
        self._cache = (b, items)
        return items

    def __len__(self) -> int:
        return self._n

    def __getitem__(self, i):  # type: ignore[override]
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self._n))]
        if i < 0:
            i += self._n
        if not 0 <= i < self._n:
            raise IndexError("Spill index out of range")
        self.close()
        b = bisect.bisect_right(self._counts, i) - 1
        return self._batch(b)[i - self._counts[b]]

    def __iter__(self) -> Iterator[Any]:
        self.close()
        for b in range(len(self._offsets)):
            yield from self._batch(b)

    def __bool__(self) -> bool:
        return self._n > 0

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (Spill, tuple, list)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Spill({self._n} items on disk)"

    def __reduce__(self):
        # Pickled (Dask, multiprocessing), it travels as the tuple it stands for.
        return tuple, (tuple(self),)


# What a spill can hold: the model's own dataclasses and enums, rebuilt by name from this
# table only (never pickle: the file is ours, but nothing in figures deserializes code).
_CLASSES: dict[str, type] = {c.__name__: c for c in (
    model.Figure, model.Finding, model.MentionRef, model.Rate, model.Kind, model.Qualifier,
    model.Direction, model.Status, model.Severity)}
_FIELDS: dict[type, tuple[str, ...]] = {
    c: tuple(f.name for f in dataclasses.fields(c)) for c in _CLASSES.values()
    if dataclasses.is_dataclass(c)}
# JSON's own values, written as they are. Everything else is a list whose first item is a tag
# (a list itself too: "l"), so reading tells the two apart by type alone. Flat lists, exact
# types first: every figure and finding of a windowed document is written once and read
# once per pass of the output over it, which made this codec a third of that path's time.
_PLAIN = frozenset({str, int, float, bool, type(None)})


def _enc(v: Any) -> Any:
    t = type(v)
    if t in _PLAIN:
        return v
    if t is Decimal:
        return ["d", str(v)]
    names = _FIELDS.get(t)
    if names is not None:
        return ["c", t.__name__, *[x if type(x) in _PLAIN else _enc(x)
                                   for x in map(v.__getattribute__, names)]]
    if t is tuple:
        return ["u", *[x if type(x) in _PLAIN else _enc(x) for x in v]]
    return _enc_other(v)


def _enc_other(v: Any) -> Any:
    """Enums and the rarer shapes, by isinstance (subclasses included)."""
    if v is None or isinstance(v, (bool, int, float)):
        return v
    if isinstance(v, Enum):
        return ["e", type(v).__name__, v.value]
    if isinstance(v, str):
        return v
    if isinstance(v, Decimal):
        return ["d", str(v)]
    if isinstance(v, Date):
        return ["t", v.isoformat()]
    if isinstance(v, tuple):
        return ["u", *[_enc(x) for x in v]]
    if isinstance(v, list):
        return ["l", *[_enc(x) for x in v]]
    if isinstance(v, dict):
        return ["m", *[_enc(y) for kv in v.items() for y in kv]]
    if dataclasses.is_dataclass(v) and type(v).__name__ in _CLASSES:
        return ["c", type(v).__name__, *[_enc(getattr(v, f.name)) for f in dataclasses.fields(v)]]
    raise TypeError(f"a Spill cannot hold {type(v).__name__}")


def _dec(v: Any) -> Any:
    return _DECODE[v[0]](v) if type(v) is list else v


def _dec_all(vs: list[Any]) -> list[Any]:
    return [_DECODE[x[0]](x) if type(x) is list else x for x in vs]


def _dec_map(v: list[Any]) -> dict[Any, Any]:
    items = _dec_all(v[1:])
    return dict(zip(items[::2], items[1::2], strict=True))


_DECODE = {
    "d": lambda v: Decimal(v[1]),
    "t": lambda v: Date.fromisoformat(v[1]),
    "e": lambda v: _CLASSES[v[1]](v[2]),
    "u": lambda v: tuple(_dec_all(v[1:])),
    "l": lambda v: _dec_all(v[1:]),
    "m": _dec_map,
    "c": lambda v: _CLASSES[v[1]](*_dec_all(v[2:])),
}


def _dumps(items: list[Any]) -> str:
    return json.dumps([_enc(x) for x in items], ensure_ascii=False, separators=(",", ":"),
                      allow_nan=True)


def _loads(data: str) -> list[Any]:
    return _dec_all(json.loads(data))


def as_sequence(items: Sequence[Any]) -> Sequence[Any]:
    """`items` closed for reading if it is a Spill, else unchanged."""
    return items.close() if isinstance(items, Spill) else items
