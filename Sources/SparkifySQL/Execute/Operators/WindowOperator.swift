import SparkifyTables

/// Window functions (`f(...) OVER (PARTITION BY ... ORDER BY ... frame)`) over already
/// evaluated columns. Results come back in the input's row order.
public enum WindowOperator {
    /// One end of a window frame.
    public enum FrameBound: Sendable, Hashable {
        case unboundedPreceding
        case preceding(Int)
        case currentRow
        case following(Int)
        case unboundedFollowing
    }

    /// `ROWS` or `RANGE BETWEEN start AND end`. RANGE supports UNBOUNDED and CURRENT ROW
    /// (a row's peers: rows with equal ORDER BY keys).
    public struct Frame: Sendable, Hashable {
        public enum Unit: Sendable, Hashable { case rows, range }
        public var unit: Unit
        public var start: FrameBound
        public var end: FrameBound
        /// RANGE offsets over a double key count 10^-offsetScale (fixed point); 0 otherwise.
        public var offsetScale: Int

        public init(_ unit: Unit, _ start: FrameBound, _ end: FrameBound, offsetScale: Int = 0) {
            self.unit = unit
            self.start = start
            self.end = end
            self.offsetScale = offsetScale
        }

        /// Spark's frame with ORDER BY: RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW.
        public static let runningWithPeers = Frame(.range, .unboundedPreceding, .currentRow)
        /// Spark's frame without ORDER BY: the whole partition.
        public static let wholePartition = Frame(.rows, .unboundedPreceding, .unboundedFollowing)
    }

    /// The window functions: ranking, distribution, offset, value and frame aggregates.
    public enum Function: Sendable, Hashable {
        case rowNumber, rank, denseRank, percentRank, cumeDist
        /// `ntile(buckets)`.
        case ntile(Int)
        /// `lag(x, offset[, default])`: arguments `[x]` or `[x, default]` (default evaluated per row).
        /// With IGNORE NULLS the offset counts only rows where `x` is not NULL.
        case lag(offset: Int, ignoreNulls: Bool = false)
        case lead(offset: Int, ignoreNulls: Bool = false)
        /// `nth_value(x, n)`: `x` at the n-th row of the frame (the n-th non-NULL with IGNORE NULLS).
        case nthValue(Int, ignoreNulls: Bool)
        case firstValue(ignoreNulls: Bool)
        case lastValue(ignoreNulls: Bool)
        /// An aggregate over the frame (count, sum, avg, min and max incrementally, any other
        /// through `HashAggregation` per frame).
        case aggregate(HashAggregation.Function)
    }

    /// One window function call; `frame` nil means Spark's default for the window.
    public struct Call: Sendable {
        public var function: Function
        public var arguments: [Column]
        public var frame: Frame?

        public init(_ function: Function, _ arguments: [Column] = [], frame: Frame? = nil) {
            self.function = function
            self.arguments = arguments
            self.frame = frame
        }
    }

    /// Spark's result type of a window function.
    public static func resultType(_ function: Function, argumentTypes: [DataType]) throws -> DataType {
        switch function {
        case let .ntile(buckets) where buckets <= 0:
            throw SQLError(.analysis, "The buckets of ntile must be in (0, 2147483647], but got \(buckets).",
                           errorClass: "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE")
        case .rowNumber, .rank, .denseRank, .ntile: return .int
        case .percentRank, .cumeDist: return .double
        case let .nthValue(n, _) where n <= 0:
            throw SQLError(.analysis, "The offset of nth_value must be a positive integer literal, but got \(n).",
                           errorClass: "DATATYPE_MISMATCH.VALUE_OUT_OF_RANGE")
        case .lag, .lead, .firstValue, .lastValue, .nthValue:
            guard let type = argumentTypes.first else {
                throw SQLError(.analysis, "\(function) needs an argument", errorClass: "WRONG_NUM_ARGS")
            }
            if argumentTypes.count > 1, argumentTypes[1] != .null, argumentTypes[1].physical != type.physical {
                throw SQLError(.analysis, "the default of \(function) must have the type \(type.simpleString), not \(argumentTypes[1].simpleString)",
                               errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
            }
            return type
        case let .aggregate(aggregate): return try HashAggregation.resultType(aggregate, argumentTypes: argumentTypes)
        }
    }

    /// Evaluates `calls` over one window (`PARTITION BY partitionBy ORDER BY orderBy`);
    /// one column per call, in row order.
    public static func evaluate(
        _ calls: [Call], partitionBy: [Column], orderBy: [SortOperator.Key], rowCount: Int,
        context: OperatorContext = OperatorContext()
    ) throws -> [Column] {
        let needsPeers = !calls.allSatisfy { call in
            switch call.function {
            case .rowNumber, .ntile, .lag, .lead: return true
            default: return false
            }
        }
        let needsRangeKey = calls.contains { call in
            guard let frame = call.frame, frame.unit == .range else { return false }
            return [frame.start, frame.end].contains { bound in
                switch bound {
                case .preceding, .following: return true
                default: return false
                }
            }
        }
        let layout = try WindowLayout(partitionBy: partitionBy, orderBy: orderBy, rowCount: rowCount,
                                      needsPeers: needsPeers, needsRangeKey: needsRangeKey, context: context)
        return try calls.map { call in
            try context.check()
            guard call.arguments.allSatisfy({ $0.count == rowCount }) else {
                throw SQLError(.execution, "window function arguments differ in length", errorClass: "INTERNAL_ERROR")
            }
            let frame = call.frame ?? (orderBy.isEmpty ? .wholePartition : .runningWithPeers)
            return try evaluate(call, frame: frame, layout: layout, context: context)
        }
    }

    static func evaluate(_ call: Call, frame: Frame, layout: WindowLayout, context: OperatorContext) throws -> Column {
        let type = try resultType(call.function, argumentTypes: call.arguments.map(\.type))
        switch call.function {
        case .rowNumber, .rank, .denseRank, .ntile:
            return Column(type: .int, values: .int32(rankings(call.function, layout: layout)))
        case .percentRank, .cumeDist:
            return Column(type: .double, values: .double(distributions(call.function, layout: layout)))
        case let .lag(offset, ignoreNulls), let .lead(offset, ignoreNulls):
            let shift = { if case .lag = call.function { return -offset } else { return offset } }()
            return shifted(call.arguments, by: shift, ignoreNulls: ignoreNulls, layout: layout)
        case let .nthValue(n, ignoreNulls):
            return call.arguments[0].gather(try nthValueRows(call.arguments[0], n: n, ignoreNulls: ignoreNulls, frame: frame, layout: layout))
        case let .firstValue(ignoreNulls), let .lastValue(ignoreNulls):
            let isLast = { if case .lastValue = call.function { return true } else { return false } }()
            let rows = try frameValueRows(call.arguments[0], last: isLast, ignoreNulls: ignoreNulls, frame: frame, layout: layout)
            return call.arguments[0].gather(rows)
        case let .aggregate(function):
            switch function {
            case .countStar, .count, .sum, .avg, .min, .max, .maxBy, .minBy, .stddevSamp, .stddevPop, .varianceSamp, .variancePop: break
            default: return try groupedFrameAggregate(function, arguments: call.arguments, frame: frame, layout: layout, context: context)
            }
            return try frameAggregate(function, arguments: call.arguments, type: type, frame: frame, layout: layout)
        }
    }
}
