import Foundation
import SparkifyTables

/// A compiled regular expression. Spark uses Java's `java.util.regex`; this uses ICU through
/// Foundation's `NSRegularExpression`, which agrees on the common syntax (classes, groups,
/// quantifiers, anchors, `(?i)`, lookaround). Known differences: ICU lacks Java's possessive
/// `\G`-style corner cases and treats `$` in replacements the same but `\` escapes only `$`/`\`.
final class CompiledRegex: @unchecked Sendable {
    // NSRegularExpression is immutable and documented thread-safe.
    let expression: NSRegularExpression
    let pattern: String

    init(_ pattern: String, function: String) throws {
        self.pattern = pattern
        do {
            // ICU rejects an empty pattern; Java's matches the empty string everywhere.
            expression = try NSRegularExpression(pattern: pattern.isEmpty ? "(?:)" : pattern, options: [])
        } catch {
            throw SQLError(.execution, "The value of parameter(s) `regexp` in `\(function)` is invalid: '\(pattern)'.", errorClass: "INVALID_PARAMETER_VALUE.PATTERN")
        }
    }

    func firstMatch(_ s: String) -> NSTextCheckingResult? {
        expression.firstMatch(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count))
    }

    func matches(_ s: String) -> [NSTextCheckingResult] {
        expression.matches(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count))
    }
}

/// `rlike`/`regexp_like`, `regexp_extract`, `regexp_replace`, `split`: the pattern compiled
/// once per call, the work done once per distinct input value.
public enum RegexKernels {
    /// Compiles the pattern of a constant operand (or each distinct pattern of a column).
    private static func patterns(_ operand: ScalarOperand, rowCount: Int, function: String) throws -> (Int) -> CompiledRegex? {
        if let text = operand.constantString {
            let regex = try CompiledRegex(text, function: function)
            return { _ in regex }
        }
        let view = operand.stringView()
        let validity = operand.validity(rowCount: rowCount)
        var cache: [String: CompiledRegex] = [:]
        var perRow: [CompiledRegex?] = []
        for i in 0..<rowCount {
            if view.isAllNull || !(validity?.isValid(i) ?? true) { perRow.append(nil); continue }
            let text = view.withBytes(i) { String(decoding: $0, as: UTF8.self) }
            if let cached = cache[text] { perRow.append(cached); continue }
            let regex = try CompiledRegex(text, function: function)
            cache[text] = regex
            perRow.append(regex)
        }
        return { perRow[$0] }
    }

    /// Results computed once per distinct (value, pattern) pair: `ids[row]` indexes `values`
    /// (-1 for a NULL row). With a constant pattern the distinct values of the column are found
    /// first (user agents repeat heavily); with a pattern column every row is its own entry.
    private struct DistinctResults<T> {
        var ids: [Int32]
        var values: [T?]
    }

    private static func perDistinct<T>(_ subject: ScalarOperand, pattern: ScalarOperand, rowCount: Int, function: String, _ body: (String, CompiledRegex) throws -> T?) throws -> DistinctResults<T> {
        let view = subject.stringView()
        let regexFor = try patterns(pattern, rowCount: rowCount, function: function)
        let validity = ValidityOps.and([subject.validity(rowCount: rowCount), pattern.validity(rowCount: rowCount)], count: rowCount)
        if view.isAllNull || pattern.isNullConstant { return DistinctResults(ids: [Int32](repeating: -1, count: rowCount), values: []) }
        if pattern.isConstant, let regex = regexFor(0) {
            let distinct = DistinctStrings(view, validity: validity, rowCount: rowCount)
            var values: [T?] = []
            values.reserveCapacity(distinct.firstRows.count)
            for row in distinct.firstRows {
                values.append(try body(view.withBytes(row) { String(decoding: $0, as: UTF8.self) }, regex))
            }
            return DistinctResults(ids: distinct.ids, values: values)
        }
        var ids = [Int32](repeating: -1, count: rowCount)
        var values: [T?] = []
        for i in 0..<rowCount where validity?.isValid(i) ?? true {
            guard let regex = regexFor(i) else { continue }
            ids[i] = Int32(values.count)
            values.append(try body(view.withBytes(i) { String(decoding: $0, as: UTF8.self) }, regex))
        }
        return DistinctResults(ids: ids, values: values)
    }

    /// `str RLIKE pattern`: true when the pattern matches anywhere in the string.
    public static func like(_ subject: ScalarOperand, pattern: ScalarOperand, rowCount: Int) throws -> Column {
        let results = try perDistinct(subject, pattern: pattern, rowCount: rowCount, function: "rlike") { s, regex in
            regex.firstMatch(s) != nil
        }
        let flags = results.values.map { $0 ?? false }
        return RowMapper.map(.boolean, count: rowCount, validity: nil, as: Bool.self) { i in
            let id = results.ids[i]
            return id < 0 ? nil : flags[Int(id)]
        }
    }

    /// `regexp_extract(str, pattern[, group])`: the group of the first match, '' when none.
    public static func extract(_ subject: ScalarOperand, pattern: ScalarOperand, group: ScalarOperand?, rowCount: Int) throws -> Column {
        var groupIndex = 1
        if let group {
            guard case let .int(g)? = group.constantValue else {
                throw SQLError(.unsupported, "regexp_extract needs a constant group index.")
            }
            groupIndex = Int(g)
        }
        if groupIndex < 0 {
            throw SQLError(.execution, "The value of parameter(s) `idx` in `regexp_extract` is invalid: Expects group index >= 0, but got \(groupIndex).", errorClass: "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX")
        }
        let results = try perDistinct(subject, pattern: pattern, rowCount: rowCount, function: "regexp_extract") { s, regex -> String? in
            if groupIndex > regex.expression.numberOfCaptureGroups {
                throw SQLError(.execution, "The value of parameter(s) `idx` in `regexp_extract` is invalid: Expects group index between 0 and \(regex.expression.numberOfCaptureGroups), but got \(groupIndex).", errorClass: "INVALID_PARAMETER_VALUE.REGEX_GROUP_INDEX")
            }
            guard let match = regex.firstMatch(s) else { return "" }
            let range = match.range(at: groupIndex)
            guard range.location != NSNotFound, let r = Range(range, in: s) else { return "" }
            return String(s[r])
        }
        return stringColumn(results, type: .string)
    }

    /// `regexp_replace(str, pattern, replacement)`: every match replaced; `$n` names a group.
    public static func replace(_ subject: ScalarOperand, pattern: ScalarOperand, replacement: ScalarOperand, rowCount: Int) throws -> Column {
        guard let template = replacement.constantString else {
            if replacement.isNullConstant { return Column.nulls(.string, count: rowCount) }
            throw SQLError(.unsupported, "regexp_replace needs a constant replacement.")
        }
        let results = try perDistinct(subject, pattern: pattern, rowCount: rowCount, function: "regexp_replace") { s, regex in
            regex.expression.stringByReplacingMatches(in: s, options: [], range: NSRange(location: 0, length: s.utf16.count), withTemplate: template)
        }
        return stringColumn(results, type: .string)
    }

    /// `split(str, regex[, limit])`: an `array<string>` (JSON text), Java's `String.split`
    /// rules: trailing empty strings kept, no empty leading string from a zero-width match,
    /// `limit` > 0 caps the count.
    public static func split(_ subject: ScalarOperand, pattern: ScalarOperand, limit: ScalarOperand?, rowCount: Int) throws -> Column {
        var maxParts = -1
        if let limit {
            guard case let .int(l)? = limit.constantValue else { throw SQLError(.unsupported, "split needs a constant limit.") }
            maxParts = l > 0 ? Int(l) : -1
        }
        let results = try perDistinct(subject, pattern: pattern, rowCount: rowCount, function: "split") { s, regex -> String in
            var parts: [Substring] = []
            if s.isEmpty {
                parts = [""]
            } else {
                var start = s.startIndex
                for match in regex.matches(s) {
                    if maxParts > 0 && parts.count == maxParts - 1 { break }
                    guard let r = Range(match.range, in: s) else { continue }
                    if r.isEmpty && r.lowerBound == s.startIndex { continue }
                    if r.isEmpty && r.lowerBound == s.endIndex { continue }
                    parts.append(s[start..<r.lowerBound])
                    start = r.upperBound
                }
                parts.append(s[start...])
            }
            var out: [UInt8] = [UInt8(ascii: "[")]
            for (k, part) in parts.enumerated() {
                if k > 0 { out.append(UInt8(ascii: ",")) }
                var text = String(part)
                text.withUTF8 { UTF8Text.appendJSONString($0, to: &out) }
            }
            out.append(UInt8(ascii: "]"))
            return String(decoding: out, as: UTF8.self)
        }
        return stringColumn(results, type: .array(.string))
    }

    private static func stringColumn(_ results: DistinctResults<String>, type: DataType) -> Column {
        let bytes: [[UInt8]?] = results.values.map { $0.map { Array($0.utf8) } }
        return RowMapper.mapString(type, count: results.ids.count, validity: nil) { i, out in
            let id = results.ids[i]
            guard id >= 0, let value = bytes[Int(id)] else { return false }
            out.append(contentsOf: value)
            return true
        }
    }
}
