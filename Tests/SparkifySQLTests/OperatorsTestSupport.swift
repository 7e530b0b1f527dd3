import SparkifyTables
@testable import SparkifySQL

/// Builds a column from boxed values (NULL where `.null`).
func column(_ type: DataType, _ values: [Value]) -> Column {
    var builder = ColumnBuilder(type: type, capacity: values.count)
    for v in values { builder.append(v) }
    return builder.build()
}

func ints(_ values: [Int64?]) -> Column { column(.bigint, values.map { $0.map(Value.bigint) ?? .null }) }
func int32s(_ values: [Int32?]) -> Column { column(.int, values.map { $0.map(Value.int) ?? .null }) }
func doubles(_ values: [Double?]) -> Column { column(.double, values.map { $0.map(Value.double) ?? .null }) }
func strings(_ values: [String?]) -> Column { column(.string, values.map { $0.map(Value.string) ?? .null }) }
func decimals(_ values: [String?], precision: Int, scale: Int) -> Column {
    column(.decimal(precision: precision, scale: scale), values.map { $0.map(Value.decimal) ?? .null })
}
func bools(_ values: [Bool?]) -> Column { column(.boolean, values.map { $0.map(Value.boolean) ?? .null }) }

/// A value as a grouping key the way Spark compares keys: NaN equal to NaN, -0.0 to 0.0.
func groupingKey(_ value: Value) -> Value {
    if case let .double(d) = value {
        if d.isNaN { return .string("NaN-key") }
        if d == 0 { return .double(0) }
    }
    return value
}

/// Naive reference grouping over boxed rows: dense ids in first-appearance order.
func referenceGroupIds(_ columns: [Column], rowCount: Int) -> [Int32] {
    var ids = [[Value]: Int32]()
    return (0..<rowCount).map { i in
        let key = columns.map { groupingKey($0.value(at: i)) }
        if let id = ids[key] { return id }
        let id = Int32(ids.count)
        ids[key] = id
        return id
    }
}

/// A small deterministic random generator for reproducible test data.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Random columns of every key type with NULLs and repeats: ints, strings, doubles.
func randomKeyColumns(rows: Int, cardinality: Int, seed: UInt64) -> [Column] {
    var rng = SeededGenerator(seed: seed)
    var a = [Int64?](), b = [String?](), c = [Double?]()
    let specials: [Double] = [0.0, -0.0, .nan, 1.5, -2.25, .infinity]
    for _ in 0..<rows {
        a.append(Int.random(in: 0..<20, using: &rng) == 0 ? nil : Int64.random(in: 0..<Int64(cardinality), using: &rng) * 1_000_003)
        b.append(Int.random(in: 0..<20, using: &rng) == 0 ? nil : "k\(Int.random(in: 0..<cardinality, using: &rng))")
        c.append(Int.random(in: 0..<20, using: &rng) == 0 ? nil : specials[Int.random(in: 0..<specials.count, using: &rng)])
    }
    return [ints(a), strings(b), doubles(c)]
}
