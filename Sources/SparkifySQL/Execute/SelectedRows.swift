import SparkifyTables

/// A table and a selection of its rows (nil: all of them), not yet gathered.
struct SelectedRows {
    var table: Table
    var rows: [Int]?

    /// Rows selected.
    var count: Int { rows?.count ?? table.rowCount }

    /// The table's selected rows with only the columns `expressions` read gathered; the others
    /// are NULL placeholders.
    func gathered(reading expressions: [BoundExpression], of columns: [PlanColumn], context: OperatorContext) throws -> Table {
        guard let rows else { return table }
        let read = expressions.reduce(into: Set<ColumnID>()) { $0.formUnion($1.referencedColumns) }
        let gathered = try ParallelGather.selected(table.columns, rows: rows, wanted: columns.map { read.contains($0.id) }, context: context)
        return Table(schema: table.schema, columns: gathered, rowCount: rows.count)
    }

    /// The columns at `indices` into the selection (-1: NULL), gathering only those in
    /// `wanted` (nil: all); the others are NULL placeholders.
    func gather(_ indices: [Int], columns: [PlanColumn], wanted: Set<ColumnID>?, context: OperatorContext) throws -> [Column] {
        var rowsOfTable = indices
        if let rows {
            rows.withUnsafeBufferPointer { selected in
                rowsOfTable.withUnsafeMutableBufferPointer { out in
                    for k in 0..<out.count where out[k] >= 0 { out[k] = selected[out[k]] }
                }
            }
        }
        let flags = columns.map { wanted?.contains($0.id) ?? true }
        return try ParallelGather.selected(table.columns, rows: rowsOfTable, wanted: flags, context: context)
    }
}
