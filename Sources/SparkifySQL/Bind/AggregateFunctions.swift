import SparkifyTables

/// The aggregate and window functions sparkify knows, and their result types.
enum AggregateFunctions {
    static let aggregateNames: Set<String> = [
        "count", "sum", "avg", "mean", "min", "max", "first", "last", "first_value", "last_value", "any_value",
        "max_by", "min_by", "collect_list", "collect_set", "array_agg", "approx_count_distinct", "count_if",
        "stddev", "stddev_samp", "stddev_pop", "std", "variance", "var_samp", "var_pop",
        "bool_and", "bool_or", "every", "some", "any",
    ]

    /// Functions that only exist over a window.
    static let windowOnlyNames: Set<String> = [
        "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "nth_value",
    ]

    /// Ranking functions, which need an ORDER BY and ignore any frame.
    static let rankingNames: Set<String> = ["row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile"]

    static func isAggregate(_ name: String) -> Bool { aggregateNames.contains(name) }

    /// The result type of aggregate `name` over arguments of `types`, and the types the
    /// arguments are cast to first; nil when the types do not fit.
    static func signature(_ name: String, _ types: [DataType]) -> (result: DataType, arguments: [DataType])? {
        let first = types.first ?? .null
        switch name {
        case "count", "approx_count_distinct": return (.bigint, types)
        case "count_if": return first == .boolean || first == .null ? (.bigint, [.boolean]) : nil
        case "sum":
            switch first {
            case .int, .bigint, .null: return (.bigint, [.bigint])
            case .double: return (.double, [.double])
            case let .decimal(p, s): return (.decimal(precision: min(38, p + 10), scale: s), types)
            case .string: return (.double, [.double])
            default: return nil
            }
        case "avg", "mean":
            switch first {
            case .int, .bigint, .double, .null, .string: return (.double, [.double])
            case let .decimal(p, s): return (.decimal(precision: min(38, p + 4), scale: min(38, s + 4)), types)
            default: return nil
            }
        case "stddev", "stddev_samp", "stddev_pop", "std", "variance", "var_samp", "var_pop":
            return first.isNumeric || first == .null || first == .string ? (.double, [.double]) : nil
        case "min", "max", "first", "last", "first_value", "last_value", "any_value":
            return (first, [first] + types.dropFirst().map { _ in DataType.boolean })
        case "max_by", "min_by":
            return types.count == 2 ? (first, types) : nil
        case "collect_list", "collect_set", "array_agg":
            return (.array(first), types)
        case "bool_and", "bool_or", "every", "some", "any":
            return first == .boolean || first == .null ? (.boolean, [.boolean]) : nil
        default:
            return nil
        }
    }

    /// Accepted argument counts.
    static func arity(_ name: String) -> ClosedRange<Int> {
        switch name {
        case "count": return 0...64
        case "first", "last", "first_value", "last_value", "any_value", "approx_count_distinct": return 1...2
        case "max_by", "min_by": return 2...2
        case "lag", "lead": return 1...3
        case "row_number", "rank", "dense_rank", "percent_rank", "cume_dist": return 0...0
        case "ntile": return 1...1
        case "nth_value": return 2...2
        default: return 1...1
        }
    }
}
