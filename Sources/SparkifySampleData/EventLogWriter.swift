import Dispatch
import Synchronization

/// Writes log_data/: one JSON Lines file per day, `2018/11/2018-11-DD-events.json`, with the
/// 18 keys in the bucket's order and its escaping (`\/`, `\"` inside the user agent).
///
/// Every piece of text that repeats (names, titles, per-listener runs of keys) is escaped once
/// into a `LogFragments` table; formatting a line then copies fragments and prints four
/// integers. Days are formatted in parallel, each into its own file.
enum EventLogWriter {
    /// Writes the plan under `root` (the log_data folder, which exists); returns the bytes written.
    static func write(
        _ plan: EventPlan, catalog: SongCatalog, listeners: [Listener], to root: String
    ) throws(SampleDataError) -> (files: Int, bytes: Int) {
        let fragments = LogFragments(catalog: catalog, listeners: listeners)
        let days = plan.days
        let monthFolder = root + "/2018/11"
        if days.contains(where: { !$0.isEmpty }) {
            try FileSystem.makeDirectories(monthFolder)
        }
        let outcomes = Mutex([Result<Int, SampleDataError>](repeating: .success(0), count: days.count))
        DispatchQueue.concurrentPerform(iterations: days.count) { day in
            guard !days[day].isEmpty else { return }
            let number = day + 1 < 10 ? "0\(day + 1)" : "\(day + 1)"
            let path = monthFolder + "/2018-11-\(number)-events.json"
            let outcome = Result { () throws(SampleDataError) -> Int in
                try writeDay(days[day], dayStart: EventPlan.firstDayMillis + day * EventPlan.dayMillis,
                             fragments: fragments, path: path)
            }
            outcomes.withLock { $0[day] = outcome }
        }
        var bytes = 0
        for outcome in outcomes.withLock({ $0 }) {
            bytes += try outcome.get()
        }
        return (days.filter { !$0.isEmpty }.count, bytes)
    }

    private static func writeDay(
        _ events: [PlannedEvent], dayStart: Int, fragments: LogFragments, path: String
    ) throws(SampleDataError) -> Int {
        let flushSize = 1 << 22
        let buffer = OutputBuffer(capacity: flushSize + (1 << 16))
        let descriptor = try FileSystem.create(path)
        var written = 0
        do {
            try fragments.bytes.withUnsafeBufferPointer { (bytes) throws(SampleDataError) in
                try fragments.offsets.withUnsafeBufferPointer { (offsets) throws(SampleDataError) in
                    @inline(__always) func put(_ index: Int) {
                        buffer.append(bytes, range: offsets[index]..<offsets[index + 1])
                    }
                    for event in events {
                        format(event, dayStart: dayStart, layout: fragments.layout, put: put, into: buffer)
                        if buffer.count >= flushSize {
                            written += buffer.count
                            try buffer.drain(to: descriptor, path: path)
                        }
                    }
                }
            }
            written += buffer.count
            try buffer.drain(to: descriptor, path: path)
        } catch {
            _ = try? FileSystem.close(descriptor, path: path)
            throw error
        }
        try FileSystem.close(descriptor, path: path)
        return written
    }

    @inline(__always)
    private static func format(
        _ event: PlannedEvent, dayStart: Int, layout: LogFragments.Layout, put: (Int) -> Void,
        into buffer: OutputBuffer
    ) {
        let track = Int(event.track)
        let authentication = event.authentication
        let user = authentication == .loggedOut
            ? layout.loggedOut : layout.listeners + Int(event.listener) * LogFragments.perListener
        let page = layout.pages + Int(event.page.rawValue) * 2
        buffer.append(#"{"artist":"#)
        put(track >= 0 ? layout.artists + track : layout.null)
        put(layout.authentications + Int(authentication.rawValue))
        put(user)
        buffer.appendDecimal(Int(event.itemInSession))
        put(user + 1)
        put(track >= 0 ? layout.lengths + track : layout.null)
        put(layout.levels + (event.isPaid ? 1 : 0))
        put(user + 2)
        put(page)
        put(user + 3)
        buffer.appendDecimal(Int(event.sessionID))
        buffer.append(#","song":"#)
        put(track >= 0 ? layout.titles + track : layout.null)
        put(page + 1)
        buffer.appendDecimal(dayStart + Int(event.offset))
        buffer.append(#","userAgent":"#)
        put(user + 4)
    }
}
