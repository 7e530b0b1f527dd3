/// A parsed SQL expression and where it starts in the (substituted) statement text.
///
/// Equality and hashing ignore positions, so `a + 1` in the select list equals `a + 1` in
/// `GROUP BY` (names are compared as written; resolving case is the binder's job).
public struct ASTExpression: Hashable, Sendable {
    public var kind: Kind
    /// Where the expression starts: the first token of it (for `a + b`, the `a`; for a function
    /// call, its name).
    public var position: SourcePosition

    public init(_ kind: Kind, at position: SourcePosition) {
        self.kind = kind
        self.position = position
    }

    public static func == (lhs: ASTExpression, rhs: ASTExpression) -> Bool { lhs.kind == rhs.kind }
    public func hash(into hasher: inout Hasher) { hasher.combine(kind) }

    public indirect enum Kind: Hashable, Sendable {
        case literal(ASTLiteral)
        /// A column or field reference: `a`, `t.a`, `db.t.a`, `s.field` — the binder decides which
        /// parts name a table and which a struct field.
        case column([String])
        /// `*` or `t.*` (in a select list, or the argument of `count(*)`).
        case star(qualifier: [String])
        case unary(ASTUnaryOperator, ASTExpression)
        case binary(ASTBinaryOperator, ASTExpression, ASTExpression)
        /// `x IS [NOT] NULL`.
        case isNull(ASTExpression, negated: Bool)
        /// `x IS [NOT] TRUE|FALSE|UNKNOWN` (`UNKNOWN` is `value == nil`).
        case isBoolean(ASTExpression, value: Bool?, negated: Bool)
        /// `x IS [NOT] DISTINCT FROM y`.
        case isDistinctFrom(ASTExpression, ASTExpression, negated: Bool)
        /// `x [NOT] BETWEEN low AND high`.
        case between(ASTExpression, low: ASTExpression, high: ASTExpression, negated: Bool)
        /// `x [NOT] IN (a, b, ...)`.
        case inList(ASTExpression, [ASTExpression], negated: Bool)
        /// `x [NOT] IN (SELECT ...)`; `x` is a row constructor `(a, b)` for several columns.
        case inSubquery(ASTExpression, ASTQuery, negated: Bool)
        /// `x [NOT] LIKE|ILIKE pattern [ESCAPE 'c']`. The escape defaults to a backslash.
        case like(ASTExpression, pattern: ASTExpression, caseInsensitive: Bool, escape: Character?, negated: Bool)
        /// `x [NOT] RLIKE|REGEXP pattern` (a Java regular expression, found anywhere in `x`).
        case rlike(ASTExpression, pattern: ASTExpression, negated: Bool)
        /// `EXISTS (query)`; `NOT EXISTS` is `.unary(.not, exists)`.
        case exists(ASTQuery)
        /// `(SELECT ...)` used as a value.
        case scalarSubquery(ASTQuery)
        /// `CASE [operand] WHEN ... THEN ... [ELSE ...] END`.
        case caseWhen(operand: ASTExpression?, branches: [ASTWhenBranch], otherwise: ASTExpression?)
        /// `CAST(x AS type)`, `x::type` (`isTry == false`) and `TRY_CAST(x AS type)`.
        case cast(ASTExpression, ASTDataType, isTry: Bool)
        case function(ASTFunctionCall)
        /// `(a, b)`: a row constructor (Spark's `struct(a, b)`), as in `(a, b) IN (SELECT x, y ...)`.
        case row([ASTExpression])
        /// `base[index]`: an array element or a map value.
        case element(ASTExpression, ASTExpression)
        /// `base.field` where the base is not a plain name (`f(x).field`, `arr[0].field`).
        case field(ASTExpression, String)
        /// `x -> body` or `(x, y) -> body`, the argument of a higher-order function.
        case lambda(parameters: [String], body: ASTExpression)
    }
}

/// One `WHEN condition THEN result` of a `CASE`.
public struct ASTWhenBranch: Hashable, Sendable {
    public var condition: ASTExpression
    public var result: ASTExpression

    public init(condition: ASTExpression, result: ASTExpression) {
        self.condition = condition
        self.result = result
    }
}

public enum ASTUnaryOperator: String, Hashable, Sendable {
    /// `-x`.
    case negate = "-"
    /// `+x` (no-op for numbers).
    case plus = "+"
    /// `~x`, bitwise not.
    case bitwiseNot = "~"
    /// `NOT x` and `!x`.
    case not = "NOT"
}

public enum ASTBinaryOperator: String, Hashable, Sendable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    /// `/`: always fractional in Spark.
    case divide = "/"
    /// `%`: the remainder, with the dividend's sign.
    case remainder = "%"
    /// `div`: integral division, truncating.
    case integralDivide = "div"
    /// `||`: string (or array) concatenation.
    case concat = "||"
    case bitwiseAnd = "&"
    case bitwiseOr = "|"
    case bitwiseXor = "^"
    case shiftLeft = "<<"
    case shiftRight = ">>"
    case shiftRightUnsigned = ">>>"
    /// `=` and `==`.
    case equal = "="
    /// `<=>`: NULL-safe equality.
    case nullSafeEqual = "<=>"
    /// `<>` and `!=`.
    case notEqual = "<>"
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    case and = "AND"
    case or = "OR"

    /// True for `= <=> <> < <= > >=`.
    public var isComparison: Bool {
        switch self {
        case .equal, .nullSafeEqual, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: return true
        default: return false
        }
    }
}

/// A function call: `name([DISTINCT] args) [FILTER (WHERE cond)] [IGNORE|RESPECT NULLS] [OVER window]`.
///
/// Special forms are turned into ordinary calls, as Spark does: `EXTRACT(f FROM x)` is
/// `extract('f', x)`, `SUBSTRING(s FROM p FOR l)` is `substring(s, p, l)`, `POSITION(a IN b)` is
/// `locate(a, b)`, `TRIM(BOTH|LEADING|TRAILING c FROM s)` is `trim|ltrim|rtrim(s, c)` (source first).
/// `count(*)` has the single argument `.star(qualifier: [])`.
public struct ASTFunctionCall: Hashable, Sendable {
    /// The name parts as written (`[sum]`, `[db, f]`); compare case-insensitively.
    public var name: [String]
    public var arguments: [ASTExpression]
    public var isDistinct: Bool
    /// `FILTER (WHERE ...)` of an aggregate.
    public var filter: ASTExpression?
    /// `IGNORE NULLS` (true) / `RESPECT NULLS` (false) after the call; nil when absent.
    public var ignoreNulls: Bool?
    /// `OVER (...)` or `OVER name`: a window function.
    public var window: ASTWindowSpec?

    public init(name: [String], arguments: [ASTExpression], isDistinct: Bool = false,
                filter: ASTExpression? = nil, ignoreNulls: Bool? = nil, window: ASTWindowSpec? = nil) {
        self.name = name
        self.arguments = arguments
        self.isDistinct = isDistinct
        self.filter = filter
        self.ignoreNulls = ignoreNulls
        self.window = window
    }

    /// The last name part, lowercased: what to look up in the function registry.
    public var lowercasedName: String { (name.last ?? "").lowercased() }

    /// Function names compare case-insensitively (`SUM(x)` equals `sum(x)`).
    public static func == (lhs: ASTFunctionCall, rhs: ASTFunctionCall) -> Bool {
        lhs.name.map { $0.lowercased() } == rhs.name.map { $0.lowercased() } && lhs.arguments == rhs.arguments
            && lhs.isDistinct == rhs.isDistinct && lhs.filter == rhs.filter && lhs.ignoreNulls == rhs.ignoreNulls
            && lhs.window == rhs.window
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name.map { $0.lowercased() })
        hasher.combine(arguments)
        hasher.combine(isDistinct)
    }
}
