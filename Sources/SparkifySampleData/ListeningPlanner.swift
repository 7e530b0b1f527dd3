/// Decides every event of the log: who listens when, to what, on which page.
///
/// Runs sequentially over the month from one random stream (it is a small share of the work;
/// formatting the lines is the large one and runs in parallel). Sessions of a day are played in
/// start order so that level switches and cancellations happen in time order.
struct ListeningPlanner {
    /// How likely a NextSong plays a song of the catalog (the rest play tracks elsewhere).
    static let catalogShare = 0.9

    /// About how long an event lasts on average (a song is about four minutes).
    static let typicalEventMillis = 200_000

    /// Relative activity by hour of day (UTC): quiet at night, peaking late afternoon and evening.
    static let hourWeights: [Double] = [
        3, 2, 1.5, 1, 1, 1, 1.5, 2.5, 3.5, 4, 4.5, 5,
        5.5, 6, 6.5, 7.5, 8.5, 9, 9, 8.5, 8, 7, 5.5, 4,
    ]

    let catalog: SongCatalog
    let listeners: [Listener]
    var random: RandomSource
    let listenerSampler: WeightedSampler
    let artistSampler: WeightedSampler
    let elsewhereSampler: WeightedSampler
    private let hourSampler = WeightedSampler(weights: hourWeights)

    var paid: [Bool]
    var switchesDone: [Int]
    var cancelled: [Bool]
    var busyUntil: [Int]
    var nextSessionID = 1

    init(catalog: SongCatalog, listeners: [Listener], seed: UInt64) {
        self.catalog = catalog
        self.listeners = listeners
        random = RandomSource.derived(seed: seed, stream: 0, purpose: 3)
        listenerSampler = WeightedSampler(weights: listeners.map(\.activity))
        artistSampler = WeightedSampler(zipfRanks: random.permutation(count: catalog.artists.count))
        elsewhereSampler = WeightedSampler(zipfRanks: random.permutation(count: catalog.elsewhere.count))
        paid = listeners.map(\.startsPaid)
        switchesDone = Array(repeating: 0, count: listeners.count)
        cancelled = Array(repeating: false, count: listeners.count)
        busyUntil = Array(repeating: 0, count: listeners.count)
    }

    /// Plans exactly `eventCount` events over the 30 days.
    mutating func plan(eventCount: Int) -> EventPlan {
        let budgets = dayBudgets(eventCount)
        var days = [[PlannedEvent]]()
        for day in 0..<EventPlan.dayCount {
            days.append(planDay(day, budget: budgets[day]))
        }
        return EventPlan(days: days)
    }

    /// Splits the total over the days: fewer events on weekends and Thanksgiving, some noise,
    /// every day at least one event when there are enough.
    private mutating func dayBudgets(_ total: Int) -> [Int] {
        var weights = [Double]()
        for day in 0..<EventPlan.dayCount {
            // November 1, 2018 was a Thursday; day 21 is Thanksgiving.
            let weekday = (day + 4) % 7
            var weight = (weekday == 0 || weekday == 6) ? 0.85 : 1.0
            if day == 21 { weight = 0.8 }
            weights.append(weight * (0.9 + 0.2 * random.unit()))
        }
        let sum = weights.reduce(0, +)
        var budgets = weights.map { Int(Double(total) * $0 / sum) }
        var rest = total - budgets.reduce(0, +)
        let byRemainder = (0..<EventPlan.dayCount).sorted {
            let a = Double(total) * weights[$0] / sum - Double(budgets[$0])
            let b = Double(total) * weights[$1] / sum - Double(budgets[$1])
            return a != b ? a > b : $0 < $1
        }
        var cursor = 0
        while rest > 0 {
            budgets[byRemainder[cursor % byRemainder.count]] += 1
            rest -= 1
            cursor += 1
        }
        if total >= EventPlan.dayCount {
            for day in 0..<EventPlan.dayCount where budgets[day] == 0 {
                if let donor = budgets.indices.max(by: { budgets[$0] < budgets[$1] }) {
                    budgets[donor] -= 1
                    budgets[day] = 1
                }
            }
        }
        return budgets
    }

    private mutating func planDay(_ day: Int, budget: Int) -> [PlannedEvent] {
        var starts = [(offset: Int, length: Int)]()
        var planned = 0
        while planned < budget {
            let length = min(sessionLength(), budget - planned)
            let hour = hourSampler.draw(&random)
            // Start early enough for the session to end before midnight, most of the time.
            let latest = max(0, EventPlan.dayMillis - length * Self.typicalEventMillis)
            starts.append((min(hour * 3_600_000 + random.int(below: 3_600_000), latest), length))
            planned += length
        }
        starts.sort { $0.offset != $1.offset ? $0.offset < $1.offset : $0.length < $1.length }

        var events = [PlannedEvent]()
        events.reserveCapacity(budget)
        var deficit = 0
        for start in starts {
            deficit += start.length - playSession(
                day: day, offset: start.offset, length: start.length, changesState: true, into: &events)
        }
        while deficit > 0 {
            // Sessions cut short at midnight leave events over: play them in extra sessions
            // earlier in the day. These come after the others, so they neither switch levels
            // nor cancel, which keeps every listener's level history in time order.
            let length = min(deficit, sessionLength())
            deficit -= playSession(day: day, offset: random.int(below: 16 * 3_600_000), length: length,
                                   changesState: false, into: &events)
        }
        events.sort {
            if $0.offset != $1.offset { return $0.offset < $1.offset }
            if $0.sessionID != $1.sessionID { return $0.sessionID < $1.sessionID }
            return $0.itemInSession < $1.itemInSession
        }
        return events
    }

    /// Mostly short sessions with a long tail (mean about 15 events).
    private mutating func sessionLength() -> Int {
        var length = 1 + random.int(below: 8)
        if random.chance(0.5) { length += random.int(below: 25) }
        if random.chance(0.1) { length += random.int(below: 80) }
        return length
    }
}
