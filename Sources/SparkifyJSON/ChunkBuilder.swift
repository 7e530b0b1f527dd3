#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

/// The columns and bookkeeping of one work unit while it is parsed, and its result after.
final class ChunkBuilder: @unchecked Sendable {
    /// A row whose fate depends on the final schema: it read `""` into a column that was not
    /// string here (a conversion failure unless the column ends up string), or was `null`.
    struct Suspect {
        var row: Int
        var file: Int
        var line: Int
        var textStart: Int
        var textEnd: Int
        /// Malformed whatever the schema (a `null` record).
        var alwaysBad: Bool
    }

    let options: JSONReadOptions
    @exclusivity(unchecked) private(set) var columns: [ChunkColumn] = []
    private var byKey: [[UInt8]: ChunkColumn] = [:]
    @exclusivity(unchecked) private var firstHint: ColumnRef?
    /// `columns`' states, for loops in the hot path.
    @exclusivity(unchecked) private var states: [ColumnRef] = []
    /// Rows completed.
    @exclusivity(unchecked) var row = 0
    /// Counts column creations and widenings, to tell whether a failed record changed types.
    @exclusivity(unchecked) var changes = 0
    /// Raw text of malformed records (permissive), created at the first one.
    @exclusivity(unchecked) var corrupt: ChunkColumn?
    /// Types to start columns with (a re-read after a widening to string).
    let seeds: [String: DataType]
    /// Check each record fully before storing any of it.
    let validateFirst: Bool

    // Per unit results.
    var fileIndices: [Int] = []
    var fileRowCounts: [Int] = []
    var fileLineCounts: [Int] = []
    var malformedCount = 0
    var samples: [(file: Int, line: Int)] = []
    var suspects: [Suspect] = []
    var suspectText = GrowBuffer<UInt8>()
    var looksMultiLine = false
    var failure: (file: Int, line: Int, message: String)?
    var bytesRead = 0
    var currentFile = -1
    /// The line of the record being parsed.
    @exclusivity(unchecked) var currentLine = 0
    private var fileRowStart = 0
    /// A buffer for keys that hold escapes.
    @exclusivity(unchecked) var keyScratch = GrowBuffer<UInt8>()

    static let sampleLimit = 5

    init(options: JSONReadOptions, seeds: [String: DataType], validateFirst: Bool) {
        self.options = options
        self.seeds = seeds
        self.validateFirst = validateFirst
        for (name, type) in seeds.sorted(by: { $0.key < $1.key }) {
            let column = ChunkColumn(name: name, key: Array(name.utf8))
            column.seed(type)
            byKey[column.state.pointee.key] = column
            columns.append(column)
            states.append(column.state)
        }
    }

    deinit {
        suspectText.removeAll()
        keyScratch.removeAll()
    }

    /// Frees column storage no longer needed after merging.
    func releaseAll() {
        for column in columns { column.release() }
        corrupt?.release()
        suspectText.removeAll()
    }

    func beginFile(_ index: Int) {
        currentFile = index
        fileIndices.append(index)
        fileRowStart = row
    }

    func endFile(lines: Int) {
        fileRowCounts.append(row - fileRowStart)
        fileLineCounts.append(lines)
    }

    /// The column expected after `previous` (or first), from the last record.
    @inline(__always)
    func hint(after previous: ColumnRef?) -> ColumnRef? {
        previous == nil ? firstHint : previous.unsafelyUnwrapped.pointee.nextHint
    }

    /// The column for the key at `key` (`n` bytes), guessed from the previous key's
    /// successor in the last record, else looked up, else created.
    @inline(__always)
    func column(for key: UnsafePointer<UInt8>, _ n: Int, after previous: ColumnRef?) -> ColumnRef {
        let hint = previous == nil ? firstHint : previous.unsafelyUnwrapped.pointee.nextHint
        if let hint, hint.pointee.keyCount == n, Self.equal(hint.pointee.keyBytes, key, n) {
            return hint
        }
        let column = lookUp(key, n)
        if let previous { previous.pointee.nextHint = column } else { firstHint = column }
        return column
    }

    @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(a + i).loadUnaligned(as: UInt64.self) != UnsafeRawPointer(b + i).loadUnaligned(as: UInt64.self) { return false }
            i += 8
        }
        while i < n {
            if a[i] != b[i] { return false }
            i += 1
        }
        return true
    }

    private func lookUp(_ key: UnsafePointer<UInt8>, _ n: Int) -> ColumnRef {
        let bytes = Array(UnsafeBufferPointer(start: key, count: n))
        if let found = byKey[bytes] { return found.state }
        let column = ChunkColumn(name: String(decoding: bytes, as: UTF8.self), key: bytes)
        column.backfillNulls(row)
        byKey[bytes] = column
        columns.append(column)
        states.append(column.state)
        changes += 1
        return column.state
    }

    /// Ends the row being filled: fields the record did not have are NULL.
    @inline(__always)
    func finishRow(fieldsSet: Int) {
        if fieldsSet != states.count {
            for state in states where state.pointee.count == row { state.pointee.appendNull() }
        }
        if let corrupt, corrupt.count == row { corrupt.appendNull() }
        row += 1
    }

    /// Drops every value of rows from `rowCount` on.
    func rollBack(to rowCount: Int) {
        for column in columns where column.count > rowCount { column.truncate(to: rowCount) }
        if let corrupt, corrupt.count > rowCount { corrupt.truncate(to: rowCount) }
        while let last = suspects.last, last.row >= rowCount { suspects.removeLast() }
        row = rowCount
    }

    /// Records a malformed record at `line` with raw text `text`.
    func recordMalformed(_ text: UnsafeBufferPointer<UInt8>, line: Int, reason: MalformedReason) throws(ParseInterrupt) {
        malformedCount += 1
        if samples.count < Self.sampleLimit { samples.append((currentFile, line)) }
        if Self.looksLikePrettyPrinted(text) { looksMultiLine = true }
        switch options.mode {
        case .failFast:
            if failure == nil {
                failure = (currentFile, line, "malformed record (\(reason.text))")
            }
        case .dropMalformed:
            break
        case .permissive:
            if corrupt == nil {
                let column = ChunkColumn(name: options.columnNameOfCorruptRecord, key: [])
                column.seed(.string)
                column.backfillNulls(row)
                corrupt = column
            }
            for state in states where state.pointee.count == row { state.pointee.appendNull() }
            try corrupt.unsafelyUnwrapped.appendText(text.baseAddress!, text.count)
            row += 1
        }
    }

    /// Notes that the row being filled read `""` into a non-string column, or is `null`.
    func noteSuspect(_ text: UnsafeBufferPointer<UInt8>, line: Int, alwaysBad: Bool) {
        if let last = suspects.last, last.row == row {
            if alwaysBad { suspects[suspects.count - 1].alwaysBad = true }
            return
        }
        let start = suspectText.count
        if let base = text.baseAddress { suspectText.append(base, count: text.count) }
        suspects.append(Suspect(row: row, file: currentFile, line: line, textStart: start,
                                textEnd: suspectText.count, alwaysBad: alwaysBad))
    }

    /// Keeps only suspects that can still fail: `""` in a column not string in this unit.
    func pruneSuspects() {
        guard !suspects.isEmpty else { return }
        var nonString: [ChunkColumn] = []
        for column in columns where column.emptyRows.count > 0 && column.type != .string { nonString.append(column) }
        var cursors = [Int](repeating: 0, count: nonString.count)
        suspects = suspects.filter { suspect in
            if suspect.alwaysBad { return true }
            var keep = false
            for (i, column) in nonString.enumerated() {
                while cursors[i] < column.emptyRows.count, Int(column.emptyRows[cursors[i]]) < suspect.row { cursors[i] += 1 }
                if cursors[i] < column.emptyRows.count, Int(column.emptyRows[cursors[i]]) == suspect.row { keep = true }
            }
            return keep
        }
    }

    /// A line that is only `{`, `[`, `}`, `]` (maybe with a comma) or `"key": ...` is what a
    /// pretty-printed document looks like when read line by line.
    static func looksLikePrettyPrinted(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        var first: UInt8 = 0
        var last: UInt8 = 0
        var nonBlank = 0
        for b in text where b != 0x20 && b != 0x09 && b != 0x0D {
            if nonBlank == 0 { first = b }
            last = b
            nonBlank += 1
        }
        let brackets: [UInt8] = [UInt8(ascii: "{"), UInt8(ascii: "["), UInt8(ascii: "}"), UInt8(ascii: "]")]
        if nonBlank == 1, brackets.contains(first) { return true }
        if nonBlank == 2, brackets.contains(first), last == UInt8(ascii: ",") { return true }
        return first == UInt8(ascii: "\"") && text.contains(UInt8(ascii: ":"))
    }
}
