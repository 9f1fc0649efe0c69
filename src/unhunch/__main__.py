"""`python -m unhunch` runs the command line."""

from unhunch.cli.main import run

run()
