import Testing
import SparkifyTerminal

/// Tab completion as a pure function: text typed so far + the session's names → choices.
@Suite struct CompleterTests {
    static let context = CompletionContext(
        commands: [".cells", ".describe", ".help", ".mode", ".next", ".open", ".run", ".schema", ".show", ".tables"],
        cellNames: ["staging_songs", "staging_events", "songs", "artists"],
        tables: [
            (name: "artists", columns: ["artist_id", "name", "location"]),
            (name: "songplays", columns: ["songplay_id", "start_time", "artist_id", "song_id", "level"]),
            (name: "songs", columns: ["song_id", "title", "artist_id", "year", "duration"]),
        ],
        keywords: ["FROM", "JOIN", "SELECT", "TIMESTAMP", "WHERE"],
        functions: ["timestamp_millis", "upper", "year"],
        argumentChoices: [".mode": ["box", "csv", "json", "markdown", "spark"]],
        listDirectory: { directory in
            switch directory {
            case "": return ["samples/", "Package.swift"]
            case "samples/": return ["data/", "etl.sql", ".hidden"]
            case "samples/data/": return ["log_data/", "song_data/", "README.md"]
            default: return []
            }
        })

    func complete(_ before: String, after: String = "", pending: String = "") -> Completion {
        Completer(context: Self.context).complete(pending: pending, textBeforeCursor: before, textAfterCursor: after)
    }

    @Test func dotCommandNames() {
        #expect(complete(".s").candidates == [".schema", ".show"])
        #expect(complete(".ne") == Completion(prefix: ".ne", candidates: [".next"]))
        #expect(complete("  .ta").candidates == [".tables"])
    }

    @Test func cellNamesAfterRun() {
        #expect(complete(".run stag").candidates == ["staging_events", "staging_songs"])
        #expect(complete(".run a").candidates == ["all", "artists"])
        #expect(complete(".run ").candidates.count == 5)
    }

    @Test func tablesAfterShowSchemaDescribe() {
        #expect(complete(".show so").candidates == ["songplays", "songs"])
        #expect(complete(".schema ART").candidates == ["artists"])
        #expect(complete(".describe songs 1").candidates.isEmpty)
    }

    @Test func fixedChoicesAndHelpTopics() {
        #expect(complete(".mode m").candidates == ["markdown"])
        #expect(complete(".help sh").candidates == ["show"])
        #expect(complete(".help .sc").candidates == [".schema"])
    }

    @Test func tablesAfterFromAndJoin() {
        #expect(complete("SELECT * FROM so").candidates == ["songplays", "songs"])
        #expect(complete("select * from songs s join ar").candidates == ["artists"])
        #expect(complete("SELECT * FROM ").candidates == ["artists", "songplays", "songs"])
    }

    @Test func columnsOfTheTablesTheStatementNames() {
        let found = complete("SELECT ti", after: " FROM songs").candidates
        #expect(found.first == "title")
        #expect(found.contains("timestamp"))
        #expect(found.contains("timestamp_millis("))
        #expect(!complete("SELECT lev", after: " FROM songs").candidates.contains("level"))
        #expect(complete("SELECT lev", after: " FROM songplays").candidates == ["level"])
    }

    @Test func qualifiedColumnsThroughAliases() {
        #expect(complete("SELECT sp.s", after: " FROM songplays sp").candidates == ["song_id", "songplay_id", "start_time"])
        #expect(complete("SELECT a.", after: " FROM songplays sp JOIN artists AS a ON sp.artist_id = a.artist_id")
            .candidates == ["artist_id", "location", "name"])
        #expect(complete("SELECT songs.ye", after: " FROM songs").candidates == ["year"])
        #expect(complete("SELECT nosuch.").candidates.isEmpty)
    }

    @Test func earlierLinesOfAnUnfinishedStatementCount() {
        let completion = complete("WHERE s.dur", pending: "SELECT *\nFROM songs s\n")
        #expect(completion == Completion(prefix: "dur", candidates: ["duration"]))
        // A line starting with `.` inside a statement is SQL, not a command.
        #expect(!complete(".", pending: "SELECT 1\n").candidates.contains(".run"))
    }

    @Test func keywordsFollowTheTypedCase() {
        #expect(complete("sel").candidates == ["select"])
        #expect(complete("SEL").candidates == ["SELECT"])
        #expect(complete("upp").candidates == ["upper("])
    }

    @Test func pathsInsideQuotesAndBackquotes() {
        let inBackquotes = complete("SELECT * FROM json.`samples/da")
        #expect(inBackquotes == Completion(prefix: "samples/da", candidates: ["samples/data/"], isPath: true))
        #expect(complete("SELECT * FROM json.`samples/data/lo").candidates == ["samples/data/log_data/"])
        #expect(complete("SELECT '").candidates == ["Package.swift", "samples/"])
        #expect(complete(".open samples/e").candidates == ["samples/etl.sql"])
        #expect(complete(".open samples/.h").candidates == ["samples/.hidden"])
        // A closed string is not a path context.
        #expect(complete("SELECT 'x' FROM so").candidates == ["songplays", "songs"])
    }

    @Test func commonPrefixOfTheChoices() {
        #expect(complete(".run stag").commonPrefix == "staging_")
        #expect(complete(".s").commonPrefix == ".s")
        #expect(Completion(prefix: "x", candidates: []).commonPrefix == "x")
    }
}
