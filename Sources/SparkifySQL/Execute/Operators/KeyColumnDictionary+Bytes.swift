import SparkifyTables

/// Encoding string columns, on one thread or several.
extension KeyColumnDictionary {
    /// Codes of rows `rows` of `arena` in `table` (inserting new values) into `out`; NULL rows
    /// are skipped. Returns the first NULL row (-1 if none) and how many distinct values came
    /// before it.
    static func encodeBytes(
        _ arena: StringArena, validity: Validity?, rows: Range<Int>, table: inout ByteKeyTable,
        into out: UnsafeMutablePointer<Int32>
    ) -> (firstNullRow: Int, nullPosition: Int32) {
        var firstNullRow = -1
        var nullPosition: Int32 = -1
        arena.bytes.withUnsafeBufferPointer { bytes in
            arena.offsets.withUnsafeBufferPointer { offsets in
                let base = bytes.baseAddress
                var previousStart = -1, previousLength = -1
                var previousCode: Int32 = -1
                for i in rows {
                    if let validity, !validity.isValid(i) {
                        if firstNullRow < 0 {
                            firstNullRow = i
                            nullPosition = Int32(truncatingIfNeeded: table.count)
                        }
                        continue
                    }
                    let start = offsets[i], length = offsets[i + 1] - start
                    let pointer = base.map { $0 + start }
                    // Runs of one value (sorted or clustered data) skip the hash.
                    if length == previousLength,
                       KeyHashing.bytesEqual(pointer, length, base.map { $0 + previousStart }, length) {
                        out[i] = previousCode
                        continue
                    }
                    let code = table.insert(pointer, length, hash: KeyHashing.hashBytes(pointer, length))
                    out[i] = code
                    previousStart = start
                    previousLength = length
                    previousCode = code
                }
            }
        }
        return (firstNullRow, nullPosition)
    }

    /// Encodes contiguous slices on `tasks` threads with a dictionary each, then merges the
    /// dictionaries in slice order, so codes keep global first-appearance order.
    static func encodeBytesInParallel(
        _ arena: StringArena, validity: Validity?, tasks: Int, codes: inout [Int32]
    ) -> (table: ByteKeyTable, firstNullRow: Int, nullPosition: Int32) {
        let n = arena.count
        let slices: [(table: ByteKeyTable, firstNullRow: Int, nullPosition: Int32)] = codes.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return [] }
            let shared = SendableBuffer(base)
            return (try? ParallelWork.map(tasks) { task in
                var table = ByteKeyTable(expectedCount: 1 << 12)
                let result = encodeBytes(arena, validity: validity, rows: ParallelWork.range(task: task, of: tasks, rows: n),
                                         table: &table, into: shared.base)
                return (table, result.firstNullRow, result.nullPosition)
            }) ?? []
        }
        var global = ByteKeyTable(expectedCount: slices.first?.table.count ?? 16)
        var firstNullRow = -1
        var nullPosition: Int32 = -1
        var maps = [[Int32]]()
        for slice in slices {
            let before = global.count
            var map = [Int32]()
            map.reserveCapacity(slice.table.count)
            slice.table.forEachKey { pointer, length, hash in
                map.append(global.insert(pointer, length, hash: hash))
            }
            if firstNullRow < 0, slice.firstNullRow >= 0 {
                firstNullRow = slice.firstNullRow
                let newBeforeNull = map.prefix(Int(slice.nullPosition)).count { Int($0) >= before }
                nullPosition = Int32(truncatingIfNeeded: before + newBeforeNull)
            }
            maps.append(map)
            slice.table.deallocate()
        }
        let localToGlobal = maps
        codes.withUnsafeMutableBufferPointer { out in
            guard let base = out.baseAddress else { return }
            let shared = SendableBuffer(base)
            _ = try? ParallelWork.map(tasks) { task in
                localToGlobal[task].withUnsafeBufferPointer { map in
                    for i in ParallelWork.range(task: task, of: tasks, rows: n) where shared[i] >= 0 {
                        shared[i] = map[Int(shared[i])]
                    }
                }
            }
        }
        return (global, firstNullRow, nullPosition)
    }
}
