"""`df.figures`: the pandas accessor (thin and stateless, like pandera's `df.pandera`).

    df.figures.extract(text="text", date="date", doc="id", to="USD")  # figures.extract_frame
    df.figures.check()                                                # figures.check_frame
    prices.figures.normalize(amount="amount", currency="currency", date="date", to="USD")

pandas builds a new accessor object on every attribute access, so it holds nothing but the
frame, and every method returns a new frame: the caller's frame is never modified.

Registration: `register()` adds the accessor (idempotent). `install()` registers it at once if
pandas is already imported, and otherwise as soon as pandas finishes importing, so that
`import figures` does not pay for importing pandas (about 0.3 s) in programs that never use it.
"""

from __future__ import annotations

import importlib.util
import sys
import threading
from typing import Any

__all__ = ["NAME", "FiguresAccessor", "install", "register"]

NAME = "figures"
_lock = threading.Lock()
_registered = False


class FiguresAccessor:
    """`df.figures`: extract, check and normalize the frame without changing it."""

    def __init__(self, pandas_obj: Any):
        self._df = pandas_obj

    def extract(self, text: str = "text", date: Any = "date", doc: str | None = "id",
                to: str | None = None, **options: Any):
        """One row per figure; see figures.extract_frame."""
        from figures.frame import extract_frame

        return extract_frame(self._df, text=text, date=date, doc=doc, to=to, **options)

    def check(self, text: str = "text", date: Any = "date", doc: str | None = "id",
              **options: Any):
        """One row per finding; see figures.check_frame."""
        from figures.frame import check_frame

        return check_frame(self._df, text=text, date=date, doc=doc, **options)

    def normalize(self, amount: str = "amount", currency: str = "currency", date: str = "date",
                  to: str = "USD", **options: Any):
        """The frame plus normalized_value, rate, rate_date, rate_source, rate_note; see
        figures.normalize_frame."""
        from figures.frame import normalize_frame

        return normalize_frame(self._df, amount=amount, currency=currency, date=date, to=to,
                               **options)


def register() -> None:
    """Register `df.figures` with pandas (imports pandas); safe to call more than once."""
    global _registered
    with _lock:
        if _registered:
            return
        import pandas as pd

        if NAME not in getattr(pd.DataFrame, "_accessors", set()):
            pd.api.extensions.register_dataframe_accessor(NAME)(FiguresAccessor)
        _registered = True


class _AfterPandas:
    """A meta-path finder that only watches for `import pandas`: it finds pandas' real spec
    (through the other finders) and runs `register()` right after pandas' module has executed.
    It removes itself on first use and never changes what is imported."""

    def find_spec(self, fullname: str, path: Any = None, target: Any = None):
        if fullname != "pandas":
            return None
        _uninstall()
        spec = importlib.util.find_spec("pandas")
        loader = getattr(spec, "loader", None) if spec is not None else None
        if loader is None or not hasattr(loader, "exec_module"):
            return spec
        inner = loader.exec_module

        def exec_module(module: Any) -> None:
            inner(module)
            try:
                del loader.exec_module  # back to the class's method
            except AttributeError:
                pass
            register()

        try:
            loader.exec_module = exec_module
        except (AttributeError, TypeError):  # a loader that refuses attributes: register later
            return spec
        return spec


_watcher = _AfterPandas()


def _uninstall() -> None:
    try:
        sys.meta_path.remove(_watcher)
    except ValueError:
        pass


def install() -> None:
    """Make `df.figures` available: now if pandas is imported, else when it is."""
    if "pandas" in sys.modules and hasattr(sys.modules["pandas"], "api"):
        register()
    elif _watcher not in sys.meta_path:
        sys.meta_path.insert(0, _watcher)
