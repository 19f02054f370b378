"""`df.figures`: the pandas accessor (thin and stateless, like pandera's `df.pandera`).

    df.figures.extract(text="text", date="date", doc="id", to="USD")  # figures.extract_frame
    df.figures.check()                                                # figures.check_frame
    prices.figures.normalize(amount="amount", currency="currency", date="date", to="USD")

pandas builds a new accessor object on every attribute access, so it holds nothing but the
frame, and every method returns a new frame: the caller's frame is never modified.

Registration: `import figures` calls `register()`, which registers the accessor the way pandas
documents (`pandas.api.extensions.register_dataframe_accessor`). pandas is a required
dependency; no import hook is involved, so nothing can re-enter the registration.
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["NAME", "FiguresAccessor", "register"]

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
    """Register `df.figures` with pandas' documented register_dataframe_accessor; idempotent
    and safe from several threads. `import figures` calls it."""
    global _registered
    # pandas is imported before taking the lock, so that nothing run by that import can ever
    # wait on the lock (the lock only guards the flag and the one registration).
    import pandas as pd

    with _lock:
        if _registered:
            return
        if NAME not in getattr(pd.DataFrame, "_accessors", set()):
            pd.api.extensions.register_dataframe_accessor(NAME)(FiguresAccessor)
        _registered = True
