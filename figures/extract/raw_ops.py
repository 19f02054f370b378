"""Small updates to a figure under construction (shared by both grammars)."""

from __future__ import annotations

from decimal import Decimal

from figures.extract.raw import Raw


def apply_scale(raw: Raw, mult: int) -> None:
    m = Decimal(mult)
    if raw.value is not None:
        raw.value *= m
    if raw.low is not None:
        raw.low *= m
    if raw.high is not None:
        raw.high *= m
    if raw.precision is not None:
        raw.precision *= m
    if raw.alt is not None:
        raw.alt *= m


def apply_scale_decimal(raw: Raw, mult: Decimal) -> None:
    for name in ("value", "low", "high", "precision", "alt"):
        v = getattr(raw, name)
        if v is not None:
            setattr(raw, name, v * mult)
