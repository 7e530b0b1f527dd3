-- The Sparkify ETL walkthrough: raw JSON logs and song files into a star schema.
-- Run it cell by cell with .next (or .run all), look around with .tables, .show, .describe.

-- %% settings
SET spark.sql.session.timeZone=UTC;

-- %% staging_songs
-- One JSON object per song file.
CREATE OR REPLACE TEMP VIEW staging_songs AS SELECT * FROM json.`${data}/song_data/*/*/*/*.json`;

-- %% staging_events
-- JSON Lines: one listening event per line.
CREATE OR REPLACE TEMP VIEW staging_events AS SELECT * FROM json.`${data}/log_data/*/*/*.json`;

-- %% songs
CREATE OR REPLACE TEMP VIEW songs AS
  SELECT DISTINCT song_id, title, artist_id, year, duration FROM staging_songs WHERE song_id IS NOT NULL;

-- %% artists
CREATE OR REPLACE TEMP VIEW artists AS
  SELECT artist_id, max(artist_name) AS name, max(artist_location) AS location,
         max(artist_latitude) AS latitude, max(artist_longitude) AS longitude
  FROM staging_songs GROUP BY artist_id;

-- %% users
-- The latest level of each user who played a song.
CREATE OR REPLACE TEMP VIEW users AS
  SELECT user_id, first_name, last_name, gender, level FROM (
    SELECT CAST(userId AS BIGINT) AS user_id, firstName AS first_name, lastName AS last_name, gender, level,
           row_number() OVER (PARTITION BY userId ORDER BY ts DESC) AS rn
    FROM staging_events WHERE page = 'NextSong' AND userId <> '') WHERE rn = 1;

-- %% time
CREATE OR REPLACE TEMP VIEW time AS
  SELECT DISTINCT start_time, hour(start_time) AS hour, dayofmonth(start_time) AS day,
         weekofyear(start_time) AS week, month(start_time) AS month, year(start_time) AS year,
         dayofweek(start_time) AS weekday
  FROM (SELECT timestamp_millis(ts) AS start_time FROM staging_events WHERE page = 'NextSong');

-- %% songplays
-- The fact table: each play, matched to its song by title, artist name and exact duration.
CREATE OR REPLACE TEMP VIEW songplays AS
  SELECT monotonically_increasing_id() AS songplay_id, timestamp_millis(e.ts) AS start_time,
         CAST(e.userId AS BIGINT) AS user_id, e.level, s.song_id, s.artist_id, e.sessionId AS session_id,
         e.location, e.userAgent AS user_agent,
         year(timestamp_millis(e.ts)) AS year, month(timestamp_millis(e.ts)) AS month
  FROM staging_events e
  LEFT JOIN staging_songs s ON e.song = s.title AND e.artist = s.artist_name AND e.length = s.duration
  WHERE e.page = 'NextSong';

-- %% match_rate
SELECT count(*) AS plays, count(song_id) AS matched FROM songplays;

-- %% plays_by_hour
SELECT hour(start_time) AS hour, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY 1;

-- %% top_artists
SELECT a.name, count(*) AS plays
FROM songplays sp JOIN artists a ON sp.artist_id = a.artist_id
GROUP BY a.name ORDER BY plays DESC, a.name LIMIT 5;

-- %% levels
SELECT level, count(*) AS plays, round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS pct
FROM songplays GROUP BY level ORDER BY level;
