import Foundation
import SparkifyTables
@testable import SparkifySQL

/// A call written in `Logic/functions.txt`: `name(arg, ...)` whose arguments are literals,
/// nested calls, `cast(x AS type)`, `try_cast(...)` or `array(...)`.
///
/// Literals: `'text'` (raw: no backslash escapes; `''` is a quote), `12` (int, or bigint when
/// larger), `12L`, `1.5` (decimal, as Spark types it), `1.5D` / `1e3` (double), `true`,
/// `NULL`, `DATE'2020-01-01'`, `TIMESTAMP'2020-01-01 10:00:00'` (session zone), and any of
/// them followed by `::type` to cast.
indirect enum FunctionsTestExpression {
    case literal(Value, DataType)
    case call(String, [FunctionsTestExpression])
    case cast(FunctionsTestExpression, DataType, tryCast: Bool)
    case array([FunctionsTestExpression])

    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    static func parse(_ text: String, context: EvaluationContext) throws -> FunctionsTestExpression {
        var parser = Parser(chars: Array(text), context: context)
        let e = try parser.expression()
        parser.skipSpace()
        guard parser.index == parser.chars.count else { throw ParseError(description: "trailing text at \(parser.index) in \(text)") }
        return e
    }

    struct Parser {
        let chars: [Character]
        var index = 0
        let context: EvaluationContext

        mutating func skipSpace() { while index < chars.count, chars[index].isWhitespace { index += 1 } }

        func peek() -> Character? { index < chars.count ? chars[index] : nil }

        mutating func expect(_ c: Character) throws {
            skipSpace()
            guard peek() == c else { throw ParseError(description: "expected '\(c)' at \(index) in \(String(chars))") }
            index += 1
        }

        mutating func word() -> String {
            skipSpace()
            var w = ""
            while let c = peek(), c.isLetter || c.isNumber || c == "_" || c == "." || c == "-" || c == "+" || "<>=!|*/%&".contains(c) {
                if !w.isEmpty, "<>=!|*/%&".contains(c) != "<>=!|*/%&".contains(w.last!) { break }
                w.append(c)
                index += 1
            }
            return w
        }

        mutating func quoted() throws -> String {
            try expect("'")
            var s = ""
            while true {
                guard let c = peek() else { throw ParseError(description: "unterminated string in \(String(chars))") }
                index += 1
                if c == "'" {
                    if peek() == "'" { s.append("'"); index += 1; continue }
                    return s
                }
                s.append(c)
            }
        }

        mutating func typeName() throws -> DataType {
            skipSpace()
            var name = ""
            var depth = 0
            while let c = peek(), c.isLetter || c.isNumber || c == "(" || c == ")" && depth > 0 || c == "," && depth > 0 || c == "<" || c == ">" {
                if c == "(" || c == "<" { depth += 1 }
                if c == ")" || c == ">" { depth -= 1 }
                name.append(c)
                index += 1
            }
            return try FunctionsTestExpression.type(name)
        }

        mutating func expression() throws -> FunctionsTestExpression {
            var e = try primary()
            skipSpace()
            while index + 1 < chars.count, chars[index] == ":", chars[index + 1] == ":" {
                index += 2
                e = .cast(e, try typeName(), tryCast: false)
                skipSpace()
            }
            return e
        }

        mutating func primary() throws -> FunctionsTestExpression {
            skipSpace()
            if peek() == "'" { return .literal(.string(try quoted()), .string) }
            let w = word()
            skipSpace()
            let upper = w.uppercased()
            if (upper == "DATE" || upper == "TIMESTAMP"), peek() == "'" {
                let text = try quoted()
                var copy = text
                if upper == "DATE" {
                    guard let d = copy.withUTF8({ DatetimeText.parseDate($0) }) else { throw ParseError(description: "bad date \(text)") }
                    return .literal(.date(d), .date)
                }
                guard let t = copy.withUTF8({ DatetimeText.parseTimestamp($0, zone: context.timeZone) }) else { throw ParseError(description: "bad timestamp \(text)") }
                return .literal(.timestamp(t), .timestamp)
            }
            if peek() == "(" {
                index += 1
                let lower = w.lowercased()
                if lower == "cast" || lower == "try_cast" {
                    let inner = try expression()
                    skipSpace()
                    let asWord = word()
                    guard asWord.uppercased() == "AS" else { throw ParseError(description: "expected AS in \(String(chars))") }
                    let type = try typeName()
                    try expect(")")
                    return .cast(inner, type, tryCast: lower == "try_cast")
                }
                var arguments: [FunctionsTestExpression] = []
                skipSpace()
                if peek() == ")" { index += 1 } else {
                    while true {
                        arguments.append(try expression())
                        skipSpace()
                        if peek() == "," { index += 1; continue }
                        try expect(")")
                        break
                    }
                }
                return lower == "array" ? .array(arguments) : .call(lower, arguments)
            }
            return try FunctionsTestExpression.number(w)
        }
    }

    static func number(_ w: String) throws -> FunctionsTestExpression {
        switch w.uppercased() {
        case "NULL": return .literal(.null, .null)
        case "TRUE": return .literal(.boolean(true), .boolean)
        case "FALSE": return .literal(.boolean(false), .boolean)
        default: break
        }
        if w.hasSuffix("L"), let v = Int64(w.dropLast()) { return .literal(.bigint(v), .bigint) }
        if w.hasSuffix("D"), let v = Double(w.dropLast()) { return .literal(.double(v), .double) }
        if let v = Int32(w) { return .literal(.int(v), .int) }
        if let v = Int64(w) { return .literal(.bigint(v), .bigint) }
        if w.contains("e") || w.contains("E"), let v = Double(w) { return .literal(.double(v), .double) }
        if let d = DecimalNumber.parse(w) {
            let digits = w.filter(\.isNumber).drop { $0 == "0" }.count
            let scale = max(d.scale, 0)
            return .literal(.decimal(d.text), .decimal(precision: max(digits, scale, 1), scale: scale))
        }
        throw ParseError(description: "unknown literal \(w)")
    }

    static func type(_ name: String) throws -> DataType {
        let lower = name.lowercased()
        switch lower {
        case "int", "integer": return .int
        case "bigint", "long": return .bigint
        case "double": return .double
        case "string": return .string
        case "date": return .date
        case "timestamp": return .timestamp
        case "boolean": return .boolean
        default: break
        }
        if lower.hasPrefix("decimal(") {
            let parts = lower.dropFirst(8).dropLast().split(separator: ",").compactMap { Int($0) }
            if parts.count == 2 { return .decimal(precision: parts[0], scale: parts[1]) }
        }
        if lower.hasPrefix("array<") { return .array(try type(String(lower.dropFirst(6).dropLast()))) }
        throw ParseError(description: "unknown type \(name)")
    }

    /// Evaluates to a constant (one row).
    func evaluate(_ context: EvaluationContext) throws -> ScalarOperand {
        switch self {
        case let .literal(v, t): return .constant(v, t)
        case let .cast(inner, type, tryCast):
            let operand = try inner.evaluate(context)
            guard CastKernel.canCast(operand.type, type, mode: tryCast ? .tryCast : .ansi) else { throw FunctionErrors.cannotCast(operand.type, type) }
            return try CastKernel.cast(operand, to: type, mode: tryCast ? .tryCast : (context.ansiEnabled ? .ansi : .legacy), rowCount: 1, context: context)
        case let .array(items):
            let operands = try items.map { try $0.evaluate(context) }
            let element = SparkTypeCoercion.commonType(operands.map(\.type)) ?? .string
            var json = "["
            for (k, operand) in operands.enumerated() {
                if k > 0 { json += "," }
                let cast = try CastKernel.cast(operand, to: element, rowCount: 1, context: context)
                switch cast.constantValue {
                case let .string(s)?: json += "\"" + s + "\""
                case nil, .null?: json += "null"
                case let v?: json += ValueFormatter.sparkString(v) ?? "null"
                }
            }
            return .constant(.json(json + "]"), .array(element == .null ? .string : element))
        case let .call(name, arguments):
            let operands = try arguments.map { try $0.evaluate(context) }
            let column = try ScalarFunctionRegistry.call(name, operands, rowCount: 1, context: context)
            return .constant(column.value(at: 0), column.type)
        }
    }
}
