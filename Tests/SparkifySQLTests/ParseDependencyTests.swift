import Testing
@testable import SparkifySQL

@Suite struct ParseDependencyTests {
    func dependencies(_ text: String) throws -> StatementDependencies {
        try SQLParser.parseStatement(text).dependencies
    }

    @Test func readsTablesFromJoinsAndSubqueries() throws {
        let result = try dependencies("""
            SELECT * FROM Events e JOIN songs s ON e.song = s.title
            LEFT JOIN db.Artists a ON a.id = s.artist_id
            WHERE e.userId IN (SELECT userId FROM users) AND EXISTS (SELECT 1 FROM events)
            """)
        #expect(result.reads == ["events", "songs", "db.artists", "users"])
        #expect(result.creates == nil)
    }

    @Test func excludesCTENamesButNotShadowedTables() throws {
        let result = try dependencies("""
            WITH recent AS (SELECT * FROM plays WHERE ts > 0), top AS (SELECT * FROM recent)
            SELECT * FROM top JOIN users USING (user_id)
            """)
        #expect(result.reads == ["plays", "users"])
        // A CTE's own body does not see itself: `t` there is the real table.
        #expect(try dependencies("WITH t AS (SELECT * FROM t) SELECT * FROM t").reads == ["t"])
        // A CTE is only visible inside its query.
        #expect(try dependencies("SELECT * FROM (WITH c AS (SELECT 1) SELECT * FROM c) x, c").reads == ["c"])
    }

    @Test func createdTablesAndFiles() throws {
        let view = try dependencies("CREATE OR REPLACE TEMP VIEW Song_Plays AS SELECT * FROM json.`log/*.json` l JOIN songs s ON l.song = s.title")
        #expect(view.creates == "song_plays")
        #expect(view.reads == ["songs"])
        #expect(view.files == ["log/*.json"])
        let using = try dependencies("CREATE TEMP VIEW raw USING json OPTIONS (path 'song_data/*/*/*/*.json')")
        #expect(using.creates == "raw")
        #expect(using.files == ["song_data/*/*/*/*.json"])
        let table = try dependencies("CREATE TABLE songs USING parquet PARTITIONED BY (year) LOCATION 'out' AS SELECT * FROM staging")
        #expect(table.creates == "songs")
        #expect(table.reads == ["staging"])
        #expect(try dependencies("CACHE TABLE c AS SELECT * FROM songs").creates == "c")
        #expect(try dependencies("CACHE TABLE songs").reads == ["songs"])
        #expect(try dependencies("INSERT OVERWRITE DIRECTORY 'o' USING parquet SELECT * FROM songplays").reads == ["songplays"])
        #expect(try dependencies("DROP VIEW IF EXISTS v").drops == "v")
    }

    @Test func commandsThatReadATable() throws {
        #expect(try dependencies("DESCRIBE songs").reads == ["songs"])
        #expect(try dependencies("EXPLAIN SELECT * FROM songs").reads == ["songs"])
        #expect(try dependencies("SELECT * FROM a UNION SELECT * FROM b INTERSECT TABLE c").reads == ["a", "b", "c"])
        #expect(try dependencies("SET x=1").reads.isEmpty)
        #expect(try dependencies("SELECT (SELECT max(y) FROM m) + 1").reads == ["m"])
    }
}
