/// Many short byte strings stored back to back in one buffer, addressed by index.
///
/// The generator keeps every prepared JSON fragment (escaped names, ids, whole key/value runs)
/// here so that formatting millions of lines only copies bytes.
struct ByteArena: Sendable {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int] = [0]

    /// How many strings are stored.
    var count: Int { offsets.count - 1 }

    /// Appends `text` and returns its index.
    @discardableResult
    mutating func append(_ text: some Sequence<UInt8>) -> Int {
        bytes.append(contentsOf: text)
        offsets.append(bytes.count)
        return offsets.count - 2
    }

    /// Appends the UTF-8 bytes of `text` and returns its index.
    @discardableResult
    mutating func append(_ text: String) -> Int {
        append(text.utf8)
    }

    /// The byte range of string `index` inside `bytes`.
    @inline(__always)
    func range(at index: Int) -> Range<Int> {
        offsets[index]..<offsets[index + 1]
    }

    /// The bytes of string `index` (a copy; for tests and slow paths).
    func string(at index: Int) -> [UInt8] {
        Array(bytes[range(at: index)])
    }
}
