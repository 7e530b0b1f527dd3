/// A line diff of two texts (Myers' O(ND) algorithm, the one `diff` and git use) and its
/// unified form with `@@` hunks and three lines of context.
public struct TranscriptDiff: Sendable, Equatable {
    /// One line of the edit script.
    public enum Line: Sendable, Equatable {
        case same(String)
        case removed(String)
        case added(String)
    }

    /// Every line of both texts in order: kept, removed from the old, added by the new.
    public var lines: [Line]

    /// True when the texts are the same.
    public var isEmpty: Bool { !lines.contains { if case .same = $0 { return false } else { return true } } }

    /// Past this many differences the diff stops looking for the shortest edit and replaces the
    /// rest whole (still a correct diff, only a longer one), so time and memory stay bounded.
    static let maxDifferences = 2000

    /// The diff from `old` to `new`, compared line by line.
    public init(old: String, new: String) {
        self.init(oldLines: TranscriptDiff.split(old), newLines: TranscriptDiff.split(new))
    }

    public init(oldLines a: [String], newLines b: [String]) {
        // Common head and tail first: a transcript that changed usually changed in a few places.
        var head = 0
        while head < a.count, head < b.count, a[head] == b[head] { head += 1 }
        var tail = 0
        while tail < a.count - head, tail < b.count - head, a[a.count - 1 - tail] == b[b.count - 1 - tail] { tail += 1 }
        let middleA = Array(a[head..<(a.count - tail)])
        let middleB = Array(b[head..<(b.count - tail)])
        lines = a[..<head].map { .same($0) } + TranscriptDiff.myers(middleA, middleB) + a[(a.count - tail)...].map { .same($0) }
    }

    static func split(_ text: String) -> [String] {
        // On the newline byte: a "\r\n" Character would not split on "\n" (and a stray "\r" shows).
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The shortest edit script from `a` to `b`.
    private static func myers(_ a: [String], _ b: [String]) -> [Line] {
        let n = a.count, m = b.count
        if n == 0 { return b.map { .added($0) } }
        if m == 0 { return a.map { .removed($0) } }
        let limit = min(n + m, maxDifferences)
        let offset = limit + 1
        var v = [Int](repeating: 0, count: 2 * limit + 3)
        // trace[d] holds v[-d...d] as it was before step d.
        var trace: [[Int]] = []
        var found = false
        search: for d in 0...limit {
            trace.append(Array(v[(offset - d)...(offset + d)]))
            for k in stride(from: -d, through: d, by: 2) {
                var x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[offset + k] = x
                if x >= n && y >= m {
                    found = true
                    break search
                }
            }
        }
        guard found else { return a.map { .removed($0) } + b.map { .added($0) } }
        // Walk back through the trace from (n, m) to (0, 0).
        var script: [Line] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let before = trace[d]
            func at(_ k: Int) -> Int { before[k + d] }
            let k = x - y
            if d == 0 {
                while x > 0 && y > 0 {
                    script.append(.same(a[x - 1]))
                    x -= 1
                    y -= 1
                }
                break
            }
            let previousK = (k == -d || (k != d && at(k - 1) < at(k + 1))) ? k + 1 : k - 1
            let previousX = at(previousK)
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                script.append(.same(a[x - 1]))
                x -= 1
                y -= 1
            }
            if x == previousX {
                script.append(.added(b[y - 1]))
            } else {
                script.append(.removed(a[x - 1]))
            }
            x = previousX
            y = previousY
        }
        return script.reversed()
    }
}
