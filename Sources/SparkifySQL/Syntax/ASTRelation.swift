/// A source of rows in `FROM`.
public indirect enum ASTRelation: Hashable, Sendable {
    /// A table, view or CTE by name.
    case table(ASTObjectName, alias: ASTTableAlias?)
    /// Files read directly: ``json.`path-or-glob` ``, ``parquet.`dir` ``.
    case files(ASTFileRelation)
    /// `(query) [AS] alias`.
    case subquery(ASTQuery, alias: ASTTableAlias?)
    /// `VALUES (...), (...) [AS] alias(cols)`.
    case values(ASTInlineTable)
    /// A table-valued function, `range(start, end, step)`.
    case tableFunction(ASTTableFunction)
    case join(ASTJoin)
}

/// ``fmt.`path` `` in `FROM`: a two-part name whose first part is a file format (json, parquet,
/// csv, orc, text, avro), as Spark's `ResolveSQLOnFile` reads it. Equality ignores the position.
public struct ASTFileRelation: Hashable, Sendable {
    /// The format, lower case.
    public var format: String
    /// The path or glob as written (after variable substitution).
    public var path: String
    public var alias: ASTTableAlias?
    public var position: SourcePosition

    public init(format: String, path: String, alias: ASTTableAlias?, at position: SourcePosition) {
        self.format = format
        self.path = path
        self.alias = alias
        self.position = position
    }

    public static func == (lhs: ASTFileRelation, rhs: ASTFileRelation) -> Bool {
        lhs.format == rhs.format && lhs.path == rhs.path && lhs.alias == rhs.alias
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(format)
        hasher.combine(path)
    }
}

/// `VALUES (1, 'a'), (2, 'b') [AS] alias(cols)` in `FROM`; columns default to col1, col2, ...
/// Equality ignores the position.
public struct ASTInlineTable: Hashable, Sendable {
    public var rows: [[ASTExpression]]
    public var alias: ASTTableAlias?
    public var position: SourcePosition

    public init(rows: [[ASTExpression]], alias: ASTTableAlias?, at position: SourcePosition) {
        self.rows = rows
        self.alias = alias
        self.position = position
    }

    public static func == (lhs: ASTInlineTable, rhs: ASTInlineTable) -> Bool {
        lhs.rows == rhs.rows && lhs.alias == rhs.alias
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(rows) }
}

/// `AS alias [(col, ...)]` after a relation.
public struct ASTTableAlias: Hashable, Sendable {
    public var name: ASTIdentifier
    public var columns: [String]

    public init(_ name: ASTIdentifier, columns: [String] = []) {
        self.name = name
        self.columns = columns
    }
}

/// `left [type] JOIN right [ON cond | USING (cols)]`.
public struct ASTJoin: Hashable, Sendable {
    public var type: ASTJoinType
    public var left: ASTRelation
    public var right: ASTRelation
    public var criteria: ASTJoinCriteria
    /// `NATURAL` join: equality on all same-named columns.
    public var isNatural: Bool
    /// The `JOIN` keyword (or the first join-type keyword).
    public var position: SourcePosition

    public init(type: ASTJoinType, left: ASTRelation, right: ASTRelation, criteria: ASTJoinCriteria,
                isNatural: Bool = false, at position: SourcePosition) {
        self.type = type
        self.left = left
        self.right = right
        self.criteria = criteria
        self.isNatural = isNatural
        self.position = position
    }

    public static func == (lhs: ASTJoin, rhs: ASTJoin) -> Bool {
        lhs.type == rhs.type && lhs.left == rhs.left && lhs.right == rhs.right
            && lhs.criteria == rhs.criteria && lhs.isNatural == rhs.isNatural
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(type)
        hasher.combine(left)
        hasher.combine(right)
    }
}

public enum ASTJoinType: String, Hashable, Sendable {
    case inner = "INNER"
    case cross = "CROSS"
    case leftOuter = "LEFT OUTER"
    case rightOuter = "RIGHT OUTER"
    case fullOuter = "FULL OUTER"
    case leftSemi = "LEFT SEMI"
    case leftAnti = "LEFT ANTI"
}

public enum ASTJoinCriteria: Hashable, Sendable {
    case none
    case on(ASTExpression)
    case using([ASTIdentifier])
}

/// `OVER (...)` or `OVER name`.
public struct ASTWindowSpec: Hashable, Sendable {
    /// `OVER w` or `OVER (w)`: a window defined in the `WINDOW` clause; the other fields are empty.
    public var reference: ASTIdentifier?
    public var partitionBy: [ASTExpression]
    public var orderBy: [ASTSortItem]
    public var frame: ASTWindowFrame?

    public init(reference: ASTIdentifier? = nil, partitionBy: [ASTExpression] = [],
                orderBy: [ASTSortItem] = [], frame: ASTWindowFrame? = nil) {
        self.reference = reference
        self.partitionBy = partitionBy
        self.orderBy = orderBy
        self.frame = frame
    }
}

/// `ROWS|RANGE BETWEEN start AND end`; `ROWS start` alone ends at `CURRENT ROW`.
public struct ASTWindowFrame: Hashable, Sendable {
    public enum Unit: String, Hashable, Sendable {
        case rows = "ROWS"
        case range = "RANGE"
    }

    public enum Bound: Hashable, Sendable {
        case unboundedPreceding
        case preceding(ASTExpression)
        case currentRow
        case following(ASTExpression)
        case unboundedFollowing
    }

    public var unit: Unit
    public var start: Bound
    public var end: Bound

    public init(unit: Unit, start: Bound, end: Bound) {
        self.unit = unit
        self.start = start
        self.end = end
    }
}

/// `WINDOW name AS (spec)` of a select.
public struct ASTNamedWindow: Hashable, Sendable {
    public var name: ASTIdentifier
    public var spec: ASTWindowSpec

    public init(name: ASTIdentifier, spec: ASTWindowSpec) {
        self.name = name
        self.spec = spec
    }
}
