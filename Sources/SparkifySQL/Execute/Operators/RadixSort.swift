/// A stable least-significant-digit radix sort of row indices by 64-bit keys.
enum RadixSort {
    private static let digitBits = 11

    /// Reorders `rows` stably so that `keys[rows[i]]` ascend, looking at the low `bits` bits.
    static func sort(_ rows: inout [UInt32], by keys: [UInt64], bits: Int) {
        let n = rows.count
        guard n > 1, bits > 0 else { return }
        var currentKeys = [UInt64](unsafeUninitializedCapacity: n) { buffer, count in
            keys.withUnsafeBufferPointer { k in
                rows.withUnsafeBufferPointer { r in
                    for i in 0..<n { buffer[i] = k[Int(r[i])] }
                }
            }
            count = n
        }
        var otherKeys = [UInt64](repeating: 0, count: n)
        var otherRows = [UInt32](repeating: 0, count: n)
        let radix = 1 << digitBits
        var counts = [Int](repeating: 0, count: radix)
        var shift = 0
        while shift < bits {
            let s = UInt64(shift)
            let mask = UInt64(radix - 1)
            for d in 0..<radix { counts[d] = 0 }
            currentKeys.withUnsafeBufferPointer { k in
                counts.withUnsafeMutableBufferPointer { c in
                    for i in 0..<n { c[Int((k[i] >> s) & mask)] += 1 }
                }
            }
            // A digit all keys share moves nothing.
            if counts.contains(n) { shift += digitBits; continue }
            var total = 0
            for d in 0..<radix {
                let c = counts[d]
                counts[d] = total
                total += c
            }
            currentKeys.withUnsafeBufferPointer { k in
                rows.withUnsafeBufferPointer { r in
                    otherKeys.withUnsafeMutableBufferPointer { ok in
                        otherRows.withUnsafeMutableBufferPointer { orr in
                            counts.withUnsafeMutableBufferPointer { c in
                                for i in 0..<n {
                                    let d = Int((k[i] >> s) & mask)
                                    let to = c[d]
                                    ok[to] = k[i]
                                    orr[to] = r[i]
                                    c[d] = to + 1
                                }
                            }
                        }
                    }
                }
            }
            swap(&currentKeys, &otherKeys)
            swap(&rows, &otherRows)
            shift += digitBits
        }
    }
}
