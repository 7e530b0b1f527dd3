import SparkifyTables

/// Gathers of whole tables with their columns spread over the cores: what a filter, a join's
/// output, a sort or a DISTINCT pays for every column it keeps.
enum ParallelGather {
    /// `columns[c].gather(rows)` for every column, concurrently when the work is large.
    static func columns(_ columns: [Column], rows: [Int], context: OperatorContext) throws -> [Column] {
        let parallel = columns.count > 1 && rows.count >= ParallelWork.minimumRowsPerTask && context.threads > 1
        if !parallel { return columns.map { $0.gather(rows) } }
        try context.check()
        return try ParallelWork.map(columns.count) { c in columns[c].gather(rows) }
    }
}

extension Table {
    /// The rows at `rows` (as `gather`), their columns gathered on all cores.
    func gathered(_ rows: [Int], context: OperatorContext) throws -> Table {
        Table(schema: schema, columns: try ParallelGather.columns(columns, rows: rows, context: context), rowCount: rows.count)
    }
}

extension ParallelGather {
    /// `columns[c].gather(rows)` where `wanted[c]`, a NULL placeholder of the same length
    /// elsewhere.
    static func selected(_ columns: [Column], rows: [Int], wanted: [Bool], context: OperatorContext) throws -> [Column] {
        let picked = columns.indices.filter { wanted[$0] }
        let gathered = try self.columns(picked.map { columns[$0] }, rows: rows, context: context)
        var byColumn = [Int: Column]()
        for (c, column) in zip(picked, gathered) { byColumn[c] = column }
        // One placeholder per storage layout, shared (copy on write) by every column of it.
        var placeholders = [PhysicalType: Column]()
        return columns.indices.map { c in
            if let column = byColumn[c] { return column }
            let type = columns[c].type
            let placeholder = placeholders[type.physical] ?? Column.nulls(type, count: rows.count)
            placeholders[type.physical] = placeholder
            return Column(type: type, values: placeholder.values, validity: placeholder.validity)
        }
    }
}
