"""`python -m figures.cli` runs the command line, like the `figures` entry point."""

import sys

from figures.cli.app import main

if __name__ == "__main__":
    sys.exit(main())
