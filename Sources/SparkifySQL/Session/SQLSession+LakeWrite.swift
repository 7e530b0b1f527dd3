import SparkifyLake
import SparkifyParquet
import SparkifyTables

extension SQLSession {
    /// `spark.sql.parquet.compression.codec`: the codec of Parquet writes without a
    /// `compression` option (snappy unless set).
    public static let parquetCodecKey = "spark.sql.parquet.compression.codec"
    /// Spark's codec names, for the message about one sparkify cannot write.
    static let sparkParquetCodecs = "brotli, uncompressed, lzo, snappy, lz4_raw, none, zstd, lz4, gzip"

    /// The codec of a Parquet write, as Spark picks it: `OPTIONS (compression ...)`, else
    /// `OPTIONS ('parquet.compression' ...)`, else the session's codec setting, else snappy.
    func parquetCompression(_ options: [ASTOption], at position: SourcePosition?) throws -> ParquetCompression {
        let byKey = Dictionary(options.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { _, last in last })
        let name = byKey["compression"] ?? byKey["parquet.compression"] ?? setting(SQLSession.parquetCodecKey) ?? "snappy"
        guard let codec = ParquetCompression(sparkName: name) else {
            let known = SQLSession.sparkParquetCodecs.split(separator: ",").map { $0.trimmingSpaces }.contains { String($0) == name.lowercased() }
            let message = known
                ? "The codec \(name) is not available in sparkify. Available codecs are none, uncompressed, snappy, gzip, zstd."
                : "The codec \(name) is not available. Available codecs are \(SQLSession.sparkParquetCodecs) (sparkify writes none, uncompressed, snappy, gzip and zstd)."
            throw SQLError(.analysis, message, errorClass: "CODEC_NOT_AVAILABLE.WITH_AVAILABLE_CODECS_SUGGESTION", at: position)
        }
        return codec
    }

    /// `table` with its partition columns moved to the end in `PARTITIONED BY` order, as
    /// Spark lays out a partitioned table, after Spark's checks of the columns (no name twice)
    /// and of the partition columns (present, not nested, not every column).
    func movingPartitionColumnsLast(_ table: Table, partitionedBy: [ASTIdentifier], tableName: String) throws -> Table {
        let schema = table.schema
        var seenNames = Set<String>()
        for field in schema.fields where !seenNames.insert(field.name.lowercased()).inserted {
            throw SQLError(.analysis, "The column `\(field.name.lowercased())` already exists. Choose another name or rename the existing column.",
                           errorClass: "COLUMN_ALREADY_EXISTS")
        }
        guard !partitionedBy.isEmpty else { return table }
        var partitionOrdinals: [Int] = []
        for column in partitionedBy {
            guard let ordinal = schema.index(of: column.name) else {
                let defined = schema.names.map { "`\($0)`" }.joined(separator: ", ")
                throw SQLError(.analysis, "partition column `\(column.name)` is not defined in table `spark_catalog`.`default`.`\(tableName)`, defined table columns are: \(defined).",
                               errorClass: "COLUMN_NOT_DEFINED_IN_TABLE", at: column.position)
            }
            if partitionOrdinals.contains(ordinal) {
                throw SQLError(.analysis, "The column `\(schema.fields[ordinal].name.lowercased())` already exists. Choose another name or rename the existing column.",
                               errorClass: "COLUMN_ALREADY_EXISTS", at: column.position)
            }
            switch schema.fields[ordinal].type {
            case .array, .structure:
                throw SQLError(.analysis, "Cannot use \"\(SQLSession.sqlTypeName(schema.fields[ordinal].type))\" for partition column.",
                               errorClass: "INVALID_PARTITION_COLUMN_DATA_TYPE", at: column.position)
            default: break
            }
            partitionOrdinals.append(ordinal)
        }
        if partitionOrdinals.count == schema.count {
            throw SQLError(.analysis, "Cannot use all columns for partition columns.", errorClass: "ALL_PARTITION_COLUMNS_NOT_ALLOWED",
                           at: partitionedBy[0].position)
        }
        let order = schema.fields.indices.filter { !partitionOrdinals.contains($0) } + partitionOrdinals
        return Table(schema: Schema(order.map { schema.fields[$0] }), columns: order.map { table.columns[$0] }, rowCount: table.rowCount)
    }

    /// A type as Spark's messages print it: `ARRAY<INT>`, `STRUCT<p: INT>`.
    static func sqlTypeName(_ type: DataType) -> String {
        switch type {
        case let .array(element): return "ARRAY<\(sqlTypeName(element))>"
        case let .structure(fields): return "STRUCT<" + fields.map { "\($0.name): \(sqlTypeName($0.type))" }.joined(separator: ", ") + ">"
        default: return type.simpleString.uppercased()
        }
    }

    /// Writes `table`, whose last `partitionColumnCount` columns are the partition columns,
    /// as a Parquet lake at `location` in Spark's layout, replacing what was there (see
    /// `LakeWriter`). Rows are split by partition with the engine's hash grouping; files are
    /// written on all cores.
    func writeParquetLake(_ table: Table, partitionColumnCount: Int, location: String, compression: ParquetCompression,
                          cancellation: CancellationToken) throws -> LakeWriteSummary {
        let dataCount = table.schema.count - partitionColumnCount
        let data = Table(schema: Schema(Array(table.schema.fields[..<dataCount])), columns: Array(table.columns[..<dataCount]), rowCount: table.rowCount)
        let partitionNames = table.schema.fields[dataCount...].map(\.name)
        let plan = try lakeFiles(table, dataCount: dataCount, cancellation: cancellation)
        let options = ParquetWriteOptions(compression: compression)
        let fileExtension = compression.fileNameSuffix.isEmpty ? "parquet" : String(compression.fileNameSuffix.dropFirst()) + ".parquet"
        do {
            return try LakeWriter.write(to: location, partitionColumns: partitionNames, files: plan.files,
                                        fileExtension: fileExtension,
                                        threads: ParallelWork.cores, cancellation: cancellation) { index, path in
                let rows = plan.rows[index]
                let piece = rows.count == data.rowCount && plan.rows.count == 1 ? data : data.gather(rows)
                _ = try ParquetFileWriter.write(piece, to: path, options: options)
            }
        } catch let error as LakeError {
            throw SQLError(error.kind == .invalidTarget ? .analysis : .io, "Cannot write the lake \(location): \(error.message)",
                           errorClass: error.kind == .invalidTarget ? "INVALID_LOCATION" : "TASK_WRITE_FAILED")
        } catch let error as ParquetError {
            throw SQLError(.io, "Cannot write the lake \(location): \(error)", errorClass: "TASK_WRITE_FAILED")
        }
    }

    /// Rows per file beyond which a partition is split into several files (Spark's tasks),
    /// so that one big partition is still written on every core.
    static let minimumRowsPerSplitFile = 131_072

    /// The files of a lake write and the rows of each.
    private func lakeFiles(_ table: Table, dataCount: Int, cancellation: CancellationToken) throws -> (files: [LakeFilePlan], rows: [[Int]]) {
        let n = table.rowCount
        let perFile = max(SQLSession.minimumRowsPerSplitFile, (n + 2 * ParallelWork.cores - 1) / (2 * ParallelWork.cores))
        let keys = Array(table.columns[dataCount...])
        guard !keys.isEmpty else {
            // Unpartitioned: one file, or a few of about equal size when the table is large.
            let pieces = max(1, (n + perFile - 1) / perFile)
            let rows = (0..<pieces).map { Array(ParallelWork.range(task: $0, of: pieces, rows: n)) }
            return ((0..<pieces).map { LakeFilePlan(partitionValues: [], part: $0) }, rows)
        }
        let grouping = try KeyGrouping.make(keys: keys, context: OperatorContext(cancellation: cancellation))
        let groupCount = grouping.groupCount
        // Partition values as Spark's CAST(value AS STRING) gives them, from one row per group.
        let texts = try keys.map { try castToString($0.gather(grouping.firstRows)) }
        // Rows of each group, in row order (a counting sort of the group ids).
        var starts = [Int](repeating: 0, count: groupCount + 1)
        for id in grouping.groupIds { starts[Int(id) + 1] += 1 }
        for g in 0..<groupCount { starts[g + 1] += starts[g] }
        var ordered = [Int](repeating: 0, count: n)
        var cursor = starts
        grouping.groupIds.withUnsafeBufferPointer { ids in
            ordered.withUnsafeMutableBufferPointer { out in
                for row in 0..<ids.count {
                    let g = Int(ids[row])
                    out[cursor[g]] = row
                    cursor[g] += 1
                }
            }
        }
        try cancellation.check()
        var files: [LakeFilePlan] = [], rows: [[Int]] = []
        for g in 0..<groupCount {
            let values: [String?] = texts.map { column in
                guard !column.isNull(g), case let .string(arena) = column.values else { return nil }
                return arena[g]
            }
            let count = starts[g + 1] - starts[g]
            let pieces = max(1, (count + perFile - 1) / perFile)
            for piece in 0..<pieces {
                let range = ParallelWork.range(task: piece, of: pieces, rows: count)
                files.append(LakeFilePlan(partitionValues: values, part: piece))
                rows.append(Array(ordered[(starts[g] + range.lowerBound)..<(starts[g] + range.upperBound)]))
            }
        }
        return (files, rows)
    }
}

extension SQLSession {
    /// `CREATE TABLE name [USING parquet] [OPTIONS (...)] [PARTITIONED BY (...)] [LOCATION 'dir'] AS query`.
    /// The table keeps its rows in memory (partition columns last, as Spark orders them);
    /// with a LOCATION it is also written there as a Parquet lake, replacing the folder.
    func createTable(_ table: ASTCreateTable, cancellation: CancellationToken) throws -> StatementResult {
        let provider = table.provider?.lowercased()
        if let provider, provider != "parquet", table.location != nil || provider != "delta" {
            throw SQLError(.unsupported, "Tables USING \(table.provider ?? "") are not supported by sparkify; it writes lakes USING parquet.",
                           errorClass: "UNSUPPORTED_FEATURE", at: table.name.position)
        }
        if table.orReplace {
            throw SQLError(.unsupported, "Table `spark_catalog`.`default`.`\(table.name.name)` does not support REPLACE TABLE AS SELECT. Please check the current catalog and namespace to make sure the qualified table name is expected, and also check the catalog implementation which is configured by \"spark.sql.catalog\". (Spark rejects CREATE OR REPLACE TABLE for plain tables; use CREATE OR REPLACE TEMP VIEW, or DROP TABLE IF EXISTS first.)",
                           errorClass: "UNSUPPORTED_FEATURE.TABLE_OPERATION", at: table.name.position)
        }
        guard let query = table.query else {
            throw SQLError(.unsupported, "CREATE TABLE without AS query is not supported by sparkify; create it from a query.", errorClass: "UNSUPPORTED_FEATURE", at: table.name.position)
        }
        let compression = try table.location == nil ? ParquetCompression.snappy : parquetCompression(table.options, at: table.name.position)
        var summary: LakeWriteSummary?
        let result = try create(table.name, kind: .table, orReplace: false, ifNotExists: table.ifNotExists, temporary: false, definition: nil) {
            let rows = try movingPartitionColumnsLast(try runQuery(query, cancellation: cancellation), partitionedBy: table.partitionedBy,
                                                      tableName: table.name.name)
            if let location = table.location {
                summary = try writeParquetLake(rows, partitionColumnCount: table.partitionedBy.count, location: location,
                                               compression: compression, cancellation: cancellation)
            }
            return rows
        }
        guard let summary, case let .message(text) = result else { return result }
        // "Created table t (3 rows)." becomes "Created table t (3 rows, 2 Parquet files ... in dir)."
        return .message(text.dropLast(2) + ", " + SQLSession.describe(summary) + ").")
    }

    /// `INSERT OVERWRITE [LOCAL] DIRECTORY 'dir' USING parquet [OPTIONS (...)] query`: the
    /// query's rows as an unpartitioned Parquet lake, replacing the folder.
    func insertDirectory(_ insert: ASTInsertDirectory, cancellation: CancellationToken) throws -> StatementResult {
        guard insert.provider.lowercased() == "parquet" else {
            throw SQLError(.unsupported, "INSERT OVERWRITE DIRECTORY USING \(insert.provider) is not supported by sparkify; it writes parquet.",
                           errorClass: "UNSUPPORTED_FEATURE", at: insert.query.position)
        }
        guard let path = insert.path ?? insert.options.first(where: { $0.key.lowercased() == "path" })?.value, !path.isEmpty else {
            throw SQLError(.analysis, "INSERT OVERWRITE DIRECTORY needs a path.", errorClass: "REQUIRED_PARAMETER_NOT_FOUND", at: insert.query.position)
        }
        let compression = try parquetCompression(insert.options, at: insert.query.position)
        let rows = try movingPartitionColumnsLast(try runQuery(insert.query, cancellation: cancellation), partitionedBy: [], tableName: path)
        let summary = try writeParquetLake(rows, partitionColumnCount: 0, location: path, compression: compression, cancellation: cancellation)
        return .message("Wrote \(rows.rowCount) \(rows.rowCount == 1 ? "row" : "rows") to \(path) (" + SQLSession.describe(summary) + ").")
    }

    static func describe(_ summary: LakeWriteSummary) -> String {
        var text = "\(summary.files.count) Parquet \(summary.files.count == 1 ? "file" : "files")"
        if !summary.partitionFolders.isEmpty {
            text += " in \(summary.partitionFolders.count) \(summary.partitionFolders.count == 1 ? "partition" : "partitions")"
        }
        return text + " in \(summary.target)" + (summary.replacedExisting ? ", replaced" : "")
    }
}
