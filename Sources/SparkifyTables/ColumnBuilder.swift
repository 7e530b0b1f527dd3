/// Builds a `Column` one value at a time.
///
/// Values are appended in their physical form; `append(_ value:)` converts a boxed `Value`
/// of a matching kind and stores NULL for anything else.
public struct ColumnBuilder: Sendable {
    public let type: DataType
    private var booleans: [Bool] = []
    private var int32s: [Int32] = []
    private var int64s: [Int64] = []
    private var doubles: [Double] = []
    private var strings = StringArena()
    private var validity = Validity()
    private var sawNull = false

    public init(type: DataType, capacity: Int = 0) {
        self.type = type
        validity.reserveCapacity(capacity)
        switch type.physical {
        case .boolean: booleans.reserveCapacity(capacity)
        case .int32: int32s.reserveCapacity(capacity)
        case .int64: int64s.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .string: strings.reserveCapacity(values: capacity, bytes: 0)
        }
    }

    public var count: Int { validity.count }

    public mutating func appendNull() {
        switch type.physical {
        case .boolean: booleans.append(false)
        case .int32: int32s.append(0)
        case .int64: int64s.append(0)
        case .double: doubles.append(0)
        case .string: strings.appendEmpty()
        }
        validity.append(false)
        sawNull = true
    }

    @inline(__always) public mutating func append(_ v: Bool) { booleans.append(v); validity.append(true) }
    @inline(__always) public mutating func append(_ v: Int32) { int32s.append(v); validity.append(true) }
    @inline(__always) public mutating func append(_ v: Int64) { int64s.append(v); validity.append(true) }
    @inline(__always) public mutating func append(_ v: Double) { doubles.append(v); validity.append(true) }
    @inline(__always) public mutating func append(utf8 v: UnsafeBufferPointer<UInt8>) { strings.append(v); validity.append(true) }
    public mutating func append(_ v: String) { strings.append(v); validity.append(true) }

    /// Appends a boxed value; a value whose kind does not fit the column's storage becomes NULL.
    public mutating func append(_ value: Value) {
        switch (type.physical, value) {
        case let (.boolean, .boolean(v)): append(v)
        case let (.int32, .int(v)), let (.int32, .date(v)): append(v)
        case let (.int64, .bigint(v)), let (.int64, .timestamp(v)): append(v)
        case let (.double, .double(v)): append(v)
        case let (.string, .string(v)), let (.string, .decimal(v)), let (.string, .json(v)): append(v)
        default: appendNull()
        }
    }

    public func build() -> Column {
        let values: ColumnValues
        switch type.physical {
        case .boolean: values = .boolean(booleans)
        case .int32: values = .int32(int32s)
        case .int64: values = .int64(int64s)
        case .double: values = .double(doubles)
        case .string: values = .string(strings)
        }
        return Column(type: type, values: values, validity: sawNull ? validity : nil)
    }
}
