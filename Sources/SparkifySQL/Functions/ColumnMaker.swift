import SparkifyTables

/// Helpers that build result columns.
enum ColumnMaker {
    /// `count` values computed by `body`, as a column of `type`.
    @inline(__always)
    static func int32(_ type: DataType, count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Int32>) throws -> Void) rethrows -> Column {
        Column(type: type, values: .int32(try filled(count, zero: 0, body)), validity: validity)
    }

    @inline(__always)
    static func int64(_ type: DataType, count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Int64>) throws -> Void) rethrows -> Column {
        Column(type: type, values: .int64(try filled(count, zero: 0, body)), validity: validity)
    }

    @inline(__always)
    static func double(_ type: DataType, count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Double>) throws -> Void) rethrows -> Column {
        Column(type: type, values: .double(try filled(count, zero: 0, body)), validity: validity)
    }

    @inline(__always)
    static func boolean(count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Bool>) throws -> Void) rethrows -> Column {
        Column(type: .boolean, values: .boolean(try filled(count, zero: false, body)), validity: validity)
    }

    /// `count` values, zeroed (NULL slots keep zero), then written by `body`.
    @inline(__always)
    private static func filled<Element>(_ count: Int, zero: Element, _ body: (UnsafeMutableBufferPointer<Element>) throws -> Void) rethrows -> [Element] {
        try [Element](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: zero)
            initialized = count
            try body(buffer)
        }
    }
}
