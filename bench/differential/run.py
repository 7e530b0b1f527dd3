#!/usr/bin/env python3
"""Differential test: the same questions asked of sparkify (Spark SQL) and of DuckDB, compared.

Called by bench/differential.sh. It generates a Sparkify dataset with a fixed seed, runs the
notebook samples/etl.sql and then every query of queries.sql in one `sparkify sql` process
(JSON Lines output), runs etl_duckdb.sql and each query's DuckDB form in DuckDB, and compares
the answers: as multisets of rows, or row by row for queries marked `@ordered`; numbers with a
relative tolerance of 1e-9, timestamps and dates in Spark's printed form, columns by name.

The format of queries.sql (one block per query):

    -- @query name                   starts a block; the name is what the report shows
    -- @ordered                      the ORDER BY orders totally: compare row by row
    -- @expect-diff reason           Spark's semantics differ from DuckDB's on purpose: the
                                     Spark text run as-is in DuckDB (or the @duckdb-naive text)
                                     must give a different answer; the @duckdb translation must
                                     still match sparkify
    -- @known-bug reason             sparkify answers wrongly (or fails): reported, not failed
    <Spark SQL, ending with ;>
    -- @duckdb                       optional: the DuckDB translation, where the dialects differ
    <DuckDB SQL;>
    -- @duckdb-naive                 optional, with @expect-diff: the literal port that differs
    <DuckDB SQL;>

Exit status: 0 when every query matched or differed only as written down, 1 otherwise.
"""

import argparse
import datetime
import decimal
import json
import math
import os
import re
import subprocess
import sys
import threading
import time
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
MARKER = "__differential_query__"
RELATIVE_TOLERANCE = 1e-9
ABSOLUTE_TOLERANCE = 1e-12


class Query:
    """One block of queries.sql."""

    def __init__(self, name, line):
        self.name = name
        self.line = line
        self.ordered = False
        self.expect_diff = None
        self.known_bug = None
        self.spark = ""
        self.duckdb = None
        self.naive = None

    @property
    def duckdb_sql(self):
        return self.duckdb if self.duckdb is not None else self.spark


def parse_queries(path):
    """The blocks of queries.sql, in file order; a malformed block is an error with its line."""
    queries = []
    section = None
    for number, raw in enumerate(open(path, encoding="utf-8"), start=1):
        line = raw.rstrip("\n")
        directive = re.match(r"\s*--\s*@([a-z-]+)\s*(.*)$", line)
        if directive:
            word, rest = directive.group(1), directive.group(2).strip()
            if word == "query":
                if not rest:
                    sys.exit(f"{path}:{number}: @query needs a name")
                if any(q.name == rest for q in queries):
                    sys.exit(f"{path}:{number}: a query named {rest} already exists")
                queries.append(Query(rest, number))
                section = "spark"
                continue
            if not queries:
                sys.exit(f"{path}:{number}: @{word} before the first @query")
            query = queries[-1]
            if word == "ordered":
                query.ordered = True
            elif word == "expect-diff":
                query.expect_diff = rest or sys.exit(f"{path}:{number}: @expect-diff needs a reason")
            elif word == "known-bug":
                query.known_bug = rest or sys.exit(f"{path}:{number}: @known-bug needs a reason")
            elif word == "duckdb":
                section = "duckdb"
                query.duckdb = ""
            elif word == "duckdb-naive":
                section = "naive"
                query.naive = ""
            else:
                sys.exit(f"{path}:{number}: unknown directive @{word}")
            continue
        if not queries or re.match(r"\s*--", line) or not line.strip():
            continue
        query = queries[-1]
        text = line + "\n"
        if section == "spark":
            query.spark += text
        elif section == "duckdb":
            query.duckdb += text
        else:
            query.naive += text
    for query in queries:
        for attribute in ("spark", "duckdb", "naive"):
            text = getattr(query, attribute)
            if text is None:
                continue
            text = text.strip()
            if not text.endswith(";") or text[:-1].count(";"):
                sys.exit(f"{path}:{query.line}: query {query.name}: each part must be one statement ending with ';'")
            setattr(query, attribute, text[:-1])
        if not query.spark:
            sys.exit(f"{path}:{query.line}: query {query.name} has no Spark SQL")
        if query.ordered and not re.search(r"order\s+by", query.spark, re.I):
            sys.exit(f"{path}:{query.line}: query {query.name} is @ordered but has no ORDER BY")
        if query.naive is not None and query.expect_diff is None:
            sys.exit(f"{path}:{query.line}: query {query.name} has @duckdb-naive without @expect-diff")
    return queries


# ---- sparkify ---------------------------------------------------------------------------------

def run_sparkify(sparkify, etl, queries, data, script_name):
    """Runs the ETL and the queries in sparkify; returns {name: rows or error text}.

    `sparkify sql` stops at the first failing statement, so after a failure it starts again with
    the ETL and the queries after the failing one. Rows are dicts (JSON Lines: NULLs left out)."""
    results = {}
    remaining = list(queries)
    while remaining:
        script = [etl]
        for query in remaining:
            script.append(f"SELECT '{query.name}' AS {MARKER};")
            script.append(query.spark + ";")
        path = os.path.join(data, script_name)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write("\n".join(script) + "\n")
        process = subprocess.run([sparkify, "sql", path, "--data", data, "--mode", "json",
                                  "--max-rows", "1000000000"], capture_output=True, text=True)
        current = None
        for line in process.stdout.splitlines():
            if not line.strip():
                continue
            row = json.loads(line, parse_float=decimal.Decimal)
            if set(row) == {MARKER}:
                current = row[MARKER]
                results[current] = []
            elif current is None:
                sys.exit(f"sparkify printed rows before the first query (the ETL ends in a SELECT?): {line[:200]}")
            else:
                results[current].append(row)
        if process.returncode == 0:
            break
        if current is None:
            sys.exit(f"sparkify failed in the ETL:\n{process.stderr}")
        failed = next(i for i, q in enumerate(remaining) if q.name == current)
        message = [l for l in process.stderr.splitlines() if l.strip() and not l.startswith(("Set ", "Created "))]
        first = next((l for l in message if l.startswith(path + ": ")), message[-1] if message else "failed")
        results[current] = "error: " + first.replace(path + ": ", "", 1)
        remaining = remaining[failed + 1:]
    return results


# ---- DuckDB -----------------------------------------------------------------------------------

def duckdb_connection(etl_text, data):
    import duckdb
    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")
    code = "\n".join(l for l in etl_text.replace("${data}", data).splitlines() if not l.strip().startswith("--"))
    for statement in code.split(";"):
        if statement.strip():
            connection.execute(statement)
    return connection


def run_duckdb(connection, sql):
    """(column names, rows as dicts without NULLs) or an error text."""
    try:
        cursor = connection.execute(sql)
        names = [d[0] for d in cursor.description]
        if len(set(names)) != len(names):
            return f"error: the columns {names} repeat a name; alias them"
        rows = [{n: v for n, v in zip(names, row) if v is not None} for row in cursor.fetchall()]
        return names, rows
    except Exception as error:  # DuckDB raises many exception types; all are answers here
        return "error: " + str(error).splitlines()[0]


# ---- comparing --------------------------------------------------------------------------------

def spark_timestamp(value):
    """Spark's printed form: yyyy-MM-dd HH:mm:ss with the fraction's trailing zeros trimmed."""
    text = value.strftime("%Y-%m-%d %H:%M:%S")
    if value.microsecond:
        text += ("." + f"{value.microsecond:06d}").rstrip("0")
    return text


def normalize(value):
    """A comparable form: numbers as ('n', kind, float), everything else as text or bool."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return ("n", "integral", value)
    if isinstance(value, decimal.Decimal):
        kind = "integral" if value == value.to_integral_value() and value.as_tuple().exponent >= 0 else "fractional"
        return ("n", kind, int(value) if kind == "integral" else float(value))
    if isinstance(value, float):
        return ("n", "fractional", value)
    if isinstance(value, datetime.datetime):
        return spark_timestamp(value)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(str(normalize(v)) for v in value) + "]"
    return value


def same_value(a, b):
    if isinstance(a, tuple) and isinstance(b, tuple):
        if a[1] != b[1]:
            return False
        x, y = a[2], b[2]
        if isinstance(x, int) and isinstance(y, int):
            return x == y
        if math.isnan(x) or math.isnan(y):
            return math.isnan(x) and math.isnan(y)
        return x == y or abs(x - y) <= max(ABSOLUTE_TOLERANCE, RELATIVE_TOLERANCE * max(abs(x), abs(y)))
    return type(a) is type(b) and a == b


def same_row(a, b):
    return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))


def row_key(row):
    """A sort and hash key; fractional numbers rounded so that near-equal values usually meet."""
    return tuple((0, "") if v is None else
                 (1, f"{v[2]:.9g}" if isinstance(v, tuple) and v[1] == "fractional" else str(v)) for v in row)


def compare(names, spark_rows, duck_rows, ordered):
    """None when the answers agree, else a few lines saying where they differ."""
    extra = sorted({k for row in spark_rows for k in row} - set(names))
    if extra:
        return [f"sparkify has columns {extra} that DuckDB's answer ({names}) has not"]
    left = [tuple(normalize(r[n]) if n in r else None for n in names) for r in spark_rows]
    right = [tuple(normalize(r[n]) if n in r else None for n in names) for r in duck_rows]
    lines = []
    if len(left) != len(right):
        lines.append(f"row counts differ: sparkify {len(left)}, DuckDB {len(right)}")
    if ordered:
        for index, (a, b) in enumerate(zip(left, right)):
            if not same_row(a, b):
                lines.append(f"first difference at row {index + 1}:")
                lines.append(f"  sparkify: {show(names, a)}")
                lines.append(f"  DuckDB:   {show(names, b)}")
                break
        if not lines:
            return None
        if len(left) != len(right):
            shorter = min(len(left), len(right))
            tail = left[shorter:shorter + 3] if len(left) > shorter else right[shorter:shorter + 3]
            side = "sparkify" if len(left) > shorter else "DuckDB"
            lines += [f"  only {side}: {show(names, r)}" for r in tail]
        return lines
    only_left, only_right = multiset_difference(left, right)
    if not only_left and not only_right:
        return None
    lines.append(f"{len(only_left)} rows only in sparkify, {len(only_right)} rows only in DuckDB; the first:")
    lines += [f"  only sparkify: {show(names, r)}" for r in only_left[:3]]
    lines += [f"  only DuckDB:   {show(names, r)}" for r in only_right[:3]]
    return lines


def multiset_difference(left, right):
    """Rows of each side without a partner on the other, partners matched within tolerance."""
    counts = Counter(row_key(r) for r in right)
    unmatched_left = []
    for row in left:
        key = row_key(row)
        if counts[key] > 0:
            counts[key] -= 1
        else:
            unmatched_left.append(row)
    unmatched_right = []
    remaining = Counter(counts)
    for row in right:
        key = row_key(row)
        if remaining[key] > 0:
            remaining[key] -= 1
            unmatched_right.append(row)
    # Exact keys failed for these: pair rows equal within tolerance, looking only among rows that
    # agree exactly on their non-fractional values (so this stays near linear on large results).
    buckets = {}
    for row in unmatched_right:
        buckets.setdefault(exact_part(row), []).append(row)
    still_left = []
    for row in sorted(unmatched_left, key=row_key):
        candidates = buckets.get(exact_part(row), [])
        partner = next((i for i, other in enumerate(candidates) if same_row(row, other)), None)
        if partner is None:
            still_left.append(row)
        else:
            candidates.pop(partner)
    still_right = [row for rows in buckets.values() for row in rows]
    return still_left, sorted(still_right, key=row_key)


def exact_part(row):
    """The values of a row that must be equal exactly (all but fractional numbers)."""
    return tuple(None if isinstance(v, tuple) and v[1] == "fractional" else str(v) for v in row)


def show(names, row):
    def text(v):
        if v is None:
            return "NULL"
        if isinstance(v, tuple):
            return repr(v[2])
        return repr(v)
    return "(" + ", ".join(f"{n}={text(v)}" for n, v in zip(names, row)) + ")"


def differs(spark_answer, duck_answer, ordered):
    """None when equal, else lines describing the difference (errors included)."""
    if isinstance(spark_answer, str) or isinstance(duck_answer, str):
        if isinstance(spark_answer, str) and isinstance(duck_answer, str):
            return [f"sparkify {spark_answer}", f"DuckDB {duck_answer}"]
        if isinstance(spark_answer, str):
            return [f"sparkify {spark_answer}"]
        return [f"DuckDB {duck_answer}"]
    names, rows = duck_answer
    return compare(names, spark_answer, rows, ordered)


# ---- main -------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sparkify", default=os.path.join(ROOT, ".build/debug/sparkify"))
    parser.add_argument("--songs", type=int, default=2000)
    parser.add_argument("--events", type=int, default=50000)
    parser.add_argument("--seed", type=int, default=20181101)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench/out"))
    parser.add_argument("--queries", default=os.path.join(HERE, "queries.sql"))
    parser.add_argument("--only", help="run only the queries whose name contains this text")
    parser.add_argument("--verbose", action="store_true", help="show the differing rows of expected differences too")
    parser.add_argument("--self-test", action="store_true",
                        help="check the checker: run selftest.sql (planted differences) on a tiny dataset")
    parser.add_argument("--strict", action="store_true",
                        help="also fail when a known bug no longer differs or an expected difference does not show")
    args = parser.parse_args()

    if args.self_test:
        args.queries, args.songs, args.events = os.path.join(HERE, "selftest.sql"), 200, 3000
    queries = parse_queries(args.queries)
    if args.only:
        queries = [q for q in queries if args.only in q.name]
    data = os.path.join(args.out, f"differential-{args.songs}-{args.events}-{args.seed}")
    started = time.perf_counter()
    generated = subprocess.run([args.sparkify, "generate", data, "--songs", str(args.songs), "--events",
                                str(args.events), "--seed", str(args.seed), "--force"], capture_output=True, text=True)
    if generated.returncode != 0:
        sys.exit(f"sparkify generate failed:\n{generated.stderr}")
    print(f"dataset: {args.songs} songs, {args.events} events, seed {args.seed} in {data}", file=sys.stderr)

    etl_spark = open(os.path.join(ROOT, "samples/etl.sql"), encoding="utf-8").read()
    # sparkify runs in its own process while DuckDB answers here: the two use both cores.
    spark = {}
    spark_seconds = [0.0]
    spark_failure = []

    def ask_sparkify(group, script_name):
        spark_started = time.perf_counter()
        try:
            spark.update(run_sparkify(args.sparkify, etl_spark, group, data, script_name))
        except SystemExit as failure:  # sys.exit in a thread would end only the thread, silently
            spark_failure.append(str(failure))
        spark_seconds[0] = max(spark_seconds[0], time.perf_counter() - spark_started)

    # Each sparkify error costs a restart (ETL included), so the known bugs, which mostly fail,
    # run in a second process beside the others.
    groups = [([q for q in queries if not q.known_bug], "differential.sql"),
              ([q for q in queries if q.known_bug], "differential-known-bugs.sql")]
    workers = [threading.Thread(target=ask_sparkify, args=group) for group in groups if group[0]]
    for worker in workers:
        worker.start()
    duck_started = time.perf_counter()
    connection = duckdb_connection(open(os.path.join(HERE, "etl_duckdb.sql"), encoding="utf-8").read(), data)
    duck = {}
    for query in queries:
        duck[query.name] = run_duckdb(connection, query.duckdb_sql)
        if query.expect_diff:
            duck[query.name + " naive"] = run_duckdb(connection, query.naive if query.naive is not None else query.spark)
    duck_seconds = time.perf_counter() - duck_started
    for worker in workers:
        worker.join()
    if spark_failure:
        print(spark_failure[0], file=sys.stderr)
        return 2

    tally = Counter()
    failures = []
    outcome = {}
    for query in queries:
        spark_answer = spark.get(query.name, "error: no answer (sparkify stopped before it)")
        difference = differs(spark_answer, duck[query.name], query.ordered)
        details = []
        if query.known_bug:
            if difference:
                status, details = f"known bug: {query.known_bug}", difference
                kind = "known bug"
            else:
                status = f"matched, but marked as a known bug ({query.known_bug}): remove the mark"
                kind = "known bug gone"
                if args.strict:
                    failures.append(query.name)
        elif difference:
            status, details = "DIFFERS", difference
            kind = "differs"
            failures.append(query.name)
        elif query.expect_diff:
            naive = duck[query.name + " naive"]
            naive_difference = differs(spark_answer, naive, query.ordered)
            if naive_difference and not (isinstance(naive, str)):
                status = f"differs as expected: {query.expect_diff} (the DuckDB translation matches)"
                details = naive_difference if args.verbose else []
                kind = "differs as expected"
            else:
                why = f"DuckDB rejects the literal port: {naive}" if isinstance(naive, str) else "the literal port matches too"
                status = f"matched, but the expected difference did not show ({why})"
                kind = "expected difference missing"
                if args.strict:
                    failures.append(query.name)
        else:
            status = "matched"
            kind = "matched"
        tally[kind] += 1
        outcome[query.name] = kind
        print(f"{query.name:<40} {status}")
        for line in details:
            print(f"    {line}")
    print()
    print(f"{len(queries)} queries: " + ", ".join(f"{count} {what}" for what, count in sorted(tally.items())))
    print(f"sparkify (ETL + queries) {spark_seconds[0]:.1f} s, DuckDB {duck_seconds:.1f} s, "
          f"all {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if args.self_test:
        # selftest.sql names each query `outcome__what`: the checker must reach that outcome.
        wrong = [f"{name} ended as {got!r}" for name, got in outcome.items()
                 if name.split("__")[0].replace("_", " ") != got]
        print("self-test: " + ("every planted outcome found" if not wrong else "WRONG: " + "; ".join(wrong)))
        return 1 if wrong else 0
    if failures:
        print(f"unexplained: {', '.join(failures)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
