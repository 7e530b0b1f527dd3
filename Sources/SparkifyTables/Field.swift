/// A named, typed column of a schema.
public struct Field: Hashable, Sendable {
    public var name: String
    public var type: DataType
    public var nullable: Bool

    public init(_ name: String, _ type: DataType, nullable: Bool = true) {
        self.name = name
        self.type = type
        self.nullable = nullable
    }
}
