-- Differential queries: questions a developer asks of the Sparkify star schema, in Spark SQL,
-- run by bench/differential/run.py in sparkify (after samples/etl.sql) and in DuckDB (after
-- etl_duckdb.sql). The format is described at the top of run.py: `@query name` starts a block;
-- `@duckdb` gives the DuckDB translation where the dialects differ (otherwise the Spark text
-- runs as is); `@ordered` compares row by row; `@expect-diff reason` says where Spark's
-- semantics differ from DuckDB's on purpose (the Spark text, or the `@duckdb-naive` port, must
-- give a different answer in DuckDB, and the translation must match); `@known-bug reason`
-- marks a sparkify bug.
--
-- Each Spark fact behind an @expect-diff was checked in PySpark 4.x (local[1], UTC) or is in
-- /work/shared/reference/spark-compat.md; the reference named is where it is documented.

-- ==== The ETL's tables, whole ========================================================

-- @query etl_songs
SELECT song_id, title, artist_id, year, duration FROM songs;

-- @query etl_artists
SELECT artist_id, name, location, latitude, longitude FROM artists;

-- @query etl_users
SELECT user_id, first_name, last_name, gender, level FROM users;

-- @query etl_time
SELECT start_time, hour, day, week, month, year, weekday FROM time;

-- @query etl_songplays
SELECT songplay_id, start_time, user_id, level, song_id, artist_id, session_id, location, user_agent, year, month
FROM songplays;

-- @query etl_plays_by_hour
-- @ordered
SELECT hour, plays FROM plays_by_hour ORDER BY hour;

-- @query etl_top_artists
SELECT artist, plays, listeners FROM top_artists;

-- @query etl_user_agents
SELECT os, browser, users, plays FROM user_agents;

-- @query etl_plays_by_level
-- plays_by_level's percent is round(decimal, 1): decimal in Spark, DOUBLE in DuckDB; the
-- printed values agree.
SELECT level, plays, users, percent FROM plays_by_level;

-- ==== Exploring the plays ==============================================================

-- @query top_users_by_plays
-- @ordered
SELECT user_id, count(*) AS plays FROM songplays GROUP BY user_id ORDER BY plays DESC, user_id LIMIT 20;

-- @query sessions_per_user
SELECT user_id, count(DISTINCT session_id) AS sessions FROM songplays GROUP BY user_id;

-- @query songs_never_matched
-- Plays whose song is not in song_data, by the event's song title (top of the list).
-- @ordered
SELECT e.song AS song, count(*) AS plays
FROM staging_events e
LEFT JOIN songs s ON e.song = s.title
WHERE e.page = 'NextSong' AND s.song_id IS NULL
GROUP BY e.song
ORDER BY plays DESC, song
LIMIT 25;

-- @query unmatched_play_share
-- @expect-diff 1.0 is a decimal(2,1) in Spark and avg of decimal(p,s) is decimal(p+4,s+4), so round(avg, 6) keeps scale 5 (spark-compat.md; checked in PySpark: typeof(avg(1.0)) = decimal(6,5)); DuckDB's avg of a decimal is a DOUBLE
SELECT count(*) AS plays, count(song_id) AS matched, count(*) - count(song_id) AS unmatched,
       round(avg(CASE WHEN song_id IS NULL THEN 1.0 ELSE 0.0 END), 6) AS unmatched_share
FROM songplays;
-- @duckdb
SELECT count(*) AS plays, count(song_id) AS matched, count(*) - count(song_id) AS unmatched,
       CAST(avg(CASE WHEN song_id IS NULL THEN 1.0 ELSE 0.0 END) AS DECIMAL(6, 5)) AS unmatched_share
FROM songplays;

-- @query plays_per_weekday
-- @ordered
-- @expect-diff dayofweek numbers Sunday 1 ... Saturday 7 in Spark (docs api/sql "dayofweek"; checked in PySpark: dayofweek(DATE'2018-11-04') = 1, a Sunday), 0 ... 6 in DuckDB
SELECT dayofweek(start_time) AS weekday, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY 1;
-- @duckdb
SELECT dayofweek(start_time) + 1 AS weekday, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY 1;

-- @query plays_per_weekday_name
-- @ordered
SELECT date_format(start_time, 'EEEE') AS day_name, count(*) AS plays
FROM songplays GROUP BY 1 ORDER BY plays DESC, day_name;
-- @duckdb
SELECT dayname(start_time) AS day_name, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY plays DESC, day_name;

-- @query weekday_monday_zero
-- @ordered
SELECT weekday(start_time) AS weekday, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY 1;
-- @duckdb
SELECT isodow(start_time) - 1 AS weekday, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY 1;

-- @query plays_per_hour_per_level
-- @ordered
SELECT hour(start_time) AS hour, level, count(*) AS plays
FROM songplays GROUP BY hour(start_time), level ORDER BY hour, level;

-- @query plays_per_day
-- @ordered
SELECT to_date(start_time) AS day, count(*) AS plays, count(DISTINCT user_id) AS users
FROM songplays GROUP BY to_date(start_time) ORDER BY day;
-- @duckdb
SELECT CAST(start_time AS DATE) AS day, count(*) AS plays, count(DISTINCT user_id) AS users
FROM songplays GROUP BY 1 ORDER BY day;

-- @query plays_per_week
-- @ordered
SELECT weekofyear(start_time) AS week, count(*) AS plays FROM songplays GROUP BY 1 ORDER BY 1;

-- @query distinct_user_agents
SELECT DISTINCT user_agent FROM songplays;

-- @query user_agent_count
SELECT count(DISTINCT user_agent) AS agents, count(user_agent) AS with_agent FROM songplays;

-- @query most_played_songs
-- @ordered
SELECT s.title AS title, a.name AS artist, count(*) AS plays
FROM songplays sp JOIN songs s ON sp.song_id = s.song_id JOIN artists a ON sp.artist_id = a.artist_id
GROUP BY s.title, a.name
ORDER BY plays DESC, title, artist
LIMIT 15;

-- @query average_session_length
-- Seconds from a session's first play to its last, averaged. unix_timestamp drops the fraction
-- (floor); DuckDB's epoch() keeps it and a cast to BIGINT would round: the port uses epoch_ms // 1000.
SELECT round(avg(seconds), 3) AS avg_seconds, max(seconds) AS max_seconds, count(*) AS sessions
FROM (
  SELECT session_id, user_id, (max(unix_timestamp(start_time)) - min(unix_timestamp(start_time))) AS seconds
  FROM songplays GROUP BY session_id, user_id
);
-- @duckdb
SELECT round(avg(seconds), 3) AS avg_seconds, max(seconds) AS max_seconds, count(*) AS sessions
FROM (
  SELECT session_id, user_id, (max(epoch_ms(start_time) // 1000) - min(epoch_ms(start_time) // 1000)) AS seconds
  FROM songplays GROUP BY session_id, user_id
);

-- @query session_length_ms
SELECT sessionId AS session_id, max(e.ts) - min(e.ts) AS millis, count(*) AS events
FROM staging_events e GROUP BY sessionId;

-- @query users_who_upgraded
-- Users whose level went from free to paid between two plays.
SELECT DISTINCT user_id
FROM (
  SELECT user_id, level, lag(level) OVER (PARTITION BY user_id ORDER BY start_time, songplay_id) AS previous
  FROM songplays
)
WHERE previous = 'free' AND level = 'paid';

-- @query users_with_level_changes
SELECT user_id, count(DISTINCT level) AS levels, min(level) AS first_level, max(level) AS last_level
FROM songplays GROUP BY user_id HAVING count(DISTINCT level) > 1;

-- @query artists_with_no_plays
SELECT a.artist_id, a.name
FROM artists a LEFT ANTI JOIN songplays sp ON a.artist_id = sp.artist_id;
-- @duckdb
SELECT a.artist_id, a.name FROM artists a ANTI JOIN songplays sp ON a.artist_id = sp.artist_id;

-- @query artists_with_plays_semi
SELECT a.artist_id FROM artists a LEFT SEMI JOIN songplays sp ON a.artist_id = sp.artist_id;
-- @duckdb
SELECT a.artist_id FROM artists a SEMI JOIN songplays sp ON a.artist_id = sp.artist_id;

-- @query artists_no_plays_not_in
-- NOT IN over a column with NULLs (songplays.artist_id has many): no row passes, in both.
SELECT count(*) AS n FROM artists WHERE artist_id NOT IN (SELECT artist_id FROM songplays);

-- @query artists_no_plays_not_exists
SELECT count(*) AS n FROM artists a WHERE NOT EXISTS (SELECT 1 FROM songplays sp WHERE sp.artist_id = a.artist_id);

-- @query songs_played_in
SELECT song_id FROM songs WHERE song_id IN (SELECT song_id FROM songplays WHERE level = 'paid');

-- ==== Window functions =================================================================

-- @query latest_level_per_user
SELECT user_id, level FROM (
  SELECT user_id, level, row_number() OVER (PARTITION BY user_id ORDER BY start_time DESC, songplay_id DESC) AS rn
  FROM songplays
) WHERE rn = 1;

-- @query latest_level_last_value
SELECT DISTINCT user_id,
       last_value(level) OVER (PARTITION BY user_id ORDER BY songplay_id
                               ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS level
FROM songplays;

-- @query artist_rank_per_hour
SELECT hour, artist_id, plays, rk, drk FROM (
  SELECT hour(start_time) AS hour, artist_id, count(*) AS plays,
         rank() OVER (PARTITION BY hour(start_time) ORDER BY count(*) DESC) AS rk,
         dense_rank() OVER (PARTITION BY hour(start_time) ORDER BY count(*) DESC) AS drk
  FROM songplays WHERE artist_id IS NOT NULL
  GROUP BY hour(start_time), artist_id
) WHERE rk <= 3;

-- @query running_plays_per_day
-- @ordered
SELECT day, plays, sum(plays) OVER (ORDER BY day) AS running, avg(plays) OVER (ORDER BY day ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS moving
FROM (SELECT dayofmonth(start_time) AS day, count(*) AS plays FROM songplays GROUP BY 1)
ORDER BY day;

-- @query lead_lag_gaps
SELECT songplay_id,
       unix_timestamp(start_time) - unix_timestamp(lag(start_time, 1) OVER (PARTITION BY session_id, user_id ORDER BY songplay_id)) AS gap,
       lead(song_id, 1, 'none') OVER (PARTITION BY session_id, user_id ORDER BY songplay_id) AS next_song
FROM songplays WHERE user_id < 50;
-- @duckdb
SELECT songplay_id,
       epoch_ms(start_time) // 1000 - epoch_ms(lag(start_time, 1) OVER (PARTITION BY session_id, user_id ORDER BY songplay_id)) // 1000 AS gap,
       lead(song_id, 1, 'none') OVER (PARTITION BY session_id, user_id ORDER BY songplay_id) AS next_song
FROM songplays WHERE user_id < 50;

-- @query ntile_percent_rank
SELECT user_id, plays, ntile(4) OVER (ORDER BY plays, user_id) AS quartile,
       percent_rank() OVER (ORDER BY plays) AS pr, cume_dist() OVER (ORDER BY plays) AS cd
FROM (SELECT user_id, count(*) AS plays FROM songplays GROUP BY user_id);

-- @query first_song_per_session
SELECT session_id, user_id, first_value(song_id) OVER (PARTITION BY session_id, user_id ORDER BY songplay_id) AS first_song,
       count(*) OVER (PARTITION BY session_id, user_id) AS plays
FROM songplays WHERE user_id BETWEEN 10 AND 40;

-- @query session_share_of_user
SELECT user_id, session_id, plays, round(plays / sum(plays) OVER (PARTITION BY user_id), 9) AS share
FROM (SELECT user_id, session_id, count(*) AS plays FROM songplays GROUP BY user_id, session_id);

-- @query window_range_ties
-- Default frame with ORDER BY is RANGE ... CURRENT ROW: ties share the running count.
SELECT hour, level, count(*) OVER (PARTITION BY level ORDER BY hour) AS through_hour
FROM (SELECT DISTINCT hour(start_time) AS hour, level FROM songplays);

-- ==== Joins of every kind ================================================================

-- @query join_inner_songs_artists
SELECT s.song_id, a.name FROM songs s JOIN artists a ON s.artist_id = a.artist_id;

-- @query join_left_events_songs
SELECT e.ts, e.itemInSession, s.song_id
FROM staging_events e LEFT JOIN songs s ON e.song = s.title AND e.length = s.duration
WHERE e.page = 'NextSong' AND e.userId IN ('10', '20', '30');

-- @query join_right_users_plays
SELECT u.user_id AS user_id, sp.session_id AS session_id, count(*) AS plays
FROM songplays sp RIGHT JOIN users u ON sp.user_id = u.user_id AND sp.level = 'paid'
GROUP BY u.user_id, sp.session_id;

-- @query join_full_outer
SELECT coalesce(a.hour, b.hour) AS hour, a.plays AS free_plays, b.plays AS paid_plays
FROM (SELECT hour(start_time) AS hour, count(*) AS plays FROM songplays WHERE level = 'free' AND hour(start_time) < 18 GROUP BY 1) a
FULL OUTER JOIN (SELECT hour(start_time) AS hour, count(*) AS plays FROM songplays WHERE level = 'paid' AND hour(start_time) > 6 GROUP BY 1) b
ON a.hour = b.hour;

-- @query join_cross_levels_genders
SELECT l.level, g.gender, count(u.user_id) AS users
FROM (SELECT DISTINCT level FROM users) l CROSS JOIN (SELECT DISTINCT gender FROM users) g
LEFT JOIN users u ON u.level = l.level AND u.gender = g.gender
GROUP BY l.level, g.gender;

-- @query join_using
SELECT artist_id, count(*) AS songs FROM songs JOIN artists USING (artist_id) GROUP BY artist_id;

-- @query join_self_same_title
SELECT a.song_id AS first_id, b.song_id AS second_id
FROM songs a JOIN songs b ON a.title = b.title AND a.song_id < b.song_id;

-- @query join_non_equi
SELECT s.song_id, count(*) AS longer_plays
FROM songs s JOIN staging_events e ON e.length > s.duration + 200 AND e.page = 'NextSong' AND e.userId = '15'
GROUP BY s.song_id;

-- @query join_null_keys
-- NULL keys never join: the unmatched plays (NULL artist_id) find no artist.
SELECT count(*) AS n FROM songplays sp JOIN artists a ON sp.artist_id = a.artist_id;

-- @query join_null_safe
SELECT count(*) AS n FROM (SELECT DISTINCT song_id FROM songplays) x JOIN (SELECT DISTINCT song_id FROM songplays) y ON x.song_id <=> y.song_id;
-- @duckdb
SELECT count(*) AS n FROM (SELECT DISTINCT song_id FROM songplays) x JOIN (SELECT DISTINCT song_id FROM songplays) y ON x.song_id IS NOT DISTINCT FROM y.song_id;

-- ==== Aggregates and NULLs ===============================================================

-- @query aggregates_with_nulls
SELECT count(*) AS rows_, count(latitude) AS with_latitude, sum(latitude) AS sum_lat, avg(latitude) AS avg_lat,
       min(latitude) AS min_lat, max(longitude) AS max_lon, count(DISTINCT location) AS locations
FROM artists;

-- @query aggregate_all_null_group
SELECT sum(CAST(NULL AS DOUBLE)) AS s, avg(CAST(NULL AS INT)) AS a, count(CAST(NULL AS INT)) AS c, max(CAST(NULL AS STRING)) AS m
FROM artists;

-- @query aggregate_empty_input
SELECT count(*) AS c, sum(duration) AS s, max(title) AS m FROM songs WHERE year < 0;

-- @query group_by_null_key
SELECT song_id IS NULL AS unmatched, count(*) AS plays FROM songplays GROUP BY song_id IS NULL;

-- @query count_distinct_two_columns
-- @expect-diff count(DISTINCT a, b) skips rows where any argument is NULL in Spark (spark-compat.md; checked in PySpark: count(DISTINCT a, b) over (1,NULL),(1,NULL),(2,3),(2,3) = 1); DuckDB has no multi-argument form and count(DISTINCT (a, b)) counts a row with NULL members
SELECT count(DISTINCT song_id, artist_id) AS pairs FROM songplays;
-- @duckdb
SELECT count(DISTINCT (song_id, artist_id)) FILTER (WHERE song_id IS NOT NULL AND artist_id IS NOT NULL) AS pairs FROM songplays;
-- @duckdb-naive
SELECT count(DISTINCT (song_id, artist_id)) AS pairs FROM songplays;

-- @query stddev_variance
SELECT level, round(stddev(plays), 9) AS sd, round(variance(plays), 9) AS var, round(avg(plays), 9) AS mean
FROM (SELECT user_id, level, count(*) AS plays FROM songplays GROUP BY user_id, level) GROUP BY level;

-- @query sum_avg_types
-- avg of a bigint is a double, sum of a bigint a bigint, in both.
SELECT sum(itemInSession) AS total, avg(itemInSession) AS mean, max(itemInSession) AS most FROM staging_events;

-- @query count_if_bool_and
SELECT user_id, count_if(level = 'paid') AS paid_plays, bool_and(level = 'paid') AS always_paid, bool_or(level = 'paid') AS ever_paid
FROM songplays GROUP BY user_id;
-- @duckdb
SELECT user_id, count_if(level = 'paid') AS paid_plays, bool_and(level = 'paid') AS always_paid, bool_or(level = 'paid') AS ever_paid
FROM songplays GROUP BY user_id;

-- @query max_by_min_by
SELECT user_id, max_by(songplay_id, start_time) AS last_play, min_by(songplay_id, songplay_id) AS first_play
FROM songplays GROUP BY user_id;
-- @duckdb
SELECT user_id, arg_max(songplay_id, start_time) AS last_play, arg_min(songplay_id, songplay_id) AS first_play
FROM songplays GROUP BY user_id;

-- @query having_and_ordinal
-- @ordered
SELECT location, count(*) AS plays FROM songplays GROUP BY 1 HAVING count(*) > 500 ORDER BY 2 DESC, 1;

-- @query order_nulls_default
-- @ordered
-- @expect-diff ORDER BY ... ASC puts NULLs first in Spark (spark-compat.md; checked in PySpark: ORDER BY a over 1, NULL, 2 gives NULL, 1, 2), last in DuckDB (default_null_order nulls_last)
SELECT song_id, count(*) AS plays FROM songplays GROUP BY song_id ORDER BY song_id LIMIT 5;
-- @duckdb
SELECT song_id, count(*) AS plays FROM songplays GROUP BY song_id ORDER BY song_id NULLS FIRST LIMIT 5;

-- @query order_nulls_desc
-- @ordered
SELECT song_id, count(*) AS plays FROM songplays GROUP BY song_id ORDER BY song_id DESC LIMIT 5;

-- @query union_intersect_except
SELECT 'both' AS kind, count(*) AS n FROM (SELECT user_id FROM songplays WHERE level = 'free' INTERSECT SELECT user_id FROM songplays WHERE level = 'paid')
UNION ALL
SELECT 'free only', count(*) FROM (SELECT user_id FROM songplays WHERE level = 'free' EXCEPT SELECT user_id FROM songplays WHERE level = 'paid')
UNION ALL
SELECT 'any', count(*) FROM (SELECT user_id FROM songplays WHERE level = 'free' UNION SELECT user_id FROM songplays WHERE level = 'paid');

-- @query scalar_subquery_share
SELECT level, round(count(*) * 100.0 / (SELECT count(*) FROM songplays), 4) AS percent FROM songplays GROUP BY level;

-- @query correlated_subquery
SELECT u.user_id, (SELECT count(*) FROM songplays sp WHERE sp.user_id = u.user_id) AS plays FROM users u WHERE u.user_id < 100;

-- @query cte_top_locations
WITH per_location AS (SELECT location, count(DISTINCT user_id) AS users FROM songplays GROUP BY location)
SELECT location, users FROM per_location WHERE users >= 3;

-- ==== Arithmetic and types ================================================================

-- @query integer_division
-- @expect-diff `/` on integers is always fractional in Spark (spark-compat.md; checked in PySpark: typeof(7/2) = double, -7 div 2 = -3); DuckDB's `/` is too, but Spark's `div` truncates where DuckDB spells it `//`
SELECT user_id, count(*) div 7 AS weeks, count(*) % 7 AS rest, count(*) / 7 AS ratio FROM songplays GROUP BY user_id;
-- @duckdb
SELECT user_id, count(*) // 7 AS weeks, count(*) % 7 AS rest, count(*) / 7 AS ratio FROM songplays GROUP BY user_id;
-- @duckdb-naive
SELECT user_id, count(*) / 7 AS weeks, count(*) % 7 AS rest, count(*) / 7 AS ratio FROM songplays GROUP BY user_id;

-- @query negative_div_mod
SELECT -7 div 2 AS q, -7 % 2 AS r, 7 % -2 AS r2, pmod(-7, 2) AS pm;
-- @duckdb
SELECT -7 // 2 AS q, -7 % 2 AS r, 7 % -2 AS r2, ((-7 % 2) + 2) % 2 AS pm;

-- @query decimal_arithmetic
SELECT level, 100.0 * count(*) / 3 AS d FROM songplays GROUP BY level;

-- @query ceil_floor_types
-- @expect-diff ceil and floor of a double return bigint in Spark (docs api/sql "ceil"; checked in PySpark: typeof(ceil(2.5D)) = bigint), DOUBLE in DuckDB
SELECT song_id, ceil(duration) AS up, floor(duration) AS down FROM songs;
-- @duckdb
SELECT song_id, CAST(ceil(duration) AS BIGINT) AS up, CAST(floor(duration) AS BIGINT) AS down FROM songs;

-- @query round_half_up
-- @expect-diff round(double, d) rounds the decimal value of the double's shortest text HALF_UP in Spark (RoundBase: BigDecimal(d).setScale, checked in PySpark: round(1.005D, 2) = 1.01), DuckDB multiplies in binary floating point (1.005 * 100 = 100.4999...)
SELECT round(1.005D, 2) AS a, round(2.675D, 2) AS b, round(0.125D, 2) AS c, round(2.5D) AS d, round(-2.5D) AS e;
-- @duckdb
SELECT round(CAST('1.005' AS DECIMAL(10, 3)), 2)::DOUBLE AS a, round(CAST('2.675' AS DECIMAL(10, 3)), 2)::DOUBLE AS b,
       round(0.125::DOUBLE, 2) AS c, round(2.5::DOUBLE) AS d, round(-2.5::DOUBLE) AS e;
-- @duckdb-naive
SELECT round(1.005::DOUBLE, 2) AS a, round(2.675::DOUBLE, 2) AS b, round(0.125::DOUBLE, 2) AS c, round(2.5::DOUBLE) AS d, round(-2.5::DOUBLE) AS e;

-- @query bround_half_even
-- @expect-diff bround rounds HALF_EVEN in Spark (docs api/sql "bround"; checked in PySpark: bround(2.5D) = 2.0, bround(-2.5D) = -2.0, bround(0.125D, 2) = 0.12); DuckDB has no bround and its round is HALF_UP: the port is round_even
SELECT bround(2.5D) AS a, bround(3.5D) AS b, bround(-2.5D) AS c, bround(0.125D, 2) AS d;
-- @duckdb
SELECT round_even(2.5::DOUBLE, 0) AS a, round_even(3.5::DOUBLE, 0) AS b, round_even(-2.5::DOUBLE, 0) AS c, round_even(0.125::DOUBLE, 2) AS d;
-- @duckdb-naive
SELECT round(2.5::DOUBLE) AS a, round(3.5::DOUBLE) AS b, round(-2.5::DOUBLE) AS c, round(0.125::DOUBLE, 2) AS d;

-- @query cast_double_to_int
-- @expect-diff CAST(double AS INT) truncates toward zero in Spark (Cast: d.toInt; checked in PySpark: CAST(2.7D AS INT) = 2), DuckDB rounds to the nearest
SELECT song_id, CAST(duration AS INT) AS seconds FROM songs;
-- @duckdb
SELECT song_id, CAST(trunc(duration) AS INT) AS seconds FROM songs;
-- @duckdb-naive
SELECT song_id, CAST(duration AS INT) AS seconds FROM songs;

-- @query log_natural
-- @expect-diff log(x) with one argument is the natural logarithm in Spark (docs api/sql "log"; checked in PySpark: log(100D) = 4.605170185988092), base 10 in DuckDB
SELECT song_id, round(log(duration), 9) AS l, round(log10(duration), 9) AS l10, round(sqrt(duration), 9) AS r FROM songs;
-- @duckdb
SELECT song_id, round(ln(duration), 9) AS l, round(log10(duration), 9) AS l10, round(sqrt(duration), 9) AS r FROM songs;

-- @query abs_sign_power
SELECT artist_id, abs(longitude) AS a, round(power(latitude, 2), 6) AS p FROM artists WHERE latitude IS NOT NULL;

-- @query greatest_least_nulls
SELECT artist_id, greatest(latitude, longitude) AS g, least(latitude, longitude) AS l FROM artists;

-- @query cast_string_to_bigint
SELECT CAST(userId AS BIGINT) AS id, count(*) AS events FROM staging_events WHERE userId <> '' GROUP BY 1;

-- @query double_to_string
-- @expect-diff a double prints as Java's Double.toString in Spark (spark-compat.md; checked in PySpark: CAST(29197196.000000004D AS STRING) = '2.9197196000000004E7', CAST(9999999.0D AS STRING) = '9999999.0'), DuckDB prints its shortest decimal (10000000.0)
SELECT song_id, CAST(duration AS STRING) AS text, CAST(duration * 100000 AS STRING) AS big FROM songs;
-- @duckdb
SELECT song_id, text_ AS text,
       CASE WHEN duration * 100000 < 1e7 THEN CAST(duration * 100000 AS VARCHAR)
            ELSE left(digits, 1) || '.' || coalesce(nullif(rtrim(substr(digits, 2), '0'), ''), '0') || 'E' || (length(whole) - 1) END AS big
FROM (SELECT song_id, duration, CAST(duration AS VARCHAR) AS text_, split_part(CAST(duration * 100000 AS VARCHAR), '.', 1) AS whole,
             replace(CAST(duration * 100000 AS VARCHAR), '.', '') AS digits FROM songs);

-- ==== Strings =============================================================================

-- @query string_upper_lower_length
SELECT artist_id, upper(name) AS u, lower(name) AS l, length(name) AS n FROM artists;

-- @query string_substring_zero
-- @expect-diff substring(s, 0, n) treats position 0 as 1 in Spark (UTF8String.substringSQL; checked in PySpark: substring('hello', 0, 3) = 'hel'), DuckDB counts position 0 as before the first character
SELECT song_id, substring(title, 0, 3) AS head FROM songs;
-- @duckdb
SELECT song_id, substring(title, 1, 3) AS head FROM songs;

-- @query string_substr_left_right
SELECT song_id, substr(title, 2, 4) AS mid, left(title, 3) AS l, right(title, 3) AS r, substr(title, -3) AS tail FROM songs;

-- @query string_concat
SELECT artist_id, concat(name, ' (', location, ')') AS label, concat_ws(', ', name, location) AS ws FROM artists;

-- @query string_concat_null
SELECT user_id, concat(first_name, ' ', last_name) AS full_name, first_name || '/' || level AS tag FROM users;

-- @query string_trim_replace
SELECT song_id, trim(replace(title, 'Mix', '')) AS t, instr(title, 'a') AS i, locate('e', title) AS p FROM songs;
-- @duckdb
SELECT song_id, trim(replace(title, 'Mix', '')) AS t, instr(title, 'a') AS i, instr(title, 'e') AS p FROM songs;

-- @query string_like_patterns
SELECT count_if(title LIKE '%Love%') AS love, count_if(title LIKE 'The _%') AS the_, count_if(title ILIKE '%night%') AS night,
       count_if(title LIKE '%(%)%') AS paren
FROM songs;
-- @duckdb
SELECT count_if(title LIKE '%Love%') AS love, count_if(title LIKE 'The _%') AS the_, count_if(title ILIKE '%night%') AS night,
       count_if(title LIKE '%(%)%') AS paren
FROM songs;

-- @query string_rlike_regexp
SELECT song_id, regexp_extract(title, '\\(([^)]*)\\)', 1) AS paren, title RLIKE '^[A-M]' AS first_half,
       regexp_replace(title, '[aeiou]', '') AS consonants
FROM songs;
-- @duckdb
SELECT song_id, regexp_extract(title, '\(([^)]*)\)', 1) AS paren, regexp_matches(title, '^[A-M]') AS first_half,
       regexp_replace(title, '[aeiou]', '', 'g') AS consonants
FROM songs;

-- @query string_split_browser_version
SELECT user_agent, element_at(split(user_agent, ' '), 1) AS first_word, size(split(user_agent, ' ')) AS words
FROM (SELECT DISTINCT user_agent FROM songplays);
-- @duckdb
SELECT user_agent, string_split(user_agent, ' ')[1] AS first_word, len(string_split(user_agent, ' ')) AS words
FROM (SELECT DISTINCT user_agent FROM songplays);

-- @query string_compare_case
-- Strings compare by code point in both: 'Z' < 'a', non-ASCII after ASCII.
-- @ordered
SELECT name FROM artists ORDER BY name LIMIT 30;

-- @query string_min_max_non_ascii
SELECT min(name) AS first, max(name) AS last, max(location) AS last_location FROM artists;

-- @query string_initcap_reverse
SELECT artist_id, initcap(lower(name)) AS nice, reverse(name) AS backwards, md5(name) AS digest FROM artists;
-- @duckdb
SELECT artist_id,
       array_to_string(list_transform(string_split(lower(name), ' '), lambda w: upper(w[1]) || w[2:]), ' ') AS nice,
       reverse(name) AS backwards, md5(name) AS digest
FROM artists;

-- @query string_lpad_repeat
SELECT user_id, lpad(CAST(user_id AS STRING), 5, '0') AS padded, repeat('*', CAST(user_id % 5 AS INT)) AS stars FROM users;
-- @duckdb
SELECT user_id, lpad(CAST(user_id AS VARCHAR), 5, '0') AS padded, repeat('*', CAST(user_id % 5 AS INT)) AS stars FROM users;

-- @query location_state
-- @known-bug sparkify has no substring_index (Spark has: checked in PySpark, substring_index('a, b, c', ',', -1) = ' c')
SELECT trim(substring_index(location, ',', -1)) AS state, count(*) AS plays FROM songplays GROUP BY 1;
-- @duckdb
SELECT trim(string_split(location, ',')[-1]) AS state, count(*) AS plays FROM songplays GROUP BY 1;

-- @query coalesce_nullif_nvl
SELECT artist_id, coalesce(nullif(location, ''), 'unknown') AS place, nvl(latitude, 0.0D) AS lat, nvl2(latitude, 'has', 'none') AS has_lat,
       if(latitude > 0, 'north', 'south') AS hemisphere
FROM artists;
-- @duckdb
SELECT artist_id, coalesce(nullif(location, ''), 'unknown') AS place, coalesce(latitude, 0.0::DOUBLE) AS lat,
       CASE WHEN latitude IS NOT NULL THEN 'has' ELSE 'none' END AS has_lat,
       if(latitude > 0, 'north', 'south') AS hemisphere
FROM artists;

-- ==== Dates and times ======================================================================

-- @query datetime_parts
SELECT start_time, hour(start_time) AS h, minute(start_time) AS mi, dayofmonth(start_time) AS d, month(start_time) AS mo,
       year(start_time) AS y, dayofyear(start_time) AS doy, quarter(start_time) AS q
FROM songplays WHERE songplay_id % 97 = 0;

-- @query timestamp_millis_vs_cast
-- A number cast to timestamp is seconds in Spark; ts / 1000 is a double, so milliseconds stay.
SELECT ts, timestamp_millis(ts) AS a, CAST(ts / 1000 AS TIMESTAMP) AS b, timestamp_seconds(ts div 1000) AS c
FROM staging_events WHERE itemInSession = 3;
-- @duckdb
SELECT ts, epoch_ms(ts) AS a, to_timestamp(ts / 1000)::TIMESTAMP AS b, to_timestamp(ts // 1000)::TIMESTAMP AS c
FROM staging_events WHERE itemInSession = 3;

-- @query timestamp_to_string
-- Spark prints a timestamp with the fraction's trailing zeros trimmed; DuckDB too: the strings agree.
SELECT songplay_id, CAST(start_time AS STRING) AS text FROM songplays WHERE songplay_id % 101 = 0;
-- @duckdb
SELECT songplay_id, CAST(start_time AS VARCHAR) AS text FROM songplays WHERE songplay_id % 101 = 0;

-- @query date_format_patterns
SELECT songplay_id, date_format(start_time, 'yyyy-MM-dd HH:mm') AS minute_text, date_format(start_time, 'E') AS dow,
       date_format(start_time, 'MMM d, h a') AS friendly
FROM songplays WHERE songplay_id % 89 = 0;
-- @duckdb
SELECT songplay_id, strftime(start_time, '%Y-%m-%d %H:%M') AS minute_text, strftime(start_time, '%a') AS dow,
       strftime(start_time, '%b ') || day(start_time) || ', ' || (((hour(start_time) + 11) % 12) + 1) || ' ' || strftime(start_time, '%p') AS friendly
FROM songplays WHERE songplay_id % 89 = 0;

-- @query from_unixtime_registration
SELECT DISTINCT userId, from_unixtime(CAST(registration / 1000 AS BIGINT)) AS registered
FROM staging_events WHERE registration IS NOT NULL;
-- @duckdb
SELECT DISTINCT userId, strftime(to_timestamp(CAST(trunc(registration / 1000) AS BIGINT)), '%Y-%m-%d %H:%M:%S') AS registered
FROM staging_events WHERE registration IS NOT NULL;

-- @query date_trunc_hour_week
SELECT date_trunc('HOUR', start_time) AS hour_start, date_trunc('WEEK', start_time) AS week_start, count(*) AS plays
FROM songplays GROUP BY 1, 2;
-- @duckdb
SELECT date_trunc('hour', start_time) AS hour_start, date_trunc('week', start_time) AS week_start, count(*) AS plays
FROM songplays GROUP BY 1, 2;

-- @query datediff_registration
SELECT DISTINCT userId, datediff(to_date(timestamp_millis(ts)), to_date(timestamp_millis(CAST(registration AS BIGINT)))) AS days_member
FROM staging_events WHERE page = 'NextSong' AND itemInSession = 0 AND registration IS NOT NULL;
-- @duckdb
SELECT DISTINCT userId, datediff('day', CAST(epoch_ms(CAST(registration AS BIGINT)) AS DATE), CAST(epoch_ms(ts) AS DATE)) AS days_member
FROM staging_events WHERE page = 'NextSong' AND itemInSession = 0 AND registration IS NOT NULL;

-- @query date_arith
SELECT DISTINCT to_date(start_time) AS day, date_add(to_date(start_time), 7) AS next_week, last_day(to_date(start_time)) AS month_end,
       trunc(to_date(start_time), 'MM') AS month_start
FROM songplays;
-- @duckdb
SELECT DISTINCT CAST(start_time AS DATE) AS day, CAST(CAST(start_time AS DATE) + 7 AS DATE) AS next_week, last_day(CAST(start_time AS DATE)) AS month_end,
       CAST(date_trunc('month', CAST(start_time AS DATE)) AS DATE) AS month_start
FROM songplays;

-- @query weekofyear_iso
-- Both number weeks as ISO-8601 (2021-01-03 is week 53 of 2020).
SELECT weekofyear(DATE'2021-01-03') AS a, weekofyear(DATE'2021-01-04') AS b, weekofyear(DATE'2018-12-31') AS c;

-- @query extract_dow
-- @expect-diff EXTRACT(DOW FROM ...) is 1 = Sunday ... 7 in Spark (docs api/sql "extract"; checked in PySpark: extract(DOW FROM DATE'2018-11-04') = 1), 0 ... 6 in DuckDB
SELECT DISTINCT to_date(start_time) AS day, extract(DOW FROM start_time) AS dow FROM songplays;
-- @duckdb
SELECT DISTINCT CAST(start_time AS DATE) AS day, extract(DOW FROM start_time) + 1 AS dow FROM songplays;
-- @duckdb-naive
SELECT DISTINCT CAST(start_time AS DATE) AS day, extract(DOW FROM start_time) AS dow FROM songplays;

-- @query plays_per_weekday_hour
SELECT dayofweek(start_time) AS dow, hour(start_time) AS hour, count(*) AS plays FROM songplays GROUP BY 1, 2;
-- @duckdb
SELECT dayofweek(start_time) + 1 AS dow, hour(start_time) AS hour, count(*) AS plays FROM songplays GROUP BY 1, 2;

-- @query case_when_daypart
SELECT CASE WHEN hour(start_time) < 6 THEN 'night' WHEN hour(start_time) < 12 THEN 'morning'
            WHEN hour(start_time) < 18 THEN 'afternoon' ELSE 'evening' END AS part,
       level, count(*) AS plays
FROM songplays GROUP BY 1, 2;


-- ==== More: grouping, sets, arrays, frames, casts =========================================


-- @query intersect_all_except_all
SELECT 'ia' AS k, count(*) AS n FROM (SELECT level FROM songplays WHERE user_id < 30 INTERSECT ALL SELECT level FROM songplays WHERE user_id >= 30 AND user_id < 40)
UNION ALL SELECT 'ea', count(*) FROM (SELECT level FROM songplays WHERE user_id < 30 EXCEPT ALL SELECT level FROM songplays WHERE user_id >= 30 AND user_id < 40);

-- @query decimal_cast_round
SELECT song_id, CAST(duration AS DECIMAL(10, 2)) AS d2, round(CAST(duration AS DECIMAL(12, 5)), 1) AS r1 FROM songs;

-- @query window_sliding_sum_min
SELECT songplay_id, sum(songplay_id) OVER (PARTITION BY user_id ORDER BY songplay_id ROWS BETWEEN 3 PRECEDING AND 1 FOLLOWING) AS s,
       min(song_id) OVER (PARTITION BY user_id ORDER BY songplay_id ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS m
FROM songplays WHERE user_id < 40;

-- @query date_format_more
SELECT songplay_id, date_format(start_time, 'D') AS doy, date_format(start_time, 'EEEE, MMMM dd yyyy') AS long_, date_format(start_time, 'HH:mm:ss.SSS') AS t
FROM songplays WHERE songplay_id % 113 = 0;
-- @duckdb
SELECT songplay_id, CAST(dayofyear(start_time) AS VARCHAR) AS doy, strftime(start_time, '%A, %B %d %Y') AS long_, strftime(start_time, '%H:%M:%S.%g') AS t
FROM songplays WHERE songplay_id % 113 = 0;

-- @query months_add_last_day
SELECT DISTINCT to_date(start_time) AS d, add_months(to_date(start_time), 3) AS plus3, make_date(2018, 2, 28) AS md FROM songplays;
-- @duckdb
SELECT DISTINCT CAST(start_time AS DATE) AS d, CAST(CAST(start_time AS DATE) + INTERVAL 3 MONTH AS DATE) AS plus3, make_date(2018, 2, 28) AS md FROM songplays;

-- @query to_timestamp_string
SELECT to_timestamp('2018-11-05 13:04:05') AS a, to_timestamp('2018/11/05', 'yyyy/MM/dd') AS b, to_date('2018-11-05') AS c, unix_timestamp('2018-11-05 00:00:00') AS u;
-- @duckdb
SELECT TIMESTAMP '2018-11-05 13:04:05' AS a, strptime('2018/11/05', '%Y/%m/%d') AS b, DATE '2018-11-05' AS c, epoch(TIMESTAMP '2018-11-05 00:00:00')::BIGINT AS u;

-- @query string_non_ascii_length
SELECT name, length(name) AS n, upper(name) AS u, substr(name, 1, 4) AS h FROM artists WHERE name RLIKE '[^ -~]';
-- @duckdb
SELECT name, length(name) AS n, upper(name) AS u, substr(name, 1, 4) AS h FROM artists WHERE regexp_matches(name, '[^ -~]');

-- @query string_cast_numbers
SELECT CAST(' 12 ' AS INT) AS a, CAST('007' AS BIGINT) AS b, CAST('1e3' AS DOUBLE) AS c, CAST('-0.5' AS DOUBLE) AS d, CAST(12 AS STRING) AS e, CAST(true AS STRING) AS f;

-- @query try_cast_fraction_to_int
-- @expect-diff a string with a fraction is not an int in Spark: CAST('1.5' AS INT) fails (ANSI, CAST_INVALID_INPUT) and try_cast gives NULL (checked in PySpark); DuckDB rounds it to 2
SELECT userId, try_cast(concat(userId, '.5') AS INT) AS half, try_cast(concat(' ', userId, ' ') AS INT) AS padded
FROM (SELECT DISTINCT userId FROM staging_events WHERE userId <> '');
-- @duckdb
SELECT userId, CASE WHEN regexp_matches(userId || '.5', '^\s*[+-]?[0-9]+\s*$') THEN TRY_CAST(userId || '.5' AS INT) END AS half,
       TRY_CAST(' ' || userId || ' ' AS INT) AS padded
FROM (SELECT DISTINCT userId FROM staging_events WHERE userId <> '');
-- @duckdb-naive
SELECT userId, TRY_CAST(userId || '.5' AS INT) AS half, TRY_CAST(' ' || userId || ' ' AS INT) AS padded
FROM (SELECT DISTINCT userId FROM staging_events WHERE userId <> '');

-- @query in_list_between
SELECT count_if(user_id IN (10, 20, 30, NULL)) AS in_list, count_if(hour(start_time) BETWEEN 9 AND 17) AS office, count(*) AS n FROM songplays;

-- @query in_null_semantics
SELECT song_id IS NULL AS unmatched, (song_id IN ('x', NULL)) AS in_null, count(*) AS n FROM songplays GROUP BY 1, 2;

-- @query hash_md5_sha
SELECT artist_id, md5(artist_id) AS m, sha1(artist_id) AS s FROM artists;

-- @query regexp_extract_versions
SELECT user_agent, regexp_extract(user_agent, 'Chrome/([0-9]+)', 1) AS chrome, regexp_extract(user_agent, '(Firefox|Safari)/([0-9.]+)', 2) AS v
FROM (SELECT DISTINCT user_agent FROM songplays);

-- @query like_escape
SELECT count_if(location LIKE '%, __') AS two_letter_state, count_if(location LIKE '%-%') AS dash, count_if(user_agent LIKE '%\\%%') AS percent_sign
FROM songplays;
-- @duckdb
SELECT count_if(location LIKE '%, __') AS two_letter_state, count_if(location LIKE '%-%') AS dash, count_if(user_agent LIKE '%\%%' ESCAPE '\') AS percent_sign
FROM songplays;

-- @query distinct_on_expressions
SELECT DISTINCT lower(gender) AS g, upper(level) AS l FROM users;

-- @query limit_offset_like
-- @ordered
SELECT user_id, first_name FROM users ORDER BY user_id LIMIT 10 OFFSET 5;

-- @query order_by_expression_desc
-- @ordered
SELECT artist_id, name FROM artists ORDER BY length(name) DESC, name, artist_id LIMIT 20;

-- @query order_by_nulls_last_explicit
-- @ordered
SELECT artist_id, latitude FROM artists ORDER BY latitude ASC NULLS LAST, artist_id LIMIT 20;



-- @query split_regex
-- @expect-diff split's delimiter is a Java regular expression in Spark (docs api/sql "split"; checked in PySpark: split('a b/c', '[ /]') = [a, b, c]); DuckDB's split (string_split) splits on the literal text
SELECT user_agent, size(split(user_agent, '[ /]')) AS parts, element_at(split(user_agent, '[ /]'), 2) AS second
FROM (SELECT DISTINCT user_agent FROM songplays);
-- @duckdb
SELECT user_agent, len(regexp_split_to_array(user_agent, '[ /]')) AS parts, regexp_split_to_array(user_agent, '[ /]')[2] AS second
FROM (SELECT DISTINCT user_agent FROM songplays);
-- @duckdb-naive
SELECT user_agent, len(string_split(user_agent, '[ /]')) AS parts, string_split(user_agent, '[ /]')[2] AS second
FROM (SELECT DISTINCT user_agent FROM songplays);

-- @query regexp_replace_group
SELECT DISTINCT location, regexp_replace(location, '^(.*), ([A-Z][A-Z])$', '$2: $1') AS state_first FROM songplays;
-- @duckdb
SELECT DISTINCT location, regexp_replace(location, '^(.*), ([A-Z][A-Z])$', '\2: \1') AS state_first FROM songplays;

-- @query count_filter_clause
SELECT hour(start_time) AS hour, count(*) FILTER (WHERE level = 'paid') AS paid, sum(songplay_id) FILTER (WHERE song_id IS NULL) AS s
FROM songplays GROUP BY 1;

-- @query case_mixed_types
SELECT user_id, CASE WHEN level = 'paid' THEN 1 ELSE 0.5 END AS weight FROM users;

-- @query union_type_widening
SELECT x FROM (SELECT user_id AS x FROM users WHERE user_id < 20 UNION ALL SELECT latitude FROM artists WHERE latitude > 50);

-- @query timestamp_interval
SELECT songplay_id, start_time + INTERVAL 90 MINUTES AS later, start_time - INTERVAL 1 DAY AS day_before, date_sub(to_date(start_time), 3) AS ds
FROM songplays WHERE songplay_id % 211 = 0;
-- @duckdb
SELECT songplay_id, start_time + INTERVAL 90 MINUTE AS later, start_time - INTERVAL 1 DAY AS day_before, CAST(CAST(start_time AS DATE) - 3 AS DATE) AS ds
FROM songplays WHERE songplay_id % 211 = 0;

-- @query from_unixtime_format
SELECT songplay_id, from_unixtime(unix_timestamp(start_time), 'yyyy-MM-dd') AS day_text, CAST(to_date(start_time) AS TIMESTAMP) AS midnight
FROM songplays WHERE songplay_id % 223 = 0;
-- @duckdb
SELECT songplay_id, strftime(start_time, '%Y-%m-%d') AS day_text, CAST(CAST(start_time AS DATE) AS TIMESTAMP) AS midnight
FROM songplays WHERE songplay_id % 223 = 0;

-- @query lag_default_ignore
SELECT songplay_id, lag(song_id, 1, 'start') OVER (PARTITION BY user_id ORDER BY songplay_id) AS previous_song,
       row_number() OVER (PARTITION BY user_id ORDER BY song_id DESC NULLS LAST, songplay_id) AS rn
FROM songplays WHERE user_id < 25;

-- @query round_negative_scale
SELECT song_id, round(duration, -1) AS tens, round(duration, 1) AS tenths FROM songs;

-- @query string_empty_vs_null_order
-- @ordered
SELECT location, count(*) AS artists FROM artists GROUP BY location ORDER BY location NULLS FIRST LIMIT 5;

-- @query concat_number_string
SELECT user_id, concat('user-', user_id) AS tag, concat(first_name, user_id, level) AS mixed FROM users;

-- @query avg_of_durations_per_year
SELECT year, count(*) AS songs, avg(duration) AS mean, min(duration) AS shortest, sum(duration) AS total FROM songs GROUP BY year;

-- @query lower_upper_non_ascii
SELECT DISTINCT name, lower(name) AS l, upper(name) AS u, initcap(name) AS i FROM artists WHERE name RLIKE '[^ -~]';
-- @duckdb
SELECT DISTINCT name, lower(name) AS l, upper(name) AS u,
       array_to_string(list_transform(string_split(name, ' '), lambda w: upper(w[1]) || lower(w[2:])), ' ') AS i
FROM artists WHERE regexp_matches(name, '[^ -~]');


-- @query collect_set_size_contains
-- @expect-diff collect_list and collect_set leave NULLs out in Spark (docs api/sql "collect_list"; checked in PySpark: size(collect_list(x)) over 1, NULL = 1); DuckDB's list() keeps them (and gives NULL, not an empty list, when a FILTER leaves nothing)
SELECT user_id, size(collect_set(level)) AS levels, array_contains(collect_list(level), 'paid') AS ever_paid, size(collect_list(song_id)) AS matched
FROM songplays GROUP BY user_id;
-- @duckdb
SELECT user_id, len(list_distinct(list(level))) AS levels, list_contains(list(level), 'paid') AS ever_paid,
       coalesce(len(list(song_id) FILTER (WHERE song_id IS NOT NULL)), 0) AS matched
FROM songplays GROUP BY user_id;
-- @duckdb-naive
SELECT user_id, len(list_distinct(list(level))) AS levels, list_contains(list(level), 'paid') AS ever_paid, len(list(song_id)) AS matched
FROM songplays GROUP BY user_id;


-- @query timestamp_cast_long
SELECT songplay_id, CAST(start_time AS BIGINT) AS seconds, CAST(to_date(start_time) AS TIMESTAMP) AS day_start FROM songplays WHERE songplay_id % 307 = 0;
-- @duckdb
SELECT songplay_id, epoch_ms(start_time) // 1000 AS seconds, CAST(CAST(start_time AS DATE) AS TIMESTAMP) AS day_start FROM songplays WHERE songplay_id % 307 = 0;

-- @query string_to_timestamp_casts
SELECT CAST('2018-11-05' AS TIMESTAMP) AS a, CAST('2018-11-05 10:11:12.5' AS TIMESTAMP) AS b, CAST('2018-11-05 10:11:12' AS DATE) AS c, CAST(DATE'2018-11-05' AS STRING) AS d;
-- @duckdb
SELECT TIMESTAMP '2018-11-05' AS a, TIMESTAMP '2018-11-05 10:11:12.5' AS b, DATE '2018-11-05' AS c, '2018-11-05' AS d;

-- @query double_modulo_abs
SELECT song_id, round(duration % 60, 6) AS rest, abs(-duration) AS a, pmod(CAST(duration AS BIGINT), 7) AS pm FROM songs;
-- @duckdb
SELECT song_id, round(fmod(duration, 60), 6) AS rest, abs(-duration) AS a, ((CAST(trunc(duration) AS BIGINT) % 7) + 7) % 7 AS pm FROM songs;

-- @query count_distinct_double
SELECT count(DISTINCT duration) AS durations, count(DISTINCT round(duration, 0)) AS seconds, approx_count_distinct(artist_id) IS NOT NULL AS has FROM songs;
-- @duckdb
SELECT count(DISTINCT duration) AS durations, count(DISTINCT round(duration, 0)) AS seconds, true AS has FROM songs;

-- @query window_following_frames
SELECT songplay_id, sum(1) OVER (PARTITION BY user_id ORDER BY songplay_id ROWS BETWEEN CURRENT ROW AND UNBOUNDED FOLLOWING) AS left_in_history,
       max(songplay_id) OVER (PARTITION BY user_id) AS last_id, lead(songplay_id, 3) OVER (PARTITION BY user_id ORDER BY songplay_id) AS third_next
FROM songplays WHERE user_id < 60;

-- @query join_on_expression_or
SELECT count(*) AS n FROM songs s JOIN artists a ON lower(s.artist_id) = lower(a.artist_id) OR (s.year = 1990 AND a.latitude > 60);

-- @query exists_correlated_inequality
SELECT u.user_id FROM users u WHERE EXISTS (SELECT 1 FROM songplays sp WHERE sp.user_id = u.user_id AND sp.level <> u.level);

-- @query having_aggregate_not_selected
SELECT artist_id FROM songplays WHERE artist_id IS NOT NULL GROUP BY artist_id HAVING max(songplay_id) - min(songplay_id) > 35000;

-- @query lpad_non_ascii
SELECT name, lpad(name, 12, '.') AS padded, rpad(name, 12, '-') AS rp, substr(name, 3, 5) AS mid, position('a' IN name) AS pos FROM artists;
-- @duckdb
SELECT name, lpad(name, 12, '.') AS padded, rpad(name, 12, '-') AS rp, substr(name, 3, 5) AS mid, position('a' IN name) AS pos FROM artists;

-- @query distinct_order_by
-- @ordered
SELECT DISTINCT level, gender FROM users ORDER BY gender DESC, level;

-- @query stats_pop_samp
SELECT round(stddev_pop(duration), 9) AS sp, round(var_pop(duration), 6) AS vp, round(var_samp(duration), 6) AS vs FROM songs;

-- @query string_trim_family
SELECT artist_id, ltrim(concat('  ', name)) AS l, rtrim(concat(name, '  ')) AS r, length('') AS z
FROM artists;
-- @duckdb
SELECT artist_id, ltrim('  ' || name) AS l, rtrim(name || '  ') AS r, length('') AS z
FROM artists;


-- @query string_escapes
SELECT 'a\tb' AS tab, 'c\\d' AS backslash, 'it\'s' AS quote, length('\u00e9') AS one, 'x\ny' AS nl;
-- @duckdb
SELECT E'a\tb' AS tab, 'c\d' AS backslash, 'it''s' AS quote, length('é') AS one, E'x\ny' AS nl;

-- @query rlike_backslash_classes
SELECT count_if(artist_id RLIKE '\\d{4}') AS four_digits, count_if(title RLIKE '\\(.*\\)') AS parens, count_if(location RLIKE '^\\w+, \\w\\w$') AS simple
FROM songs JOIN artists USING (artist_id);
-- @duckdb
SELECT count_if(regexp_matches(artist_id, '\d{4}')) AS four_digits, count_if(regexp_matches(title, '\(.*\)')) AS parens, count_if(regexp_matches(location, '^\w+, \w\w$')) AS simple
FROM songs JOIN artists USING (artist_id);

-- @query null_predicates
-- DuckDB folds count_if(x IN (1.0, NULL)) to NULL; Spark's count_if counts no row: 0. The port uses FILTER.
SELECT count_if(latitude BETWEEN 0 AND NULL) AS b, count_if(NOT (latitude > 0)) AS n, count_if(latitude IN (1.0, NULL)) AS i,
       count_if(CASE WHEN latitude > 0 THEN true END) AS c, count_if(latitude <=> NULL) AS ns
FROM artists;
-- @duckdb
SELECT count_if(latitude BETWEEN 0 AND NULL) AS b, count_if(NOT (latitude > 0)) AS n, count(*) FILTER (WHERE latitude IN (1.0, NULL)) AS i,
       count_if(CASE WHEN latitude > 0 THEN true END) AS c, count_if(latitude IS NOT DISTINCT FROM NULL) AS ns
FROM artists;

-- @query limit_zero_distinct_star
SELECT count(*) AS n FROM (SELECT DISTINCT * FROM users) UNION ALL SELECT count(*) FROM (SELECT * FROM users LIMIT 0);

-- @query nested_subqueries
SELECT level, count(*) AS n FROM users WHERE user_id IN (SELECT user_id FROM songplays WHERE session_id IN (SELECT session_id FROM songplays WHERE hour(start_time) = 3)) GROUP BY level;

-- @query decimal_sum_avg
SELECT level, sum(CAST(duration_ AS DECIMAL(10, 5))) AS s, avg(CAST(duration_ AS DECIMAL(10, 5))) AS a
FROM (SELECT sp.level, s.duration AS duration_ FROM songplays sp JOIN songs s ON sp.song_id = s.song_id) GROUP BY level;

-- @query integer_arith_types
SELECT user_id, user_id * 1000000000 AS big, user_id + 0.5 AS half, user_id - 2147483647 AS neg, -user_id AS minus FROM users;

-- @query case_without_else
SELECT user_id, CASE level WHEN 'paid' THEN 'P' END AS p, CASE WHEN gender = 'F' THEN 1 WHEN gender = 'M' THEN 2 END AS g FROM users;

-- @query order_alias_ordinal_mix
-- @ordered
SELECT level AS lv, gender, count(*) AS n FROM users GROUP BY level, gender ORDER BY lv DESC, 2;

-- ==== Known gaps in sparkify (Spark answers these; sparkify fails) =========================


-- @query rollup_level_gender
SELECT level, gender, count(*) AS users FROM users GROUP BY ROLLUP(level, gender);

-- @query explode_words
-- @known-bug missing feature: sparkify has no explode (nor LATERAL VIEW); Spark has (docs api/sql "explode")
SELECT word, count(*) AS n FROM (SELECT explode(split(title, ' ')) AS word FROM songs) GROUP BY word;
-- @duckdb
SELECT word, count(*) AS n FROM (SELECT unnest(string_split(title, ' ')) AS word FROM songs) GROUP BY word;

-- @query collect_sorted_levels
SELECT user_id, sort_array(collect_set(level)) AS levels, size(collect_list(level)) AS n FROM songplays GROUP BY user_id;
-- @duckdb
SELECT user_id, list_sort(list_distinct(list(level))) AS levels, len(list(level)) AS n FROM songplays GROUP BY user_id;

-- @query nth_value_lag2
SELECT songplay_id, nth_value(song_id, 2) OVER (PARTITION BY session_id, user_id ORDER BY songplay_id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING) AS second_song,
       lag(songplay_id, 2) OVER (PARTITION BY session_id, user_id ORDER BY songplay_id) AS two_back
FROM songplays WHERE user_id < 30;

-- @query window_range_numeric
SELECT songplay_id, count(*) OVER (PARTITION BY user_id ORDER BY songplay_id RANGE BETWEEN 100 PRECEDING AND CURRENT ROW) AS recent
FROM songplays WHERE user_id < 40;

-- @query string_literal_doubled_quote
SELECT artist_id, concat(name, '''s songs') AS caption, 'it''s' AS word FROM artists;

-- @query date_format_quoted
SELECT songplay_id, date_format(start_time, 'yyyy-MM-dd''T''HH') AS iso_hour, date_format(start_time, 'dd/MM/yy') AS short_date
FROM songplays WHERE songplay_id % 331 = 0;
-- @duckdb
SELECT songplay_id, strftime(start_time, '%Y-%m-%dT%H') AS iso_hour, strftime(start_time, '%d/%m/%y') AS short_date
FROM songplays WHERE songplay_id % 331 = 0;

-- @query stats_corr_percentile
-- @known-bug missing feature: sparkify has no corr nor percentile (Spark has both: checked in PySpark, percentile(x, 0.5) over 1D, 2D = 1.5)
SELECT level, round(corr(CAST(itemInSession AS DOUBLE), length), 9) AS c, percentile(CAST(itemInSession AS DOUBLE), 0.5) AS med
FROM staging_events GROUP BY level;
-- @duckdb
SELECT level, round(corr(CAST(itemInSession AS DOUBLE), length), 9) AS c, quantile_cont(CAST(itemInSession AS DOUBLE), 0.5) AS med
FROM staging_events GROUP BY level;

-- @query string_translate_hex_base64
-- @known-bug missing feature: sparkify has no translate, hex, base64 nor ascii (Spark has them: checked in PySpark, translate('AR12', 'AR', 'ar') = 'ar12', hex('AB') = '4142', base64('AB') = 'QUI='; docs api/sql "ascii")
SELECT artist_id, translate(artist_id, 'AR', 'ar') AS tr, hex(artist_id) AS h, base64(artist_id) AS b, ascii(name) AS a FROM artists;
-- @duckdb
SELECT artist_id, translate(artist_id, 'AR', 'ar') AS tr, hex(artist_id) AS h, to_base64(CAST(artist_id AS BLOB)) AS b, ascii(name) AS a FROM artists;

-- @query trim_characters_from
SELECT artist_id, trim(BOTH 'A' FROM artist_id) AS both_, trim(LEADING 'A' FROM artist_id) AS leading_, trim(TRAILING '0123456789' FROM artist_id) AS trailing_
FROM artists;
-- @duckdb
SELECT artist_id, trim(artist_id, 'A') AS both_, ltrim(artist_id, 'A') AS leading_, rtrim(artist_id, '0123456789') AS trailing_
FROM artists;
