import Dispatch
import Synchronization
import SparkifyTables

/// Turns the units' columns into one table: the final schema (Spark's merge and
/// canonicalisation), records that fail only against it, and the columns concatenated
/// in file order, freeing each unit's storage as it goes.
struct ChunkMerger: @unchecked Sendable {
    let files: [ListedFile]
    let units: [WorkUnit]
    var builders: [ChunkBuilder]
    let lineOffsets: [Int]
    let options: JSONReadOptions
    /// Final fields, sorted; the corrupt-record column among them when present.
    private(set) var fields: [Field] = []
    private(set) var bytesRead = 0
    private var hasCorruptColumn = false
    private var finalTypes: [String: DataType] = [:]

    init(files: [ListedFile], units: [WorkUnit], builders: [ChunkBuilder], lineOffsets: [Int], options: JSONReadOptions) {
        self.files = files
        self.units = units
        self.builders = builders
        self.lineOffsets = lineOffsets
        self.options = options
        bytesRead = builders.reduce(0) { $0 + $1.bytesRead }
        computeSchema()
    }

    private mutating func computeSchema() {
        var merged: [String: DataType] = [:]
        for builder in builders {
            for column in builder.columns {
                merged[column.name] = JSONTypeMerger.merge(merged[column.name] ?? .null, column.type)
            }
        }
        var out: [Field] = []
        for (name, type) in merged where !name.isEmpty {
            if var final = JSONTypeMerger.canonicalize(type) {
                if options.primitivesAsString { final = Self.primitivesAsString(final) }
                out.append(Field(name, final))
                finalTypes[name] = final
            }
        }
        hasCorruptColumn = options.mode == .permissive && builders.contains { $0.corrupt != nil }
        if hasCorruptColumn, finalTypes[options.columnNameOfCorruptRecord] == nil {
            out.append(Field(options.columnNameOfCorruptRecord, .string))
        } else {
            hasCorruptColumn = false
        }
        out.sort { JSONTypeMerger.precedes($0.name, $1.name) }
        fields = out
    }

    /// `type` with every number and boolean, also inside arrays and structs, made a string.
    static func primitivesAsString(_ type: DataType) -> DataType {
        switch type {
        case .boolean, .int, .bigint, .double, .decimal: return .string
        case let .array(element): return .array(primitivesAsString(element))
        case let .structure(fields): return .structure(fields.map { Field($0.name, primitivesAsString($0.type), nullable: $0.nullable) })
        default: return type
        }
    }

    /// Reads again the units whose doubles (or `-0`) must become text: with every column
    /// started in its final type, nothing has to be converted lossily.
    mutating func reparseLossyUnits(cancellation: CancellationToken) throws {
        var reader: UnitReader?
        for i in builders.indices {
            let lossy = builders[i].columns.contains { column in
                finalTypes[column.name] == .string && (column.type == .double || (column.type == .bigint && column.hasLossyIntegers))
            }
            guard lossy else { continue }
            if reader == nil { reader = UnitReader(files: files, options: options, cancellation: cancellation) }
            let again = try reader.unsafelyUnwrapped.parse(units[i], seeds: finalTypes)
            builders[i].releaseAll()
            builders[i] = again
        }
    }

    struct BadRowOutcome {
        var count: Int
        var samples: [(file: String, line: Int)]
        var looksMultiLine: Bool
    }

    /// Finds records that fail only now the schema is known (`""` in a non-string column,
    /// a `null` record); drops them (DROPMALFORMED) or puts their text in the corrupt column
    /// (PERMISSIVE), or throws (FAILFAST). Returns the count and first places of all
    /// malformed records.
    mutating func resolveBadRows() throws -> BadRowOutcome {
        var count = 0
        var places: [(unit: Int, line: Int, file: Int)] = []
        var looksMultiLine = false
        for (i, builder) in builders.enumerated() {
            count += builder.malformedCount
            looksMultiLine = looksMultiLine || builder.looksMultiLine
            for sample in builder.samples { places.append((i, sample.line + lineOffsets[i], sample.file)) }
            let bad = builder.suspects.filter { suspect in
                suspect.alwaysBad || builder.columns.contains { column in
                    finalTypes[column.name] != .string && column.emptyRows.count > 0 && column.readEmptyString(at: suspect.row)
                }
            }
            guard !bad.isEmpty else { continue }
            count += bad.count
            for suspect in bad.prefix(ChunkBuilder.sampleLimit) { places.append((i, suspect.line + lineOffsets[i], suspect.file)) }
            switch options.mode {
            case .failFast:
                let first = bad[0]
                let why = first.alwaysBad ? "the record is null" : "an empty string in a field that is not a string"
                throw JSONReadError(.malformed, "malformed record (\(why)) in FAILFAST mode", file: files[first.file].path, line: first.line + lineOffsets[i])
            case .dropMalformed:
                let rows = bad.map(\.row)
                for column in builder.columns { column.removeRows(rows) }
                builder.row -= rows.count
                for suspect in bad {
                    if let k = builder.fileIndices.firstIndex(of: suspect.file) { builder.fileRowCounts[k] -= 1 }
                }
            case .permissive:
                if hasCorruptColumn { fillCorruptText(builder, bad) }
            }
        }
        places.sort { ($0.unit, $0.line) < ($1.unit, $1.line) }
        let samples = places.prefix(ChunkBuilder.sampleLimit).map { (file: files[$0.file].path, line: $0.line) }
        return BadRowOutcome(count: count, samples: Array(samples), looksMultiLine: looksMultiLine)
    }

    private func fillCorruptText(_ builder: ChunkBuilder, _ bad: [ChunkBuilder.Suspect]) {
        let old = builder.corrupt
        let column = ChunkColumn(name: options.columnNameOfCorruptRecord, key: [])
        column.seed(.string)
        var b = 0
        for row in 0..<builder.row {
            if b < bad.count, bad[b].row == row {
                let s = bad[b]
                if s.textEnd > s.textStart {
                    try? column.appendText(builder.suspectText.base.unsafelyUnwrapped + s.textStart, s.textEnd - s.textStart)
                } else {
                    column.appendEmptyString()
                }
                b += 1
            } else if let old, !old.isNull(row) {
                let start = Int(old.offsets[row]), end = Int(old.offsets[row + 1])
                try? column.appendText(old.bytes.base.unsafelyUnwrapped + start, end - start)
            } else {
                column.appendNull()
            }
        }
        old?.release()
        builder.corrupt = column
    }

    /// Where each file's rows start.
    func fileRowStarts() -> [Int] {
        var counts = [Int](repeating: 0, count: files.count)
        for builder in builders {
            for (k, file) in builder.fileIndices.enumerated() { counts[file] += builder.fileRowCounts[k] }
        }
        var starts: [Int] = []
        starts.reserveCapacity(files.count)
        var running = 0
        for c in counts {
            starts.append(running)
            running += c
        }
        return starts
    }

    /// Builds the table, a column per thread at a time.
    func assemble(threads: Int, cancellation: CancellationToken) throws -> Table {
        let rowCount = builders.reduce(0) { $0 + $1.row }
        let maps = builders.map { builder in
            Dictionary(builder.columns.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let columns = Mutex<[Int: Result<Column, any Error>]>([:])
        let fields = self.fields
        let merger = self
        let work = { @Sendable (index: Int) in
            let result = Result { try merger.assemble(fields[index], rowCount: rowCount, maps: maps) }
            columns.withLock { $0[index] = result }
            // The units' small buffers of this column live in malloc's heap: give them back
            // now, not at the end, so the table and the units never fully coexist.
            MemoryTuning.trim()
        }
        if threads > 1 && fields.count > 1 {
            DispatchQueue.concurrentPerform(iterations: fields.count) { work($0) }
        } else {
            for i in fields.indices { work(i) }
        }
        try cancellation.check()
        let built = columns.withLock { $0 }
        var out: [Column] = []
        for i in fields.indices {
            guard let result = built[i] else { throw JSONReadError(.unreadable, "internal error: column \(fields[i].name) missing") }
            out.append(try result.get())
        }
        return Table(schema: Schema(fields), columns: out, rowCount: rowCount)
    }
}
