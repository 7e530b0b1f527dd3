import SparkifyTables

/// A loaded JSON dataset and what the reader saw on the way.
public struct JSONReadResult: Sendable {
    /// The rows, with the schema Spark would infer.
    public let table: Table
    /// The files read, in the order their rows appear.
    public let files: [String]
    /// The row where each file's rows start (`files.count` entries), for `input_file_name()`.
    public let fileRowStarts: [Int]
    /// How many records were malformed, whatever the mode did with them.
    public let malformedCount: Int
    /// Where the first few malformed records are, in file order.
    public let malformedSamples: [(file: String, line: Int)]
    /// True when malformed lines look like a pretty-printed (multi-line) document.
    public let looksMultiLine: Bool
    /// The mode the records were read in.
    public let mode: JSONParseMode
    /// Bytes read from disk (compressed size for `.gz` files).
    public var bytesRead: Int

    /// A result as the reader makes it (public for tests and other readers).
    public init(table: Table, files: [String], fileRowStarts: [Int], malformedCount: Int,
                malformedSamples: [(file: String, line: Int)], looksMultiLine: Bool,
                mode: JSONParseMode, bytesRead: Int) {
        self.table = table
        self.files = files
        self.fileRowStarts = fileRowStarts
        self.malformedCount = malformedCount
        self.malformedSamples = malformedSamples
        self.looksMultiLine = looksMultiLine
        self.mode = mode
        self.bytesRead = bytesRead
    }

    /// The file row `row` came from.
    public func file(ofRow row: Int) -> String? {
        guard row >= 0, row < table.rowCount, !files.isEmpty else { return nil }
        var low = 0, high = fileRowStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if fileRowStarts[mid] <= row { low = mid } else { high = mid - 1 }
        }
        return files[low]
    }

    /// One line for the user about malformed records, or `nil` when there were none:
    /// `3 malformed records (permissive: kept with _corrupt_record); first at a.json:12, b.json:3`.
    public func malformedSummary(corruptColumn: String = "_corrupt_record") -> String? {
        guard malformedCount > 0 else { return nil }
        let noun = malformedCount == 1 ? "record" : "records"
        let what: String
        switch mode {
        case .permissive:
            what = table.schema.index(of: corruptColumn) != nil
                ? "permissive: kept with \(corruptColumn)" : "permissive: kept with NULL fields"
        case .dropMalformed: what = "dropmalformed: dropped"
        case .failFast: what = "failfast"
        }
        var text = "\(malformedCount) malformed \(noun) (\(what))"
        if !malformedSamples.isEmpty {
            text += "; first at " + malformedSamples.map { "\($0.file):\($0.line)" }.joined(separator: ", ")
        }
        if looksMultiLine {
            text += ". The input looks like multi-line (pretty-printed) JSON documents: read it with the multiLine option (--multi-line)"
        }
        return text
    }
}
