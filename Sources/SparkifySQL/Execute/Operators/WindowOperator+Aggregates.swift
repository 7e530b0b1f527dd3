import SparkifyTables

/// Aggregates over window frames.
extension WindowOperator {
    /// `function(arguments)` over each row's frame, in row order. A frame that only grows
    /// from a fixed start is accumulated incrementally (as Spark's running frames are);
    /// any other frame is recomputed from its start, in frame order.
    static func frameAggregate(
        _ function: HashAggregation.Function, arguments: [Column], type: DataType, frame: Frame, layout: WindowLayout
    ) throws -> Column {
        let n = layout.rowCount
        var state = try FrameAccumulator(function, arguments: arguments, order: layout.order)
        // min and max pick a row, so their results are gathered rather than built.
        let picksRow = [.min, .max, .maxBy, .minBy].contains(function)
        var builder = ColumnBuilder(type: type, capacity: picksRow ? 0 : n)
        var resultAt = [Int](repeating: -1, count: n)  // row → its result's position in `builder`, or its picked row
        var previous = 0..<0
        for p in 0..<n {
            let range = try layout.frame(frame, at: p)
            if p == 0 || range.lowerBound != previous.lowerBound || range.upperBound < previous.upperBound
                || layout.partitionStart[p] != layout.partitionStart[p - 1] {
                state.reset()
                for q in range { try state.add(position: q) }
            } else {
                for q in previous.upperBound..<range.upperBound { try state.add(position: q) }
            }
            previous = range
            if picksRow {
                resultAt[layout.order[p]] = state.best
            } else {
                try state.appendResult(to: &builder, type: type)
                resultAt[layout.order[p]] = p
            }
        }
        if picksRow, let argument = arguments.first { return argument.gather(resultAt) }
        return builder.build().gather(resultAt)
    }
}

/// The running state of one aggregate over a window frame.
struct FrameAccumulator {
    let function: HashAggregation.Function
    let argument: Column?
    let order: [Int]
    let compare: ((Int, Int) -> Int)?
    let numbers: [Double]
    let decimalScale: Int?
    /// Whether the sum is a checked 64-bit integer sum (sum of int or bigint).
    let integerSum64: Bool
    /// Sum arguments and validity by sorted position.
    let integers: [Int64]
    let valid: [Bool]?
    var count: Int64 = 0
    var integerSum: Int64 = 0
    var doubleSum: Double = 0
    var decimalSum: Int128 = 0
    var best = -1
    /// Running mean and sum of squared deviations (variance and stddev).
    var mean: Double = 0
    var m2: Double = 0

    /// Variance and standard deviation, updated as Spark's `CentralMomentAgg` does.
    static func isMoment(_ function: HashAggregation.Function) -> Bool {
        [.stddevSamp, .stddevPop, .varianceSamp, .variancePop].contains(function)
    }

    init(_ function: HashAggregation.Function, arguments: [Column], order: [Int]) throws {
        self.function = function
        self.order = order
        // max_by/min_by compare (and skip NULLs of) their ordering, the second argument.
        let picksBy = function == .maxBy || function == .minBy
        if picksBy, arguments.count != 2 {
            throw SQLError(.analysis, "\(function) needs 2 arguments", errorClass: "WRONG_NUM_ARGS")
        }
        argument = picksBy ? arguments[1] : arguments.first
        switch function {
        case .countStar, .count, .sum, .avg, .min, .max, .maxBy, .minBy: break
        case .stddevSamp, .stddevPop, .varianceSamp, .variancePop: break
        default:
            throw SQLError(.unsupported, "\(function) is not supported as a window function", errorClass: "UNSUPPORTED_FEATURE")
        }
        if function != .countStar, arguments.isEmpty {
            throw SQLError(.analysis, "\(function) needs an argument", errorClass: "WRONG_NUM_ARGS")
        }
        integerSum64 = function == .sum && argument.map { HashAggregation.sumKind($0.type) == .bigint } == true
        // Values are read in sorted order; gathering them once keeps the frame loops sequential.
        switch (integerSum64, argument?.values) {
        case let (true, .int64(v)?): integers = order.map { v[$0] }
        case let (true, .int32(v)?): integers = order.map { Int64(v[$0]) }
        default: integers = []
        }
        valid = argument?.validity.map { v in order.map { v.isValid($0) } }
        compare = [.min, .max, .maxBy, .minBy].contains(function) ? argument.map(RowComparison.comparator) : nil
        if case let .decimal(_, scale)? = argument?.type {
            decimalScale = scale
            numbers = FrameAccumulator.isMoment(function) ? argument.map { column in
                let all = HashAggregation.doubles(column)
                return order.map { all[$0] }
            } ?? [] : []
        } else {
            decimalScale = nil
            numbers = (function == .sum || function == .avg || FrameAccumulator.isMoment(function)) && !integerSum64
                ? argument.map { column in
                    let all = HashAggregation.doubles(column)
                    return order.map { all[$0] }
                } ?? [] : []
        }
    }

    mutating func reset() {
        count = 0
        integerSum = 0
        doubleSum = 0
        decimalSum = 0
        best = -1
        mean = 0
        m2 = 0
    }

    mutating func add(position: Int) throws {
        let row = order[position]
        guard let argument else { count += 1; return }
        if let valid, !valid[position] { return }
        count += 1
        if integerSum64 {
            let (total, overflow) = integerSum.addingReportingOverflow(integers[position])
            if overflow { throw HashAggregation.longOverflow() }
            integerSum = total
            return
        }
        switch function {
        case .sum, .avg:
            if let decimalScale, case let .string(arena) = argument.values {
                guard let value = arena.withBytes(at: row, { DecimalScaled.parse($0, scale: decimalScale) }) else {
                    throw SQLError(.execution, "'\(arena[row])' is not a decimal", errorClass: "CAST_INVALID_INPUT")
                }
                let (total, overflow) = decimalSum.addingReportingOverflow(value)
                if overflow { throw HashAggregation.decimalOverflow() }
                decimalSum = total
            } else {
                doubleSum += numbers[position]
            }
        case .stddevSamp, .stddevPop, .varianceSamp, .variancePop:
            // `count` already includes this value.
            let delta = numbers[position] - mean
            let deltaN = delta / Double(count)
            mean += deltaN
            m2 += delta * (delta - deltaN)
        case .min, .max, .maxBy, .minBy:
            // Strictly better only: among ties the first row in frame order stays, as in Spark.
            if best < 0 {
                best = row
            } else if let compare {
                let c = compare(row, best)
                if function == .max || function == .maxBy ? c > 0 : c < 0 { best = row }
            }
        default: break
        }
    }

    func appendResult(to builder: inout ColumnBuilder, type: DataType) throws {
        switch function {
        case .countStar, .count: builder.append(count)
        case .sum, .avg:
            if count == 0 { builder.appendNull(); return }
            if case let .decimal(precision, scale) = type, let decimalScale {
                if function == .sum {
                    guard DecimalScaled.fits(decimalSum, precision: precision) else { throw HashAggregation.decimalOverflow() }
                    builder.append(DecimalScaled.format(decimalSum, scale: scale))
                } else {
                    let (scaled, overflow) = decimalSum.multipliedReportingOverflow(by: DecimalScaled.powerOfTen(scale - decimalScale))
                    if overflow { throw HashAggregation.decimalOverflow() }
                    builder.append(DecimalScaled.format(DecimalScaled.divideRoundingHalfUp(scaled, by: Int128(count)), scale: scale))
                }
            } else if type == .bigint {
                builder.append(integerSum)
            } else {
                builder.append(function == .avg ? doubleSum / Double(count) : doubleSum)
            }
        case .stddevSamp, .stddevPop, .varianceSamp, .variancePop:
            let sample = function == .stddevSamp || function == .varianceSamp
            if count == 0 || (sample && count == 1) { builder.appendNull(); return }
            let variance = m2 / Double(sample ? count - 1 : count)
            builder.append(function == .stddevSamp || function == .stddevPop ? variance.squareRoot() : variance)
        case .min, .max:
            guard best >= 0, let argument else { builder.appendNull(); return }
            builder.append(argument.value(at: best))
        default: builder.appendNull()
        }
    }
}

extension HashAggregation {
    /// The result type of `sum` over `type`, or `.null` when it has none.
    static func sumKind(_ type: DataType) -> DataType {
        (try? resultType(.sum, argumentTypes: [type])) ?? .null
    }
}
