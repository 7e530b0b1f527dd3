/// Strings stored back to back in one byte buffer, with an offset per value.
///
/// A column of millions of strings costs its bytes plus eight bytes a value, not a Swift
/// `String` each. Bytes are UTF-8 as read; nothing is copied per value.
public struct StringArena: Hashable, Sendable {
    public private(set) var bytes: [UInt8]
    /// `count + 1` offsets; value `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
    public private(set) var offsets: [Int]

    public init() {
        bytes = []
        offsets = [0]
    }

    public init(_ strings: [String]) {
        self.init()
        for s in strings { append(s) }
    }

    /// An arena over `bytes` already laid out, with `offsets` as described on `offsets`
    /// (`count + 1` non-decreasing values, the first 0, the last `bytes.count`). For bulk
    /// builders (the JSON reader) that fill their own buffers.
    public init(bytes: [UInt8], offsets: [Int]) {
        precondition(offsets.first == 0 && offsets.last == bytes.count, "StringArena: offsets do not span the bytes")
        self.bytes = bytes
        self.offsets = offsets
    }

    public var count: Int { offsets.count - 1 }

    public mutating func reserveCapacity(values: Int, bytes byteCount: Int) {
        offsets.reserveCapacity(values + 1)
        bytes.reserveCapacity(byteCount)
    }

    @inline(__always)
    public mutating func append(_ buffer: UnsafeRawBufferPointer) {
        bytes.append(contentsOf: buffer.bindMemory(to: UInt8.self))
        offsets.append(bytes.count)
    }

    @inline(__always)
    public mutating func append(_ buffer: UnsafeBufferPointer<UInt8>) {
        bytes.append(contentsOf: buffer)
        offsets.append(bytes.count)
    }

    public mutating func append(_ string: String) {
        var s = string
        s.withUTF8 { append($0) }
    }

    /// Appends an empty value (used for NULL slots).
    @inline(__always)
    public mutating func appendEmpty() {
        offsets.append(bytes.count)
    }

    /// Appends every value of `other`.
    public mutating func append(contentsOf other: StringArena) {
        let base = bytes.count
        bytes.append(contentsOf: other.bytes)
        offsets.reserveCapacity(offsets.count + other.count)
        for i in 1..<other.offsets.count { offsets.append(base + other.offsets[i]) }
    }

    public func byteCount(at index: Int) -> Int { offsets[index + 1] - offsets[index] }

    /// Calls `body` with the bytes of value `index`, without copying.
    @inline(__always)
    public func withBytes<R>(at index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let start = offsets[index], end = offsets[index + 1]
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(rebasing: all[start..<end]))
        }
    }

    /// Value `index` as a `String`; invalid UTF-8 is replaced with U+FFFD.
    public subscript(index: Int) -> String {
        withBytes(at: index) { String(decoding: $0, as: UTF8.self) }
    }

    /// The values at `indices`, in that order; a negative index gives an empty value.
    public func gather(_ indices: UnsafeBufferPointer<Int>) -> StringArena {
        // Offsets first, then one copy per value straight into uninitialized storage: no
        // per-value growth checks (this runs for every string column a join or filter keeps).
        let n = indices.count
        var total = 0
        let newOffsets = offsets.withUnsafeBufferPointer { from in
            [Int](unsafeUninitializedCapacity: n + 1) { out, initialized in
                out[0] = 0
                for k in 0..<n {
                    let i = indices[k]
                    if i >= 0 { total += from[i + 1] - from[i] }
                    out[k + 1] = total
                }
                initialized = n + 1
            }
        }
        let newBytes = bytes.withUnsafeBufferPointer { all in
            offsets.withUnsafeBufferPointer { from in
                [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
                    guard let source = all.baseAddress, let target = out.baseAddress else { initialized = 0; return }
                    var o = 0
                    for k in 0..<n {
                        let i = indices[k]
                        if i < 0 { continue }
                        let start = from[i], length = from[i + 1] - start
                        (target + o).initialize(from: source + start, count: length)
                        o += length
                    }
                    initialized = total
                }
            }
        }
        return StringArena(bytes: newBytes, offsets: newOffsets)
    }
}
