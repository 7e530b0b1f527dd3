import SparkifyTables

/// `x IN (SELECT ...)` with Spark's NULL semantics: true when found; otherwise NULL when `x`
/// is NULL or the subquery returned a NULL; false when the subquery returned nothing.
enum SubqueryMembership {
    static func evaluate(_ values: Column, in list: Column, context: OperatorContext) throws -> Column {
        let n = values.count
        if list.count == 0 { return Column(type: .boolean, values: .boolean([Bool](repeating: false, count: n))) }
        let combined = try SetOperation.concatenate([values], [list])[0]
        let grouping = try KeyGrouping.make(keys: [combined], context: context)
        var present = [Bool](repeating: false, count: grouping.groupCount)
        var listHasNull = false
        for r in 0..<list.count {
            if list.isNull(r) { listHasNull = true } else { present[Int(grouping.groupIds[n + r])] = true }
        }
        var result = [Bool](repeating: false, count: n)
        var validity = Validity(count: n, allValid: true)
        for i in 0..<n {
            if values.isNull(i) {
                validity.set(i, valid: false)
            } else if present[Int(grouping.groupIds[i])] {
                result[i] = true
            } else if listHasNull {
                validity.set(i, valid: false)
            }
        }
        return Column(type: .boolean, values: .boolean(result), validity: validity.nullCount > 0 ? validity : nil)
    }
}
