/// Converts UTC microseconds to local wall-clock microseconds in a session zone, keeping the
/// last offset interval so a run of nearby instants costs two comparisons each.
struct LocalTimeConverter {
    let zone: SessionTimeZone
    private var cached: OffsetInterval

    init(_ zone: SessionTimeZone) {
        self.zone = zone
        cached = zone.interval(containingEpochSeconds: 0)
    }

    @inline(__always)
    mutating func localMicros(_ utc: Int64) -> Int64 {
        let seconds = floorDivide(utc, 1_000_000)
        if !cached.contains(seconds) { cached = zone.interval(containingEpochSeconds: seconds) }
        return utc &+ Int64(cached.offsetSeconds) &* 1_000_000
    }

    @inline(__always)
    mutating func offsetSeconds(_ utc: Int64) -> Int {
        let seconds = floorDivide(utc, 1_000_000)
        if !cached.contains(seconds) { cached = zone.interval(containingEpochSeconds: seconds) }
        return cached.offsetSeconds
    }
}
