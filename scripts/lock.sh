#!/usr/bin/env bash
# Writes the hashed lock files that `make` installs from (requirements/*.txt), resolved from
# pyproject.toml's ranges and the pins in constraints.txt. Run after changing either: `make lock`.
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
compile() {
  local out=$1; shift
  "$UV" pip compile pyproject.toml "$@" -c constraints.txt --generate-hashes \
    --python-version 3.11 --python-platform x86_64-manylinux_2_28 --no-header --quiet -o "$out"
}
compile requirements/run.txt
compile requirements/test.txt --extra dev --extra server
compile requirements/bench.txt --extra dev --extra server --extra bench
