"""A progress display on stderr for long runs, and nothing at all for short ones.

    with Progress("documents", total=len(paths), quiet=args.quiet) as bar:
        for doc in docs:
            ...
            bar.advance(figures=len(figs))

The bar appears only after `delay` seconds (work that finishes sooner never flickers one), only
when stderr is a terminal, and never with quiet=True. It is transient: it is erased when the
work ends, so stderr keeps only real messages. rich is imported only when the bar is shown.
"""

from __future__ import annotations

import sys
import time
from typing import IO, Any

DELAY_SECONDS = 1.0


def wanted(stream: IO[str] | None = None, *, quiet: bool = False) -> bool:
    """True when a progress display makes sense: not quiet and `stream` (stderr) is a TTY."""
    stream = stream if stream is not None else sys.stderr
    if quiet:
        return False
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):  # closed or replaced streams
        return False


class Progress:
    """Counts work items and, after `delay` seconds on a terminal, shows a rich progress bar."""

    def __init__(self, what: str = "documents", total: int | None = None, *,
                 quiet: bool = False, enabled: bool | None = None, delay: float = DELAY_SECONDS,
                 stream: IO[str] | None = None):
        self.what = what
        self.total = total
        self.done = 0
        self.fields: dict[str, int] = {}
        self._stream = stream if stream is not None else sys.stderr
        self._enabled = wanted(self._stream, quiet=quiet) if enabled is None else enabled
        self._delay = delay
        self._t0 = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    @property
    def shown(self) -> bool:
        return self._bar is not None

    def __enter__(self) -> Progress:
        self._t0 = time.monotonic()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def advance(self, n: int = 1, **counts: int) -> None:
        """`n` more items done; keyword counts (figures=3) are summed and shown beside."""
        self.done += n
        for k, v in counts.items():
            self.fields[k] = self.fields.get(k, 0) + v
        if not self._enabled:
            return
        if self._bar is None:
            if time.monotonic() - self._t0 < self._delay:
                return
            self._start()
        self._bar.update(self._task, completed=self.done, extra=self._extra())

    def _extra(self) -> str:
        return "  ".join(f"{v:,} {k}" for k, v in self.fields.items())

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )
        from rich.progress import (
            Progress as RichProgress,
        )

        columns: list[Any] = [SpinnerColumn(), TextColumn("[bold]{task.description}")]
        if self.total is not None:
            columns += [BarColumn(), MofNCompleteColumn(), TimeRemainingColumn()]
        else:
            columns += [TextColumn("{task.completed:,}")]
        columns += [TextColumn("{task.fields[extra]}"), TimeElapsedColumn()]
        self._bar = RichProgress(*columns, console=Console(file=self._stream), transient=True)
        self._task = self._bar.add_task(self.what, total=self.total, completed=self.done,
                                        extra=self._extra())
        self._bar.start()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
