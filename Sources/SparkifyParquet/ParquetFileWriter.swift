#if canImport(Darwin)
import Darwin
#else
import Glibc
#endif
import SparkifyTables

/// Writes a table as one Parquet file, to the format's spec and the way Spark writes it.
public enum ParquetFileWriter {
    /// `created_by` in the footer.
    public static let createdBy = "sparkify version 0.1.0"

    /// Writes `table` to exactly `path` (replacing a file there): row groups of at most
    /// `options.rowGroupRows` rows whose column chunks are encoded on all cores. The file is
    /// created only once every chunk is encoded, so a cancelled or failed encode leaves no file;
    /// a failed write removes the partial file. Throws `ParquetError` or `CancellationError`.
    public static func write(_ table: Table, to path: String, options: ParquetWriteOptions = .init(),
                             cancellation: CancellationToken? = nil) throws -> ParquetWriteSummary {
        let token = cancellation ?? .never
        let fields = table.schema.fields
        let optional = zip(fields, table.columns).map { $0.nullable || $1.nullCount > 0 }
        let layouts = fields.map { ParquetColumnLayout(writing: $0.type) }
        let groups = rowGroups(table, options)
        let columnCount = fields.count

        // Every (row group, column) chunk is one task; they are written in file order after.
        let columns = table.columns
        // Small files (a partition of a few rows) are encoded on the calling thread: a lake
        // writer runs many of them side by side.
        let parallel = table.rowCount * max(1, columnCount) >= 50_000
        let encoded = parallelMap(groups.count * columnCount, parallel: parallel) { task -> Result<EncodedColumnChunk, any Error> in
            let g = task / columnCount, c = task % columnCount
            if token.isCancelled { return .failure(CancellationError()) }
            let writer = ColumnChunkWriter(column: columns[c], rows: groups[g], layout: layouts[c], optional: optional[c], options: options)
            do {
                return .success(try writer.encode())
            } catch {
                return .failure(ParquetError(describe(error), path: path, column: fields[c].name, rowGroup: g))
            }
        }

        try token.check()
        var rowGroupMetadata: [ParquetRowGroup] = []
        var offset = 4
        var file: [[UInt8]] = [Array("PAR1".utf8)]
        for (g, rows) in groups.enumerated() {
            var chunks: [ParquetColumnChunk] = []
            var uncompressed: Int64 = 0, compressed: Int64 = 0
            let groupStart = offset
            for c in 0..<columnCount {
                let chunk = try encoded[g * columnCount + c].get()
                let meta = ParquetColumnMetaData(
                    type: layouts[c].physicalType, encodings: chunk.encodings, path: [fields[c].name],
                    codec: options.compression.thriftCodec, numValues: Int64(chunk.numValues),
                    totalUncompressedSize: Int64(chunk.uncompressedSize), totalCompressedSize: Int64(chunk.bytes.count),
                    dataPageOffset: Int64(offset + chunk.dataPageOffset),
                    dictionaryPageOffset: chunk.hasDictionaryPage ? Int64(offset) : nil,
                    statistics: chunk.statistics, encodingStats: chunk.encodingStats)
                chunks.append(ParquetColumnChunk(filePath: nil, fileOffset: Int64(offset), metaData: meta))
                uncompressed += Int64(chunk.uncompressedSize)
                compressed += Int64(chunk.bytes.count)
                offset += chunk.bytes.count
                file.append(chunk.bytes)
            }
            rowGroupMetadata.append(ParquetRowGroup(columns: chunks, totalByteSize: uncompressed, numRows: Int64(rows.count),
                                                    fileOffset: Int64(groupStart), totalCompressedSize: compressed, ordinal: Int16(truncatingIfNeeded: g)))
        }

        let writtenFields = zip(fields, optional).map { (name: $0.name, type: ParquetSchemaMapping.writtenType($0.type), nullable: $1) }
        var schema = [ParquetSchemaElement(name: "spark_schema", numChildren: Int32(columnCount))]
        for (field, isOptional) in zip(fields, optional) {
            schema.append(ParquetSchemaMapping.element(for: field, optional: isOptional))
        }
        let footer = ParquetFileMetaData(
            version: 1, schema: schema, numRows: Int64(table.rowCount), rowGroups: rowGroupMetadata,
            keyValueMetadata: [(key: "org.apache.spark.sql.parquet.row.metadata", value: ParquetSchemaMapping.sparkSchemaJSON(writtenFields))],
            createdBy: createdBy, typeDefinedColumnOrders: columnCount
        ).encoded()
        var tail = footer
        let length = UInt32(footer.count)
        for b in 0..<4 { tail.append(UInt8(truncatingIfNeeded: length >> UInt32(8 * b))) }
        tail.append(contentsOf: Array("PAR1".utf8))
        file.append(tail)

        do {
            let handle = try ParquetFileHandle.create(path)
            do {
                for part in file { try part.withUnsafeBytes { (raw) in try handle.write(raw) } }
            } catch {
                unlink(path)
                throw error
            }
        } catch {
            throw ParquetError(describe(error), path: path)
        }
        return ParquetWriteSummary(bytes: offset + tail.count, rows: table.rowCount, rowGroups: groups.count)
    }

    /// The row ranges of the row groups: at most `rowGroupRows` rows and about
    /// `rowGroupBytes` of in-memory data each; none for an empty table.
    static func rowGroups(_ table: Table, _ options: ParquetWriteOptions) -> [Range<Int>] {
        let n = table.rowCount
        guard n > 0 else { return [] }
        let bytesPerRow = max(1, table.storageBytes / n)
        let perGroup = max(1, min(options.rowGroupRows, options.rowGroupBytes / bytesPerRow))
        return stride(from: 0, to: n, by: perGroup).map { $0..<min(n, $0 + perGroup) }
    }
}
