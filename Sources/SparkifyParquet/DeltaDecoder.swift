/// Decodes the encodings other writers may use instead of PLAIN (Spark's and DuckDB's
/// Parquet v2 writers, pyarrow on request): DELTA_BINARY_PACKED, DELTA_LENGTH_BYTE_ARRAY,
/// DELTA_BYTE_ARRAY and BYTE_STREAM_SPLIT. Each is turned into the PLAIN layout of the same
/// values, which `PlainDecoder` then converts, so the type conversions live in one place.
enum DeltaDecoder {
    /// `count` values of DELTA_BINARY_PACKED from `input` at `position` (advanced past them).
    static func integers(_ input: UnsafeRawBufferPointer, count: Int, position: inout Int) throws -> [Int64] {
        let blockSize = try ULEB128.read(input, at: &position, in: "delta-encoded data")
        let miniblocks = try ULEB128.read(input, at: &position, in: "delta-encoded data")
        let total = try ULEB128.read(input, at: &position, in: "delta-encoded data")
        var previous = zigzag(try ULEB128.read(input, at: &position, in: "delta-encoded data"))
        guard blockSize > 0, blockSize % 128 == 0, miniblocks > 0, blockSize % miniblocks == 0, (blockSize / miniblocks) % 32 == 0,
              blockSize <= 1 << 20, miniblocks <= 1 << 10
        else { throw ParquetDecodeFailure("a DELTA_BINARY_PACKED header with block size \(blockSize) and \(miniblocks) miniblocks") }
        guard total >= UInt64(count) else { throw ParquetDecodeFailure("DELTA_BINARY_PACKED holds \(total) values, \(count) expected") }
        let perMiniblock = Int(blockSize / miniblocks)
        // Blocks after the values needed are not read (a corrupt total cannot run on).
        let target = count
        var out: [Int64] = []
        out.reserveCapacity(count)
        if count > 0 { out.append(previous) }
        while out.count < target {
            let minDelta = zigzag(try ULEB128.read(input, at: &position, in: "delta-encoded data"))
            guard Int(miniblocks) <= input.count - position else { throw ParquetDecodeFailure("DELTA_BINARY_PACKED ends early") }
            let widths = (0..<Int(miniblocks)).map { Int(input[position + $0]) }
            position += Int(miniblocks)
            for width in widths {
                if out.count >= target { break }
                guard width <= 64 else { throw ParquetDecodeFailure("a DELTA_BINARY_PACKED bit width of \(width)") }
                let bytes = perMiniblock * width / 8
                guard bytes <= input.count - position else { throw ParquetDecodeFailure("DELTA_BINARY_PACKED ends early") }
                var bit = position * 8
                for _ in 0..<perMiniblock where out.count < target {
                    var delta: UInt64 = 0
                    var got = 0
                    while got < width {
                        let byte = UInt64(input[bit >> 3]) >> UInt64(bit & 7)
                        let take = min(8 - (bit & 7), width - got)
                        delta |= (byte & ((1 << UInt64(take)) - 1)) << UInt64(got)
                        got += take
                        bit += take
                    }
                    previous = previous &+ minDelta &+ Int64(bitPattern: delta)
                    out.append(previous)
                }
                position += bytes
            }
        }
        return out
    }

    /// DELTA_BINARY_PACKED values as PLAIN INT32 or INT64 bytes.
    static func plainIntegers(_ input: UnsafeRawBufferPointer, count: Int, physical: ParquetPhysicalType) throws -> [UInt8] {
        guard physical == .int32 || physical == .int64 else {
            throw ParquetDecodeFailure("DELTA_BINARY_PACKED for a \(physical.name) column")
        }
        var position = 0
        let values = try integers(input, count: count, position: &position)
        var out: [UInt8] = []
        out.reserveCapacity(count * 8)
        for v in values {
            if physical == .int32 {
                withUnsafeBytes(of: Int32(truncatingIfNeeded: v).littleEndian) { out.append(contentsOf: $0) }
            } else {
                withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) }
            }
        }
        return out
    }

    /// DELTA_LENGTH_BYTE_ARRAY or DELTA_BYTE_ARRAY values as PLAIN byte arrays (or the
    /// concatenated values of a FIXED_LEN_BYTE_ARRAY column of `typeLength` bytes).
    static func plainByteArrays(_ input: UnsafeRawBufferPointer, count: Int, prefixed: Bool, physical: ParquetPhysicalType, typeLength: Int) throws -> [UInt8] {
        guard physical == .byteArray || physical == .fixedLenByteArray else {
            throw ParquetDecodeFailure("a byte-array delta encoding for a \(physical.name) column")
        }
        var position = 0
        let prefixes = prefixed ? try integers(input, count: count, position: &position) : [Int64](repeating: 0, count: count)
        let suffixLengths = try integers(input, count: count, position: &position)
        var out: [UInt8] = []
        var previous: [UInt8] = []
        for k in 0..<count {
            let prefix = Int(clamping: prefixes[k]), length = Int(clamping: suffixLengths[k])
            guard prefix >= 0 && prefix <= previous.count && length >= 0 && length <= input.count - position else {
                throw ParquetDecodeFailure("a delta-encoded byte array runs past the page")
            }
            var value = Array(previous[0..<prefix])
            value.append(contentsOf: input[position..<(position + length)])
            position += length
            if physical == .fixedLenByteArray {
                guard value.count == typeLength else { throw ParquetDecodeFailure("a \(value.count)-byte value in a \(typeLength)-byte column") }
            } else {
                withUnsafeBytes(of: UInt32(value.count).littleEndian) { out.append(contentsOf: $0) }
            }
            out.append(contentsOf: value)
            if prefixed { previous = value }
        }
        return out
    }

    /// BYTE_STREAM_SPLIT values (byte `j` of every value in stream `j`) as PLAIN bytes.
    static func plainFromByteStreams(_ input: UnsafeRawBufferPointer, count: Int, width: Int) throws -> [UInt8] {
        guard width > 0, count * width <= input.count else { throw ParquetDecodeFailure("BYTE_STREAM_SPLIT values run past the page") }
        var out = [UInt8](repeating: 0, count: count * width)
        for i in 0..<count {
            for j in 0..<width { out[i * width + j] = input[j * count + i] }
        }
        return out
    }

    private static func zigzag(_ u: UInt64) -> Int64 {
        Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }
}
