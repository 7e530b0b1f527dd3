import SparkifyTables

/// Evaluates an expression over a subset of the batch's rows: `rows` nil means every row,
/// otherwise the listed row positions; the result is a column with one row per listed position,
/// or a constant (cheap for literals: `CASE ... THEN 'pc' ELSE 'other' END`).
public typealias RowSubsetEvaluator = (_ rows: [Int]?) throws -> ScalarOperand

/// `CASE WHEN`, `IF`, `coalesce`, `nvl`, `nvl2`, `nullif`, `greatest`, `least`.
///
/// The lazy forms take `RowSubsetEvaluator`s so a branch only runs on the rows that reach it:
/// `CASE WHEN x = 0 THEN NULL ELSE 1 / x END` never divides by zero, as in Spark.
public enum ConditionalKernels {
    /// The type of `CASE WHEN ... THEN v1 ... ELSE e END` (and `IF`): every condition must be
    /// boolean (or NULL), the values go to their common type (`SparkTypeCoercion.commonType`).
    public static func resolveCaseWhen(conditionTypes: [DataType], valueTypes: [DataType]) throws -> DataType {
        for type in conditionTypes where type != .boolean && type != .null {
            throw SQLError(.analysis, "Cannot resolve CASE WHEN due to data type mismatch: the conditions must be boolean, but one has the type \"\(FunctionErrors.sqlType(type))\".", errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
        }
        guard let common = SparkTypeCoercion.commonType(valueTypes) else {
            throw FunctionErrors.noCommonType("CASE WHEN", valueTypes)
        }
        return common == .null ? .string : common
    }

    /// `CASE WHEN c1 THEN v1 ... ELSE e END`; each value must already be of `resultType`.
    public static func caseWhen(
        branches: [(condition: RowSubsetEvaluator, value: RowSubsetEvaluator)],
        otherwise: RowSubsetEvaluator?, resultType: DataType, rowCount: Int
    ) throws -> Column {
        var pieces: [Column] = []
        var pieceOfRow = [Int32](repeating: -1, count: rowCount)
        var rowInPiece = [Int32](repeating: 0, count: rowCount)
        var remaining: [Int]? = nil
        var remainingCount = rowCount
        for branch in branches {
            if remainingCount == 0 { break }
            let conditionOperand = try branch.condition(remaining)
            if case let .constant(value, _) = conditionOperand {
                // A constant condition takes every remaining row or none.
                guard value == .boolean(true) else { continue }
                let rows = remaining ?? Array(0..<rowCount)
                let values = try branch.value(remaining)
                record(values, rows: rows, pieces: &pieces, pieceOfRow: &pieceOfRow, rowInPiece: &rowInPiece)
                remaining = []
                remainingCount = 0
                break
            }
            let condition = conditionOperand.materialize(rowCount: remainingCount)
            guard case let .boolean(flags) = condition.values else { throw SQLError(.execution, "CASE WHEN conditions must be boolean.") }
            var matched: [Int] = [], unmatched: [Int] = []
            for k in 0..<remainingCount {
                let row = remaining?[k] ?? k
                if flags[k] && !condition.isNull(k) { matched.append(row) } else { unmatched.append(row) }
            }
            if !matched.isEmpty {
                let values = try branch.value(matched.count == rowCount ? nil : matched)
                record(values, rows: matched, pieces: &pieces, pieceOfRow: &pieceOfRow, rowInPiece: &rowInPiece)
            }
            remaining = unmatched
            remainingCount = unmatched.count
        }
        if remainingCount > 0, let otherwise {
            let rows = remaining ?? Array(0..<rowCount)
            let values = try otherwise(remaining)
            record(values, rows: rows, pieces: &pieces, pieceOfRow: &pieceOfRow, rowInPiece: &rowInPiece)
        }
        return assemble(pieces, pieceOfRow: pieceOfRow, rowInPiece: rowInPiece, type: resultType)
    }

    private static func record(_ values: ScalarOperand, rows: [Int], pieces: inout [Column], pieceOfRow: inout [Int32], rowInPiece: inout [Int32]) {
        let piece = Int32(pieces.count)
        let isConstant = values.isConstant
        pieces.append(values.materialize(rowCount: isConstant ? 1 : rows.count))
        for (k, row) in rows.enumerated() {
            pieceOfRow[row] = piece
            rowInPiece[row] = isConstant ? 0 : Int32(k)
        }
    }

    /// Row `i` of the result is row `rowInPiece[i]` of `pieces[pieceOfRow[i]]`, NULL for -1.
    static func assemble(_ pieces: [Column], pieceOfRow: [Int32], rowInPiece: [Int32], type: DataType) -> Column {
        guard let first = pieces.first else { return Column.nulls(type, count: pieceOfRow.count) }
        if pieces.count == 1, first.count == pieceOfRow.count, first.type == type,
           pieceOfRow.allSatisfy({ $0 == 0 }), rowInPiece.enumerated().allSatisfy({ Int($1) == $0 }) {
            return first
        }
        var starts: [Int] = []
        var total = 0
        for p in pieces { starts.append(total); total += p.count }
        let combined = Column(type: type, values: first.values, validity: first.validity).appending(Array(pieces.dropFirst()))
        var indices = [Int](repeating: -1, count: pieceOfRow.count)
        for i in 0..<pieceOfRow.count where pieceOfRow[i] >= 0 {
            indices[i] = starts[Int(pieceOfRow[i])] + Int(rowInPiece[i])
        }
        let gathered = combined.gather(indices)
        return Column(type: type, values: gathered.values, validity: gathered.validity)
    }

    /// An evaluator over an already computed operand (the eager forms).
    public static func subsetEvaluator(_ operand: ScalarOperand, rowCount: Int) -> RowSubsetEvaluator {
        { rows in
            switch operand {
            case .constant: return operand
            case let .column(c): return .column(rows.map { c.gather($0) } ?? c)
            }
        }
    }

    /// `CASE WHEN` over conditions and values already computed for every row.
    public static func caseWhen(conditions: [ScalarOperand], values: [ScalarOperand], otherwise: ScalarOperand?, resultType: DataType, rowCount: Int) throws -> Column {
        let branches = zip(conditions, values).map { (condition: subsetEvaluator($0, rowCount: rowCount), value: subsetEvaluator($1, rowCount: rowCount)) }
        return try caseWhen(branches: branches, otherwise: otherwise.map { subsetEvaluator($0, rowCount: rowCount) }, resultType: resultType, rowCount: rowCount)
    }

    /// `coalesce(a, b, ...)`: the first non-NULL argument of each row; later arguments are
    /// evaluated only for rows still NULL.
    public static func coalesce(_ arguments: [RowSubsetEvaluator], resultType: DataType, rowCount: Int) throws -> Column {
        var pieces: [Column] = []
        var pieceOfRow = [Int32](repeating: -1, count: rowCount)
        var rowInPiece = [Int32](repeating: 0, count: rowCount)
        var remaining: [Int]? = nil
        var remainingCount = rowCount
        for argument in arguments {
            if remainingCount == 0 { break }
            let operand = try argument(remaining)
            if case let .constant(value, _) = operand {
                if value.isNull { continue }
                record(operand, rows: remaining ?? Array(0..<rowCount), pieces: &pieces, pieceOfRow: &pieceOfRow, rowInPiece: &rowInPiece)
                break
            }
            let values = operand.materialize(rowCount: remainingCount)
            let piece = Int32(pieces.count)
            pieces.append(values)
            var stillNull: [Int] = []
            for k in 0..<remainingCount {
                let row = remaining?[k] ?? k
                if values.isNull(k) { stillNull.append(row) } else {
                    pieceOfRow[row] = piece
                    rowInPiece[row] = Int32(k)
                }
            }
            remaining = stillNull
            remainingCount = stillNull.count
        }
        return assemble(pieces, pieceOfRow: pieceOfRow, rowInPiece: rowInPiece, type: resultType)
    }

    public static func coalesce(_ arguments: [ScalarOperand], resultType: DataType, rowCount: Int) throws -> Column {
        try coalesce(arguments.map { subsetEvaluator($0, rowCount: rowCount) }, resultType: resultType, rowCount: rowCount)
    }

    /// `nullif(a, b)`: NULL where `a = b`, else `a`.
    public static func nullIf(_ a: ScalarOperand, _ b: ScalarOperand, rowCount: Int) throws -> Column {
        let equal = try ComparisonKernels.compare(.equal, a, b, rowCount: rowCount)
        let column = a.materialize(rowCount: rowCount)
        guard case let .boolean(flags) = equal.values else { return column }
        var indices = Array(0..<rowCount)
        for i in 0..<rowCount where flags[i] && !equal.isNull(i) { indices[i] = -1 }
        let gathered = column.gather(indices)
        return Column(type: a.type, values: gathered.values, validity: gathered.validity)
    }

    /// `greatest` (or `least` with `least`): NULLs skipped, NULL only when all are NULL.
    public static func extreme(_ arguments: [ScalarOperand], least: Bool, resultType: DataType, rowCount: Int) throws -> Column {
        guard var best = arguments.first?.materialize(rowCount: rowCount) else { return Column.nulls(resultType, count: rowCount) }
        for next in arguments.dropFirst() {
            let candidate = next.materialize(rowCount: rowCount)
            let better = try ComparisonKernels.compare(least ? .less : .greater, .column(candidate), .column(best), rowCount: rowCount)
            guard case let .boolean(flags) = better.values else { continue }
            var pieceOfRow = [Int32](repeating: 0, count: rowCount)
            for i in 0..<rowCount {
                let takeNext = (best.isNull(i) && !candidate.isNull(i)) || (!better.isNull(i) && flags[i])
                pieceOfRow[i] = takeNext ? 1 : 0
            }
            best = assemble([best, candidate], pieceOfRow: pieceOfRow, rowInPiece: (0..<rowCount).map { Int32($0) }, type: resultType)
        }
        return best
    }
}
