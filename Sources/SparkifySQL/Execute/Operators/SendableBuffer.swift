/// A raw output buffer that parallel tasks fill in disjoint ranges.
struct SendableBuffer<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>

    init(_ base: UnsafeMutablePointer<Element>) { self.base = base }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}

/// A reference that parallel tasks only read from.
struct ReadOnlyShared<Object: AnyObject>: @unchecked Sendable {
    let object: Object
}

extension Array {
    /// An array of `count` elements that `fill` initialises completely, possibly from several threads.
    static func filled(count: Int, _ fill: (SendableBuffer<Element>) throws -> Void) rethrows -> [Element] {
        try [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            if count > 0, let base = buffer.baseAddress { try fill(SendableBuffer(base)) }
            initialized = count
        }
    }
}
