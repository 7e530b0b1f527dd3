/// One record of a sqllogictest file: a statement or a query with what it must give.
struct SQLLogicRecord {
    enum Expectation {
        case ok
        /// An error whose text contains this (Spark's error class, or a stable message part).
        case error(String)
        /// Rows as tab-separated text lines.
        case rows(columnTypes: String, sort: SortMode, lines: [String])
    }

    enum SortMode: String {
        case noSort = "nosort"
        case rowSort = "rowsort"
        case valueSort = "valuesort"
    }

    var sql: String
    var expectation: Expectation
    /// Where the record starts in its file, for failure messages.
    var line: Int
    /// `skipif sparkify` before the record: an intended difference from Spark, explained in a
    /// comment beside it; the record runs (it must not crash) but its answer is not checked.
    var skipped = false
}

/// Parses the sqllogictest format as DuckDB and DataFusion write it.
enum SQLLogicFile {
    struct FormatError: Error, CustomStringConvertible {
        var line: Int
        var message: String
        var description: String { "line \(line): \(message)" }
    }

    static func parse(_ text: String) throws -> [SQLLogicRecord] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0.hasSuffix("\r") ? $0.dropLast() : $0) }
        var records: [SQLLogicRecord] = []
        var skipNext = false
        var i = 0
        while i < lines.count {
            let header = lines[i].trimmingWhitespace
            if header.isEmpty || header.hasPrefix("#") { i += 1; continue }
            if header == "skipif sparkify" {
                skipNext = true
                i += 1
                continue
            }
            if header.hasPrefix("skipif ") || header.hasPrefix("onlyif ") { i += 1; continue }
            let recordsBefore = records.count
            defer {
                if records.count > recordsBefore { records[records.count - 1].skipped = skipNext }
                skipNext = false
            }
            let start = i + 1
            let words = header.split(separator: " ", maxSplits: 2).map(String.init)
            i += 1
            var sqlLines: [String] = []
            while i < lines.count, !lines[i].trimmingWhitespace.isEmpty, lines[i] != "----" {
                sqlLines.append(lines[i])
                i += 1
            }
            let sql = sqlLines.joined(separator: "\n")
            guard !sql.isEmpty else { throw FormatError(line: start, message: "a record without SQL") }
            switch (words.first, words.count > 1 ? words[1] : nil) {
            case ("statement", "ok"):
                records.append(SQLLogicRecord(sql: sql, expectation: .ok, line: start))
            case ("statement", "error"), ("query", "error"):
                let expected = words.count > 2 ? words[2] : ""
                records.append(SQLLogicRecord(sql: sql, expectation: .error(expected), line: start))
                if i < lines.count, lines[i] == "----" {
                    i += 1
                    while i < lines.count, !lines[i].isEmpty { i += 1 }
                }
            case ("query", let types?):
                let sort = SQLLogicRecord.SortMode(rawValue: words.count > 2 ? words[2].trimmingWhitespace : "nosort") ?? .noSort
                var expected: [String] = []
                if i < lines.count, lines[i] == "----" {
                    i += 1
                    while i < lines.count, !lines[i].isEmpty {
                        expected.append(lines[i])
                        i += 1
                    }
                }
                records.append(SQLLogicRecord(sql: sql, expectation: .rows(columnTypes: types, sort: sort, lines: expected), line: start))
            default:
                throw FormatError(line: start, message: "unknown record header `\(header)`")
            }
        }
        return records
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
