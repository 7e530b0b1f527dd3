-- A small notebook with lake cells in the shape of the walkthrough's (scripts/checks/spark.sh
-- exports it and runs the job twice: the second run must overwrite the lake, not add to it).

SET spark.sql.session.timeZone=UTC;
SET input_data=${data};

-- %% staging_events
CREATE OR REPLACE TEMP VIEW staging_events AS
SELECT * FROM json.`${input_data}/log_data/*/*/*.json`;

-- %% users
CREATE OR REPLACE TEMP VIEW users AS
SELECT DISTINCT CAST(userId AS BIGINT) AS user_id, firstName AS first_name, gender
FROM staging_events
WHERE userId <> '';

-- %% time
CREATE OR REPLACE TEMP VIEW time AS
SELECT DISTINCT start_time, hour(start_time) AS hour, month(start_time) AS month, year(start_time) AS year
FROM (SELECT timestamp_millis(ts) AS start_time FROM staging_events WHERE page = 'NextSong');

-- %% lake_users tags=["lake"]
DROP TABLE IF EXISTS lake_users;
CREATE TABLE lake_users USING parquet
LOCATION '${output}/users' AS SELECT * FROM users;

-- %% lake_time
DROP TABLE IF EXISTS lake_time;
CREATE TABLE lake_time USING parquet PARTITIONED BY (year, month)
LOCATION '${output}/time' AS SELECT * FROM time;
