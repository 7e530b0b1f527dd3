import Testing
@testable import SparkifySQL

@Suite struct ParseSubstitutionTests {
    let settings = [
        "input": "s3a://udacity-dend/",
        "table": "songs",
        "n": "10",
        "spark.sql.session.timeZone": "UTC",
        "nested": "${table}_v2",
        "loop": "${loop2}",
        "loop2": "${hiveconf:loop}",
    ]

    func substitute(_ text: String) throws(SQLError) -> String {
        try substituteVariables(in: text) { settings[$0] }
    }

    @Test func replacesAllPrefixesTheSame() throws {
        #expect(try substitute("SELECT * FROM ${table} LIMIT ${n}") == "SELECT * FROM songs LIMIT 10")
        #expect(try substitute("${hiveconf:table} ${hivevar:table} ${spark:table} ${sparkconf:table}")
            == "songs songs songs songs")
        #expect(try substitute("${spark.sql.session.timeZone}") == "UTC")
    }

    @Test func replacesInsideStringsAndBackquotes() throws {
        #expect(try substitute("SELECT * FROM json.`${input}song_data/*.json` WHERE x = '${n}'")
            == "SELECT * FROM json.`s3a://udacity-dend/song_data/*.json` WHERE x = '10'")
    }

    @Test func undefinedBecomesEmpty() throws {
        #expect(try substitute("SELECT '${missing}'") == "SELECT ''")
        #expect(try substitute("SELECT '${hivevar:missing}x'") == "SELECT 'x'")
    }

    @Test func leavesOtherTextAlone() throws {
        #expect(try substitute("SELECT '$', '${', '${}', '${a b}', '$table', '{table}'")
            == "SELECT '$', '${', '${}', '${a b}', '$table', '{table}'")
        #expect(try substitute("${env:HOME} ${system:user.name} ${other:table}") == "${env:HOME} ${system:user.name} ${other:table}")
        #expect(try substitute("") == "")
        #expect(try substitute("日本 ${table} é") == "日本 songs é")
    }

    @Test func nameRunsToTheFirstClosingBrace() throws {
        // `${a.b:c}` has no prefix (the part before the colon is not a word), so the whole is a key.
        let text = try substituteVariables(in: "${a.b:c}|${x:}|${t}}") { key in key == "a.b:c" ? "1" : (key == "x:" ? "2" : "3") }
        #expect(text == "1|2|3}")
    }

    @Test func valuesAreSubstitutedAgainAndCyclesFail() throws {
        #expect(try substitute("SELECT * FROM ${nested}") == "SELECT * FROM songs_v2")
        #expect(throws: SQLError.self) { try substitute("${loop}") }
    }

    @Test func substitutedStatementsParse() throws {
        let text = try substitute("CREATE TEMP VIEW v AS SELECT * FROM json.`${input}log_data` LIMIT ${n}")
        let statement = try SQLParser.parseStatement(text)
        #expect(statement.description == "CREATE TEMPORARY VIEW v AS SELECT * FROM json.`s3a://udacity-dend/log_data` LIMIT 10")
    }

    @Test func errorPositionsReferToTheSubstitutedText() throws {
        let text = try substitute("SELECT ${table} FORM t")
        do {
            _ = try SQLParser.parseStatement(text)
            Issue.record("parsed")
        } catch {
            #expect(error.position == SourcePosition(line: 1, column: 14))
            #expect(error.rendered(source: text).hasSuffix("SELECT songs FORM t\n             ^"))
        }
    }
}
