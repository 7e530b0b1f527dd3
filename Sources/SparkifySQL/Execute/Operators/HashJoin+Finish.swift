/// Turning candidate pairs into the output of each join kind.
extension HashJoin {
    /// The output of a `kind` join from `candidates` (ordered by left row, as `candidatePairs`
    /// and `crossPairs` give them) of which `keep` (nil: all) passed the residual condition.
    public static func finish(_ kind: Kind, candidates: Pairs, keep: [Bool]?, leftCount: Int, rightCount: Int) -> Pairs {
        let n = candidates.count
        let lefts = candidates.leftIndices, rights = candidates.rightIndices
        @inline(__always) func kept(_ i: Int) -> Bool { keep?[i] ?? true }

        switch kind {
        case .inner, .cross:
            guard let keep else { return candidates }
            var outLeft = [Int](), outRight = [Int]()
            for i in 0..<n where keep[i] {
                outLeft.append(lefts[i])
                outRight.append(rights[i])
            }
            return Pairs(leftIndices: outLeft, rightIndices: outRight)

        case .leftSemi, .leftAnti:
            var matched = [Bool](repeating: false, count: leftCount)
            for i in 0..<n where kept(i) { matched[lefts[i]] = true }
            let wanted = kind == .leftSemi
            return Pairs(leftIndices: (0..<leftCount).filter { matched[$0] == wanted }, rightIndices: [])

        case .left, .right, .full:
            var outLeft = [Int](), outRight = [Int]()
            outLeft.reserveCapacity(n + (kind == .right ? 0 : leftCount))
            outRight.reserveCapacity(outLeft.capacity)
            var rightMatched = [Bool](repeating: false, count: kind == .left ? 0 : rightCount)
            var i = 0
            for l in 0..<(kind == .right ? 0 : leftCount) {
                var any = false
                while i < n, lefts[i] == l {
                    if kept(i) {
                        outLeft.append(l)
                        outRight.append(rights[i])
                        if kind == .full { rightMatched[rights[i]] = true }
                        any = true
                    }
                    i += 1
                }
                if !any {
                    outLeft.append(l)
                    outRight.append(-1)
                }
            }
            if kind == .right {
                for i in 0..<n where kept(i) {
                    outLeft.append(lefts[i])
                    outRight.append(rights[i])
                    rightMatched[rights[i]] = true
                }
            }
            if kind != .left {
                for r in 0..<rightCount where !rightMatched[r] {
                    outLeft.append(-1)
                    outRight.append(r)
                }
            }
            return Pairs(leftIndices: outLeft, rightIndices: outRight)
        }
    }
}
