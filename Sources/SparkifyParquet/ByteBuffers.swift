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
