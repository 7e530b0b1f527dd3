import SparkifyTables

/// Key encoding and pair emission of the hash join.
extension HashJoin {
    /// Codes of both sides' keys in one code space (-1: cannot match), with the dictionaries
    /// built on the smaller side.
    static func keyCodes(
        left: [Column], right: [Column], nullSafe: [Bool], context: OperatorContext
    ) throws -> (left: [Int32], right: [Int32], cardinality: Int) {
        guard left.count == right.count, !left.isEmpty else {
            throw SQLError(.execution, "join needs the same number of key columns on both sides", errorClass: "INTERNAL_ERROR")
        }
        _ = try KeyGrouping.checkedRowCount(left)
        _ = try KeyGrouping.checkedRowCount(right)
        var domains = [KeyDomain]()
        for k in left.indices {
            guard let domain = KeyDomain.common(KeyDomain(left[k].type), KeyDomain(right[k].type)) else {
                throw SQLError(
                    .analysis,
                    "cannot join \(left[k].type.simpleString) with \(right[k].type.simpleString) without a cast",
                    errorClass: "DATATYPE_MISMATCH.BINARY_OP_DIFF_TYPES")
            }
            domains.append(domain)
        }
        let buildLeft = left[0].count < right[0].count
        let build = buildLeft ? left : right
        let probe = buildLeft ? right : left
        let tasks = ParallelWork.taskCount(rows: probe[0].count, context: context)

        var buildCodes = [Int32](), probeCodes = [Int32]()
        var cardinality = 0
        for k in left.indices {
            let safe = k < nullSafe.count && nullSafe[k]
            let (dictionary, keyBuild) = KeyColumnDictionary.build(build[k], domain: domains[k], nullsGetCode: safe)
            let keyProbe = try dictionary.lookup(probe[k], nullsMatch: safe, tasks: tasks)
            try context.check()
            if k == 0 {
                (buildCodes, probeCodes, cardinality) = (keyBuild, keyProbe, dictionary.count)
                continue
            }
            let combined = KeyGrouping.combine(buildCodes, cardinality, keyBuild, dictionary.count)
            probeCodes = try lookupPairs(probeCodes, cardinality, keyProbe, dictionary.count,
                                         dictionary: combined.dictionary, tasks: tasks)
            (buildCodes, cardinality) = (combined.codes, combined.count)
        }
        return buildLeft ? (buildCodes, probeCodes, cardinality) : (probeCodes, buildCodes, cardinality)
    }

    /// Probe-side codes of pairs `(a, b)` in `dictionary`, split across `tasks` threads.
    private static func lookupPairs(
        _ a: [Int32], _ cardinalityA: Int, _ b: [Int32], _ cardinalityB: Int,
        dictionary: IntegerKeyDictionary, tasks: Int
    ) throws -> [Int32] {
        let n = a.count
        let width = Int64(max(1, cardinalityB))
        let shared = ReadOnlyShared(object: dictionary)
        return try [Int32].filled(count: n) { out in
            _ = try ParallelWork.map(tasks) { task in
                a.withUnsafeBufferPointer { pa in
                    b.withUnsafeBufferPointer { pb in
                        shared.object.findEach(ParallelWork.range(task: task, of: tasks, rows: n), into: out.base) { i in
                            let x = pa[i], y = pb[i]
                            return x < 0 || y < 0 ? nil : Int64(x) * width + Int64(y)
                        }
                    }
                }
            }
        }
    }

    /// Pairs `(l, r)` with equal non-negative codes, ordered by l then r.
    static func emitMatches(leftCodes: [Int32], rightCodes: [Int32], cardinality: Int, context: OperatorContext) throws -> Pairs {
        // Right rows grouped by code (counting sort keeps them in row order within a code).
        var starts = [Int](repeating: 0, count: cardinality + 1)
        for c in rightCodes where c >= 0 { starts[Int(c) + 1] += 1 }
        for g in 0..<cardinality { starts[g + 1] += starts[g] }
        var rightRows = [Int](repeating: 0, count: starts[cardinality])
        var cursor = starts
        for (r, c) in rightCodes.enumerated() where c >= 0 {
            rightRows[cursor[Int(c)]] = r
            cursor[Int(c)] += 1
        }
        try context.check()
        let groupStarts = starts, groupedRows = rightRows

        let n = leftCodes.count
        let tasks = ParallelWork.taskCount(rows: n, context: context)
        let counts: [Int] = try ParallelWork.map(tasks) { task in
            var total = 0
            for l in ParallelWork.range(task: task, of: tasks, rows: n) {
                let c = leftCodes[l]
                if c >= 0 { total += groupStarts[Int(c) + 1] - groupStarts[Int(c)] }
            }
            return total
        }
        var taskOffsets = [0]
        for c in counts { taskOffsets.append(taskOffsets[taskOffsets.count - 1] + c) }
        let offsets = taskOffsets
        let total = offsets[tasks]
        var outRight = [Int]()
        let outLeft = try [Int].filled(count: total) { lefts in
            outRight = try [Int].filled(count: total) { rights in
                _ = try ParallelWork.map(tasks) { task in
                    var o = offsets[task]
                    try leftCodes.withUnsafeBufferPointer { codes in
                        try groupStarts.withUnsafeBufferPointer { s in
                            try groupedRows.withUnsafeBufferPointer { rows in
                                for l in ParallelWork.range(task: task, of: tasks, rows: n) {
                                    if l & 0xFFFF == 0 { try context.check() }
                                    let c = codes[l]
                                    if c < 0 { continue }
                                    for j in s[Int(c)]..<s[Int(c) + 1] {
                                        lefts[o] = l
                                        rights[o] = rows[j]
                                        o += 1
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return Pairs(leftIndices: outLeft, rightIndices: outRight)
    }
}
