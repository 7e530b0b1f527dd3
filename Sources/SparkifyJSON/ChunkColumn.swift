import SparkifyTables

/// The parser's handle on a column: a pointer, so passing it costs no reference counting.
typealias ColumnRef = UnsafeMutablePointer<ColumnState>

/// Owns one field's `ColumnState` within a work unit and frees it.
final class ChunkColumn: @unchecked Sendable {
    let state: ColumnRef

    init(name: String, key: [UInt8]) {
        state = .allocate(capacity: 1)
        state.initialize(to: ColumnState(name: name, key: key))
    }

    deinit {
        state.pointee.release()
        state.pointee.keyBytes.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
    }

    var name: String { state.pointee.name }
    var type: DataType { state.pointee.type }
    var count: Int { state.pointee.count }
    var storage: ColumnState.Storage { state.pointee.storage }
    var hasLossyIntegers: Bool { state.pointee.hasLossyIntegers }
    var words: GrowBuffer<UInt64> { state.pointee.words }
    var bytes: GrowBuffer<UInt8> { state.pointee.bytes }
    var offsets: GrowBuffer<UInt32> { state.pointee.offsets }
    var nullRows: GrowBuffer<Int32> { state.pointee.nullRows }
    var emptyRows: GrowBuffer<Int32> { state.pointee.emptyRows }

    func release() { state.pointee.release() }
    func seed(_ type: DataType) { state.pointee.seed(type) }
    func widen(to type: DataType) throws(ParseInterrupt) { try state.pointee.widen(to: type) }
    func isNull(_ row: Int) -> Bool { state.pointee.isNull(row) }
    func readEmptyString(at row: Int) -> Bool { state.pointee.readEmptyString(at: row) }
    func removeRows(_ rows: [Int]) { state.pointee.removeRows(rows) }
    func truncate(to count: Int) { state.pointee.truncate(to: count) }
    func backfillNulls(_ n: Int) { state.pointee.backfillNulls(n) }
    func appendNull() { state.pointee.appendNull() }
    func appendEmptyString() { state.pointee.appendEmptyString() }
    func appendText(_ source: UnsafePointer<UInt8>, _ n: Int) throws(ParseInterrupt) { try state.pointee.appendText(source, n) }
}
