#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

extension RecordParser {
    /// Jackson's default nesting limit.
    static let maxDepth = 1000

    /// Checks the value at `p`, leaves `p` after it, and returns its inferred Spark type:
    /// objects as structs of sorted fields, arrays as arrays of their merged element type,
    /// `""` and `null` as NULL type.
    mutating func scanValue(depth: Int) throws(ParseInterrupt) -> DataType {
        guard depth <= Self.maxDepth else { throw malformed(.tooDeep) }
        guard p < end else { throw malformed(.unexpectedEnd) }
        let c = p.pointee
        switch c {
        case UInt8(ascii: "{"):
            p += 1
            skipWhitespace()
            var fields: [Field] = []
            guard p < end else { throw malformed(.unexpectedEnd) }
            if p.pointee == UInt8(ascii: "}") { p += 1; return .structure([]) }
            while true {
                guard p < end else { throw malformed(.unexpectedEnd) }
                let q = p.pointee
                guard q == Self.quote || (q == Self.apostrophe && allowSingleQuotes) else { throw malformed(.unexpectedCharacter(q)) }
                p += 1
                let name = try scanStringText(quote: q)
                skipWhitespace()
                guard p < end, p.pointee == UInt8(ascii: ":") else { throw malformed(p < end ? .unexpectedCharacter(p.pointee) : .unexpectedEnd) }
                p += 1
                skipWhitespace()
                fields.append(Field(name, try scanValue(depth: depth + 1)))
                skipWhitespace()
                guard p < end else { throw malformed(.unexpectedEnd) }
                let next = p.pointee
                p += 1
                if next == UInt8(ascii: ",") { skipWhitespace(); continue }
                if next == UInt8(ascii: "}") { break }
                p -= 1
                throw malformed(.unexpectedCharacter(next))
            }
            return JSONTypeMerger.structType(fields)
        case UInt8(ascii: "["):
            p += 1
            skipWhitespace()
            var element: DataType = .null
            guard p < end else { throw malformed(.unexpectedEnd) }
            if p.pointee == UInt8(ascii: "]") { p += 1; return .array(.null) }
            while true {
                element = JSONTypeMerger.merge(element, try scanValue(depth: depth + 1))
                skipWhitespace()
                guard p < end else { throw malformed(.unexpectedEnd) }
                let next = p.pointee
                p += 1
                if next == UInt8(ascii: ",") { skipWhitespace(); continue }
                if next == UInt8(ascii: "]") { break }
                p -= 1
                throw malformed(.unexpectedCharacter(next))
            }
            return .array(element)
        case Self.quote:
            p += 1
            let start = p
            let scan = try scanStringBody(quote: c)
            if scan.hasEscape { _ = try decodedText(start, scan.end) }
            return scan.end == start ? .null : .string
        case Self.apostrophe where allowSingleQuotes:
            p += 1
            let start = p
            let scan = try scanStringBody(quote: c)
            if scan.hasEscape { _ = try decodedText(start, scan.end) }
            return scan.end == start ? .null : .string
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            if c == UInt8(ascii: "-"), end - p > 1, p[1] == UInt8(ascii: "I") {
                guard let (_, after) = Self.scanNonFinite(p, end) else { throw malformed(.badNumber) }
                p = after
                return .double
            }
            guard let (value, after) = NumberText.scan(p, end) else { throw malformed(.badNumber) }
            p = after
            switch value {
            case .int: return .bigint
            case let .big(digits): return digits > JSONTypeMerger.maxPrecision ? .double : .decimal(precision: digits, scale: 0)
            case .float: return .double
            }
        case UInt8(ascii: "t"):
            _ = try literal("true")
            return .boolean
        case UInt8(ascii: "f"):
            _ = try literal("false")
            return .boolean
        case UInt8(ascii: "n"):
            if end - p >= 3, p[1] == UInt8(ascii: "a"), p[2] == UInt8(ascii: "N") {
                guard let (_, after) = Self.scanNonFinite(p, end) else { throw malformed(.badNumber) }
                p = after
                return .double
            }
            _ = try literal("null")
            return .null
        case UInt8(ascii: "N"), UInt8(ascii: "I"), UInt8(ascii: "+"):
            guard let (_, after) = Self.scanNonFinite(p, end) else { throw malformed(.badNumber) }
            p = after
            return .double
        default:
            throw malformed(.unexpectedCharacter(c))
        }
    }

    /// A string body (after its opening quote), decoded, as a Swift string (nested field names).
    private mutating func scanStringText(quote: UInt8) throws(ParseInterrupt) -> String {
        let start = p
        let scan = try scanStringBody(quote: quote)
        if !scan.hasEscape { return String(decoding: UnsafeBufferPointer(start: start, count: scan.end - start), as: UTF8.self) }
        let bytes = try decodedText(start, scan.end)
        return String(decoding: bytes, as: UTF8.self)
    }

    private func decodedText(_ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>) throws(ParseInterrupt) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: to - from)
        let n = try out.withUnsafeMutableBufferPointer { (b) throws(ParseInterrupt) in try decodeEscapes(from, to, into: b.baseAddress!) }
        out.removeLast(out.count - n)
        return out
    }

    /// Jackson's non-numeric numbers: `NaN`, `Infinity`, `+Infinity`, `-Infinity`, `INF`,
    /// `+INF`, `-INF`.
    static func scanNonFinite(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> (Double, UnsafePointer<UInt8>)? {
        func matches(_ word: StaticString, at q: UnsafePointer<UInt8>) -> Bool {
            let n = word.utf8CodeUnitCount
            guard end - q >= n, memcmp(q, word.utf8Start, n) == 0 else { return false }
            return q + n == end || !isIdentifierByte(q[n])
        }
        if matches("NaN", at: p) { return (.nan, p + 3) }
        var q = p
        var sign = 1.0
        if q.pointee == UInt8(ascii: "-") { sign = -1; q += 1 } else if q.pointee == UInt8(ascii: "+") { q += 1 }
        if matches("Infinity", at: q) { return (sign * .infinity, q + 8) }
        if matches("INF", at: q) { return (sign * .infinity, q + 3) }
        return nil
    }
}
