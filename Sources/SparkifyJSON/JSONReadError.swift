/// Why a JSON read failed, with where: the path, or the file and line.
public struct JSONReadError: Error, Sendable, CustomStringConvertible, Equatable {
    /// What went wrong, for callers that react differently (the REPL, tests).
    public enum Kind: Sendable, Equatable {
        /// The path, or the base folder of a glob, does not exist.
        case pathNotFound
        /// A folder or glob gave no data file.
        case noFiles
        /// A file could not be opened or read.
        case unreadable
        /// A malformed record in FAILFAST mode.
        case malformed
        /// A gzip file that does not decompress.
        case corruptCompression
        case invalidOption
        /// A glob pattern that does not parse (an unclosed `{` or `[`).
        case invalidGlob
        /// Input beyond what the reader can hold (a single value over 4 GiB).
        case tooLarge
    }

    public let kind: Kind
    /// What went wrong, in words for the user.
    public let message: String
    /// The file concerned, if any.
    public let file: String?
    /// The 1-based line in `file`, if known.
    public let line: Int?

    /// An error of `kind`, at `file` and `line` when known.
    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
    }

    /// `file:line: message`, or less when the place is not known.
    public var description: String {
        switch (file, line) {
        case let (file?, line?): return "\(file):\(line): \(message)"
        case let (file?, nil): return "\(file): \(message)"
        default: return message
        }
    }
}
