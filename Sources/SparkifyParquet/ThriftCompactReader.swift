/// Reads the Thrift compact protocol from bytes taken from a file, checking every length.
///
/// Errors are plain messages (`ThriftCompactReader.Failure`); the caller adds the file and
/// the structure being read.
struct ThriftCompactReader {
    struct Failure: Error {
        let message: String
    }

    typealias TypeID = ThriftCompactWriter.TypeID

    private let bytes: UnsafeRawBufferPointer
    private(set) var position: Int
    private var lastFieldID: Int16 = 0
    private var fieldIDStack: [Int16] = []
    /// The type of the field header just read; bool fields carry their value in it.
    private var pendingBool: Bool?

    init(_ bytes: UnsafeRawBufferPointer, at position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next field's id and type, or nil at the struct's stop byte.
    mutating func readFieldHeader() throws(Failure) -> (id: Int16, type: UInt8)? {
        let byte = try readByte()
        if byte == 0 { return nil }
        let type = byte & 0x0F
        let delta = byte >> 4
        let id: Int16
        if delta != 0 {
            id = lastFieldID &+ Int16(delta)
        } else {
            let raw = try readVarint()
            let u = UInt16(truncatingIfNeeded: raw)
            id = Int16(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        }
        lastFieldID = id
        switch type {
        case TypeID.booleanTrue.rawValue: pendingBool = true
        case TypeID.booleanFalse.rawValue: pendingBool = false
        default: pendingBool = nil
        }
        return (id, type)
    }

    mutating func beginStruct() {
        fieldIDStack.append(lastFieldID)
        lastFieldID = 0
    }

    /// Call after `readFieldHeader()` returned nil.
    mutating func endStruct() {
        lastFieldID = fieldIDStack.popLast() ?? 0
    }

    /// The value of a bool field whose header was just read.
    mutating func readBoolField() throws(Failure) -> Bool {
        guard let value = pendingBool else { throw Failure(message: "a bool field without a bool type") }
        return value
    }

    mutating func readI32() throws(Failure) -> Int32 {
        let raw = try readVarint()
        let u = UInt32(truncatingIfNeeded: raw)
        return Int32(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    mutating func readI64() throws(Failure) -> Int64 {
        let u = try readVarint()
        return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
    }

    /// A non-negative i32, as counts and sizes are.
    mutating func readCount(_ what: String) throws(Failure) -> Int {
        let v = try readI32()
        guard v >= 0 else { throw Failure(message: "negative \(what) \(v)") }
        return Int(v)
    }

    mutating func readBinary() throws(Failure) -> [UInt8] {
        let length = try readVarint()
        guard length <= UInt64(bytes.count - position) else {
            throw Failure(message: "a binary of \(length) bytes runs past the end of the metadata")
        }
        let n = Int(length)
        let out = [UInt8](UnsafeRawBufferPointer(rebasing: bytes[position..<position + n]))
        position += n
        return out
    }

    mutating func readString() throws(Failure) -> String {
        String(decoding: try readBinary(), as: UTF8.self)
    }

    /// A list header: element type and count.
    mutating func readListHeader() throws(Failure) -> (element: UInt8, count: Int) {
        let byte = try readByte()
        var count = Int(byte >> 4)
        if count == 15 {
            let raw = try readVarint()
            guard raw <= UInt64(bytes.count - position) else {
                throw Failure(message: "a list of \(raw) elements is longer than the metadata")
            }
            count = Int(raw)
        }
        return (byte & 0x0F, count)
    }

    /// Skips a value of `type` (an unknown or unused field), nested at most 64 deep.
    mutating func skip(_ type: UInt8, depth: Int = 0) throws(Failure) {
        guard depth < 64 else { throw Failure(message: "metadata nested too deeply") }
        switch type {
        case TypeID.booleanTrue.rawValue, TypeID.booleanFalse.rawValue:
            return
        case TypeID.byte.rawValue:
            _ = try readByte()
        case TypeID.i16.rawValue, TypeID.i32.rawValue, TypeID.i64.rawValue:
            _ = try readVarint()
        case TypeID.double.rawValue:
            try advance(8)
        case TypeID.binary.rawValue:
            let length = try readVarint()
            guard length <= UInt64(bytes.count - position) else { throw Failure(message: "a binary runs past the end") }
            position += Int(length)
        case TypeID.list.rawValue, TypeID.set.rawValue:
            let (element, count) = try readListHeader()
            for _ in 0..<count {
                if element == TypeID.booleanTrue.rawValue || element == TypeID.booleanFalse.rawValue {
                    _ = try readByte()
                } else {
                    try skip(element, depth: depth + 1)
                }
            }
        case TypeID.map.rawValue:
            let raw = try readVarint()
            guard raw <= UInt64(bytes.count - position) else { throw Failure(message: "a map longer than the metadata") }
            if raw == 0 { return }
            let kinds = try readByte()
            for _ in 0..<Int(raw) {
                try skip(kinds >> 4, depth: depth + 1)
                try skip(kinds & 0x0F, depth: depth + 1)
            }
        case TypeID.structure.rawValue:
            beginStruct()
            while let (_, fieldType) = try readFieldHeader() {
                try skip(fieldType, depth: depth + 1)
            }
            endStruct()
        default:
            throw Failure(message: "unknown Thrift type \(type)")
        }
    }

    private mutating func advance(_ n: Int) throws(Failure) {
        guard n <= bytes.count - position else { throw Failure(message: "metadata ends early") }
        position += n
    }

    private mutating func readByte() throws(Failure) -> UInt8 {
        guard position < bytes.count else { throw Failure(message: "metadata ends early") }
        let b = bytes[position]
        position += 1
        return b
    }

    private mutating func readVarint() throws(Failure) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let b = try readByte()
            guard shift < 64 else { throw Failure(message: "a varint longer than 10 bytes") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }
}

extension ThriftCompactReader {
    /// A byte field's value (or an integer field written wider).
    mutating func readSmallInt(type: UInt8) throws(Failure) -> Int64 {
        if type == TypeID.byte.rawValue { return Int64(Int8(bitPattern: try readRawByte())) }
        return try readI64()
    }

    mutating func readRawByte() throws(Failure) -> UInt8 {
        guard position < bytes.count else { throw Failure(message: "metadata ends early") }
        defer { position += 1 }
        return bytes[position]
    }
}
