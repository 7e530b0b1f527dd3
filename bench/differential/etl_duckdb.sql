-- samples/etl.sql translated to DuckDB, statement for statement, for bench/differential/run.py.
-- The queries in queries.sql run over these tables in DuckDB and over the notebook's temp views
-- in sparkify. Differences from the Spark text, each on purpose:
--   * read_json gets Spark's inferred schema spelled out (Spark infers integers as bigint, numbers
--     with a fraction as double, and never turns strings into dates); DuckDB's own inference
--     would otherwise be used.
--   * timestamp_millis(ts) is epoch_ms(ts); dayofweek is shifted by one (DuckDB: 0 = Sunday,
--     Spark: 1 = Sunday).
--   * The views are materialized as tables: the same rows, computed once.
SET TimeZone = 'UTC';

CREATE TABLE staging_songs AS
SELECT * FROM read_json('${data}/song_data/*/*/*/*.json', format = 'newline_delimited', columns = {
  artist_id: 'VARCHAR', artist_latitude: 'DOUBLE', artist_location: 'VARCHAR', artist_longitude: 'DOUBLE',
  artist_name: 'VARCHAR', duration: 'DOUBLE', num_songs: 'BIGINT', song_id: 'VARCHAR', title: 'VARCHAR',
  year: 'BIGINT'});

CREATE TABLE staging_events AS
SELECT * FROM read_json('${data}/log_data/*/*/*.json', format = 'newline_delimited', columns = {
  artist: 'VARCHAR', auth: 'VARCHAR', firstName: 'VARCHAR', gender: 'VARCHAR', itemInSession: 'BIGINT',
  lastName: 'VARCHAR', length: 'DOUBLE', level: 'VARCHAR', location: 'VARCHAR', method: 'VARCHAR',
  page: 'VARCHAR', registration: 'DOUBLE', sessionId: 'BIGINT', song: 'VARCHAR', status: 'BIGINT',
  ts: 'BIGINT', userAgent: 'VARCHAR', userId: 'VARCHAR'});

CREATE TABLE songs AS
SELECT DISTINCT song_id, title, artist_id, year, duration
FROM staging_songs
WHERE song_id IS NOT NULL;

CREATE TABLE artists AS
SELECT artist_id, max(artist_name) AS name, max(artist_location) AS location,
       max(artist_latitude) AS latitude, max(artist_longitude) AS longitude
FROM staging_songs
WHERE artist_id IS NOT NULL
GROUP BY artist_id;

CREATE TABLE users AS
SELECT user_id, first_name, last_name, gender, level
FROM (
  SELECT CAST(userId AS BIGINT) AS user_id, firstName AS first_name, lastName AS last_name, gender, level,
         row_number() OVER (PARTITION BY userId ORDER BY ts DESC) AS newest_first
  FROM staging_events
  WHERE userId <> ''
)
WHERE newest_first = 1;

CREATE TABLE time AS
SELECT DISTINCT start_time, hour(start_time) AS hour, dayofmonth(start_time) AS day,
       weekofyear(start_time) AS week, month(start_time) AS month, year(start_time) AS year,
       dayofweek(start_time) + 1 AS weekday
FROM (SELECT epoch_ms(ts) AS start_time FROM staging_events WHERE page = 'NextSong');

CREATE TABLE songplays AS
SELECT row_number() OVER (ORDER BY e.ts, e.sessionId, e.itemInSession) AS songplay_id,
       epoch_ms(e.ts) AS start_time,
       CAST(e.userId AS BIGINT) AS user_id,
       e.level, s.song_id, s.artist_id,
       e.sessionId AS session_id, e.location, e.userAgent AS user_agent,
       year(epoch_ms(e.ts)) AS year, month(epoch_ms(e.ts)) AS month
FROM staging_events e
LEFT JOIN staging_songs s
  ON e.song = s.title AND e.artist = s.artist_name AND e.length = s.duration
WHERE e.page = 'NextSong';

CREATE TABLE plays_by_hour AS
SELECT hour(start_time) AS hour, count(*) AS plays FROM songplays GROUP BY hour(start_time) ORDER BY hour;

CREATE TABLE top_artists AS
SELECT a.name AS artist, count(*) AS plays, count(DISTINCT sp.user_id) AS listeners
FROM songplays sp JOIN artists a ON sp.artist_id = a.artist_id
GROUP BY a.name ORDER BY plays DESC, artist LIMIT 10;

CREATE TABLE user_agents AS
SELECT os, browser, count(DISTINCT user_id) AS users, count(*) AS plays
FROM (
  SELECT user_id,
         CASE
           WHEN user_agent IS NULL OR user_agent = '' THEN 'unknown'
           WHEN regexp_matches(user_agent, 'iPhone|iPad|iPod') THEN 'iOS'
           WHEN user_agent LIKE '%Android%' THEN 'Android'
           WHEN user_agent LIKE '%Windows%' THEN 'Windows'
           WHEN user_agent LIKE '%Macintosh%' THEN 'macOS'
           WHEN regexp_matches(user_agent, 'Linux|X11') THEN 'Linux'
           ELSE 'other'
         END AS os,
         CASE
           WHEN user_agent IS NULL OR user_agent = '' THEN 'unknown'
           WHEN regexp_matches(user_agent, 'Edge?/') THEN 'Edge'
           WHEN regexp_matches(user_agent, 'Trident/|MSIE ') THEN 'Internet Explorer'
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

CREATE TABLE plays_by_level AS
SELECT level, count(*) AS plays, count(DISTINCT user_id) AS users,
       round(100.0 * count(*) / sum(count(*)) OVER (), 1) AS percent
FROM songplays
GROUP BY level
ORDER BY level;
