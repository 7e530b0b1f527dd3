-- The work of bench/etl.sql in DuckDB's dialect: the same tables and analyses, materialized.
SET TimeZone = 'UTC';

CREATE TABLE staging_songs AS SELECT * FROM read_json('${data}/song_data/*/*/*/*.json', union_by_name = true);
CREATE TABLE staging_events AS SELECT * FROM read_json('${data}/log_data/*/*/*.json', union_by_name = true);

CREATE TABLE songs AS
SELECT DISTINCT song_id, title, artist_id, year, duration FROM staging_songs WHERE song_id IS NOT NULL;

CREATE TABLE artists AS
SELECT artist_id, max(artist_name) AS name, max(artist_location) AS location,
       max(artist_latitude) AS latitude, max(artist_longitude) AS longitude
FROM staging_songs GROUP BY artist_id;

CREATE TABLE users AS
SELECT user_id, first_name, last_name, gender, level FROM (
  SELECT CAST(userId AS BIGINT) AS user_id, firstName AS first_name, lastName AS last_name, gender, level,
         row_number() OVER (PARTITION BY userId ORDER BY ts DESC) AS rn
  FROM staging_events WHERE page = 'NextSong' AND userId <> ''
) WHERE rn = 1;

CREATE TABLE time AS
SELECT DISTINCT start_time, hour(start_time) AS hour, dayofmonth(start_time) AS day,
       weekofyear(start_time) AS week, month(start_time) AS month, year(start_time) AS year,
       dayofweek(start_time) + 1 AS weekday
FROM (SELECT epoch_ms(ts) AS start_time FROM staging_events WHERE page = 'NextSong');

CREATE TABLE songplays AS
SELECT row_number() OVER (ORDER BY e.ts) AS songplay_id, epoch_ms(e.ts) AS start_time,
       CAST(e.userId AS BIGINT) AS user_id, e.level, s.song_id, s.artist_id, e.sessionId AS session_id,
       e.location, e.userAgent AS user_agent
FROM staging_events e
LEFT JOIN staging_songs s ON e.song = s.title AND e.artist = s.artist_name AND e.length = s.duration
WHERE e.page = 'NextSong';

CREATE TABLE plays_by_hour AS
SELECT hour(start_time) AS hour, count(*) AS plays FROM songplays GROUP BY hour(start_time) ORDER BY hour;

CREATE TABLE top_artists AS
SELECT a.name AS artist, count(*) AS plays
FROM songplays sp JOIN artists a ON sp.artist_id = a.artist_id
GROUP BY a.name ORDER BY plays DESC, artist LIMIT 10;

CREATE TABLE user_agents AS
SELECT CASE WHEN user_agent LIKE '%iPhone%' OR user_agent LIKE '%iPad%' THEN 'iOS'
            WHEN user_agent LIKE '%Mac OS X%' THEN 'macOS'
            WHEN user_agent LIKE '%Windows%' THEN 'Windows'
            WHEN user_agent LIKE '%Linux%' THEN 'Linux'
            ELSE 'other' END AS os,
       CASE WHEN user_agent LIKE '%Edge%' THEN 'Edge'
            WHEN user_agent LIKE '%Chrome%' THEN 'Chrome'
            WHEN user_agent LIKE '%Firefox%' THEN 'Firefox'
            WHEN user_agent LIKE '%Trident%' OR user_agent LIKE '%MSIE%' THEN 'Internet Explorer'
            WHEN user_agent LIKE '%Safari%' THEN 'Safari'
            ELSE 'other' END AS browser,
       count(*) AS plays
FROM songplays GROUP BY 1, 2 ORDER BY plays DESC;

CREATE TABLE plays_by_level AS
SELECT level, count(*) AS plays FROM songplays GROUP BY level ORDER BY level;

SELECT (SELECT count(*) FROM songplays) AS songplays, (SELECT count(song_id) FROM songplays) AS matched,
       (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM time) AS times,
       (SELECT count(*) FROM songs) AS songs, (SELECT count(*) FROM artists) AS artists,
       (SELECT sum(plays) FROM plays_by_hour) AS by_hour, (SELECT sum(plays) FROM top_artists) AS top,
       (SELECT sum(plays) FROM user_agents) AS agents, (SELECT sum(plays) FROM plays_by_level) AS by_level;
