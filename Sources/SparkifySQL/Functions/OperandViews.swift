import SparkifyTables

/// Fixed-width values of an operand: a column's array, or one constant read with stride 0.
struct FixedWidthView<Element> {
    let values: [Element]
    /// 1 for a column, 0 for a constant.
    let stride: Int
    let validity: Validity?
    /// A NULL constant: every row is NULL.
    let isAllNull: Bool
}

/// Strings of an operand: a column's arena, or one constant read with stride 0.
struct StringView {
    let arena: StringArena
    let stride: Int
    let validity: Validity?
    let isAllNull: Bool
    /// The arena's storage, held here so row access is plain array reads in this module.
    private let bytes: [UInt8]
    private let offsets: [Int]

    init(arena: StringArena, stride: Int, validity: Validity?, isAllNull: Bool) {
        self.arena = arena
        self.stride = stride
        self.validity = validity
        self.isAllNull = isAllNull
        bytes = arena.bytes
        offsets = arena.offsets
    }

    /// Calls `body` with the bytes of row `row`. (Reads the arena's arrays directly: the
    /// arena's own generic accessor lives in another module and is not specialised here.)
    @inline(__always)
    func withBytes<R>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        let r = row &* stride
        let start = offsets[r], end = offsets[r &+ 1]
        return try bytes.withUnsafeBufferPointer { all in
            try body(UnsafeBufferPointer(start: all.baseAddress.map { $0 + start }, count: end &- start))
        }
    }

    /// The constant's text (for a constant operand).
    var constantText: String? { stride == 0 && !isAllNull ? arena[0] : nil }
}

enum OperandViewError: Error { case storageMismatch }

extension ScalarOperand {
    /// The operand as a one-row column (constants) or itself (columns), with its stride.
    private func storage() -> (Column, Int, Bool) {
        switch self {
        case let .column(c): return (c, 1, false)
        case let .constant(v, t): return (ScalarOperand.broadcast(v, type: t, count: 1), 0, v.isNull)
        }
    }

    func int32View() -> FixedWidthView<Int32> {
        let (c, stride, allNull) = storage()
        if case let .int32(v) = c.values { return FixedWidthView(values: v, stride: stride, validity: stride == 0 ? nil : c.validity, isAllNull: allNull) }
        return FixedWidthView(values: [0], stride: 0, validity: nil, isAllNull: true)
    }

    func int64View() -> FixedWidthView<Int64> {
        let (c, stride, allNull) = storage()
        if case let .int64(v) = c.values { return FixedWidthView(values: v, stride: stride, validity: stride == 0 ? nil : c.validity, isAllNull: allNull) }
        return FixedWidthView(values: [0], stride: 0, validity: nil, isAllNull: true)
    }

    func doubleView() -> FixedWidthView<Double> {
        let (c, stride, allNull) = storage()
        if case let .double(v) = c.values { return FixedWidthView(values: v, stride: stride, validity: stride == 0 ? nil : c.validity, isAllNull: allNull) }
        return FixedWidthView(values: [0], stride: 0, validity: nil, isAllNull: true)
    }

    func booleanView() -> FixedWidthView<Bool> {
        let (c, stride, allNull) = storage()
        if case let .boolean(v) = c.values { return FixedWidthView(values: v, stride: stride, validity: stride == 0 ? nil : c.validity, isAllNull: allNull) }
        return FixedWidthView(values: [false], stride: 0, validity: nil, isAllNull: true)
    }

    func stringView() -> StringView {
        let (c, stride, allNull) = storage()
        if case let .string(a) = c.values { return StringView(arena: a, stride: stride, validity: stride == 0 ? nil : c.validity, isAllNull: allNull) }
        return StringView(arena: StringArena([""]), stride: 0, validity: nil, isAllNull: true)
    }

    /// The validity of the operand over `rowCount` rows (nil: no NULLs).
    func validity(rowCount: Int) -> Validity? {
        switch self {
        case let .column(c): return c.validity
        case let .constant(v, _): return v.isNull ? Validity(count: rowCount, allValid: false) : nil
        }
    }

    /// The constant as a string, if it is a non-NULL constant.
    var constantString: String? {
        switch constantValue {
        case let .string(s)?, let .decimal(s)?, let .json(s)?: return s
        default: return nil
        }
    }
}
