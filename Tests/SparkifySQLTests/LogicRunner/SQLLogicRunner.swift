import SparkifySQL
import SparkifyTables

/// Replays sqllogictest records against a fresh `SQLSession` and reports every mismatch.
struct SQLLogicRunner {
    struct Failure: CustomStringConvertible {
        var file: String
        var line: Int
        var sql: String
        var problem: String
        var description: String { "\(file):\(line): \(problem)\n  SQL: \(sql.replacingNewlines)" }
    }

    /// The folder of the .test files; `${logic}` in them names it.
    let folder: String

    func run(file: String, records: [SQLLogicRecord]) -> [Failure] {
        let session = SQLSession()
        try? session.set("logic", folder)
        var failures: [Failure] = []
        for record in records {
            if record.skipped {
                _ = try? session.execute(record.sql)
                continue
            }
            if let problem = check(record, in: session) {
                failures.append(Failure(file: file, line: record.line, sql: record.sql, problem: problem))
            }
        }
        return failures
    }

    /// Nil when the record holds, else what went wrong.
    private func check(_ record: SQLLogicRecord, in session: SQLSession) -> String? {
        let result: Result<[StatementResult], Error> = Result { try session.execute(record.sql) }
        switch (record.expectation, result) {
        case (.ok, .success):
            return nil
        case let (.ok, .failure(error)):
            return "expected success, got error: \(error)"
        case let (.error(expected), .failure(error)):
            let text = "\(error)"
            return expected.isEmpty || text.contains(expected) ? nil : "expected an error containing `\(expected)`, got: \(text)"
        case let (.error(expected), .success):
            return "expected an error containing `\(expected)`, but it succeeded"
        case let (.rows, .failure(error)):
            return "expected rows, got error: \(error)"
        case let (.rows(types, sort, expected), .success(results)):
            guard let table = results.last?.table else { return "expected rows, got no result set" }
            guard table.schema.count == types.count else {
                return "expected \(types.count) columns (\(types)), got \(table.schema.count): \(table.schema.names)"
            }
            let actualTypes = String(table.schema.fields.map { SQLLogicRunner.typeLetter($0.type) })
            var actual: [String]
            do { actual = try SQLLogicRunner.lines(of: table, session: session) } catch { return "could not render the result: \(error)" }
            var wanted = expected
            switch sort {
            case .noSort: break
            case .rowSort:
                actual.sort(by: SQLLogicRunner.byteOrder)
                wanted.sort(by: SQLLogicRunner.byteOrder)
            case .valueSort:
                actual = actual.flatMap { $0.split(separator: "\t").map(String.init) }.sorted(by: SQLLogicRunner.byteOrder)
                wanted = wanted.flatMap { $0.split(separator: "\t").map(String.init) }.sorted(by: SQLLogicRunner.byteOrder)
            }
            if actual != wanted {
                return "rows differ\n  expected:\n" + wanted.map { "    " + $0 }.joined(separator: "\n")
                    + "\n  actual:\n" + actual.map { "    " + $0 }.joined(separator: "\n")
            }
            if actualTypes != types { return "column types \(actualTypes), expected \(types)" }
            return nil
        }
    }

    static func byteOrder(_ a: String, _ b: String) -> Bool { Array(a.utf8).lexicographicallyPrecedes(Array(b.utf8)) }

    static func typeLetter(_ type: DataType) -> Character {
        switch type {
        case .int, .bigint: return "I"
        case .double, .decimal: return "R"
        case .boolean: return "B"
        default: return "T"
        }
    }

    /// Each row as Spark's CAST(col AS STRING) of its values, tab-separated; NULL as `NULL`,
    /// the empty string as `(empty)`.
    static func lines(of table: Table, session: SQLSession) throws -> [String] {
        let strings = try table.columns.map { try session.castToString($0) }
        return (0..<table.rowCount).map { row in
            strings.map { column -> String in
                guard case let .string(text) = column.value(at: row) else { return "NULL" }
                if text.isEmpty { return "(empty)" }
                return text.replacingNewlines
            }.joined(separator: "\t")
        }
    }
}

extension String {
    var replacingNewlines: String {
        var out = ""
        for ch in self {
            switch ch {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(ch)
            }
        }
        return out
    }
}
