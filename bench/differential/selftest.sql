-- The checker's own test (run.py --self-test): each query plants an outcome, named before `__`,
-- that the comparison must reach. If the checker stops seeing a planted difference, this fails.

-- @query differs__wrong_count
SELECT level, count(*) AS plays FROM songplays GROUP BY level;
-- @duckdb
SELECT level, count(*) + (level = 'paid')::INT AS plays FROM songplays GROUP BY level;

-- @query differs__order
-- @ordered
SELECT level, count(*) AS plays FROM songplays GROUP BY level ORDER BY level;
-- @duckdb
SELECT level, count(*) AS plays FROM songplays GROUP BY level ORDER BY level DESC;

-- @query matched__unordered
SELECT level, count(*) AS plays FROM songplays GROUP BY level ORDER BY level;
-- @duckdb
SELECT level, count(*) AS plays FROM songplays GROUP BY level ORDER BY level DESC;

-- @query matched__within_tolerance
SELECT 0.1D + 0.2D AS x;
-- @duckdb
SELECT 0.3::DOUBLE AS x;

-- @query differs__beyond_tolerance
SELECT 1.0D AS x;
-- @duckdb
SELECT 1.000001::DOUBLE AS x;

-- @query differs__integer_vs_double
SELECT 3 AS x;
-- @duckdb
SELECT 3.0::DOUBLE AS x;

-- @query differs__empty_vs_null
SELECT '' AS x;
-- @duckdb
SELECT NULL::VARCHAR AS x;

-- @query differs__duplicates_count
SELECT level FROM songplays WHERE songplay_id <= 3;
-- @duckdb
SELECT DISTINCT level FROM songplays WHERE songplay_id <= 3;

-- @query differs__column_names
SELECT 1 AS x;
-- @duckdb
SELECT 1 AS y;

-- @query differs__sparkify_error
SELECT no_such_function(1) AS x;
-- @duckdb
SELECT 1 AS x;

-- @query matched__after_an_error
SELECT timestamp_millis(1541030431250) AS t, DATE'2018-11-01' AS d, CAST(NULL AS STRING) AS n;
-- @duckdb
SELECT epoch_ms(1541030431250) AS t, DATE '2018-11-01' AS d, NULL::VARCHAR AS n;

-- @query differs_as_expected__dayofweek
-- @expect-diff dayofweek: Spark 1 = Sunday, DuckDB 0 = Sunday
SELECT dayofweek(DATE'2018-11-04') AS d;
-- @duckdb
SELECT dayofweek(DATE '2018-11-04') + 1 AS d;

-- @query expected_difference_missing__no_difference
-- @expect-diff a planted claim of a difference that is not there
SELECT 1 AS x;

-- @query known_bug__planted
-- @known-bug a planted bug: DuckDB's answer is made wrong on purpose
SELECT 2 AS x;
-- @duckdb
SELECT 3 AS x;

-- @query known_bug_gone__planted
-- @known-bug a planted claim of a bug that is not there
SELECT 1 AS x;
