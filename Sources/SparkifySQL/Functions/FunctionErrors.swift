import SparkifyTables

/// The runtime and analysis errors of scalar functions, worded as Spark words them.
enum FunctionErrors {
    static let ansiHint = "If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error."

    static func divideByZero() -> SQLError {
        SQLError(.execution, "Division by zero. Use `try_divide` to tolerate divisor being 0 and return NULL instead. " + ansiHint, errorClass: "DIVIDE_BY_ZERO")
    }

    static func remainderByZero() -> SQLError {
        SQLError(.execution, "Remainder by zero. Use `try_mod` to tolerate divisor being 0 and return NULL instead. " + ansiHint, errorClass: "REMAINDER_BY_ZERO")
    }

    /// `kind` is "integer" or "long"; `tryFunction` names the tolerant variant.
    static func overflow(_ kind: String, tryFunction: String? = nil) -> SQLError {
        var message = "\(kind) overflow."
        if let tryFunction { message += " Use '\(tryFunction)' to tolerate overflow and return NULL instead." }
        return SQLError(.execution, message + " " + ansiHint, errorClass: "ARITHMETIC_OVERFLOW")
    }

    static func castInvalidInput(_ text: String, from: DataType, to: DataType) -> SQLError {
        SQLError(.execution, "The value \(sqlValue(text, from)) of the type \"\(sqlType(from))\" cannot be cast to \"\(sqlType(to))\" because it is malformed. Correct the value as per the syntax, or change its target type. Use `try_cast` to tolerate malformed input and return NULL instead. " + ansiHint, errorClass: "CAST_INVALID_INPUT")
    }

    static func castOverflow(_ text: String, from: DataType, to: DataType) -> SQLError {
        SQLError(.execution, "The value \(sqlValue(text, from)) of the type \"\(sqlType(from))\" cannot be cast to \"\(sqlType(to))\" due to an overflow. Use `try_cast` to tolerate overflow and return NULL instead. " + ansiHint, errorClass: "CAST_OVERFLOW")
    }

    static func decimalOutOfRange(_ text: String, precision: Int, scale: Int) -> SQLError {
        SQLError(.execution, "The \(text) rounded half up from \(text) cannot be represented as Decimal(\(precision), \(scale)). " + ansiHint, errorClass: "NUMERIC_VALUE_OUT_OF_RANGE.WITH_SUGGESTION")
    }

    static func cannotParseTimestamp(_ text: String, pattern: String?) -> SQLError {
        let detail = pattern.map { "Text '\(text)' could not be parsed with pattern '\($0)'." } ?? "Text '\(text)' could not be parsed."
        return SQLError(.execution, detail + " Use `try_to_timestamp` to tolerate invalid input string and return NULL instead. " + ansiHint, errorClass: "CANNOT_PARSE_TIMESTAMP")
    }

    /// Spark's SQL rendering of a type in messages: `"INT"`, `"DECIMAL(10,2)"`.
    static func sqlType(_ type: DataType) -> String {
        type.simpleString.uppercased()
    }

    /// Spark's SQL rendering of a value in messages: `'abc'`, `10L`, `1.0E10D`, `1.5BD`.
    static func sqlValue(_ text: String, _ type: DataType) -> String {
        switch type {
        case .string: return "'" + text.replacingOccurrences(of: "'", with: "\\'") + "'"
        case .bigint: return text + "L"
        case .double: return text + "D"
        case .decimal: return text + "BD"
        case .date: return "DATE '" + text + "'"
        case .timestamp: return "TIMESTAMP '" + text + "'"
        default: return text
        }
    }

    /// `[DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE]` for argument `index` (0-based) of `function`.
    static func unexpectedInputType(_ function: String, index: Int, required: String, actual: DataType) -> SQLError {
        SQLError(.analysis, "Cannot resolve \"\(function)\" due to data type mismatch: the \(ordinal(index + 1)) parameter requires the \(required) type, however it has the type \"\(sqlType(actual))\".", errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
    }

    /// `[DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES]` / no common type for `function`.
    static func noCommonType(_ function: String, _ types: [DataType]) -> SQLError {
        SQLError(.analysis, "Cannot resolve \"\(function)\" due to data type mismatch: the input types " + types.map { "\"\(sqlType($0))\"" }.joined(separator: ", ") + " have no common type.", errorClass: "DATATYPE_MISMATCH.DATA_DIFF_TYPES")
    }

    static func wrongArgumentCount(_ function: String, expected: String, actual: Int) -> SQLError {
        SQLError(.analysis, "The `\(function)` requires \(expected) parameters but the actual number is \(actual).", errorClass: "WRONG_NUM_ARGS.WITHOUT_SUGGESTION")
    }

    static func cannotCast(_ from: DataType, _ to: DataType) -> SQLError {
        SQLError(.analysis, "Cannot resolve cast due to data type mismatch: cannot cast \"\(sqlType(from))\" to \"\(sqlType(to))\".", errorClass: "DATATYPE_MISMATCH.CAST_WITHOUT_SUGGESTION")
    }

    static func ordinal(_ n: Int) -> String {
        switch n {
        case 1: return "first"
        case 2: return "second"
        case 3: return "third"
        case 4: return "fourth"
        default: return "\(n)th"
        }
    }
}
