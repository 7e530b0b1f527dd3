/// Hashing and normalisation of key values shared by grouping, joins and set operations.
enum KeyHashing {
    /// Spark normalises floating keys before grouping and joining (`NormalizeFloatingNumbers`):
    /// -0.0 equals 0.0 and every NaN equals every other NaN. The result's bit pattern is the key.
    @inline(__always)
    static func normalizedBits(_ value: Double) -> Int64 {
        if value.isNaN { return 0x7FF8_0000_0000_0000 }
        if value == 0 { return 0 }
        return Int64(bitPattern: value.bitPattern)
    }

    /// A fast 64-bit mix of an integer key (the finaliser of MurmurHash3).
    @inline(__always)
    static func mix(_ key: UInt64) -> UInt64 {
        var h = key
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        h ^= h >> 33
        return h
    }

    /// A 64-bit hash of `count` bytes, eight at a time, for string keys read in place in an arena.
    @inline(__always)
    static func hashBytes(_ base: UnsafePointer<UInt8>?, _ count: Int) -> UInt64 {
        guard let base, count > 0 else { return 0x2545_F491_4F6C_DD1D }
        let raw = UnsafeRawPointer(base)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: count)
        if count >= 8 {
            var offset = 0
            while offset + 8 <= count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0x9FB2_1C65_1E98_DF25
                h ^= h >> 29
                offset += 8
            }
            // The tail: the last eight bytes, overlapping what came before.
            if offset < count {
                h = (h ^ raw.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x9FB2_1C65_1E98_DF25
            }
        } else if count >= 4 {
            let low = UInt64(raw.loadUnaligned(as: UInt32.self))
            let high = UInt64(raw.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            h = (h ^ (low | high << 32)) &* 0x9FB2_1C65_1E98_DF25
        } else {
            let value = UInt64(base[0]) | UInt64(base[count >> 1]) << 8 | UInt64(base[count - 1]) << 16
            h = (h ^ value) &* 0x9FB2_1C65_1E98_DF25
        }
        return mix(h)
    }

    /// Byte-wise equality of two byte ranges.
    @inline(__always)
    static func bytesEqual(_ a: UnsafePointer<UInt8>?, _ aCount: Int, _ b: UnsafePointer<UInt8>?, _ bCount: Int) -> Bool {
        if aCount != bCount { return false }
        if aCount == 0 { return true }
        guard let a, let b else { return false }
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        if aCount >= 8 {
            var offset = 0
            while offset + 8 <= aCount {
                if ra.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    != rb.loadUnaligned(fromByteOffset: offset, as: UInt64.self) { return false }
                offset += 8
            }
            return offset == aCount
                || ra.loadUnaligned(fromByteOffset: aCount - 8, as: UInt64.self)
                    == rb.loadUnaligned(fromByteOffset: aCount - 8, as: UInt64.self)
        }
        for i in 0..<aCount where a[i] != b[i] { return false }
        return true
    }

    /// The smallest power of two that is at least `n` (and at least 16).
    static func tableCapacity(for n: Int) -> Int {
        var capacity = 16
        while capacity < n { capacity <<= 1 }
        return capacity
    }
}
