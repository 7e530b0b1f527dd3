import CSnappy
import CZlib
import CZstd

/// Compresses and decompresses page bodies with the four codecs sparkify supports.
enum PageCodec {
    /// `input` compressed with `codec` (a copy for `.none`).
    static func compress(_ input: UnsafeRawBufferPointer, _ codec: ParquetCompression) throws -> [UInt8] {
        switch codec {
        case .none:
            return [UInt8](input)
        case .snappy:
            let bound = snappy_max_compressed_length(input.count)
            var outLength = bound
            var out = [UInt8](repeating: 0, count: bound)
            let status = out.withUnsafeMutableBytes { o in
                snappy_compress(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                                o.baseAddress?.assumingMemoryBound(to: CChar.self), &outLength)
            }
            guard status == SNAPPY_OK else { throw ParquetDecodeFailure("snappy compression failed") }
            out.removeLast(bound - outLength)
            return out
        case .zstd:
            let bound = ZSTD_compressBound(input.count)
            var out = [UInt8](repeating: 0, count: bound)
            let written = out.withUnsafeMutableBytes { o in
                ZSTD_compress(o.baseAddress, bound, input.baseAddress, input.count, 3)
            }
            guard ZSTD_isError(written) == 0 else { throw ParquetDecodeFailure("zstd compression failed") }
            out.removeLast(bound - written)
            return out
        case .gzip:
            return try gzip(input)
        }
    }

    /// `input` decompressed with `codec`; it must come out exactly `size` bytes long.
    static func decompress(_ input: UnsafeRawBufferPointer, _ codec: ParquetCompression, size: Int) throws -> [UInt8] {
        switch codec {
        case .none:
            guard input.count == size else { throw ParquetDecodeFailure("page is \(input.count) bytes, its header says \(size)") }
            return [UInt8](input)
        case .snappy:
            var length = 0
            guard snappy_uncompressed_length(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count, &length) == SNAPPY_OK,
                  length == size
            else { throw ParquetDecodeFailure("snappy data is corrupt or not \(size) bytes uncompressed") }
            var out = [UInt8](repeating: 0, count: size)
            var outLength = size
            let status = out.withUnsafeMutableBytes { o in
                snappy_uncompress(input.baseAddress?.assumingMemoryBound(to: CChar.self), input.count,
                                  o.baseAddress?.assumingMemoryBound(to: CChar.self), &outLength)
            }
            guard status == SNAPPY_OK, outLength == size else { throw ParquetDecodeFailure("snappy data is corrupt") }
            return out
        case .zstd:
            let declared = ZSTD_getFrameContentSize(input.baseAddress, input.count)
            // UInt64.max: size not recorded; UInt64.max - 1: not a zstd frame.
            guard declared != UInt64.max - 1 else { throw ParquetDecodeFailure("zstd data is corrupt") }
            guard declared == UInt64.max || declared == UInt64(size) else {
                throw ParquetDecodeFailure("zstd data holds \(declared) bytes, the page header says \(size)")
            }
            guard size <= input.count * 32_768 + 1024 else { throw ParquetDecodeFailure("zstd page sizes are implausible") }
            var out = [UInt8](repeating: 0, count: size)
            let written = out.withUnsafeMutableBytes { o in
                ZSTD_decompress(o.baseAddress, size, input.baseAddress, input.count)
            }
            guard ZSTD_isError(written) == 0, written == size else {
                throw ParquetDecodeFailure("zstd data is corrupt or not \(size) bytes uncompressed")
            }
            return out
        case .gzip:
            return try gunzip(input, size: size)
        }
    }

    private static func gzip(_ input: UnsafeRawBufferPointer) throws -> [UInt8] {
        var stream = z_stream()
        // windowBits 15 + 16: a gzip wrapper, as Hadoop's GzipCodec and parquet-mr write.
        guard deflateInit2_(&stream, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetDecodeFailure("zlib could not start")
        }
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, uLong(input.count))) + 32
        var out = [UInt8](repeating: 0, count: bound)
        let status: Int32 = out.withUnsafeMutableBytes { o in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = o.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(bound)
            return deflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END else { throw ParquetDecodeFailure("gzip compression failed") }
        out.removeLast(bound - Int(stream.total_out))
        return out
    }

    private static func gunzip(_ input: UnsafeRawBufferPointer, size: Int) throws -> [UInt8] {
        var stream = z_stream()
        // 15 + 32: accept a gzip or zlib header.
        guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw ParquetDecodeFailure("zlib could not start")
        }
        defer { inflateEnd(&stream) }
        // deflate expands at most about 1032:1; a larger claim is a corrupt header.
        guard size <= input.count * 1032 + 1024 else { throw ParquetDecodeFailure("gzip page sizes are implausible") }
        var out = [UInt8](repeating: 0, count: size)
        let status: Int32 = out.withUnsafeMutableBytes { o in
            stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
            stream.avail_in = uInt(input.count)
            stream.next_out = o.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.avail_out = uInt(size)
            return inflate(&stream, Z_FINISH)
        }
        guard status == Z_STREAM_END || (status == Z_BUF_ERROR && stream.avail_out == 0 && size == 0) || (status == Z_OK && stream.avail_out == 0),
              Int(stream.total_out) == size
        else { throw ParquetDecodeFailure("gzip data is corrupt or not \(size) bytes uncompressed") }
        return out
    }
}
