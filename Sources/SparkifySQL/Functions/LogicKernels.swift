import SparkifyTables

/// Three-valued `AND`/`OR`/`NOT`, `IS [NOT] NULL` and `IN (list)`.
public enum LogicKernels {
    /// `a AND b`: false if either is false, else NULL if either is NULL, else true.
    public static func and(_ a: ScalarOperand, _ b: ScalarOperand, rowCount: Int) -> Column {
        combine(a, b, rowCount: rowCount, dominant: false)
    }

    /// `a OR b`: true if either is true, else NULL if either is NULL, else false.
    public static func or(_ a: ScalarOperand, _ b: ScalarOperand, rowCount: Int) -> Column {
        combine(a, b, rowCount: rowCount, dominant: true)
    }

    /// `a AND b` with `b` evaluated only on rows where `a` is not false (Spark short-circuits,
    /// so `x <> 0 AND 10 / x > 1` never divides by zero). `OR` with `or: true` evaluates `b`
    /// where `a` is not true.
    public static func shortCircuit(_ a: ScalarOperand, _ b: RowSubsetEvaluator, or: Bool = false, rowCount: Int) throws -> Column {
        let dominant = or
        if case let .constant(value, _) = a, value == .boolean(dominant) {
            return ScalarOperand.broadcast(.boolean(dominant), type: .boolean, count: rowCount)
        }
        let left = a.materialize(rowCount: rowCount)
        guard case let .boolean(flags) = left.values else { throw SQLError(.execution, "AND/OR operands must be boolean.") }
        var undecided: [Int] = []
        for i in 0..<rowCount where left.isNull(i) || flags[i] != dominant { undecided.append(i) }
        if undecided.count == rowCount { return combine(.column(left), try b(nil), rowCount: rowCount, dominant: dominant) }
        if undecided.isEmpty { return left }
        let right = try b(undecided).materialize(rowCount: undecided.count)
        let leftPart = left.gather(undecided)
        let decided = combine(.column(leftPart), .column(right), rowCount: undecided.count, dominant: dominant)
        // Rows settled by `a` keep their value; the others take the combined one.
        var pieceOfRow = [Int32](repeating: 0, count: rowCount)
        var rowInPiece = (0..<rowCount).map { Int32($0) }
        for (k, row) in undecided.enumerated() {
            pieceOfRow[row] = 1
            rowInPiece[row] = Int32(k)
        }
        return ConditionalKernels.assemble([left, decided], pieceOfRow: pieceOfRow, rowInPiece: rowInPiece, type: .boolean)
    }

    /// `dominant` is the value that decides the result alone (false for AND, true for OR).
    private static func combine(_ a: ScalarOperand, _ b: ScalarOperand, rowCount: Int, dominant: Bool) -> Column {
        let av = a.booleanView(), bv = b.booleanView()
        let aValid = a.validity(rowCount: rowCount), bValid = b.validity(rowCount: rowCount)
        if aValid == nil && bValid == nil {
            return ColumnMaker.boolean(count: rowCount, validity: nil) { out in
                for i in 0..<rowCount {
                    let x = av.values[i &* av.stride], y = bv.values[i &* bv.stride]
                    out[i] = dominant ? (x || y) : (x && y)
                }
            }
        }
        var marks = NullMarks(count: rowCount)
        let values = (0..<rowCount).map { i -> Bool in
            let xKnown = aValid?.isValid(i) ?? true, yKnown = bValid?.isValid(i) ?? true
            let x = av.values[i &* av.stride], y = bv.values[i &* bv.stride]
            if (xKnown && x == dominant) || (yKnown && y == dominant) { return dominant }
            if xKnown && yKnown { return !dominant }
            marks.setNull(i)
            return false
        }
        return Column(type: .boolean, values: .boolean(values), validity: marks.validity(combinedWith: nil))
    }

    public static func not(_ a: ScalarOperand, rowCount: Int) -> Column {
        let v = a.booleanView()
        return ColumnMaker.boolean(count: rowCount, validity: a.validity(rowCount: rowCount)) { out in
            for i in 0..<rowCount { out[i] = !v.values[i &* v.stride] }
        }
    }

    /// `IS NULL` (or `IS NOT NULL` with `negated`); never NULL.
    public static func isNull(_ a: ScalarOperand, rowCount: Int, negated: Bool = false) -> Column {
        let validity = a.validity(rowCount: rowCount)
        return ColumnMaker.boolean(count: rowCount, validity: nil) { out in
            for i in 0..<rowCount {
                let isNull = validity.map { !$0.isValid(i) } ?? false
                out[i] = isNull != negated
            }
        }
    }

    /// `value IN (list)`, all of one type: true on a match; else NULL if the value or any list
    /// item is NULL; else false. `NOT IN` is `NOT` of this.
    public static func isIn(_ value: ScalarOperand, _ list: [ScalarOperand], rowCount: Int) throws -> Column {
        var result = ColumnMaker.boolean(count: rowCount, validity: nil) { _ in }
        var sawNullItem = NullMarks(count: rowCount)
        guard case var .boolean(found) = result.values else { return result }
        for item in list {
            let eq = try ComparisonKernels.compare(.equal, value, item, rowCount: rowCount)
            guard case let .boolean(hits) = eq.values else { continue }
            for i in 0..<rowCount {
                if eq.isNull(i) { sawNullItem.setNull(i) } else if hits[i] { found[i] = true }
            }
        }
        let valueValidity = value.validity(rowCount: rowCount)
        var marks = NullMarks(count: rowCount)
        for i in 0..<rowCount where !found[i] {
            if !(valueValidity?.isValid(i) ?? true) || !sawNullItem.flags[i] { marks.setNull(i) }
        }
        for i in 0..<rowCount where !(valueValidity?.isValid(i) ?? true) { found[i] = false }
        result = Column(type: .boolean, values: .boolean(found), validity: marks.validity(combinedWith: nil))
        return result
    }
}
