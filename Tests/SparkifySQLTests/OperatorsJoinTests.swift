import Testing
import SparkifyTables
@testable import SparkifySQL

@Suite struct OperatorsJoinTests {
    typealias Pair = [Int]  // [left, right]

    /// Naive nested-loop join with the documented output order.
    static func reference(_ kind: HashJoin.Kind, left: [Column], right: [Column], nullSafe: [Bool] = [],
                          keep: (Int, Int) -> Bool = { _, _ in true }) -> [Pair] {
        let nl = left.first?.count ?? 0, nr = right.first?.count ?? 0
        func matches(_ l: Int, _ r: Int) -> Bool {
            if kind == .cross { return keep(l, r) }
            for k in left.indices {
                let a = left[k].value(at: l), b = right[k].value(at: r)
                if a.isNull || b.isNull {
                    if !(k < nullSafe.count && nullSafe[k] && a.isNull && b.isNull) { return false }
                } else if groupingKey(a) != groupingKey(b) {
                    return false
                }
            }
            return keep(l, r)
        }
        var out = [Pair]()
        var rightMatched = Set<Int>()
        for l in 0..<nl {
            let partners = (0..<nr).filter { matches(l, $0) }
            rightMatched.formUnion(partners)
            switch kind {
            case .leftSemi: if !partners.isEmpty { out.append([l]) }
            case .leftAnti: if partners.isEmpty { out.append([l]) }
            case .left, .full:
                out += partners.isEmpty ? [[l, -1]] : partners.map { [l, $0] }
            default: out += partners.map { [l, $0] }
            }
        }
        if kind == .right || kind == .full {
            out += (0..<nr).filter { !rightMatched.contains($0) }.map { [-1, $0] }
        }
        return out
    }

    static func pairs(_ p: HashJoin.Pairs, _ kind: HashJoin.Kind) -> [Pair] {
        if kind == .leftSemi || kind == .leftAnti { return p.leftIndices.map { [$0] } }
        return zip(p.leftIndices, p.rightIndices).map { [$0, $1] }
    }

    // Left: 1, NULL, 2, 2, 5; right: 2, NULL, 2, 1, 9 — many-to-many on 2, NULLs on both sides.
    static let left = [ints([1, nil, 2, 2, 5])]
    static let right = [ints([2, nil, 2, 1, 9])]

    static let expected: [(HashJoin.Kind, [Pair])] = [
        (.inner, [[0, 3], [2, 0], [2, 2], [3, 0], [3, 2]]),
        (.left, [[0, 3], [1, -1], [2, 0], [2, 2], [3, 0], [3, 2], [4, -1]]),
        (.right, [[0, 3], [2, 0], [2, 2], [3, 0], [3, 2], [-1, 1], [-1, 4]]),
        (.full, [[0, 3], [1, -1], [2, 0], [2, 2], [3, 0], [3, 2], [4, -1], [-1, 1], [-1, 4]]),
        (.leftSemi, [[0], [2], [3]]),
        (.leftAnti, [[1], [4]]),
    ]

    @Test(arguments: expected.map(\.0))
    func everyJoinKindOnNullsAndManyToMany(_ kind: HashJoin.Kind) throws {
        let want = Self.expected.first { $0.0 == kind }!.1
        let got = try HashJoin.join(kind, left: Self.left, right: Self.right, leftCount: 5, rightCount: 5, context: .serial)
        #expect(Self.pairs(got, kind) == want)
        #expect(want == Self.reference(kind, left: Self.left, right: Self.right))
    }

    @Test(arguments: [
        (right: [Int64?](), expected: [0, 1, 2, 3]),
        (right: [2, 9], expected: [0, 3]),
        (right: [2, nil], expected: []),
    ])
    func notInTreatsNullAsUnknown(_ c: (right: [Int64?], expected: [Int])) throws {
        let left = ints([1, nil, 2, 5])
        #expect(try HashJoin.nullAwareAntiRows(left: left, right: ints(c.right), context: .serial) == c.expected)
    }

    @Test func crossJoinIsLeftMajor() throws {
        let got = try HashJoin.join(.cross, left: [], right: [], leftCount: 2, rightCount: 3, context: .serial)
        #expect(Self.pairs(got, .cross) == [[0, 0], [0, 1], [0, 2], [1, 0], [1, 1], [1, 2]])
    }

    @Test func nullSafeKeysMatchNulls() throws {
        let got = try HashJoin.join(.inner, left: Self.left, right: Self.right, leftCount: 5, rightCount: 5,
                                    nullSafe: [true], context: .serial)
        #expect(Self.pairs(got, .inner) == [[0, 3], [1, 1], [2, 0], [2, 2], [3, 0], [3, 2]])
    }

    @Test(arguments: HashJoin.Kind.allCases)
    func residualConditionKeepsOuterRowsCorrect(_ kind: HashJoin.Kind) throws {
        // LEFT JOIN … ON a.x = b.x AND b.y > 3: a left row whose only partners fail the
        // condition still appears once, with NULLs for the right side.
        let leftKeys = [strings(["a", "b", "c", nil])]
        let rightKeys = [strings(["a", "a", "b", "c"])]
        let y = [Int64](arrayLiteral: 1, 5, 2, 9)
        let got = try HashJoin.join(kind, left: kind == .cross ? [] : leftKeys, right: kind == .cross ? [] : rightKeys,
                                    leftCount: 4, rightCount: 4, context: .serial) { candidates in
            candidates.rightIndices.map { y[$0] > 3 }
        }
        let want = Self.reference(kind, left: leftKeys, right: rightKeys) { _, r in y[r] > 3 }
        #expect(Self.pairs(got, kind) == want)
        if kind == .left {
            #expect(want == [[0, 1], [1, -1], [2, 3], [3, -1]])
        }
    }

    @Test(arguments: HashJoin.Kind.allCases.filter { $0 != .cross })
    func multiKeyJoinsMatchTheReferenceWhicheverSideIsSmaller(_ kind: HashJoin.Kind) throws {
        let big = randomKeyColumns(rows: 400, cardinality: 6, seed: 11)
        let small = randomKeyColumns(rows: 60, cardinality: 6, seed: 12)
        for (l, r) in [(big, small), (small, big)] {
            for keys in [[0], [1], [2], [1, 2], [0, 1, 2]] {
                let lk = keys.map { l[$0] }, rk = keys.map { r[$0] }
                let got = try HashJoin.join(kind, left: lk, right: rk, leftCount: l[0].count, rightCount: r[0].count, context: .serial)
                #expect(Self.pairs(got, kind) == Self.reference(kind, left: lk, right: rk), "keys \(keys)")
            }
        }
    }

    @Test func integerKeysJoinDoubleKeys() throws {
        let got = try HashJoin.join(.inner, left: [int32s([1, 2, 3])], right: [doubles([2.0, 3.5, 1.0])],
                                    leftCount: 3, rightCount: 3, context: .serial)
        #expect(Self.pairs(got, .inner) == [[0, 2], [1, 0]])
    }

    @Test func stringKeysNeverJoinNumbersWithoutACast() {
        #expect(throws: SQLError.self) {
            try HashJoin.join(.inner, left: [strings(["1"])], right: [ints([1])], leftCount: 1, rightCount: 1)
        }
    }

    @Test func emptySidesGiveOuterRowsOnly() throws {
        let got = try HashJoin.join(.full, left: [ints([1, nil])], right: [ints([])], leftCount: 2, rightCount: 0, context: .serial)
        #expect(Self.pairs(got, .full) == [[0, -1], [1, -1]])
        let inner = try HashJoin.join(.inner, left: [ints([])], right: [ints([1])], leftCount: 0, rightCount: 1, context: .serial)
        #expect(inner.count == 0)
    }

    @Test(arguments: [HashJoin.Kind.inner, .left, .full, .leftAnti])
    func parallelAndSerialJoinsAreIdentical(_ kind: HashJoin.Kind) throws {
        let l = randomKeyColumns(rows: 250_000, cardinality: 40_000, seed: 3)
        let r = randomKeyColumns(rows: 30_000, cardinality: 40_000, seed: 4)
        let keys = [l[0], l[1]], rkeys = [r[0], r[1]]
        let serial = try HashJoin.join(kind, left: keys, right: rkeys, leftCount: 250_000, rightCount: 30_000, context: .serial)
        let parallel = try HashJoin.join(kind, left: keys, right: rkeys, leftCount: 250_000, rightCount: 30_000,
                                         context: OperatorContext(threads: 2))
        #expect(serial == parallel)
        #expect(serial.count > 0)
    }
}
