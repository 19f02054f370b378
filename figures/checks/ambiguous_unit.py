"""ambiguous_unit: a physical figure whose written unit has a second reading the grammar around
it did not settle ('24 degrees': angle or temperature; '5 m': metres or million; '44 tons':
short or metric tons; '6 feet': a length or counted feet). The extractor keeps the unit reading
(figures.extract.unit_grammar); this check says which other reading the text leaves open:
`unverifiable` (info), naming both, so a reader can confirm before comparing or converting.
The forms and their other readings are the unit table's AMBIGUOUS list (scripts/build_units.py).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from figures.checks._common import INFO, UNVERIFIABLE, DocFigures, finding
from figures.model import Finding, Kind
from figures.vocab.units_table import AMBIGUOUS

if TYPE_CHECKING:
    from figures.normalize.rates.table import RateProvider

NAME = "ambiguous_unit"

_TOKEN = re.compile(r"[^\W\d_]+|[°º]")
_DEGREE_FORMS = frozenset({"degree", "degrees", "°", "º", "C", "F"})
# A length stated as a measure: '6 feet tall', '40 yards away' leave no counted-noun reading.
_MEASURE_WORDS = frozenset({"tall", "long", "high", "deep", "wide", "away", "below", "above",
                            "across", "thick", "underground", "offshore", "inland"})
_NEXT_WORD = re.compile(r"[ \u00a0]+([A-Za-z]+)")


def check(docs: Sequence[DocFigures], *, table: RateProvider | None = None) -> list[Finding]:
    out = []
    for doc in docs:
        for f in doc.figures:
            if f.kind != Kind.QUANTITY:
                continue
            form = _ambiguous_form(f.text)
            if form is None or _settled(form, f.unit or "", doc.text, f.end):
                continue
            out.append(finding(
                NAME, UNVERIFIABLE, INFO, (f,),
                f"'{f.text}': read as {f.unit}; '{form}' could also be read as: "
                f"{AMBIGUOUS[form]} (write the unit in full to settle it)",
                form=form, unit=f.unit, other_reading=AMBIGUOUS[form]))
    return out


def _ambiguous_form(text: str) -> str | None:
    for tok in _TOKEN.findall(text):
        if tok in AMBIGUOUS:
            return tok
        if tok.lower() in AMBIGUOUS and tok.lower() not in ("m", "t"):
            return tok.lower()
    return None


def _settled(form: str, unit: str, text: str | None, end: int) -> bool:
    """Whether the written unit or the next word already decides the reading."""
    if form in _DEGREE_FORMS and ("Celsius" in unit or "Fahrenheit" in unit):
        return True  # '100 °C', '95F': the scale is written
    if text is None:
        return False
    nm = _NEXT_WORD.match(text, end, min(len(text), end + 24))
    if nm is None:
        return False
    word = nm.group(1).lower()
    # 'two pounds of beef': weight (the extractor reads 'pounds of' as weight, not sterling)
    return word in _MEASURE_WORDS or (word == "of" and form in ("pound", "pounds"))
