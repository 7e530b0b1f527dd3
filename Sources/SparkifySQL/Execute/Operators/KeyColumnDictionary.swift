import SparkifyTables

/// How the values of a key column are compared.
enum KeyDomain: Sendable {
    /// Booleans and integers, compared as 64-bit integers.
    case integer
    /// Doubles (and integers joined with doubles), compared after Spark's normalisation.
    case floating
    /// Strings, decimals and nested values as text, compared by bytes.
    case bytes

    init(_ type: DataType) {
        switch type.physical {
        case .boolean, .int32, .int64: self = .integer
        case .double: self = .floating
        case .string: self = .bytes
        }
    }

    /// The domain two key columns are compared in, or nil when they cannot be compared.
    static func common(_ a: KeyDomain, _ b: KeyDomain) -> KeyDomain? {
        switch (a, b) {
        case (.integer, .integer): return .integer
        case (.floating, .floating), (.integer, .floating), (.floating, .integer): return .floating
        case (.bytes, .bytes): return .bytes
        default: return nil
        }
    }
}

/// Dense codes for the distinct values of one key column, in first-appearance order: the
/// building block of grouping (codes of several columns are combined) and of joins (the
/// build side's dictionary encodes the probe side).
final class KeyColumnDictionary {
    let domain: KeyDomain
    private let integers: IntegerKeyDictionary?
    private let byteTable: ByteKeyTable?
    /// The code NULL got (its values' codes at or past it are shifted up by one), or -1.
    private(set) var nullCode: Int32 = -1

    /// Distinct values, NULL included when it got a code.
    var count: Int { (integers?.count ?? byteTable?.count ?? 0) + (nullCode >= 0 ? 1 : 0) }

    private init(domain: KeyDomain, integers: IntegerKeyDictionary?, byteTable: ByteKeyTable?) {
        self.domain = domain
        self.integers = integers
        self.byteTable = byteTable
    }

    /// The dictionary of `column` and each row's code. NULL rows share a code of their own
    /// when `nullsGetCode`, else get -1.
    static func build(_ column: Column, domain: KeyDomain, nullsGetCode: Bool) -> (KeyColumnDictionary, [Int32]) {
        let n = column.count
        var codes = [Int32](repeating: -1, count: n)
        var firstNullRow = -1
        var nullPosition: Int32 = -1
        let dictionary: KeyColumnDictionary
        switch domain {
        case .integer, .floating:
            let keys = integerKeys(column, domain: domain)
            var lo = Int64.max, hi = Int64.min
            if domain == .integer {
                keys.withUnsafeBufferPointer { k in
                    for i in 0..<n where !column.isNull(i) {
                        lo = min(lo, k[i])
                        hi = max(hi, k[i])
                    }
                }
            }
            if lo > hi { lo = .min; hi = .max }
            let integers = IntegerKeyDictionary(minimum: lo, maximum: hi, expectedCount: n)
            dictionary = KeyColumnDictionary(domain: domain, integers: integers, byteTable: nil)
            keys.withUnsafeBufferPointer { k in
                codes.withUnsafeMutableBufferPointer { out in
                    if let validity = column.validity {
                        for i in 0..<n {
                            if validity.isValid(i) {
                                out[i] = integers.insert(k[i])
                            } else if firstNullRow < 0 {
                                firstNullRow = i
                                nullPosition = Int32(truncatingIfNeeded: integers.count)
                            }
                        }
                    } else {
                        for i in 0..<n { out[i] = integers.insert(k[i]) }
                    }
                }
            }
        case .bytes:
            guard case let .string(arena) = column.values else {
                preconditionFailure("KeyColumnDictionary: \(column.type.simpleString) is not stored as text")
            }
            let table = ByteKeyTable(expectedCount: min(n, 1 << 12))
            dictionary = KeyColumnDictionary(domain: domain, integers: nil, byteTable: table)
            arena.bytes.withUnsafeBufferPointer { bytes in
                arena.offsets.withUnsafeBufferPointer { offsets in
                    codes.withUnsafeMutableBufferPointer { out in
                        let base = bytes.baseAddress
                        var previousStart = -1, previousLength = -1
                        var previousCode: Int32 = -1
                        for i in 0..<n {
                            if column.isNull(i) {
                                if firstNullRow < 0 {
                                    firstNullRow = i
                                    nullPosition = Int32(truncatingIfNeeded: table.count)
                                }
                                continue
                            }
                            let start = offsets[i], length = offsets[i + 1] - start
                            let pointer = base.map { $0 + start }
                            // Runs of one value (sorted or low-cardinality data) skip the hash.
                            if length == previousLength,
                               KeyHashing.bytesEqual(pointer, length, base.map { $0 + previousStart }, length) {
                                out[i] = previousCode
                                continue
                            }
                            let code = table.insert(pointer, length, hash: KeyHashing.hashBytes(pointer, length))
                            out[i] = code
                            previousStart = start
                            previousLength = length
                            previousCode = code
                        }
                    }
                }
            }
        }
        if nullsGetCode, firstNullRow >= 0 {
            dictionary.nullCode = nullPosition
            shiftForNull(&codes, column: column, nullCode: nullPosition)
        }
        return (dictionary, codes)
    }

    /// The codes of `column`'s values in this dictionary, -1 for values it lacks. NULL rows
    /// get the NULL code when `nullsMatch` (null-safe equality), else -1.
    func lookup(_ column: Column, nullsMatch: Bool) -> [Int32] {
        let n = column.count
        var codes = [Int32](repeating: -1, count: n)
        let nullCode = nullCode
        let matchedNull: Int32 = nullsMatch ? nullCode : -1
        @inline(__always) func shifted(_ id: Int32) -> Int32 {
            (nullCode >= 0 && id >= nullCode) ? id + 1 : id
        }
        if let integers {
            let keys = KeyColumnDictionary.integerKeys(column, domain: domain)
            keys.withUnsafeBufferPointer { k in
                codes.withUnsafeMutableBufferPointer { out in
                    for i in 0..<n {
                        if column.isNull(i) { out[i] = matchedNull; continue }
                        let id = integers.find(k[i])
                        out[i] = id < 0 ? -1 : shifted(id)
                    }
                }
            }
        } else if let byteTable, case let .string(arena) = column.values {
            arena.bytes.withUnsafeBufferPointer { bytes in
                arena.offsets.withUnsafeBufferPointer { offsets in
                    codes.withUnsafeMutableBufferPointer { out in
                        let base = bytes.baseAddress
                        for i in 0..<n {
                            if column.isNull(i) { out[i] = matchedNull; continue }
                            let start = offsets[i], length = offsets[i + 1] - start
                            let pointer = base.map { $0 + start }
                            let id = byteTable.find(pointer, length, hash: KeyHashing.hashBytes(pointer, length))
                            out[i] = id < 0 ? -1 : shifted(id)
                        }
                    }
                }
            }
        }
        return codes
    }

    /// Moves codes at or past `nullCode` up by one and gives NULL rows `nullCode`.
    private static func shiftForNull(_ codes: inout [Int32], column: Column, nullCode: Int32) {
        codes.withUnsafeMutableBufferPointer { out in
            for i in 0..<out.count {
                if column.isNull(i) {
                    out[i] = nullCode
                } else if out[i] >= nullCode {
                    out[i] += 1
                }
            }
        }
    }

    /// Every value of an integer, boolean or double column as a 64-bit key of `domain`.
    static func integerKeys(_ column: Column, domain: KeyDomain) -> [Int64] {
        switch (column.values, domain) {
        case let (.int64(v), .integer): return v
        case let (.int32(v), .integer): return v.map { Int64($0) }
        case let (.boolean(v), .integer): return v.map { $0 ? 1 : 0 }
        case let (.double(v), _): return v.map { KeyHashing.normalizedBits($0) }
        case let (.int64(v), .floating): return v.map { KeyHashing.normalizedBits(Double($0)) }
        case let (.int32(v), .floating): return v.map { KeyHashing.normalizedBits(Double($0)) }
        case let (.boolean(v), .floating): return v.map { $0 ? KeyHashing.normalizedBits(1) : 0 }
        default:
            preconditionFailure("KeyColumnDictionary: \(column.type.simpleString) is not numeric")
        }
    }
}
