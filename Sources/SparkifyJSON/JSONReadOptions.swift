/// Options of a JSON read, named and defaulted as Spark's JSON data source.
public struct JSONReadOptions: Sendable, Equatable {
    /// Each file is one JSON document (an object, or an array of objects).
    public var multiLine = false
    /// What happens to malformed records.
    public var mode: JSONParseMode = .permissive
    /// A directory path reads every nested file, not only its direct files.
    public var recursiveFileLookup = false
    /// The column that holds the raw text of malformed records (permissive mode).
    public var columnNameOfCorruptRecord = "_corrupt_record"
    /// Single-quoted strings and field names are accepted (Spark's `allowSingleQuotes`).
    public var allowSingleQuotes = true
    /// Every number and boolean is read as a string, keeping its JSON text (`primitivesAsString`).
    public var primitivesAsString = false
    /// Work is split over this many threads; `nil` uses every core.
    public var threads: Int?
    /// The size of one work unit (bytes of a split file, or of a group of small files).
    public var chunkBytes = 4 << 20

    /// Spark's defaults.
    public init() {}

    /// Options from Spark's option map (`multiLine`, `mode`, `recursiveFileLookup`,
    /// `columnNameOfCorruptRecord`, `allowSingleQuotes`, `primitivesAsString`), names compared ignoring case.
    /// Throws for an unknown option or a value that is not valid for it.
    public init(options: [String: String]) throws(JSONReadError) {
        self.init()
        for (key, value) in options {
            switch key.lowercased() {
            case "multiline": multiLine = try Self.bool(key, value)
            case "recursivefilelookup": recursiveFileLookup = try Self.bool(key, value)
            case "allowsinglequotes": allowSingleQuotes = try Self.bool(key, value)
            case "primitivesasstring": primitivesAsString = try Self.bool(key, value)
            case "mode":
                guard let parsed = JSONParseMode(sparkName: value) else {
                    throw JSONReadError(.invalidOption, "option mode: '\(value)' is not one of PERMISSIVE, DROPMALFORMED, FAILFAST")
                }
                mode = parsed
            case "columnnameofcorruptrecord":
                guard !value.isEmpty else {
                    throw JSONReadError(.invalidOption, "option columnNameOfCorruptRecord: the name is empty")
                }
                columnNameOfCorruptRecord = value
            case "path":
                continue
            default:
                throw JSONReadError(.invalidOption, "unknown JSON option '\(key)' (known: multiLine, mode, recursiveFileLookup, columnNameOfCorruptRecord, allowSingleQuotes, primitivesAsString)")
            }
        }
    }

    private static func bool(_ key: String, _ value: String) throws(JSONReadError) -> Bool {
        switch value.lowercased() {
        case "true": return true
        case "false": return false
        default: throw JSONReadError(.invalidOption, "option \(key): '\(value)' is not true or false")
        }
    }
}
