import SparkifyTables

extension Binder {
    /// The frame as written, or Spark's default: with ORDER BY, RANGE from the partition's
    /// start to the current row (peers included); without, the whole partition.
    ///
    /// ROWS offsets are row counts (int literals, as Spark requires; negative ones allowed). RANGE offsets need exactly one ORDER BY key (Spark's
    /// RANGE_FRAME_WITHOUT_ORDER / RANGE_FRAME_MULTI_ORDER) of a numeric or date type, and
    /// become distances in that key's units (see `WindowRangeKey`): cast to an int or bigint
    /// key's type (truncating a fraction, as Spark's cast does), days for a date key (int
    /// offsets only), the unscaled value for a decimal key, microseconds for a timestamp key
    /// (day-time interval offsets only).
    func bindFrame(_ frame: ASTWindowFrame?, orderBy: [SortKey], _ context: ExpressionContext) throws -> WindowFrame {
        guard let frame else {
            return orderBy.isEmpty ? WindowFrame(unit: .rows, start: .unboundedPreceding, end: .unboundedFollowing)
                : WindowFrame(unit: .range, start: .unboundedPreceding, end: .currentRow)
        }
        let isRange = frame.unit == .range
        let text = frame.description
        // A double key with a fractional offset keeps its offsets in millionths.
        var offsetScale = 0
        if isRange, orderBy.count == 1, orderBy[0].expression.type == .double {
            for case let expression? in [frame.start.expression, frame.end.expression] {
                if case .literal(.interval) = expression.kind { continue }
                let value = try evaluateConstant(try bindExpression(expression, ExpressionContext(scope: .empty, clause: "window frame")))
                if let number = Self.number(value), number != number.rounded(.towardZero) { offsetScale = Self.doubleOffsetScale }
            }
        }
        func offset(_ expression: ASTExpression) throws -> Int64 {
            let position = expression.position
            if case let .literal(.interval(interval)) = expression.kind {
                guard isRange else {
                    throw SQLError(.analysis, "Cannot resolve \"\(text)\" due to data type mismatch: The data type of the bound \"INTERVAL\" does not match the expected data type \"INT\".",
                                   errorClass: "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", at: position)
                }
                try checkRangeOrder(orderBy, frame: text, at: position)
                if orderBy[0].expression.type.isNumeric {
                    // Spark casts a single-unit interval to the key's number type here.
                    throw SQLError(.unsupported, "An interval offset over a numeric ORDER BY key is not supported by sparkify yet.",
                                   errorClass: "UNSUPPORTED_FEATURE", at: position)
                }
                guard orderBy[0].expression.type == .timestamp else {
                    throw SQLError(.analysis, "Cannot resolve \"(\(text))\" due to data type mismatch: The data type \"\(orderBy[0].expression.type.simpleString.uppercased())\" used in the order specification does not support the data type \"INTERVAL\" which is used in the range frame.",
                                   errorClass: "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE", at: position)
                }
                return try Self.microseconds(interval, at: position)
            }
            let bound = try bindExpression(expression, ExpressionContext(scope: .empty, clause: "window frame"))
            let value = try evaluateConstant(bound)
            guard isRange else {
                switch value {
                case let .int(v): return Int64(v)
                default:
                    throw SQLError(.analysis, "Cannot resolve \"\(text)\" due to data type mismatch: The data type of the bound \"\(bound.type.simpleString.uppercased())\" does not match the expected data type \"INT\".",
                                   errorClass: "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", at: position)
                }
            }
            try checkRangeOrder(orderBy, frame: text, at: position)
            return try rangeDistance(value, key: orderBy[0].expression.type, scale: offsetScale, frame: text, at: position)
        }
        func bound(_ b: ASTWindowFrame.Bound) throws -> FrameBound {
            switch b {
            case .unboundedPreceding: return .unboundedPreceding
            case .unboundedFollowing: return .unboundedFollowing
            case .currentRow: return .currentRow
            case let .preceding(e): return .preceding(try offset(e))
            case let .following(e): return .following(try offset(e))
            }
        }
        let start = try bound(frame.start), end = try bound(frame.end)
        if let lower = frame.start.expression.flatMap(Self.intervalType), let upper = frame.end.expression.flatMap(Self.intervalType), lower != upper {
            throw SQLError(.analysis, "Cannot resolve \"\(text)\" due to data type mismatch: Window frame bounds do not have the same type: \"\(lower)\" <> \"\(upper)\".",
                           errorClass: "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_DIFF_TYPES", at: frame.start.expression?.position)
        }
        if let lower = Self.signedOffset(start), let upper = Self.signedOffset(end), lower > upper {
            throw SQLError(.analysis, "Cannot resolve \"\(text)\" due to data type mismatch: The lower bound of a window frame must be less than or equal to the upper bound.",
                           errorClass: "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_WRONG_COMPARISON", at: frame.start.expression?.position)
        }
        return WindowFrame(unit: isRange ? .range : .rows, start: start, end: end, offsetScale: offsetScale)
    }

    /// Spark's type of an interval literal: `INTERVAL 90 MINUTES` is INTERVAL MINUTE,
    /// `INTERVAL 1 DAY 2 HOURS` INTERVAL DAY TO HOUR, the string form a calendar interval.
    private static func intervalType(_ expression: ASTExpression) -> String? {
        guard case let .literal(.interval(interval)) = expression.kind else { return nil }
        let units = interval.parts.compactMap(\.unit)
        guard units.count == interval.parts.count, let first = units.first, let last = units.last else { return "INTERVAL" }
        let end = interval.toUnit ?? last
        return first == end ? "INTERVAL \(first)" : "INTERVAL \(first) TO \(end)"
    }

    /// A RANGE frame with value offsets needs exactly one ORDER BY key.
    private func checkRangeOrder(_ orderBy: [SortKey], frame text: String, at position: SourcePosition) throws {
        if orderBy.isEmpty {
            throw SQLError(.analysis, "Cannot resolve \"(\(text))\" due to data type mismatch: A range window frame cannot be used in an unordered window specification.",
                           errorClass: "DATATYPE_MISMATCH.RANGE_FRAME_WITHOUT_ORDER", at: position)
        }
        if orderBy.count > 1 {
            throw SQLError(.analysis, "Cannot resolve \"(\(text))\" due to data type mismatch: A range window frame with value boundaries cannot be used in a window specification with multiple order by expressions: \(orderBy.map(\.description).joined(separator: ",")).",
                           errorClass: "DATATYPE_MISMATCH.RANGE_FRAME_MULTI_ORDER", at: position)
        }
    }

    /// A day-time interval literal (`INTERVAL 90 MINUTES`, `INTERVAL '1 day 2 hours'`) in
    /// microseconds; months and years have no fixed length and are not supported here.
    private static func microseconds(_ interval: ASTInterval, at position: SourcePosition) throws -> Int64 {
        let unitMicros: [String: Double] = [
            "WEEK": 604_800e6, "DAY": 86_400e6, "HOUR": 3_600e6, "MINUTE": 60e6, "SECOND": 1e6,
            "MILLISECOND": 1e3, "MICROSECOND": 1,
        ]
        func unsupported() -> SQLError {
            SQLError(.unsupported, "RANGE frame offsets other than a day-time interval (days, hours, minutes, seconds) are not supported by sparkify yet.",
                     errorClass: "UNSUPPORTED_FEATURE", at: position)
        }
        // The string form holds its own value-unit pairs: '1 day 2 hours'.
        var pairs: [(String, String)] = []
        for part in interval.parts {
            if let unit = part.unit {
                pairs.append((part.value, unit))
                continue
            }
            let words = part.value.split(separator: " ").map(String.init)
            guard words.count % 2 == 0 else { throw unsupported() }
            for i in stride(from: 0, to: words.count, by: 2) {
                var unit = words[i + 1].uppercased()
                if unit.hasSuffix("S") { unit.removeLast() }
                pairs.append((words[i], unit))
            }
        }
        guard interval.toUnit == nil, !pairs.isEmpty else { throw unsupported() }
        var total = 0.0
        for (value, unit) in pairs {
            guard let scale = unitMicros[unit], let number = Double(value) else { throw unsupported() }
            total += number * scale
        }
        guard total.isFinite, abs(total) < 9.0e18 else { throw unsupported() }
        return Int64(total.rounded())
    }

    /// A RANGE offset in the units of an ORDER BY key of type `key`.
    private func rangeDistance(_ value: Value, key: DataType, scale: Int, frame: String, at position: SourcePosition) throws -> Int64 {
        func invalid(_ offsetType: String) -> SQLError {
            SQLError(.analysis, "Cannot resolve \"(\(frame))\" due to data type mismatch: The data type \"\(key.simpleString.uppercased())\" used in the order specification does not support the data type \"\(offsetType)\" which is used in the range frame.",
                     errorClass: "DATATYPE_MISMATCH.RANGE_FRAME_INVALID_TYPE", at: position)
        }
        guard let number = Self.number(value) else {
            throw SQLError(.analysis, "Cannot resolve \"\(frame)\" due to data type mismatch: The data type of the bound does not match the expected data type (\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\").",
                           errorClass: "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", at: position)
        }
        guard number.isFinite, abs(number) < 9.0e15 else { throw invalid("NUMBER") }
        switch key {
        case .int, .bigint:
            return Int64(number.rounded(.towardZero))
        case .date:
            guard case let .int(v) = value else { throw invalid(value.typeLabel) }
            return Int64(v)
        case let .decimal(_, scale):
            var scaled = number
            for _ in 0..<scale { scaled *= 10 }
            guard abs(scaled) < 9.0e15 else { throw invalid(value.typeLabel) }
            return Int64(scaled.rounded(.toNearestOrAwayFromZero))
        case .double:
            var scaled = number
            for _ in 0..<scale { scaled *= 10 }
            guard abs(scaled) < 9.0e15 else { throw invalid(value.typeLabel) }
            return Int64(scaled.rounded(.toNearestOrAwayFromZero))
        case .string, .boolean:
            throw SQLError(.analysis, "Cannot resolve \"\(frame)\" due to data type mismatch: The data type of the lower bound \"\(key.simpleString.uppercased())\" does not match the expected data type (\"NUMERIC\" or \"INTERVAL DAY TO SECOND\" or \"INTERVAL YEAR TO MONTH\").",
                           errorClass: "DATATYPE_MISMATCH.SPECIFIED_WINDOW_FRAME_UNACCEPTED_TYPE", at: position)
        default:
            throw invalid(value.typeLabel)
        }
    }

    /// Fraction digits kept of a RANGE offset over a double key.
    static let doubleOffsetScale = 6

    /// A numeric literal's value as a double; nil for other values.
    private static func number(_ value: Value) -> Double? {
        switch value {
        case let .int(v): return Double(v)
        case let .bigint(v): return Double(v)
        case let .decimal(text): return Double(text)
        case let .double(v): return v
        default: return nil
        }
    }

    /// A bound's signed offset (PRECEDING negative, CURRENT ROW 0); nil for UNBOUNDED. Spark
    /// compares the bounds only when both are value offsets.
    private static func signedOffset(_ bound: FrameBound) -> Int64? {
        switch bound {
        case let .preceding(k): return -k
        case let .following(k): return k
        default: return nil
        }
    }
}

extension ASTWindowFrame.Bound {
    /// The offset expression of `n PRECEDING` / `n FOLLOWING`.
    var expression: ASTExpression? {
        switch self {
        case let .preceding(e), let .following(e): return e
        default: return nil
        }
    }
}

extension Value {
    /// Spark's upper-case type name of a literal value, for messages.
    var typeLabel: String {
        switch self {
        case .int: return "INT"
        case .bigint: return "BIGINT"
        case .double: return "DOUBLE"
        case .decimal: return "DECIMAL"
        case .string: return "STRING"
        case .boolean: return "BOOLEAN"
        case .date: return "DATE"
        case .timestamp: return "TIMESTAMP"
        default: return "VOID"
        }
    }
}
