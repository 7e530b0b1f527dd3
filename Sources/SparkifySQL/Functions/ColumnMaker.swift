import SparkifyTables

/// Helpers that build result columns.
enum ColumnMaker {
    /// `count` values computed by `body`, as a column of `type`.
    @inline(__always)
    static func int32(_ type: DataType, count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Int32>) throws -> Void) rethrows -> Column {
        let values = try [Int32](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            try body(buffer)
            initialized = count
        }
        return Column(type: type, values: .int32(values), validity: validity)
    }

    @inline(__always)
    static func int64(_ type: DataType, count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Int64>) throws -> Void) rethrows -> Column {
        let values = try [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            try body(buffer)
            initialized = count
        }
        return Column(type: type, values: .int64(values), validity: validity)
    }

    @inline(__always)
    static func double(_ type: DataType, count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Double>) throws -> Void) rethrows -> Column {
        let values = try [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: 0)
            try body(buffer)
            initialized = count
        }
        return Column(type: type, values: .double(values), validity: validity)
    }

    @inline(__always)
    static func boolean(count: Int, validity: Validity?, _ body: (UnsafeMutableBufferPointer<Bool>) throws -> Void) rethrows -> Column {
        let values = try [Bool](unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.initialize(repeating: false)
            try body(buffer)
            initialized = count
        }
        return Column(type: .boolean, values: .boolean(values), validity: validity)
    }
}
