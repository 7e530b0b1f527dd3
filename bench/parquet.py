"""Writes the songplays-like table of bench/ParquetBench with pyarrow (snappy) and times it
against sparkify's writer; prints a markdown table. Usage: parquet.py BENCH_BINARY [ROWS] [RUNS]"""
import json
import os
import subprocess
import sys
import time

import pyarrow as pa
import pyarrow.parquet as pq

binary = sys.argv[1]
rows = int(sys.argv[2]) if len(sys.argv) > 2 else 2_000_000
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 3


def table(n):
    h = [(i * 2654435761) % (1 << 32) for i in range(n)]
    ua = [f"Mozilla/5.0 (Windows NT 6.{x % 4}; WOW64) AppleWebKit/537.{x % 50} (KHTML, like Gecko) Chrome/36.0.1985.{x % 30} Safari/537.36" for x in h]
    return pa.table({
        "songplay_id": pa.array(range(n), pa.int64()),
        "start_time": pa.array([1541030400000000 + i * 1300000 + h[i] % 1000 for i in range(n)], pa.timestamp("us", tz="UTC")),
        "user_id": pa.array([str(x % 97) for x in h]),
        "level": pa.array(["paid" if x % 3 == 0 else "free" for x in h]),
        "song_id": pa.array([f"SO{x % 50000:016d}" if x % 10 == 0 else None for x in h]),
        "artist_id": pa.array([f"AR{x % 20000:016d}" if x % 10 == 0 else None for x in h]),
        "session_id": pa.array([i // 37 for i in range(n)], pa.int32()),
        "location": pa.array([f"City {x % 113}, ST" for x in h]),
        "user_agent": pa.array(ua),
        "event_id": pa.array([f"{i:x}-{h[i]:x}" for i in range(n)]),
        "year": pa.array([2018] * n, pa.int32()),
        "month": pa.array([11] * n, pa.int32()),
    })


sparkify_path, arrow_path = "/tmp/bench-sparkify.parquet", "/tmp/bench-pyarrow.parquet"
out = subprocess.run([binary, str(rows), sparkify_path, str(runs)], check=True, capture_output=True, text=True).stdout
mine = json.loads(out.strip().splitlines()[-1])

t = table(rows)
best_write = best_read = float("inf")
for _ in range(runs):
    start = time.perf_counter()
    pq.write_table(t, arrow_path, compression="snappy")
    best_write = min(best_write, time.perf_counter() - start)
for _ in range(runs):
    start = time.perf_counter()
    pq.read_table(arrow_path)
    best_read = min(best_read, time.perf_counter() - start)

# sparkify's file must hold what pyarrow wrote.
if not pq.read_table(sparkify_path).equals(t.cast(pq.read_table(sparkify_path).schema)):
    sys.exit("sparkify's file differs from pyarrow's table")

print(f"| {rows:,} rows, snappy | sparkify | pyarrow {pa.__version__} | ratio (sparkify / pyarrow) |")
print("|---|---|---|---|")
print(f"| write | {mine['write_seconds']:.3f} s | {best_write:.3f} s | {mine['write_seconds'] / best_write:.2f} |")
print(f"| read all columns | {mine['read_seconds']:.3f} s | {best_read:.3f} s | {mine['read_seconds'] / best_read:.2f} |")
print(f"| file size | {mine['bytes'] / 1e6:.1f} MB | {os.path.getsize(arrow_path) / 1e6:.1f} MB | {mine['bytes'] / os.path.getsize(arrow_path):.2f} |")
