import SparkifyLake
import SparkifyParquet
import SparkifyTables

/// A Parquet lake (a folder with `column=value` partition folders, or one file) named in a
/// query as ``parquet.`dir` ``: its schema comes from the files' footers and the partition
/// folders when the query is bound; the column data is read when the plan runs, and only for
/// the columns the query still needs after projection pruning.
///
/// The schema is the data columns (the union of the files' columns, in first-seen order) and
/// then the partition columns, as Spark lays out a partitioned table.
public final class ParquetLakeScan: Sendable {
    public let path: String
    /// The data files, in sorted path order.
    public let files: [String]
    /// The first row of each file in the scan's rows.
    public let fileRowStarts: [Int]
    public let schema: Schema
    public let rowCount: Int
    /// How many of `schema`'s leading columns come from the files.
    let dataColumnCount: Int
    let parquetFiles: [ParquetFile]
    /// Per file, the partition values (unescaped text, nil for NULL).
    let partitionValues: [[String?]]
    let timeZone: SessionTimeZone

    /// Opens every file's footer under `path` and works out the schema. Throws an `SQLError`
    /// naming the file when one is not Parquet or two files disagree on a column's type.
    init(path: String, typeInference: Bool, timeZone: SessionTimeZone, at position: SourcePosition?) throws {
        let lake: DiscoveredLake
        do {
            lake = try LakeDiscovery.discover(path, typeInference: typeInference)
        } catch {
            let errorClass = error.kind == .pathNotFound || error.kind == .noFiles ? "PATH_NOT_FOUND" : "CONFLICTING_DIRECTORY_STRUCTURES"
            throw SQLError(.io, "Cannot read parquet.`\(path)`: \(error.message)", errorClass: errorClass, at: position)
        }
        let opened = try ParallelWork.map(lake.files.count) { i -> ParquetFile in
            do {
                return try ParquetFile(path: lake.files[i])
            } catch {
                throw SQLError(.io, "Cannot read parquet.`\(path)`: \(error)", errorClass: "FAILED_READ_FILE.CANNOT_READ_FILE_FOOTER", at: position)
            }
        }
        var fields: [Field] = [], origin: [String] = []
        for file in opened {
            for field in file.schema.fields {
                if let i = fields.firstIndex(where: { $0.name.caseInsensitiveEquals(field.name) }) {
                    guard fields[i].type == field.type else {
                        throw SQLError(.analysis, "The files of parquet.`\(path)` disagree on the type of column `\(field.name)`: \(fields[i].type.simpleString) in \(origin[i]) but \(field.type.simpleString) in \(file.path).",
                                       errorClass: "CANNOT_MERGE_SCHEMAS", at: position)
                    }
                    fields[i].nullable = fields[i].nullable || field.nullable
                } else {
                    fields.append(Field(field.name, field.type, nullable: true))
                    origin.append(file.path)
                }
            }
        }
        // A partition column wins over a data column of the same name, as in Spark.
        fields.removeAll { field in lake.partitionColumns.contains { $0.name.caseInsensitiveEquals(field.name) } }
        var starts: [Int] = [], total = 0
        for file in opened {
            starts.append(total)
            total += file.rowCount
        }
        self.path = path
        files = lake.files
        fileRowStarts = starts
        rowCount = total
        dataColumnCount = fields.count
        schema = Schema(fields + lake.partitionColumns)
        parquetFiles = opened
        partitionValues = lake.partitionValues
        self.timeZone = timeZone
    }

    /// The columns at `ordinals` of `schema`, every row: data columns read from the files
    /// (on all cores, a file at a time), partition columns made from the folder values.
    func read(_ ordinals: [Int], cancellation: CancellationToken) throws -> [Column] {
        let dataOrdinals = ordinals.filter { $0 < dataColumnCount }
        var columnsByOrdinal: [Int: Column] = [:]
        if !dataOrdinals.isEmpty {
            let fields = dataOrdinals.map { schema.fields[$0] }
            let pieces = try ParallelWork.map(parquetFiles.count) { f -> [Column] in
                try cancellation.check()
                let file = parquetFiles[f]
                let present = fields.filter { file.schema.index(of: $0.name) != nil }
                let table: Table
                do {
                    table = try file.read(columns: present.map(\.name), cancellation: cancellation)
                } catch let error as ParquetError {
                    throw SQLError(.io, "Cannot read parquet.`\(path)`: \(error)", errorClass: "FAILED_READ_FILE")
                }
                return fields.map { field in
                    table.column(named: field.name) ?? Column.nulls(field.type, count: file.rowCount)
                }
            }
            for (k, ordinal) in dataOrdinals.enumerated() {
                let parts = pieces.map { $0[k] }
                columnsByOrdinal[ordinal] = parts.isEmpty ? Column.nulls(schema.fields[ordinal].type, count: 0) : parts[0].appending(Array(parts.dropFirst()))
            }
        }
        let partitionOrdinals = ordinals.filter { $0 >= dataColumnCount }
        if !partitionOrdinals.isEmpty {
            // Each file's row index, to spread one value per file over its rows.
            var fileOfRow = [Int](repeating: 0, count: rowCount)
            fileOfRow.withUnsafeMutableBufferPointer { out in
                for (f, file) in parquetFiles.enumerated() {
                    let start = fileRowStarts[f]
                    for row in start..<(start + file.rowCount) { out[row] = f }
                }
            }
            for ordinal in Set(partitionOrdinals) {
                let perFile = try partitionColumn(ordinal - dataColumnCount)
                columnsByOrdinal[ordinal] = perFile.gather(fileOfRow)
            }
        }
        return ordinals.map { columnsByOrdinal[$0] ?? Column.nulls(schema.fields[$0].type, count: rowCount) }
    }

    /// Partition column `index` with one row per file, cast to its inferred type as Spark's
    /// `castPartValueToDesiredType` does.
    private func partitionColumn(_ index: Int) throws -> Column {
        let type = schema.fields[dataColumnCount + index].type
        if type == .null { return Column.nulls(.null, count: parquetFiles.count) }
        var text = ColumnBuilder(type: .string, capacity: parquetFiles.count)
        for values in partitionValues {
            if let value = values[index] { text.append(value) } else { text.appendNull() }
        }
        let strings = text.build()
        if type == .string { return strings }
        return try CastKernel.cast(strings, to: type, mode: .tryCast, context: EvaluationContext(timeZone: timeZone))
    }

    /// Every column, every row (for `CREATE TEMP VIEW ... USING parquet`).
    func readAll(cancellation: CancellationToken) throws -> Table {
        Table(schema: schema, columns: try read(Array(schema.fields.indices), cancellation: cancellation), rowCount: rowCount)
    }
}

extension ScanSource {
    /// Rows read from files, which offer `input_file_name()`.
    var isFileScan: Bool {
        switch self {
        case .files, .lake: return true
        case .catalog, .generated: return false
        }
    }
}
