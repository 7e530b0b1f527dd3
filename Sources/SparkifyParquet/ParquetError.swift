/// Why a Parquet file could not be written or read: what went wrong and where (the file, and
/// the column, row group and page when the problem is in one).
public struct ParquetError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var path: String
    public var column: String?
    public var rowGroup: Int?
    public var page: Int?

    public init(_ message: String, path: String, column: String? = nil, rowGroup: Int? = nil, page: Int? = nil) {
        self.message = message
        self.path = path
        self.column = column
        self.rowGroup = rowGroup
        self.page = page
    }

    public var description: String {
        var location = "parquet file \(path)"
        if let column { location += ", column \(column)" }
        if let rowGroup { location += ", row group \(rowGroup)" }
        if let page { location += ", page \(page)" }
        return "\(location): \(message)"
    }
}

/// A problem found deep in decoding, before the file and column are known; the reader wraps
/// it into a `ParquetError` with the location.
struct ParquetDecodeFailure: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// The message of an internal failure.
func describe(_ error: any Error) -> String {
    if let failure = error as? ParquetDecodeFailure { return failure.message }
    if let failure = error as? ThriftCompactReader.Failure { return failure.message }
    return "\(error)"
}
