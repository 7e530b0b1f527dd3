import SparkifyTables

/// Aggregate functions over groups of rows (GROUP BY), given already evaluated argument
/// columns and a `KeyGrouping`.
public enum HashAggregation {
    /// The aggregate functions the executor runs.
    public enum Function: Sendable, Hashable {
        /// `count(*)`: rows.
        case countStar
        /// `count(x[, y...])`: rows where every argument is non-NULL.
        case count
        case sum, avg, min, max
        /// `first(x)` / `first(x, true)`.
        case first(ignoreNulls: Bool)
        case last(ignoreNulls: Bool)
        /// `max_by(x, y)`: `x` of the row with the greatest `y` (arguments: x, y).
        case maxBy
        case minBy
        /// Non-NULL values as an array (JSON text), in row order.
        case collectList
        /// Distinct non-NULL values as an array (JSON text), in first-appearance order.
        case collectSet
        /// Distinct non-NULL values, counted exactly.
        case approxCountDistinct
        case stddevSamp, stddevPop, varianceSamp, variancePop
    }

    /// One aggregate to compute: `function(DISTINCT? arguments...)`.
    public struct Call: Sendable {
        public var function: Function
        public var arguments: [Column]
        public var distinct: Bool

        public init(_ function: Function, _ arguments: [Column] = [], distinct: Bool = false) {
            self.function = function
            self.arguments = arguments
            self.distinct = distinct
        }
    }

    /// Spark's result type of `function` over arguments of `argumentTypes`; an analysis
    /// error for argument types it does not accept.
    public static func resultType(_ function: Function, argumentTypes: [DataType]) throws -> DataType {
        var name: String { "\(function)" }
        func argument(_ i: Int) throws -> DataType {
            guard i < argumentTypes.count else {
                throw SQLError(.analysis, "aggregate \(name) needs \(i + 1) argument(s)", errorClass: "WRONG_NUM_ARGS")
            }
            return argumentTypes[i]
        }
        func numericError(_ type: DataType) -> SQLError {
            SQLError(.analysis, "\(name) needs a numeric argument, not \(type.simpleString)",
                     errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
        }
        switch function {
        case .countStar, .count, .approxCountDistinct: return .bigint
        case .sum:
            switch try argument(0) {
            case .int, .bigint: return .bigint
            case .double: return .double
            case let .decimal(p, s): return .decimal(precision: Swift.min(38, p + 10), scale: s)
            case .null: return .double
            case let other: throw numericError(other)
            }
        case .avg:
            switch try argument(0) {
            case .int, .bigint, .double, .null: return .double
            case let .decimal(p, s): return .decimal(precision: Swift.min(38, p + 4), scale: Swift.min(38, s + 4))
            case let other: throw numericError(other)
            }
        case .stddevSamp, .stddevPop, .varianceSamp, .variancePop:
            let type = try argument(0)
            guard type.isNumeric || type == .null else { throw numericError(type) }
            return .double
        case .min, .max, .first, .last: return try argument(0)
        case .maxBy, .minBy:
            _ = try argument(1)
            return try argument(0)
        case .collectList, .collectSet: return .array(try argument(0))
        }
    }

    /// One column per call, one row per group of `grouping`, in group order.
    public static func aggregate(
        _ calls: [Call], grouping: KeyGrouping, context: OperatorContext = OperatorContext()
    ) throws -> [Column] {
        for call in calls where call.arguments.contains(where: { $0.count != grouping.rowCount }) {
            throw SQLError(.execution, "aggregate \(call.function) has arguments of the wrong length", errorClass: "INTERNAL_ERROR")
        }
        let tasks = grouping.rowCount >= ParallelWork.minimumRowsPerTask ? Swift.min(context.threads, calls.count) : 1
        if tasks <= 1 { return try calls.map { try aggregate($0, grouping: grouping, context: context) } }
        return try ParallelWork.map(calls.count) { i in try aggregate(calls[i], grouping: grouping, context: context) }
    }

    /// One aggregate over the groups of `grouping`.
    static func aggregate(_ call: Call, grouping: KeyGrouping, context: OperatorContext) throws -> Column {
        try context.check()
        let type = try resultType(call.function, argumentTypes: call.arguments.map(\.type))
        if call.distinct || call.function == .collectSet || call.function == .approxCountDistinct {
            return try aggregateDistinct(call, grouping: grouping, type: type, context: context)
        }
        let groups = GroupRows(groupIds: grouping.groupIds, groupCount: grouping.groupCount)
        let args = call.arguments
        switch call.function {
        case .countStar: return countRows(groups, arguments: [])
        case .count, .approxCountDistinct: return countRows(groups, arguments: args)
        case .sum: return try sum(groups, args[0], type: type)
        case .avg: return try average(groups, args[0], type: type)
        case .stddevSamp, .stddevPop, .varianceSamp, .variancePop:
            return centralMoment(groups, args[0], function: call.function)
        case .min, .max:
            return args[0].gather(extremeRows(groups, ordering: args[0], greatest: call.function == .max))
        case let .first(ignoreNulls):
            return args[0].gather(firstOrLastRows(groups, args[0], last: false, ignoreNulls: ignoreNulls))
        case let .last(ignoreNulls):
            return args[0].gather(firstOrLastRows(groups, args[0], last: true, ignoreNulls: ignoreNulls))
        case .maxBy, .minBy:
            return args[0].gather(extremeRows(groups, ordering: args[1], greatest: call.function == .maxBy))
        case .collectList, .collectSet:
            return collect(groups, args[0], type: type)
        }
    }

    /// Runs `call` over the first row of each distinct (group, arguments) combination, which
    /// is how DISTINCT aggregates, `collect_set` and `approx_count_distinct` are defined.
    private static func aggregateDistinct(_ call: Call, grouping: KeyGrouping, type: DataType, context: OperatorContext) throws -> Column {
        let groupColumn = Column(type: .int, values: .int32(grouping.groupIds))
        let distinct = try KeyGrouping.make(keys: [groupColumn] + call.arguments, context: OperatorContext(cancellation: context.cancellation, threads: 1))
        let rows = distinct.firstRows
        var reduced = call
        reduced.distinct = false
        if call.function == .collectSet { reduced.function = .collectList }
        if call.function == .approxCountDistinct { reduced.function = .count }
        reduced.arguments = call.arguments.map { $0.gather(rows) }
        let ids = rows.map { grouping.groupIds[$0] }
        let subGrouping = KeyGrouping(groupIds: ids, firstRows: grouping.firstRows)
        return try aggregate(reduced, grouping: subGrouping, context: context)
    }
}

/// Group ids with their count, the shape every aggregation kernel loops over.
struct GroupRows {
    let groupIds: [Int32]
    let groupCount: Int
    var rowCount: Int { groupIds.count }
}
