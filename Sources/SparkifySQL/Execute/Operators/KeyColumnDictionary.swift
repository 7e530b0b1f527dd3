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
    private var byteTable: ByteKeyTable?
    /// The code NULL got (its values' codes at or past it are shifted up by one), or -1.
    private(set) var nullCode: Int32 = -1

    /// Distinct values, NULL included when it got a code.
    var count: Int { (integers?.count ?? byteTable?.count ?? 0) + (nullCode >= 0 ? 1 : 0) }

    private init(domain: KeyDomain, integers: IntegerKeyDictionary?, byteTable: ByteKeyTable?) {
        self.domain = domain
        self.integers = integers
        self.byteTable = byteTable
    }

    deinit { byteTable?.deallocate() }

    /// The dictionary of `column` and each row's code. NULL rows share a code of their own
    /// when `nullsGetCode`, else get -1. Large string columns are encoded by `tasks` threads.
    static func build(_ column: Column, domain: KeyDomain, nullsGetCode: Bool, tasks: Int = 1) -> (KeyColumnDictionary, [Int32]) {
        let n = column.count
        var codes = [Int32](repeating: -1, count: n)
        let validity = column.validity
        // Where NULL first appears: its row, and how many distinct values came before it.
        var firstNullRow = -1
        var nullPosition: Int32 = -1
        let dictionary: KeyColumnDictionary
        switch domain {
        case .integer, .floating:
            let keys = integerKeys(column, domain: domain)
            var lo = Int64.max, hi = Int64.min
            if domain == .integer {
                keys.withUnsafeBufferPointer { k in
                    for i in 0..<n where validity?.isValid(i) ?? true {
                        lo = min(lo, k[i])
                        hi = max(hi, k[i])
                    }
                }
            }
            if lo > hi { lo = .min; hi = .max }
            let integers = IntegerKeyDictionary(minimum: lo, maximum: hi, expectedCount: n)
            dictionary = KeyColumnDictionary(domain: domain, integers: integers, byteTable: nil)
            let firstNull = validity.flatMap { v in (0..<n).first { !v.isValid($0) } }
            keys.withUnsafeBufferPointer { k in
                codes.withUnsafeMutableBufferPointer { out in
                    guard let base = out.baseAddress else { return }
                    guard let validity, let firstNull else {
                        integers.insertEach(0..<n, into: base) { k[$0] }
                        return
                    }
                    integers.insertEach(0..<firstNull, into: base) { k[$0] }
                    firstNullRow = firstNull
                    nullPosition = Int32(truncatingIfNeeded: integers.count)
                    integers.insertEach(firstNull..<n, into: base) { validity.isValid($0) ? k[$0] : nil }
                }
            }
        case .bytes:
            guard case let .string(arena) = column.values else {
                preconditionFailure("KeyColumnDictionary: \(column.type.simpleString) is not stored as text")
            }
            let table: ByteKeyTable
            if tasks > 1, n >= 2 * ParallelWork.minimumRowsPerTask {
                let result = encodeBytesInParallel(arena, validity: validity, tasks: tasks, codes: &codes)
                (table, firstNullRow, nullPosition) = (result.table, result.firstNullRow, result.nullPosition)
            } else {
                var serialTable = ByteKeyTable(expectedCount: min(n, 1 << 12))
                codes.withUnsafeMutableBufferPointer { out in
                    guard let base = out.baseAddress else { return }
                    (firstNullRow, nullPosition) = encodeBytes(arena, validity: validity, rows: 0..<n, table: &serialTable, into: base)
                }
                table = serialTable
            }
            dictionary = KeyColumnDictionary(domain: domain, integers: nil, byteTable: table)
        }
        if nullsGetCode, firstNullRow >= 0 {
            dictionary.nullCode = nullPosition
            shiftForNull(&codes, column: column, nullCode: nullPosition)
        }
        return (dictionary, codes)
    }

    /// The codes of rows `range` of `column` in this dictionary (written to `out`), -1 for
    /// values it lacks. NULL rows get the NULL code when `nullsMatch` (null-safe equality),
    /// else -1. Only reads the dictionary: safe from several threads at once.
    func lookup(_ column: Column, rows range: Range<Int>, nullsMatch: Bool, into out: UnsafeMutablePointer<Int32>) {
        let nullCode = nullCode
        let matchedNull: Int32 = nullsMatch ? nullCode : -1
        let validity = column.validity
        if let integers {
            let keys = KeyColumnDictionary.integerKeys(column, domain: domain, rows: range)
            keys.withUnsafeBufferPointer { k in
                let first = range.lowerBound
                if let validity {
                    integers.findEach(range, into: out) { validity.isValid($0) ? k[$0 - first] : nil }
                    for i in range where !validity.isValid(i) { out[i] = matchedNull }
                } else {
                    integers.findEach(range, into: out) { k[$0 - first] }
                }
            }
        } else if let table = byteTable, case let .string(arena) = column.values {
            Self.lookupBytes(arena, validity: validity, rows: range, table: table, nullValue: matchedNull, into: out)
        }
        if nullCode >= 0 {
            for i in range where out[i] >= nullCode && (validity?.isValid(i) ?? true) { out[i] += 1 }
        }
    }

    /// `lookup` over all rows, split across `tasks` threads.
    func lookup(_ column: Column, nullsMatch: Bool, tasks: Int) throws -> [Int32] {
        let n = column.count
        let shared = ReadOnlyShared(object: self)
        return try [Int32].filled(count: n) { out in
            _ = try ParallelWork.map(tasks) { task in
                shared.object.lookup(column, rows: ParallelWork.range(task: task, of: tasks, rows: n),
                                     nullsMatch: nullsMatch, into: out.base)
            }
        }
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
    static func integerKeys(_ column: Column, domain: KeyDomain, rows: Range<Int>? = nil) -> [Int64] {
        let r = rows ?? 0..<column.count
        switch (column.values, domain) {
        case let (.int64(v), .integer): return rows == nil ? v : Array(v[r])
        case let (.int32(v), .integer): return v[r].map { Int64($0) }
        case let (.boolean(v), .integer): return v[r].map { $0 ? 1 : 0 }
        case let (.double(v), _): return v[r].map { KeyHashing.normalizedBits($0) }
        case let (.int64(v), .floating): return v[r].map { KeyHashing.normalizedBits(Double($0)) }
        case let (.int32(v), .floating): return v[r].map { KeyHashing.normalizedBits(Double($0)) }
        case let (.boolean(v), .floating): return v[r].map { $0 ? KeyHashing.normalizedBits(1) : 0 }
        default:
            preconditionFailure("KeyColumnDictionary: \(column.type.simpleString) is not numeric")
        }
    }
}
