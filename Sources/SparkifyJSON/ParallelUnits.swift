import Dispatch
import Synchronization
import SparkifyTables

/// Runs the work units on all threads, each thread taking the next unit in order.
final class ParallelUnits: @unchecked Sendable {
    private let units: [WorkUnit]
    private let files: [ListedFile]
    private let options: JSONReadOptions
    private let cancellation: CancellationToken
    private let progress: (@Sendable (Int, Int) -> Void)?
    private let nextUnit = Atomic<Int>(0)
    private let finished = Atomic<Int>(0)
    /// Units past this index are skipped (an error or a FAILFAST record came before them).
    private let stopAfter = Atomic<Int>(Int.max)
    private let results: Mutex<[Int: Result<ChunkBuilder, any Error>]> = Mutex([:])

    init(units: [WorkUnit], files: [ListedFile], options: JSONReadOptions, cancellation: CancellationToken,
         progress: (@Sendable (Int, Int) -> Void)?) {
        self.units = units
        self.files = files
        self.options = options
        self.cancellation = cancellation
        self.progress = progress
    }

    /// The builders in unit order; throws the error of the first unit that failed.
    func run(threads: Int) throws -> [ChunkBuilder] {
        let workers = max(1, min(threads, units.count))
        if workers == 1 {
            work()
        } else {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in self.work() }
        }
        let collected = results.withLock { $0 }
        var builders: [ChunkBuilder] = []
        builders.reserveCapacity(units.count)
        for index in units.indices {
            guard let result = collected[index] else { break }
            switch result {
            case let .success(builder):
                builders.append(builder)
                if builder.failure != nil { return builders }
            case let .failure(error):
                throw error
            }
        }
        try cancellation.check()
        return builders
    }

    private func work() {
        let reader = UnitReader(files: files, options: options, cancellation: cancellation)
        while true {
            let index = nextUnit.wrappingAdd(1, ordering: .relaxed).oldValue
            if index >= units.count || index > stopAfter.load(ordering: .relaxed) || cancellation.isCancelled { return }
            let result: Result<ChunkBuilder, any Error>
            do {
                let builder = try reader.parse(units[index])
                if builder.failure != nil { lowerStop(to: index) }
                result = .success(builder)
            } catch {
                lowerStop(to: index)
                result = .failure(error)
            }
            results.withLock { $0[index] = result }
            let done = finished.wrappingAdd(1, ordering: .relaxed).oldValue + 1
            progress?(done, units.count)
        }
    }

    private func lowerStop(to index: Int) {
        var current = stopAfter.load(ordering: .relaxed)
        while index < current {
            let (exchanged, original) = stopAfter.compareExchange(expected: current, desired: index, ordering: .relaxed)
            if exchanged { return }
            current = original
        }
    }
}
