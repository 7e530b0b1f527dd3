import SparkifyTables

/// Row selection: WHERE, LIMIT and OFFSET as lists of row indices to gather.
public enum RowSelection {
    /// Rows where `predicate` is true (NULL and false drop the row).
    public static func filter(_ predicate: Column) throws -> [Int] {
        guard case let .boolean(values) = predicate.values else {
            throw SQLError(.analysis, "a filter needs a boolean condition, not \(predicate.type.simpleString)",
                           errorClass: "DATATYPE_MISMATCH.FILTER_NOT_BOOLEAN")
        }
        var rows = [Int]()
        values.withUnsafeBufferPointer { v in
            if let validity = predicate.validity {
                for i in 0..<v.count where v[i] && validity.isValid(i) { rows.append(i) }
            } else {
                for i in 0..<v.count where v[i] { rows.append(i) }
            }
        }
        return rows
    }

    /// One Bool per row of a boolean condition, NULL as false: what a join's residual
    /// condition returns to `HashJoin.join`.
    public static func mask(_ predicate: Column) throws -> [Bool] {
        guard case let .boolean(values) = predicate.values else {
            throw SQLError(.analysis, "a join condition needs a boolean, not \(predicate.type.simpleString)",
                           errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
        }
        guard let validity = predicate.validity else { return values }
        return values.indices.map { values[$0] && validity.isValid($0) }
    }

    /// Rows `offset..<offset + limit` of `rowCount` (limit nil: to the end).
    public static func limit(rowCount: Int, limit: Int?, offset: Int = 0) -> Range<Int> {
        let start = min(rowCount, max(0, offset))
        let end = limit.map { min(rowCount, start + max(0, $0)) } ?? rowCount
        return start..<end
    }

    /// `indices` as a list (for `Column.gather`), keeping only the selected range of it.
    public static func limit(_ indices: [Int], limit: Int?, offset: Int = 0) -> [Int] {
        Array(indices[self.limit(rowCount: indices.count, limit: limit, offset: offset)])
    }
}
