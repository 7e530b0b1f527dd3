/// The event log of a dataset before formatting: for each day of November 2018, its events in
/// time order.
struct EventPlan: Sendable {
    /// How many daily files the log has.
    static let dayCount = 30
    /// 2018-11-01T00:00:00Z in Unix milliseconds.
    static let firstDayMillis = 1_541_030_400_000
    static let dayMillis = 86_400_000

    /// `days[d]` holds the events of November d+1, sorted by time, session and item.
    let days: [[PlannedEvent]]

    /// How many events in all.
    var eventCount: Int { days.reduce(0) { $0 + $1.count } }
}
