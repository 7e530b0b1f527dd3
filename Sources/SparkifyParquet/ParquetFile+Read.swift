import SparkifyTables

extension ParquetFile {
    /// Reads the named columns (all when nil), in the order asked, across every row group;
    /// columns are decoded on all cores. Names match case-insensitively, as Spark's do.
    public func read(columns names: [String]? = nil, cancellation: CancellationToken? = nil) throws -> Table {
        var indices: [Int] = []
        for name in names ?? schema.names {
            guard let i = schema.index(of: name) else {
                throw ParquetError("no column named \(name) (the file has \(schema.names.joined(separator: ", ")))", path: path)
            }
            indices.append(i)
        }
        let token = cancellation ?? .never
        let handle: ParquetFileHandle
        do {
            handle = try ParquetFileHandle.openForReading(path)
        } catch {
            throw ParquetError(describe(error), path: path)
        }
        let wanted = indices
        let parallel = rowCount * wanted.count >= 50_000
        let results = parallelMap(wanted.count, parallel: parallel) { k -> Result<Column, any Error> in
            Result { try readColumn(wanted[k], handle: handle, cancellation: token) }
        }
        try token.check()
        var columns: [Column] = []
        for result in results { columns.append(try result.get()) }
        let fields = indices.map { schema.fields[$0] }
        return Table(schema: Schema(fields), columns: columns, rowCount: rowCount)
    }

    /// Reads leaf `c` from every row group.
    func readColumn(_ c: Int, handle: ParquetFileHandle, cancellation: CancellationToken) throws -> Column {
        let leaf = leaves[c]
        var output = ColumnOutput(type: leaf.type, capacity: min(rowCount, 1 << 24))
        for (g, group) in metadata.rowGroups.enumerated() {
            try cancellation.check()
            // validateRowGroups checked that metadata is present.
            // (pyarrow writes an empty table as one row group of empty chunks at offset 0.)
            guard let meta = group.columns[c].metaData, group.numRows > 0 else { continue }
            var reader: ColumnChunkReader?
            do {
                guard let codec = ParquetCompression(thriftCodec: meta.codec) else {
                    throw ParquetDecodeFailure("compression \(ParquetCompression.codecName(meta.codec)), which sparkify does not read")
                }
                guard meta.numValues == group.numRows else {
                    throw ParquetDecodeFailure("\(meta.numValues) values in a row group of \(group.numRows) rows")
                }
                let range = try chunkRange(meta)
                let bytes = try handle.read(at: range.lowerBound, count: range.count)
                reader = ColumnChunkReader(leaf: leaf, codec: codec, valueCount: Int(meta.numValues))
                try bytes.withUnsafeBytes { (raw) in try reader!.read(raw, into: &output) }
            } catch {
                let page = reader.map { $0.page > 0 ? $0.page : nil } ?? nil
                throw ParquetError(describe(error), path: path, column: leaf.name, rowGroup: g, page: page)
            }
        }
        return output.build()
    }

    /// The byte range of a column chunk: from its dictionary page (when it has one) or first
    /// data page, `total_compressed_size` long, inside the file's data area.
    private func chunkRange(_ meta: ParquetColumnMetaData) throws -> Range<Int> {
        var start = meta.dataPageOffset
        if let dictionary = meta.dictionaryPageOffset, dictionary > 0, dictionary < start { start = dictionary }
        let length = meta.totalCompressedSize
        guard start >= 4 && length >= 0 && start <= Int64(dataEnd) && length <= Int64(dataEnd) - start else {
            throw ParquetDecodeFailure("the column chunk (offset \(start), \(length) bytes) lies outside the file's data")
        }
        return Int(start)..<Int(start + length)
    }
}
