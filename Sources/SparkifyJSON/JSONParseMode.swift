/// What the reader does with a malformed record, as Spark's `mode` option.
public enum JSONParseMode: Sendable, Equatable {
    /// Keep the row with NULLs and the raw text in the corrupt-record column (Spark's default).
    case permissive
    /// Drop the row.
    case dropMalformed
    /// Stop with an error naming the file and line.
    case failFast

    /// Parses Spark's spelling (`PERMISSIVE`, `dropmalformed`, `FailFast`), ignoring case.
    public init?(sparkName: String) {
        switch sparkName.lowercased() {
        case "permissive": self = .permissive
        case "dropmalformed": self = .dropMalformed
        case "failfast": self = .failFast
        default: return nil
        }
    }

    /// Spark's spelling of the mode.
    public var sparkName: String {
        switch self {
        case .permissive: return "PERMISSIVE"
        case .dropMalformed: return "DROPMALFORMED"
        case .failFast: return "FAILFAST"
        }
    }
}
