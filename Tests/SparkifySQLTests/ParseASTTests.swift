import Testing
import SparkifyTables
@testable import SparkifySQL

/// The shape of the AST the binder relies on: positions, literal types, structure.
@Suite struct ParseASTTests {
    func select(_ text: String) throws -> ASTSelect {
        guard case let .query(query) = try SQLParser.parseStatement(text), case let .select(select) = query.body else {
            throw SQLError(.syntax, "not a plain select")
        }
        return select
    }

    @Test func nodesCarryTheirPositions() throws {
        let select = try select("SELECT a,\n       sum(b) AS total\nFROM db.t x\nWHERE 'lit' = c")
        #expect(select.items[0].expression.position == SourcePosition(line: 1, column: 8))
        #expect(select.items[1].expression.position == SourcePosition(line: 2, column: 8))
        #expect(select.items[1].alias?.position == SourcePosition(line: 2, column: 18))
        guard case let .table(name, alias) = select.from[0] else {
            Issue.record("not a table")
            return
        }
        #expect(name.position == SourcePosition(line: 3, column: 6))
        #expect(alias?.name.position == SourcePosition(line: 3, column: 11))
        guard case let .binary(.equal, left, right)? = select.whereClause?.kind else {
            Issue.record("not a comparison")
            return
        }
        #expect(left.position == SourcePosition(line: 4, column: 7))
        #expect(right.position == SourcePosition(line: 4, column: 15))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let select = try select("SELECT 'héllo日本', x")
        #expect(select.items[1].expression.position == SourcePosition(line: 1, column: 19))
    }

    @Test func literalTypesFollowSpark() throws {
        let select = try select("SELECT 1, 3000000000, 10L, 1.50, 1e2, 'x', DATE '2018-11-01', -7, NULL, true")
        let kinds = select.items.map(\.expression.kind)
        #expect(kinds[0] == .literal(.integer(1, .int)))
        #expect(kinds[1] == .literal(.integer(3_000_000_000, .bigint)))
        #expect(kinds[2] == .literal(.integer(10, .bigint)))
        #expect(kinds[3] == .literal(.decimal("1.50")))
        #expect(kinds[4] == .literal(.double(100)))
        #expect(kinds[5] == .literal(.string("x")))
        #expect(kinds[6] == .literal(.date("2018-11-01")))
        #expect(kinds[7] == .literal(.integer(-7, .int)))
        #expect(kinds[8] == .literal(.null))
        #expect(kinds[9] == .literal(.boolean(true)))
    }

    @Test func stringEscapesFollowSpark() throws {
        let select = try select(#"SELECT 'a\nb', 'tab\t', 'q\'', "dq\"", 'back\\slash', 'keep\%\_', '\u00e9', 'x\y'"#)
        let values = select.items.map { item -> String in
            if case let .literal(.string(value)) = item.expression.kind { return value }
            return "?"
        }
        #expect(values == ["a\nb", "tab\t", "q'", "dq\"", "back\\slash", "keep\\%\\_", "é", "xy"])
        let emoji = try self.select(#"SELECT '\uD83D\uDE00', '\U0001F600', '\uD83D', '\012'"#)
        let emojiValues = emoji.items.map { item -> String in
            if case let .literal(.string(value)) = item.expression.kind { return value }
            return "?"
        }
        #expect(emojiValues == ["😀", "😀", "\u{FFFD}", "\n"])
    }

    @Test func equalityIgnoresPositionsAndFunctionNameCase() throws {
        let first = try SQLParser.parseExpression("SUM(a + 1)")
        let second = try SQLParser.parseExpression("  sum( a+1 )")
        #expect(first == second)
        #expect(first.hashValue == second.hashValue)
        #expect(first != (try SQLParser.parseExpression("sum(a + 2)")))
    }

    @Test func groupByOrdinalsStayLiterals() throws {
        let select = try select("SELECT a, count(*) FROM t GROUP BY 1")
        #expect(select.groupBy?.expressions.first?.kind == .literal(.integer(1, .int)))
    }

    @Test func dataTypesMapToTableTypes() throws {
        #expect(try SQLParser.parseDataType("bigint").tableType() == .bigint)
        #expect(try SQLParser.parseDataType("smallint").tableType() == .int)
        #expect(try SQLParser.parseDataType("varchar(5)").tableType() == .string)
        #expect(try SQLParser.parseDataType("decimal(10,2)").tableType() == .decimal(precision: 10, scale: 2))
        #expect(try SQLParser.parseDataType("array<struct<a:int,b:string>>").tableType()
            == .array(.structure([Field("a", .int), Field("b", .string)])))
        #expect(throws: SQLError.self) { try SQLParser.parseDataType("map<string,int>").tableType() }
        #expect(throws: SQLError.self) { try SQLParser.parseDataType("int extra") }
    }

    @Test func setCommandsKeepTheRawValue() throws {
        #expect(try SQLParser.parseStatement("SET a.b = 'x y' ;") == .set(.assign(key: "a.b", value: "'x y'")))
        #expect(try SQLParser.parseStatement("SET k=v=w") == .set(.assign(key: "k", value: "v=w")))
        #expect(try SQLParser.parseStatement("SET k=") == .set(.assign(key: "k", value: "")))
        #expect(try SQLParser.parseStatement("set  -v") == .set(.list(verbose: true)))
        #expect(try SQLParser.parseStatement("SET `odd key` = `v;w`") == .set(.assign(key: "odd key", value: "v;w")))
        #expect(try SQLParser.parseStatement("SET TIME ZONE LOCAL") == .set(.assign(key: "spark.sql.session.timeZone", value: "LOCAL")))
        #expect(try SQLParser.parseStatement("SET x='unterminated") == .set(.assign(key: "x", value: "'unterminated")))
        #expect(try SQLParser.parseStatement("/* c */ RESET") == .reset(key: nil))
    }

    @Test func viewsKeepTheirQueryText() throws {
        let statement = try SQLParser.parseStatement("CREATE TEMP VIEW v AS\n  SELECT a  FROM t -- note\n;")
        guard case let .createView(view) = statement else {
            Issue.record("not a view")
            return
        }
        #expect(view.queryText == "SELECT a  FROM t")
        #expect(view.scope == .temporary)
    }

    /// Spark's default mode lets non-reserved keywords name columns, tables and aliases.
    @Test func nonReservedKeywordsAreNames() throws {
        for keyword in SQLKeywords.all where !SQLKeywords.isReserved(keyword) {
            let name = keyword.lowercased()
            let text = "SELECT \(name), t.\(name) AS \(name), f(\(name)) \(name) FROM \(name) AS t JOIN \(name) \(name) "
                + "ON t.\(name) = \(name).x WHERE \(name) > 1 GROUP BY \(name) ORDER BY \(name)"
            do {
                let statement = try SQLParser.parseStatement(text)
                guard case let .query(query) = statement, case let .select(select) = query.body else {
                    Issue.record("\(keyword): not a select")
                    continue
                }
                #expect(select.items.count == 3, "\(keyword)")
                #expect(select.items[0].expression.kind == .column([name]), "\(keyword)")
                #expect(select.items[2].alias?.name == name, "\(keyword)")
                #expect(try SQLParser.parseStatement(statement.description) == statement, "\(keyword)")
            } catch {
                Issue.record("\(keyword): \(error.rendered(source: text))")
            }
        }
    }

    @Test func keywordsForCompletion() {
        #expect(SQLKeywords.all.contains("SELECT"))
        #expect(SQLKeywords.all == SQLKeywords.all.sorted())
        #expect(SQLKeywords.completions(of: "gro") == ["GROUP", "GROUPING"])
        #expect(SQLKeywords.isReserved("from"))
        #expect(!SQLKeywords.isReserved("year"))
        #expect(SQLKeywords.reserved.isSubset(of: Set(SQLKeywords.all).union(["LATERAL"])))
    }

    @Test func dataFrameStyleEntryPoints() throws {
        let item = try SQLParser.parseSelectItem("count(DISTINCT userId) AS users")
        #expect(item.alias?.name == "users")
        #expect(item.expression.description == "count(DISTINCT userId)")
        #expect(try SQLParser.parseSelectItem("a + 1 b").alias?.name == "b")
        #expect(try SQLParser.parseSelectItem("a").alias == nil)
        #expect(try SQLParser.parseObjectName("db.`my table`").parts == ["db", "my table"])
        #expect(throws: SQLError.self) { try SQLParser.parseObjectName("a b") }
        let schema = try SQLParser.parseSchema("a INT, b: STRING NOT NULL, `c d` ARRAY<STRING> COMMENT 'x'")
        #expect(schema.map(\.name.name) == ["a", "b", "c d"])
        #expect(schema.map(\.type) == [.int, .string, .array(.string)])
        #expect(schema.map(\.nullable) == [true, false, true])
        #expect(throws: SQLError.self) { try SQLParser.parseSchema("a INT,") }
    }

    @Test func parseExpressionAndQueryEntryPoints() throws {
        #expect(try SQLParser.parseExpression("a BETWEEN 1 AND 2").description == "(a BETWEEN 1 AND 2)")
        #expect(try SQLParser.parseQuery("SELECT 1 UNION SELECT 2").description == "SELECT 1 UNION SELECT 2")
        #expect(throws: SQLError.self) { try SQLParser.parseExpression("a b") }
    }
}
