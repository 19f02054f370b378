"""`figures report PATH... -o report.html`: one self-contained HTML file (figures.report).

Exit codes: 0 written; 2 usage error, unwritable output, or an input that could not be read
(the report is still written, with the unreadable input named in it)."""

from __future__ import annotations

import argparse
import sys

from figures.cli.extract import add_input_options, columns_of, with_country
from figures.cli.rates import table_from, table_options
from figures.io.inputs import InputFailure, read_documents
from figures.report.humanize import count


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "report", help="write a self-contained HTML report of figures and findings",
        description="Check the documents and write one self-contained HTML file: every figure "
                    "highlighted in its article, the findings with their arithmetic, and a chart "
                    "of implied versus reference rates. No network access is needed to view it.")
    add_input_options(p)
    p.add_argument("-o", "--output", metavar="FILE", required=True,
                   help="the HTML file to write (e.g. report.html); - for stdout")
    p.add_argument("--to", metavar="CUR", default="USD",
                   help="currency to normalize money to (default: USD)")
    table_options(p)
    p.add_argument("--title", default="figures report", help="the report's title")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from figures.checks.runner import check_documents
    from figures.report.html import to_html, write_html

    def warn(msg: str) -> None:
        if not args.quiet:
            print(f"figures: warning: {msg}", file=sys.stderr)

    failures: list[InputFailure] = []

    def items():
        for x in read_documents(args.paths, date=args.date, columns=columns_of(args),
                                encoding=args.encoding, warn=warn, max_bytes=args.max_bytes):
            if isinstance(x, InputFailure):
                failures.append(x)
                print(f"figures: error: {x.message}", file=sys.stderr)
            yield with_country(args, x)

    table = _table(args)
    report = check_documents(items(), table=table, to=args.to.upper() if args.to else None)
    if args.to:
        from figures.normalize.rates.user import tell_after_table

        tell_after_table((d.date for d in report.documents), table, quiet=args.quiet)
    texts = None  # each DocResult carries its text
    if args.output == "-":
        sys.stdout.write(to_html(report, texts=texts, title=args.title))
    else:
        path = write_html(report, args.output, texts=texts, title=args.title)
        if not args.quiet:
            n_find = len(report.findings)
            print(f"figures: wrote {path} ({count(len(report.documents), 'document')}, "
                  f"{count(len(report.figures), 'figure')}, {count(n_find, 'finding')})",
                  file=sys.stderr)
    if failures:
        print(f"figures: {len(failures)} input(s) could not be read", file=sys.stderr)
        return 2
    return 0


def _table(args: argparse.Namespace):
    """The default table, plus the user's --rates CSVs where given (their currencies win)."""
    return table_from(args)
