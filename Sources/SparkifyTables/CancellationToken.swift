import Synchronization

/// Raised by long work (a load, a query) when the user cancels it (Ctrl-C).
public struct CancellationError: Error, Sendable, CustomStringConvertible {
    public init() {}
    public var description: String { "cancelled" }
}

/// A flag that long-running work polls between batches; set from a signal handler's
/// thread or any other, read from any thread.
public final class CancellationToken: Sendable {
    private let flag = Atomic<Bool>(false)

    public init() {}

    public var isCancelled: Bool { flag.load(ordering: .relaxed) }

    public func cancel() { flag.store(true, ordering: .relaxed) }

    public func reset() { flag.store(false, ordering: .relaxed) }

    /// Throws `CancellationError` once cancelled.
    public func check() throws(CancellationError) {
        if isCancelled { throw CancellationError() }
    }

    /// A token that is never cancelled.
    public static let never = CancellationToken()
}
