#!/usr/bin/env bash
# Cross-checks sparkify's Parquet files with pyarrow and DuckDB (and Spark when PySpark and
# Java are there): sparkify reads files pyarrow wrote (every codec, dictionary and plain, data
# page v1 and v2, INT96, required columns, empty) and must see what pyarrow sees; pyarrow and
# DuckDB read files sparkify wrote and must see the values, types and statistics it wrote.
# The Swift half is the ParquetCrossCheckExport test suite, enabled by SPARKIFY_PARQUET_CHECK_DIR.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! scripts/bootstrap --python pyarrow duckdb >/dev/null; then
    echo "parquet check skipped: cannot install pyarrow and duckdb into .venv"
    exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

.venv/bin/python scripts/checks/parquet_check.py generate "$dir"
spark_python=${SPARK_PYTHON:-$(scripts/pyspark-python 2>/dev/null || echo none)}
with_spark=false
if [ -x "$spark_python" ] && command -v java >/dev/null 2>&1 && "$spark_python" -c "import pyspark" 2>/dev/null; then
    with_spark=true
    if ! "$spark_python" scripts/checks/parquet_check.py spark-generate "$dir" 2>"$dir/spark.log"; then
        tail -20 "$dir/spark.log"
        echo "parquet check: Spark could not write its files" >&2
        exit 1
    fi
fi
if ! SPARKIFY_PARQUET_CHECK_DIR="$dir" swift test --filter ParquetCrossCheckExport >"$dir/swift-test.log" 2>&1; then
    cat "$dir/swift-test.log"
    echo "parquet check: the Swift half failed" >&2
    exit 1
fi
.venv/bin/python scripts/checks/parquet_check.py compare "$dir"

if [ "$with_spark" = true ]; then
    if ! "$spark_python" scripts/checks/parquet_check.py spark "$dir" 2>"$dir/spark.log"; then
        tail -20 "$dir/spark.log"
        exit 1
    fi
else
    echo "parquet check: Spark part skipped (this machine cannot run Spark: scripts/pyspark-python says why)"
fi
