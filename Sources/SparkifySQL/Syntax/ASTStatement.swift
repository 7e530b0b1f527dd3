/// One parsed SQL statement.
public indirect enum ASTStatement: Hashable, Sendable {
    case query(ASTQuery)
    /// `CREATE [OR REPLACE] [[GLOBAL] TEMP] VIEW [IF NOT EXISTS] name [(cols)] AS query`.
    case createView(ASTCreateView)
    /// `CREATE [OR REPLACE] [GLOBAL] TEMP VIEW name [(col type, ...)] USING fmt [OPTIONS (...)]`.
    case createViewUsing(ASTCreateViewUsing)
    /// `CREATE [OR REPLACE] TABLE [IF NOT EXISTS] name [(col type, ...)] [USING fmt] [clauses] [AS query]`.
    case createTable(ASTCreateTable)
    /// `INSERT OVERWRITE [LOCAL] DIRECTORY ['path'] USING fmt [OPTIONS (...)] query`.
    case insertDirectory(ASTInsertDirectory)
    /// `INSERT INTO|OVERWRITE [TABLE] name query`.
    case insertInto(table: ASTObjectName, overwrite: Bool, query: ASTQuery)
    /// `CACHE [LAZY] TABLE name [OPTIONS (...)] [[AS] query]`.
    case cacheTable(name: ASTObjectName, isLazy: Bool, options: [ASTOption], query: ASTQuery?)
    /// `UNCACHE TABLE [IF EXISTS] name`.
    case uncacheTable(name: ASTObjectName, ifExists: Bool)
    /// `CLEAR CACHE`.
    case clearCache
    /// `DROP TABLE|VIEW [IF EXISTS] name`.
    case drop(ASTDropKind, name: ASTObjectName, ifExists: Bool)
    /// `SHOW TABLES [FROM|IN db] [[LIKE] 'pattern']`.
    case showTables(database: String?, pattern: String?)
    /// `SHOW VIEWS [FROM|IN db] [[LIKE] 'pattern']`.
    case showViews(database: String?, pattern: String?)
    /// `SHOW [USER|SYSTEM|ALL] FUNCTIONS [[LIKE] 'pattern']`.
    case showFunctions(pattern: String?)
    /// `SHOW COLUMNS FROM|IN table [FROM|IN db]`.
    case showColumns(table: ASTObjectName)
    /// `DESCRIBE|DESC [TABLE] [EXTENDED|FORMATTED] name [column]`.
    case describeTable(name: ASTObjectName, extended: Bool, column: [String]?)
    /// `DESCRIBE [QUERY] query`.
    case describeQuery(ASTQuery)
    /// `DESCRIBE FUNCTION [EXTENDED] name`.
    case describeFunction(name: String, extended: Bool)
    /// `EXPLAIN [EXTENDED|FORMATTED|CODEGEN|COST] statement`.
    case explain(ASTExplainMode, ASTStatement)
    /// `SET ...` (see `ASTSetCommand`).
    case set(ASTSetCommand)
    /// `RESET` (key nil) or `RESET key`.
    case reset(key: String?)
    /// `USE [DATABASE|SCHEMA|NAMESPACE] name`.
    case use(String)
}

/// What `SET` asks for. The value is the raw text after `=`, trimmed (quotes kept: `SET a='x'`
/// stores `'x'`), except that a backquoted key or value is unquoted.
public enum ASTSetCommand: Hashable, Sendable {
    /// `SET` (verbose false) and `SET -v` (verbose true): list the settings.
    case list(verbose: Bool)
    /// `SET key`: show one setting.
    case get(key: String)
    /// `SET key=value`; `SET TIME ZONE 'zone'` sets `spark.sql.session.timeZone`.
    case assign(key: String, value: String)
}

public enum ASTDropKind: String, Hashable, Sendable {
    case table = "TABLE"
    case view = "VIEW"
}

public enum ASTExplainMode: String, Hashable, Sendable {
    case simple = ""
    case extended = "EXTENDED"
    case formatted = "FORMATTED"
    case codegen = "CODEGEN"
    case cost = "COST"
}

/// `key value` or `key = value` of an `OPTIONS (...)` / `TBLPROPERTIES (...)` list.
/// Keys keep their spelling (Spark compares option keys case-insensitively); values are
/// unquoted strings, numbers as written, or `true`/`false`.
public struct ASTOption: Hashable, Sendable {
    public var key: String
    public var value: String

    public init(key: String, value: String) {
        self.key = key
        self.value = value
    }
}

/// A column of `CREATE TABLE t (a INT, ...)` or `CREATE VIEW v (a COMMENT '...', ...)`.
public struct ASTColumnDefinition: Hashable, Sendable {
    public var name: ASTIdentifier
    /// Nil in a view's column list, which only renames.
    public var type: ASTDataType?
    public var nullable: Bool
    public var comment: String?

    public init(name: ASTIdentifier, type: ASTDataType?, nullable: Bool = true, comment: String? = nil) {
        self.name = name
        self.type = type
        self.nullable = nullable
        self.comment = comment
    }
}

public enum ASTViewScope: String, Hashable, Sendable {
    /// A view stored in the catalog (`CREATE VIEW`).
    case persistent = ""
    /// `CREATE TEMP VIEW`: lives as long as the session.
    case temporary = "TEMPORARY"
    /// `CREATE GLOBAL TEMP VIEW`: in the `global_temp` database.
    case globalTemporary = "GLOBAL TEMPORARY"
}

public struct ASTCreateView: Hashable, Sendable {
    public var name: ASTObjectName
    public var orReplace: Bool
    public var scope: ASTViewScope
    public var ifNotExists: Bool
    public var columns: [ASTColumnDefinition]
    public var comment: String?
    public var query: ASTQuery
    /// The text of the query as written (after variable substitution), for `DESCRIBE EXTENDED`.
    public var queryText: String

    public init(name: ASTObjectName, orReplace: Bool, scope: ASTViewScope, ifNotExists: Bool,
                columns: [ASTColumnDefinition], comment: String?, query: ASTQuery, queryText: String) {
        self.name = name
        self.orReplace = orReplace
        self.scope = scope
        self.ifNotExists = ifNotExists
        self.columns = columns
        self.comment = comment
        self.query = query
        self.queryText = queryText
    }
}

public struct ASTCreateViewUsing: Hashable, Sendable {
    public var name: ASTObjectName
    public var orReplace: Bool
    public var isGlobal: Bool
    /// A user-given schema instead of inference; empty when none.
    public var columns: [ASTColumnDefinition]
    /// The data source: `json`, `parquet`, `csv`, ... as written.
    public var provider: String
    public var options: [ASTOption]

    public init(name: ASTObjectName, orReplace: Bool, isGlobal: Bool, columns: [ASTColumnDefinition],
                provider: String, options: [ASTOption]) {
        self.name = name
        self.orReplace = orReplace
        self.isGlobal = isGlobal
        self.columns = columns
        self.provider = provider
        self.options = options
    }
}

public struct ASTCreateTable: Hashable, Sendable {
    public var name: ASTObjectName
    public var orReplace: Bool
    public var ifNotExists: Bool
    public var isExternal: Bool
    public var columns: [ASTColumnDefinition]
    /// `USING fmt`; nil when not given.
    public var provider: String?
    public var partitionedBy: [ASTIdentifier]
    public var location: String?
    public var options: [ASTOption]
    public var comment: String?
    /// `TBLPROPERTIES (...)`.
    public var properties: [ASTOption]
    public var query: ASTQuery?

    public init(name: ASTObjectName, orReplace: Bool = false, ifNotExists: Bool = false, isExternal: Bool = false,
                columns: [ASTColumnDefinition] = [], provider: String? = nil, partitionedBy: [ASTIdentifier] = [],
                location: String? = nil, options: [ASTOption] = [], comment: String? = nil,
                properties: [ASTOption] = [], query: ASTQuery? = nil) {
        self.name = name
        self.orReplace = orReplace
        self.ifNotExists = ifNotExists
        self.isExternal = isExternal
        self.columns = columns
        self.provider = provider
        self.partitionedBy = partitionedBy
        self.location = location
        self.options = options
        self.comment = comment
        self.properties = properties
        self.query = query
    }
}

public struct ASTInsertDirectory: Hashable, Sendable {
    /// The folder; nil when given as `OPTIONS (path '...')` instead.
    public var path: String?
    public var isLocal: Bool
    public var provider: String
    public var options: [ASTOption]
    public var query: ASTQuery

    public init(path: String?, isLocal: Bool, provider: String, options: [ASTOption], query: ASTQuery) {
        self.path = path
        self.isLocal = isLocal
        self.provider = provider
        self.options = options
        self.query = query
    }
}
