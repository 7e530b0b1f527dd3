/// Spark's `Murmur3_x86_32`, as its `hash()` uses it (seed 42, each argument hashed with the
/// previous result as seed, NULL arguments skipped), including the byte-wise tail of
/// `hashUnsafeBytes` that sign-extends each remaining byte.
enum SparkMurmur3 {
    static let defaultSeed: Int32 = 42

    @inline(__always)
    private static func mixK1(_ k: UInt32) -> UInt32 {
        var k1 = k &* 0xcc9e_2d51
        k1 = k1 << 15 | k1 >> 17
        return k1 &* 0x1b87_3593
    }

    @inline(__always)
    private static func mixH1(_ h: UInt32, _ k1: UInt32) -> UInt32 {
        var h1 = h ^ k1
        h1 = h1 << 13 | h1 >> 19
        return h1 &* 5 &+ 0xe654_6b64
    }

    @inline(__always)
    private static func fmix(_ h: UInt32, _ length: Int) -> UInt32 {
        var h1 = h ^ UInt32(truncatingIfNeeded: length)
        h1 ^= h1 >> 16
        h1 = h1 &* 0x85eb_ca6b
        h1 ^= h1 >> 13
        h1 = h1 &* 0xc2b2_ae35
        h1 ^= h1 >> 16
        return h1
    }

    static func hashInt(_ value: Int32, seed: Int32) -> Int32 {
        let h1 = mixH1(UInt32(bitPattern: seed), mixK1(UInt32(bitPattern: value)))
        return Int32(bitPattern: fmix(h1, 4))
    }

    static func hashLong(_ value: Int64, seed: Int32) -> Int32 {
        let low = UInt32(truncatingIfNeeded: value), high = UInt32(truncatingIfNeeded: value >> 32)
        var h1 = mixH1(UInt32(bitPattern: seed), mixK1(low))
        h1 = mixH1(h1, mixK1(high))
        return Int32(bitPattern: fmix(h1, 8))
    }

    static func hashBytes(_ bytes: UnsafeBufferPointer<UInt8>, seed: Int32) -> Int32 {
        var h1 = UInt32(bitPattern: seed)
        let aligned = bytes.count - bytes.count % 4
        var i = 0
        while i < aligned {
            let word = UInt32(bytes[i]) | UInt32(bytes[i + 1]) << 8 | UInt32(bytes[i + 2]) << 16 | UInt32(bytes[i + 3]) << 24
            h1 = mixH1(h1, mixK1(word))
            i += 4
        }
        while i < bytes.count {
            let signExtended = UInt32(bitPattern: Int32(Int8(bitPattern: bytes[i])))
            h1 = mixH1(h1, mixK1(signExtended))
            i += 1
        }
        return Int32(bitPattern: fmix(h1, bytes.count))
    }
}
