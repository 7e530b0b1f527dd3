#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable byte buffer for building file contents, written out with POSIX `write`.
///
/// Appends are plain memory copies with one capacity check; numbers are formatted in place.
/// Not thread-safe: each worker owns its own buffer.
final class OutputBuffer {
    private var storage: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    /// How many bytes are in the buffer.
    private(set) var count = 0

    /// An empty buffer with room for `capacity` bytes before it grows.
    init(capacity: Int = 1 << 16) {
        self.capacity = max(capacity, 64)
        storage = .allocate(capacity: self.capacity)
    }

    deinit {
        storage.deallocate()
    }

    /// Forgets the contents, keeping the memory.
    func removeAll() {
        count = 0
    }

    /// The contents (a copy; for tests and small outputs).
    var bytes: [UInt8] {
        Array(UnsafeBufferPointer(start: storage, count: count))
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        if count + extra > capacity {
            grow(to: count + extra)
        }
    }

    private func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newStorage = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newStorage.update(from: storage, count: count)
        storage.deallocate()
        storage = newStorage
        capacity = newCapacity
    }

    /// Appends one byte.
    @inline(__always)
    func append(_ byte: UInt8) {
        reserve(1)
        storage[count] = byte
        count += 1
    }

    /// Appends raw bytes.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (storage + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    /// Appends `range` of `bytes`.
    @inline(__always)
    func append(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>) {
        guard let base = bytes.baseAddress, !range.isEmpty else { return }
        reserve(range.count)
        (storage + count).update(from: base + range.lowerBound, count: range.count)
        count += range.count
    }

    /// Appends the bytes of a literal.
    @inline(__always)
    func append(_ text: StaticString) {
        append(UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends the bytes of an array.
    func append(_ bytes: [UInt8]) {
        bytes.withUnsafeBufferPointer { append($0) }
    }

    /// Appends a base-10 integer.
    @inline(__always)
    func appendDecimal(_ value: Int) {
        reserve(20)
        var magnitude = value.magnitude
        if value < 0 {
            storage[count] = UInt8(ascii: "-")
            count += 1
        }
        var digits = 1
        var probe = magnitude
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        var position = count + digits - 1
        repeat {
            storage[position] = UInt8(ascii: "0") + UInt8(magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// Appends `value / 100000` the way Python's `repr(float)` prints a number with at most
    /// five decimals: trailing zeros dropped, at least one digit after the point (`218.93179`,
    /// `440.2673`, `35.0`, `-90.04892`).
    func appendFixedPoint5(_ value: Int) {
        if value < 0 { append(UInt8(ascii: "-")) }
        let magnitude = Int(value.magnitude)
        appendDecimal(magnitude / 100_000)
        append(UInt8(ascii: "."))
        var fraction = magnitude % 100_000
        var digits = 5
        while digits > 1 && fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        var divisor = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > 0 {
            append(UInt8(ascii: "0") + UInt8(fraction / divisor % 10))
            divisor /= 10
        }
    }

    /// Writes the whole contents to `descriptor` (retrying short writes and EINTR), then
    /// empties the buffer. `path` only names the file in errors.
    func drain(to descriptor: Int32, path: String) throws(SampleDataError) {
        var written = 0
        while written < count {
            let result = write(descriptor, storage + written, count - written)
            if result < 0 {
                if errno == EINTR { continue }
                throw .io(path: path, operation: "write", code: errno)
            }
            written += result
        }
        count = 0
    }
}
