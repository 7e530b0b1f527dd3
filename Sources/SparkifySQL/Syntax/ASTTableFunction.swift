/// A table-valued function in `FROM`: `range(10) AS t`. Equality ignores the position.
public struct ASTTableFunction: Hashable, Sendable {
    public var name: String
    public var arguments: [ASTExpression]
    public var alias: ASTTableAlias?
    public var position: SourcePosition

    public init(name: String, arguments: [ASTExpression], alias: ASTTableAlias?, at position: SourcePosition) {
        self.name = name
        self.arguments = arguments
        self.alias = alias
        self.position = position
    }

    public static func == (lhs: ASTTableFunction, rhs: ASTTableFunction) -> Bool {
        lhs.name == rhs.name && lhs.arguments == rhs.arguments && lhs.alias == rhs.alias
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(arguments)
    }
}
