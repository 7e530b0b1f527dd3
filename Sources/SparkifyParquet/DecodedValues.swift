/// Non-NULL values decoded from a page or dictionary, already in sparkify's storage form.
enum DecodedValues {
    case boolean([Bool])
    case int32([Int32])
    case int64([Int64])
    case double([Double])
    /// Strings (and decimal text): bytes back to back, `count + 1` offsets.
    case bytes(bytes: [UInt8], offsets: [Int])

    var count: Int {
        switch self {
        case let .boolean(v): return v.count
        case let .int32(v): return v.count
        case let .int64(v): return v.count
        case let .double(v): return v.count
        case let .bytes(_, offsets): return offsets.count - 1
        }
    }

    /// The values at `indices` (dictionary lookup), each index checked against the count.
    func gather(_ indices: UnsafeBufferPointer<UInt32>) throws -> DecodedValues {
        let n = count
        for i in indices where Int(i) >= n {
            throw ParquetDecodeFailure("dictionary index \(i) is past the dictionary's \(n) entries")
        }
        switch self {
        case let .boolean(v): return .boolean(v.withUnsafeBufferPointer { d in indices.map { d[Int($0)] } })
        case let .int32(v): return .int32(v.withUnsafeBufferPointer { d in indices.map { d[Int($0)] } })
        case let .int64(v): return .int64(v.withUnsafeBufferPointer { d in indices.map { d[Int($0)] } })
        case let .double(v): return .double(v.withUnsafeBufferPointer { d in indices.map { d[Int($0)] } })
        case let .bytes(bytes, offsets):
            var total = 0
            var newOffsets = [Int](repeating: 0, count: indices.count + 1)
            offsets.withUnsafeBufferPointer { o in
                for (k, i) in indices.enumerated() {
                    total += o[Int(i) + 1] - o[Int(i)]
                    newOffsets[k + 1] = total
                }
            }
            let newBytes = bytes.withUnsafeBytes { all in
                offsets.withUnsafeBufferPointer { o in
                    [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
                        var at = 0
                        for i in indices {
                            let start = o[Int(i)], length = o[Int(i) + 1] - start
                            if length > 0 {
                                UnsafeMutableRawPointer(out.baseAddress! + at).copyMemory(from: all.baseAddress! + start, byteCount: length)
                            }
                            at += length
                        }
                        initialized = total
                    }
                }
            }
            return .bytes(bytes: newBytes, offsets: newOffsets)
        }
    }
}
