"""Physical units. The only module that touches pint, and only for physical quantities:
money stays out of pint (DESIGN.md section 3).

The extractor needs a fast yes/no per word, so recognition is a dict look-up over the written
forms below; pint supplies the meaning (dimension, conversion) when a caller asks for it. Pint's
own parser is not used for recognition because it accepts ordinary English words as units
("point", "line", "stone", "grade"), which would turn counted nouns into physical quantities.
"""

from __future__ import annotations

from decimal import Decimal
from functools import cache, lru_cache

# written form -> (display unit kept in Figure.unit, pint expression)
_UNITS: dict[str, tuple[str, str]] = {}


_IRREGULAR = {"feet": "foot", "square feet": "square foot", "cubic feet": "cubic foot"}


def _add(display: str, pint_expr: str, *forms: str) -> None:
    """Register a unit. Spelled-out words keep their own singular ('megawatts' -> 'megawatt');
    abbreviations map to the canonical display form ('MW')."""
    names = {display, *forms}
    for form in names:
        shown = display
        if form in _IRREGULAR:
            shown = _IRREGULAR[form]
        elif len(form) > 3 and form.replace(" ", "").replace("-", "").isalpha() and form.islower():
            shown = form[:-1] if form.endswith("s") and form[:-1] in names else form
        _UNITS[form] = (shown, pint_expr)


_add("ton", "ton", "tons")
_add("tonne", "metric_ton", "tonnes", "metric tons", "metric ton", "mt")
_add("kg", "kilogram", "kilogram", "kilograms", "kgs", "kilo", "kilos")
_add("gram", "gram", "grams", "g")
_add("pound (weight)", "pound", "lb", "lbs")
_add("ounce", "ounce", "ounces", "oz")
_add("troy ounce", "troy_ounce", "troy ounces")
_add("km", "kilometer", "kilometre", "kilometres", "kilometer", "kilometers", "kms")
_add("m", "meter", "metre", "metres", "meter", "meters")
_add("cm", "centimeter", "centimetre", "centimetres", "centimeters")
_add("mm", "millimeter", "millimetre", "millimetres", "millimeters")
_add("mile", "mile", "miles")
_add("foot", "foot", "feet", "ft")
_add("square metre", "meter**2", "square metres", "square meters", "square meter", "sqm")
_add("square foot", "foot**2", "square feet", "sq ft")
_add("square kilometre", "kilometer**2", "square kilometres", "square kilometers", "sq km")
_add("hectare", "hectare", "hectares", "ha")
_add("acre", "acre", "acres")
_add("litre", "liter", "litres", "liter", "liters", "l")
_add("gallon", "gallon", "gallons")
_add("barrel", "oil_barrel", "barrels", "bbl")
_add("cubic metre", "meter**3", "cubic metres", "cubic meters", "cubic meter")
_add("kWh", "kilowatt_hour", "kwh", "kilowatt-hour", "kilowatt-hours", "kilowatt hours")
_add("MWh", "megawatt_hour", "mwh", "megawatt-hours", "megawatt hours")
_add("GWh", "gigawatt_hour", "gwh", "gigawatt-hours", "gigawatt hours")
_add("TWh", "terawatt_hour", "twh", "terawatt-hours", "terawatt hours")
_add("W", "watt", "watt", "watts")
_add("kW", "kilowatt", "kw", "kilowatt", "kilowatts")
_add("MW", "megawatt", "mw", "megawatt", "megawatts")
_add("GW", "gigawatt", "gw", "gigawatt", "gigawatts")
_add("TW", "terawatt", "terawatt", "terawatts")
_add("hp", "horsepower", "horsepower", "bhp")
_add("km/h", "kilometer/hour", "kph", "kmh", "km per hour", "kilometres per hour")
_add("mph", "mile/hour", "miles per hour")
_add("mAh", "milliampere_hour", "mah")
_add("GB", "gigabyte", "gigabytes")
_add("TB", "terabyte", "terabytes")
_add("MB", "megabyte", "megabytes")
_add("degree Celsius", "degC", "°c", "degrees celsius")
_add("cubic foot", "foot**3", "cubic feet", "cf")
_add("bcm", "1e9*meter**3", "billion cubic metres")
_add("Nm", "newton*meter", "nm", "newton-metres", "newton metres")


def unit_for(word: str) -> str | None:
    """The display unit for a written unit word, or None when it is not a physical unit.
    Case matters only where it changes the meaning (MW vs mW is not in the table)."""
    hit = _UNITS.get(word)
    if hit is None and not word.isupper():
        hit = _UNITS.get(word.lower())
    return hit[0] if hit else None


def written_forms() -> frozenset[str]:
    """Every written form the unit table recognises ('MW', 'megawatts', 'square metres')."""
    return frozenset(_UNITS)


def is_multiword_start(word: str) -> bool:
    return word.lower() in _MULTIWORD_STARTS


_MULTIWORD_STARTS = frozenset(k.split()[0] for k in _UNITS if " " in k)


@cache
def registry():  # pragma: no cover - exercised through quantity()
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=1024)
def _pint_expr(display: str) -> str:
    for display_name, expr in _UNITS.values():
        if display_name == display:
            return expr
    raise KeyError(f"not a physical unit: {display!r}")


def quantity(value: Decimal, display_unit: str):
    """A pint Quantity for a physical figure, e.g. quantity(Decimal(44), 'ton'). Values stay
    Decimal: pint operates on whatever numeric type it is given."""
    ureg = registry()
    return value * ureg(_pint_expr(display_unit))


def dimension(display_unit: str) -> str:
    """The pint dimensionality of a display unit, e.g. '[mass]'."""
    return str(registry()(_pint_expr(display_unit)).dimensionality)
