import Dispatch
import Foundation
import Synchronization
import SparkifyTables

/// Runs an expensive kernel (string building, formatting, regular expressions) on both cores:
/// the rows are cut into one chunk per core, each chunk evaluated on its own, the results
/// appended in order. Cheap kernels (arithmetic, `hour`) are not worth the copying.
enum ParallelEvaluation {
    /// Below this many rows a kernel runs on the calling thread.
    static let minimumRows = 131_072

    static var chunkCount: Int { max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8)) }

    static func run(
        _ operands: [ScalarOperand], rowCount: Int,
        _ body: @Sendable ([ScalarOperand], Int) throws -> Column
    ) throws -> Column {
        let chunks = chunkCount
        guard rowCount >= minimumRows, chunks > 1 else { return try body(operands, rowCount) }
        let size = (rowCount + chunks - 1) / chunks
        let results = Mutex<[Int: Result<Column, any Error>]>([:])
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let start = chunk * size, end = min(rowCount, start + size)
            guard start < end else { return }
            let slice: [ScalarOperand] = operands.map { operand in
                if case let .column(c) = operand { return .column(c.slice(start..<end)) }
                return operand
            }
            let outcome = Result { try body(slice, end - start) }
            results.withLock { $0[chunk] = outcome }
        }
        let collected = results.withLock { $0 }
        var pieces: [Column] = []
        for chunk in 0..<chunks {
            guard let outcome = collected[chunk] else { continue }
            pieces.append(try outcome.get())
        }
        guard let first = pieces.first else { return try body(operands, rowCount) }
        return first.appending(Array(pieces.dropFirst()))
    }
}
