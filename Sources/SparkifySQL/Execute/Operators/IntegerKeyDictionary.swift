/// Dense ids `0..<count` for 64-bit keys, in insertion order: a direct array when the keys
/// span a small range (hours, small ids, combined codes), a hash table otherwise.
///
/// Work goes through the batch methods, which hold the table in locals for the whole loop.
final class IntegerKeyDictionary {
    private var table: Int64KeyTable?
    private let directSlots: UnsafeMutablePointer<Int32>?
    private let directBase: Int64
    private let directCount: Int
    private var directIds = 0

    /// A dictionary for keys known to lie in `minimum...maximum` (pass `Int64.min...Int64.max`
    /// when unknown), expecting about `expectedCount` keys.
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

    deinit {
        directSlots?.deallocate()
        table?.deallocate()
    }

    var count: Int { table?.count ?? directIds }

    private static let block = 256
    private static let distance = 16

    /// For each `i` in `range` whose `key(i)` is not nil, stores its id (inserting new keys)
    /// in `out[i]`. Keys must lie in the range given at creation.
    @inline(__always)
    func insertEach(_ range: Range<Int>, into out: UnsafeMutablePointer<Int32>, key: (Int) -> Int64?) {
        if let slots = directSlots {
            let base = directBase
            var next = Int32(truncatingIfNeeded: directIds)
            for i in range {
                guard let k = key(i) else { continue }
                let index = Int(k &- base)
                var id = slots[index]
                if id < 0 {
                    id = next
                    slots[index] = id
                    next += 1
                }
                out[i] = id
            }
            directIds = Int(next)
        } else if var local = table {
            table = nil
            // Keys are computed a block ahead so each insert can load a later key's slot.
            var block = [Int64](repeating: 0, count: Self.block)
            var present = [Bool](repeating: false, count: Self.block)
            var sink: Int64 = 0
            var blockStart = range.lowerBound
            while blockStart < range.upperBound {
                let count = min(Self.block, range.upperBound - blockStart)
                for j in 0..<count {
                    if let k = key(blockStart + j) {
                        block[j] = k
                        present[j] = true
                    } else {
                        present[j] = false
                    }
                }
                for j in 0..<count {
                    if j + Self.distance < count { sink &+= local.touch(block[j + Self.distance]) }
                    if present[j] { out[blockStart + j] = local.insert(block[j]) }
                }
                blockStart += count
            }
            KeyColumnDictionary.consume(UInt64(bitPattern: sink))
            table = local
        }
    }

    /// For each `i` in `0..<n`, `out[i]` = the id of `key(i)`, or -1 when it is nil or absent.
    /// Only reads the dictionary: safe from several threads at once.
    @inline(__always)
    func findEach(_ range: Range<Int>, into out: UnsafeMutablePointer<Int32>, key: (Int) -> Int64?) {
        if let slots = directSlots {
            let base = directBase, limit = UInt64(directCount)
            for i in range {
                guard let k = key(i) else { out[i] = -1; continue }
                let offset = UInt64(bitPattern: k &- base)
                out[i] = offset < limit ? slots[Int(offset)] : -1
            }
        } else if let local = table {
            for i in range {
                guard let k = key(i) else { out[i] = -1; continue }
                out[i] = local.find(k)
            }
        }
    }
}
