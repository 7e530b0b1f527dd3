#!/usr/bin/env bash
# Lake benchmark: writing the songplays lake (Parquet, snappy, partitioned by year and month)
# from the 2,000,000-event dataset, sparkify's CREATE TABLE ... PARTITIONED BY ... LOCATION
# against DuckDB's COPY ... (FORMAT parquet, PARTITION_BY (year, month)), side by side
# (see bench/lake.py). Options: --runs N  --out DIR (where the large dataset is cached).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/bootstrap --python duckdb pyarrow
echo "lake.sh: building sparkify (release)" >&2
swift build -c release --scratch-path .build-release --product sparkify >&2
mkdir -p bench/out
exec .venv/bin/python bench/lake.py --sparkify .build-release/release/sparkify --out bench/out "$@"
