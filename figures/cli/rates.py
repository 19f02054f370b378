"""`figures convert` and `figures rates`: dated conversions and the rate table's coverage.

    figures convert "RMB 10 billion" --date 2021-10-19 --to USD
    figures rates                          # coverage of every currency (rich table)
    figures rates CNY USD --date 2021-10-19
    figures rates --rates my.csv --format json
    figures rates --update                 # fresh ECB and NBP rates into the user's data folder
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from figures.errors import InputError, NoRate, UnknownCurrency
from figures.model import Figure, Kind, plain_decimal
from figures.normalize.convert import normalize
from figures.normalize.currencies import ALIASES, check_code
from figures.normalize.rates.table import (
    ECB_ATTRIBUTION,
    ECB_SOURCE,
    RATE_CONTEXT,
    RateTable,
    as_date,
    combine,
    with_files,
)
from figures.report import humanize as human
from figures.vocab.scales import SCALE_WORDS


def register(subparsers: Any) -> None:
    conv = subparsers.add_parser(
        "convert", help="convert one amount at a date's ECB rate",
        description="Convert an amount such as 'RMB 10 billion' to another currency at the ECB "
                    "reference rate of a date (the last table day on or before it).",
    )
    conv.add_argument("amount", help="the amount as written, e.g. 'RMB 10 billion' or 'USD 1.5m'")
    conv.add_argument("--to", required=True, metavar="CUR", help="target currency code")
    conv.add_argument("--date", metavar="YYYY-MM-DD",
                      help="date of the figure (default: the rate table's last day, said so)")
    conv.add_argument("--from", dest="from_currency", metavar="CUR",
                      help="currency of the amount, when the text has none or an ambiguous one")
    table_options(conv)
    conv.add_argument("--format", choices=("text", "json"), default="text")
    conv.set_defaults(func=run_convert)

    rates = subparsers.add_parser(
        "rates", help="show the rate table's coverage, or rates on a date",
        description="Without --date: per currency, the first and last day with a rate and the "
                    "holes. With --date: the rate of the first CUR in each other CUR (one CUR: "
                    "against EUR; none: every currency against EUR).",
    )
    rates.add_argument("currencies", nargs="*", metavar="CUR")
    rates.add_argument("--date", metavar="YYYY-MM-DD")
    table_options(rates)
    rates.add_argument("--format", choices=("table", "json"), default="table")
    rates.add_argument("--coverage", action="store_true",
                       help="every currency of the ECB table, the NBP tables A/B and the legal "
                            "pegs, with its source and date range")
    rates.add_argument("--update", action="store_true",
                       help="download the ECB's newest rates and the NBP's newer tables A "
                            "and B (online) into your data folder; later runs use them")
    rates.add_argument("--update-from", default=None, metavar="URL",
                       help="with --update: where to download the ECB table from (default: the "
                            "ECB); given alone, only the ECB table is updated")
    rates.add_argument("--update-nbp-from", default=None, metavar="URL",
                       help="with --update: the NBP API's base URL (default: "
                            "https://api.nbp.pl/api)")
    rates.set_defaults(func=run_rates)


def table_options(p: argparse.ArgumentParser) -> None:
    """--rates FILE (repeatable) and --rates-base CUR: the same on every command."""
    p.add_argument("--rates", action="append", default=[], metavar="FILE",
                   help="add a CSV table (columns date,currency,rate); repeatable, later wins")
    p.add_argument("--rates-base", default="EUR", metavar="CUR",
                   help="currency the --rates tables are quoted against (default EUR)")


def table_from(args: argparse.Namespace) -> RateTable | None:
    """The table the options ask for: the default one (None) or it plus the --rates files."""
    if not args.rates:
        return None
    return with_files(args.rates, args.rates_base, max_bytes=getattr(args, "max_bytes", None))


def rates_spec(args: argparse.Namespace) -> tuple[tuple[str, ...], str] | None:
    """--rates and --rates-base as a picklable key, for worker processes to load once."""
    return (tuple(args.rates), args.rates_base) if args.rates else None


def _table(args: argparse.Namespace) -> RateTable:
    return table_from(args) or RateTable.default()


# ---- convert ---------------------------------------------------------------------------------


def run_convert(args: argparse.Namespace) -> int:
    table = _table(args)
    to = check_code(args.to)
    if args.date is None:
        date = table.last_day
        print(f"figures: no --date: using the rate table's last day, {date}", file=sys.stderr)
    else:
        date = as_date(args.date)
    fig = _parse_amount(args.amount, args.from_currency)
    if fig.currency is None:
        cands = " or ".join(fig.currency_candidates) or "unknown"
        flags = " or ".join(f"--from {c}" for c in fig.currency_candidates) or "--from CUR"
        raise InputError(f"the currency of '{args.amount}' is ambiguous ({cands}); pass {flags}")
    table.rate(fig.currency, to, date)  # raises NoRate with the table's range: exit 2
    out = normalize(fig, to, table=table, date=date)
    if args.format == "json":
        doc = out.to_dict()
        doc["attribution"] = _attribution(out.rate_source)
        print(json.dumps(doc, ensure_ascii=False))
        return 0
    rate = out.rate if out.rate is not None else Decimal(1)
    if out.normalized_value is not None and fig.value is not None:
        print(f"{args.amount.strip()} = {to} {_money(out.normalized_value)}")
        amount = human.amount(fig.value, fig.precision)
    else:  # a range: "RMB 10-12 billion"
        lo_v = RATE_CONTEXT.multiply(fig.low or Decimal(0), rate)
        hi_v = RATE_CONTEXT.multiply(fig.high or Decimal(0), rate)
        print(f"{args.amount.strip()} = {to} {_money(lo_v)} .. {_money(hi_v)}")
        amount = (f"{human.amount(fig.low or Decimal(0), fig.precision)} .. "
                  f"{human.amount(fig.high or Decimal(0), fig.precision)}")
    print(f"  {fig.currency} {amount} x {human.rate(rate)} {to} per {fig.currency}")
    stale = ""
    if out.rate_date and out.rate_date != date:
        days = (date - out.rate_date).days
        stale = (f", the last table day on or before {date} "
                 f"({days} day{'s' if days != 1 else ''} earlier)")
    print(f"  rate: {out.rate_source}, table day {out.rate_date}{stale}")
    lo, hi = out.normalized_low, out.normalized_high
    if lo is not None and hi is not None and lo != hi:
        print(f"  as printed (rounding): {to} {_money(lo)} .. {_money(hi)}")
    if attribution := _attribution(out.rate_source):
        print(f"  {attribution}")
    return 0


def _parse_amount(text: str, from_currency: str | None) -> Figure:
    forced = check_code(from_currency) if from_currency else None
    fig = _first_money(_extractor(), text) or _fallback_parse(text, forced)
    if fig is None:
        raise InputError(f"no amount found in '{text}'; write it like 'RMB 10 billion', "
                         f"'USD 1,250,000' or '1.5 million' with --from CUR")
    if forced:
        fig = fig.replace(currency=forced, currency_candidates=())
    return fig


def _extractor() -> Callable[[str], list[Figure]] | None:
    try:
        from figures.extract import extract
    except ImportError:
        return None
    return extract if callable(extract) else None


def _first_money(extract: Callable[[str], list[Figure]] | None, text: str) -> Figure | None:
    if extract is None:
        return None
    return next((f for f in extract(text) if f.kind == Kind.MONEY), None)


# FALLBACK parser, kept only for when figures.extract is missing or finds no money figure (a
# bare number with --from). "<CODE> <number> [scale]", "<number> [scale] <CODE>" or "<number>".
# The extractor's scale words (figures.vocab.scales, one table for both), case-folded for typed
# input, as powers of ten. A lone "t" is not among them: it is a trillion to some, a thousand
# (TEUR) to others.
_SCALES = {w.lower(): len(str(m)) - 1 for w, m in SCALE_WORDS.items() if w.isascii() and " " not in w}
# Matched against the text with its whitespace collapsed to single spaces, so the optional
# parts cannot compete for the same run of spaces (linear on any input).
_FALLBACK = re.compile(
    r"(?:(?P<c1>[A-Za-z]{3}) ?)?(?P<num>[-+]?\d[\d,]*(?:\.\d+)?)(?: ?(?P<scale>[A-Za-z]+))?"
    r"(?: (?P<c2>[A-Za-z]{3}))?"
)


def _fallback_parse(text: str, forced: str | None) -> Figure | None:
    m = _FALLBACK.fullmatch(" ".join(text.split()))
    if m is None:
        return None
    scale_word = (m["scale"] or "").lower()
    code = m["c1"] or m["c2"]
    if scale_word and scale_word not in _SCALES:
        if m["c2"] is None and len(scale_word) == 3:
            code, scale_word = m["scale"], ""  # "10000 CNY": the 'scale' was the code
        else:
            return None
    if code is not None:
        code = ALIASES.get(code.upper(), code)
        code = check_code(code)
    elif forced is None:
        raise InputError(f"no currency in '{text}'; write it like 'CNY 10 billion' or pass --from")
    digits = m["num"].replace(",", "")
    value = Decimal(digits).scaleb(_SCALES.get(scale_word, 0))
    exp = Decimal(digits).as_tuple().exponent
    precision = Decimal(1).scaleb(int(exp) + _SCALES.get(scale_word, 0))
    return Figure(doc=None, start=0, end=len(text), text=text.strip(), kind=Kind.MONEY,
                  value=value, currency=code or forced, scale_word=scale_word or None,
                  precision=precision)


# ---- rates -----------------------------------------------------------------------------------


def run_rates(args: argparse.Namespace) -> int:
    if args.update:
        from figures.normalize.rates.user import ECB_URL, update, update_nbp

        # Each source is written only after its own download checked out, so an error in the
        # NBP part leaves the ECB update in place and nothing of the NBP half-written.
        print(update(args.update_from or ECB_URL).describe())
        if args.update_nbp_from or not args.update_from:
            print(update_nbp(args.update_nbp_from).describe())
        return 0
    codes = [check_code(c) for c in args.currencies]
    if args.coverage:
        return _show_world_coverage(args, codes)
    table = _table(args)
    if args.date is None:
        return _show_coverage(table, codes, args.format)
    date = as_date(args.date)
    if len(codes) >= 2:
        pairs = [(codes[0], q) for q in codes[1:]]
    elif codes:
        pairs = [(table.root, codes[0])]
    else:
        pairs = [(table.root, c) for c in table.currencies if c != table.root]
    rows: list[dict[str, Any]] = []
    for b, q in pairs:
        try:
            r = table.rate(b, q, date)
        except (NoRate, UnknownCurrency) as exc:  # withdrawn codes in the NBP tables (AFA ...)
            if len(pairs) == 1:
                raise
            rows.append({"base": b, "quote": q, "date": str(date), "error": str(exc)})
            continue
        rows.append({"base": b, "quote": q, "date": str(date), "rate": plain_decimal(r.value),
                     "rate_date": str(r.rate_date), "source": r.source})
    if args.format == "json":
        print(json.dumps({"rates": rows, "attribution": ECB_ATTRIBUTION}))
        return 0
    if len(rows) == 1:
        r0 = rows[0]
        note = "" if r0["rate_date"] == r0["date"] else f" (requested {r0['date']})"
        print(f"1 {r0['base']} = {human.rate(Decimal(r0['rate']))} {r0['quote']}")
        print(f"  {r0['source']}, table day {r0['rate_date']}{note}")
        print(f"  {_attribution(r0['source']) or ''}".rstrip())
        return 0
    from rich.table import Table

    t = Table(title=f"Rates on {date}", caption=ECB_ATTRIBUTION)
    for col in ("pair", "rate", "table day", "source / why not"):
        t.add_column(col, overflow="fold")
    for r in rows:
        pair = f"{r['base']}/{r['quote']}"
        if "error" in r:
            t.add_row(pair, "-", "-", r["error"])
        else:
            t.add_row(pair, human.rate(Decimal(r["rate"])), r["rate_date"], r["source"])
    _console().print(t)
    return 0


def _show_coverage(table: RateTable, codes: list[str], fmt: str) -> int:
    cov = [c for c in table.coverage() if not codes or c.currency in codes]
    missing = [c for c in codes if c not in table.currencies]
    if missing:
        try:  # the table's own message lists what it has and how to add more
            table.rate(missing[0], table.root, table.last_day)
        except NoRate as exc:
            raise NoRate(str(exc).replace(f"/{table.root}", "")) from None
    if fmt == "json":
        print(json.dumps({
            "root": table.root,
            "sources": [{"name": s.name, "first": str(s.first), "last": str(s.last),
                         "origin": s.origin} for s in table.sources],
            "attribution": ECB_ATTRIBUTION,
            "currencies": [{
                "currency": c.currency, "name": c.name, "source": c.source,
                "first": str(c.first), "last": str(c.last), "days": c.days,
                "holes": [[str(a), str(b)] for a, b in c.holes], "ends_early": c.ends_early,
            } for c in cov],
        }))
        return 0
    from rich.table import Table

    spans = "; ".join(f"{s.name} {s.first}..{s.last}" for s in table.sources)
    t = Table(title=f"Rate coverage (per 1 {table.root}; {spans})", caption=ECB_ATTRIBUTION)
    for col in ("code", "name", "source", "first", "last", "days", "holes / end"):
        t.add_column(col, overflow="fold")
    for c in cov:
        notes = [f"hole {a}..{b}" for a, b in c.holes]
        if c.ends_early:
            notes.append(f"ends {c.last}")
        t.add_row(c.currency, c.name, c.source, str(c.first), str(c.last), str(c.days),
                  ", ".join(notes))
    _console(pipe_width=160).print(t)  # source names are long (NBP tables)
    return 0


def _show_world_coverage(args: argparse.Namespace, codes: list[str]) -> int:
    """`--coverage`: the ECB-first, NBP-next, pegs-last source (figures.rate_sources)."""
    base = RateTable.world()
    extra = [RateTable.from_csv(p, base=args.rates_base) for p in args.rates]
    return _show_coverage(combine(base, *extra) if extra else base, codes, args.format)


# ---- output helpers --------------------------------------------------------------------------


def _console(pipe_width: int = 120) -> Any:
    from rich.console import Console

    out = sys.stdout
    width = None if out.isatty() else pipe_width  # pipes and captures get a fixed width
    return Console(file=out, width=width, highlight=False)


def _money(d: Decimal) -> str:
    return human.money(d)


def _attribution(source: str | None) -> str | None:
    return ECB_ATTRIBUTION if source and ECB_SOURCE in source.split("+") else None

