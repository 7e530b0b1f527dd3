#!/usr/bin/env bash
# The walkthrough's analyses (the tables its charts draw) in Apache Spark and in sparkify, compared.
# SPARKIFY_PYSPARK_PYTHON names a Python that has pyspark already (else it goes into .venv).
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v java >/dev/null 2>&1; then
    echo "walkthrough-spark: skipped: no Java, which Spark needs" >&2
    exit 0
fi
python="${SPARKIFY_PYSPARK_PYTHON:-}"
if [ -z "$python" ]; then
    if ! scripts/bootstrap --python pyspark; then
        echo "walkthrough-spark: skipped: pyspark could not be installed into .venv" >&2
        exit 0
    fi
    python=.venv/bin/python
fi
swift build --product sparkify >/dev/null
"$python" scripts/checks/walkthrough_spark.py .build/debug/sparkify
