import SparkifyTables

/// A table or view of the session, materialized in memory.
public struct CatalogEntry: Sendable {
    public enum Kind: String, Sendable {
        case view = "VIEW"
        case table = "TABLE"
    }

    public var name: String
    public var kind: Kind
    public var table: Table
    /// Where the rows came from, when read straight from files (for `input_file_name()`).
    public var source: ScanSource
    /// The defining query's text, when made by one.
    public var definition: String?

    public init(name: String, kind: Kind, table: Table, source: ScanSource? = nil, definition: String? = nil) {
        self.name = name
        self.kind = kind
        self.table = table
        self.source = source ?? .catalog(name: name)
        self.definition = definition
    }
}

/// The session's tables and views by name. Names compare case-insensitively, as in Spark.
///
/// Statements compute their whole result before they touch the catalog, so a failing
/// statement leaves it as it was.
public struct Catalog: Sendable {
    private var entries: [String: CatalogEntry] = [:]

    public init() {}

    public func entry(_ name: String) -> CatalogEntry? { entries[name.lowercased()] }

    public func contains(_ name: String) -> Bool { entries[name.lowercased()] != nil }

    public mutating func put(_ entry: CatalogEntry) { entries[entry.name.lowercased()] = entry }

    @discardableResult
    public mutating func remove(_ name: String) -> CatalogEntry? { entries.removeValue(forKey: name.lowercased()) }

    /// Every entry, sorted by name.
    public var all: [CatalogEntry] { entries.values.sorted { $0.name.lowercased() < $1.name.lowercased() } }

    public var names: [String] { all.map(\.name) }
}
