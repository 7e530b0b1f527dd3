import Foundation
import Testing
import SparkifyTables
@testable import SparkifySQL

/// Runs `Logic/functions.txt`: each line `call | expected` is evaluated twice, once on
/// constants and once with its first argument as a column (two rows plus a NULL row, which
/// must give NULL unless the function handles NULLs itself), and the result compared with
/// Spark's answer as Spark prints it (`NULL`, `ERROR <error class prefix>`, or the value,
/// optionally followed by `:: type` to check the result type).
///
/// `SET timezone = <id>` and `SET ansi = true|false` lines change the session for the lines
/// after them. `#` starts a comment.
@Suite struct FunctionsLogicTests {
    @Test func functionsFile() throws {
        let url = try #require(Bundle.module.url(forResource: "functions", withExtension: "txt", subdirectory: "Logic"))
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        var context = EvaluationContext(statementTimestampMicros: 1_700_000_000_123_456)
        var failures: [String] = []
        var cases = 0
        for (number, raw) in lines.enumerated() {
            // Expected values may end in spaces: only a carriage return is stripped.
            let line = raw.hasSuffix("\r") ? String(raw.dropLast()) : raw
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            if line.uppercased().hasPrefix("SET ") {
                let setting = line.dropFirst(4).split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if setting[0] == "timezone" { context.timeZone = try SessionTimeZone.named(setting[1]) }
                if setting[0] == "ansi" { context.ansiEnabled = setting[1] == "true" }
                continue
            }
            guard let bar = line.range(of: " | ", options: .backwards) ?? (line.hasSuffix(" |") ? line.range(of: " |", options: .backwards) : nil) else {
                failures.append("line \(number + 1): no ' | ' in \(line)")
                continue
            }
            cases += 1
            let callText = String(line[..<bar.lowerBound])
            var expected = String(line[bar.upperBound...])
            var expectedType: String?
            if let typeMark = expected.range(of: " :: ", options: .backwards) {
                expectedType = String(expected[typeMark.upperBound...])
                expected = String(expected[..<typeMark.lowerBound])
            }
            for asColumn in [false, true] {
                let outcome = Self.run(callText, asColumn: asColumn, context: context)
                let mode = asColumn ? "column" : "constant"
                switch outcome {
                case let .failure(text):
                    if expected.hasPrefix("ERROR") {
                        let wanted = expected.dropFirst(5).trimmingCharacters(in: .whitespaces)
                        if !text.hasPrefix("[" + wanted) && !(wanted.isEmpty) {
                            failures.append("line \(number + 1) (\(mode)): \(callText): expected error \(wanted), got \(text)")
                        }
                    } else {
                        failures.append("line \(number + 1) (\(mode)): \(callText): expected \(expected), got error \(text)")
                    }
                case let .success((value, type)):
                    if value != expected {
                        failures.append("line \(number + 1) (\(mode)): \(callText): expected \(expected), got \(value)")
                    }
                    if let expectedType, type.simpleString != expectedType {
                        failures.append("line \(number + 1) (\(mode)): \(callText): expected type \(expectedType), got \(type.simpleString)")
                    }
                }
            }
        }
        #expect(cases > 100)
        #expect(failures.isEmpty, "\n\(failures.joined(separator: "\n"))")
    }

    enum Outcome {
        case success((String, DataType))
        case failure(String)
    }

    /// Evaluates `text`; with `asColumn` the first argument of the outer call becomes a column
    /// of [value, value, NULL] (the second when the first must be a constant, like
    /// `date_part`'s field) and rows 0 and 1 must agree.
    static func run(_ text: String, asColumn: Bool, context: EvaluationContext) -> Outcome {
        let first = run(text, asColumn: asColumn, columnIndex: 0, context: context)
        if asColumn, case let .failure(message) = first, message.contains("NON_FOLDABLE_INPUT") || message.contains("must be a constant") {
            return run(text, asColumn: true, columnIndex: 1, context: context)
        }
        return first
    }

    static func run(_ text: String, asColumn: Bool, columnIndex: Int, context: EvaluationContext) -> Outcome {
        do {
            let expression = try FunctionsTestExpression.parse(text, context: context)
            guard asColumn, case let .call(name, arguments) = expression, arguments.count > columnIndex else {
                let result = try expression.evaluate(context)
                return .success((show(result.value(at: 0), result.type, context), result.type))
            }
            var operands = try arguments.map { try $0.evaluate(context) }
            let chosen = operands[columnIndex]
            var column = chosen.materialize(rowCount: 2)
            column.append(Column.nulls(chosen.type, count: 1))
            operands[columnIndex] = .column(column)
            let result = try ScalarFunctionRegistry.call(name, operands, rowCount: 3, context: context)
            let shown = show(result.value(at: 0), result.type, context)
            if show(result.value(at: 1), result.type, context) != shown {
                return .failure("rows 0 and 1 differ")
            }
            if result.count != 3 { return .failure("\(result.count) rows for 3") }
            if !nullTolerant.contains(name), !result.isNull(2) {
                return .failure("a NULL first argument gave \(show(result.value(at: 2), result.type, context)), not NULL")
            }
            return .success((shown, result.type))
        } catch let error as SQLError {
            return .failure(error.description)
        } catch {
            return .failure("\(error)")
        }
    }

    /// Functions whose result can be non-NULL when the first argument is NULL.
    static let nullTolerant: Set<String> = [
        "coalesce", "nvl", "ifnull", "nvl2", "isnull", "isnotnull", "<=>", "and", "or", "if",
        "greatest", "least", "concat_ws", "typeof", "isnan", "hash", "size",
    ]

    static func show(_ value: Value, _ type: DataType, _ context: EvaluationContext) -> String {
        var offset = 0
        if case let .timestamp(t) = value { offset = context.timeZone.offset(atMicros: t) }
        return ValueFormatter.sparkString(value, offsetSeconds: offset) ?? "NULL"
    }
}
