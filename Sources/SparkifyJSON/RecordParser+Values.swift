#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

extension RecordParser {
    struct StringScan {
        /// Where the closing quote is.
        var end: UnsafePointer<UInt8>
        var hasEscape: Bool
        var hasHighByte: Bool
    }

    // MARK: values

    /// Parses the value at `p` and appends it to `column`, widening the column as needed.
    @inline(__always)
    mutating func parseValue(into column: ColumnRef) throws(ParseInterrupt) {
        let c = p.pointee
        switch c {
        case Self.quote:
            try parseString(into: column, quote: c)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try parseNumber(into: column)
        case UInt8(ascii: "n"):
            if end - p >= 4, p[1] == UInt8(ascii: "u"), p[2] == UInt8(ascii: "l"), p[3] == UInt8(ascii: "l"),
               end - p == 4 || !Self.isIdentifierByte(p[4]) {
                p += 4
                column.pointee.appendNull()
            } else if end - p >= 3, p[1] == UInt8(ascii: "a"), p[2] == UInt8(ascii: "N") {
                try parseNonFinite(into: column)
            } else {
                throw malformed(.badLiteral)
            }
        case UInt8(ascii: "t"):
            _ = try literal("true")
            try appendBoolean(true, into: column)
        case UInt8(ascii: "f"):
            _ = try literal("false")
            try appendBoolean(false, into: column)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            try parseNested(into: column)
        case Self.apostrophe where allowSingleQuotes:
            try parseString(into: column, quote: c)
        case UInt8(ascii: "N"), UInt8(ascii: "I"), UInt8(ascii: "+"):
            try parseNonFinite(into: column)
        default:
            throw malformed(.unexpectedCharacter(c))
        }
    }

    @inline(__always)
    private mutating func parseString(into column: ColumnRef, quote: UInt8) throws(ParseInterrupt) {
        p += 1
        let start = p
        let scan = try scanStringBody(quote: quote)
        let rawCount = scan.end - start
        if rawCount == 0 {
            if !(column.pointee.kind == .string) {
                builder.noteSuspect(UnsafeBufferPointer(start: recordStart, count: end - recordStart), line: currentLine, alwaysBad: false)
            }
            column.pointee.appendEmptyString()
            return
        }
        if !(column.pointee.kind == .string) { try widen(column, to: .string) }
        if !scan.hasEscape && !scan.hasHighByte {
            try column.pointee.appendText(start, rawCount)
            return
        }
        let dst = column.pointee.reserveText(rawCount)
        let n = scan.hasEscape ? try decodeEscapes(start, scan.end, into: dst) : { dst.update(from: start, count: rawCount); return rawCount }()
        if scan.hasHighByte, !UTF8Text.isValid(dst, n) {
            let fixed = UTF8Text.replacingInvalid(dst, n)
            try fixed.withUnsafeBufferPointer { (b) throws(ParseInterrupt) in try column.pointee.appendText(b.baseAddress!, b.count) }
            return
        }
        try column.pointee.commitText(n)
    }

    @inline(__always)
    private mutating func parseNumber(into column: ColumnRef) throws(ParseInterrupt) {
        let start = p
        if p.pointee == UInt8(ascii: "-"), end - p > 1, p[1] == UInt8(ascii: "I") {
            try parseNonFinite(into: column)
            return
        }
        guard let (value, after) = NumberText.scan(p, end) else { throw malformed(.badNumber) }
        p = after
        switch (value, column.pointee.kind) {
        case let (.int(v), .bigint):
            if v == 0, start.pointee == UInt8(ascii: "-") { column.pointee.hasLossyIntegers = true }
            column.pointee.appendWord(UInt64(bitPattern: v))
        case let (.float(d), .double):
            column.pointee.appendWord(d.bitPattern)
        case let (.int(v), .double):
            column.pointee.appendWord(Double(v).bitPattern)
        case (_, .string):
            try column.pointee.appendText(start, after - start)
        default:
            let valueType: DataType
            switch value {
            case .int: valueType = .bigint
            case let .big(digits): valueType = digits > JSONTypeMerger.maxPrecision ? .double : .decimal(precision: digits, scale: 0)
            case .float: valueType = .double
            }
            let target = JSONTypeMerger.merge(column.pointee.type, valueType)
            if target != column.pointee.type { try widen(column, to: target) }
            switch target {
            case .bigint:
                guard case let .int(v) = value else { preconditionFailure() }
                if v == 0, start.pointee == UInt8(ascii: "-") { column.pointee.hasLossyIntegers = true }
                column.pointee.appendWord(UInt64(bitPattern: v))
            case .double:
                let d: Double
                switch value {
                case let .int(v): d = Double(v)
                case .big: d = NumberText.parseDouble(start, after - start)
                case let .float(f): d = f
                }
                column.pointee.appendWord(d.bitPattern)
            default:
                // decimal or string: the number's text as written.
                try column.pointee.appendText(start, after - start)
            }
        }
    }

    /// `NaN`, `Infinity`, `+Infinity`, `-Infinity`, `+INF`, `-INF` (Jackson's non-numeric
    /// numbers, which Spark allows by default) as doubles.
    private mutating func parseNonFinite(into column: ColumnRef) throws(ParseInterrupt) {
        let start = p
        guard let (value, after) = RecordParser.scanNonFinite(p, end) else { throw malformed(.badNumber) }
        p = after
        let target = JSONTypeMerger.merge(column.pointee.type, .double)
        if target != column.pointee.type { try widen(column, to: target) }
        if target == .double {
            column.pointee.appendWord(value.bitPattern)
        } else {
            try column.pointee.appendText(start, after - start)
        }
    }

    @inline(__always)
    private mutating func appendBoolean(_ value: Bool, into column: ColumnRef) throws(ParseInterrupt) {
        if column.pointee.kind != .boolean {
            let target = JSONTypeMerger.merge(column.pointee.type, .boolean)
            if target != column.pointee.type { try widen(column, to: target) }
            if target == .string {
                let text: StaticString = value ? "true" : "false"
                try column.pointee.appendText(text.utf8Start, text.utf8CodeUnitCount)
                return
            }
        }
        column.pointee.appendWord(value ? 1 : 0)
    }

    private mutating func parseNested(into column: ColumnRef) throws(ParseInterrupt) {
        let start = p
        var scanner = self
        let type = try scanner.scanValue(depth: 1)
        p = scanner.p
        let target = JSONTypeMerger.merge(column.pointee.type, type)
        if target != column.pointee.type { try widen(column, to: target) }
        let n = p - start
        if UTF8Text.hasHighByte(start, n), !UTF8Text.isValid(start, n) {
            let fixed = UTF8Text.replacingInvalid(start, n)
            try fixed.withUnsafeBufferPointer { (b) throws(ParseInterrupt) in try column.pointee.appendText(b.baseAddress!, b.count) }
        } else {
            try column.pointee.appendText(start, n)
        }
    }

    private mutating func widen(_ column: ColumnRef, to type: DataType) throws(ParseInterrupt) {
        builder.changes += 1
        try column.pointee.widen(to: type)
    }

    var currentLine: Int { builder.currentLine }

    // MARK: strings

    /// Scans a string body from `p` (just after the opening quote) to its closing quote and
    /// leaves `p` after it.
    @inline(__always)
    mutating func scanStringBody(quote: UInt8) throws(ParseInterrupt) -> StringScan {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        let quoteMask = ones &* UInt64(quote)
        let backslashMask = ones &* 0x5C
        let controlMask = ones &* 0x20
        var high: UInt64 = 0
        var hasEscape = false
        while true {
            while end - p >= 8 {
                let w = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
                let xq = w ^ quoteMask, xb = w ^ backslashMask
                let special = (((xq &- ones) & ~xq) | ((xb &- ones) & ~xb) | ((w &- controlMask) & ~w)) & highs
                if special == 0 {
                    high |= w
                    p += 8
                    continue
                }
                let index = special.trailingZeroBitCount >> 3
                if index > 0 {
                    high |= w & ((1 << UInt64(index << 3)) &- 1)
                    p += index
                }
                break
            }
            guard p < end else { throw malformed(.unexpectedEnd) }
            let c = p.pointee
            if c == quote {
                let scan = StringScan(end: p, hasEscape: hasEscape, hasHighByte: high & highs != 0)
                p += 1
                return scan
            }
            if c == 0x5C {
                hasEscape = true
                guard end - p >= 2 else { throw malformed(.unexpectedEnd) }
                p += 2
                continue
            }
            if c < 0x20 { throw malformed(.controlCharacterInString) }
            if c >= 0x80 { high |= 0x80 }
            p += 1
        }
    }

    /// Decodes a string body with escapes into `dst` (which has room for the raw length) and
    /// returns the decoded length. A lone surrogate becomes U+FFFD.
    func decodeEscapes(_ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>, into dst: UnsafeMutablePointer<UInt8>) throws(ParseInterrupt) -> Int {
        var q = from
        var n = 0
        while q < to {
            if q.pointee != 0x5C {
                let run = memchr(q, 0x5C, to - q).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) } ?? to
                (dst + n).update(from: q, count: run - q)
                n += run - q
                q = run
                continue
            }
            guard to - q >= 2 else { throw .malformed(offset: q - recordStart, reason: .badEscape) }
            let e = q[1]
            q += 2
            switch e {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): dst[n] = e
            case UInt8(ascii: "'") where allowSingleQuotes: dst[n] = e
            case UInt8(ascii: "b"): dst[n] = 0x08
            case UInt8(ascii: "f"): dst[n] = 0x0C
            case UInt8(ascii: "n"): dst[n] = 0x0A
            case UInt8(ascii: "r"): dst[n] = 0x0D
            case UInt8(ascii: "t"): dst[n] = 0x09
            case UInt8(ascii: "u"):
                guard let unit = UTF8Text.hex4(q, to) else { throw .malformed(offset: q - recordStart, reason: .badEscape) }
                q += 4
                var scalar = UInt32(unit)
                if unit >= 0xD800 && unit <= 0xDBFF {
                    if to - q >= 6, q[0] == 0x5C, q[1] == UInt8(ascii: "u"), let low = UTF8Text.hex4(q + 2, to),
                       low >= 0xDC00 && low <= 0xDFFF {
                        scalar = 0x10000 + ((UInt32(unit) - 0xD800) << 10) + (UInt32(low) - 0xDC00)
                        q += 6
                    } else {
                        scalar = 0xFFFD
                    }
                } else if unit >= 0xDC00 && unit <= 0xDFFF {
                    scalar = 0xFFFD
                }
                n += UTF8Text.encode(scalar, into: dst + n)
                continue
            default:
                throw .malformed(offset: q - 1 - recordStart, reason: .badEscape)
            }
            n += 1
        }
        return n
    }
}
