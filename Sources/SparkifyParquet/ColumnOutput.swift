import SparkifyTables

/// Collects a column's rows across pages and row groups: values with NULL slots filled
/// (0, false, empty) and the validity bitmap.
struct ColumnOutput {
    let type: DataType
    private var booleans: [Bool] = []
    private var int32s: [Int32] = []
    private var int64s: [Int64] = []
    private var doubles: [Double] = []
    private var bytes: [UInt8] = []
    private var offsets: [Int] = [0]
    private var validity = Validity()
    private var nulls = 0

    init(type: DataType, capacity: Int) {
        self.type = type
        validity.reserveCapacity(capacity)
        switch type.physical {
        case .boolean: booleans.reserveCapacity(capacity)
        case .int32: int32s.reserveCapacity(capacity)
        case .int64: int64s.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .string: offsets.reserveCapacity(capacity + 1)
        }
    }

    var count: Int { validity.count }

    /// Appends `rows` rows: `values` in the slots where `present` is 1 (all slots when nil).
    mutating func append(_ values: DecodedValues, present: [UInt32]?, rows: Int) throws {
        let presentCount = present.map { $0.reduce(0) { $0 + Int($1) } } ?? rows
        guard values.count == presentCount else {
            throw ParquetDecodeFailure("\(values.count) values for \(presentCount) non-NULL rows")
        }
        switch (type.physical, values) {
        case let (.boolean, .boolean(v)): scatter(v, present, into: &booleans, zero: false)
        case let (.int32, .int32(v)): scatter(v, present, into: &int32s, zero: 0)
        case let (.int64, .int64(v)): scatter(v, present, into: &int64s, zero: 0)
        case let (.double, .double(v)): scatter(v, present, into: &doubles, zero: 0)
        case let (.string, .bytes(b, o)):
            let base = bytes.count
            bytes.append(contentsOf: b)
            if let present {
                var k = 0
                for p in present {
                    if p != 0 { k += 1 }
                    offsets.append(base + o[k])
                }
            } else {
                for k in 1..<o.count { offsets.append(base + o[k]) }
            }
        default:
            throw ParquetDecodeFailure("decoded values do not match the column's type")
        }
        if let present {
            for p in present {
                validity.append(p != 0)
                if p == 0 { nulls += 1 }
            }
        } else {
            validity.append(contentsOf: Validity(count: rows, allValid: true))
        }
    }

    private func scatter<T>(_ values: [T], _ present: [UInt32]?, into out: inout [T], zero: T) {
        guard let present else {
            out.append(contentsOf: values)
            return
        }
        var k = 0
        for p in present {
            if p != 0 {
                out.append(values[k])
                k += 1
            } else {
                out.append(zero)
            }
        }
    }

    func build() -> Column {
        let values: ColumnValues
        switch type.physical {
        case .boolean: values = .boolean(booleans)
        case .int32: values = .int32(int32s)
        case .int64: values = .int64(int64s)
        case .double: values = .double(doubles)
        case .string: values = .string(StringArena(bytes: bytes, offsets: offsets))
        }
        return Column(type: type, values: values, validity: nulls > 0 ? validity : nil)
    }
}
