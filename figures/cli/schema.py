"""`figures schema extract|check|rates`: the JSON Schema every output validates against."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "schema", help="print the JSON Schema of an output (extract rows, check JSON, rate rows)",
        description="Print the JSON Schema (from the pydantic models in figures.io.schema) that "
                    "`figures extract` rows, `figures check --format json` or a user rate-table "
                    "row validate against.")
    p.add_argument("what", choices=("extract", "check", "rates"))
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from figures.io.schema import json_schema

    print(json_schema(args.what))
    return 0
