"""The command line: one module per command (extract, check, convert/rates, report), the shared
options and the entry point in figures.cli.app (`figures = figures.cli:main`)."""

from figures.cli.app import main

__all__ = ["main"]
