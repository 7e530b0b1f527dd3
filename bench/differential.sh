#!/usr/bin/env bash
# Differential test: the queries of bench/differential/queries.sql in sparkify and in DuckDB on a
# generated dataset (fixed seed), compared; see bench/differential/run.py. Options:
#   --songs N --events N --seed S   the dataset (default 2000 songs, 50000 events)
#   --only TEXT                     only the queries whose name contains TEXT
#   --verbose                       also show the rows of the expected differences
#   --strict                        fail too when a known bug or expected difference went away
#   --self-test                     check the checker: planted differences (selftest.sql)
#   --sparkify PATH                 another sparkify binary (default .build/debug/sparkify)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap --python duckdb
if [[ " $* " != *" --sparkify "* ]]; then
    echo "differential.sh: building sparkify (debug)" >&2
    swift build --product sparkify >&2
fi
mkdir -p bench/out
exec .venv/bin/python bench/differential/run.py "$@"
