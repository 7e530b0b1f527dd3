import SparkifyTables

/// What every operator runs under: the token to poll for cancellation and how many threads
/// it may use. Answers never depend on `threads`.
public struct OperatorContext: Sendable {
    /// Polled between batches; a cancelled token makes the operator throw `CancellationError`.
    public var cancellation: CancellationToken
    /// Threads to use, at least 1; defaults to the machine's cores.
    public var threads: Int

    public init(cancellation: CancellationToken = .never, threads: Int? = nil) {
        self.cancellation = cancellation
        self.threads = max(1, threads ?? ParallelWork.cores)
    }

    /// One thread, never cancelled: for tests and small inputs.
    public static let serial = OperatorContext(threads: 1)

    /// Throws `CancellationError` once the user cancelled.
    @inline(__always)
    func check() throws(CancellationError) { try cancellation.check() }
}
