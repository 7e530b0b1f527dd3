#!/usr/bin/env bash
# Cross-checks the lake the walkthrough writes: runs samples/etl.sql on samples/data with
# `sparkify sql --output TMP`, dumps sparkify's five lake tables (and its own read-back of each
# folder), then reads every folder with pyarrow (`pq.read_table`, `ds.dataset(partitioning="hive")`)
# and DuckDB (`read_parquet(..., hive_partitioning=true)`) and compares values, types and
# partitions; then Apache Spark reads the lake too when PySpark and Java are there. Fails on any
# difference.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! scripts/bootstrap --python pyarrow duckdb >/dev/null; then
    echo "lake check skipped: cannot install pyarrow and duckdb into .venv"
    exit 0
fi
echo "lake check: building sparkify" >&2
swift build --product sparkify >/dev/null
bin="$(swift build --show-bin-path)/sparkify"
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
.venv/bin/python scripts/checks/lake_check.py --sparkify "$bin" --notebook samples/etl.sql --data samples/data --work "$dir"

spark_python=${SPARK_PYTHON:-$(scripts/pyspark-python 2>/dev/null || echo none)}
if [ -x "$spark_python" ] && command -v java >/dev/null 2>&1 && "$spark_python" -c "import pyspark" 2>/dev/null; then
    if ! "$spark_python" scripts/checks/lake_check.py --spark --work "$dir" 2>"$dir/spark.log"; then
        tail -20 "$dir/spark.log"
        exit 1
    fi
else
    echo "lake check: Spark part skipped (this machine cannot run Spark: scripts/pyspark-python says why)"
fi
