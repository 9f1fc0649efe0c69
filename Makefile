# The README's two commands: `make run` and `make test`. Both set everything up on a fresh
# machine that has Python 3.11 and the package registries.
SHELL := /bin/bash
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --quiet --disable-pip-version-check

.PHONY: run test test-deep lint typecheck pytest system-deps bench lock clean

# Each stamp records that the venv holds exactly one hashed lock file (requirements/*.txt,
# written by `make lock` from pyproject.toml and constraints.txt) plus unhunch itself.
$(VENV)/.%-stamp: requirements/%.txt pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) install --require-hashes --no-deps -r $<
	$(PIP) install --no-deps -e .
	@rm -f $(VENV)/.*-stamp && touch $@

run: $(VENV)/.run-stamp
	$(BIN)/unhunch serve

system-deps:
	@scripts/system-deps.sh

lint: $(VENV)/.test-stamp
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

typecheck: $(VENV)/.test-stamp
	$(BIN)/mypy --strict src

# A throwaway PostgreSQL on a free port for this run only, stopped when the tests end.
pytest: $(VENV)/.test-stamp system-deps
	@scripts/postgres.sh start
	@trap 'scripts/postgres.sh stop' EXIT; \
	  UNHUNCH_TEST_PG="$$(scripts/postgres.sh url)" $(BIN)/pytest

test: lint typecheck pytest

# The property tests with fresh random examples, many more than `make test` runs (the "deep"
# hypothesis profile, tests/conftest.py). Keep each failure it finds as an @example.
test-deep: $(VENV)/.test-stamp
	HYPOTHESIS_PROFILE=deep $(BIN)/pytest -p no:randomly $$(grep -rl '@given' tests --include='test_*.py')

bench: $(VENV)/.bench-stamp
	@for b in bench/*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

lock: $(VENV)/.test-stamp
	UV=$(BIN)/uv scripts/lock.sh

clean:
	scripts/postgres.sh stop || true
	rm -rf $(VENV) .pg .pytest_cache .mypy_cache .ruff_cache
