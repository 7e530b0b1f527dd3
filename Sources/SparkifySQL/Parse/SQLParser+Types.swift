extension SQLParser {
    /// A data type: `int`, `decimal(10,2)`, `varchar(20)`, `array<string>`,
    /// `struct<a: int, b string>`, `map<string, int>`.
    mutating func dataType() throws(SQLError) -> ASTDataType {
        try enter()
        defer { leave() }
        let token = current
        guard token.kind == .word else { throw syntaxError(hint: "expected a data type") }
        let name = token.text.uppercased()
        advance()
        switch name {
        case "BOOLEAN": return .boolean
        case "TINYINT", "BYTE": return .tinyint
        case "SMALLINT", "SHORT": return .smallint
        case "INT", "INTEGER": return .int
        case "BIGINT", "LONG": return .bigint
        case "FLOAT", "REAL": return .float
        case "DOUBLE": return .double
        case "STRING": return .string
        case "BINARY": return .binary
        case "DATE": return .date
        case "TIMESTAMP", "TIMESTAMP_LTZ": return .timestamp
        case "TIMESTAMP_NTZ": return .timestampNTZ
        case "VARCHAR", "CHAR", "CHARACTER":
            try expectSymbol("(")
            let length = try typeParameter()
            try expectSymbol(")")
            return name == "VARCHAR" ? .varchar(length) : .char(length)
        case "DECIMAL", "DEC", "NUMERIC":
            var precision = 10
            var scale = 0
            if acceptSymbol("(") {
                precision = try typeParameter()
                if acceptSymbol(",") { scale = try typeParameter() }
                try expectSymbol(")")
            }
            if precision < 1 || precision > 38 {
                throw SQLError(.syntax, "Decimal precision \(precision) exceeds max precision 38",
                               errorClass: "DECIMAL_PRECISION_EXCEEDS_MAX_PRECISION", at: token.position)
            }
            if scale > precision {
                throw SQLError(.syntax, "Decimal scale (\(scale)) cannot be greater than precision (\(precision))",
                               errorClass: "INVALID_PARAMETER_VALUE", at: token.position)
            }
            return .decimal(precision: precision, scale: scale)
        case "ARRAY":
            try expectSymbol("<")
            let element = try dataType()
            try expectClosingAngle()
            return .array(element)
        case "MAP":
            try expectSymbol("<")
            let key = try dataType()
            try expectSymbol(",")
            let value = try dataType()
            try expectClosingAngle()
            return .map(key: key, value: value)
        case "STRUCT":
            try expectSymbol("<")
            var fields: [ASTStructField] = []
            if !isClosingAngle {
                repeat {
                    let fieldName = try identifier(allowReserved: true)
                    _ = acceptSymbol(":")
                    let type = try dataType()
                    if current.isKeyword("NOT"), peek().isKeyword("NULL") {
                        advance()
                        advance()
                    }
                    if accept("COMMENT") { _ = try stringLiteral() }
                    fields.append(ASTStructField(name: fieldName.name, type: type))
                } while acceptSymbol(",")
            }
            try expectClosingAngle()
            return .structure(fields)
        case "INTERVAL":
            var text = "INTERVAL"
            if let unit = current.keyword, ["YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND"].contains(unit) {
                advance()
                text += " " + unit
                if accept("TO") {
                    guard let end = current.keyword else { throw syntaxError(hint: "expected an interval unit") }
                    advance()
                    text += " TO " + end
                }
            }
            return .interval(text)
        default:
            throw SQLError(.syntax, "Unsupported data type \"\(token.text.uppercased())\"",
                           errorClass: "UNSUPPORTED_DATATYPE", at: token.position)
        }
    }

    private mutating func typeParameter() throws(SQLError) -> Int {
        guard case .number(.integer) = current.kind, let value = Int(current.text), value <= 1_000_000 else {
            throw syntaxError(hint: "expected an integer")
        }
        advance()
        return value
    }

    private var isClosingAngle: Bool { current.isSymbol(">") || current.isSymbol(">>") || current.isSymbol(">>>") }

    /// Consumes one `>`, splitting `>>` / `>>>` as nested types need (`array<array<int>>`).
    private mutating func expectClosingAngle() throws(SQLError) {
        if current.isSymbol(">") {
            advance()
        } else if current.isSymbol(">>") || current.isSymbol(">>>") {
            tokens[index].text.removeFirst()
            tokens[index].start += 1
            tokens[index].position.column += 1
        } else {
            throw syntaxError(hint: "missing '>'")
        }
    }
}
