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
        try evaluation.cancellation.check()
        switch plan {
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
            let source = try execute(input)
            let evaluator = ExpressionEvaluator(executor: self, input: source, columns: input.output)
            let columns = try expressions.map { try evaluator.evaluate($0.expression).materialize(rowCount: source.rowCount) }
            return Table(schema: plan.schema, columns: columns, rowCount: source.rowCount)

        case let .filter(input, condition):
            let source = try execute(input)
            let evaluator = ExpressionEvaluator(executor: self, input: source, columns: input.output)
            let selected = try evaluator.selectedRows(condition)
            if selected.count == source.rowCount { return source }
            return source.gather(selected)

        case let .join(left, right, kind, condition):
            return try executeJoin(left, right, kind, condition, schema: plan.schema)

        case let .aggregate(input, keys, aggregates):
            return try executeAggregate(input, keys, aggregates, schema: plan.schema)

        case let .window(input, functions):
            return try executeWindow(input, functions, schema: plan.schema)

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
            let rows = try SetOperation.distinctRows(source.columns, rowCount: source.rowCount, context: operators)
            return source.gather(rows)

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

    /// Each row's file as a `file://` URI, as Spark's `input_file_name()` gives it.
    static func fileNames(_ source: ScanSource, rowCount: Int) -> Column {
        guard case let .files(_, _, files, starts) = source else { return Column.nulls(.string, count: rowCount) }
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
        return source.gather(order)
    }
}

extension Table {
    /// The same columns under the names and types of `columns`.
    func relabeled(_ columns: [PlanColumn]) -> Table {
        Table(schema: Schema(columns.map(\.field)), columns: self.columns, rowCount: rowCount)
    }
}
