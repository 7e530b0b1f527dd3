#!/usr/bin/env python3
"""Records the expected answers of the SQL logic tests from Apache Spark itself.

    /work/sparkvenv/bin/python Tests/SparkifySQLTests/spark/record.py            # rewrite all files
    /work/sparkvenv/bin/python Tests/SparkifySQLTests/spark/record.py --check    # report differences only
    /work/sparkvenv/bin/python Tests/SparkifySQLTests/spark/record.py joins.test # only some files
    python3 Tests/SparkifySQLTests/spark/record.py --lint                        # format check, no Spark
    /work/sparkvenv/bin/python Tests/SparkifySQLTests/spark/record.py --stress   # --check with many partitions

Every `statement` and `query` of every `Logic/*.test` file runs in one local Spark session (a fresh
child session per file, so temporary views and settings do not leak between files; tables written
to the warehouse are dropped after each file). For each `query`, the column letters and the rows
after `----` are replaced with Spark's answer; for `query error` / `statement error`, the text after
`error` is replaced with Spark's error condition. See Logic/README.md for the format.

Exit status: 0 when every record ran as its kind says (and, with --check, nothing differed), 1 otherwise.
A `statement ok` that fails, a `query` that fails, or an `error` record that succeeds is reported and
left as written: fix the test, Spark is the reference.
"""
import argparse
import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
LOGIC = os.path.normpath(os.path.join(HERE, "..", "Logic"))


# ---------------------------------------------------------------- parsing

class Record:
    """One `statement` or `query` record: its header words, SQL lines and expected lines."""

    def __init__(self, kind, header, sql, expected, line):
        self.kind = kind          # "statement" or "query"
        self.header = header      # words after the kind, e.g. ["ok"], ["error", "X"], ["IT", "rowsort"]
        self.sql = sql            # list of lines
        self.expected = expected  # list of result lines (queries only), None when there is no ----
        self.line = line          # 1-based line of the header

    @property
    def expects_error(self):
        return self.header[:1] == ["error"]

    def render(self):
        out = [" ".join([self.kind] + self.header)] + self.sql
        if self.kind == "query" and not self.expects_error:
            out.append("----")
            out.extend(self.expected or [])
        return out


def parse(text, path):
    """Splits a .test file into a list of items: plain lines (str) and Records."""
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    items, i = [], 0
    while i < len(lines):
        line = lines[i]
        words = line.split()
        if not words or words[0] not in ("statement", "query"):
            # `skipif sparkify` marks the next record as a known difference; Spark still records it.
            if words and not line.startswith("#") and words[0] not in ("skipif", "onlyif"):
                raise SystemExit(f"{path}:{i + 1}: expected a record, a comment or a blank line: {line!r}")
            items.append(line)
            i += 1
            continue
        kind, header, start = words[0], words[1:], i + 1
        i += 1
        sql = []
        while i < len(lines) and lines[i].strip() != "" and lines[i] != "----":
            sql.append(lines[i])
            i += 1
        expected = None
        if i < len(lines) and lines[i] == "----":
            i += 1
            expected = []
            while i < len(lines) and lines[i] != "":
                expected.append(lines[i])
                i += 1
        if not sql:
            raise SystemExit(f"{path}:{start}: record without SQL")
        if kind == "statement" and (not header or header[0] not in ("ok", "error")):
            raise SystemExit(f"{path}:{start}: statement must be `statement ok` or `statement error`")
        if kind == "query" and not header:
            raise SystemExit(f"{path}:{start}: query needs column letters and a sort mode")
        if kind == "query" and header[0] != "error" and (len(header) < 2 or header[1] not in ("nosort", "rowsort")):
            raise SystemExit(f"{path}:{start}: sort mode must be nosort or rowsort")
        items.append(Record(kind, header, sql, expected, start))
    return items


# ---------------------------------------------------------------- formatting

def type_letter(data_type):
    from pyspark.sql import types as T
    if isinstance(data_type, (T.ByteType, T.ShortType, T.IntegerType, T.LongType)):
        return "I"
    if isinstance(data_type, (T.FloatType, T.DoubleType, T.DecimalType)):
        return "R"
    if isinstance(data_type, T.BooleanType):
        return "B"
    return "T"


def format_value(value):
    if value is None:
        return "NULL"
    if value == "":
        return "(empty)"
    return value.replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def error_text(exc):
    """Spark's error condition, or the first line of the message when it has none."""
    condition = None
    for getter in ("getCondition", "getErrorClass"):
        if hasattr(exc, getter):
            try:
                condition = getattr(exc, getter)()
            except Exception:  # noqa: BLE001 - older/odd exception types
                condition = None
            if condition:
                return condition
    # A Py4JJavaError wraps a Java exception that may be a SparkThrowable with a condition.
    java = getattr(exc, "java_exception", None)
    while java is not None:
        try:
            condition = java.getCondition()
        except Exception:  # noqa: BLE001 - not a SparkThrowable
            condition = None
        if condition:
            return condition
        java = java.getCause()
    message = str(exc).strip().split("\n")[0]
    return message[:120] or type(exc).__name__


# ---------------------------------------------------------------- running

def run_query(spark, sql):
    """Returns (letters, rows as lists of strings) or raises."""
    from pyspark.sql import functions as F
    df = spark.sql(sql)
    letters = "".join(type_letter(f.dataType) for f in df.schema.fields)
    names = [f"c{i}" for i in range(len(df.columns))]
    as_text = df.toDF(*names).select([F.col(n).cast("string").alias(n) for n in names])
    rows = [[format_value(v) for v in row] for row in as_text.collect()]
    return letters, rows


def process_file(base, path, check):
    """Runs one file; returns (new text, list of differences, list of problems)."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    items = parse(text, path)
    spark = base.newSession()
    spark.conf.set("logic", LOGIC)
    name = os.path.basename(path)
    diffs, problems = [], []
    for item in items:
        if not isinstance(item, Record):
            continue
        sql = "\n".join(item.sql)
        where = f"{name}:{item.line}"
        if item.kind == "statement":
            try:
                spark.sql(sql).collect()
                if item.expects_error:
                    problems.append(f"{where}: statement expected to fail but succeeded")
            except Exception as exc:  # noqa: BLE001
                got = error_text(exc)
                if not item.expects_error:
                    problems.append(f"{where}: statement failed: {got}: {str(exc).splitlines()[0][:300]}")
                elif item.header[1:] != [got]:
                    diffs.append(f"{where}: error {' '.join(item.header[1:])!r} -> {got!r}")
                    item.header = ["error", got]
            continue
        if item.expects_error:
            try:
                spark.sql(sql).collect()
                problems.append(f"{where}: query expected to fail but succeeded")
            except Exception as exc:  # noqa: BLE001
                got = error_text(exc)
                if item.header[1:] != [got]:
                    diffs.append(f"{where}: error {' '.join(item.header[1:])!r} -> {got!r}")
                    item.header = ["error", got]
            continue
        try:
            letters, rows = run_query(spark, sql)
        except Exception as exc:  # noqa: BLE001
            problems.append(f"{where}: query failed: {error_text(exc)}: {str(exc).splitlines()[0][:300]}")
            continue
        lines = ["\t".join(r) for r in rows]
        if item.header[1] == "rowsort":
            lines.sort(key=lambda s: s.encode("utf-8"))
        if item.header[0] != letters:
            diffs.append(f"{where}: column letters {item.header[0]} -> {letters}")
            item.header[0] = letters
        if item.expected != lines:
            old = item.expected or []
            diffs.append(f"{where}: {len(old)} expected line(s) -> {len(lines)}"
                         + (f"\n    first difference: {first_difference(old, lines)}" if old else ""))
            item.expected = lines
    out = []
    for item in items:
        out.extend(item.render() if isinstance(item, Record) else [item])
    # Drop what the file left in the shared catalog and cache.
    for row in spark.sql("SHOW TABLES IN default").collect():
        if not row.isTemporary:
            spark.sql(f"DROP TABLE IF EXISTS default.`{row.tableName}`")
    spark.catalog.clearCache()
    return "\n".join(out) + "\n", diffs, problems


def lint(path):
    """Format problems that need no Spark: field counts, sorted rowsort blocks, error records."""
    with open(path, encoding="utf-8") as f:
        items = parse(f.read(), path)
    name, problems = os.path.basename(path), []
    for item in items:
        if not isinstance(item, Record):
            continue
        where = f"{name}:{item.line}"
        if item.expects_error:
            if len(item.header) != 2:
                problems.append(f"{where}: an error record needs exactly one error class")
            if item.expected is not None:
                problems.append(f"{where}: an error record has no ---- section")
            continue
        if item.kind == "statement":
            continue
        letters = item.header[0]
        if not letters or set(letters) - set("IRTB"):
            problems.append(f"{where}: column letters must be I, R, T or B: {letters!r}")
        if item.expected is None:
            problems.append(f"{where}: query without ----")
            continue
        for offset, row in enumerate(item.expected):
            if len(row.split("\t")) != len(letters):
                problems.append(f"{where}: row {offset + 1} has {len(row.split(chr(9)))} fields, expected {len(letters)}")
            if row == "" or row != row.rstrip("\n"):
                problems.append(f"{where}: row {offset + 1} is empty")
        if item.header[1] == "rowsort":
            encoded = [r.encode("utf-8") for r in item.expected]
            if encoded != sorted(encoded):
                problems.append(f"{where}: rowsort rows are not sorted by UTF-8 bytes")
    return problems


def first_difference(old, new):
    for a, b in zip(old, new):
        if a != b:
            return f"{a!r} -> {b!r}"
    return f"length {len(old)} -> {len(new)}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="report differences, do not write")
    parser.add_argument("--stress", action="store_true",
                        help="like --check, but split files and shuffles into many partitions, so answers "
                             "that depend on partitioning (hidden nondeterminism) show up as differences")
    parser.add_argument("--lint", action="store_true", help="check the format only, without Spark")
    parser.add_argument("files", nargs="*", help="test files (names or paths); default: all of Logic/*.test")
    args = parser.parse_args()
    if args.stress:
        args.check = True

    if args.files:
        paths = [f if os.path.exists(f) else os.path.join(LOGIC, f) for f in args.files]
    else:
        paths = sorted(os.path.join(LOGIC, f) for f in os.listdir(LOGIC) if f.endswith(".test"))
    for p in paths:  # parse everything before paying for Spark's start-up
        with open(p, encoding="utf-8") as f:
            parse(f.read(), p)

    if args.lint:
        problems = [p for path in paths for p in lint(path)]
        for p in problems:
            print("PROBLEM " + p)
        total = 0
        for path in paths:
            with open(path, encoding="utf-8") as f:
                total += sum(1 for r in parse(f.read(), path) if isinstance(r, Record) and r.kind == "query")
        print(f"{len(paths)} file(s), {total} queries, {len(problems)} problem(s)")
        sys.exit(1 if problems else 0)

    from pyspark.sql import SparkSession
    warehouse = tempfile.mkdtemp(prefix="sparkify-logic-warehouse-")
    builder = (SparkSession.builder.master("local[1]").appName("sparkify-logic-record")
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.ui.enabled", "false")
               .config("spark.sql.warehouse.dir", warehouse)
               .config("spark.driver.extraJavaOptions", f"-Dderby.system.home={warehouse}"))
    if args.stress:
        builder = (builder.config("spark.sql.shuffle.partitions", "7")
                   .config("spark.sql.adaptive.enabled", "false")
                   .config("spark.sql.files.maxPartitionBytes", "2048")
                   .config("spark.sql.files.openCostInBytes", "0")
                   .config("spark.default.parallelism", "3")
                   .config("spark.sql.leafNodeDefaultParallelism", "3"))
    else:
        builder = builder.config("spark.sql.shuffle.partitions", "1")
    base = builder.getOrCreate()
    base.sparkContext.setLogLevel("OFF")
    import logging
    logging.getLogger("pyspark").setLevel(logging.CRITICAL)
    logging.getLogger("py4j").setLevel(logging.CRITICAL)

    failed = False
    try:
        for path in paths:
            new_text, diffs, problems = process_file(base, path, args.check)
            name = os.path.basename(path)
            count = sum(1 for line in new_text.split("\n") if line.startswith("query "))
            print(f"{name}: {count} queries, {len(diffs)} difference(s), {len(problems)} problem(s)")
            for d in diffs:
                print("  diff    " + d)
            for p in problems:
                print("  PROBLEM " + p)
            failed = failed or bool(problems) or (args.check and bool(diffs))
            if not args.check:
                with open(path, encoding="utf-8") as f:
                    old_text = f.read()
                if new_text != old_text:
                    with open(path, "w", encoding="utf-8", newline="\n") as f:
                        f.write(new_text)
    finally:
        base.stop()
        shutil.rmtree(warehouse, ignore_errors=True)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
