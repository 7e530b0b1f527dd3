"""The Python half of scripts/checks/parquet.sh.

generate DIR: writes Parquet files with pyarrow into DIR/from-pyarrow (every codec, dictionary
              and plain, data page v1 and v2, INT96 timestamps, several row groups).
compare DIR:  (a) compares what sparkify read from those files (DIR/from-pyarrow/*.sparkify.json)
              with what pyarrow reads; (b) reads sparkify's files (DIR/from-sparkify/*.parquet)
              with pyarrow and DuckDB and compares values, types and statistics with what
              sparkify wrote (*.json). Exits 1 on any difference.
spark DIR:    reads sparkify's files with PySpark (run with a Python that has pyspark).
"""
import datetime
import decimal
import glob
import json
import os
import struct
import sys

EPOCH_DAY = datetime.date(1970, 1, 1)
problems = []


def problem(msg):
    problems.append(msg)
    print("DIFF:", msg)


def double_bits(v):
    return str(struct.unpack("<Q", struct.pack("<d", float(v)))[0])


# ---------------------------------------------------------------- generate

def generate(root):
    import pyarrow as pa
    import pyarrow.parquet as pq

    out = os.path.join(root, "from-pyarrow")
    os.makedirs(out, exist_ok=True)
    n = 3000
    words = ["apple", "Äpfel", "日本語", "", "zebra", "naïve café", "🎵 song"]

    def nulls(values, every=4):
        return [None if i % every == every - 1 else v for i, v in enumerate(values)]

    cols = {
        "b": pa.array(nulls([i % 3 == 0 for i in range(n)]), pa.bool_()),
        "i8": pa.array(nulls([(i % 256) - 128 for i in range(n)]), pa.int8()),
        "i16": pa.array(nulls([(i * 37 % 65536) - 32768 for i in range(n)]), pa.int16()),
        "i32": pa.array(nulls([(i * 7919) * (-1) ** i for i in range(n)]), pa.int32()),
        "i64": pa.array(nulls([(i * 1000000007) * (-1) ** i for i in range(n)]), pa.int64()),
        "u8": pa.array(nulls([i % 256 for i in range(n)]), pa.uint8()),
        "u32": pa.array(nulls([4294967295 - i for i in range(n)]), pa.uint32()),
        "f32": pa.array(nulls([i / 3.0 for i in range(n)]), pa.float32()),
        "f64": pa.array(nulls([(-1) ** i * i / 7.0 for i in range(n)]), pa.float64()),
        "s": pa.array(nulls([words[i % 7] + str(i % 40) for i in range(n)]), pa.string()),
        "s_unique": pa.array(nulls([f"user-{i}-{'x' * (i % 13)}" for i in range(n)]), pa.string()),
        "bin": pa.array(nulls([bytes([65 + i % 26]) * (i % 5) for i in range(n)]), pa.binary()),
        "day": pa.array(nulls([EPOCH_DAY + datetime.timedelta(days=i * 13 - 20000) for i in range(n)]), pa.date32()),
        "ts_ms": pa.array(nulls([1541106106796 + i * 1234 for i in range(n)]), pa.timestamp("ms", tz="UTC")),
        "ts_us": pa.array(nulls([1541106106796000 - i * 123456789 for i in range(n)]), pa.timestamp("us", tz="UTC")),
        "ts_ns": pa.array(nulls([1541106106796000123 + i * 1000000001 for i in range(n)]), pa.timestamp("ns", tz="UTC")),
        "ts_local": pa.array(nulls([1541106106796000 + i for i in range(n)]), pa.timestamp("us")),
        "dec9": pa.array(nulls([decimal.Decimal(i * (-1) ** i) / 100 for i in range(n)]), pa.decimal128(9, 2)),
        "dec18": pa.array(nulls([decimal.Decimal(i * 98765431) / 10000 for i in range(n)]), pa.decimal128(18, 4)),
        "dec38": pa.array(nulls([decimal.Decimal(f"-12345678901234567890.{i:010d}") for i in range(n)]), pa.decimal128(38, 10)),
    }
    table = pa.table(cols)
    required = pa.table({"id": pa.array(range(n), pa.int64()), "name": pa.array([words[i % 7] for i in range(n)])},
                        schema=pa.schema([pa.field("id", pa.int64(), nullable=False), pa.field("name", pa.string(), nullable=False)]))

    for codec in ["none", "snappy", "gzip", "zstd"]:
        for dictionary in [True, False]:
            for version in ["1.0", "2.0"]:
                name = f"{codec}-{'dict' if dictionary else 'plain'}-v{version[0]}"
                pq.write_table(table, os.path.join(out, name + ".parquet"), compression=codec, use_dictionary=dictionary,
                               data_page_version=version, row_group_size=1100, data_page_size=4096)
    # The encodings Parquet v2 writers (Spark's, DuckDB's) use instead of PLAIN.
    for codec in ["none", "snappy"]:
        pq.write_table(table, os.path.join(out, f"delta-{codec}.parquet"), compression=codec, use_dictionary=False,
                       data_page_version="2.0", row_group_size=1100, data_page_size=4096,
                       column_encoding={"i32": "DELTA_BINARY_PACKED", "i64": "DELTA_BINARY_PACKED", "day": "DELTA_BINARY_PACKED",
                                        "ts_us": "DELTA_BINARY_PACKED", "dec18": "DELTA_BYTE_ARRAY", "dec9": "BYTE_STREAM_SPLIT",
                                        "s": "DELTA_BYTE_ARRAY", "s_unique": "DELTA_LENGTH_BYTE_ARRAY", "bin": "DELTA_BYTE_ARRAY",
                                        "f32": "BYTE_STREAM_SPLIT", "f64": "BYTE_STREAM_SPLIT", "b": "RLE"})
    # DuckDB's writer (v1 and v2 pages, its own dictionary and delta choices).
    import duckdb
    con = duckdb.connect()
    con.register("t", table)
    for codec, version in [("snappy", "V1"), ("zstd", "V2"), ("uncompressed", "V2")]:
        con.execute(f"COPY (SELECT * EXCLUDE (u32, ts_local) FROM t) TO '{os.path.join(out, f'duckdb-{codec}-{version}.parquet')}' "
                    f"(FORMAT parquet, COMPRESSION {codec}, PARQUET_VERSION {version}, ROW_GROUP_SIZE 1000)")
    # Spark's default timestamp encoding (INT96), as pyarrow writes it when asked.
    pq.write_table(table, os.path.join(out, "int96.parquet"), use_deprecated_int96_timestamps=True, coerce_timestamps=None)
    pq.write_table(required, os.path.join(out, "required.parquet"))
    pq.write_table(table.slice(0, 0), os.path.join(out, "empty.parquet"))


# ---------------------------------------------------------------- what pyarrow sees

def arrow_expected(path):
    """The file as sparkify should read it: sparkify type names and canonical values."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pq.read_table(path)
    int96 = "int96" in os.path.basename(path)
    cols = []
    for field, col in zip(t.schema, t.columns):
        ty = field.type
        if pa.types.is_boolean(ty):
            name, vals = "boolean", col.to_pylist()
        elif ty in (pa.int8(), pa.int16(), pa.int32(), pa.uint8(), pa.uint16()):
            name, vals = "int", col.to_pylist()
        elif ty in (pa.int64(), pa.uint32()):
            name, vals = "bigint", col.to_pylist()
        elif ty == pa.uint64():
            name, vals = "decimal(20,0)", [None if v is None else str(v) for v in col.to_pylist()]
        elif pa.types.is_floating(ty):
            name, vals = "double", [None if v is None else double_bits(v) for v in col.to_pylist()]
        elif pa.types.is_string(ty) or pa.types.is_large_string(ty):
            name, vals = "string", col.to_pylist()
        elif pa.types.is_binary(ty):
            name, vals = "string", [None if v is None else v.decode("utf-8", "replace") for v in col.to_pylist()]
        elif pa.types.is_date32(ty):
            name, vals = "date", col.cast(pa.int32()).to_pylist()
        elif pa.types.is_timestamp(ty):
            per_us = {"s": 1e-6, "ms": 1e-3, "us": 1, "ns": 1000}[ty.unit]
            raw = col.cast(pa.int64()).to_pylist()
            if ty.unit == "ns":
                vals = [None if v is None else v // 1000 for v in raw]
            else:
                vals = [None if v is None else int(v / per_us) for v in raw]
            name = "timestamp"
        elif pa.types.is_decimal(ty):
            name = f"decimal({ty.precision},{ty.scale})"
            vals = [None if v is None else format(v, "f") for v in col.to_pylist()]
        else:
            raise SystemExit(f"{path}: no expectation for arrow type {ty}")
        cols.append({"name": field.name, "type": name, "values": vals})
    return t.num_rows, cols


def compare_dump(label, expected_rows, expected_cols, dump):
    if "error" in dump:
        problem(f"{label}: sparkify failed: {dump['error']}")
        return
    if dump["rows"] != expected_rows:
        problem(f"{label}: sparkify read {dump['rows']} rows, expected {expected_rows}")
    got = {c["name"]: c for c in dump["columns"]}
    for col in expected_cols:
        mine = got.get(col["name"])
        if mine is None:
            problem(f"{label}: column {col['name']} missing")
            continue
        if mine["type"] != col["type"]:
            problem(f"{label}: column {col['name']} has type {mine['type']}, expected {col['type']}")
        for r, (a, b) in enumerate(zip(mine["values"], col["values"])):
            if a != b:
                problem(f"{label}: column {col['name']} row {r}: sparkify {a!r}, expected {b!r}")
                break


# ---------------------------------------------------------------- compare

ARROW_TYPES = {"boolean": "bool", "int": "int32", "bigint": "int64", "double": "double", "string": "string",
               "date": "date32[day]", "timestamp": "timestamp[us, tz=UTC]"}
DUCK_TYPES = {"boolean": "BOOLEAN", "int": "INTEGER", "bigint": "BIGINT", "double": "DOUBLE", "string": "VARCHAR",
              "date": "DATE", "timestamp": "TIMESTAMP WITH TIME ZONE"}


def written_type(t):
    return "string" if t.startswith("array") or t.startswith("struct") else t


def canonical(type_name, values):
    """pyarrow/DuckDB python values → the dump's canonical form for a sparkify type."""
    out = []
    for v in values:
        if v is None:
            out.append(None)
        elif type_name == "double":
            out.append(double_bits(v))
        elif type_name.startswith("decimal"):
            out.append(format(v, "f"))
        else:
            out.append(v)
    return out


def sort_key(type_name, v):
    if type_name == "string":
        return v.encode("utf-8")
    if type_name.startswith("decimal"):
        return decimal.Decimal(v)
    if type_name == "double":
        return struct.unpack("<d", struct.pack("<Q", int(v)))[0]
    return v


def compare_sparkify_file(path, expected):
    import duckdb
    import pyarrow as pa
    import pyarrow.parquet as pq

    label = os.path.basename(path)
    pf = pq.ParquetFile(path)
    t = pf.read()
    if t.num_rows != expected["rows"]:
        problem(f"{label}: pyarrow reads {t.num_rows} rows, sparkify wrote {expected['rows']}")
    con = duckdb.connect()
    duck_types = dict((r[0], r[1]) for r in con.execute(f"DESCRIBE SELECT * FROM read_parquet('{path}')").fetchall())
    for col in expected["columns"]:
        name, ty = col["name"], written_type(col["type"])
        field = t.schema.field(name)
        want_arrow = ARROW_TYPES.get(ty, ty.replace("decimal", "decimal128").replace(",", ", "))
        if str(field.type) != want_arrow:
            problem(f"{label}: pyarrow type of {name} is {field.type}, expected {want_arrow}")
        want_duck = DUCK_TYPES.get(ty, ty.upper())
        if duck_types.get(name) != want_duck:
            problem(f"{label}: DuckDB type of {name} is {duck_types.get(name)}, expected {want_duck}")
        arrow_col = t.column(name)
        if ty == "date":
            arrow_vals = arrow_col.cast(pa.int32()).to_pylist()
            duck_sql = f'CAST("{name}" - DATE \'1970-01-01\' AS BIGINT)'
        elif ty == "timestamp":
            arrow_vals = arrow_col.cast(pa.int64()).to_pylist()
            duck_sql = f'epoch_us("{name}")'
        else:
            arrow_vals = arrow_col.to_pylist()
            duck_sql = f'"{name}"'
        duck_vals = [r[0] for r in con.execute(f"SELECT {duck_sql} FROM read_parquet('{path}')").fetchall()]
        for reader, vals in (("pyarrow", arrow_vals), ("DuckDB", duck_vals)):
            got = canonical(ty, vals)
            if got != col["values"]:
                r = next(i for i, (a, b) in enumerate(zip(got + [object()], col["values"] + [object()])) if a != b)
                problem(f"{label}: {reader} reads {name} row {r} as {got[r] if r < len(got) else 'nothing'!r}, "
                        f"sparkify wrote {col['values'][r] if r < len(col['values']) else 'nothing'!r}")
        # Statistics of each row group against the values written there.
        md = pf.metadata
        start = 0
        ci = t.schema.get_field_index(name)
        for g in range(md.num_row_groups):
            rg = md.row_group(g)
            part = col["values"][start:start + rg.num_rows]
            start += rg.num_rows
            stats = rg.column(ci).statistics
            present = [v for v in part if v is not None]
            if stats is None:
                problem(f"{label}: {name} row group {g} has no statistics")
                continue
            if stats.null_count != len(part) - len(present):
                problem(f"{label}: {name} row group {g} null_count {stats.null_count}, expected {len(part) - len(present)}")
            if not present:
                if stats.has_min_max:
                    problem(f"{label}: {name} row group {g} has min/max but no values")
                continue
            lo = min(present, key=lambda v: sort_key(ty, v))
            hi = max(present, key=lambda v: sort_key(ty, v))
            if ty == "double":
                lo, hi = sort_key(ty, lo), sort_key(ty, hi)
                lo = -0.0 if lo == 0 else lo
                s_lo, s_hi = stats.min, stats.max
            elif ty == "date":
                s_lo, s_hi = (stats.min - EPOCH_DAY).days, (stats.max - EPOCH_DAY).days
            elif ty == "timestamp":
                epoch = datetime.datetime(1970, 1, 1, tzinfo=datetime.timezone.utc)
                s_lo, s_hi = [(x - epoch) // datetime.timedelta(microseconds=1) for x in (stats.min, stats.max)]
            elif ty.startswith("decimal"):
                s_lo, s_hi = format(stats.min, "f"), format(stats.max, "f")
            else:
                s_lo, s_hi = stats.min, stats.max
            if (s_lo, s_hi) != (lo, hi) or (ty == "double" and str(s_lo) != str(lo)):
                problem(f"{label}: {name} row group {g} min/max {s_lo!r}/{s_hi!r}, expected {lo!r}/{hi!r}")
    meta = pf.schema_arrow.metadata or {}
    spark = json.loads(meta.get(b"org.apache.spark.sql.parquet.row.metadata", b"{}"))
    if [f["name"] for f in spark.get("fields", [])] != [c["name"] for c in expected["columns"]]:
        problem(f"{label}: Spark schema metadata lists {spark}")


def compare(root):
    n_read = n_written = 0
    for path in sorted(glob.glob(os.path.join(root, "from-pyarrow", "*.parquet"))):
        dump_path = path[: -len(".parquet")] + ".sparkify.json"
        if not os.path.exists(dump_path):
            problem(f"{os.path.basename(path)}: sparkify wrote no dump")
            continue
        rows, cols = arrow_expected(path)
        compare_dump("read " + os.path.basename(path), rows, cols, json.load(open(dump_path)))
        n_read += 1
    for path in sorted(glob.glob(os.path.join(root, "from-sparkify", "*.parquet"))):
        compare_sparkify_file(path, json.load(open(path[: -len(".parquet")] + ".json")))
        n_written += 1
    if n_read < 24 or n_written < 12:
        problem(f"only {n_read} pyarrow files read and {n_written} sparkify files written")
    print(f"parquet check: sparkify read {n_read} pyarrow, DuckDB and Spark files, pyarrow and DuckDB read {n_written} sparkify files:",
          "OK" if not problems else f"{len(problems)} differences")


def spark_generate(root):
    """Files Spark itself writes (INT96 timestamps by default, decimals as INT32/INT64/FIXED),
    into from-pyarrow/ so sparkify reads them and pyarrow says what they hold."""
    import shutil
    import tempfile

    from pyspark.sql import SparkSession

    session = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    df = session.sql("""
        SELECT id, CAST(id AS INT) AS i, CAST(id % 120 AS TINYINT) AS tiny, CAST(id % 30000 AS SMALLINT) AS small,
               id % 3 = 0 AS b, id * 1.5 AS d, CAST(id / 3 AS FLOAT) AS f,
               CASE WHEN id % 5 = 0 THEN NULL ELSE concat('vé', id % 7) END AS s,
               CAST(id AS STRING) AS s_unique,
               date_add(DATE'2018-11-01', CAST(id % 100 AS INT)) AS day,
               CASE WHEN id % 4 = 0 THEN NULL ELSE timestamp_micros(1541106106796000 + id * 1234567) END AS ts,
               CAST(id / 100 AS DECIMAL(9,2)) AS dec9, CAST(id * 1000.1 AS DECIMAL(18,4)) AS dec18,
               CAST(id * -7 AS DECIMAL(38,10)) AS dec38
        FROM range(5000)""")
    out = os.path.join(root, "from-pyarrow")
    for codec in ["snappy", "gzip", "zstd", "none"]:
        for ts_type in ["INT96", "TIMESTAMP_MICROS"]:
            session.conf.set("spark.sql.parquet.outputTimestampType", ts_type)
            tmp = tempfile.mkdtemp()
            df.coalesce(1).write.mode("overwrite").option("compression", codec).parquet(tmp + "/t")
            part = glob.glob(tmp + "/t/part-*.parquet")[0]
            shutil.copy(part, os.path.join(out, f"spark-{codec}-{ts_type.lower()}.parquet"))
            shutil.rmtree(tmp)
    session.stop()


def spark(root):
    from pyspark.sql import SparkSession

    session = SparkSession.builder.master("local[1]").config("spark.ui.enabled", "false").getOrCreate()
    session.sparkContext.setLogLevel("ERROR")
    spark_types = {"int": "int", "bigint": "bigint", "double": "double", "string": "string", "boolean": "boolean",
                   "date": "date", "timestamp": "timestamp"}
    n = 0
    for path in sorted(glob.glob(os.path.join(root, "from-sparkify", "*.parquet"))):
        expected = json.load(open(path[: -len(".parquet")] + ".json"))
        label = "Spark " + os.path.basename(path)
        df = session.read.parquet(path)
        types = dict(df.dtypes)
        rows = df.collect()
        if len(rows) != expected["rows"]:
            problem(f"{label}: {len(rows)} rows, expected {expected['rows']}")
            continue
        for col in expected["columns"]:
            name, ty = col["name"], written_type(col["type"])
            if types.get(name) != spark_types.get(ty, ty):
                problem(f"{label}: type of {name} is {types.get(name)}, expected {spark_types.get(ty, ty)}")
            vals = []
            for row in rows:
                v = row[name]
                if v is not None and ty == "date":
                    v = (v - EPOCH_DAY).days
                elif v is not None and ty == "timestamp":
                    # collect() gives local wall time in the session time zone; compare via UTC epoch.
                    v = int(v.timestamp() * 1_000_000 // 1) if v.tzinfo else None
                vals.append(v)
            if ty == "timestamp":
                vals = [r[0] for r in df.selectExpr(f"unix_micros(`{name}`)").collect()]
            if canonical(ty, vals) != col["values"]:
                problem(f"{label}: values of {name} differ")
        n += 1
    session.stop()
    print(f"parquet check: Spark read {n} sparkify files:", "OK" if not problems else f"{len(problems)} differences")


if __name__ == "__main__":
    mode, root = sys.argv[1], sys.argv[2]
    {"generate": generate, "compare": compare, "spark": spark, "spark-generate": spark_generate}[mode](root)
    sys.exit(1 if problems else 0)
