"""Coverage-guided fuzzing of `figures.extract` with atheris (libFuzzer for Python).

Each input is bytes. They become text three ways, so the fuzzer reaches what a real document
can hold: UTF-8 with `surrogateescape` (invalid bytes become lone surrogates, as Python does
for file names), UTF-16-LE (any code point, lone surrogates included, via `surrogatepass`), and
Latin-1 (every byte a character). The first byte picks the decoding and whether the figures are
also normalized to a currency at a date.

Invariants (the same as tests/test_fuzz.py):
- nothing but the FiguresError family escapes (normalization may say NoRate/UnknownCurrency);
- offsets index the text: text[start:end] == figure.text, 0 <= start <= end <= len(text);
- numbers are finite Decimals, rendered in plain notation by Figure.to_dict().

Engine. atheris traces Python bytecode, so by default the harness runs the Python engine
(FIGURES_PURE_PYTHON=1) and its coverage guides the search; FIGURES_FUZZ_NATIVE=1 fuzzes the
compiled engine instead, as a black box (no coverage from inside it).

Run (see fuzz/README.md):
    python fuzz/extract_fuzz.py -atheris_runs=200000 fuzz/corpus
    FIGURES_FUZZ_NATIVE=1 python fuzz/extract_fuzz.py -atheris_runs=200000 fuzz/corpus
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date as Date
from decimal import Decimal

import atheris

if not os.environ.get("FIGURES_FUZZ_NATIVE"):
    os.environ["FIGURES_PURE_PYTHON"] = "1"  # bytecode atheris can instrument

with atheris.instrument_imports():
    import figures
    from figures.errors import FiguresError

DECIMAL_FIELDS = ("value", "low", "high", "precision", "normalized_value", "normalized_low",
                  "normalized_high", "rate")
TARGETS = ("USD", "EUR", "CNY", "JPY")
DATES = (None, Date(2021, 10, 19), Date(1999, 1, 4), Date(2030, 1, 1))


def to_text(data: bytes) -> tuple[str, int]:
    if not data:
        return "", 0
    mode, body = data[0], data[1:]
    how = mode % 3
    if how == 0:
        text = body.decode("utf-8", "surrogateescape")
    elif how == 1:
        text = body[: len(body) - len(body) % 2].decode("utf-16-le", "surrogatepass")
    else:
        text = body.decode("latin-1")
    return text, mode


def check(text: str, figs: list) -> None:
    for f in figs:
        assert 0 <= f.start <= f.end <= len(text), (f.start, f.end, len(text))
        assert text[f.start:f.end] == f.text, (text[f.start:f.end], f.text)
        for name in DECIMAL_FIELDS:
            v = getattr(f, name)
            assert v is None or (type(v) is Decimal and v.is_finite()), (name, v)
        row = f.to_dict()
        for name in DECIMAL_FIELDS:
            assert row[name] is None or "E" not in row[name], (name, row[name])
        json.dumps(row, ensure_ascii=False)


def test_one_input(data: bytes) -> None:
    text, mode = to_text(data)
    figs = figures.extract(text)
    check(text, figs)
    if mode & 0x80:  # also normalize
        to = TARGETS[(mode >> 3) % len(TARGETS)]
        d = DATES[(mode >> 5) % len(DATES)]
        try:
            figs = figures.extract(text, date=d, to=to)
        except FiguresError:
            return
        check(text, figs)


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
