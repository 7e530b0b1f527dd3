#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SparkifyTables

/// Reads a JSON lake (JSON Lines or multi-line documents, plain or gzip) into a table with
/// the schema Spark would infer, on all cores, in one pass over the bytes.
public enum JSONReader {
    /// Reads the file, folder or glob `path`. Throws `JSONReadError` (with the path, or file
    /// and line) or `CancellationError`. `progress` is called with (units done, units) from
    /// worker threads.
    public static func read(_ path: String, options: JSONReadOptions = .init(),
                            cancellation: CancellationToken = .never,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> JSONReadResult {
        let clock = PhaseClock()
        let files = try FileLister.list(path, recursive: options.recursiveFileLookup)
        clock.mark("list \(files.count) files")
        return try read(files: files, options: options, cancellation: cancellation, progress: progress)
    }

    /// Reads files already listed (by `FileLister`), in the order given.
    public static func read(files: [ListedFile], options: JSONReadOptions = .init(),
                            cancellation: CancellationToken = .never,
                            progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> JSONReadResult {
        MemoryTuning.returnFreedMemoryEagerly()
        let clock = PhaseClock()
        let threads = max(1, options.threads ?? Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        let units = WorkUnit.plan(files, options: options, threads: threads)
        let runner = ParallelUnits(units: units, files: files, options: options, cancellation: cancellation, progress: progress)
        var builders = try runner.run(threads: threads)
        clock.mark("parse \(units.count) units")
        let lineOffsets = lineOffsets(units: units, builders: builders)
        if let (index, failure) = builders.enumerated().lazy.compactMap({ i, b in b.failure.map { (i, $0) } }).first {
            let file = files[failure.file].path
            let hint = builders[index].looksMultiLine
                ? ". The file looks like a multi-line (pretty-printed) JSON document: read it with the multiLine option (--multi-line)" : ""
            throw JSONReadError(.malformed, "\(failure.message) in FAILFAST mode\(hint)", file: file, line: failure.line + lineOffsets[index])
        }
        try cancellation.check()
        var merger = ChunkMerger(files: files, units: units, builders: builders, lineOffsets: lineOffsets, options: options)
        try merger.reparseLossyUnits(cancellation: cancellation)
        clock.mark("schema and re-reads")
        let outcome = try merger.resolveBadRows()
        builders = []
        let table = try merger.assemble(threads: threads, cancellation: cancellation)
        MemoryTuning.trim()
        clock.mark("assemble \(table.rowCount) rows")
        return JSONReadResult(table: table, files: files.map(\.path), fileRowStarts: merger.fileRowStarts(),
                              malformedCount: outcome.count, malformedSamples: outcome.samples,
                              looksMultiLine: outcome.looksMultiLine, mode: options.mode, bytesRead: merger.bytesRead)
    }

    /// For each unit, how many lines of its file come before it (parts of split files).
    static func lineOffsets(units: [WorkUnit], builders: [ChunkBuilder]) -> [Int] {
        var offsets = [Int](repeating: 0, count: builders.count)
        var running = 0
        for i in builders.indices {
            if units[i].part == 0 { running = 0 }
            offsets[i] = running
            running += builders[i].fileLineCounts.first ?? 0
        }
        return offsets
    }
}
