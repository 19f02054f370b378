"""Normalize physical quantities with pint, exactly, as Decimal.

Rule: every quantity goes to the SI coherent unit of its dimension, written as pint's base
units (m, m², m³, kg, s, J, W, m/s, Pa, K, A, V, Hz...), with two documented exceptions where SI
base units would hide what news means: information goes to bytes (B) and plane angle stays in
degrees. Energy is in joules (not kWh) so one rule covers every dimension; a caller that wants
kWh divides by the exact 3600000.

Factors come from pint with `non_int_type=Decimal`, computed once per unit and cached, so the
results are Decimal end to end and exact where the definition is (1 mile = 1609.344 m exactly;
km/h -> m/s is 5/18, rounded at 28 significant digits). Temperatures are affine: the offset is
applied exactly (°C + 273.15). pint is imported at first use, not when figures is imported.
"""

from __future__ import annotations

import re
from decimal import Decimal, localcontext
from functools import cache
from pathlib import Path

from figures.errors import FiguresError

NEWSROOM_DEFINITIONS = Path(__file__).parent / "vocab" / "units_newsroom.txt"


class UnknownUnitError(FiguresError):
    """A unit expression pint cannot read, even with the newsroom definitions."""


@cache
def registry():
    """The shared pint registry: Decimal magnitudes, newsroom definitions loaded."""
    import pint

    with localcontext() as ctx:
        ctx.prec = _WORK_DIGITS  # pint caches factors computed in the context of first use
        ureg = pint.UnitRegistry(non_int_type=Decimal, autoconvert_offset_to_baseunit=True)
        ureg.load_definitions(str(NEWSROOM_DEFINITIONS))
    return ureg


# Named SI units for derived dimensions, so 'J' is printed rather than 'kg·m²/s²'.
_NAMED = (("joule", "J"), ("watt", "W"), ("pascal", "Pa"), ("hertz", "Hz"), ("volt", "V"),
          ("coulomb", "C"), ("newton", "N"))
# pint chains definitions through reciprocals (inch = yard / 36): work with 60 digits, then
# round to Decimal's default 28 so exact factors come out exact (0.9 ft³ = 0.0254851619328 m³).
_WORK_DIGITS = 60
_RESULT_DIGITS = 28


@cache
def _named() -> dict:
    ureg = registry()
    return {ureg.get_dimensionality(name): (name, symbol) for name, symbol in _NAMED}
_ANGLES = ("degree", "radian", "arcminute", "arcsecond", "turn")


_ANGLE_WORDS = frozenset(_ANGLES)
_NAME = re.compile(r"[A-Za-z_]+")  # unit names in pint's rendering ('degree_Celsius' is no angle)


@cache
def _per_second():
    return registry().get_dimensionality("1 / second")


def _quantity(value: Decimal, unit: str):
    ureg = registry()
    try:
        return ureg.Quantity(value, unit)
    except ValueError:  # a numeric factor in the unit ('kilowatt_hour / (100 * kilometer)')
        return value * ureg.parse_expression(unit)
    except Exception as exc:  # pint raises several types for an unknown name
        raise UnknownUnitError(
            f"unknown unit {unit!r}: use a pint unit name such as 'kilometer' or 'kilowatt_hour'"
        ) from exc


@cache
def _target(unit: str) -> tuple[str, str]:
    """(pint expression to convert to, its display symbol) for a unit expression."""
    with localcontext() as ctx:
        ctx.prec = _WORK_DIGITS
        return _target_in_context(unit)


def _target_in_context(unit: str) -> tuple[str, str]:
    q = _quantity(Decimal(1), unit)
    dims = q.dimensionality
    if not dims:
        names = str(q.units)
        if "bit" in names or "byte" in names:
            return "byte", "B"
        if any(a in names for a in _ANGLES):
            return "degree", "°"
        return "dimensionless", ""
    names = str(q.units)
    if _ANGLE_WORDS.intersection(_NAME.findall(names)):
        # pint reads an angle as a pure number (1 turn = 2π): 1,500 rpm would become 157 "Hz".
        # An angle per time keeps its angle; other angle compounds are left as printed.
        if dims == _per_second():
            return ("turn / second", "rev/s") if "turn" in names else ("degree / second", "°/s")
        raise UnknownUnitError(f"{unit!r}: an angle in a compound unit is not normalized")
    named = _named().get(dims)
    if named is not None:
        return named
    base = q.to_base_units().units
    return str(base), f"{base:~P}"


def to_si(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """(normalized value, normalized unit symbol): to_si(Decimal("800"), "kilometer") ->
    (Decimal("800000"), "m"). Offset units (°C, °F) convert affinely to K."""
    if not isinstance(value, Decimal):
        raise TypeError("to_si takes a Decimal value (money and figures never pass through float)")
    target, symbol = _target(unit)
    with localcontext() as ctx:
        ctx.prec = _WORK_DIGITS
        magnitude = _quantity(value, unit).to(target).magnitude
        if not isinstance(magnitude, Decimal):  # an int from pint's own arithmetic
            magnitude = Decimal(magnitude)
        ctx.prec = _RESULT_DIGITS
        magnitude = +magnitude
    return _plain(magnitude), symbol


def _plain(d: Decimal) -> Decimal:
    """Strip pint's trailing zeros without losing exactness ('3.600E+6' -> 3600000)."""
    normalized = d.normalize()
    if normalized != normalized.to_integral_value():
        return normalized
    _, digits, exp = normalized.as_tuple()
    with localcontext() as ctx:  # '5 fb-1' is 5E+43 per m²: room for every digit
        ctx.prec = max(ctx.prec, len(digits) + max(int(exp), 0))
        return normalized.quantize(Decimal(1))


def dimension_of(unit: str) -> str:
    """pint's dimensionality of a unit expression, e.g. '[length]'."""
    return str(_quantity(Decimal(1), unit).dimensionality)


def precision_of(value: Decimal) -> Decimal:
    """The place value of the last significant written digit; trailing zeros of a whole
    number are read as rounding ('500' -> 100, '800' -> 100, '12.50' -> 0.01)."""
    _, digits, exp = value.as_tuple()
    if not isinstance(exp, int):
        raise ValueError(f"not a finite number: {value}")
    if exp < 0:
        return Decimal(1).scaleb(exp)
    trailing = len(digits) - len("".join(map(str, digits)).rstrip("0")) if any(digits) else 0
    return Decimal(1).scaleb(exp + trailing)


def same_quantity(a: tuple, b: tuple) -> bool:
    """Whether two printed quantities can be the same amount within their rounding:
    same_quantity((Decimal("500"), "mile"), (Decimal("800"), "kilometer")) is True.

    Each side is (value, unit) or (value, unit, precision); without a precision it is read
    from the digits (precision_of). The two rounding intervals, in SI, must overlap.
    Different dimensions are never the same quantity."""
    (va, ua, pa), (vb, ub, pb) = (_with_precision(x) for x in (a, b))
    if _target(ua)[0] != _target(ub)[0]:
        return False
    lo_a, hi_a = _interval(va, ua, pa)
    lo_b, hi_b = _interval(vb, ub, pb)
    return lo_a <= hi_b and lo_b <= hi_a


def _with_precision(x: tuple) -> tuple[Decimal, str, Decimal]:
    if len(x) == 3:
        return x[0], x[1], x[2]
    return x[0], x[1], precision_of(x[0])


def _interval(value: Decimal, unit: str, precision: Decimal) -> tuple[Decimal, Decimal]:
    half = precision / 2
    lo, _ = to_si(value - half, unit)
    hi, _ = to_si(value + half, unit)
    return (lo, hi) if lo <= hi else (hi, lo)


# ---- figures -------------------------------------------------------------------------------
# A Figure carries the unit as displayed ('kilowatt hour', 'square meter', per '100 kilometer');
# the pint name comes back through the unit table's DISPLAY (one display per unit).


@cache
def _pint_names() -> dict[str, str]:
    from figures.vocab.units_table import DISPLAY

    return {display: unit for unit, display in DISPLAY.items()}


def pint_unit(unit: str, per: str | None = None) -> str:
    """The pint expression of a figure's unit and per-unit: pint_unit('kilowatt hour',
    '100 kilometer') -> 'kilowatt_hour / (100 * kilometer)'; 'inverse femtobarn' -> '1 /
    (femtobarn)'; per 'square meter per year' -> '(meter ** 2) / (year)'."""
    names = _pint_names()
    if unit.startswith("inverse "):  # '5 fb-1': 'inverse femtobarn'
        base = unit[len("inverse "):]
        num = f"1 / ({names.get(base, base.replace(' ', '_'))})"
    else:
        num = names.get(unit, unit.replace(" ", "_"))
    if per is None:
        return num
    per, _, per2 = per.partition(" per ")  # 'J/m^2 per year': per 'square meter per year'
    count, _, name = per.partition(" ")
    if count.isdigit() and name:
        den = f"({count} * {names.get(name, name.replace(' ', '_'))})"
    else:
        den = f"({names.get(per, per.replace(' ', '_'))})"
    if per2:
        den = f"{den} / ({names.get(per2, per2.replace(' ', '_'))})"
    return f"({num}) / {den}"


@cache
def _affine(unit: str) -> tuple[Decimal, Decimal, str]:
    """(factor, offset, SI symbol) with si = value * factor + offset, exact as to_si is; one
    pint conversion per unit, then Decimal arithmetic only."""
    zero, symbol = to_si(Decimal(0), unit)
    one, _ = to_si(Decimal(1), unit)
    return one - zero, zero, symbol


def si_value(value: Decimal, unit: str) -> tuple[Decimal, str]:
    """to_si through the cached affine map of `unit` (same results, no pint call per value)."""
    factor, offset, symbol = _affine(unit)
    with localcontext() as ctx:
        ctx.prec = _RESULT_DIGITS
        return _plain(value * factor + offset), symbol


def normalize_quantity(fig):
    """A physical figure (kind quantity) with normalized_value/low/high and normalized_unit in
    SI (see to_si); other figures, and units pint cannot read, come back unchanged."""
    from figures.model import Kind

    if fig.kind != Kind.QUANTITY or not fig.unit:
        return fig
    try:
        unit = pint_unit(fig.unit, fig.per)
        low = si_value(fig.low, unit)[0] if fig.low is not None else None
        high = si_value(fig.high, unit)[0] if fig.high is not None else None
        value, symbol = si_value(fig.value, unit) if fig.value is not None else (None, _affine(unit)[2])
    except Exception:  # pint raises several types (undefined unit, dimensionality, syntax)
        return fig  # left as printed: normalized fields stay None
    return fig.replace(normalized_value=value, normalized_low=low, normalized_high=high,
                       normalized_unit=symbol)


def si_view(fig):
    """A normalized physical figure restated in its SI unit (value, low, high, precision and
    unit; per folded in), for checks that compare quantities across unit systems: '500 miles'
    and '800 km' both become metres. Offsets and text stay the printed ones. Other figures come
    back unchanged."""
    if fig.normalized_unit is None or fig.unit is None:
        return fig
    precision = fig.precision
    if precision is not None and fig.value is not None:
        # Trailing zeros of a whole measure are rounding ('500 miles' ~ 450..550), as in
        # same_quantity: a writer converting 800 km rounds to 500 miles.
        precision = max(precision, precision_of(fig.value))
    if precision is not None:
        try:
            factor = _affine(pint_unit(fig.unit, fig.per))[0]
        except Exception:  # pint raises several types; normalize_quantity already read it
            return fig
        precision = abs(precision * factor)
    return fig.replace(value=fig.normalized_value, low=fig.normalized_low,
                       high=fig.normalized_high, precision=precision,
                       unit=fig.normalized_unit, per=None)
