# The README's two commands: `make run` and `make test`. Both set everything up on a fresh
# machine that has Python 3.11 and the package registries.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: run test test-deep lint typecheck pytest system-deps postgres bench clean

$(STAMP): pyproject.toml constraints.txt
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev]'
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/unhunch serve

system-deps:
	@scripts/system-deps.sh

postgres: system-deps
	@scripts/postgres.sh start

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(STAMP)
	$(BIN)/mypy --strict src

pytest: $(STAMP) system-deps postgres
	UNHUNCH_TEST_PG="$$(scripts/postgres.sh url)" $(BIN)/pytest

test: lint typecheck pytest

# The property tests with fresh random examples, many more than `make test` runs (the "deep"
# hypothesis profile, tests/conftest.py). Keep each failure it finds as an @example.
test-deep: $(STAMP)
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -p no:randomly $$(grep -rl '@given' tests --include='test_*.py')

bench: $(STAMP)
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
	scripts/postgres.sh stop || true
