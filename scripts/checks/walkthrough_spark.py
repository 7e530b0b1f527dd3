#!/usr/bin/env python3
"""Runs the walkthrough (samples/etl.sql) up to its last analysis cell in Apache Spark and in
sparkify, and compares the analysis tables (the ones the charts draw) row for row.

    python scripts/checks/walkthrough_spark.py SPARKIFY_BINARY

Exit status 0 when every analysis table is the same, 1 otherwise.
"""
import csv
import io
import os
import re
import subprocess
import sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
NOTEBOOK = os.path.join(ROOT, "samples", "etl.sql")
DATA = os.path.join(ROOT, "samples", "data")
MARKER = re.compile(r"^\s*--\s*%%+(\s|$)")


def analysis_script():
    """The notebook's SQL up to the end of its last cell tagged analysis, and those cells' names."""
    lines = open(NOTEBOOK, encoding="utf-8").read().split("\n")
    markers = [i for i, line in enumerate(lines) if MARKER.match(line)]
    analyses = []
    end = len(lines)
    for position, i in enumerate(markers):
        words = lines[i].split()
        if 'tags=["analysis"]' in lines[i] and len(words) > 2:
            analyses.append(words[2])
            end = markers[position + 1] if position + 1 < len(markers) else len(lines)
    sql = "\n".join(line for line in lines[:end] if not line.strip().startswith("--"))
    return [s.strip() for s in sql.split(";\n") if s.strip()], analyses


def spark_tables(statements, names):
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.ui.showConsoleProgress", "false").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    spark.sql(f"SET data={DATA}")
    for statement in statements:
        spark.sql(statement.rstrip(";"))
    tables = {}
    for name in names:
        df = spark.sql(f"SELECT * FROM {name}")
        rows = [["" if v is None else str(v) for v in row] for row in df.collect()]
        tables[name] = [df.columns] + rows
    spark.stop()
    return tables


def sparkify_tables(binary, statements, names):
    tables = {}
    script = ";\n".join(statements) + ";\n"
    for name in names:
        result = subprocess.run([binary, "sql", "--data", DATA, "--mode", "csv", "--max-rows", "1000000"], input=script + f"SELECT * FROM {name};\n",
                                capture_output=True, text=True, cwd=ROOT)
        if result.returncode != 0:
            sys.exit(f"sparkify failed on {name}:\n{result.stderr}")
        tables[name] = [row for row in csv.reader(io.StringIO(result.stdout))]
    return tables


def main():
    binary = sys.argv[1]
    statements, names = analysis_script()
    if not names:
        sys.exit("no cell of samples/etl.sql is tagged analysis")
    expected = spark_tables(statements, names)
    actual = sparkify_tables(binary, statements, names)
    failed = False
    for name in names:
        if expected[name] != actual[name]:
            failed = True
            print(f"{name}: sparkify differs from Spark", file=sys.stderr)
            print(f"  Spark:    {expected[name]}", file=sys.stderr)
            print(f"  sparkify: {actual[name]}", file=sys.stderr)
        else:
            print(f"{name}: {len(expected[name]) - 1} rows, the same as Spark", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
