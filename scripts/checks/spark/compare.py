#!/usr/bin/env python3
"""Runs a job written by `sparkify export` in Spark local mode and compares the table of every
cell with the one sparkify wrote (`sparkify run --dump DIR`).

    .venv/bin/python scripts/checks/spark/compare.py --job etl.py --dump DIR --data samples/data \
        [--output LAKE] [--sparkify-seconds S]

Rows compare order-insensitively; doubles within a relative 1e-9, everything else (timestamps as
their text in UTC) exactly; column names and types (not nullability) must match. Exit status 1 on
any difference.
"""
import argparse
import importlib.util
import json
import math
import os
import re
import sys
import time
from decimal import Decimal

TOLERANCE = 1e-9
# A cell's line in sparkify's and the job's logs: `songs: 400 rows (2.2 ms)`, `songs: 400 rows (1.20 s)`.
CELL_LINE = re.compile(r"^(\w+): .*\((\d+(?:\.\d+)?) (ms|s)\)$")


def seconds(found):
    return float(found.group(2)) / (1000 if found.group(3) == "ms" else 1)


def sparkify_times(path):
    times = {}
    if path:
        with open(path, encoding="utf-8") as f:
            for line in f:
                found = CELL_LINE.match(line.rstrip("\n"))
                if found:
                    times[found.group(1)] = seconds(found)
    return times


def load_job(path):
    spec = importlib.util.spec_from_file_location("exported_job", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def schema_lines(tree):
    """printSchema text without the root line and the nullability, one entry per field."""
    lines = []
    for line in tree.splitlines():
        if not line.strip() or line == "root":
            continue
        cut = line.rfind(" (")
        lines.append(line[:cut] if cut > 0 else line)
    return lines


def spark_rows(frame):
    """Spark's rows as Python values: timestamps and dates as their text, nested values as JSON."""
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
    columns = []
    for field in frame.schema.fields:
        column = F.col(f"`{field.name}`")
        if isinstance(field.dataType, (T.TimestampType, T.TimestampNTZType, T.DateType)):
            column = column.cast("string")
        elif isinstance(field.dataType, (T.ArrayType, T.StructType, T.MapType)):
            column = F.to_json(column)
        columns.append(column.alias(field.name))
    kinds = [kind(field.dataType) for field in frame.schema.fields]
    rows = []
    for row in frame.select(columns).collect():
        values = []
        for value, k in zip(row, kinds):
            if value is not None and k == "nested":
                value = drop_nulls(json.loads(value))
            values.append(value)
        rows.append(values)
    return rows, kinds


def kind(data_type):
    from pyspark.sql import types as T
    if isinstance(data_type, (T.DoubleType, T.FloatType)):
        return "double"
    if isinstance(data_type, T.DecimalType):
        return "decimal"
    if isinstance(data_type, (T.ArrayType, T.StructType, T.MapType)):
        return "nested"
    return "exact"


def drop_nulls(value):
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


def sparkify_rows(path, names, kinds):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            record = json.loads(line, parse_float=Decimal, parse_constant=lambda c: float(c.replace("Infinity", "inf")))
            values = []
            for name, k in zip(names, kinds):
                value = record.get(name)
                if value is not None and k == "double":
                    value = float(value)
                elif value is not None and k == "nested":
                    value = drop_nulls(json.loads(json.dumps(value, default=str)))
                elif isinstance(value, Decimal) and k == "exact":
                    value = float(value)
                values.append(value)
            rows.append(values)
    return rows


def doubles_equal(a, b):
    if a is None or b is None:
        return a is b
    if math.isnan(a) or math.isnan(b):
        return math.isnan(a) and math.isnan(b)
    return a == b or abs(a - b) <= TOLERANCE * max(abs(a), abs(b))


def compare_rows(ours, theirs, kinds):
    """The differences between two row lists, order-insensitive: rows are grouped by their
    exactly compared fields, and within a group the doubles pair up in sorted order."""
    if len(ours) != len(theirs):
        return [f"{len(ours)} rows in sparkify, {len(theirs)} in Spark"]
    doubles = [i for i, k in enumerate(kinds) if k == "double"]

    def key(row):
        return json.dumps([v for i, v in enumerate(row) if i not in doubles], default=str, sort_keys=True)

    def group(rows):
        groups = {}
        for row in rows:
            groups.setdefault(key(row), []).append([row[i] for i in doubles])
        return groups

    mine, spark = group(ours), group(theirs)
    problems = []
    for k in sorted(set(mine) | set(spark)):
        a, b = mine.get(k, []), spark.get(k, [])
        if len(a) != len(b):
            problems.append(f"row {k}: {len(a)} time(s) in sparkify, {len(b)} in Spark")
            continue
        order = lambda values: [(-math.inf if v is None else (math.inf if math.isnan(v) else v)) for v in values]
        for x, y in zip(sorted(a, key=order), sorted(b, key=order)):
            if not all(doubles_equal(p, q) for p, q in zip(x, y)):
                problems.append(f"row {k}: doubles {x} in sparkify, {y} in Spark")
        if len(problems) > 10:
            break
    return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--job", required=True)
    parser.add_argument("--dump", required=True, help="the folder of `sparkify run --dump`")
    parser.add_argument("--data", required=True)
    parser.add_argument("--output")
    parser.add_argument("--sparkify-seconds", type=float, help="sparkify's whole-process time")
    parser.add_argument("--sparkify-log", help="sparkify run's standard error, for its time per cell")
    args = parser.parse_args()

    started = time.monotonic()
    job = load_job(args.job)
    # The job logs `name: N rows (S s)` per cell: keep Spark's time per cell too.
    job_log = job.log
    spark_times = {}

    def log(message):
        found = CELL_LINE.match(message)
        if found:
            spark_times[found.group(1)] = seconds(found)
        job_log(message)

    job.log = log
    spark = job.create_spark_session(args.data, args.output, master="local[*]")
    spark.sparkContext.setLogLevel("ERROR")
    session_ready = time.monotonic()
    tables = job.run(spark)
    finished = time.monotonic()

    failures, compared = [], 0
    ours_times = sparkify_times(args.sparkify_log)
    dumped = {name[:-5] for name in os.listdir(args.dump) if name.endswith(".json")}
    for cell, frame in tables.items():
        if frame is None:
            if cell in dumped:
                failures.append(f"{cell}: sparkify gives a table, the Spark job none")
            continue
        if cell not in dumped:
            failures.append(f"{cell}: the Spark job gives a table, sparkify none")
            continue
        with open(os.path.join(args.dump, cell + ".schema"), encoding="utf-8") as f:
            ours_schema = schema_lines(f.read())
        theirs_schema = schema_lines(frame.schema.treeString())
        if ours_schema != theirs_schema:
            failures.append(f"{cell}: schemas differ\n    sparkify: {ours_schema}\n    Spark:    {theirs_schema}")
            continue
        theirs, kinds = spark_rows(frame)
        ours = sparkify_rows(os.path.join(args.dump, cell + ".json"), frame.columns, kinds)
        problems = compare_rows(ours, theirs, kinds)
        for problem in problems:
            failures.append(f"{cell}: {problem}")
        compared += 1
        timing = ""
        if cell in ours_times and cell in spark_times:
            timing = f" (sparkify {ours_times[cell] * 1000:.1f} ms, Spark {spark_times[cell]:.2f} s)"
        print(f"  {cell}: {len(theirs)} rows, {'same' if not problems else 'DIFFERENT'}{timing}")
    for cell in sorted(dumped - set(tables)):
        failures.append(f"{cell}: sparkify wrote a table for a cell the Spark job does not have")
    spark.stop()

    spark_cells = finished - session_ready
    spark_total = finished - started
    print(f"Spark local mode: {spark_total:.2f} s (JVM and session start {session_ready - started:.2f} s, cells {spark_cells:.2f} s)")
    if args.sparkify_seconds:
        ours_cells = sum(ours_times.values())
        cells_text = f", cells {ours_cells:.3f} s" if ours_times else ""
        print(f"sparkify: {args.sparkify_seconds:.3f} s (whole process{cells_text})")
        ratio = f"Spark/sparkify: {spark_total / args.sparkify_seconds:.0f}x whole process"
        if ours_cells > 0:
            ratio += f", {spark_cells / ours_cells:.0f}x cells"
        print(ratio)
    if failures:
        print(f"DIFFERENT: {len(failures)} difference(s) between sparkify and Spark:")
        for failure in failures:
            print("  " + failure)
        sys.exit(1)
    print(f"same: {compared} tables, every row equal in sparkify and Spark")


if __name__ == "__main__":
    main()
