#!/usr/bin/env python3
"""Lake benchmark: writing the songplays lake, sparkify against DuckDB.

Called by bench/lake.sh (release sparkify, .venv with DuckDB and pyarrow). On the large dataset
(100,000 songs, 2,000,000 events; generated once into OUT/large by bench/load.py's rules):

 1. sparkify builds the walkthrough's songplays table (bench/etl.sql's query) once and stores
    it as one Parquet file, the input both engines then load (so neither spends its time on the
    100,000 small song files, which bench/load.sh measures);
 2. each engine, in its own process, loads that file into memory, then writes the lake with
    snappy, partitioned by year and month, timed on its own:
      sparkify: CREATE TABLE lake_songplays USING parquet PARTITIONED BY (year, month)
                LOCATION 'OUT/lake-sparkify/songplays' AS SELECT * FROM songplays
      DuckDB:   COPY songplays TO 'OUT/lake-duckdb/songplays'
                (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (year, month))
 3. both lakes are read back with pyarrow (hive partitioning): same row count and the same
    sum of songplay_id per partition, or the run fails.

Prints a markdown table: write time (best of N), whole process, output size, files, ratio.
"""

import argparse
import glob
import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from load import SHAPES, generate, human_bytes, tree_bytes  # noqa: E402

SONGPLAYS = """
CREATE OR REPLACE TEMP VIEW staging_songs AS SELECT * FROM json.`{data}/song_data/*/*/*/*.json`;
CREATE OR REPLACE TEMP VIEW staging_events AS SELECT * FROM json.`{data}/log_data/*/*/*.json`;
INSERT OVERWRITE DIRECTORY '{input}' USING parquet
SELECT row_number() OVER (ORDER BY e.ts, e.sessionId, e.itemInSession) AS songplay_id,
       timestamp_millis(e.ts) AS start_time, CAST(e.userId AS BIGINT) AS user_id, e.level,
       s.song_id, s.artist_id, e.sessionId AS session_id, e.location, e.userAgent AS user_agent,
       year(timestamp_millis(e.ts)) AS year, month(timestamp_millis(e.ts)) AS month
FROM staging_events e
LEFT JOIN staging_songs s ON e.song = s.title AND e.artist = s.artist_name AND e.length = s.duration
WHERE e.page = 'NextSong';
"""

SPARKIFY_WRITE = """
CREATE OR REPLACE TEMP VIEW songplays AS SELECT * FROM parquet.`{input}`;
CREATE TABLE lake_songplays USING parquet PARTITIONED BY (year, month)
LOCATION '{lake}' AS SELECT * FROM songplays;
"""

DUCKDB_CHILD = r"""
import sys, time, duckdb
source, lake = sys.argv[1], sys.argv[2]
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute(f"CREATE TABLE songplays AS SELECT * FROM read_parquet('{source}/*.parquet')")
started = time.perf_counter()
con.execute(f"COPY songplays TO '{lake}' (FORMAT parquet, COMPRESSION snappy, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE)")
print(f"write {time.perf_counter() - started:.3f}")
"""

TIMER = re.compile(r"time: ([0-9.]+) s  (.*)")


def run(command):
    """Runs `command`, returning (seconds, stdout, stderr); fails loudly."""
    started = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        sys.exit(f"failed: {' '.join(command)}\n{result.stderr[-2000:]}")
    return seconds, result.stdout, result.stderr


def lake_summary(root):
    """(rows, {partition: sum of songplay_id}, data files, bytes) read with pyarrow."""
    import pyarrow.compute as pc
    import pyarrow.dataset as ds
    table = ds.dataset(root, format="parquet", partitioning="hive").to_table(columns=["songplay_id", "year", "month"])
    sums = {}
    for year, month, ident in zip(table["year"].to_pylist(), table["month"].to_pylist(), table["songplay_id"].to_pylist()):
        sums[(int(year), int(month))] = sums.get((int(year), int(month)), 0) + ident
    files = [f for f in glob.glob(os.path.join(root, "**", "*.parquet"), recursive=True)]
    return table.num_rows, sums, len(files), sum(os.path.getsize(f) for f in files)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sparkify", required=True)
    parser.add_argument("--out", default="bench/out")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    songs, events = SHAPES["large"]
    data = os.path.join(args.out, "large")
    generate(args.sparkify, data, songs, events, args.seed, False)
    work = os.path.join(args.out, "lake")
    os.makedirs(work, exist_ok=True)
    source = os.path.abspath(os.path.join(work, "songplays-input"))
    script = os.path.join(work, "songplays-input.sql")
    with open(script, "w") as file:
        file.write(SONGPLAYS.format(data=os.path.abspath(data), input=source))
    if os.path.exists(os.path.join(source, "_SUCCESS")) and os.path.getmtime(source) > os.path.getmtime(data + ".params"):
        print(f"reusing the songplays input {source}", file=sys.stderr)
    else:
        print("building the songplays input once (sparkify)", file=sys.stderr)
        run([args.sparkify, "sql", script])

    write_script = os.path.join(work, "write.sql")
    spark_lake = os.path.abspath(os.path.join(work, "lake-sparkify", "songplays"))
    duck_lake = os.path.abspath(os.path.join(work, "lake-duckdb", "songplays"))
    os.makedirs(os.path.dirname(duck_lake), exist_ok=True)
    with open(write_script, "w") as file:
        file.write(SPARKIFY_WRITE.format(input=source, lake=spark_lake))

    best = {"sparkify": (1e9, 1e9), "duckdb": (1e9, 1e9)}
    for attempt in range(args.runs):
        seconds, _, err = run([args.sparkify, "sql", write_script, "--timer"])
        write = sum(float(s) for s, statement in TIMER.findall(err) if "CREATE TABLE" in statement)
        best["sparkify"] = min(best["sparkify"], (write, seconds))
        subprocess.run(["rm", "-rf", duck_lake])
        seconds, out, _ = run([sys.executable, "-c", DUCKDB_CHILD, source, duck_lake])
        write = float(out.split()[-1])
        best["duckdb"] = min(best["duckdb"], (write, seconds))
        print(f"run {attempt + 1}: sparkify write {best['sparkify'][0]:.3f} s, DuckDB write {best['duckdb'][0]:.3f} s (best so far)", file=sys.stderr)

    spark_rows, spark_sums, spark_files, spark_bytes = lake_summary(spark_lake)
    duck_rows, duck_sums, duck_files, duck_bytes = lake_summary(duck_lake)
    same = spark_rows == duck_rows and spark_sums == duck_sums
    print(f"| engine | write (best of {args.runs}) | whole process | rows | partitions | files | bytes |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    print(f"| sparkify | {best['sparkify'][0]:.3f} s | {best['sparkify'][1]:.3f} s | {spark_rows:,} | {len(spark_sums)} | {spark_files} | {human_bytes(spark_bytes)} |")
    print(f"| DuckDB | {best['duckdb'][0]:.3f} s | {best['duckdb'][1]:.3f} s | {duck_rows:,} | {len(duck_sums)} | {duck_files} | {human_bytes(duck_bytes)} |")
    print(f"\nDuckDB/sparkify: write {best['duckdb'][0] / best['sparkify'][0]:.2f}x, whole process {best['duckdb'][1] / best['sparkify'][1]:.2f}x; same rows per partition: {'yes' if same else 'NO'}")
    if not same:
        sys.exit("the two lakes differ")


if __name__ == "__main__":
    main()
