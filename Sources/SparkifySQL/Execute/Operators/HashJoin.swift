import SparkifyTables

/// Equi-joins over already evaluated key columns, producing the row pairs to gather.
///
/// Keys match as in Spark: NULL never equals anything unless the key is null-safe (`<=>`);
/// -0.0 equals 0.0 and NaN equals NaN. Output order is deterministic: by left row, then right
/// row, with unmatched right rows (RIGHT/FULL) after all others in right-row order.
///
/// A residual condition (`ON a.x = b.x AND b.y > 3`) is applied between `candidatePairs` and
/// `finish`: evaluate it over the gathered candidates, then let `finish` keep the pairs that
/// passed and add the outer rows that found no passing partner. `join` does all three.
public enum HashJoin {
    /// The join types; LEFT SEMI/ANTI output left rows only, CROSS pairs every row.
    public enum Kind: Sendable, Hashable, CaseIterable {
        case inner, left, right, full, leftSemi, leftAnti, cross
    }

    /// Row pairs of a join result. -1 stands for the missing side of an outer row. For
    /// LEFT SEMI and LEFT ANTI, `rightIndices` is empty: only left rows are output.
    public struct Pairs: Sendable, Hashable {
        public var leftIndices: [Int]
        public var rightIndices: [Int]

        public init(leftIndices: [Int], rightIndices: [Int]) {
            self.leftIndices = leftIndices
            self.rightIndices = rightIndices
        }

        /// Output rows.
        public var count: Int { leftIndices.count }
    }

    /// Joins the rows of two inputs on equal keys (`left[k] = right[k]` for every k, or
    /// `<=>` where `nullSafe[k]`), keeping candidate pairs for which `residual` (given the
    /// candidates, returning one Bool per pair; NULL counts as false) holds. CROSS ignores keys.
    public static func join(
        _ kind: Kind, left: [Column], right: [Column], leftCount: Int, rightCount: Int,
        nullSafe: [Bool] = [], context: OperatorContext = OperatorContext(),
        residual: ((Pairs) throws -> [Bool])? = nil
    ) throws -> Pairs {
        if residual == nil, kind == .leftSemi || kind == .leftAnti, !left.isEmpty {
            let codes = try keyCodes(left: left, right: right, nullSafe: nullSafe, context: context)
            var rightHas = [Bool](repeating: false, count: codes.cardinality)
            for c in codes.right where c >= 0 { rightHas[Int(c)] = true }
            let wanted = kind == .leftSemi
            var rows = [Int]()
            for (l, c) in codes.left.enumerated() where (c >= 0 && rightHas[Int(c)]) == wanted { rows.append(l) }
            return Pairs(leftIndices: rows, rightIndices: [])
        }
        let candidates: Pairs
        if kind == .cross || left.isEmpty {
            candidates = try crossPairs(leftCount: leftCount, rightCount: rightCount, context: context)
        } else {
            candidates = try candidatePairs(left: left, right: right, nullSafe: nullSafe, context: context)
        }
        let keep = try residual?(candidates)
        if let keep, keep.count != candidates.count {
            throw SQLError(.execution, "join condition gave \(keep.count) values for \(candidates.count) rows", errorClass: "INTERNAL_ERROR")
        }
        return finish(kind, candidates: candidates, keep: keep, leftCount: leftCount, rightCount: rightCount)
    }

    /// Every pair of rows whose keys are equal, ordered by left row then right row.
    public static func candidatePairs(
        left: [Column], right: [Column], nullSafe: [Bool] = [], context: OperatorContext = OperatorContext()
    ) throws -> Pairs {
        let codes = try keyCodes(left: left, right: right, nullSafe: nullSafe, context: context)
        try context.check()
        return try emitMatches(leftCodes: codes.left, rightCodes: codes.right, cardinality: codes.cardinality, context: context)
    }

    /// Every pair of rows, left-major.
    public static func crossPairs(leftCount: Int, rightCount: Int, context: OperatorContext = OperatorContext()) throws -> Pairs {
        let total = leftCount * rightCount
        var lefts = [Int](), rights = [Int]()
        lefts.reserveCapacity(total)
        rights.reserveCapacity(total)
        for l in 0..<leftCount {
            if l & 1023 == 0 { try context.check() }
            for r in 0..<rightCount {
                lefts.append(l)
                rights.append(r)
            }
        }
        return Pairs(leftIndices: lefts, rightIndices: rights)
    }
}
