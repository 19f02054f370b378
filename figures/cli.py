"""The `figures` command. Each subcommand lives in its own `figures.cli_*` module exposing
`register(subparsers)`; this module only dispatches and turns errors into exit codes.

Exit codes: 0 ran and nothing reached --fail-on; 1 findings at or above --fail-on;
2 usage error or unreadable input (one line on stderr, never a traceback); 3 an internal
error (a bug: one line asking for a report; FIGURES_DEBUG=1 shows the traceback).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

from figures.errors import FiguresError

# Subcommand modules, in help order. Each defines register(subparsers) and sets func=...
COMMAND_MODULES = ("figures.cli_extract", "figures.cli_check", "figures.cli_rates", "figures.cli_report")

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INTERNAL = 0, 1, 2, 3


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse prints usage + exits 2; keep it one line
        raise FiguresError(f"{self.prog}: {message} (see '{self.prog} --help')")


class _Version(argparse.Action):
    """--version on one line: argparse's own action wraps the text at the terminal width."""

    def __call__(self, parser, namespace, values, option_string=None):
        print(self.const)
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="figures",
        description="Find, normalize and cross-check the money and quantity figures in news text.",
    )
    from figures import __version__
    from figures.extract import IMPLEMENTATION

    parser.add_argument("--version", action=_Version, nargs=0,
                        help="print the version and the extraction engine in use, and exit",
                        default=argparse.SUPPRESS,
                        const=f"figures {__version__} (extraction engine: {IMPLEMENTATION})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    # Undecodable bytes in file names or arguments reach Python as lone surrogates; print them
    # escaped rather than fail on them.
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="backslashreplace")
        except (AttributeError, ValueError, OSError):
            pass
    try:
        argv = list(sys.argv[1:] if argv is None else argv)
        if any("\x00" in a for a in argv):
            raise FiguresError("an argument contains a NUL byte; no path or option can hold one")
        args = build_parser().parse_args(argv)
        from figures.cli_extract import stdin_when_no_path

        stdin_when_no_path(args)
        return int(args.func(args) or 0)
    except FiguresError as exc:
        print(f"figures: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print and exit through argparse
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    except KeyboardInterrupt:
        print("figures: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; that is not an error of ours. Point stdout at
        # devnull so the interpreter's final flush does not raise again.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except MemoryError:
        print("figures: error: out of memory; split the input or use --jobs/streaming", file=sys.stderr)
        return EXIT_USAGE
    except Exception as exc:  # a bug of ours: one line, its own exit code, never exit 1
        import os

        if os.environ.get("FIGURES_DEBUG"):
            raise
        from figures import __version__

        where = _origin(exc)
        print(f"figures: internal error, please report: {type(exc).__name__}{where} "
              f"(figures {__version__}; FIGURES_DEBUG=1 shows the traceback)", file=sys.stderr)
        return EXIT_INTERNAL


def _origin(exc: BaseException) -> str:
    """' in module.py:123', the innermost frame of figures' own code, for the bug report."""
    tb, found = exc.__traceback__, ""
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if "figures" in name:
            found = f" in {name.rsplit('/', 1)[-1]}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
