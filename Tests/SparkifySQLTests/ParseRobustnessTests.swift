import Testing
@testable import SparkifySQL

/// Garbled, truncated and hostile input must give an `SQLError`, never a trap or a stack overflow.
@Suite struct ParseRobustnessTests {
    static let seeds = [
        "SELECT a, count(DISTINCT b) AS n FROM t JOIN u ON t.id = u.id WHERE a > 1 GROUP BY a HAVING n > 2 ORDER BY a DESC NULLS LAST LIMIT 5",
        "WITH c AS (SELECT 1 AS x) SELECT CASE WHEN x BETWEEN 1 AND 2 THEN 'a\\'b' ELSE \"c\" END FROM c",
        "CREATE OR REPLACE TEMP VIEW v USING json OPTIONS (path 'a/*.json', multiLine 'true')",
        "SELECT sum(x) OVER (PARTITION BY a ORDER BY b ROWS BETWEEN 1 PRECEDING AND CURRENT ROW) FROM t /* c */ -- d",
        "SELECT CAST(a AS decimal(10,2)), b::array<struct<x:int>>, `q``x`, 1e3, 10L, .5, X'0A' FROM json.`p/*`",
        "SELECT a FROM t UNION ALL (SELECT b FROM u INTERSECT SELECT c FROM v) EXCEPT SELECT d FROM w",
        "INSERT OVERWRITE DIRECTORY 'out' USING parquet SELECT * FROM t WHERE a IN (SELECT b FROM u) AND NOT EXISTS (SELECT 1)",
        "SET spark.sql.shuffle.partitions = 4",
    ]

    /// Parses, and if it parses, prints and re-parses: neither may trap.
    private func exercise(_ text: String) {
        do {
            let statement = try SQLParser.parseStatement(text)
            _ = statement.dependencies
            _ = try? SQLParser.parseStatement(statement.description)
        } catch {
            #expect(error.position == nil || error.position!.line >= 1)
            _ = error.rendered(source: text)
        }
    }

    @Test func everyTruncationFailsCleanly() {
        for seed in Self.seeds {
            let characters = Array(seed)
            for length in 0...characters.count { exercise(String(characters[0..<length])) }
        }
    }

    @Test func randomMutationsFailCleanly() {
        var generator = SplitMix(seed: 42)
        let alphabet = Array("abcSELECTFROMWHERE()[]<>=!'\"`;,.*+-/%|&^~:?@#$\\ \n\t0123456789eEL") + ["é", "日", "\u{0}"]
        for seed in Self.seeds {
            for _ in 0..<300 {
                var characters = Array(seed)
                for _ in 0..<Int.random(in: 1...4, using: &generator) {
                    guard !characters.isEmpty else { break }
                    let at = Int.random(in: 0..<characters.count, using: &generator)
                    switch Int.random(in: 0..<3, using: &generator) {
                    case 0: characters.remove(at: at)
                    case 1: characters.insert(alphabet.randomElement(using: &generator)!, at: at)
                    default: characters[at] = alphabet.randomElement(using: &generator)!
                    }
                }
                exercise(String(characters))
            }
        }
    }

    @Test func randomTokenSoupFailsCleanly() {
        var generator = SplitMix(seed: 7)
        let words = ["SELECT", "FROM", "WHERE", "(", ")", ",", "a", "1", "'s'", "AND", "OR", "NOT", "IN", "CASE", "WHEN",
                     "THEN", "END", "JOIN", "ON", "UNION", "OVER", "BY", "ORDER", "GROUP", "CAST", "AS", "int", "<", ">",
                     "::", "*", "-", "WITH", "VALUES", "EXISTS", "IS", "NULL", "BETWEEN", "[", "]", ".", "->", "`x`"]
        for _ in 0..<3000 {
            let count = Int.random(in: 1...25, using: &generator)
            let text = (0..<count).map { _ in words.randomElement(using: &generator)! }.joined(separator: " ")
            exercise(text)
        }
    }

    @Test func deepParenthesesAreRefused() {
        for depth in [SQLParser.maxDepth + 1, 20_000] {
            let text = "SELECT " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
            #expect(throws: SQLError.self) { try SQLParser.parseStatement(text) }
        }
        let fine = "SELECT " + String(repeating: "(", count: 50) + "1" + String(repeating: ")", count: 50)
        #expect(throws: Never.self) { try SQLParser.parseStatement(fine) }
    }

    @Test func deepPrefixOperatorsAreRefused() {
        for prefix in ["NOT ", "- ", "~", "!"] {
            let text = "SELECT " + String(repeating: prefix, count: 50_000) + "a"
            #expect(throws: SQLError.self) { try SQLParser.parseStatement(text) }
        }
    }

    @Test func deepSubqueriesAndTypesAreRefused() {
        let subqueries = String(repeating: "SELECT * FROM (", count: 5_000) + "SELECT 1" + String(repeating: ")", count: 5_000)
        #expect(throws: SQLError.self) { try SQLParser.parseStatement(subqueries) }
        let type = "SELECT CAST(a AS " + String(repeating: "array<", count: 5_000) + "int" + String(repeating: ">", count: 5_000) + ")"
        #expect(throws: SQLError.self) { try SQLParser.parseStatement(type) }
        let explains = String(repeating: "EXPLAIN ", count: 5_000) + "SELECT 1"
        #expect(throws: SQLError.self) { try SQLParser.parseStatement(explains) }
        let cases = "SELECT " + String(repeating: "CASE WHEN a THEN ", count: 5_000) + "1"
        #expect(throws: SQLError.self) { try SQLParser.parseStatement(cases) }
    }

    @Test func longOperatorChainsAreBounded() throws {
        let long = "SELECT " + Array(repeating: "a", count: SQLParser.maxHeight - 10).joined(separator: " + ")
        let statement = try SQLParser.parseStatement(long)
        #expect(statement.description.hasPrefix("SELECT ((((("))
        let tooLong = "SELECT " + Array(repeating: "a", count: 5_000).joined(separator: " OR ")
        #expect(throws: SQLError.self) { try SQLParser.parseStatement(tooLong) }
        let manyUnions = Array(repeating: "SELECT 1", count: 5_000).joined(separator: " UNION ")
        #expect(throws: SQLError.self) { try SQLParser.parseStatement(manyUnions) }
    }

    @Test func wideButShallowInputParses() throws {
        let items = (0..<5_000).map { "c\($0)" }.joined(separator: ", ")
        let statement = try SQLParser.parseStatement("SELECT \(items) FROM t WHERE x IN (\(items))")
        guard case let .query(query) = statement, case let .select(select) = query.body else {
            Issue.record("not a select")
            return
        }
        #expect(select.items.count == 5_000)
    }

    @Test func errorsAlwaysCarryAPositionInsideTheText() {
        let inputs = ["SELECT", "SELECT 'x", "SELECT a FROM", "(((", "SELECT /*", "CREATE", "SELECT 1 +", "\n\n  SELECT a b c"]
        for input in inputs {
            do {
                _ = try SQLParser.parseStatement(input)
                Issue.record("\(input) parsed")
            } catch {
                guard let position = error.position else {
                    Issue.record("no position for \(input)")
                    continue
                }
                let lines = input.split(separator: "\n", omittingEmptySubsequences: false)
                #expect(position.line <= lines.count, "\(input)")
                #expect(error.rendered(source: input).hasSuffix("^"), "\(input)")
            }
        }
    }
}

/// A small deterministic generator so fuzz failures repeat.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
