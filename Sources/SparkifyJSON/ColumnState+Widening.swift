#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

extension ColumnState {
    /// Converts the values held so far to `newType`, a type `JSONTypeMerger.merge` gave.
    /// Throws `.restart` when the text a string column needs is no longer there (a double's
    /// digits as written, `-0`): the unit is then read again with this column as string.
    mutating func widen(to newType: DataType) throws(ParseInterrupt) {
        let old = type
        if old == newType { return }
        switch (Storage(old), Storage(newType)) {
        case (.none, .none):
            break
        case (.none, .words):
            let dst = words.reserve(extra: count)
            dst.initialize(repeating: 0, count: count)
            words.count = count
        case (.none, .text):
            let dst = offsets.reserve(extra: count + 1)
            dst.initialize(repeating: 0, count: count + 1)
            offsets.count = count + 1
        case (.words, .words):
            // bigint -> double is the only widening between word types.
            for i in 0..<count { words[i] = Double(Int64(bitPattern: words[i])).bitPattern }
        case (.words, .text):
            if old == .double || (hasLossyIntegers && newType == .string) {
                throw .restart(forceString: name)
            }
            try renderWordsAsText(old)
        case (.text, .words):
            // decimal -> double.
            for i in 0..<count {
                let start = Int(offsets[i]), end = Int(offsets[i + 1])
                let value = end > start ? NumberText.parseDouble(bytes.base.unsafelyUnwrapped + start, end - start) : 0
                words.append(value.bitPattern)
            }
            bytes.removeAll()
            offsets.removeAll()
        case (.text, .text):
            break
        case (.words, .none), (.text, .none):
            preconditionFailure("ChunkColumn.widen: \(old) to \(newType)")
        }
        type = newType
        if newType == .string, emptyRows.count > 0 { makeEmptyRowsValid() }
    }

    private mutating func renderWordsAsText(_ old: DataType) throws(ParseInterrupt) {
        var nextNull = 0
        let n = count
        offsets.append(0)
        var digits = [UInt8](repeating: 0, count: 24)
        for i in 0..<n {
            if nextNull < nullRows.count, Int(nullRows[nextNull]) == i {
                nextNull += 1
                offsets.append(UInt32(truncatingIfNeeded: bytes.count))
                continue
            }
            let word = words[i]
            if old == .boolean {
                let text: StaticString = word != 0 ? "true" : "false"
                bytes.append(text.utf8Start, count: text.utf8CodeUnitCount)
            } else {
                let length = digits.withUnsafeMutableBufferPointer { NumberText.render(Int64(bitPattern: word), into: $0.baseAddress!) }
                digits.withUnsafeBufferPointer { bytes.append($0.baseAddress!, count: length) }
            }
            guard bytes.count <= Int(UInt32.max) else { throw .tooLarge }
            offsets.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        words.removeAll()
    }

    /// Rows that read `""` while the column was not string become valid empty strings.
    private mutating func makeEmptyRowsValid() {
        var kept = GrowBuffer<Int32>()
        var e = 0
        for i in 0..<nullRows.count {
            let row = nullRows[i]
            while e < emptyRows.count, emptyRows[e] < row { e += 1 }
            if e < emptyRows.count, emptyRows[e] == row { continue }
            kept.append(row)
        }
        nullRows.removeAll()
        nullRows = kept
        emptyRows.removeAll()
    }

    /// Sets the type of a NULL-only column without converting (used when seeding).
    mutating func seed(_ newType: DataType) {
        precondition(count == 0)
        type = newType
        if Storage(newType) == .text { offsets.append(0) }
    }
}
