import SparkifyTables

/// An interval literal's value: months (YEAR, MONTH) and microseconds (WEEK ... MICROSECOND).
struct IntervalValue: Equatable {
    var months: Int64 = 0
    var micros: Int64 = 0

    private static let microsPerUnit: [String: Int64] = [
        "WEEK": 7 * 86_400_000_000, "DAY": 86_400_000_000, "HOUR": 3_600_000_000, "MINUTE": 60_000_000,
        "SECOND": 1_000_000, "MILLISECOND": 1_000, "MICROSECOND": 1,
    ]
    private static let unitNames: [String: String] = [
        "YEAR": "YEAR", "YEARS": "YEAR", "MONTH": "MONTH", "MONTHS": "MONTH", "WEEK": "WEEK", "WEEKS": "WEEK",
        "DAY": "DAY", "DAYS": "DAY", "HOUR": "HOUR", "HOURS": "HOUR", "MINUTE": "MINUTE", "MINUTES": "MINUTE",
        "SECOND": "SECOND", "SECONDS": "SECOND", "MILLISECOND": "MILLISECOND", "MILLISECONDS": "MILLISECOND",
        "MICROSECOND": "MICROSECOND", "MICROSECONDS": "MICROSECOND",
    ]

    /// The value of `INTERVAL 2 HOURS 30 MINUTES`, `INTERVAL '2' HOUR`, `INTERVAL '2 hours'`;
    /// nil for forms sparkify does not evaluate (`'1 02:03' DAY TO MINUTE`).
    init?(_ interval: ASTInterval) {
        guard interval.toUnit == nil else { return nil }
        for part in interval.parts {
            if let unit = part.unit {
                guard add(part.value.trimmingSpaces, unit: unit) else { return nil }
            } else {
                // `'1 day 2 hours'`: value-unit pairs inside the string.
                let words = part.value.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
                guard !words.isEmpty, words.count % 2 == 0 else { return nil }
                for k in stride(from: 0, to: words.count, by: 2) {
                    guard let unit = Self.unitNames[words[k + 1].uppercased()], add(words[k], unit: unit) else { return nil }
                }
            }
        }
    }

    /// Adds `text` (an integer or decimal, maybe signed) of `unit`; false when malformed.
    private mutating func add(_ text: String, unit: String) -> Bool {
        guard let number = DecimalNumber.parse(text) else { return false }
        if unit == "YEAR" || unit == "MONTH" {
            guard let whole = number.rescaled(to: 0), whole.rescaled(to: number.scale) == number,
                  let value = Int64(exactly: whole.unscaled) else { return false }
            months += unit == "YEAR" ? value * 12 : value
            return true
        }
        guard let perUnit = Self.microsPerUnit[unit], let scaled = number.rescaled(to: 6) else { return false }
        let (product, overflow) = scaled.unscaled.multipliedReportingOverflow(by: Int128(perUnit))
        guard !overflow, let value = Int64(exactly: product / 1_000_000) else { return false }
        micros += value
        return true
    }
}

private extension String {
    var trimmingSpaces: String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}

extension Binder {
    /// `timestamp ± INTERVAL ...`, `date ± INTERVAL ...` and `INTERVAL ... + timestamp`, as
    /// Spark's TimeAdd / DateAdd / DateAddYMInterval; nil when neither side is an interval
    /// literal.
    func bindIntervalArithmetic(_ op: ASTBinaryOperator, _ left: ASTExpression, _ right: ASTExpression,
                                _ context: ExpressionContext, at position: SourcePosition) throws -> BoundExpression? {
        guard op == .add || op == .subtract else { return nil }
        let base: ASTExpression, literal: ASTInterval
        if case let .literal(.interval(value)) = right.kind {
            (base, literal) = (left, value)
        } else if case let .literal(.interval(value)) = left.kind {
            guard op == .add else {
                throw SQLError(.analysis, "Cannot resolve \"\(left) - \(right)\" due to data type mismatch: an interval cannot be the left operand of `-`.",
                               errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", at: position)
            }
            (base, literal) = (right, value)
        } else {
            return nil
        }
        guard var interval = IntervalValue(literal) else {
            throw SQLError(.unsupported, "This form of interval literal is not supported by sparkify yet; write value-unit pairs such as INTERVAL 2 HOURS 30 MINUTES.",
                           errorClass: "UNSUPPORTED_FEATURE", at: position)
        }
        if op == .subtract {
            interval.months = -interval.months
            interval.micros = -interval.micros
        }
        var value = try bindExpression(base, context)
        if interval.months != 0 && interval.micros != 0 {
            throw SQLError(.analysis, "An interval literal cannot mix year-month and day-time units.",
                           errorClass: "INVALID_INTERVAL_FORMAT", at: position)
        }
        if value.type == .string || value.type == .null { value = castIfNeeded(value, to: .timestamp) }
        switch value.type {
        case .date where interval.micros % 86_400_000_000 == 0:
            // Whole days (or months) keep a date.
            if interval.months != 0 {
                return try scalarCall("add_months", [value, .literal(.int(Int32(clamping: interval.months)), .int)], at: position)
            }
            return try scalarCall("date_add", [value, .literal(.int(Int32(clamping: interval.micros / 86_400_000_000)), .int)], at: position)
        case .date, .timestamp:
            guard interval.months == 0 else {
                throw SQLError(.unsupported, "Adding months or years to a timestamp is not supported by sparkify yet; use add_months on a date.",
                               errorClass: "UNSUPPORTED_FEATURE", at: position)
            }
            let micros = try scalarCall("unix_micros", [castIfNeeded(value, to: .timestamp)], at: position)
            let moved = try scalarCall("+", [micros, .literal(.bigint(interval.micros), .bigint)], at: position)
            return try scalarCall("timestamp_micros", [moved], at: position)
        default:
            throw SQLError(.analysis, "Cannot resolve \"\(left) \(op.rawValue) \(right)\" due to data type mismatch: The first parameter requires the \"TIMESTAMP\" type, however it has the type \"\(value.type.simpleString.uppercased())\".",
                           errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE", at: position)
        }
    }
}
