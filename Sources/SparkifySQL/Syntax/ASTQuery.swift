/// A query: `[WITH ctes] body [ORDER BY ...] [LIMIT n] [OFFSET m]`.
///
/// `ORDER BY`, `LIMIT` and `OFFSET` apply to the whole body, a set operation included
/// (`SELECT ... UNION SELECT ... ORDER BY x` sorts the union).
public struct ASTQuery: Hashable, Sendable {
    public var ctes: [ASTCommonTableExpression]
    public var body: ASTQueryBody
    public var orderBy: [ASTSortItem]
    public var limit: ASTExpression?
    public var offset: ASTExpression?
    /// Where the query starts (`WITH`, `SELECT`, `(` ...).
    public var position: SourcePosition

    public init(ctes: [ASTCommonTableExpression] = [], body: ASTQueryBody, orderBy: [ASTSortItem] = [],
                limit: ASTExpression? = nil, offset: ASTExpression? = nil, at position: SourcePosition) {
        self.ctes = ctes
        self.body = body
        self.orderBy = orderBy
        self.limit = limit
        self.offset = offset
        self.position = position
    }

    public static func == (lhs: ASTQuery, rhs: ASTQuery) -> Bool {
        lhs.ctes == rhs.ctes && lhs.body == rhs.body && lhs.orderBy == rhs.orderBy
            && lhs.limit == rhs.limit && lhs.offset == rhs.offset
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ctes)
        hasher.combine(body)
        hasher.combine(orderBy)
    }
}

/// The part of a query that produces rows.
public indirect enum ASTQueryBody: Hashable, Sendable {
    case select(ASTSelect)
    /// `left UNION|INTERSECT|EXCEPT [ALL|DISTINCT] right`; INTERSECT binds tighter than the others.
    case setOperation(ASTSetOperator, all: Bool, ASTQueryBody, ASTQueryBody)
    /// A parenthesized query, which may carry its own CTEs, ORDER BY and LIMIT.
    case nested(ASTQuery)
    /// `VALUES (1, 'a'), (2, 'b')`: columns are named col1, col2, ...
    case values([[ASTExpression]])
    /// `TABLE name`: all rows of a table.
    case table(ASTObjectName)
}

public enum ASTSetOperator: String, Hashable, Sendable {
    case union = "UNION"
    case intersect = "INTERSECT"
    /// `EXCEPT` and `MINUS`.
    case except = "EXCEPT"
}

/// `name [(col, ...)] AS (query)` of a `WITH` clause.
public struct ASTCommonTableExpression: Hashable, Sendable {
    public var name: ASTIdentifier
    public var columns: [String]
    public var query: ASTQuery

    public init(name: ASTIdentifier, columns: [String] = [], query: ASTQuery) {
        self.name = name
        self.columns = columns
        self.query = query
    }
}

/// `SELECT [DISTINCT] items [FROM ...] [WHERE ...] [GROUP BY ...] [HAVING ...] [WINDOW ...]`.
public struct ASTSelect: Hashable, Sendable {
    public var isDistinct: Bool
    public var items: [ASTSelectItem]
    /// The comma-separated relations of `FROM`; several mean a cross join (Spark's inner join
    /// without condition). Empty when there is no `FROM`.
    public var from: [ASTRelation]
    public var whereClause: ASTExpression?
    public var groupBy: ASTGroupBy?
    public var having: ASTExpression?
    /// `WINDOW w AS (...)` definitions, referenced by `OVER w`.
    public var windows: [ASTNamedWindow]

    public init(isDistinct: Bool = false, items: [ASTSelectItem], from: [ASTRelation] = [],
                whereClause: ASTExpression? = nil, groupBy: ASTGroupBy? = nil, having: ASTExpression? = nil,
                windows: [ASTNamedWindow] = []) {
        self.isDistinct = isDistinct
        self.items = items
        self.from = from
        self.whereClause = whereClause
        self.groupBy = groupBy
        self.having = having
        self.windows = windows
    }
}

/// One item of a select list: an expression (possibly `*` or `t.*`) and its alias.
public struct ASTSelectItem: Hashable, Sendable {
    public var expression: ASTExpression
    /// `AS name` (or just `name`); nil when the column is named after the expression.
    public var alias: ASTIdentifier?

    public init(_ expression: ASTExpression, alias: ASTIdentifier? = nil) {
        self.expression = expression
        self.alias = alias
    }
}

/// `GROUP BY ...`. Integer literals are ordinals of the select list (`GROUP BY 1`).
public struct ASTGroupBy: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `GROUP BY a, b`.
        case plain
        /// `GROUP BY ROLLUP(a, b)` or `GROUP BY a, b WITH ROLLUP`.
        case rollup
        /// `GROUP BY CUBE(a, b)` or `GROUP BY a, b WITH CUBE`.
        case cube
        /// `GROUP BY GROUPING SETS ((a, b), (a), ())`: each set lists expressions.
        case groupingSets([[ASTExpression]])
        /// `GROUP BY ALL`: every select item without an aggregate.
        case all
    }

    public var kind: Kind
    public var expressions: [ASTExpression]

    public init(kind: Kind = .plain, expressions: [ASTExpression]) {
        self.kind = kind
        self.expressions = expressions
    }
}

/// `expr [ASC|DESC] [NULLS FIRST|LAST]`. Integer literals are ordinals of the select list.
public struct ASTSortItem: Hashable, Sendable {
    public var expression: ASTExpression
    public var ascending: Bool
    /// As written; nil when not given (then NULLS FIRST for ASC, NULLS LAST for DESC).
    public var nullsFirst: Bool?

    public init(_ expression: ASTExpression, ascending: Bool = true, nullsFirst: Bool? = nil) {
        self.expression = expression
        self.ascending = ascending
        self.nullsFirst = nullsFirst
    }

    /// Where NULLs go once the default is applied.
    public var effectiveNullsFirst: Bool { nullsFirst ?? ascending }
}

/// A name with the position it was written at (aliases, CTE and view names).
/// Equality ignores the position.
public struct ASTIdentifier: Hashable, Sendable, CustomStringConvertible {
    public var name: String
    public var position: SourcePosition

    public init(_ name: String, at position: SourcePosition) {
        self.name = name
        self.position = position
    }

    public static func == (lhs: ASTIdentifier, rhs: ASTIdentifier) -> Bool { lhs.name == rhs.name }
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }
    public var description: String { SQLText.identifier(name) }
}

/// A possibly qualified object name (`t`, `db.t`) with its position. Equality ignores the position.
public struct ASTObjectName: Hashable, Sendable, CustomStringConvertible {
    public var parts: [String]
    public var position: SourcePosition

    public init(_ parts: [String], at position: SourcePosition) {
        self.parts = parts
        self.position = position
    }

    /// The last part: the table or view name itself.
    public var name: String { parts.last ?? "" }

    public static func == (lhs: ASTObjectName, rhs: ASTObjectName) -> Bool { lhs.parts == rhs.parts }
    public func hash(into hasher: inout Hasher) { hasher.combine(parts) }
    public var description: String { parts.map(SQLText.identifier).joined(separator: ".") }
}
