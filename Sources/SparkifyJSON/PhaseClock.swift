#if canImport(Glibc)
import Glibc
#endif

/// Prints how long each phase of a read took to standard error when the environment
/// variable `SPARKIFY_JSON_TIMING` is set (for measuring, never on by default).
final class PhaseClock {
    private let enabled = getenv("SPARKIFY_JSON_TIMING") != nil
    private var last = PhaseClock.now()

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Resident memory now, from /proc/self/statm.
    static func residentMegabytes() -> Int {
        let fd = open("/proc/self/statm", O_RDONLY)
        guard fd >= 0 else { return -1 }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 128)
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, 127) }
        guard n > 0 else { return -1 }
        let fields = buffer[..<n].split(separator: 0x20)
        guard fields.count > 1, let pages = Int(String(decoding: fields[1], as: UTF8.self)) else { return -1 }
        return (pages * Int(sysconf(Int32(_SC_PAGESIZE)))) >> 20
    }

    func mark(_ phase: String) {
        guard enabled else { return }
        let t = Self.now()
        let line = "[json] \(phase): \(Int((t - last) * 1000)) ms, rss \(Self.residentMegabytes()) MB\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        last = t
    }
}
