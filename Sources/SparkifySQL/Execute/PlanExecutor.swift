import Foundation
import SparkifyTables

/// Runs an optimized logical plan over in-memory tables, one operator at a time, each over
/// whole columns (the vectorized operators in `Operators/` do the heavy lifting).
final class PlanExecutor {
    let evaluation: EvaluationContext
    let operators: OperatorContext

    init(evaluation: EvaluationContext) {
        self.evaluation = evaluation
        operators = OperatorContext(cancellation: evaluation.cancellation)
    }

    /// The rows of `plan`, one column per output column, in order.
    func execute(_ plan: LogicalPlan) throws -> Table {
        try execute(plan, demand: nil)
    }

    /// The rows of `plan`, where only the output columns in `demand` (nil: all) need real
    /// values: operators that would gather the others (joins) may leave NULL placeholders.
    func execute(_ plan: LogicalPlan, demand: Set<ColumnID>?) throws -> Table {
        try evaluation.cancellation.check()
        switch plan {
        case let .scan(.lake(lake), _, _, ordinals):
            let read = try lake.read(ordinals.filter { $0 != LogicalPlan.inputFileOrdinal }, cancellation: evaluation.cancellation)
            var columns: [Column] = [], nextRead = 0
            for ordinal in ordinals {
                if ordinal == LogicalPlan.inputFileOrdinal {
                    columns.append(PlanExecutor.fileNames(.lake(lake), rowCount: lake.rowCount))
                } else {
                    columns.append(read[nextRead])
                    nextRead += 1
                }
            }
            return Table(schema: plan.schema, columns: columns, rowCount: lake.rowCount)

        case let .scan(source, table, _, ordinals):
            let columns = ordinals.map { ordinal in
                ordinal == LogicalPlan.inputFileOrdinal ? PlanExecutor.fileNames(source, rowCount: table.rowCount) : table.columns[ordinal]
            }
            return Table(schema: plan.schema, columns: columns, rowCount: table.rowCount)

        case let .values(rows, output):
            var builders = output.map { ColumnBuilder(type: $0.type, capacity: rows.count) }
            for row in rows {
                for (i, expression) in row.enumerated() { builders[i].append(try evaluateConstant(expression)) }
            }
            return Table(schema: plan.schema, columns: builders.map { $0.build() }, rowCount: rows.count)

        case let .project(input, expressions):
            let read = expressions.reduce(into: Set<ColumnID>()) { $0.formUnion($1.expression.referencedColumns) }
            let source = try execute(input, demand: read)
            let columns = try projectedColumns(expressions, source: source, columns: input.output)
            return Table(schema: plan.schema, columns: columns, rowCount: source.rowCount)

        case let .filter(input, condition):
            if case let .window(windowInput, functions) = input,
               let table = try executeFirstRowPerPartition(windowInput, functions, condition, schema: input.schema) {
                return table
            }
            let source = try execute(input, demand: demand.map { $0.union(condition.referencedColumns) })
            let evaluator = ExpressionEvaluator(executor: self, input: source, columns: input.output)
            let selected = try evaluator.selectedRows(condition)
            if selected.count == source.rowCount { return source }
            guard let demand else { return try source.gathered(selected, context: operators) }
            // Columns nobody above reads (the `page` a filter tested) are not gathered.
            let wanted = input.output.map { demand.contains($0.id) }
            return Table(schema: source.schema, columns: try ParallelGather.selected(source.columns, rows: selected, wanted: wanted, context: operators),
                         rowCount: selected.count)

        case let .join(left, right, kind, condition):
            return try executeJoin(left, right, kind, condition, schema: plan.schema, demand: demand)

        case let .aggregate(input, keys, aggregates):
            return try executeAggregate(input, keys, aggregates, schema: plan.schema)

        case let .window(input, functions):
            return try executeWindow(input, functions, schema: plan.schema, demand: demand)

        case let .sort(input, keys):
            return try executeSort(input, keys, limit: nil)

        case let .limit(.sort(input, keys), count?, offset):
            let sorted = try executeSort(input, keys, limit: count + offset)
            return sorted.gather(Array(RowSelection.limit(rowCount: sorted.rowCount, limit: count, offset: offset)))

        case let .limit(input, count, offset):
            let source = try execute(input)
            let range = RowSelection.limit(rowCount: source.rowCount, limit: count, offset: offset)
            if range.count == source.rowCount { return source }
            return source.gather(Array(range))

        case let .distinct(input):
            let source = try execute(input)
            let keys = PlanExecutor.distinctKeyOrdinals(input).map { source.columns[$0] }
            let rows = try SetOperation.distinctRows(keys, rowCount: source.rowCount, context: operators)
            if rows.count == source.rowCount, rows.elementsEqual(0..<source.rowCount) { return source }
            return try source.gathered(rows, context: operators)

        case let .setOperation(kind, all, left, right, _):
            let l = try execute(left), r = try execute(right)
            let operation: SetOperation.Kind
            switch (kind, all) {
            case (.union, true): operation = .unionAll
            case (.union, false): operation = .union
            case (.intersect, true): operation = .intersectAll
            case (.intersect, false): operation = .intersect
            case (.except, true): operation = .exceptAll
            case (.except, false): operation = .except
            }
            let combined = try SetOperation.concatenate(l.columns, r.columns)
            let rows = try SetOperation.rows(operation, left: l.columns, right: r.columns, leftCount: l.rowCount, rightCount: r.rowCount, context: operators)
            let total = l.rowCount + r.rowCount
            return Table(schema: plan.schema, columns: combined, rowCount: total).gather(rows)
        }
    }

    /// The output columns whose values decide a DISTINCT over `input`'s rows: all of them,
    /// except that when `input` projects some plain columns and computes every other output
    /// deterministically from those alone (`SELECT DISTINCT t, hour(t), month(t) ...`), the
    /// plain columns suffice. Only exact types qualify (doubles group -0.0 with 0.0, which a
    /// function of them may tell apart).
    static func distinctKeyOrdinals(_ input: LogicalPlan) -> [Int] {
        let all = Array(input.output.indices)
        guard case let .project(_, expressions) = input else { return all }
        var plain: [Int] = [], plainIDs = Set<ColumnID>()
        for (i, named) in expressions.enumerated() {
            guard case let .column(id, type, _) = named.expression else { continue }
            switch type {
            case .boolean, .int, .bigint, .date, .timestamp, .string: break
            default: return all
            }
            plain.append(i)
            plainIDs.insert(id)
        }
        guard !plain.isEmpty, plain.count < expressions.count else { return all }
        for named in expressions where !named.expression.isDeterministic || named.expression.containsSubquery || !named.expression.referencedColumns.isSubset(of: plainIDs) {
            return all
        }
        return plain
    }

    /// Each row's file as a `file://` URI, as Spark's `input_file_name()` gives it.
    static func fileNames(_ source: ScanSource, rowCount: Int) -> Column {
        let files: [String], starts: [Int]
        switch source {
        case let .files(_, _, listed, rowStarts): (files, starts) = (listed, rowStarts)
        case let .lake(lake): (files, starts) = (lake.files, lake.fileRowStarts)
        case .catalog, .generated: return Column.nulls(.string, count: rowCount)
        }
        let cwd = FileManager.default.currentDirectoryPath
        let uris = files.map { file -> [UInt8] in
            let absolute = file.hasPrefix("/") ? file : cwd + "/" + file
            return Array(("file://" + absolute).utf8)
        }
        var arena = StringArena()
        arena.reserveCapacity(values: rowCount, bytes: 0)
        var file = 0
        for row in 0..<rowCount {
            while file + 1 < starts.count, starts[file + 1] <= row { file += 1 }
            if file < uris.count {
                uris[file].withUnsafeBufferPointer { arena.append($0) }
            } else {
                arena.appendEmpty()
            }
        }
        return Column(type: .string, values: .string(arena))
    }

    /// The value of an expression that reads no column.
    func evaluateConstant(_ expression: BoundExpression) throws -> Value {
        let one = Table(schema: Schema([]), columns: [], rowCount: 1)
        let result = try ExpressionEvaluator(executor: self, input: one, columns: []).evaluate(expression)
        return result.value(at: 0)
    }

    private func executeSort(_ input: LogicalPlan, _ keys: [SortKey], limit: Int?) throws -> Table {
        let source = try execute(input)
        let evaluator = ExpressionEvaluator(executor: self, input: source, columns: input.output)
        let sortKeys = try keys.map { key in
            SortOperator.Key(try evaluator.evaluate(key.expression).materialize(rowCount: source.rowCount),
                             ascending: key.ascending, nullsFirst: key.nullsFirst)
        }
        let order = try SortOperator.permutation(sortKeys, rowCount: source.rowCount, limit: limit, context: operators)
        return try source.gathered(order, context: operators)
    }
}

extension Table {
    /// The same columns under the names and types of `columns`.
    func relabeled(_ columns: [PlanColumn]) -> Table {
        Table(schema: Schema(columns.map(\.field)), columns: self.columns, rowCount: rowCount)
    }
}
