"""What is being written and where: a DataFrame, a Report or a list of Figures or Findings, to
an open stream or a path."""

from __future__ import annotations

from typing import IO, Any

from figures.errors import InputError
from figures.model import Figure, Finding, Report


def classify(data: Any, what: str | None) -> tuple[str, Any]:
    if what not in (None, "figures", "findings"):
        raise InputError(f"what={what!r}: use 'figures' or 'findings'")
    if isinstance(data, Report):
        return ("figures", data.figures) if what == "figures" else ("findings", data)
    if isinstance(data, (Figure, Finding)):
        data = [data]
    items = list(data)
    if what is not None:
        return what, items
    if all(isinstance(x, Figure) for x in items):
        return "figures", items
    if all(isinstance(x, Finding) for x in items):
        return "findings", items
    kinds = sorted({type(x).__name__ for x in items})
    raise InputError(f"cannot export {', '.join(kinds)}: pass a DataFrame, a Report, or a list "
                     "of Figures or of Findings")


def is_frame(obj: Any) -> bool:
    mod = type(obj).__module__
    return mod.startswith("pandas") and type(obj).__name__ == "DataFrame"


class opened:
    """A path opened for writing as UTF-8 CSV, or a stream passed through (not closed)."""

    def __init__(self, target: Any, mode: str = "w"):
        self._target = target
        self._mode = mode
        self._f: IO[str] | None = None

    def __enter__(self) -> IO[str]:
        if hasattr(self._target, "write") or hasattr(self._target, "read"):
            return self._target
        try:
            self._f = open(self._target, self._mode, encoding="utf-8", newline="")
        except OSError as exc:
            verb = "write" if "w" in self._mode else "read"
            raise InputError(f"{self._target}: cannot {verb} ({exc.strerror or exc})") from None
        return self._f

    def __exit__(self, *exc: object) -> None:
        if self._f is not None:
            self._f.close()
