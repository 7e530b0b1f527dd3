import SparkifyTables

/// `GROUP BY ROLLUP(...)`, `CUBE(...)` and `GROUPING SETS (...)`: the group-by keys, which
/// of them each set groups by, and the hidden columns `grouping()` / `grouping_id()` read.
struct GroupingSets {
    /// Per set, the indices of the keys it groups by.
    let sets: [[Int]]
    /// `grouping_id()`: per set, a bigint with bit (n-1-i) set when key i is not in the set.
    let groupingID: PlanColumn
    /// `grouping(key i)`: 1 when key i is not in the set, else 0.
    let flags: [PlanColumn]

    /// Spark's expansion: ROLLUP(a, b) is ((a, b), (a), ()); CUBE(a, b) is every subset.
    static func sets(for kind: ASTGroupBy.Kind, keyCount n: Int) -> [[Int]] {
        switch kind {
        case .rollup: return (0...n).reversed().map { Array(0..<$0) }
        case .cube:
            return (0..<(1 << n)).map { mask in (0..<n).filter { mask & (1 << (n - 1 - $0)) == 0 } }
        default: return [Array(0..<n)]
        }
    }

    /// The `grouping_id()` of a set over `keyCount` keys.
    static func groupingID(of set: [Int], keyCount: Int) -> Int64 {
        (0..<keyCount).reduce(Int64(0)) { id, i in (id << 1) | (set.contains(i) ? 0 : 1) }
    }
}

extension Binder {
    /// The grouping-sets aggregate: one aggregate per set over the same input, keys outside
    /// the set replaced by typed NULLs, glued with UNION ALL. Its output is the keys' and
    /// aggregates' own columns (so the rest of the query binds as for a plain GROUP BY) and the
    /// hidden `grouping_id()` / `grouping()` columns.
    ///
    /// Spark plans Expand + one Aggregate (one pass over the input, keyed by the keys and the
    /// grouping id). The union needs no new plan node, so the optimizer and executor run it
    /// unchanged; the price is one evaluation of the input per set.
    func groupingSetsPlan(_ input: LogicalPlan, keys: [NamedExpression], aggregates: [NamedAggregate], grouping: GroupingSets) -> LogicalPlan {
        let output = keys.map(\.column) + aggregates.map(\.column) + [grouping.groupingID] + grouping.flags
        var result: LogicalPlan?
        for set in grouping.sets {
            let id = GroupingSets.groupingID(of: set, keyCount: keys.count)
            // The grouping id is a key too, as in Spark's Expand: the empty set then gives no
            // row over an empty input, where a global aggregate would give one.
            let idKey = NamedExpression(.literal(.bigint(id), .bigint), as: fresh(grouping.groupingID))
            let setKeys = set.map { i in NamedExpression(keys[i].expression, as: fresh(keys[i].column)) } + [idKey]
            let setAggregates = aggregates.map { NamedAggregate($0.call, as: fresh($0.column)) }
            var columns: [NamedExpression] = []
            for (i, key) in keys.enumerated() {
                if let at = set.firstIndex(of: i) {
                    columns.append(NamedExpression(setKeys[at].column.reference, as: fresh(key.column)))
                } else {
                    columns.append(NamedExpression(.literal(.null, key.column.type), as: fresh(key.column)))
                }
            }
            columns += setAggregates.map { NamedExpression($0.column.reference, as: fresh($0.column)) }
            columns.append(NamedExpression(idKey.column.reference, as: fresh(grouping.groupingID)))
            for (i, flag) in grouping.flags.enumerated() {
                columns.append(NamedExpression(.literal(.int(set.contains(i) ? 0 : 1), .int), as: fresh(flag)))
            }
            let branch = LogicalPlan.project(.aggregate(input, keys: setKeys, aggregates: setAggregates), columns)
            if let previous = result {
                let isLast = set == grouping.sets.last
                result = .setOperation(.union, all: true, previous, branch, output: isLast ? output : output.map(fresh))
            } else {
                result = branch
            }
        }
        if grouping.sets.count == 1, case let .project(child, columns)? = result {
            return .project(child, zip(columns, output).map { NamedExpression($0.expression, as: $1) })
        }
        return result ?? .aggregate(input, keys: keys, aggregates: aggregates)
    }

    private func fresh(_ column: PlanColumn) -> PlanColumn {
        PlanColumn(id: ids.make(), name: column.name, type: column.type, nullable: true)
    }

    /// `grouping(key)` and `grouping_id([keys])` of a ROLLUP, CUBE or GROUPING SETS query.
    func bindGroupingFunction(_ call: ASTFunctionCall, _ expression: ASTExpression, _ context: ExpressionContext) throws -> BoundExpression {
        let name = call.lowercasedName
        let position = expression.position
        guard let grouping = context.aggregates?.groupingSets, let keys = context.aggregates?.groupingKeys else {
            throw SQLError(.analysis, "grouping()/grouping_id() can only be used with GroupingSets/Cube/Rollup.",
                           errorClass: "UNSUPPORTED_GROUPING_EXPRESSION", at: position)
        }
        var argumentContext = context.plain
        argumentContext.clause = "aggregate argument"
        let args = try call.arguments.map { try bindExpression($0, argumentContext) }
        let keyTexts = keys.map(\.expression.description)
        if name == "grouping" {
            guard args.count == 1 else {
                throw SQLError(.analysis, "The `grouping` requires 1 parameters but the actual number is \(args.count).",
                               errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION", at: position)
            }
            guard let i = keyTexts.firstIndex(of: args[0].description) else {
                throw SQLError(.analysis, "Column of grouping (\(args[0])) can't be found in grouping columns \(keyTexts.joined(separator: ",")).",
                               errorClass: "GROUPING_COLUMN_MISMATCH", at: position)
            }
            return grouping.flags[i].reference
        }
        if args.isEmpty || args.map(\.description) == keyTexts { return grouping.groupingID.reference }
        throw SQLError(.analysis, "Columns of grouping_id (\(args.map(\.description).joined(separator: ","))) does not match grouping columns (\(keyTexts.joined(separator: ","))).",
                       errorClass: "GROUPING_ID_COLUMN_MISMATCH", at: position)
    }
}
