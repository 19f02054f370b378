"""The public name of the rate table (`from figures.rates import RateTable`, named by the README
and DESIGN.md); the code lives in figures.normalize.rates."""

from figures.normalize.rates.table import RateProvider, RateTable

__all__ = ["RateProvider", "RateTable"]
