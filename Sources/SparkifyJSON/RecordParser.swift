#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

/// Parses JSON records straight into a unit's columns: one pass that parses, infers types
/// and stores values, over bytes in a reusable buffer.
struct RecordParser {
    let builder: ChunkBuilder
    let allowSingleQuotes: Bool
    /// Lines mode: a CR inside a line is a line break (Hadoop's line reader).
    let linesMode: Bool
    /// Start of the record being parsed (offsets in errors are from here).
    var recordStart: UnsafePointer<UInt8>
    var end: UnsafePointer<UInt8>
    var p: UnsafePointer<UInt8>
    var sawCarriageReturn = false

    static let quote = UInt8(ascii: "\"")
    static let apostrophe = UInt8(ascii: "'")

    init(builder: ChunkBuilder, linesMode: Bool) {
        self.builder = builder
        self.allowSingleQuotes = builder.options.allowSingleQuotes
        self.linesMode = linesMode
        let empty = UnsafePointer<UInt8>(bitPattern: 1).unsafelyUnwrapped
        recordStart = empty
        end = empty
        p = empty
    }

    // MARK: records

    /// Parses one line (lines mode) or one whole document (multi-line mode) as a record,
    /// storing its rows, or recording it as malformed. `line` is its 1-based line number.
    mutating func parseRecord(_ start: UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>, line: Int) throws(ParseInterrupt) {
        recordStart = start
        end = stop
        p = start
        sawCarriageReturn = false
        skipWhitespace()
        if p == end { return }
        let rowStart = builder.row
        let changesBefore = builder.changes
        do {
            if builder.validateFirst {
                var checker = self
                try checker.validateRoot()
            }
            try parseRoot(line: line)
            if linesMode, sawCarriageReturn || (p < end && memchrCR(p, end) != nil) {
                builder.rollBack(to: rowStart)
                try parseSegments(start, stop, line: line)
            }
        } catch let interrupt {
            guard case let .malformed(offset, reason) = interrupt else { throw interrupt }
            if builder.changes != changesBefore { throw .revalidate }
            builder.rollBack(to: rowStart)
            if linesMode, memchrCR(start, stop) != nil {
                try parseSegments(start, stop, line: line)
                return
            }
            var errorLine = line
            if !linesMode {
                // A document spans lines: name the line where it went wrong.
                var q = start
                let stopAt = start + min(offset, stop - start)
                while q < stopAt {
                    if q.pointee == 0x0A { errorLine += 1 }
                    q += 1
                }
            }
            try builder.recordMalformed(UnsafeBufferPointer(start: start, count: stop - start), line: errorLine, reason: reason)
        }
    }

    /// Checks the whole record without storing anything (used once a malformed record had
    /// already changed column types: then every record is checked before it is stored).
    private mutating func validateRoot() throws(ParseInterrupt) {
        var scanner = self
        _ = try scanner.scanValue(depth: 0)
    }

    /// A line holding lone CRs is several lines to Hadoop: parse each piece.
    private mutating func parseSegments(_ start: UnsafePointer<UInt8>, _ stop: UnsafePointer<UInt8>, line: Int) throws(ParseInterrupt) {
        var segmentStart = start
        var q = start
        while q <= stop {
            if q == stop || q.pointee == 0x0D {
                var inner = RecordParser(builder: builder, linesMode: false)
                try inner.parseRecord(segmentStart, q, line: line)
                segmentStart = q + 1
            }
            q += 1
        }
    }

    private func memchrCR(_ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>) -> UnsafePointer<UInt8>? {
        var q = from
        while q < to {
            if q.pointee == 0x0D { return q }
            q += 1
        }
        return nil
    }

    private mutating func parseRoot(line: Int) throws(ParseInterrupt) {
        switch p.pointee {
        case UInt8(ascii: "{"):
            try parseObjectRow()
        case UInt8(ascii: "["):
            p += 1
            skipWhitespace()
            guard p < end else { throw malformed(.unexpectedEnd) }
            if p.pointee == UInt8(ascii: "]") { p += 1; return }
            while true {
                guard p < end else { throw malformed(.unexpectedEnd) }
                if p.pointee == UInt8(ascii: "{") {
                    try parseObjectRow()
                } else if p.pointee == UInt8(ascii: "n"), try literal("null") {
                    // A null element gives no row.
                } else {
                    var scanner = self
                    _ = try scanner.scanValue(depth: 1)
                    throw malformed(.arrayElementNotAnObject)
                }
                skipWhitespace()
                guard p < end else { throw malformed(.unexpectedEnd) }
                if p.pointee == UInt8(ascii: ",") { p += 1; skipWhitespace(); continue }
                if p.pointee == UInt8(ascii: "]") { p += 1; return }
                throw malformed(.unexpectedCharacter(p.pointee))
            }
        case UInt8(ascii: "n"):
            if try literal("null") {
                builder.noteSuspect(UnsafeBufferPointer(start: recordStart, count: end - recordStart), line: line, alwaysBad: true)
                builder.finishRow(fieldsSet: 0)
                return
            }
            throw malformed(.badLiteral)
        default:
            var scanner = self
            _ = try scanner.scanValue(depth: 0)
            throw malformed(.notAnObject)
        }
    }

    /// Parses the object at `p` into one row.
    private mutating func parseObjectRow() throws(ParseInterrupt) {
        p += 1
        skipWhitespace()
        guard p < end else { throw malformed(.unexpectedEnd) }
        var fieldsSet = 0
        if p.pointee == UInt8(ascii: "}") {
            p += 1
            builder.finishRow(fieldsSet: 0)
            return
        }
        var previous: ColumnRef?
        let row = builder.row
        while true {
            let q = p.pointee
            guard q == Self.quote || (q == Self.apostrophe && allowSingleQuotes) else {
                throw malformed(.unexpectedCharacter(q))
            }
            let column = try parseKey(quote: q, after: previous)
            previous = column
            skipWhitespace()
            guard p < end, p.pointee == UInt8(ascii: ":") else { throw malformed(p < end ? .unexpectedCharacter(p.pointee) : .unexpectedEnd) }
            p += 1
            skipWhitespace()
            guard p < end else { throw malformed(.unexpectedEnd) }
            if column.pointee.count > row {
                // A repeated key: the first value is kept.
                var scanner = self
                _ = try scanner.scanValue(depth: 1)
                p = scanner.p
            } else {
                try parseValue(into: column)
                fieldsSet += 1
            }
            skipWhitespace()
            guard p < end else { throw malformed(.unexpectedEnd) }
            let c = p.pointee
            p += 1
            if c == UInt8(ascii: ",") { skipWhitespace(); guard p < end else { throw malformed(.unexpectedEnd) }; continue }
            if c == UInt8(ascii: "}") { break }
            p -= 1
            throw malformed(.unexpectedCharacter(c))
        }
        builder.finishRow(fieldsSet: fieldsSet)
    }

    /// Parses a key and returns its column.pointee.
    @inline(__always)
    private mutating func parseKey(quote: UInt8, after previous: ColumnRef?) throws(ParseInterrupt) -> ColumnRef {
        p += 1
        // Records mostly repeat their keys in the same order: check the expected key's bytes
        // and closing quote directly instead of scanning.
        if let hint = builder.hint(after: previous), hint.pointee.keyIsPlain {
            let n = hint.pointee.keyCount
            if end - p > n, p[n] == quote, ChunkBuilder.equal(p, hint.pointee.keyBytes, n) {
                p += n + 1
                return hint
            }
        }
        let start = p
        let scan = try scanStringBody(quote: quote)
        if !scan.hasEscape && !scan.hasHighByte {
            return builder.column(for: start, scan.end - start, after: previous)
        }
        builder.keyScratch.count = 0
        let dst = builder.keyScratch.reserve(extra: scan.end - start)
        var n = scan.hasEscape ? try decodeEscapes(start, scan.end, into: dst) : copy(start, scan.end, into: dst)
        if scan.hasHighByte, !UTF8Text.isValid(dst, n) {
            let fixed = UTF8Text.replacingInvalid(dst, n)
            builder.keyScratch.count = 0
            fixed.withUnsafeBufferPointer { builder.keyScratch.append($0.baseAddress!, count: $0.count) }
            n = fixed.count
            return builder.column(for: builder.keyScratch.base.unsafelyUnwrapped, n, after: previous)
        }
        return builder.column(for: dst, n, after: previous)
    }

    private func copy(_ from: UnsafePointer<UInt8>, _ to: UnsafePointer<UInt8>, into dst: UnsafeMutablePointer<UInt8>) -> Int {
        dst.update(from: from, count: to - from)
        return to - from
    }

    // MARK: whitespace, literals, errors

    @inline(__always)
    mutating func skipWhitespace() {
        while p < end {
            let c = p.pointee
            if c > 0x20 { return }
            if c == 0x20 || c == 0x0A || c == 0x09 {
                p += 1
            } else if c == 0x0D {
                sawCarriageReturn = true
                p += 1
            } else {
                return
            }
        }
    }

    /// Matches `word` at `p` followed by a delimiter; advances past it when it matches.
    @inline(__always)
    mutating func literal(_ word: StaticString) throws(ParseInterrupt) -> Bool {
        let n = word.utf8CodeUnitCount
        guard end - p >= n, memcmp(p, word.utf8Start, n) == 0 else { throw malformed(.badLiteral) }
        if p + n < end, Self.isIdentifierByte(p[n]) { throw malformed(.badLiteral) }
        p += n
        return true
    }

    @inline(__always)
    static func isIdentifierByte(_ c: UInt8) -> Bool {
        (c | 0x20 >= UInt8(ascii: "a") && c | 0x20 <= UInt8(ascii: "z")) || (c &- 48) < 10 || c == UInt8(ascii: "_") || c >= 0x80
    }

    func malformed(_ reason: MalformedReason) -> ParseInterrupt {
        .malformed(offset: p - recordStart, reason: reason)
    }
}
