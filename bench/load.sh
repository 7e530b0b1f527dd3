#!/usr/bin/env bash
# Load benchmark: times `sparkify load` against DuckDB's read_json on two generated datasets
# (the bucket's shape, 14,896 songs + 8,056 events, and a large one, 100,000 songs + 2,000,000
# events, about 1 GB) and prints a markdown table. Options are passed to bench/load.py:
#   --shapes bucket|large|bucket,large   --runs N   --duckdb-only   --regenerate
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap --python duckdb
echo "load.sh: building sparkify (release)" >&2
swift build -c release --product sparkify >&2
sparkify=.build/release/sparkify

duckdb_only=false
for argument in "$@"; do
    [ "$argument" = "--duckdb-only" ] && duckdb_only=true
done
# An unknown subcommand's help falls back to the top-level help, so look for load's own usage line.
if [ "$duckdb_only" = false ] && ! "$sparkify" help load 2>/dev/null | grep -q "sparkify load"; then
    echo "load.sh: this sparkify has no 'load' command (sparkify load PATH --recursive)." >&2
    echo "load.sh: build a version that has it, or pass --duckdb-only to measure DuckDB alone." >&2
    exit 2
fi

mkdir -p bench/out
exec .venv/bin/python bench/load.py --sparkify "$sparkify" --out bench/out "$@"
