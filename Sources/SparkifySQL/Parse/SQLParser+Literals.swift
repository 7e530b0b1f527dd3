extension SQLParser {
    /// A number token typed as Spark types it; `negative` folds a leading minus into the literal
    /// (so `-2147483648` is an int, as in Spark's `number: MINUS? INTEGER_VALUE`).
    mutating func numberLiteral(negative: Bool, at position: SourcePosition) throws(SQLError) -> ASTExpression {
        let token = current
        guard case let .number(kind) = token.kind else { throw syntaxError() }
        advance()
        let digits = token.text
        let sign = negative ? "-" : ""
        func literal(_ value: ASTLiteral) -> ASTExpression { ASTExpression(.literal(value), at: position) }
        func outOfRange(_ type: String, _ low: String, _ high: String) -> SQLError {
            SQLError(.syntax, "Numeric literal \(sign)\(digits) is outside the valid range for \(type) with minimum value of "
                     + "\(low) and maximum value of \(high). Please adjust the value accordingly.",
                     errorClass: "INVALID_NUMERIC_LITERAL_RANGE", at: position)
        }
        switch kind {
        case .integer, .bigint, .smallint, .tinyint:
            let magnitude = UInt64(digits)
            var value: Int64?
            if let magnitude {
                if negative {
                    value = magnitude <= UInt64(Int64.max) ? -Int64(magnitude)
                        : (magnitude == UInt64(Int64.max) + 1 ? Int64.min : nil)
                } else {
                    value = magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
                }
            }
            switch kind {
            case .bigint:
                guard let value else { throw outOfRange("bigint", "-9223372036854775808", "9223372036854775807") }
                return literal(.integer(value, .bigint))
            case .smallint:
                guard let value, Int16(exactly: value) != nil else { throw outOfRange("smallint", "-32768", "32767") }
                return literal(.integer(value, .smallint))
            case .tinyint:
                guard let value, Int8(exactly: value) != nil else { throw outOfRange("tinyint", "-128", "127") }
                return literal(.integer(value, .tinyint))
            default:
                guard let value else { return literal(.decimal(sign + Self.trimLeadingZeros(digits))) }
                return literal(.integer(value, Int32(exactly: value) == nil ? .bigint : .int))
            }
        case .decimal:
            return literal(.decimal(sign + Self.normalizedDecimal(digits)))
        case .bigDecimal:
            return literal(.decimal(sign + Self.normalizedDecimal(Self.withoutExponent(digits))))
        case .double:
            guard let value = Double(digits), value.isFinite else {
                throw outOfRange("double", "-1.7976931348623157E+308", "1.7976931348623157E+308")
            }
            return literal(.double(negative ? -value : value))
        case .float:
            guard let value = Double(digits), abs(value) <= Double(Float.greatestFiniteMagnitude) else {
                throw outOfRange("float", "-3.4028234663852886E+38", "3.4028234663852886E+38")
            }
            return literal(.float(negative ? -value : value))
        }
    }

    /// `.5` → `0.5`, `1.` → `1`, `007.50` → `7.50` (scale kept, as Java's BigDecimal does).
    static func normalizedDecimal(_ digits: String) -> String {
        var text = digits
        if text.hasPrefix(".") { text = "0" + text }
        if text.hasSuffix(".") { text.removeLast() }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = trimLeadingZeros(String(parts[0]))
        return parts.count == 2 ? whole + "." + parts[1] : whole
    }

    /// `1.5e2` → `150`, `25e-3` → `0.025`: the exponent applied by moving the decimal point.
    static func withoutExponent(_ text: String) -> String {
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...]),
              abs(exponent) < 1000 else { return text }
        let mantissa = String(text[..<e])
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0])
        var fraction = parts.count == 2 ? String(parts[1]) : ""
        if exponent > 0 {
            fraction += String(repeating: "0", count: max(0, exponent - fraction.count))
            whole += fraction.prefix(exponent)
            fraction = String(fraction.dropFirst(exponent))
        } else if exponent < 0 {
            whole = String(repeating: "0", count: max(0, -exponent - whole.count)) + whole
            fraction = String(whole.suffix(-exponent)) + fraction
            whole = String(whole.dropLast(-exponent))
        }
        return (whole.isEmpty ? "0" : whole) + (fraction.isEmpty ? "" : "." + fraction)
    }

    static func trimLeadingZeros(_ digits: String) -> String {
        let trimmed = digits.drop { $0 == "0" }
        return trimmed.isEmpty ? "0" : String(trimmed)
    }

    private static let intervalUnits: [String: String] = [
        "YEAR": "YEAR", "YEARS": "YEAR", "MONTH": "MONTH", "MONTHS": "MONTH", "WEEK": "WEEK", "WEEKS": "WEEK",
        "DAY": "DAY", "DAYS": "DAY", "HOUR": "HOUR", "HOURS": "HOUR", "MINUTE": "MINUTE", "MINUTES": "MINUTE",
        "SECOND": "SECOND", "SECONDS": "SECOND", "MILLISECOND": "MILLISECOND", "MILLISECONDS": "MILLISECOND",
        "MICROSECOND": "MICROSECOND", "MICROSECONDS": "MICROSECOND",
    ]

    /// The rest of `INTERVAL ...` after the keyword: `'1 day'` alone, or value-unit pairs
    /// (`3 HOURS 30 MINUTES`), or `'1-2' YEAR TO MONTH`. A value after the first pair must have a
    /// unit, so `INTERVAL 1 DAY + 2` ends before the `+`.
    mutating func interval() throws(SQLError) -> ASTInterval {
        var parts: [ASTInterval.Part] = []
        while true {
            var valueIndex = index
            if tokens[valueIndex].isSymbol("-") || tokens[valueIndex].isSymbol("+") { valueIndex += 1 }
            guard valueIndex < tokens.count - 1 else { break }
            let valueToken = tokens[valueIndex]
            let isNumber: Bool
            if case .number = valueToken.kind { isNumber = true } else { isNumber = false }
            guard isNumber || (valueToken.kind == .string && valueIndex == index) else { break }
            let unit = tokens[valueIndex + 1].keyword.flatMap { Self.intervalUnits[$0] }
            if unit == nil && !parts.isEmpty { break }
            let sign = current.isSymbol("-") ? "-" : ""
            index = valueIndex
            let value = valueToken.kind == .string ? try stringLiteral(single: true) : sign + valueToken.text
            if valueToken.kind != .string { advance() }
            if unit != nil { advance() }
            parts.append(ASTInterval.Part(value: value, unit: unit))
            if unit == nil { break }
        }
        if parts.isEmpty { throw syntaxError(hint: "expected an interval value") }
        var toUnit: String?
        if accept("TO") {
            guard let word = current.keyword, let normalized = Self.intervalUnits[word] else {
                throw syntaxError(hint: "expected an interval unit")
            }
            toUnit = normalized
            advance()
        }
        return ASTInterval(parts: parts, toUnit: toUnit)
    }

    /// After `OVER`: a window name or `([name] [PARTITION BY ...] [ORDER BY ...] [frame])`.
    mutating func windowSpec() throws(SQLError) -> ASTWindowSpec {
        if !current.isSymbol("(") { return ASTWindowSpec(reference: try identifier()) }
        advance()
        var spec = ASTWindowSpec()
        if atBareIdentifier, peek().isSymbol(")") {
            spec.reference = try identifier()
            try expectSymbol(")")
            return spec
        }
        if current.isKeyword("PARTITION") || current.isKeyword("DISTRIBUTE") {
            advance()
            try expect("BY")
            spec.partitionBy = [try expression()]
            while acceptSymbol(",") { spec.partitionBy.append(try expression()) }
        }
        if current.isKeyword("ORDER") || current.isKeyword("SORT") {
            advance()
            try expect("BY")
            spec.orderBy = try sortItems()
        }
        if current.isKeyword("ROWS") || current.isKeyword("RANGE") {
            let unit: ASTWindowFrame.Unit = current.isKeyword("ROWS") ? .rows : .range
            advance()
            if accept("BETWEEN") {
                let start = try frameBound()
                try expect("AND")
                spec.frame = ASTWindowFrame(unit: unit, start: start, end: try frameBound())
            } else {
                spec.frame = ASTWindowFrame(unit: unit, start: try frameBound(), end: .currentRow)
            }
        }
        try expectSymbol(")")
        return spec
    }

    private mutating func frameBound() throws(SQLError) -> ASTWindowFrame.Bound {
        if current.isKeyword("UNBOUNDED") {
            advance()
            if accept("PRECEDING") { return .unboundedPreceding }
            if accept("FOLLOWING") { return .unboundedFollowing }
            throw syntaxError(hint: "expected PRECEDING or FOLLOWING")
        }
        if current.isKeyword("CURRENT"), peek().isKeyword("ROW") {
            advance()
            advance()
            return .currentRow
        }
        let offset = try valueExpression()
        if accept("PRECEDING") { return .preceding(offset) }
        if accept("FOLLOWING") { return .following(offset) }
        throw syntaxError(hint: "expected PRECEDING or FOLLOWING")
    }

    /// `expr [ASC|DESC] [NULLS FIRST|LAST], ...`.
    mutating func sortItems() throws(SQLError) -> [ASTSortItem] {
        var items: [ASTSortItem] = []
        repeat {
            var item = ASTSortItem(try expression())
            if accept("DESC") {
                item.ascending = false
            } else {
                _ = accept("ASC")
            }
            if accept("NULLS") {
                if accept("FIRST") {
                    item.nullsFirst = true
                } else if accept("LAST") {
                    item.nullsFirst = false
                } else {
                    throw syntaxError(hint: "expected FIRST or LAST")
                }
            }
            items.append(item)
        } while acceptSymbol(",")
        return items
    }
}
