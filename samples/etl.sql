-- Sparkify data lake: the ETL as a notebook of Spark SQL cells.
--
-- Sparkify's raw data is JSON: one file per song (song_data/) and one file of listening events
-- per day (log_data/). This notebook loads both, builds the star schema of the original Udacity
-- data-lake project (a fact table of song plays and four dimension tables: songs, artists,
-- users, time) and then asks four questions of it.
--
-- The file is plain Spark SQL in the percent format of Jupytext and VS Code: `-- %% name`
-- starts a cell that makes the table `name`, `-- %% [markdown]` a cell of prose. Run it with
-- `sparkify run samples/etl.sql --data samples/data`, cell by cell in the `sparkify` REPL, or
-- statement by statement in Spark itself with `data` set (`SET data=s3a://udacity-dend`).
--
-- This preamble is the set-up: it runs before any cell. `${data}` is the data folder given on
-- the command line (`--data`); every path below starts from `${input_data}`, as `input_data`
-- does in the original etl.py. Timestamps are shown in UTC, the zone the events were logged in.

SET spark.sql.session.timeZone=UTC;
SET input_data=${data};

-- %% [markdown] Staging
-- First the raw data, as Spark reads it. `staging_songs` reads every song file: one JSON
-- object per file, nested three folders deep by the track id's letters. Spark infers the
-- schema from the files; numbers become bigint or double, and missing values are null.

-- %% staging_songs
CREATE OR REPLACE TEMP VIEW staging_songs AS
SELECT * FROM json.`${input_data}/song_data/*/*/*/*.json`;

-- %% [markdown]
-- `staging_events` reads the event logs: one JSON object per line, one file per day. Every
-- page a user opens is an event; only `NextSong` events are plays. `ts` is the event time in
-- milliseconds since 1970, and `userId` is a string, empty for users who are not logged in.

-- %% staging_events
CREATE OR REPLACE TEMP VIEW staging_events AS
SELECT * FROM json.`${input_data}/log_data/*/*/*.json`;

-- %% [markdown] Dimension tables
-- `songs` reads `staging_songs` and keeps one row per song: its id, title, artist, year and
-- duration. The original project writes it as Parquet partitioned by year and artist.

-- %% songs
CREATE OR REPLACE TEMP VIEW songs AS
SELECT DISTINCT song_id, title, artist_id, year, duration
FROM staging_songs
WHERE song_id IS NOT NULL;

-- %% [markdown]
-- `artists` reads `staging_songs` too: an artist appears once per song, so the rows are
-- grouped by artist id. Latitude and longitude are often null and the location often empty.

-- %% artists
CREATE OR REPLACE TEMP VIEW artists AS
SELECT artist_id,
       max(artist_name) AS name,
       max(artist_location) AS location,
       max(artist_latitude) AS latitude,
       max(artist_longitude) AS longitude
FROM staging_songs
WHERE artist_id IS NOT NULL
GROUP BY artist_id;

-- %% [markdown]
-- `users` reads `staging_events` and keeps one row per logged-in user. A user's level (free
-- or paid) changes when they upgrade or downgrade, so each user gets the level of their
-- latest event: a window numbers each user's events from the newest, and row 1 stays.

-- %% users
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
WHERE newest_first = 1;

-- %% [markdown]
-- `time` reads the plays of `staging_events` and breaks each distinct play time down into
-- hour, day, week, month, year and weekday (1 is Sunday, as in Spark's `dayofweek`).

-- %% time
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
);

-- %% [markdown] The fact table
-- `songplays` reads both staging tables: one row per play (`NextSong` event), matched to its
-- song by title, artist name and exact duration. Plays of songs that are not in song_data are
-- kept, with null song and artist ids: the log has far more songs than the song files. The id
-- numbers the plays in time order, and year and month are there to partition the table by.

-- %% songplays
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
WHERE e.page = 'NextSong';

-- %% [markdown] Analyses
-- When do people listen? `plays_by_hour` reads `songplays` and counts every play, matched to
-- a song file or not, by hour of the day (UTC).

-- %% plays_by_hour tags=["analysis"] chart="bar --title 'Songplays by hour of day (UTC)'"
CREATE OR REPLACE TEMP VIEW plays_by_hour AS
SELECT hour(start_time) AS hour, count(*) AS plays
FROM songplays
GROUP BY hour(start_time)
ORDER BY hour;

-- %% [markdown]
-- Who is played most? `top_artists` reads the plays (`NextSong` events) in `staging_events`
-- and counts them by the artist name the app logged with each play, with how many users
-- listened. It does not join `songplays` to `artists`: only plays matched to a song file have
-- an artist id, and in Udacity's data few plays match, so the event log answers the question.

-- %% top_artists tags=["analysis"] chart="hbar --title 'Most played artists'"
CREATE OR REPLACE TEMP VIEW top_artists AS
SELECT artist, count(*) AS plays, count(DISTINCT userId) AS listeners
FROM staging_events
WHERE page = 'NextSong' AND artist IS NOT NULL
GROUP BY artist
ORDER BY plays DESC, artist
LIMIT 10;

-- %% [markdown]
-- What do people listen on? `user_agents` reads `songplays` (all plays) and parses the
-- operating system and browser out of each play's user-agent string. Order matters: an
-- iPhone's agent says "like Mac OS X", Edge's and Chromium's say "Chrome", Chrome's says
-- "Safari", and Internet Explorer 11 calls itself "Trident".

-- %% user_agents tags=["analysis"] chart=["share os plays --title 'Plays by operating system'", "share browser plays --title 'Plays by browser'"]
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
ORDER BY plays DESC, os, browser;

-- %% [markdown]
-- Who pays? `plays_by_level` reads `songplays` (all plays) and splits them by the level the
-- user had when they played: free or paid, with each level's share of all plays in percent.

-- %% plays_by_level tags=["analysis"] chart="share level plays --title 'Free and paid songplays'"
CREATE OR REPLACE TEMP VIEW plays_by_level AS
SELECT level,
       count(*) AS plays,
       count(DISTINCT user_id) AS users,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent
FROM songplays
GROUP BY level
ORDER BY level;
