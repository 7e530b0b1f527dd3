#!/usr/bin/env bash
# Cross-check with Apache Spark 4.3 in local mode (needs Java 17 or later; skipped without):
# 1. `sparkify export` writes the walkthrough as a PySpark job; the job runs on samples/data and
#    every cell's table is compared with sparkify's (`sparkify run --dump`): same rows in any
#    order, doubles within a relative 1e-9, timestamps equal. Both times are printed.
# 2. A notebook with lake cells (spark/lake.sql) runs twice as a job: the second run overwrites
#    the lake's folders, as sparkify does, instead of failing or adding rows.
# 3. The SQL logic tests (Tests/SparkifySQLTests/Logic/*.test) run in Spark (record.py --check):
#    every expected answer must still be Spark's. sparkify's own tests check it gives them,
#    except for records marked `skipif sparkify` (documented, intended differences).
# SPARKIFY_BIN=path uses that binary instead of building a release one.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! python=$(scripts/pyspark-python 2>"${TMPDIR:-/tmp}/spark-check-why.txt"); then
    echo "spark.sh: skipped: $(tail -1 "${TMPDIR:-/tmp}/spark-check-why.txt")"
    exit 0
fi
bin=${SPARKIFY_BIN:-}
if [ -z "$bin" ]; then
    echo "spark.sh: building sparkify (release)" >&2
    swift build -c release --product sparkify >&2
    bin=.build/release/sparkify
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
now() { date +%s.%N; }

echo "spark.sh: 1. the walkthrough in sparkify and in Spark local mode"
"$bin" export samples/etl.sql --data samples/data -o "$tmp/etl.py" 2>"$tmp/export.log" \
    || { cat "$tmp/export.log"; exit 1; }
"$python" -m py_compile "$tmp/etl.py"
# Lake cells write to ${output}: give both engines a folder of their own when sparkify takes one.
sparkify_output=()
if "$bin" run --help 2>&1 | grep -q -- '--output'; then sparkify_output=(--output "$tmp/lake-sparkify"); fi
# sparkify's time is `sparkify run`'s, best of 3; the tables are dumped by a run of their own.
sparkify_seconds=""
for run in 1 2 3; do
    started=$(now)
    "$bin" run samples/etl.sql --data samples/data "${sparkify_output[@]}" >/dev/null 2>"$tmp/sparkify-run.log" \
        || { cat "$tmp/sparkify-run.log"; exit 1; }
    seconds=$(awk -v a="$started" -v b="$(now)" 'BEGIN { printf "%.3f", b - a }')
    if [ -z "$sparkify_seconds" ] || awk -v a="$seconds" -v b="$sparkify_seconds" 'BEGIN { exit !(a < b) }'; then
        sparkify_seconds=$seconds
        cp "$tmp/sparkify-run.log" "$tmp/sparkify.log"
    fi
done
"$bin" run samples/etl.sql --data samples/data "${sparkify_output[@]}" --dump "$tmp/dump" >/dev/null 2>"$tmp/dump.log" \
    || { cat "$tmp/dump.log"; exit 1; }
"$python" scripts/checks/spark/compare.py --job "$tmp/etl.py" --dump "$tmp/dump" --data samples/data \
    --output "$tmp/lake-spark" --sparkify-seconds "$sparkify_seconds" --sparkify-log "$tmp/sparkify.log" 2>"$tmp/spark.log" \
    || { status=1; echo "spark.sh: Spark's log:"; grep -v '^WARNING\|WARN ' "$tmp/spark.log" | tail -20; }

echo "spark.sh: 2. lake cells run twice overwrite the lake"
"$bin" export scripts/checks/spark/lake.sql --data samples/data --output "$tmp/lake" -o "$tmp/lake.py" 2>"$tmp/export.log" \
    || { cat "$tmp/export.log"; exit 1; }
for run in 1 2; do
    "$python" "$tmp/lake.py" >/dev/null 2>"$tmp/lake-$run.log" || { cat "$tmp/lake-$run.log"; exit 1; }
done
# The log says `time: N rows` and `lake_time: N rows` (read back from the lake): equal in both runs.
lake_status=$(awk '
    FNR == 1 { run++ }
    /^(users|time|lake_users|lake_time): [0-9]+ rows/ { rows[run, $1] = $2 }
    END {
        ok = 1
        for (r = 1; r <= 2; r++) {
            if (rows[r, "lake_users:"] == "" || rows[r, "lake_users:"] != rows[r, "users:"]) ok = 0
            if (rows[r, "lake_time:"] == "" || rows[r, "lake_time:"] != rows[r, "time:"]) ok = 0
        }
        printf "%s: users %s, lake_users %s then %s; time %s, lake_time %s then %s\n", ok ? "same" : "DIFFERENT",
            rows[1, "users:"], rows[1, "lake_users:"], rows[2, "lake_users:"], rows[1, "time:"], rows[1, "lake_time:"], rows[2, "lake_time:"]
    }' "$tmp/lake-1.log" "$tmp/lake-2.log")
echo "  $lake_status"
case "$lake_status" in same*) ;; *) status=1 ;; esac

echo "spark.sh: 3. the SQL logic tests against Spark"
if "$python" Tests/SparkifySQLTests/spark/record.py --check >"$tmp/logic.out" 2>"$tmp/logic.log"; then
    grep -c '^[a-z_]*\.test: ' "$tmp/logic.out" | awk '{ printf "  same: %s files, every expected answer is Spark'"'"'s\n", $1 }'
else
    status=1
    echo "  DIFFERENT: the logic tests and Spark disagree (or a record failed):"
    grep -v ' 0 difference(s), 0 problem(s)$' "$tmp/logic.out" | sed 's/^/  /'
fi
documented=$(grep -c '^skipif sparkify' Tests/SparkifySQLTests/Logic/*.test | awk -F: '{ n += $2 } END { print n + 0 }')
echo "  documented differences (skipif sparkify, checked by sparkify's own tests): $documented"

[ "$status" -eq 0 ] && echo "spark.sh: sparkify and Spark agree" || echo "spark.sh: DIFFERENT (see above)"
exit "$status"
