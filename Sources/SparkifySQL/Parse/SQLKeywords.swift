/// The SQL keywords sparkify's parser knows, for tab completion and for quoting names.
public enum SQLKeywords {
    /// Every keyword the grammar uses, upper case, sorted.
    public static let all: [String] = [
        "ALL", "AND", "ANTI", "ANY", "ARRAY", "AS", "ASC", "BETWEEN", "BIGINT", "BINARY", "BOOLEAN", "BOTH",
        "BY", "CACHE", "CASE", "CAST", "CHAR", "CLEAR", "CODEGEN", "COLUMNS", "COMMENT", "COST", "CREATE",
        "CROSS", "CUBE", "CURRENT", "CURRENT_DATE", "CURRENT_TIMESTAMP", "DATABASE", "DATE", "DAY", "DECIMAL",
        "DESC", "DESCRIBE", "DIRECTORY", "DISTINCT", "DIV", "DOUBLE", "DROP", "ELSE", "END", "ESCAPE",
        "EXCEPT", "EXISTS", "EXPLAIN", "EXTENDED", "EXTERNAL", "EXTRACT", "FALSE", "FILTER", "FIRST", "FLOAT",
        "FOLLOWING", "FOR", "FORMATTED", "FROM", "FULL", "FUNCTION", "FUNCTIONS", "GLOBAL", "GROUP", "GROUPING",
        "HAVING", "HOUR", "IF", "IGNORE", "ILIKE", "IN", "INNER", "INSERT", "INT", "INTEGER", "INTERSECT",
        "INTERVAL", "INTO", "IS", "JOIN", "LAST", "LAZY", "LEADING", "LEFT", "LIKE", "LIMIT", "LOCAL",
        "LOCATION", "LONG", "MAP", "MINUS", "MINUTE", "MONTH", "NATURAL", "NOT", "NULL", "NULLS", "OFFSET",
        "ON", "OPTIONS", "OR", "ORDER", "OUTER", "OVER", "OVERWRITE", "PARTITION", "PARTITIONED", "POSITION",
        "PRECEDING", "QUERY", "RANGE", "REGEXP", "REPLACE", "RESET", "RESPECT", "RIGHT", "RLIKE", "ROLLUP",
        "ROW", "ROWS", "SECOND", "SELECT", "SEMI", "SET", "SETS", "SHOW", "SMALLINT", "STRING", "STRUCT",
        "SUBSTRING", "TABLE", "TABLES", "TBLPROPERTIES", "TEMP", "TEMPORARY", "THEN", "TIME", "TIMESTAMP",
        "TIMESTAMP_NTZ", "TINYINT", "TO", "TRAILING", "TRIM", "TRUE", "TRY_CAST", "UNBOUNDED", "UNCACHE",
        "UNION", "UNKNOWN", "USE", "USING", "VALUES", "VARCHAR", "VIEW", "VIEWS", "WHEN", "WHERE", "WINDOW",
        "WITH", "YEAR", "ZONE",
    ]

    /// Words that cannot be a bare column name, alias or table alias, because they start or
    /// separate clauses (`FROM`, `JOIN`, `ON`, ...) or operators (`AND`, `IS`, `LIKE`, ...).
    /// Any other keyword (`year`, `date`, `location`, `level`, ...) is also a valid name, as in
    /// Spark's default (non-reserved) mode. A reserved word still works backquoted or after `AS`.
    public static let reserved: Set<String> = [
        "ALL", "AND", "ANTI", "AS", "ASC", "BETWEEN", "BY", "CASE", "CAST", "CROSS", "DESC", "DISTINCT", "DIV",
        "ELSE", "END", "ESCAPE", "EXCEPT", "EXISTS", "FALSE", "FILTER", "FROM", "FULL", "GROUP",
        "HAVING", "ILIKE", "IN", "INNER", "INTERSECT", "INTERVAL", "IS", "JOIN", "LATERAL", "LEFT", "LIKE",
        "LIMIT", "MINUS", "NATURAL", "NOT", "NULL", "OFFSET", "ON", "OR", "ORDER", "OUTER", "OVER",
        "REGEXP", "RIGHT", "RLIKE", "SELECT", "SEMI", "THEN", "TRUE", "TRY_CAST", "UNBOUNDED",
        "UNION", "USING", "VALUES", "WHEN", "WHERE", "WINDOW", "WITH",
    ]

    /// True when `word` (any case) is in `reserved`.
    public static func isReserved(_ word: String) -> Bool { reserved.contains(word.uppercased()) }

    /// Keywords starting with `prefix` (any case), for completion.
    public static func completions(of prefix: String) -> [String] {
        let upper = prefix.uppercased()
        return all.filter { $0.hasPrefix(upper) }
    }
}
