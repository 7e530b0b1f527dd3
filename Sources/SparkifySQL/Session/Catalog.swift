import SparkifyTables

/// A table or view of the session, materialized in memory.
public struct CatalogEntry: Sendable {
    public enum Kind: String, Sendable {
        case view = "VIEW"
        case table = "TABLE"
    }

    public var name: String
    public var kind: Kind
    /// A temporary view lives only in this session (Spark's `CREATE TEMP VIEW`).
    public var isTemporary: Bool
    public var table: Table
    /// Where the rows came from, when read straight from files (for `input_file_name()`).
    public var source: ScanSource
    /// The defining query's text, when made by one.
    public var definition: String?
    /// The query a view recomputes when a table it reads changes (nil: a snapshot, such as a
    /// table, a cached table or files read directly).
    public var query: ASTQuery?
    /// The tables and views `query` reads, lower case.
    public var reads: [String]
    /// The column names a view's definition gives its columns (`CREATE VIEW v (a, b) AS ...`).
    public var columnNames: [String]
    /// True when a table the view reads was replaced or dropped since it was computed: the
    /// next statement that reads the view recomputes it first, as Spark resolves views on use.
    public var isStale = false

    public init(name: String, kind: Kind, isTemporary: Bool = true, table: Table, source: ScanSource? = nil, definition: String? = nil,
                query: ASTQuery? = nil, reads: [String] = [], columnNames: [String] = []) {
        self.name = name
        self.kind = kind
        self.isTemporary = isTemporary
        self.columnNames = columnNames
        self.table = table
        self.source = source ?? .catalog(name: name)
        self.definition = definition
        self.query = query
        self.reads = reads
    }
}

/// The session's tables and views by name. Names compare case-insensitively, as in Spark.
///
/// Statements compute their whole result before they touch the catalog, so a failing
/// statement leaves it as it was.
public struct Catalog: Sendable {
    /// Temporary views, which hide tables of the same name, as in Spark.
    private var temporary: [String: CatalogEntry] = [:]
    private var persistent: [String: CatalogEntry] = [:]

    public init() {}

    /// The temporary view named `name`, else the table or view.
    public func entry(_ name: String) -> CatalogEntry? {
        temporary[name.lowercased()] ?? persistent[name.lowercased()]
    }

    public func contains(_ name: String) -> Bool { entry(name) != nil }

    public mutating func put(_ entry: CatalogEntry) {
        if entry.isTemporary {
            temporary[entry.name.lowercased()] = entry
        } else {
            persistent[entry.name.lowercased()] = entry
        }
    }

    /// Removes the entry `name` resolves to (the temporary view first).
    @discardableResult
    public mutating func remove(_ name: String) -> CatalogEntry? {
        temporary.removeValue(forKey: name.lowercased()) ?? persistent.removeValue(forKey: name.lowercased())
    }

    /// Marks every view that reads `name`, directly or through other views, as stale.
    public mutating func invalidateReaders(of name: String) {
        var pending = [name.lowercased()]
        var seen = Set<String>()
        while let changed = pending.popLast() {
            for (key, entry) in temporary where entry.query != nil && entry.reads.contains(changed) && !seen.contains("t" + key) {
                seen.insert("t" + key)
                temporary[key]?.isStale = true
                pending.append(key)
            }
            for (key, entry) in persistent where entry.query != nil && entry.reads.contains(changed) && !seen.contains("p" + key) {
                seen.insert("p" + key)
                persistent[key]?.isStale = true
                pending.append(key)
            }
        }
    }

    /// Every entry, sorted by name.
    public var all: [CatalogEntry] {
        (Array(temporary.values) + Array(persistent.values)).sorted { ($0.name.lowercased(), $0.isTemporary ? 0 : 1) < ($1.name.lowercased(), $1.isTemporary ? 0 : 1) }
    }

    public var names: [String] { all.map(\.name) }
}
