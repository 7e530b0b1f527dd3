#!/usr/bin/env python3
"""The lake cross-check (see lake.sh): sparkify's lake tables against pyarrow and DuckDB."""

import argparse
import datetime
import json
import math
import os
import subprocess
import sys
from collections import Counter

try:
    import duckdb
    import pyarrow as pa
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq
except ImportError:  # the --spark pass runs in PySpark's Python, without them
    pa = None

TABLES = {  # lake table -> (folder, partition columns), as samples/etl.sql writes them
    "lake_songs": ("songs", ["year", "artist_id"]),
    "lake_artists": ("artists", []),
    "lake_users": ("users", []),
    "lake_time": ("time", ["year", "month"]),
    "lake_songplays": ("songplays", ["year", "month"]),
}
# sparkify's type names -> the Arrow types its files must carry.
ARROW_TYPES = {
    "string": {pa.string(), pa.large_string()},
    "int": {pa.int32()},
    "bigint": {pa.int64()},
    "double": {pa.float64()},
    "boolean": {pa.bool_()},
    "date": {pa.date32()},
    "timestamp": {pa.timestamp("us", tz="UTC"), pa.timestamp("us", tz="+00:00")},
} if pa else {}
DUCKDB_TYPES = {"string": "VARCHAR", "int": "INTEGER", "bigint": "BIGINT", "double": "DOUBLE", "boolean": "BOOLEAN",
                "date": "DATE", "timestamp": "TIMESTAMP WITH TIME ZONE"}

failures = []


def fail(message):
    failures.append(message)
    print("DIFFERENCE: " + message, file=sys.stderr)


def spark_text(value):
    """A value as sparkify's JSON output gives it (Spark's string forms for times)."""
    if value is None:
        return None
    if isinstance(value, datetime.datetime):
        if value.tzinfo is not None:
            value = value.astimezone(datetime.timezone.utc).replace(tzinfo=None)
        text = value.strftime("%Y-%m-%d %H:%M:%S")
        if value.microsecond:
            text += ("." + f"{value.microsecond:06d}").rstrip("0")
        return text
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float):
        return "NaN" if math.isnan(value) else repr(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def multiset(rows, columns):
    return Counter(tuple(spark_text(row.get(c)) for c in columns) for row in rows)


def compare(what, expected, actual, columns):
    exp, act = multiset(expected, columns), multiset(actual, columns)
    if exp != act:
        missing = list((exp - act).elements())[:3]
        extra = list((act - exp).elements())[:3]
        fail(f"{what}: {sum(exp.values())} rows expected, {sum(act.values())} read; missing {missing}, unexpected {extra}")
    else:
        print(f"  {what}: {sum(act.values())} rows agree")


def sparkify_dump(args, lake):
    """Runs the walkthrough in one `sparkify sql` process writing to `lake`, then dumps each lake
    table, its DESCRIBE and sparkify's read-back of its folder as JSON lines."""
    script = open(args.notebook).read().rstrip() + "\n"
    for name, (folder, _) in TABLES.items():
        for kind, query in [("table", f"SELECT * FROM {name}"), ("schema", f"DESCRIBE {name}"),
                            ("readback", f"SELECT * FROM parquet.`{lake}/{folder}`"),
                            ("readschema", f"DESCRIBE QUERY SELECT * FROM parquet.`{lake}/{folder}`")]:
            script += f"SELECT '{name}' AS __table__, '{kind}' AS __kind__;\n{query};\n"
    path = os.path.join(args.work, "dump.sql")
    with open(path, "w") as out:
        out.write(script)
    result = subprocess.run([args.sparkify, "sql", path, "--data", args.data, "--output", lake, "--mode", "json", "--max-rows", "100000000"],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("sparkify failed:\n" + result.stderr[-3000:])
    dumps, key = {}, None
    for line in result.stdout.splitlines():
        if not line.strip():
            continue
        row = json.loads(line)
        if "__table__" in row:
            key = (row["__table__"], row["__kind__"])
            dumps[key] = []
        elif key is not None:
            dumps[key].append(row)
    return dumps


def spark_pass(work):
    """Apache Spark reads sparkify's lake: the rows, and the types it infers, must be sparkify's."""
    from pyspark.sql import SparkSession
    spark = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false")
             .config("spark.sql.session.timeZone", "UTC").getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    with open(os.path.join(work, "dumps.json")) as file:
        dumps = {tuple(k.split("/")): v for k, v in json.load(file).items()}
    lake = os.path.join(work, "lake")
    for name, (folder, _) in TABLES.items():
        print(f"{name}: Spark reads {lake}/{folder}")
        frame = spark.read.parquet(os.path.join(lake, folder))
        expected_types = [(r["col_name"], r["data_type"]) for r in dumps[(name, "readschema")]]
        actual_types = [(f.name, f.dataType.simpleString()) for f in frame.schema.fields]
        if actual_types != expected_types:
            fail(f"{name}: Spark infers {actual_types}, sparkify {expected_types}")
        columns = [c for c, _ in expected_types]
        compare("Spark spark.read.parquet", dumps[(name, "table")], [r.asDict() for r in frame.collect()], columns)
    if failures:
        sys.exit(f"lake check (Spark): {len(failures)} differences")
    print("lake check: Spark reads the same lake sparkify wrote")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--sparkify")
    parser.add_argument("--notebook")
    parser.add_argument("--data")
    parser.add_argument("--work", required=True)
    parser.add_argument("--spark", action="store_true", help="only the Spark pass, over an earlier run's --work")
    args = parser.parse_args()
    if args.spark:
        return spark_pass(args.work)
    lake = os.path.join(args.work, "lake")
    dumps = sparkify_dump(args, lake)
    with open(os.path.join(args.work, "dumps.json"), "w") as file:
        json.dump({"/".join(k): v for k, v in dumps.items()}, file)
    # The walkthrough as users run it: `sparkify run --output`; its lake must hold the same rows.
    run_lake = os.path.join(args.work, "run-lake")
    result = subprocess.run([args.sparkify, "run", args.notebook, "--data", args.data, "--output", run_lake],
                            capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit("sparkify run failed:\n" + result.stderr[-3000:])
    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")

    for name, (folder, partitions) in TABLES.items():
        root = os.path.join(lake, folder)
        print(f"{name} ({root})")
        rows = dumps[(name, "table")]
        types = {r["col_name"]: r["data_type"] for r in dumps[(name, "schema")]}
        columns = list(types)
        data_columns = [c for c in columns if c not in partitions]
        if columns[len(data_columns):] != partitions:
            fail(f"{name}: partition columns {partitions} are not last in {columns}")
        if not os.path.exists(os.path.join(root, "_SUCCESS")):
            fail(f"{name}: no _SUCCESS in {root}")

        # Every data file: Spark's name, no partition column inside, the table's data types.
        files = sorted(os.path.relpath(os.path.join(d, f), root) for d, _, fs in os.walk(root)
                       for f in fs if f.endswith(".parquet"))
        folders = set()
        for file in files:
            parts = file.split("/")
            want_name = ".c000.snappy.parquet" if partitions else "-c000.snappy.parquet"
            if not parts[-1].startswith("part-") or not parts[-1].endswith(want_name):
                fail(f"{name}: unexpected file name {file}")
            if [p.split("=", 1)[0] for p in parts[:-1]] != partitions:
                fail(f"{name}: {file} is not under {partitions} folders")
            folders.add(tuple(p.split("=", 1)[1] for p in parts[:-1]))
            schema = pq.read_schema(os.path.join(root, file))
            if schema.names != data_columns:
                fail(f"{name}: {file} holds columns {schema.names}, expected {data_columns}")
            for field in schema:
                if field.name in types and field.type not in ARROW_TYPES[types[field.name]]:
                    fail(f"{name}: {file} column {field.name} is {field.type}, expected {types[field.name]}")
        expected_folders = {tuple("__HIVE_DEFAULT_PARTITION__" if r.get(p) in (None, "") else spark_text(r[p])
                                  for p in partitions) for r in rows}
        if partitions and folders != expected_folders:
            fail(f"{name}: partition folders differ: {sorted(expected_folders - folders)[:3]} missing, {sorted(folders - expected_folders)[:3]} unexpected")
        elif partitions:
            print(f"  {len(folders)} partition folders agree")

        # pyarrow: the data files one by one, and the folder as a hive-partitioned dataset.
        data_rows = []
        for file in files:
            data_rows += pq.read_table(os.path.join(root, file)).to_pylist()
        compare(f"pyarrow pq.read_table, data columns", rows, data_rows, data_columns)
        dataset = ds.dataset(root, format="parquet", partitioning="hive")
        compare(f"pyarrow ds.dataset(partitioning='hive')", rows, dataset.to_table().to_pylist(), columns)

        run_root = os.path.join(run_lake, folder)
        compare("pyarrow on the lake of `sparkify run --output`", rows,
                ds.dataset(run_root, format="parquet", partitioning="hive").to_table().to_pylist(), columns)

        # DuckDB.
        glob = os.path.join(root, "**", "*.parquet") if partitions else os.path.join(root, "*.parquet")
        relation = con.sql(f"SELECT * FROM read_parquet('{glob}', hive_partitioning = {'true' if partitions else 'false'})")
        duck_types = dict(zip(relation.columns, [str(t) for t in relation.types]))
        for column in data_columns:
            if duck_types.get(column) != DUCKDB_TYPES[types[column]]:
                fail(f"{name}: DuckDB reads {column} as {duck_types.get(column)}, expected {DUCKDB_TYPES[types[column]]}")
        duck_rows = [dict(zip(relation.columns, r)) for r in relation.fetchall()]
        compare("DuckDB read_parquet(hive_partitioning)", rows, duck_rows, columns)

        # sparkify's own read-back: same rows, Spark's inferred partition types.
        compare("sparkify parquet.`dir`", rows, dumps[(name, "readback")], columns)
        read_types = {r["col_name"]: r["data_type"] for r in dumps[(name, "readschema")]}
        if list(read_types) != columns:
            fail(f"{name}: sparkify reads back columns {list(read_types)}, expected {columns}")
        for column in data_columns:
            if read_types.get(column) != types[column]:
                fail(f"{name}: sparkify reads back {column} as {read_types.get(column)}, expected {types[column]}")

    if failures:
        sys.exit(f"lake check: {len(failures)} differences")
    print("lake check: pyarrow and DuckDB read the same lake sparkify wrote")


if __name__ == "__main__":
    main()
