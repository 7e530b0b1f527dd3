#!/usr/bin/env python3
"""Load benchmark: `sparkify load` against DuckDB's read_json on generated Sparkify datasets.

Called by bench/load.sh (which builds sparkify in release mode and prepares the .venv with
DuckDB). For each dataset shape it generates the data with `sparkify generate`, then times whole
processes, best of N runs each, and records each process's peak memory (max RSS from wait4):

  sparkify load DIR/song_data --recursive
  python -c "CREATE TABLE t AS SELECT * FROM read_json('DIR/song_data/*/*/*/*.json', union_by_name=true)"

and the same for log_data (DIR/log_data/*/*/*.json). It prints a markdown table.
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

SHAPES = {
    # The bucket's shape: as many song files as s3://udacity-dend/song_data, as many events as log_data.
    "bucket": (14_896, 8_056),
    "large": (100_000, 2_000_000),
}

DUCKDB_CHILD = r"""
import sys, duckdb
pattern = sys.argv[1].replace("'", "''")
con = duckdb.connect()
con.execute("SET enable_progress_bar = false")
con.execute(f"CREATE TABLE t AS SELECT * FROM read_json('{pattern}', union_by_name=true)")
print(f"{con.execute('SELECT count(*) FROM t').fetchone()[0]} rows")
"""

ROWS = re.compile(r"([0-9][0-9,_]*) rows?\b")


class Measurement:
    def __init__(self, seconds, max_rss_bytes, rows, stdout="", stderr=""):
        self.seconds = seconds
        self.max_rss_bytes = max_rss_bytes
        self.rows = rows
        self.stdout = stdout
        self.stderr = stderr


def run_once(command):
    """Runs one child process; returns wall time, its own peak RSS and the row count it printed."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        # wait4 reaps this child and gives its own resource usage (not a sum over all children).
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        stdout = out.read().decode(errors="replace")
        stderr = err.read().decode(errors="replace")
    if child.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed with exit code {child.returncode}:\n{stderr[-2000:]}")
    # ru_maxrss is in kilobytes on Linux, bytes on macOS.
    rss = usage.ru_maxrss if sys.platform == "darwin" else usage.ru_maxrss * 1024
    matches = ROWS.findall(stdout)
    rows = int(matches[-1].replace(",", "").replace("_", "")) if matches else None
    return Measurement(seconds, rss, rows, stdout, stderr)


def best_of(command, runs):
    results = [run_once(command) for _ in range(runs)]
    best = min(results, key=lambda m: m.seconds)
    # Peak memory is a property of the work, not of luck: report the largest seen.
    best.max_rss_bytes = max(m.max_rss_bytes for m in results)
    return best


def tree_bytes(root):
    total = 0
    files = 0
    for folder, _, names in os.walk(root):
        for name in names:
            total += os.path.getsize(os.path.join(folder, name))
            files += 1
    return total, files


def human_bytes(count):
    for unit in ("B", "KB", "MB", "GB"):
        if count < 1000 or unit == "GB":
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1000


def rate(megabytes, seconds):
    value = megabytes / seconds
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def generate(sparkify, directory, songs, events, seed, force):
    """Generates the dataset unless the stamp beside it says it was made with the same settings
    (deleting 100,000 files is slow on some disks, so the data is reused between runs)."""
    stamp = directory.rstrip("/") + ".params"
    settings = f"songs={songs} events={events} seed={seed}\n"
    if not force and os.path.isdir(directory) and os.path.exists(stamp):
        with open(stamp) as file:
            if file.read() == settings:
                print(f"reusing {directory} ({settings.strip()}); --regenerate to write it anew", file=sys.stderr)
                return
    if os.path.exists(stamp):
        os.remove(stamp)
    command = [sparkify, "generate", directory, "--songs", str(songs), "--events", str(events),
               "--seed", str(seed), "--force"]
    print(f"$ {' '.join(command)}", file=sys.stderr)
    subprocess.run(command, check=True, stdout=sys.stderr)
    with open(stamp, "w") as file:
        file.write(settings)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sparkify", required=True, help="path of the release sparkify binary")
    parser.add_argument("--out", default="bench/out", help="where the datasets are generated")
    parser.add_argument("--shapes", default="bucket,large", help=f"comma-separated, from {', '.join(SHAPES)}")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement; the best time is kept")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--duckdb-only", action="store_true",
                        help="skip `sparkify load` (for machines whose sparkify has no load command yet)")
    parser.add_argument("--regenerate", action="store_true",
                        help="write the datasets anew even when --out has them with the same settings")
    args = parser.parse_args()

    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    for shape in shapes:
        if shape not in SHAPES:
            parser.error(f"unknown shape {shape!r}; known: {', '.join(SHAPES)}")

    rows = []
    for shape in shapes:
        songs, events = SHAPES[shape]
        directory = os.path.join(args.out, shape)
        generate(args.sparkify, directory, songs, events, args.seed, args.regenerate)
        for part, pattern, expected in (
            ("song_data", "song_data/*/*/*/*.json", songs),
            ("log_data", "log_data/*/*/*.json", events),
        ):
            path = os.path.join(directory, part)
            raw, files = tree_bytes(path)
            print(f"measuring {shape} {part}: {files} files, {human_bytes(raw)}", file=sys.stderr)
            duck = best_of([sys.executable, "-c", DUCKDB_CHILD, os.path.join(directory, pattern)], args.runs)
            spark = None
            if not args.duckdb_only:
                spark = best_of([args.sparkify, "load", path, "--recursive"], args.runs)
            for name, m in (("DuckDB", duck), ("sparkify", spark)):
                if m is not None and m.rows != expected:
                    print(f"warning: {name} reported {m.rows} rows for {path}, expected {expected}", file=sys.stderr)
            rows.append((f"{shape} {part} ({files:,} files, {expected:,} rows)", raw, spark, duck))

    print()
    print("| dataset | raw bytes | sparkify | DuckDB | DuckDB/sparkify | sparkify MB/s | DuckDB MB/s "
          "| sparkify peak RSS | RSS / raw | DuckDB peak RSS |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, raw, spark, duck in rows:
        mb = raw / 1e6
        if spark is not None:
            spark_cells = (f"{spark.seconds:.3f} s", f"{duck.seconds / spark.seconds:.2f}×",
                           rate(mb, spark.seconds), human_bytes(spark.max_rss_bytes),
                           f"{spark.max_rss_bytes / raw:.2f}")
        else:
            spark_cells = ("n/a", "n/a", "n/a", "n/a", "n/a")
        print(f"| {name} | {human_bytes(raw)} | {spark_cells[0]} | {duck.seconds:.3f} s | {spark_cells[1]} "
              f"| {spark_cells[2]} | {rate(mb, duck.seconds)} | {spark_cells[3]} | {spark_cells[4]} "
              f"| {human_bytes(duck.max_rss_bytes)} |")
    print()
    print(f"Best of {args.runs} runs of whole processes (start-up included; DuckDB runs inside "
          f"Python {sys.version_info.major}.{sys.version_info.minor} with duckdb {duckdb_version()}), "
          f"files in the page cache, {os.cpu_count()} cores.")


def duckdb_version():
    try:
        import duckdb  # noqa: PLC0415 (only for the footnote)
        return duckdb.__version__
    except ImportError:
        return "?"


if __name__ == "__main__":
    try:
        main()
    except (RuntimeError, subprocess.CalledProcessError) as error:
        print(f"load benchmark: {error}", file=sys.stderr)
        sys.exit(1)
