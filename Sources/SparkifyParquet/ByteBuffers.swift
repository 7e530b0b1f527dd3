extension Array where Element == UInt8 {
    /// Up to `capacity` bytes written by `body`, which returns how many it wrote, without
    /// zeroing the buffer first (page buffers are written whole by a codec or `pread`). When
    /// `body` throws, no bytes are kept.
    init(writing capacity: Int, _ body: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows {
        try self.init(unsafeUninitializedCapacity: capacity) { buffer, initialized in
            initialized = 0
            let written = try body(UnsafeMutableRawBufferPointer(buffer))
            initialized = Swift.min(Swift.max(written, 0), capacity)
        }
    }
}

/// Copies `count` bytes; short strings (most column values) by hand, since a `memmove`
/// call per two-byte value costs more than the copy.
@inline(__always)
func copyBytes(to target: UnsafeMutableRawPointer, from source: UnsafeRawPointer, count: Int) {
    if count <= 16 {
        for k in 0..<count { target.storeBytes(of: source.load(fromByteOffset: k, as: UInt8.self), toByteOffset: k, as: UInt8.self) }
    } else {
        target.copyMemory(from: source, byteCount: count)
    }
}
