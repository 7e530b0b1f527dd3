import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs independent pieces of work on all cores, with results in piece order so the answer
/// never depends on the thread count.
enum ParallelWork {
    /// Rows at which splitting work across threads starts to pay.
    static let minimumRowsPerTask = 100_000

    /// Online processors, read once.
    static let cores: Int = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))

    /// How many tasks `rows` of work should be split into under `context`.
    static func taskCount(rows: Int, context: OperatorContext) -> Int {
        max(1, min(context.threads, rows / minimumRowsPerTask))
    }

    /// `body(i)` for every `i` in `0..<count`, run concurrently when `count > 1`; results in
    /// index order. The error of the lowest failing index is rethrown.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        if count <= 1 { return try (0..<count).map(body) }
        let results = ResultSlots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { i in
            do { results.set(i, .success(try body(i))) } catch { results.set(i, .failure(error)) }
        }
        return try results.values()
    }

    /// The row range of task `task` when `rows` are split into `tasks` even parts.
    static func range(task: Int, of tasks: Int, rows: Int) -> Range<Int> {
        (rows * task / tasks)..<(rows * (task + 1) / tasks)
    }
}

/// Write-once slots filled from several threads, each slot by exactly one.
private final class ResultSlots<T: Sendable>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<Result<T, any Error>?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: Result<T, any Error>) { slots[index] = value }

    func values() throws -> [T] {
        try (0..<count).map { i in
            let slot = slots[i]
            guard let slot else { throw SQLError(.execution, "a parallel task produced no result", errorClass: "INTERNAL_ERROR") }
            return try slot.get()
        }
    }
}
