#!/usr/bin/env bash
# ETL benchmark: the whole ETL and the four analyses in sparkify and in DuckDB, side by side,
# on generated data (see bench/etl.py). Options: --shapes bucket|large|bucket,large  --runs N
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap --python duckdb
echo "etl.sh: building sparkify (release)" >&2
swift build -c release --product sparkify >&2
mkdir -p bench/out
exec .venv/bin/python bench/etl.py --sparkify .build/release/sparkify --out bench/out "$@"
