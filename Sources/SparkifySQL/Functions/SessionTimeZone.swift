import Foundation
import Synchronization

/// A session time zone (`spark.sql.session.timeZone`): a fixed offset or a region id.
///
/// Region zones precompute their offset transitions (via Foundation's `TimeZone`) for the years
/// 1900-2100 once, so a lookup is a binary search with no Foundation call; kernels also keep the
/// last `OffsetInterval` and only search when a value leaves it.
public final class SessionTimeZone: Sendable, CustomStringConvertible {
    /// The id as given (`UTC`, `America/Los_Angeles`, `+08:00`).
    public let identifier: String
    private let fixedOffset: Int?
    private let zone: TimeZone?
    /// Transition instants (seconds since the epoch, ascending) and the offset from each on.
    private let transitionSeconds: [Int64]
    private let offsetsFrom: [Int]
    /// The offset before the first transition.
    private let initialOffset: Int
    private static let tableStart: Int64 = -2_208_988_800  // 1900-01-01
    private static let tableEnd: Int64 = 4_102_444_800  // 2100-01-01

    public static let utc = SessionTimeZone(fixed: 0, identifier: "UTC")

    private init(fixed seconds: Int, identifier: String) {
        self.identifier = identifier
        fixedOffset = seconds
        zone = nil
        transitionSeconds = []
        offsetsFrom = []
        initialOffset = seconds
    }

    private init(region: TimeZone, identifier: String) {
        self.identifier = identifier
        fixedOffset = nil
        zone = region
        var instants: [Int64] = []
        var offsets: [Int] = []
        var cursor = Date(timeIntervalSince1970: Double(SessionTimeZone.tableStart))
        initialOffset = region.secondsFromGMT(for: cursor)
        while let next = region.nextDaylightSavingTimeTransition(after: cursor),
              next.timeIntervalSince1970 < Double(SessionTimeZone.tableEnd) {
            let seconds = Int64(next.timeIntervalSince1970.rounded(.down))
            instants.append(seconds)
            offsets.append(region.secondsFromGMT(for: Date(timeIntervalSince1970: Double(seconds) + 1)))
            cursor = Date(timeIntervalSince1970: Double(seconds) + 1)
            if instants.count > 10_000 { break }
        }
        transitionSeconds = instants
        offsetsFrom = offsets
    }

    public var description: String { identifier }

    public var isUTC: Bool { fixedOffset == 0 }

    private static let cache = Mutex<[String: SessionTimeZone]>([:])

    /// The zone named `id`: `UTC`, `Z`, `GMT`, a region id, or an offset (`+08:00`, `-8`,
    /// `+0530`, `GMT+8`, `UTC-07:00`). Throws for an unknown id.
    public static func named(_ id: String) throws -> SessionTimeZone {
        if let cached = cache.withLock({ $0[id] }) { return cached }
        let zone = try make(id)
        cache.withLock { $0[id] = zone }
        return zone
    }

    private static func make(_ id: String) throws -> SessionTimeZone {
        let trimmed = id.trimmingCharacters(in: .whitespaces)
        let upper = trimmed.uppercased()
        if upper == "UTC" || upper == "Z" || upper == "GMT" || upper == "UT" {
            return SessionTimeZone(fixed: 0, identifier: trimmed)
        }
        for prefix in ["UTC", "GMT", "UT"] where upper.hasPrefix(prefix) {
            let rest = String(trimmed.dropFirst(prefix.count))
            if let seconds = parseOffset(rest) { return SessionTimeZone(fixed: seconds, identifier: trimmed) }
        }
        if let seconds = parseOffset(trimmed) { return SessionTimeZone(fixed: seconds, identifier: trimmed) }
        // Region ids, and the short ids Java maps (`PST` is America/Los_Angeles).
        if !trimmed.isEmpty, let region = TimeZone(identifier: trimmed) {
            return SessionTimeZone(region: region, identifier: trimmed)
        }
        throw SQLError(.analysis, "Invalid time zone '\(id)': use a region id like 'America/Los_Angeles' or an offset like '+08:00'.", errorClass: "INVALID_CONF_VALUE.TIME_ZONE")
    }

    /// `+h`, `+hh`, `+hh:mm`, `+hhmm`, `+hh:mm:ss` (sign required), at most 18 hours.
    static func parseOffset(_ text: String) -> Int? {
        let bytes = Array(text.utf8)
        guard let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") else { return nil }
        var fields: [Int] = []
        var current = 0, digits = 0
        var compactDigits: [Int] = []
        for b in bytes.dropFirst() {
            if b == UInt8(ascii: ":") {
                guard digits > 0 else { return nil }
                fields.append(current); current = 0; digits = 0
            } else if b >= 48 && b <= 57 {
                current = current * 10 + Int(b - 48); digits += 1
                compactDigits.append(Int(b - 48))
            } else {
                return nil
            }
        }
        guard digits > 0 else { return nil }
        fields.append(current)
        var h = 0, m = 0, s = 0
        if fields.count == 1 {
            switch compactDigits.count {
            case 1, 2: h = fields[0]
            case 4: h = fields[0] / 100; m = fields[0] % 100
            case 6: h = fields[0] / 10000; m = fields[0] / 100 % 100; s = fields[0] % 100
            default: return nil
            }
        } else if fields.count <= 3 {
            h = fields[0]; m = fields[1]; s = fields.count == 3 ? fields[2] : 0
        } else {
            return nil
        }
        guard h <= 18, m < 60, s < 60 else { return nil }
        let total = h * 3600 + m * 60 + s
        guard total <= 18 * 3600 else { return nil }
        return sign == UInt8(ascii: "-") ? -total : total
    }

    /// The offset in seconds (local = UTC + offset) at `epochSeconds`.
    public func offset(atEpochSeconds epochSeconds: Int64) -> Int {
        if let fixedOffset { return fixedOffset }
        return interval(containingEpochSeconds: epochSeconds).offsetSeconds
    }

    /// The offset at `micros` (UTC microseconds).
    @inline(__always)
    public func offset(atMicros micros: Int64) -> Int {
        offset(atEpochSeconds: floorDivide(micros, 1_000_000))
    }

    /// The span of instants (seconds, `[start, end)`) sharing one offset, around `epochSeconds`.
    public func interval(containingEpochSeconds t: Int64) -> OffsetInterval {
        if let fixedOffset { return OffsetInterval(start: .min, end: .max, offsetSeconds: fixedOffset) }
        guard t >= SessionTimeZone.tableStart, t < SessionTimeZone.tableEnd, zone != nil else {
            let offset = zone?.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))) ?? 0
            return OffsetInterval(start: t, end: t + 1, offsetSeconds: offset)
        }
        // First transition strictly after t.
        var lo = 0, hi = transitionSeconds.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if transitionSeconds[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        let start = lo == 0 ? SessionTimeZone.tableStart : transitionSeconds[lo - 1]
        let end = lo == transitionSeconds.count ? SessionTimeZone.tableEnd : transitionSeconds[lo]
        let offset = lo == 0 ? initialOffset : offsetsFrom[lo - 1]
        return OffsetInterval(start: start, end: end, offsetSeconds: offset)
    }

    /// The instant (UTC microseconds) of local wall-clock `localMicros`, as Java's
    /// `ZonedDateTime.of` resolves it: in a gap the time moves forward by the gap's length, in an
    /// overlap the earlier offset wins.
    public func utcMicros(fromLocalMicros local: Int64) -> Int64 {
        if let fixedOffset { return local &- Int64(fixedOffset) * 1_000_000 }
        let localSeconds = floorDivide(local, 1_000_000)
        let before = offset(atEpochSeconds: localSeconds - 18 * 3600)
        let after = offset(atEpochSeconds: localSeconds + 18 * 3600)
        if before == after { return local &- Int64(before) * 1_000_000 }
        let first = localSeconds - Int64(before)
        let second = localSeconds - Int64(after)
        let firstValid = offset(atEpochSeconds: first) == before
        let secondValid = offset(atEpochSeconds: second) == after
        let chosen = (firstValid || !secondValid) ? before : after
        return local &- Int64(chosen) * 1_000_000
    }
}

/// Instants `[start, end)` (epoch seconds) during which a zone keeps one offset.
public struct OffsetInterval: Sendable {
    public var start: Int64
    public var end: Int64
    public var offsetSeconds: Int

    @inline(__always)
    public func contains(_ seconds: Int64) -> Bool { seconds >= start && seconds < end }
}

/// Floor division (rounds toward negative infinity), as Java's `Math.floorDiv`.
@inline(__always)
func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
    let q = a / b
    return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
}

/// Floor modulo (the sign of the divisor), as Java's `Math.floorMod`.
@inline(__always)
func floorModulo(_ a: Int64, _ b: Int64) -> Int64 {
    let r = a % b
    return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
}
