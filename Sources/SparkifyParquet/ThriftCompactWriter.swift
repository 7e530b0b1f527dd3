/// Writes the Thrift compact protocol, the encoding of Parquet's file metadata and page headers.
///
/// Only what Parquet's structures use: structs, lists, i32/i64 (zigzag varints), binary and
/// bool fields. Field ids are written as deltas from the previous field of the same struct.
struct ThriftCompactWriter {
    /// Compact-protocol type ids.
    enum TypeID: UInt8 {
        case booleanTrue = 1, booleanFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7
        case binary = 8, list = 9, set = 10, map = 11, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    private var lastFieldID: Int16 = 0
    private var fieldIDStack: [Int16] = []

    init() {
        bytes.reserveCapacity(256)
    }

    // MARK: Fields

    mutating func fieldI32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        writeI32(value)
    }

    mutating func fieldI64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        writeI64(value)
    }

    mutating func fieldByte(_ id: Int16, _ value: Int8) {
        fieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func fieldBool(_ id: Int16, _ value: Bool) {
        fieldHeader(id, value ? .booleanTrue : .booleanFalse)
    }

    mutating func fieldBinary(_ id: Int16, _ value: [UInt8]) {
        fieldHeader(id, .binary)
        writeBinary(value)
    }

    mutating func fieldString(_ id: Int16, _ value: String) {
        fieldHeader(id, .binary)
        writeString(value)
    }

    /// Starts a struct-valued field; end it with `endStruct()`.
    mutating func beginStructField(_ id: Int16) {
        fieldHeader(id, .structure)
        beginStruct()
    }

    /// Starts a list-valued field of `count` elements of `element` type.
    mutating func beginListField(_ id: Int16, element: TypeID, count: Int) {
        fieldHeader(id, .list)
        listHeader(element: element, count: count)
    }

    // MARK: Values

    /// Starts a struct (a list element, or the top-level message).
    mutating func beginStruct() {
        fieldIDStack.append(lastFieldID)
        lastFieldID = 0
    }

    /// Ends the current struct with its stop byte.
    mutating func endStruct() {
        bytes.append(0)
        lastFieldID = fieldIDStack.popLast() ?? 0
    }

    mutating func writeI32(_ value: Int32) {
        writeVarint(UInt64(UInt32(bitPattern: (value << 1) ^ (value >> 31))))
    }

    mutating func writeI64(_ value: Int64) {
        writeVarint(UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    mutating func writeBinary(_ value: [UInt8]) {
        writeVarint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func writeString(_ value: String) {
        writeBinary(Array(value.utf8))
    }

    // MARK: Encoding

    private mutating func fieldHeader(_ id: Int16, _ type: TypeID) {
        let delta = Int(id) - Int(lastFieldID)
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta << 4) | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            writeVarint(UInt64(UInt16(bitPattern: (id << 1) ^ (id >> 15))))
        }
        lastFieldID = id
    }

    private mutating func listHeader(element: TypeID, count: Int) {
        if count < 15 {
            bytes.append(UInt8(count << 4) | element.rawValue)
        } else {
            bytes.append(0xF0 | element.rawValue)
            writeVarint(UInt64(count))
        }
    }

    private mutating func writeVarint(_ value: UInt64) {
        ULEB128.append(value, to: &bytes)
    }
}
