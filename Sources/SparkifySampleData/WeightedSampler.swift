/// Draws indices `0..<count` with probabilities proportional to fixed weights.
///
/// Keeps the running sums and binary-searches them, so a draw costs O(log count).
struct WeightedSampler: Sendable {
    private let cumulative: [Double]

    /// A sampler over `weights`; each weight must be finite and non-negative, and their sum positive.
    init(weights: [Double]) {
        var sums = [Double]()
        sums.reserveCapacity(weights.count)
        var total = 0.0
        for weight in weights {
            total += weight
            sums.append(total)
        }
        cumulative = sums
    }

    /// A Zipf–Mandelbrot sampler: the item at popularity rank r (0-based) has weight
    /// 1 / (r + 3), a long tail under a head that is not dominated by one single item.
    ///
    /// `rankOfItem[i]` is the rank of item i, so popularity need not follow index order.
    init(zipfRanks rankOfItem: [Int]) {
        self.init(weights: rankOfItem.map { 1.0 / Double($0 + 3) })
    }

    /// How many items the sampler draws from.
    var count: Int { cumulative.count }

    /// The next index, distributed by weight. The sampler must not be empty.
    func draw(_ random: inout RandomSource) -> Int {
        let target = random.unit() * (cumulative.last ?? 0)
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulative[middle] > target {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
