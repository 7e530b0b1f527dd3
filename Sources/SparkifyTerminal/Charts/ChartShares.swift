/// The parts of a whole for a share chart: the positive values ranked, the smallest beyond
/// `top` summed as one "other" part, each with its fraction of the total.
struct ChartShares: Sendable {
    var labels: [String]
    var values: [Double]
    var total: Double
    /// Rows left out: NULL, and negative (a share of a whole cannot be negative).
    var nulls: Int
    var negatives: Int
    /// How many rows the "other" part sums (0 when there is none).
    var otherCount: Int

    /// Parts at most this many are drawn as one 100% stacked bar; more as ranked bars.
    static let stackedLimit = 4
    static let defaultTop = 10

    init(_ data: ChartData, top: Int?) {
        let ranked = data.ranked()
        var labels: [String] = []
        var values: [Double] = []
        var nulls = 0, negatives = 0
        for (label, value) in zip(ranked.labels, ranked.values) {
            guard let value else { nulls += 1; continue }
            guard value >= 0 else { negatives += 1; continue }
            labels.append(label)
            values.append(value)
        }
        let keep = max(1, top ?? Self.defaultTop)
        var otherCount = 0
        if values.count > keep {
            // The part that sums the rest takes one of the `keep` places.
            let shown = max(1, keep - 1)
            otherCount = values.count - shown
            let rest = values[shown...].reduce(0, +)
            labels = Array(labels.prefix(shown)) + ["other (\(otherCount))"]
            values = Array(values.prefix(shown)) + [rest]
        }
        self.labels = labels
        self.values = values
        total = values.reduce(0, +)
        self.nulls = nulls
        self.negatives = negatives
        self.otherCount = otherCount
    }

    var fractions: [Double] { values.map { total > 0 ? $0 / total : 0 } }

    var isStacked: Bool { values.count <= Self.stackedLimit }

    /// Whole cells per part summing to `cells`, by the largest remainder (ties to the earlier part).
    func cells(in cells: Int) -> [Int] {
        let exact = fractions.map { $0 * Double(cells) }
        var whole = exact.map { ChartMath.whole($0, .down) }
        var left = cells - whole.reduce(0, +)
        let order = exact.indices.sorted { a, b in
            let ra = exact[a] - Double(whole[a]), rb = exact[b] - Double(whole[b])
            return ra != rb ? ra > rb : a < b
        }
        for index in order where left > 0 {
            whole[index] += 1
            left -= 1
        }
        return whole
    }

    /// What was left out, for a note under the chart; nil when nothing was.
    var leftOutNote: String? {
        var parts: [String] = []
        if nulls > 0 { parts.append("\(nulls) NULL \(nulls == 1 ? "value" : "values")") }
        if negatives > 0 { parts.append("\(negatives) negative \(negatives == 1 ? "value" : "values") (a share cannot be negative)") }
        return parts.isEmpty ? nil : "Left out: " + parts.joined(separator: ", ") + "."
    }
}
