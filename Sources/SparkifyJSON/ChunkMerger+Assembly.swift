import SparkifyTables

extension ChunkMerger {
    /// One final column: each unit's column converted to the final type, then concatenated.
    func assemble(_ field: Field, rowCount: Int, maps: [[String: ChunkColumn]]) throws -> Column {
        let isCorrupt = field.name == options.columnNameOfCorruptRecord && field.type == .string
            && builders.contains { $0.corrupt != nil } && options.mode == .permissive
        var sources: [ChunkColumn?] = []
        sources.reserveCapacity(builders.count)
        for (i, builder) in builders.enumerated() {
            let source = isCorrupt ? builder.corrupt : maps[i][field.name]
            if let source {
                do {
                    try source.widen(to: field.type)
                } catch {
                    throw JSONReadError(.unreadable, "internal error: column \(field.name) cannot become \(field.type.simpleString)")
                }
                precondition(source.count == builder.row, "column \(field.name) has \(source.count) rows, unit has \(builder.row)")
            }
            sources.append(source)
        }
        let validity = buildValidity(sources, rowCount: rowCount)
        let values: ColumnValues
        switch field.type.physical {
        case .int64:
            values = .int64(concatenateWords(sources, rowCount: rowCount) { Int64(bitPattern: $0) })
        case .double:
            values = .double(concatenateWords(sources, rowCount: rowCount) { Double(bitPattern: $0) })
        case .boolean:
            values = .boolean(concatenateWords(sources, rowCount: rowCount) { $0 != 0 })
        case .int32:
            values = .int32(concatenateWords(sources, rowCount: rowCount) { Int32(truncatingIfNeeded: $0) })
        case .string:
            values = .string(concatenateText(sources, rowCount: rowCount))
        }
        return Column(type: field.type, values: values, validity: validity)
    }

    private func buildValidity(_ sources: [ChunkColumn?], rowCount: Int) -> Validity? {
        var anyNull = false
        for (i, source) in sources.enumerated() where source == nil ? builders[i].row > 0 : source.unsafelyUnwrapped.nullRows.count > 0 {
            anyNull = true
            break
        }
        guard anyNull else { return nil }
        var words = [UInt64](repeating: ~0, count: (rowCount + 63) >> 6)
        if rowCount & 63 != 0 { words[words.count - 1] = (1 << UInt64(rowCount & 63)) - 1 }
        words.withUnsafeMutableBufferPointer { w in
            var base = 0
            for (i, source) in sources.enumerated() {
                if let source {
                    for k in 0..<source.nullRows.count {
                        let row = base + Int(source.nullRows[k])
                        w[row >> 6] &= ~(1 << UInt64(row & 63))
                    }
                } else {
                    for row in base..<(base + builders[i].row) { w[row >> 6] &= ~(1 << UInt64(row & 63)) }
                }
                base += builders[i].row
            }
        }
        return Validity(words: words, count: rowCount)
    }

    private func concatenateWords<T>(_ sources: [ChunkColumn?], rowCount: Int, _ convert: (UInt64) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: rowCount) { out, initialized in
            var base = 0
            for (i, source) in sources.enumerated() {
                let n = builders[i].row
                MemoryTuning.populate(UnsafeMutableRawPointer(out.baseAddress! + base), bytes: n * MemoryLayout<T>.stride)
                if let source, source.storage == .words {
                    let words = source.words.base.unsafelyUnwrapped
                    for k in 0..<n { (out.baseAddress! + base + k).initialize(to: convert(words[k])) }
                    source.release()
                } else {
                    for k in 0..<n { (out.baseAddress! + base + k).initialize(to: convert(0)) }
                    source?.release()
                }
                base += n
            }
            initialized = rowCount
        }
    }

    private func concatenateText(_ sources: [ChunkColumn?], rowCount: Int) -> StringArena {
        var totalBytes = 0
        for source in sources { totalBytes += source?.bytes.count ?? 0 }
        var bytes = [UInt8](unsafeUninitializedCapacity: totalBytes) { _, n in n = totalBytes }
        var offsets = [Int](unsafeUninitializedCapacity: rowCount + 1) { _, n in n = rowCount + 1 }
        bytes.withUnsafeMutableBufferPointer { byteOut in
            offsets.withUnsafeMutableBufferPointer { offsetOut in
                var row = 0
                var byteBase = 0
                offsetOut[0] = 0
                for (i, source) in sources.enumerated() {
                    let n = builders[i].row
                    MemoryTuning.populate(UnsafeMutableRawPointer(offsetOut.baseAddress! + row + 1), bytes: n * 8)
                    if let source, source.storage == .text {
                        let count = source.bytes.count
                        MemoryTuning.populate(UnsafeMutableRawPointer(byteOut.baseAddress! + byteBase), bytes: count)
                        if count > 0 {
                            (byteOut.baseAddress! + byteBase).update(from: source.bytes.base.unsafelyUnwrapped, count: count)
                        }
                        let offs = source.offsets.base.unsafelyUnwrapped
                        for k in stride(from: 1, through: n, by: 1) { offsetOut[row + k] = byteBase + Int(offs[k]) }
                        byteBase += count
                    } else {
                        for k in 0..<n { offsetOut[row + k + 1] = byteBase }
                    }
                    source?.release()
                    row += n
                }
            }
        }
        return StringArena(bytes: bytes, offsets: offsets)
    }
}
