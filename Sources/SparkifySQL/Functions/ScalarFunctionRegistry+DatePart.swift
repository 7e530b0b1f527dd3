import SparkifyTables

extension ScalarFunctionRegistry {
    /// A field `date_part` / `extract` can take, by Spark's names and synonyms.
    enum DatePartField {
        case field(DatetimeField)
        case isoDayOfWeek
        case secondWithFraction

        init?(_ text: String) {
            switch text.uppercased() {
            case "YEAR", "Y", "YEARS", "YR", "YRS": self = .field(.year)
            case "QUARTER", "QTR": self = .field(.quarter)
            case "MONTH", "MON", "MONS", "MONTHS": self = .field(.month)
            case "WEEK", "W", "WEEKS": self = .field(.weekOfYear)
            case "DAY", "D", "DAYS": self = .field(.dayOfMonth)
            case "DAYOFWEEK", "DOW": self = .field(.dayOfWeek)
            case "DAYOFWEEK_ISO", "DOW_ISO": self = .isoDayOfWeek
            case "DOY": self = .field(.dayOfYear)
            case "HOUR", "H", "HOURS", "HR", "HRS": self = .field(.hour)
            case "MINUTE", "M", "MIN", "MINS", "MINUTES": self = .field(.minute)
            case "SECOND", "S", "SEC", "SECONDS", "SECS": self = .secondWithFraction
            default: return nil
            }
        }

        var isTimeField: Bool {
            switch self {
            case .field(.hour), .field(.minute), .secondWithFraction: return true
            default: return false
            }
        }

        /// int, except seconds: decimal(8,6) with the fraction.
        var resultType: DataType { if case .secondWithFraction = self { return .decimal(precision: 8, scale: 6) } else { return .int } }
    }

    /// `date_part(field, source)` and `extract(field FROM source)` (as `extract(field, source)`):
    /// the field must be a constant string.
    static func datePartFunctions() -> [ScalarFunction] {
        ["date_part", "extract", "datepart"].map { name in
            ScalarFunction(name: name, constantAwareResolver: { types, constants in
                guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount(name, expected: "2", actual: types.count) }
                guard constants.count == 2, case let .string(text)? = constants[0] else {
                    throw SQLError(.analysis, "The field of \(name) must be a constant string.", errorClass: "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT")
                }
                guard let field = DatePartField(text) else {
                    throw SQLError(.analysis, "Cannot extract \(text) from \(types[1].simpleString.uppercased()).", errorClass: "INVALID_EXTRACT_FIELD")
                }
                let source: DataType = field.isTimeField ? .timestamp : .date
                guard SparkTypeCoercion.implicitCast(types[1], to: .type(source)) != nil else {
                    throw FunctionErrors.unexpectedInputType(signature(name, types), index: 1, required: "(\"DATE\" or \"TIMESTAMP\")", actual: types[1])
                }
                return ResolvedScalarCall(resultType: field.resultType, argumentTypes: [.string, source])
            }, evaluator: { call in
                guard case let .string(text)? = call.arguments[0].constantValue, let field = DatePartField(text) else {
                    throw SQLError(.analysis, "The field of \(name) must be a constant string.", errorClass: "DATATYPE_MISMATCH.NON_FOLDABLE_INPUT")
                }
                let source = call.arguments[1]
                switch field {
                case .field(.hour), .field(.minute):
                    if case let .field(f) = field { return DatetimeKernels.timeField(f, source, rowCount: call.rowCount, context: call.context) }
                    return Column.nulls(.int, count: call.rowCount)
                case let .field(f):
                    return DatetimeKernels.dateField(f, source, rowCount: call.rowCount)
                case .isoDayOfWeek:
                    let weekday = DatetimeKernels.dateField(.weekday, source, rowCount: call.rowCount)
                    return try ArithmeticKernels.evaluate(.add, .column(weekday), .constant(.int(1), .int), resultType: .int, rowCount: call.rowCount, mode: .fail)
                case .secondWithFraction:
                    let v = source.int64View()
                    if v.isAllNull { return Column.nulls(field.resultType, count: call.rowCount) }
                    var converter = LocalTimeConverter(call.context.timeZone)
                    return RowMapper.mapString(field.resultType, count: call.rowCount, validity: source.validity(rowCount: call.rowCount)) { i, out in
                        let micros = floorModulo(converter.localMicros(v.values[i &* v.stride]), 60_000_000)
                        out.appendString(DecimalNumber(unscaled: Int128(micros), scale: 6).text)
                        return true
                    }
                }
            })
        }
    }
}
