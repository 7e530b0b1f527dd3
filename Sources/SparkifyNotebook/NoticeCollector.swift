import Synchronization

/// Gathers the session's notices while a cell runs; the session may call it from any thread.
final class NoticeCollector: Sendable {
    private let notices = Mutex<[String]>([])

    func append(_ notice: String) { notices.withLock { $0.append(notice) } }

    var all: [String] { notices.withLock { $0 } }
}
