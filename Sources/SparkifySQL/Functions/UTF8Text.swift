#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Character-level helpers on UTF-8 bytes (a character is a Unicode code point, as Spark's
/// `UTF8String` counts them).
enum UTF8Text {
    @inline(__always)
    static func isContinuation(_ b: UInt8) -> Bool { b & 0xC0 == 0x80 }

    /// Code points in `bytes`: the bytes minus the continuation bytes (10xxxxxx), counted
    /// eight at a time.
    @inline(__always)
    static func characterCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = bytes.baseAddress else { return 0 }
        let raw = UnsafeRawPointer(base)
        var continuation = 0
        var i = 0
        while i + 8 <= bytes.count {
            let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
            let high: UInt64 = 0x8080_8080_8080_8080
            continuation += (w & high & ~(w << 1)).nonzeroBitCount
            i += 8
        }
        while i < bytes.count {
            if isContinuation(base[i]) { continuation += 1 }
            i += 1
        }
        return bytes.count - continuation
    }

    /// Byte equality.
    @inline(__always)
    static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        guard a.count == b.count else { return false }
        guard let x = a.baseAddress, let y = b.baseAddress else { return a.count == 0 }
        return memcmp(x, y, a.count) == 0
    }

    /// Byte offset of character `index` (clamped to the end).
    static func byteOffset(_ bytes: UnsafeBufferPointer<UInt8>, character index: Int) -> Int {
        if index <= 0 { return 0 }
        var chars = 0
        var i = 0
        while i < bytes.count {
            if !isContinuation(bytes[i]) {
                if chars == index { return i }
                chars += 1
            }
            i += 1
        }
        return bytes.count
    }

    @inline(__always)
    static func isASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var any: UInt8 = 0
        for b in bytes { any |= b }
        return any < 0x80
    }

    /// Position (bytes) of `needle` in `haystack` from byte `from`, or nil.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, from: Int = 0) -> Int? {
        let n = needle.count, h = haystack.count
        if n == 0 { return from <= h ? from : nil }
        if n > h { return nil }
        guard let hay = haystack.baseAddress, let nee = needle.baseAddress else { return nil }
        let first = Int32(needle[0])
        var i = from
        while i <= h - n {
            // memchr finds the next candidate first byte; memcmp checks the rest.
            guard let hit = memchr(hay + i, first, h - n - i + 1) else { return nil }
            let at = UnsafeRawPointer(hit).assumingMemoryBound(to: UInt8.self) - hay
            if memcmp(hay + at, nee, n) == 0 { return at }
            i = at + 1
        }
        return nil
    }

    /// The character index of byte offset `offset`.
    static func characterIndex(_ bytes: UnsafeBufferPointer<UInt8>, byteOffset offset: Int) -> Int {
        var n = 0
        for i in 0..<min(offset, bytes.count) where !isContinuation(bytes[i]) { n += 1 }
        return n
    }

    /// Lower-cases (or upper-cases) as Java does: ASCII byte-wise, otherwise via Swift's
    /// Unicode case mapping.
    static func appendCaseMapped(_ bytes: UnsafeBufferPointer<UInt8>, upper: Bool, to out: inout [UInt8]) {
        if isASCII(bytes) {
            let start = out.count
            out.append(contentsOf: bytes)
            out.withUnsafeMutableBufferPointer { all in
                if upper {
                    for k in start..<all.count where all[k] &- 97 < 26 { all[k] &-= 32 }
                } else {
                    for k in start..<all.count where all[k] &- 65 < 26 { all[k] &+= 32 }
                }
            }
            return
        }
        let s = String(decoding: bytes, as: UTF8.self)
        out.append(contentsOf: (upper ? s.uppercased() : s.lowercased()).utf8)
    }

    /// Appends a JSON string literal of `bytes`.
    static func appendJSONString(_ bytes: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for b in bytes {
            switch b {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case 92: out.append(contentsOf: [92, 92])
            case 10: out.append(contentsOf: [92, UInt8(ascii: "n")])
            case 13: out.append(contentsOf: [92, UInt8(ascii: "r")])
            case 9: out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0..<32:
                let hex = Array("0123456789abcdef".utf8)
                out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48, hex[Int(b >> 4)], hex[Int(b & 15)]])
            default: out.append(b)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}
