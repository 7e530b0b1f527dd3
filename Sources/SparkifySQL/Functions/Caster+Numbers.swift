import SparkifyTables

extension Caster {
    func toBoolean() throws -> Column {
        let validity = column.validity
        switch column.values {
        case let .string(arena):
            guard case .string = source else { throw unsupported() }
            return try RowMapper.map(.boolean, count: count, validity: validity, as: Bool.self) { i in
                if let b = arena.withBytes(at: i, NumberText.parseBoolean) { return b }
                return try invalid(i)
            }
        case let .int32(values) where source == .int:
            return RowMapper.map(.boolean, count: count, validity: validity, as: Bool.self) { values[$0] != 0 }
        case let .int64(values) where source == .bigint:
            return RowMapper.map(.boolean, count: count, validity: validity, as: Bool.self) { values[$0] != 0 }
        case let .double(values):
            return RowMapper.map(.boolean, count: count, validity: validity, as: Bool.self) { values[$0] != 0 }
        default:
            if case .decimal = source, case let .string(arena) = column.values {
                return RowMapper.map(.boolean, count: count, validity: validity, as: Bool.self) { i in
                    arena.withBytes(at: i) { DecimalNumber.parse($0)?.unscaled != 0 }
                }
            }
            throw unsupported()
        }
    }

    /// The source as exact 64-bit integers (truncating fractions), for integral targets.
    private func integral(overflowLimit: ClosedRange<Int64>) throws -> Column {
        let type: DataType = overflowLimit == Int64(Int32.min)...Int64(Int32.max) ? .int : .bigint
        let validity = column.validity
        let narrow = type == .int
        func store(_ v: Int64, _ i: Int) throws -> Int64? {
            if overflowLimit.contains(v) { return v }
            if mode == .legacy { return narrow ? Int64(Int32(truncatingIfNeeded: v)) : v }
            return try overflow(i)
        }
        let wide: Column
        switch (source, column.values) {
        case let (.int, .int32(values)):
            wide = RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { Int64(values[$0]) }
        case let (.bigint, .int64(values)):
            wide = try RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { try store(values[$0], $0) }
        case let (.timestamp, .int64(values)):
            wide = try RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { try store(floorDivide(values[$0], 1_000_000), $0) }
        case let (.boolean, .boolean(values)):
            wide = RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { values[$0] ? 1 : 0 }
        case let (.double, .double(values)):
            let low = Double(overflowLimit.lowerBound), high = Double(overflowLimit.upperBound)
            wide = try RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { i in
                let d = values[i]
                if d.rounded(.down) <= high && d.rounded(.up) >= low, !d.isNaN {
                    // Int64(high) is 2^63, one past the range: clamp like Java's (long) cast.
                    if d >= 9.223372036854775807e18 { return Int64.max }
                    return Int64(d.rounded(.towardZero))
                }
                if mode == .legacy {
                    if d.isNaN { return 0 }
                    let clamped = d >= 9.223372036854775807e18 ? Int64.max : d <= -9.223372036854775808e18 ? Int64.min : Int64(d.rounded(.towardZero))
                    return narrow ? Int64(Int32(clamping: clamped)) : clamped
                }
                return try overflow(i)
            }
        case let (.decimal, .string(arena)):
            wide = try RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { i in
                if let v = arena.withBytes(at: i, { DecimalNumber.parse($0)?.truncatedInt64 }) { return try store(v, i) }
                return try overflow(i)
            }
        case let (.string, .string(arena)):
            let allowFraction = mode == .legacy
            wide = try RowMapper.map(.bigint, count: count, validity: validity, as: Int64.self) { i in
                guard let v = arena.withBytes(at: i, { NumberText.parseInt64($0, allowFraction: allowFraction) }), overflowLimit.contains(v) else {
                    return try invalid(i)
                }
                return v
            }
        default:
            throw unsupported()
        }
        return wide
    }

    func toInt64() throws -> Column {
        try integral(overflowLimit: Int64.min...Int64.max)
    }

    func toInt32() throws -> Column {
        let wide = try integral(overflowLimit: Int64(Int32.min)...Int64(Int32.max))
        guard case let .int64(values) = wide.values else { throw unsupported() }
        let narrow = values.map { Int32(truncatingIfNeeded: $0) }
        return Column(type: .int, values: .int32(narrow), validity: wide.validity)
    }

    func toDouble() throws -> Column {
        let validity = column.validity
        switch (source, column.values) {
        case let (.int, .int32(values)):
            return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { Double(values[$0]) }
        case let (.bigint, .int64(values)):
            return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { Double(values[$0]) }
        case let (.timestamp, .int64(values)):
            return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { Double(values[$0]) / 1_000_000 }
        case let (.boolean, .boolean(values)):
            return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { values[$0] ? 1 : 0 }
        case let (.decimal, .string(arena)):
            return RowMapper.map(.double, count: count, validity: validity, as: Double.self) { i in
                arena.withBytes(at: i) { Double(String(decoding: $0, as: UTF8.self)) }
            }
        case let (.string, .string(arena)):
            return try RowMapper.map(.double, count: count, validity: validity, as: Double.self) { i in
                if let d = arena.withBytes(at: i, NumberText.parseDouble) { return d }
                return try invalid(i)
            }
        default:
            throw unsupported()
        }
    }

    func toDecimal(precision: Int, scale: Int) throws -> Column {
        let validity = column.validity
        let type = DataType.decimal(precision: precision, scale: scale)
        func emit(_ d: DecimalNumber?, _ i: Int, _ out: inout [UInt8], malformed: Bool) throws -> Bool {
            guard let d else {
                if malformed { let _: Bool? = try invalid(i) } else { let _: Bool? = try overflow(i) }
                return false
            }
            guard let fitted = d.fitted(precision: precision, scale: scale) else {
                let _: Bool? = try overflow(i)
                return false
            }
            out.appendString(fitted.text)
            return true
        }
        switch (source, column.values) {
        case let (.int, .int32(values)):
            return try RowMapper.mapString(type, count: count, validity: validity) { i, out in try emit(DecimalNumber(Int64(values[i])), i, &out, malformed: false) }
        case let (.bigint, .int64(values)):
            return try RowMapper.mapString(type, count: count, validity: validity) { i, out in try emit(DecimalNumber(values[i]), i, &out, malformed: false) }
        case let (.boolean, .boolean(values)):
            return try RowMapper.mapString(type, count: count, validity: validity) { i, out in try emit(DecimalNumber(values[i] ? 1 : 0), i, &out, malformed: false) }
        case let (.timestamp, .int64(values)):
            return try RowMapper.mapString(type, count: count, validity: validity) { i, out in try emit(DecimalNumber(unscaled: Int128(values[i]), scale: 6), i, &out, malformed: false) }
        case let (.double, .double(values)):
            return try RowMapper.mapString(type, count: count, validity: validity) { i, out in try emit(DecimalNumber.from(double: values[i]), i, &out, malformed: false) }
        case let (.decimal, .string(arena)), let (.string, .string(arena)):
            let malformed = source == .string
            return try RowMapper.mapString(type, count: count, validity: validity) { i, out in
                try emit(arena.withBytes(at: i, DecimalNumber.parse), i, &out, malformed: malformed)
            }
        default:
            throw unsupported()
        }
    }
}
