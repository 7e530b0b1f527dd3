import SparkifyTables

/// `WHERE x NOT IN (SELECT y ...)`: an anti join where NULL means "unknown".
extension HashJoin {
    /// Left rows for which `left NOT IN (right values)` is true: every row when `right` is
    /// empty; otherwise none when `right` holds a NULL, else the rows whose non-NULL value
    /// is absent from `right` (a NULL `left` value is unknown, so dropped).
    public static func nullAwareAntiRows(left: Column, right: Column, context: OperatorContext = OperatorContext()) throws -> [Int] {
        if right.count == 0 { return Array(0..<left.count) }
        if right.nullCount > 0 { return [] }
        let codes = try keyCodes(left: [left], right: [right], nullSafe: [false], context: context)
        return codes.left.indices.filter { codes.left[$0] < 0 && !left.isNull($0) }
    }
}
