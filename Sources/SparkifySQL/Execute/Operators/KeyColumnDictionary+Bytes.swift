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
        var hashes = [UInt64](repeating: 0, count: lookupBlock)
        var sink: UInt64 = 0
        arena.bytes.withUnsafeBufferPointer { bytes in
            arena.offsets.withUnsafeBufferPointer { offsets in
                hashes.withUnsafeMutableBufferPointer { hash in
                    let base = bytes.baseAddress
                    var previousStart = -1, previousLength = -1
                    var previousCode: Int32 = -1
                    var blockStart = rows.lowerBound
                    while blockStart < rows.upperBound {
                        let blockEnd = min(blockStart + lookupBlock, rows.upperBound)
                        let count = blockEnd - blockStart
                        for j in 0..<count {
                            let i = blockStart + j
                            let start = offsets[i]
                            hash[j] = KeyHashing.hashBytes(base.map { $0 + start }, offsets[i + 1] - start)
                        }
                        for j in 0..<count {
                            if j + slotDistance < count { sink &+= table.touchSlot(hash[j + slotDistance]) }
                            if j + recordDistance < count { sink &+= table.touchRecord(hash[j + recordDistance]) }
                            let i = blockStart + j
                            if let validity, !validity.isValid(i) {
                                if firstNullRow < 0 {
                                    firstNullRow = i
                                    nullPosition = Int32(truncatingIfNeeded: table.count)
                                }
                                continue
                            }
                            let start = offsets[i], length = offsets[i + 1] - start
                            let pointer = base.map { $0 + start }
                            // Runs of one value (sorted or clustered data) skip the probe.
                            if length == previousLength,
                               KeyHashing.bytesEqual(pointer, length, base.map { $0 + previousStart }, length) {
                                out[i] = previousCode
                                continue
                            }
                            let code = table.insert(pointer, length, hash: hash[j])
                            out[i] = code
                            previousStart = start
                            previousLength = length
                            previousCode = code
                        }
                        blockStart = blockEnd
                    }
                }
            }
        }
        consume(sink)
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

extension KeyColumnDictionary {
    /// Rows probed per block: hashes are computed for a block first, so each probe can load
    /// the slot and key record of rows a few places ahead while it compares its own.
    static let lookupBlock = 256
    static let slotDistance = 16
    static let recordDistance = 8

    /// Ids of rows `rows` of `arena` in `table` into `out` (-1 when absent, `nullValue` for NULL).
    static func lookupBytes(
        _ arena: StringArena, validity: Validity?, rows: Range<Int>, table: ByteKeyTable, nullValue: Int32,
        into out: UnsafeMutablePointer<Int32>
    ) {
        var hashes = [UInt64](repeating: 0, count: lookupBlock)
        var sink: UInt64 = 0
        arena.bytes.withUnsafeBufferPointer { bytes in
            arena.offsets.withUnsafeBufferPointer { offsets in
                hashes.withUnsafeMutableBufferPointer { hash in
                    let base = bytes.baseAddress
                    var blockStart = rows.lowerBound
                    while blockStart < rows.upperBound {
                        let blockEnd = min(blockStart + lookupBlock, rows.upperBound)
                        let count = blockEnd - blockStart
                        for j in 0..<count {
                            let i = blockStart + j
                            let start = offsets[i]
                            hash[j] = KeyHashing.hashBytes(base.map { $0 + start }, offsets[i + 1] - start)
                        }
                        for j in 0..<count {
                            if j + slotDistance < count { sink &+= table.touchSlot(hash[j + slotDistance]) }
                            if j + recordDistance < count { sink &+= table.touchRecord(hash[j + recordDistance]) }
                            let i = blockStart + j
                            if let validity, !validity.isValid(i) { out[i] = nullValue; continue }
                            let start = offsets[i]
                            out[i] = table.find(base.map { $0 + start }, offsets[i + 1] - start, hash: hash[j])
                        }
                        blockStart = blockEnd
                    }
                }
            }
        }
        consume(sink)
    }

    /// Keeps a value alive so the loads that produced it are not optimised away.
    @inline(never)
    static func consume(_ value: UInt64) {
        if value == 0x0123_4567_89AB_CDEF { sinkValue = value }
    }
    nonisolated(unsafe) private static var sinkValue: UInt64 = 0
}
