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

    func mark(_ phase: String) {
        guard enabled else { return }
        let t = Self.now()
        let line = "[json] \(phase): \(Int((t - last) * 1000)) ms\n"
        _ = line.withCString { write(2, $0, strlen($0)) }
        last = t
    }
}
