import SparkifyTables

extension LogicalPlan {
    /// The plan as a tree, one operator a line, as Spark's EXPLAIN draws it.
    public var treeString: String {
        var out = ""
        appendTree(to: &out, prefix: "", childPrefix: "")
        return out
    }

    private func appendTree(to out: inout String, prefix: String, childPrefix: String) {
        out += prefix + nodeDescription + "\n"
        let kids = children
        for (i, child) in kids.enumerated() {
            let last = i == kids.count - 1
            child.appendTree(to: &out, prefix: childPrefix + (last ? "+- " : ":- "), childPrefix: childPrefix + (last ? "   " : ":  "))
        }
    }

    /// This operator alone, without its inputs.
    public var nodeDescription: String {
        func list(_ columns: [PlanColumn]) -> String { "[" + columns.map { "\($0.name)\($0.id)" }.joined(separator: ", ") + "]" }
        func named(_ items: [NamedExpression]) -> String {
            "[" + items.map { item in
                if case let .column(id, _, _) = item.expression, id == item.column.id { return item.expression.description }
                return "\(item.expression) AS \(item.column.name)\(item.column.id)"
            }.joined(separator: ", ") + "]"
        }
        switch self {
        case let .scan(source, _, output, _):
            switch source {
            case let .catalog(name): return "Scan \(name) \(list(output))"
            case let .generated(description): return "Range \(description) \(list(output))"
            case let .files(format, path, files, _): return "Scan \(format) \(path) (\(files.count) files) \(list(output))"
            case let .lake(lake): return "Scan parquet \(lake.path) (\(lake.files.count) files) \(list(output))"
            }
        case let .values(rows, output): return "LocalRelation \(rows.count) rows \(list(output))"
        case let .project(_, expressions): return "Project \(named(expressions))"
        case let .filter(_, condition): return "Filter \(condition)"
        case let .join(_, _, kind, condition):
            return "Join \(kind.rawValue)" + (condition.map { ", \($0)" } ?? "")
        case let .aggregate(_, keys, aggregates):
            let aggs = aggregates.map { "\($0.call) AS \($0.column.name)\($0.column.id)" }
            return "Aggregate [" + keys.map { "\($0.expression)" }.joined(separator: ", ") + "], [" + aggs.joined(separator: ", ") + "]"
        case let .window(_, functions):
            return "Window [" + functions.map { "\($0.call) AS \($0.column.name)\($0.column.id)" }.joined(separator: ", ") + "]"
        case let .sort(_, keys): return "Sort [" + keys.map(\.description).joined(separator: ", ") + "]"
        case let .limit(_, count, offset):
            return "Limit " + (count.map(String.init) ?? "ALL") + (offset > 0 ? " OFFSET \(offset)" : "")
        case .distinct: return "Distinct"
        case let .setOperation(kind, all, _, _, output): return "\(kind.rawValue)\(all ? " All" : "") \(list(output))"
        }
    }
}

extension AggregateCall: CustomStringConvertible {
    public var description: String {
        let args = arguments.isEmpty && name == "count" ? "*" : arguments.map(\.description).joined(separator: ", ")
        return "\(name)(\(isDistinct ? "DISTINCT " : "")\(args))" + (filter.map { " FILTER (WHERE \($0))" } ?? "")
    }
}

extension WindowCall: CustomStringConvertible {
    public var description: String {
        var spec: [String] = []
        if !partitionBy.isEmpty { spec.append("PARTITION BY " + partitionBy.map(\.description).joined(separator: ", ")) }
        if !orderBy.isEmpty { spec.append("ORDER BY " + orderBy.map(\.description).joined(separator: ", ")) }
        spec.append("\(frame.unit.rawValue) BETWEEN \(frame.start) AND \(frame.end)")
        if frame.offsetScale > 0 { spec.append("(offsets in 1e-\(frame.offsetScale))") }
        // IGNORE NULLS is part of the text: calls are deduplicated by it.
        let nulls = ignoreNulls ? " IGNORE NULLS" : ""
        return "\(name)(\(arguments.map(\.description).joined(separator: ", ")))\(nulls) OVER (\(spec.joined(separator: " ")))"
    }
}

extension SortKey: CustomStringConvertible {
    public var description: String {
        "\(expression) \(ascending ? "ASC" : "DESC") NULLS \(nullsFirst ? "FIRST" : "LAST")"
    }
}

extension FrameBound: CustomStringConvertible {
    public var description: String {
        switch self {
        case .unboundedPreceding: return "UNBOUNDED PRECEDING"
        case let .preceding(n): return "\(n) PRECEDING"
        case .currentRow: return "CURRENT ROW"
        case let .following(n): return "\(n) FOLLOWING"
        case .unboundedFollowing: return "UNBOUNDED FOLLOWING"
        }
    }
}
