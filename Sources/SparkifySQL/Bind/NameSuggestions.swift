/// The names nearest to a misspelt one, for "did you mean" hints.
public enum NameSuggestions {
    /// The one name of `candidates` close enough to `target` to be what was meant (at most two
    /// edits, or a third of its length, away; case ignored), or nil.
    public static func closest(to target: String, among candidates: [String]) -> String? {
        let t = Array(target.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(t, Array(candidate.lowercased()))
            if d <= max(2, t.count / 3), d < (best?.distance ?? Int.max) { best = (candidate, d) }
        }
        return best?.name
    }

    /// Up to `limit` of `candidates`, closest first by edit distance (ignoring case); names
    /// too far away to be a typo are left out unless nothing is close.
    static func nearest(to target: String, among candidates: [String], limit: Int) -> [String] {
        let t = Array(target.lowercased())
        let scored = candidates.map { candidate -> (String, Int) in
            let c = Array(candidate.lowercased())
            // A qualified candidate also matches on its bare name.
            let bare = candidate.split(separator: ".").last.map { Array($0.lowercased()) } ?? c
            return (candidate, min(distance(t, c), distance(t, bare)))
        }
        let sorted = scored.sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        let close = sorted.filter { $0.1 <= max(2, t.count / 2) }
        return Array((close.isEmpty ? sorted : close).prefix(limit).map(\.0))
    }

    /// Levenshtein distance.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
