/// The ordered fields of a table.
public struct Schema: Hashable, Sendable {
    public var fields: [Field]

    public init(_ fields: [Field]) {
        self.fields = fields
    }

    public var count: Int { fields.count }
    public var names: [String] { fields.map(\.name) }

    /// The position of the first field named `name`, compared case-insensitively as Spark does.
    public func index(of name: String) -> Int? {
        if let exact = fields.firstIndex(where: { $0.name == name }) { return exact }
        let lowered = name.lowercased()
        return fields.firstIndex { $0.name.lowercased() == lowered }
    }

    /// The schema as Spark's `printSchema()` prints it.
    public var treeString: String {
        var out = "root\n"
        for field in fields {
            Schema.appendTree(field.name, field.type, nullableLabel: "nullable", nullable: field.nullable, depth: 1, to: &out)
        }
        return out
    }

    private static func appendTree(_ name: String, _ type: DataType, nullableLabel: String, nullable: Bool, depth: Int, to out: inout String) {
        out += String(repeating: " |   ", count: depth - 1) + " |-- \(name): \(type.typeName) (\(nullableLabel) = \(nullable))\n"
        switch type {
        case let .array(element):
            appendTree("element", element, nullableLabel: "containsNull", nullable: true, depth: depth + 1, to: &out)
        case let .structure(fields):
            for field in fields {
                appendTree(field.name, field.type, nullableLabel: "nullable", nullable: field.nullable, depth: depth + 1, to: &out)
            }
        default:
            break
        }
    }
}
