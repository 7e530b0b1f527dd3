import SparkifyTables

/// `x IN (SELECT ...)` and `x NOT IN (SELECT ...)` as Spark evaluates them.
///
/// IN is an existence test: true when some row of the subquery equals `x` (NULLs equal
/// nothing), false otherwise, never NULL. NOT IN is null-aware: true when the subquery is
/// empty; otherwise NULL when `x` or any subquery value is NULL and no match decides it.
enum SubqueryMembership {
    static func evaluate(_ values: [Column], in list: [Column], negated: Bool, context: OperatorContext) throws -> Column {
        let n = values.first?.count ?? 0
        let m = list.first?.count ?? 0
        if m == 0 { return constant(negated, count: n) }
        let combined = try SetOperation.concatenate(values, list)
        let grouping = try KeyGrouping.make(keys: combined, context: context)
        func hasNull(_ columns: [Column], _ row: Int) -> Bool { columns.contains { $0.isNull(row) } }
        var present = [Bool](repeating: false, count: grouping.groupCount)
        var listHasNull = false
        for r in 0..<m {
            if hasNull(list, r) { listHasNull = true } else { present[Int(grouping.groupIds[n + r])] = true }
        }
        var result = [Bool](repeating: false, count: n)
        var validity = Validity(count: n, allValid: true)
        for i in 0..<n {
            let found = !hasNull(values, i) && present[Int(grouping.groupIds[i])]
            if !negated {
                result[i] = found
            } else if found {
                result[i] = false
            } else if hasNull(values, i) || listHasNull {
                validity.set(i, valid: false)
            } else {
                result[i] = true
            }
        }
        return Column(type: .boolean, values: .boolean(result), validity: validity.nullCount > 0 ? validity : nil)
    }

    private static func constant(_ value: Bool, count: Int) -> Column {
        Column(type: .boolean, values: .boolean([Bool](repeating: value, count: count)))
    }
}
