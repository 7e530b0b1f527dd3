#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable buffer of trivial values in malloc'd memory: appends without uniqueness
/// checks, truncation in O(1), and an explicit `free()` by its owner (a final class).
struct GrowBuffer<Element: BitwiseCopyable> {
    private(set) var base: UnsafeMutablePointer<Element>?
    var count = 0
    private(set) var capacity = 0

    @inline(__always)
    mutating func append(_ value: Element) {
        if count == capacity { grow(minimum: count + 1) }
        base.unsafelyUnwrapped[count] = value
        count += 1
    }

    /// Makes room for `extra` more elements and returns where they go.
    @inline(__always)
    mutating func reserve(extra: Int) -> UnsafeMutablePointer<Element> {
        if count + extra > capacity || base == nil { grow(minimum: count + extra) }
        return base.unsafelyUnwrapped + count
    }

    @inline(__always)
    mutating func append(_ source: UnsafePointer<Element>, count n: Int) {
        let dst = reserve(extra: n)
        dst.update(from: source, count: n)
        count += n
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base.unsafelyUnwrapped[index] }
        nonmutating set { base.unsafelyUnwrapped[index] = newValue }
    }

    var last: Element? { count > 0 ? base.unsafelyUnwrapped[count - 1] : nil }

    mutating func grow(minimum: Int) {
        var newCapacity = Swift.max(capacity * 2, 64)
        while newCapacity < minimum { newCapacity *= 2 }
        let bytes = newCapacity * MemoryLayout<Element>.stride
        guard let raw = realloc(base.map { UnsafeMutableRawPointer($0) }, bytes) else {
            fatalError("out of memory growing a buffer to \(bytes) bytes")
        }
        base = raw.assumingMemoryBound(to: Element.self)
        capacity = newCapacity
    }

    mutating func removeAll() {
        Glibc.free(base)
        base = nil
        count = 0
        capacity = 0
    }

    var buffer: UnsafeBufferPointer<Element> {
        UnsafeBufferPointer(start: base, count: count)
    }
}
