#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CZlib

/// Bytes of one file, read with POSIX `read`/`pread`, inflated when the file is gzip.
final class ByteSource {
    let path: String
    private let fd: Int32
    private var position: Int
    private var inflater: UnsafeMutablePointer<z_stream>?
    private var compressed: UnsafeMutablePointer<UInt8>?
    private var inflaterDone = false
    /// Input of the current gzip member has been consumed but its end not yet seen.
    private var insideMember = false
    /// A plain read returned less than asked: a regular file is at its end.
    private var sawShortRead = false
    /// Bytes read from disk so far.
    private(set) var bytesRead = 0

    static let compressedBufferSize = 256 << 10

    /// Opens `path` for reading from byte `offset` (plain files only). A name ending in
    /// `.gz` is inflated (gzip or zlib, concatenated members too).
    init(path: String, offset: Int = 0) throws(JSONReadError) {
        self.path = path
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            let code = errno
            throw JSONReadError(.unreadable, "cannot open: \(String(cString: strerror(code)))", file: path)
        }
        self.fd = fd
        position = offset
        if path.hasSuffix(".gz") {
            let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
            stream.initialize(to: z_stream())
            let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.compressedBufferSize)
            guard inflateInit2_(stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                stream.deallocate()
                buffer.deallocate()
                close(fd)
                throw JSONReadError(.corruptCompression, "cannot start gzip decompression", file: path)
            }
            inflater = stream
            compressed = buffer
        }
    }

    deinit {
        if let inflater {
            inflateEnd(inflater)
            inflater.deallocate()
        }
        compressed?.deallocate()
        close(fd)
    }

    /// Reads up to `capacity` bytes into `into`; 0 at the end.
    func read(into: UnsafeMutablePointer<UInt8>, capacity: Int) throws(JSONReadError) -> Int {
        guard let stream = inflater else { return try readRaw(into: into, capacity: capacity) }
        if inflaterDone { return 0 }
        stream.pointee.next_out = into
        stream.pointee.avail_out = UInt32(min(capacity, Int(UInt32.max)))
        while stream.pointee.avail_out > 0 {
            if stream.pointee.avail_in == 0 {
                let n = try readRaw(into: compressed.unsafelyUnwrapped, capacity: Self.compressedBufferSize)
                if n == 0 {
                    if insideMember {
                        throw JSONReadError(.corruptCompression, "gzip data ends unexpectedly (truncated file)", file: path)
                    }
                    inflaterDone = true
                    break
                }
                stream.pointee.next_in = compressed
                stream.pointee.avail_in = UInt32(n)
            }
            insideMember = true
            let status = inflate(stream, Z_NO_FLUSH)
            if status == Z_STREAM_END {
                // Another member may follow (concatenated gzip).
                insideMember = false
                inflateReset(stream)
                continue
            }
            guard status == Z_OK || status == Z_BUF_ERROR else {
                let message = stream.pointee.msg.map { String(cString: $0) } ?? "error \(status)"
                throw JSONReadError(.corruptCompression, "gzip data is corrupt: \(message)", file: path)
            }
        }
        return UnsafeMutablePointer(stream.pointee.next_out) - into
    }

    private func readRaw(into: UnsafeMutablePointer<UInt8>, capacity: Int) throws(JSONReadError) -> Int {
        // Regular files only return short at their end; skipping the read that would return
        // 0 saves a system call per small file.
        if sawShortRead { return 0 }
        while true {
            let n = pread(fd, into, capacity, off_t(position))
            if n >= 0 {
                position += n
                bytesRead += n
                if n < capacity { sawShortRead = true }
                return n
            }
            let code = errno
            if code == EINTR { continue }
            if code == EISDIR {
                throw JSONReadError(.unreadable, "is a folder, not a file", file: path)
            }
            throw JSONReadError(.unreadable, "cannot read: \(String(cString: strerror(code)))", file: path)
        }
    }
}
