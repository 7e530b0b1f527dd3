#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

/// Reads one work unit's bytes into a reusable buffer and feeds its records to a parser.
final class UnitReader {
    private var buffer = GrowBuffer<UInt8>()
    let files: [ListedFile]
    let options: JSONReadOptions
    let cancellation: CancellationToken

    static let initialBufferSize = 4 << 20

    init(files: [ListedFile], options: JSONReadOptions, cancellation: CancellationToken) {
        self.files = files
        self.options = options
        self.cancellation = cancellation
        _ = buffer.reserve(extra: Self.initialBufferSize)
    }

    deinit { buffer.removeAll() }

    /// Parses `unit`, reading it again when a column must become string after its double
    /// values were stored, or when a malformed record had changed column types.
    func parse(_ unit: WorkUnit, seeds: [String: DataType] = [:]) throws -> ChunkBuilder {
        var seeds = seeds
        var validateFirst = false
        while true {
            let builder = ChunkBuilder(options: options, seeds: seeds, validateFirst: validateFirst)
            do {
                try parse(unit, into: builder)
                builder.pruneSuspects()
                return builder
            } catch let interrupt as ParseInterrupt {
                switch interrupt {
                case let .restart(name):
                    seeds[name] = .string
                case .revalidate:
                    validateFirst = true
                case .tooLarge:
                    throw JSONReadError(.tooLarge, "one work unit holds more than 4 GiB of text in one column", file: files[unit.files.lowerBound].path)
                case .malformed:
                    preconditionFailure("malformed records are handled per record")
                }
            }
        }
    }

    private func parse(_ unit: WorkUnit, into builder: ChunkBuilder) throws {
        for index in unit.files {
            try cancellation.check()
            builder.beginFile(index)
            let file = files[index]
            let source = try ByteSource(path: file.path, offset: unit.byteRange.map { max(0, $0.lowerBound - 1) } ?? 0)
            let lines: Int
            if options.multiLine {
                lines = try parseDocument(source, into: builder)
            } else {
                lines = try parseLines(source, range: unit.byteRange, into: builder)
            }
            if let range = unit.byteRange {
                // Count each byte once although parts overlap at their boundary lines.
                builder.bytesRead += max(0, min(range.upperBound, file.size) - range.lowerBound)
            } else {
                builder.bytesRead += source.bytesRead
            }
            builder.endFile(lines: lines)
            if builder.failure != nil { return }
        }
    }

    /// Multi-line mode: the whole file is one record.
    private func parseDocument(_ source: ByteSource, into builder: ChunkBuilder) throws -> Int {
        buffer.count = 0
        while true {
            let room = max(buffer.capacity - buffer.count, 1 << 20)
            let dst = buffer.reserve(extra: room)
            let n = try source.read(into: dst, capacity: room)
            if n == 0 { break }
            buffer.count += n
            try cancellation.check()
        }
        guard buffer.count > 0 else { return 0 }
        var start = UnsafePointer(buffer.base.unsafelyUnwrapped)
        let end = start + buffer.count
        if Self.hasBOM(start, end) { start += 3 }
        var parser = RecordParser(builder: builder, linesMode: false)
        builder.currentLine = 1
        try parser.parseRecord(start, end, line: 1)
        var lines = 0
        var q = start
        while q < end {
            if q.pointee == 0x0A { lines += 1 }
            q += 1
        }
        return end > start && end[-1] != 0x0A ? lines + 1 : lines
    }

    /// Lines mode: every line is a record; a part of a split file owns the lines that start
    /// in its range. Returns the number of lines seen.
    private func parseLines(_ source: ByteSource, range: Range<Int>?, into builder: ChunkBuilder) throws -> Int {
        var parser = RecordParser(builder: builder, linesMode: true)
        buffer.count = 0
        // The file offset of buffer[0].
        var bufferOffset = range.map { max(0, $0.lowerBound - 1) } ?? 0
        let stopAt = range?.upperBound ?? Int.max
        var skippingPartialLine = (range?.lowerBound ?? 0) > 0
        var atFileStart = bufferOffset == 0
        var eof = false
        var line = 0
        while true {
            if !eof {
                if buffer.capacity - buffer.count < (64 << 10) { buffer.grow(minimum: buffer.capacity * 2) }
                var room = buffer.capacity - buffer.count
                if stopAt != Int.max {
                    // A part reads its range and then only as far as its last line needs.
                    let readOffset = bufferOffset + buffer.count
                    room = min(room, max(stopAt - readOffset, 0) + (16 << 10))
                }
                let n = try source.read(into: buffer.base.unsafelyUnwrapped + buffer.count, capacity: room)
                if n == 0 { eof = true }
                buffer.count += n
            }
            let base = UnsafePointer(buffer.base.unsafelyUnwrapped)
            let limit = base + buffer.count
            var q = base
            if skippingPartialLine {
                guard let newline = memchr(q, 0x0A, limit - q) else {
                    if eof { return line }
                    bufferOffset += buffer.count
                    buffer.count = 0
                    continue
                }
                q = UnsafePointer(newline.assumingMemoryBound(to: UInt8.self)) + 1
                skippingPartialLine = false
            }
            if atFileStart {
                if limit - q < 3 && !eof { continue }
                if Self.hasBOM(q, limit) { q += 3 }
                atFileStart = false
            }
            while q < limit {
                guard let found = memchr(q, 0x0A, limit - q) else { break }
                if bufferOffset + (q - base) >= stopAt { return line }
                let newline = UnsafePointer(found.assumingMemoryBound(to: UInt8.self))
                var lineEnd = newline
                if lineEnd > q, lineEnd[-1] == 0x0D { lineEnd -= 1 }
                line += 1
                builder.currentLine = line
                try parser.parseRecord(q, lineEnd, line: line)
                if builder.failure != nil { return line }
                q = newline + 1
            }
            if eof {
                if q < limit, bufferOffset + (q - base) < stopAt {
                    line += 1
                    builder.currentLine = line
                    var lineEnd = limit
                    if lineEnd[-1] == 0x0D { lineEnd -= 1 }
                    try parser.parseRecord(q, lineEnd, line: line)
                }
                return line
            }
            try cancellation.check()
            let consumed = q - base
            if consumed > 0 {
                let tail = buffer.count - consumed
                memmove(buffer.base.unsafelyUnwrapped, q, tail)
                buffer.count = tail
                bufferOffset += consumed
            }
        }
    }

    static func hasBOM(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>) -> Bool {
        end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
    }
}
