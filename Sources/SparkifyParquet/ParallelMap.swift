import Dispatch
import Synchronization

/// Runs `body` for `0..<count` on all cores (serially when `parallel` is false, for work too
/// small to pay for threads) and returns the results in order.
func parallelMap<T: Sendable>(_ count: Int, parallel: Bool = true, _ body: @Sendable (Int) -> T) -> [T] {
    if count <= 1 || !parallel { return (0..<count).map(body) }
    let results = Mutex<[T?]>([T?](repeating: nil, count: count))
    DispatchQueue.concurrentPerform(iterations: count) { i in
        let value = body(i)
        results.withLock { $0[i] = value }
    }
    return results.withLock { all in all.map { $0! } }
}
