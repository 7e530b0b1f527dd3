/// Dense ids `0..<count` for 64-bit keys, in insertion order: a direct array when the keys
/// span a small range (hours, small ids, combined codes), a hash table otherwise.
final class IntegerKeyDictionary {
    private let table: Int64KeyTable?
    private let directSlots: UnsafeMutablePointer<Int32>?
    private let directBase: Int64
    private let directCount: Int
    private var directIds = 0

    /// A dictionary for keys known to lie in `minimum...maximum` (any keys when the range is
    /// unknown: pass `Int64.min...Int64.max`), expecting about `expectedCount` keys.
    init(minimum: Int64, maximum: Int64, expectedCount: Int) {
        let (span, overflow) = maximum.subtractingReportingOverflow(minimum)
        let directLimit = min(1 << 24, max(4096, expectedCount * 2))
        if !overflow, span >= 0, span < directLimit {
            directCount = Int(span) + 1
            directBase = minimum
            let slots = UnsafeMutablePointer<Int32>.allocate(capacity: directCount)
            slots.initialize(repeating: -1, count: directCount)
            directSlots = slots
            table = nil
        } else {
            directSlots = nil
            directBase = 0
            directCount = 0
            table = Int64KeyTable(expectedCount: min(expectedCount, 1 << 16))
        }
    }

    deinit { directSlots?.deallocate() }

    var count: Int { table?.count ?? directIds }

    /// The id of `key`, inserting it when new. `key` must lie in the range given at creation.
    @inline(__always)
    func insert(_ key: Int64) -> Int32 {
        if let directSlots {
            let index = Int(key &- directBase)
            let id = directSlots[index]
            if id >= 0 { return id }
            let newId = Int32(truncatingIfNeeded: directIds)
            directSlots[index] = newId
            directIds += 1
            return newId
        }
        return table.unsafelyUnwrapped.insert(key)
    }

    /// The id of `key`, or -1 when absent.
    @inline(__always)
    func find(_ key: Int64) -> Int32 {
        if let directSlots {
            let offset = UInt64(bitPattern: key &- directBase)
            if offset >= UInt64(directCount) { return -1 }
            return directSlots[Int(offset)]
        }
        return table.unsafelyUnwrapped.find(key)
    }
}
