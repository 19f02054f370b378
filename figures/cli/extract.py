"""`figures extract PATH... [--date] [--to CUR] [--format table|jsonl|csv|parquet] [-o FILE]`.

Without --format the output file's suffix decides (.csv, .parquet, .jsonl), else a table on a
terminal and JSON Lines otherwise. Parquet needs -o. Long runs show a progress bar on stderr
when it is a terminal (never with --quiet).
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from figures.cli.rates import rates_spec, table_from, table_options
from figures.errors import FiguresError, InputError
from figures.io.inputs import Columns, InputFailure, read_documents, with_run_country
from figures.model import Document, Figure

FORMATS = ("table", "jsonl", "csv", "parquet")
_SUFFIX_FORMATS = {".csv": "csv", ".parquet": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


def add_input_options(p: argparse.ArgumentParser) -> None:
    """Options shared by every command that reads documents."""
    p.add_argument("paths", nargs="*", metavar="PATH",
                   help="text file, directory of .txt files, .csv/.jsonl/.parquet, or - for "
                        "stdin (the default when text is piped in)")
    p.add_argument("--date", help="document date YYYY-MM-DD (overrides date columns and lines)")
    p.add_argument("--text-col", default="text", help="text column of tabular input (default: text)")
    p.add_argument("--date-col", default="date", help="date column of tabular input (default: date)")
    p.add_argument("--id-col", default="id", help="id column of tabular input (default: id)")
    p.add_argument("--encoding", help="decode input with this encoding instead of UTF-8")
    p.add_argument("--max-bytes", type=_size_arg, default=None, metavar="N",
                   help="largest document (file read whole, table cell, stdin) to accept, in "
                        "bytes; suffixes K, M, G (default 256M)")
    p.add_argument("-q", "--quiet", action="store_true", help="no warnings or progress on stderr")
    p.add_argument("--country", "--locale", dest="country", metavar="CC",
                   help="the publication's country (ISO code 'AU' or locale 'en_AU'): it decides "
                        "what bare '$', 'Rs', 'R' or 'cents' mean (default: the text's evidence); "
                        "a table row's own 'country' or 'locale' column wins over it")


def with_country(args: argparse.Namespace, item):
    """`item` (a Document) with the --country of the command line, when one is given: a table
    row's own country/locale cell wins over it (figures.io.inputs.with_run_country)."""
    cc = getattr(args, "country", None)
    if not cc or not isinstance(item, Document):
        return item
    return with_run_country(item, cc)


def stdin_when_no_path(args: argparse.Namespace, stdin=None) -> None:
    """No PATH: read stdin when text is piped in; on a terminal, say what to give instead."""
    if getattr(args, "paths", None) != []:
        return
    stdin = sys.stdin if stdin is None else stdin
    if stdin is None or stdin.isatty():
        raise InputError(f"figures {args.command}: give a PATH (a file, folder, .csv, .jsonl or "
                         f"-), or pipe text in: echo 'RMB 10 billion' | figures {args.command}")
    args.paths = ["-"]


def _size_arg(value: str) -> int:
    units = {"": 1, "K": 1024, "M": 1024**2, "G": 1024**3}
    v = value.strip().upper().removesuffix("B")
    unit = v[-1:] if v[-1:] in units else ""
    try:
        n = int(v[: len(v) - len(unit)]) * units[unit]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a size (e.g. 512M)") from None
    if n <= 0:
        raise argparse.ArgumentTypeError(f"{value!r}: give a positive size")
    return n


def columns_of(args: argparse.Namespace) -> Columns:
    return Columns(text=args.text_col, date=args.date_col, id=args.id_col)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("extract", help="list every money and quantity figure",
                       description="List every money and quantity figure in the documents.")
    add_input_options(p)
    p.add_argument("--to", metavar="CUR", help="also normalize money to this currency (e.g. USD)")
    table_options(p)
    p.add_argument("--units", choices=("si", "as-printed"), default="si",
                   help="physical quantities: also normalized to SI units in normalized_value and "
                        "normalized_unit (si, the default), or only as printed")
    p.add_argument("--format", choices=FORMATS, default=None,
                   help="output format (default: from the -o suffix, else table on a terminal, "
                        "jsonl otherwise)")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of stdout")
    p.add_argument("--show-locale", action="store_true",
                   help="print each document's locale (country) and the evidence for it on stderr")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="N",
                   help="extract in N worker processes (0: one per core; default 1)")
    p.set_defaults(func=run)


def _warn(args: argparse.Namespace):
    def warn(msg: str) -> None:
        if not args.quiet:
            print(f"figures: warning: {msg}", file=sys.stderr)

    return warn


def iter_figures(args: argparse.Namespace, failures: list[InputFailure],
                 progress=None) -> Iterator[Figure]:
    for figs in _pipeline(args, failures, progress):
        yield from figs


def _pipeline(args: argparse.Namespace, failures: list[InputFailure], progress=None,
              render=None) -> Iterator:
    """Per document: its figures, or with `render` (figure count, rendered text)."""
    from figures.checks.pool import MAX_JOBS_PER_CORE, default_jobs, extract_documents

    to = args.to.upper() if getattr(args, "to", None) else None
    if to is not None:
        from figures.normalize.currencies import check_code

        check_code(to)
    rates_path = rates_spec(args)
    if rates_path:
        table_from(args)  # validate the user's tables once, up front, for a one-line error
    jobs = getattr(args, "jobs", 1)
    if jobs < 0:
        raise FiguresError(f"--jobs {jobs}: give a number of processes, or 0 for one per core")
    jobs = jobs or default_jobs()
    if jobs > MAX_JOBS_PER_CORE * default_jobs():
        _warn(args)(f"--jobs {jobs} is more than {MAX_JOBS_PER_CORE} per core; "
                    f"using {MAX_JOBS_PER_CORE * default_jobs()}")
        jobs = MAX_JOBS_PER_CORE * default_jobs()

    dates = set()

    def documents():
        for item in read_documents(args.paths, date=args.date, columns=columns_of(args),
                                   encoding=args.encoding, warn=_warn(args),
                                   max_bytes=args.max_bytes):
            if isinstance(item, InputFailure):
                failures.append(item)
                print(f"figures: error: {item.message}", file=sys.stderr)
                continue
            item = with_country(args, item)
            if getattr(args, "show_locale", False):
                from figures.extract import document_locale

                print(f"figures: {item.doc}: locale "
                      f"{document_locale(item.text, item.country).why()}", file=sys.stderr)
            dates.add(item.date)
            yield item

    for _doc, result in extract_documents(documents(), jobs=jobs, to=to, rates_path=rates_path,
                                          render=render, units=getattr(args, "units", "si")):
        if progress is not None:
            progress.advance(figures=result[0] if render else len(result))
        yield result
    if to is not None:
        from figures.normalize.rates.user import tell_after_table

        tell_after_table(dates, table_from(args), quiet=args.quiet)


def _table(args: argparse.Namespace):
    return table_from(args)


def output_format(args: argparse.Namespace) -> str:
    """--format, else the -o suffix, else table on a terminal and jsonl otherwise."""
    fmt = args.format
    if fmt is None and args.output:
        fmt = _SUFFIX_FORMATS.get(Path(args.output).suffix.lower())
    if fmt is None:
        fmt = "table" if (args.output is None and sys.stdout.isatty()) else "jsonl"
    if fmt == "parquet" and not args.output:
        raise FiguresError("--format parquet writes a binary file: name it with -o FILE.parquet")
    return fmt


def run(args: argparse.Namespace) -> int:
    from figures.cli.progress import Progress

    fmt = output_format(args)
    failures: list[InputFailure] = []
    with Progress("documents", total=_count_documents(args.paths), quiet=args.quiet) as bar:
        figs = iter_figures(args, failures, bar) if fmt in ("parquet", "table") else None
        if fmt == "parquet":
            from figures.io.export import to_parquet

            collected = list(figs)
            bar.close()
            n = to_parquet(collected, args.output, what="figures")
        else:
            with open_output(args.output) as out:
                if fmt in ("jsonl", "csv"):
                    from figures.io.export import FigureCSVWriter, render_csv_rows, render_jsonl

                    if fmt == "csv":
                        FigureCSVWriter(out)  # the header row
                    render = render_jsonl if fmt == "jsonl" else render_csv_rows
                    n = 0
                    for count, text in _pipeline(args, failures, bar, render=render):
                        out.write(text)
                        n += count
                else:
                    collected = list(figs)
                    bar.close()
                    n = _print_table(collected, out, to=args.to)
    if not args.quiet and args.output:
        print(f"figures: wrote {n} figures to {args.output}", file=sys.stderr)
    if failures:
        print(f"figures: {len(failures)} input(s) could not be read", file=sys.stderr)
        return 2
    return 0


def _count_documents(paths: list[str]) -> int | None:
    """How many documents the paths hold, when that is cheap to know (text files and folders);
    None for tables and stdin (the progress display then counts without a total)."""
    from figures.io.inputs import TABULAR_SUFFIXES

    total = 0
    for raw in paths:
        p = Path(raw)
        if raw == "-" or p.suffix.lower() in TABULAR_SUFFIXES:
            return None
        try:
            if p.is_dir():
                total += sum(1 for f in p.iterdir() if f.suffix.lower() == ".txt")
            else:
                total += 1
        except OSError:
            return None
    return total


@contextlib.contextmanager
def open_output(path: str | None):
    if path is None:
        yield sys.stdout
        return
    try:
        f = open(path, "w", encoding="utf-8", errors="backslashreplace", newline="")
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror})") from None
    with f:
        yield f


def _print_table(figs: list[Figure], out, *, to: str | None) -> int:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from figures.cli.terminal import terminal_safe
    from figures.report import humanize as human

    def d(v, precision=None):
        return "" if v is None else human.amount(v, precision)

    t = Table(show_lines=False, header_style="bold")
    cols = ["doc", "span", "text", "kind", "value", "currency/unit", "per", "qual", "precision"]
    if to:
        cols += [f"{to.upper()}", "rate", "rate date"]
    for c in cols:
        t.add_column(c, overflow="fold")
    for f in figs:
        p = f.precision
        value = d(f.value, p) if f.value is not None else f"{d(f.low, p)}..{d(f.high, p)}"
        cu = f.currency or (("?" + "/".join(f.currency_candidates)) if f.currency_candidates else (f.unit or ""))
        row = [f.doc or "", f"{f.start}-{f.end}", f.text, str(f.kind), value, cu, f.per or "",
               str(f.qualifier or "") + (f" {f.direction}" if f.direction else ""), d(f.precision)]
        if to:
            row += ["" if f.normalized_value is None else human.money(f.normalized_value),
                    "" if f.rate is None else human.rate(f.rate),
                    str(f.rate_date or f.rate_note or "")]
        t.add_row(*(Text(terminal_safe(c)) for c in row))  # data is never rich markup
    Console(file=out, width=max(100, Console().width) if out is sys.stdout else 160).print(t)
    return len(figs)

