/// Decodes PLAIN values of a leaf's physical type into sparkify's storage, applying the
/// leaf's conversion (timestamps to microseconds, decimals to text, floats to doubles).
/// Every read is checked against the input's length.
struct PlainDecoder {
    let leaf: ParquetLeaf

    /// Decodes `count` values from the start of `input`.
    func decode(_ input: UnsafeRawBufferPointer, count: Int) throws -> DecodedValues {
        func need(_ bytes: Int) throws {
            guard bytes <= input.count else {
                throw ParquetDecodeFailure("\(count) \(leaf.physical.name) values need \(bytes) bytes, the page has \(input.count)")
            }
        }
        // Every value takes at least a bit (booleans) or a 4-byte length or word: check that
        // much before allocating anything for `count` values.
        try need(leaf.physical == .boolean ? (count + 7) / 8 : (leaf.physical == .fixedLenByteArray ? count * leaf.typeLength : count * 4))
        switch leaf.conversion {
        case .boolean:
            return .boolean((0..<count).map { input[$0 >> 3] & (1 << UInt8($0 & 7)) != 0 })
        case .int32:
            try need(count * 4)
            return .int32(loadArray(input, count, Int32.self))
        case .uint32:
            try need(count * 4)
            return .int64(loadArray(input, count, UInt32.self).map { Int64($0) })
        case .int64:
            try need(count * 8)
            return .int64(loadArray(input, count, Int64.self))
        case .timestampMillis:
            try need(count * 8)
            let millis = loadArray(input, count, Int64.self)
            var out = [Int64](repeating: 0, count: count)
            for k in 0..<count {
                let (v, overflow) = millis[k].multipliedReportingOverflow(by: 1000)
                guard !overflow else { throw ParquetDecodeFailure("timestamp \(millis[k]) ms is out of range") }
                out[k] = v
            }
            return .int64(out)
        case .timestampNanos:
            try need(count * 8)
            return .int64(loadArray(input, count, Int64.self).map { $0 >= 0 ? $0 / 1000 : -((-($0 + 1)) / 1000) - 1 })
        case .int96:
            try need(count * 12)
            var out = [Int64](repeating: 0, count: count)
            for k in 0..<count {
                let nanos = input.loadUnaligned(fromByteOffset: k * 12, as: Int64.self)
                let julianDay = Int64(input.loadUnaligned(fromByteOffset: k * 12 + 8, as: Int32.self))
                // 2440588 is the Julian day of 1970-01-01.
                let (days, overflow) = (julianDay - 2_440_588).multipliedReportingOverflow(by: 86_400_000_000)
                let (micros, overflow2) = days.addingReportingOverflow(nanos / 1000)
                guard !overflow && !overflow2 else { throw ParquetDecodeFailure("INT96 timestamp (day \(julianDay)) is out of range") }
                out[k] = micros
            }
            return .int64(out)
        case .float:
            try need(count * 4)
            return .double(loadArray(input, count, Float.self).map { Double($0) })
        case .double:
            try need(count * 8)
            return .double(loadArray(input, count, Double.self))
        case .uint64:
            try need(count * 8)
            var bytes: [UInt8] = []
            var offsets = [0]
            for v in loadArray(input, count, UInt64.self) {
                DecimalText.append(Int128(v), scale: 0, to: &bytes)
                offsets.append(bytes.count)
            }
            return .bytes(bytes: bytes, offsets: offsets)
        case .bytes:
            return try decodeByteArrays(input, count: count)
        case let .decimal(scale):
            return try decodeDecimals(input, count: count, scale: scale)
        }
    }

    private func loadArray<T: BitwiseCopyable>(_ input: UnsafeRawBufferPointer, _ count: Int, _: T.Type) -> [T] {
        [T](unsafeUninitializedCapacity: count) { out, initialized in
            if count > 0 {
                UnsafeMutableRawPointer(out.baseAddress!).copyMemory(from: input.baseAddress!, byteCount: count * MemoryLayout<T>.size)
            }
            initialized = count
        }
    }

    /// Length-prefixed byte strings, copied into one buffer.
    private func decodeByteArrays(_ input: UnsafeRawBufferPointer, count: Int) throws -> DecodedValues {
        var offsets = [Int](repeating: 0, count: count + 1)
        // First pass: lengths and bounds; second: one copy per value into exact storage.
        var position = 0
        var total = 0
        for k in 0..<count {
            guard input.count - position >= 4 else { throw ParquetDecodeFailure("a BYTE_ARRAY length runs past the page") }
            let length = Int(input.loadUnaligned(fromByteOffset: position, as: UInt32.self))
            position += 4
            guard length <= input.count - position else { throw ParquetDecodeFailure("a BYTE_ARRAY of \(length) bytes runs past the page") }
            position += length
            total += length
            offsets[k + 1] = total
        }
        let bytes = [UInt8](unsafeUninitializedCapacity: total) { out, initialized in
            var from = 0
            for k in 0..<count {
                let length = offsets[k + 1] - offsets[k]
                from += 4
                if length > 0 {
                    UnsafeMutableRawPointer(out.baseAddress! + offsets[k]).copyMemory(from: input.baseAddress! + from, byteCount: length)
                }
                from += length
            }
            initialized = total
        }
        return .bytes(bytes: bytes, offsets: offsets)
    }

    private func decodeDecimals(_ input: UnsafeRawBufferPointer, count: Int, scale: Int) throws -> DecodedValues {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(count * 8)
        var offsets = [0]
        offsets.reserveCapacity(count + 1)
        func emit(_ v: Int128) {
            DecimalText.append(v, scale: scale, to: &bytes)
            offsets.append(bytes.count)
        }
        switch leaf.physical {
        case .int32:
            guard count * 4 <= input.count else { throw ParquetDecodeFailure("decimal values run past the page") }
            for k in 0..<count { emit(Int128(input.loadUnaligned(fromByteOffset: k * 4, as: Int32.self))) }
        case .int64:
            guard count * 8 <= input.count else { throw ParquetDecodeFailure("decimal values run past the page") }
            for k in 0..<count { emit(Int128(input.loadUnaligned(fromByteOffset: k * 8, as: Int64.self))) }
        case .fixedLenByteArray:
            let width = leaf.typeLength
            guard count * width <= input.count else { throw ParquetDecodeFailure("decimal values run past the page") }
            for k in 0..<count { emit(bigEndianSigned(UnsafeRawBufferPointer(rebasing: input[(k * width)..<(k * width + width)]))) }
        case .byteArray:
            var position = 0
            for _ in 0..<count {
                guard input.count - position >= 4 else { throw ParquetDecodeFailure("a decimal's length runs past the page") }
                let length = Int(input.loadUnaligned(fromByteOffset: position, as: UInt32.self))
                position += 4
                guard length <= 16 && length <= input.count - position else {
                    throw ParquetDecodeFailure("a decimal of \(length) bytes is too long or runs past the page")
                }
                emit(bigEndianSigned(UnsafeRawBufferPointer(rebasing: input[position..<(position + length)])))
                position += length
            }
        default:
            throw ParquetDecodeFailure("a DECIMAL stored as \(leaf.physical.name)")
        }
        return .bytes(bytes: bytes, offsets: offsets)
    }

    /// A big-endian two's-complement integer of 1 to 16 bytes (0 for none).
    private func bigEndianSigned(_ b: UnsafeRawBufferPointer) -> Int128 {
        guard let first = b.first else { return 0 }
        var v: Int128 = first & 0x80 != 0 ? -1 : 0
        for byte in b { v = (v << 8) | Int128(byte) }
        return v
    }
}
