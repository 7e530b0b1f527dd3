#!/usr/bin/env bash
# Parquet benchmark: writes (and reads back) a 2,000,000-row songplays-like table with
# sparkify's writer and with pyarrow's `pq.write_table` (snappy), best of 3, release build.
#   bench/parquet.sh [ROWS] [RUNS]
# (.build-release/release/ParquetBench N PATH 1 snappy small-files times N one-row files.)
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/bootstrap --python pyarrow
echo "parquet.sh: building ParquetBench (release)" >&2
swift build -c release --scratch-path .build-release --product ParquetBench >&2
exec .venv/bin/python bench/parquet.py .build-release/release/ParquetBench "${1:-2000000}" "${2:-3}"
