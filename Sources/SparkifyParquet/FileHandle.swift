#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif

/// A POSIX file descriptor for reading or writing whole byte ranges, closed on deinit.
/// Errors are plain messages; callers add the file's path.
final class ParquetFileHandle: Sendable {
    let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    static func openForReading(_ path: String) throws -> ParquetFileHandle {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw ParquetDecodeFailure("cannot open: \(errnoText())") }
        return ParquetFileHandle(descriptor: fd)
    }

    static func create(_ path: String) throws -> ParquetFileHandle {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ParquetDecodeFailure("cannot create: \(errnoText())") }
        return ParquetFileHandle(descriptor: fd)
    }

    /// The file's size in bytes.
    func size() throws -> Int {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ParquetDecodeFailure("cannot stat: \(errnoText())") }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw ParquetDecodeFailure("not a regular file") }
        return Int(info.st_size)
    }

    /// Exactly `count` bytes at `offset`.
    func read(at offset: Int, count: Int) throws -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        var failure: String?
        buffer.withUnsafeMutableBytes { raw in
            while done < count {
                let n = pread(descriptor, raw.baseAddress! + done, count - done, off_t(offset + done))
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                if n == 0 {
                    failure = "file ends early"
                    return
                }
                done += n
            }
        }
        if let failure { throw ParquetDecodeFailure("cannot read \(count) bytes at \(offset): \(failure)") }
        return buffer
    }

    /// Writes all of `bytes`.
    func write(_ bytes: UnsafeRawBufferPointer) throws {
        var done = 0
        while done < bytes.count {
            let n = posixWrite(descriptor, bytes.baseAddress! + done, bytes.count - done)
            if n < 0 {
                if errno == EINTR { continue }
                throw ParquetDecodeFailure("cannot write: \(errnoText())")
            }
            done += n
        }
    }

    func synchronize() throws {
        guard fsync(descriptor) == 0 else { throw ParquetDecodeFailure("cannot sync: \(errnoText())") }
    }
}

#if canImport(Darwin)
private let posixWrite = Darwin.write
#else
private let posixWrite = Glibc.write
#endif

private func errnoText() -> String {
    String(cString: strerror(errno))
}
