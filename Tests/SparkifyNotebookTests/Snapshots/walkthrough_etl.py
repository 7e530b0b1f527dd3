#!/usr/bin/env python3
"""The notebook samples/etl.sql as a PySpark job.

Written by `sparkify export samples/etl.sql`: each SQL cell of the notebook is a function below,
run in the order sparkify runs them. Edit the notebook and export it again rather than
editing this file.

    spark-submit etl.py --data samples/data --output /tmp/sparkify-lake
    spark-submit --packages org.apache.hadoop:hadoop-aws:3.5.0 etl.py \\
        --data s3a://udacity-dend --output s3a://YOUR-BUCKET/lake

For s3a:// URIs the AWS keys come from dl.cfg (an [AWS] section with AWS_ACCESS_KEY_ID
and AWS_SECRET_ACCESS_KEY, as in the original project) or from the environment variables
of those names; without either, from the machine's role (as on EMR).
"""
import argparse
import configparser
import os
import sys
import time

from pyspark.sql import SparkSession

NOTEBOOK = "samples/etl.sql"
# The defaults of ${data} (the raw data) and ${output} (the lake); --data and --output
# override them.
DEFAULT_DATA = "s3a://udacity-dend"
DEFAULT_OUTPUT = None

# True when a cell names an s3a:// path itself (not through ${data} or ${output}).
S3A_IN_CELLS = False
# True when a cell writes to ${output}: the job then needs --output.
USES_OUTPUT = True


def log(message):
    print(message, file=sys.stderr, flush=True)


def aws_credentials(config_file):
    """The AWS keys from the [AWS] section of config_file (dl.cfg), else from the environment."""
    names = ("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN")
    config = configparser.ConfigParser()
    if config.read(config_file) and config.has_section("AWS"):
        return {name: config["AWS"].get(name) for name in names}
    return {name: os.environ.get(name) for name in names}


def needs_s3a(*uris):
    """True when a cell or one of the URIs reads or writes S3 through Hadoop's s3a connector."""
    return S3A_IN_CELLS or any(uri is not None and uri.startswith("s3a://") for uri in uris)


def create_spark_session(data, output, config_file="dl.cfg", master=None):
    """A session that runs Spark SQL as sparkify does (UTC, ANSI), with the notebook's variables set."""
    builder = (SparkSession.builder
               .appName("sparkify: " + NOTEBOOK)
               .config("spark.sql.session.timeZone", "UTC")
               .config("spark.sql.ansi.enabled", "true")
               # A lake cell (CREATE TABLE ... LOCATION ... AS SELECT) that runs again writes
               # over its folder, as sparkify and the original etl.py do; Spark refuses a
               # non-empty LOCATION unless this is set, and then overwrites it.
               .config("spark.sql.legacy.allowNonEmptyLocationInCTAS", "true")
               # A temporary view keeps its analyzed plan rather than its SQL text, so the
               # cells after it do not list and infer the JSON files again each time they
               # name it (and read its cache instead).
               .config("spark.sql.legacy.storeAnalyzedPlanForView", "true")
               .config("spark.ui.showConsoleProgress", "false"))
    if master:
        builder = builder.master(master)
    if needs_s3a(data, output):
        keys = aws_credentials(config_file)
        if keys["AWS_ACCESS_KEY_ID"] and keys["AWS_SECRET_ACCESS_KEY"]:
            builder = (builder
                       .config("spark.hadoop.fs.s3a.access.key", keys["AWS_ACCESS_KEY_ID"])
                       .config("spark.hadoop.fs.s3a.secret.key", keys["AWS_SECRET_ACCESS_KEY"]))
            if keys["AWS_SESSION_TOKEN"]:
                builder = (builder
                           .config("spark.hadoop.fs.s3a.session.token", keys["AWS_SESSION_TOKEN"])
                           .config("spark.hadoop.fs.s3a.aws.credentials.provider",
                                   "org.apache.hadoop.fs.s3a.TemporaryAWSCredentialsProvider"))
    spark = builder.getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    # Spark substitutes ${data} and ${output} in every statement (spark.sql.variable.substitute).
    spark.conf.set("data", data)
    if output is not None:
        spark.conf.set("output", output)
    return spark


def cached(spark, table):
    """Caches a table a cell made, so that the cells after it read it from memory."""
    spark.catalog.cacheTable(table)
    return spark.table(table)


# ---------------------------------------------------------------- the cells


def cell_setup(spark):
    """The set-up (samples/etl.sql, line 1): runs before every other cell."""
    # Sparkify data lake: the ETL as a notebook of Spark SQL cells.
    #
    # Sparkify's raw data is JSON: one file per song (song_data/) and one file of listening events
    # per day (log_data/). This notebook loads both, builds the star schema of the original Udacity
    # data-lake project (a fact table of song plays and four dimension tables: songs, artists,
    # users, time) and then asks four questions of it.
    #
    # The file is plain Spark SQL in the percent format of Jupytext and VS Code: `-- %% name`
    # starts a cell that makes the table `name`, `-- %% [markdown]` a cell of prose. Run it with
    # `sparkify run samples/etl.sql --data samples/data`, cell by cell in the `sparkify` REPL, or
    # statement by statement in Spark itself with `data` set (`SET data=s3a://udacity-dend`).
    #
    # This preamble is the set-up: it runs before any cell. `${data}` is the data folder given on
    # the command line (`--data`); every path below starts from `${input_data}`, as `input_data`
    # does in the original etl.py. `${output}` is the folder the lake cells write (`--output`,
    # `lake/` by default), as `output_data` in etl.py. Timestamps are shown in UTC, the zone the
    # events were logged in.
    spark.sql("SET spark.sql.session.timeZone=UTC")
    spark.sql("SET input_data=${data}")
    spark.sql("SET output=${output}")


# Staging
#
# First the raw data, as Spark reads it. `staging_songs` reads every song file: one JSON
# object per file, nested three folders deep by the track id's letters. Spark infers the
# schema from the files; numbers become bigint or double, and missing values are null.
def cell_staging_songs(spark):
    """staging_songs (samples/etl.sql, line 28)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW staging_songs AS
SELECT * FROM json.`${input_data}/song_data/*/*/*/*.json`
""")
    return cached(spark, "staging_songs")


# `staging_events` reads the event logs: one JSON object per line, one file per day. Every
# page a user opens is an event; only `NextSong` events are plays. `ts` is the event time in
# milliseconds since 1970, and `userId` is a string, empty for users who are not logged in.
def cell_staging_events(spark):
    """staging_events (samples/etl.sql, line 37)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW staging_events AS
SELECT * FROM json.`${input_data}/log_data/*/*/*.json`
""")
    return cached(spark, "staging_events")


# Dimension tables
#
# `songs` reads `staging_songs` and keeps one row per song: its id, title, artist, year and
# duration. The original project writes it as Parquet partitioned by year and artist.
def cell_songs(spark):
    """songs (samples/etl.sql, line 45)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW songs AS
SELECT DISTINCT song_id, title, artist_id, year, duration
FROM staging_songs
WHERE song_id IS NOT NULL
""")
    return cached(spark, "songs")


# `artists` reads `staging_songs` too: an artist appears once per song, so the rows are
# grouped by artist id. Latitude and longitude are often null and the location often empty.
def cell_artists(spark):
    """artists (samples/etl.sql, line 55)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW artists AS
SELECT artist_id,
       max(artist_name) AS name,
       max(artist_location) AS location,
       max(artist_latitude) AS latitude,
       max(artist_longitude) AS longitude
FROM staging_songs
WHERE artist_id IS NOT NULL
GROUP BY artist_id
""")
    return cached(spark, "artists")


# `users` reads `staging_events` and keeps one row per logged-in user. A user's level (free
# or paid) changes when they upgrade or downgrade, so each user gets the level of their
# latest event: a window numbers each user's events from the newest, and row 1 stays.
def cell_users(spark):
    """users (samples/etl.sql, line 71)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW users AS
SELECT user_id, first_name, last_name, gender, level
FROM (
  SELECT CAST(userId AS BIGINT) AS user_id,
         firstName AS first_name,
         lastName AS last_name,
         gender,
         level,
         row_number() OVER (PARTITION BY userId ORDER BY ts DESC) AS newest_first
  FROM staging_events
  WHERE userId <> ''
)
WHERE newest_first = 1
""")
    return cached(spark, "users")


# `time` reads the plays of `staging_events` and breaks each distinct play time down into
# hour, day, week, month, year and weekday (1 is Sunday, as in Spark's `dayofweek`).
def cell_time(spark):
    """time (samples/etl.sql, line 90)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW time AS
SELECT DISTINCT start_time,
       hour(start_time) AS hour,
       dayofmonth(start_time) AS day,
       weekofyear(start_time) AS week,
       month(start_time) AS month,
       year(start_time) AS year,
       dayofweek(start_time) AS weekday
FROM (
  SELECT timestamp_millis(ts) AS start_time
  FROM staging_events
  WHERE page = 'NextSong'
)
""")
    return cached(spark, "time")


# The fact table
#
# `songplays` reads both staging tables: one row per play (`NextSong` event), matched to its
# song by title, artist name and exact duration. Plays of songs that are not in song_data are
# kept, with null song and artist ids: the log has far more songs than the song files. The id
# numbers the plays in time order, and year and month are there to partition the table by.
def cell_songplays(spark):
    """songplays (samples/etl.sql, line 111)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW songplays AS
SELECT row_number() OVER (ORDER BY e.ts, e.sessionId, e.itemInSession) AS songplay_id,
       timestamp_millis(e.ts) AS start_time,
       CAST(e.userId AS BIGINT) AS user_id,
       e.level,
       s.song_id,
       s.artist_id,
       e.sessionId AS session_id,
       e.location,
       e.userAgent AS user_agent,
       year(timestamp_millis(e.ts)) AS year,
       month(timestamp_millis(e.ts)) AS month
FROM staging_events e
LEFT JOIN staging_songs s
  ON e.song = s.title AND e.artist = s.artist_name AND e.length = s.duration
WHERE e.page = 'NextSong'
""")
    return cached(spark, "songplays")


# Analyses
#
# When do people listen? `plays_by_hour` reads `songplays` and counts every play, matched to
# a song file or not, by hour of the day (UTC).
def cell_plays_by_hour(spark):
    """plays_by_hour (samples/etl.sql, line 133)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW plays_by_hour AS
SELECT hour(start_time) AS hour, count(*) AS plays
FROM songplays
GROUP BY hour(start_time)
ORDER BY hour
""")
    return cached(spark, "plays_by_hour")


# Who is played most? `top_artists` reads the plays (`NextSong` events) in `staging_events`
# and counts them by the artist name the app logged with each play, with how many users
# listened. It does not join `songplays` to `artists`: only plays matched to a song file have
# an artist id, and in Udacity's data few plays match, so the event log answers the question.
def cell_top_artists(spark):
    """top_artists (samples/etl.sql, line 146)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW top_artists AS
SELECT artist, count(*) AS plays, count(DISTINCT userId) AS listeners
FROM staging_events
WHERE page = 'NextSong' AND artist IS NOT NULL
GROUP BY artist
ORDER BY plays DESC, artist
LIMIT 10
""")
    return cached(spark, "top_artists")


# What do people listen on? `user_agents` reads `songplays` (all plays) and parses the
# operating system and browser out of each play's user-agent string. Order matters: an
# iPhone's agent says "like Mac OS X", Edge's and Chromium's say "Chrome", Chrome's says
# "Safari", and Internet Explorer 11 calls itself "Trident".
def cell_user_agents(spark):
    """user_agents (samples/etl.sql, line 161)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW user_agents AS
SELECT os, browser, count(DISTINCT user_id) AS users, count(*) AS plays
FROM (
  SELECT user_id,
         CASE
           WHEN user_agent IS NULL OR user_agent = '' THEN 'unknown'
           WHEN user_agent RLIKE 'iPhone|iPad|iPod' THEN 'iOS'
           WHEN user_agent LIKE '%Android%' THEN 'Android'
           WHEN user_agent LIKE '%Windows%' THEN 'Windows'
           WHEN user_agent LIKE '%Macintosh%' THEN 'macOS'
           WHEN user_agent RLIKE 'Linux|X11' THEN 'Linux'
           ELSE 'other'
         END AS os,
         CASE
           WHEN user_agent IS NULL OR user_agent = '' THEN 'unknown'
           WHEN user_agent RLIKE 'Edge?/' THEN 'Edge'
           WHEN user_agent RLIKE 'Trident/|MSIE ' THEN 'Internet Explorer'
           WHEN user_agent LIKE '%Firefox/%' THEN 'Firefox'
           WHEN user_agent LIKE '%Chromium/%' THEN 'Chromium'
           WHEN user_agent LIKE '%Chrome/%' THEN 'Chrome'
           WHEN user_agent LIKE '%Safari/%' THEN 'Safari'
           ELSE 'other'
         END AS browser
  FROM songplays
)
GROUP BY os, browser
ORDER BY plays DESC, os, browser
""")
    return cached(spark, "user_agents")


# Who pays? `plays_by_level` reads `songplays` (all plays) and splits them by the level the
# user had when they played: free or paid, with each level's share of all plays in percent.
def cell_plays_by_level(spark):
    """plays_by_level (samples/etl.sql, line 194)."""
    spark.sql(r"""
CREATE OR REPLACE TEMP VIEW plays_by_level AS
SELECT level,
       count(*) AS plays,
       count(DISTINCT user_id) AS users,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent
FROM songplays
GROUP BY level
ORDER BY level
""")
    return cached(spark, "plays_by_level")


# The lake
#
# Last, as the original etl.py does, the star schema goes back to the lake as Parquet, in
# Spark's layout: `songs` partitioned by year and artist, `time` and `songplays` by year and
# month (a folder per value, `year=2018/month=11/part-...parquet`), `artists` and `users` as
# plain folders. Each cell replaces its folder under `${output}`; the table it makes holds the
# rows with the partition columns last, and `SELECT * FROM parquet.`${output}/songs`` reads
# the files back.
def cell_lake_songs(spark):
    """lake_songs (samples/etl.sql, line 212)."""
    spark.sql("DROP TABLE IF EXISTS lake_songs")
    spark.sql(r"""
CREATE TABLE lake_songs USING parquet PARTITIONED BY (year, artist_id)
LOCATION '${output}/songs' AS SELECT * FROM songs
""")
    return cached(spark, "lake_songs")


def cell_lake_artists(spark):
    """lake_artists (samples/etl.sql, line 217)."""
    spark.sql("DROP TABLE IF EXISTS lake_artists")
    spark.sql(r"""
CREATE TABLE lake_artists USING parquet
LOCATION '${output}/artists' AS SELECT * FROM artists
""")
    return cached(spark, "lake_artists")


def cell_lake_users(spark):
    """lake_users (samples/etl.sql, line 222)."""
    spark.sql("DROP TABLE IF EXISTS lake_users")
    spark.sql(r"""
CREATE TABLE lake_users USING parquet
LOCATION '${output}/users' AS SELECT * FROM users
""")
    return cached(spark, "lake_users")


def cell_lake_time(spark):
    """lake_time (samples/etl.sql, line 227)."""
    spark.sql("DROP TABLE IF EXISTS lake_time")
    spark.sql(r"""
CREATE TABLE lake_time USING parquet PARTITIONED BY (year, month)
LOCATION '${output}/time' AS SELECT * FROM time
""")
    return cached(spark, "lake_time")


def cell_lake_songplays(spark):
    """lake_songplays (samples/etl.sql, line 232)."""
    spark.sql("DROP TABLE IF EXISTS lake_songplays")
    spark.sql(r"""
CREATE TABLE lake_songplays USING parquet PARTITIONED BY (year, month)
LOCATION '${output}/songplays' AS SELECT * FROM songplays
""")
    return cached(spark, "lake_songplays")


# ---------------------------------------------------------------- running

CELLS = [
    ("setup", 1, cell_setup),
    ("staging_songs", 28, cell_staging_songs),
    ("staging_events", 37, cell_staging_events),
    ("songs", 45, cell_songs),
    ("artists", 55, cell_artists),
    ("users", 71, cell_users),
    ("time", 90, cell_time),
    ("songplays", 111, cell_songplays),
    ("plays_by_hour", 133, cell_plays_by_hour),
    ("top_artists", 146, cell_top_artists),
    ("user_agents", 161, cell_user_agents),
    ("plays_by_level", 194, cell_plays_by_level),
    ("lake_songs", 212, cell_lake_songs),
    ("lake_artists", 217, cell_lake_artists),
    ("lake_users", 222, cell_lake_users),
    ("lake_time", 227, cell_lake_time),
    ("lake_songplays", 232, cell_lake_songplays),
]


def run(spark):
    """Runs the cells in order, logging each one's row count; returns each cell's table (None for none)."""
    tables = {}
    for name, line, cell in CELLS:
        started = time.monotonic()
        try:
            table = cell(spark)
            rows = None if table is None else table.count()
        except Exception as error:
            message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
            raise SystemExit(f"{NOTEBOOK}:{line}: cell {name} failed: {message}") from error
        seconds = time.monotonic() - started
        done = "done" if rows is None else f"{rows} row" + ("" if rows == 1 else "s")
        log(f"{name}: {done} ({seconds:.2f} s)")
        tables[name] = table
    return tables


def main():
    parser = argparse.ArgumentParser(description=f"The notebook {NOTEBOOK} on Apache Spark.")
    parser.add_argument("--data", default=DEFAULT_DATA, help="the raw data, ${data} in the cells (default: %(default)s)")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="where the lake goes, ${output} in the cells")
    parser.add_argument("--config", default="dl.cfg", help="AWS keys for s3a:// in an [AWS] section (default: %(default)s)")
    args = parser.parse_args()
    if USES_OUTPUT and args.output is None:
        parser.error("the notebook writes the lake to ${output}: give --output URI")
    spark = create_spark_session(args.data, args.output, args.config)
    started = time.monotonic()
    run(spark)
    log(f"all cells: {time.monotonic() - started:.2f} s")
    spark.stop()


if __name__ == "__main__":
    main()
