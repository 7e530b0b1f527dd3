/// "Did you mean ...?" for names typed by a user.
enum NameSuggestion {
    /// ` Did you mean x?` with the closest of `candidates` (at most two edits away, or sharing
    /// a prefix), or the empty string.
    static func hint(_ name: String, among candidates: [String]) -> String {
        let target = Array(name.lowercased())
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let distance = editDistance(target, Array(candidate.lowercased()))
            if distance <= max(2, target.count / 3), distance < (best?.distance ?? Int.max) { best = (candidate, distance) }
        }
        return best.map { "; did you mean \($0.name)?" } ?? ""
    }

    private static func editDistance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
