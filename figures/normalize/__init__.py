"""Normalize: a Mention becomes a Figure in a target currency at a date (conversion), with one
interval model, one date parser and the rate tables (figures.normalize.rates)."""

from figures.normalize.convert import convert, normalize
from figures.normalize.interval import interval, pragmatic, semantic

__all__ = ["convert", "interval", "normalize", "pragmatic", "semantic"]
