import SparkifyTables

/// Counting and arithmetic aggregates.
extension HashAggregation {
    static func longOverflow() -> SQLError {
        SQLError(.execution,
                 "long overflow. Use 'try_add' to tolerate overflow and return NULL instead. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
                 errorClass: "ARITHMETIC_OVERFLOW")
    }

    static func decimalOverflow() -> SQLError {
        SQLError(.execution,
                 "Overflow in sum of decimals. If necessary set \"spark.sql.ansi.enabled\" to \"false\" to bypass this error.",
                 errorClass: "ARITHMETIC_OVERFLOW")
    }

    /// Rows per group where every argument is non-NULL (all rows without arguments).
    static func countRows(_ groups: GroupRows, arguments: [Column]) -> Column {
        var counts = [Int64](repeating: 0, count: groups.groupCount)
        let validities = arguments.compactMap(\.validity)
        counts.withUnsafeMutableBufferPointer { c in
            groups.groupIds.withUnsafeBufferPointer { ids in
                if validities.isEmpty {
                    for g in ids { c[Int(g)] += 1 }
                } else {
                    for i in 0..<ids.count where validities.allSatisfy({ $0.isValid(i) }) { c[Int(ids[i])] += 1 }
                }
            }
        }
        return Column(type: .bigint, values: .int64(counts))
    }

    /// A validity with `present[g]` for every group, nil when all are present.
    static func validity(_ present: [Bool]) -> Validity? {
        if !present.contains(false) { return nil }
        var v = Validity(count: present.count, allValid: true)
        for (g, p) in present.enumerated() where !p { v.set(g, valid: false) }
        return v
    }

    static func sum(_ groups: GroupRows, _ argument: Column, type: DataType) throws -> Column {
        let n = groups.groupCount
        var present = [Bool](repeating: false, count: n)
        switch (argument.values, type) {
        case let (.int64(v), .bigint):
            let sums = try integerSums(groups, v, argument, &present)
            return Column(type: .bigint, values: .int64(sums), validity: validity(present))
        case let (.int32(v), .bigint):
            let sums = try integerSums(groups, v, argument, &present)
            return Column(type: .bigint, values: .int64(sums), validity: validity(present))
        case let (.double(v), .double):
            var sums = [Double](repeating: 0, count: n)
            groups.groupIds.withUnsafeBufferPointer { ids in
                for i in 0..<ids.count where !argument.isNull(i) {
                    let g = Int(ids[i])
                    sums[g] += v[i]
                    present[g] = true
                }
            }
            return Column(type: .double, values: .double(sums), validity: validity(present))
        case let (.string(arena), .decimal(precision, scale)):
            guard case let .decimal(_, inputScale) = argument.type else { break }
            let sums = try decimalSums(groups, arena, argument, scale: inputScale, &present)
            var builder = ColumnBuilder(type: type, capacity: n)
            for g in 0..<n {
                if !present[g] { builder.appendNull(); continue }
                guard DecimalScaled.fits(sums[g], precision: precision) else { throw decimalOverflow() }
                builder.append(DecimalScaled.format(sums[g], scale: scale))
            }
            return builder.build()
        default:
            break
        }
        if argument.type == .null { return Column.nulls(type, count: n) }
        throw SQLError(.execution, "sum over \(argument.type.simpleString) is not supported", errorClass: "INTERNAL_ERROR")
    }

    private static func integerSums<T: BinaryInteger>(
        _ groups: GroupRows, _ values: [T], _ argument: Column, _ present: inout [Bool]
    ) throws -> [Int64] {
        var sums = [Int64](repeating: 0, count: groups.groupCount)
        var overflow = false
        sums.withUnsafeMutableBufferPointer { s in
            present.withUnsafeMutableBufferPointer { p in
                groups.groupIds.withUnsafeBufferPointer { ids in
                    values.withUnsafeBufferPointer { v in
                        for i in 0..<ids.count where !argument.isNull(i) {
                            let g = Int(ids[i])
                            let (total, o) = s[g].addingReportingOverflow(Int64(v[i]))
                            s[g] = total
                            overflow = overflow || o
                            p[g] = true
                        }
                    }
                }
            }
        }
        if overflow { throw longOverflow() }
        return sums
    }

    private static func decimalSums(
        _ groups: GroupRows, _ arena: StringArena, _ argument: Column, scale: Int, _ present: inout [Bool]
    ) throws -> [Int128] {
        var sums = [Int128](repeating: 0, count: groups.groupCount)
        for i in 0..<groups.rowCount where !argument.isNull(i) {
            let g = Int(groups.groupIds[i])
            guard let value = arena.withBytes(at: i, { DecimalScaled.parse($0, scale: scale) }) else {
                throw SQLError(.execution, "'\(arena[i])' is not a decimal", errorClass: "CAST_INVALID_INPUT")
            }
            let (total, overflow) = sums[g].addingReportingOverflow(value)
            if overflow || !DecimalScaled.fits(total, precision: 38) { throw decimalOverflow() }
            sums[g] = total
            present[g] = true
        }
        return sums
    }

    /// `avg`: double for numbers (summed as doubles, as Spark does), decimal(p+4, s+4) for decimals.
    static func average(_ groups: GroupRows, _ argument: Column, type: DataType) throws -> Column {
        let n = groups.groupCount
        if case let .decimal(_, resultScale) = type, case let .string(arena) = argument.values,
           case let .decimal(_, inputScale) = argument.type {
            var present = [Bool](repeating: false, count: n)
            let sums = try decimalSums(groups, arena, argument, scale: inputScale, &present)
            let counts = countRows(groups, arguments: [argument])
            guard case let .int64(c) = counts.values else { return Column.nulls(type, count: n) }
            var builder = ColumnBuilder(type: type, capacity: n)
            let factor = DecimalScaled.powerOfTen(resultScale - inputScale)
            for g in 0..<n {
                if !present[g] { builder.appendNull(); continue }
                let (scaled, overflow) = sums[g].multipliedReportingOverflow(by: factor)
                if overflow { throw decimalOverflow() }
                builder.append(DecimalScaled.format(DecimalScaled.divideRoundingHalfUp(scaled, by: Int128(c[g])), scale: resultScale))
            }
            return builder.build()
        }
        let values = doubles(argument)
        var sums = [Double](repeating: 0, count: n)
        var counts = [Int](repeating: 0, count: n)
        for i in 0..<groups.rowCount where !argument.isNull(i) {
            let g = Int(groups.groupIds[i])
            sums[g] += values[i]
            counts[g] += 1
        }
        var present = [Bool](repeating: true, count: n)
        for g in 0..<n {
            if counts[g] == 0 { present[g] = false } else { sums[g] /= Double(counts[g]) }
        }
        return Column(type: .double, values: .double(sums), validity: validity(present))
    }

    /// A numeric column's values as doubles (decimal text parsed; NULL slots 0).
    static func doubles(_ column: Column) -> [Double] {
        switch column.values {
        case let .double(v): return v
        case let .int64(v): return v.map(Double.init)
        case let .int32(v): return v.map(Double.init)
        case let .boolean(v): return v.map { $0 ? 1 : 0 }
        case let .string(arena):
            return (0..<arena.count).map { Double(arena[$0]) ?? 0 }
        }
    }

    /// Variance and standard deviation with Spark's incremental update (`CentralMomentAgg`);
    /// NULL for no rows, and for one row in the sample variants.
    static func centralMoment(_ groups: GroupRows, _ argument: Column, function: Function) -> Column {
        let n = groups.groupCount
        let values = doubles(argument)
        var count = [Double](repeating: 0, count: n)
        var mean = [Double](repeating: 0, count: n)
        var m2 = [Double](repeating: 0, count: n)
        for i in 0..<groups.rowCount where !argument.isNull(i) {
            let g = Int(groups.groupIds[i])
            let newCount = count[g] + 1
            let delta = values[i] - mean[g]
            let deltaN = delta / newCount
            mean[g] += deltaN
            m2[g] += delta * (delta - deltaN)
            count[g] = newCount
        }
        var result = [Double](repeating: 0, count: n)
        var present = [Bool](repeating: true, count: n)
        for g in 0..<n {
            let sample = function == .stddevSamp || function == .varianceSamp
            if count[g] == 0 || (sample && count[g] == 1) { present[g] = false; continue }
            let variance = m2[g] / (sample ? count[g] - 1 : count[g])
            result[g] = function == .stddevSamp || function == .stddevPop ? variance.squareRoot() : variance
        }
        return Column(type: .double, values: .double(result), validity: validity(present))
    }
}
