import SparkifyTables

extension ScalarFunctionRegistry {
    /// `array(...)`, `named_struct(...)`, `sort_array(arr[, asc])`: arrays and structs as their
    /// JSON text (see `DataType`).
    static func collectionFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        list.append(ScalarFunction(name: "array", resolver: { types in
            // array() is array<void>; otherwise every element is cast to the common type.
            guard !types.isEmpty else { return ResolvedScalarCall(resultType: .array(.null), argumentTypes: []) }
            guard let common = SparkTypeCoercion.commonType(types) else {
                throw FunctionErrors.noCommonType(signature("array", types), types)
            }
            return ResolvedScalarCall(resultType: .array(common), argumentTypes: types.map { _ in common })
        }, evaluator: { call in
            let columns = call.arguments.map { $0.materialize(rowCount: call.rowCount) }
            return RowMapper.mapString(call.resultType, count: call.rowCount, validity: nil) { i, out in
                out.append(UInt8(ascii: "["))
                for (k, column) in columns.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    if column.isNull(i) { out.appendString("null") } else { JSONText.append(column, row: i, to: &out) }
                }
                out.append(UInt8(ascii: "]"))
                return true
            }
        }))
        list.append(ScalarFunction(name: "named_struct", constantAwareResolver: { types, constants in
            guard !types.isEmpty, types.count % 2 == 0 else {
                throw FunctionErrors.wrongArgumentCount("named_struct", expected: "2n (n > 0)", actual: types.count)
            }
            var fields: [Field] = []
            for k in stride(from: 0, to: types.count, by: 2) {
                guard k < constants.count, case let .string(name)? = constants[k] else {
                    throw SQLError(.analysis, "Cannot resolve \"\(signature("named_struct", types))\" due to data type mismatch: Only foldable `STRING` expressions are allowed to appear at odd position.", errorClass: "DATATYPE_MISMATCH.CREATE_NAMED_STRUCT_WITHOUT_FOLDABLE_STRING")
                }
                fields.append(Field(name, types[k + 1], nullable: true))
            }
            return ResolvedScalarCall(resultType: .structure(fields), argumentTypes: types)
        }, evaluator: { call in
            guard case let .structure(fields) = call.resultType else { return Column.nulls(call.resultType, count: call.rowCount) }
            let values = stride(from: 1, to: call.arguments.count, by: 2).map { call.arguments[$0].materialize(rowCount: call.rowCount) }
            let names: [[UInt8]] = fields.map { field in
                var quoted: [UInt8] = []
                JSONText.appendQuoted(field.name, to: &quoted)
                return quoted + [UInt8(ascii: ":")]
            }
            return RowMapper.mapString(call.resultType, count: call.rowCount, validity: nil) { i, out in
                out.append(UInt8(ascii: "{"))
                for (k, column) in values.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: names[k])
                    if column.isNull(i) { out.appendString("null") } else { JSONText.append(column, row: i, to: &out) }
                }
                out.append(UInt8(ascii: "}"))
                return true
            }
        }))
        list.append(ScalarFunction(name: "sort_array", constantAwareResolver: { types, constants in
            guard types.count == 1 || types.count == 2 else {
                throw FunctionErrors.wrongArgumentCount("sort_array", expected: "[1, 2]", actual: types.count)
            }
            var arrayType = types[0]
            if arrayType == .null { arrayType = .array(.null) }
            guard case .array = arrayType else {
                throw FunctionErrors.unexpectedInputType(signature("sort_array", types), index: 0, required: "\"ARRAY\"", actual: types[0])
            }
            if types.count == 2 {
                guard types[1] == .boolean, constants.count == 2, constants[1] != nil else {
                    throw SQLError(.analysis, "Cannot resolve \"\(signature("sort_array", types))\" due to data type mismatch: The second parameter requires the \"BOOLEAN\" type, and must be a constant.", errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
                }
            }
            return ResolvedScalarCall(resultType: arrayType, argumentTypes: [arrayType] + types.dropFirst())
        }, evaluator: { call in
            guard case let .array(element) = call.resultType else { return Column.nulls(call.resultType, count: call.rowCount) }
            var ascending = true
            if call.arguments.count == 2 {
                guard case let .boolean(flag)? = call.arguments[1].constantValue else {
                    throw SQLError(.execution, "sort_array: the sort order must be a constant boolean.", errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
                }
                ascending = flag
            }
            let view = call.arguments[0].stringView()
            if view.isAllNull { return Column.nulls(call.resultType, count: call.rowCount) }
            return RowMapper.mapString(call.resultType, count: call.rowCount, validity: call.arguments[0].validity(rowCount: call.rowCount)) { i, out in
                var items = view.withBytes(i) { JSONArrayText.rawElements($0) } ?? []
                // NULLs first ascending, last descending (Spark's sort_array).
                items.sort { a, b in
                    guard let a else { return ascending && b != nil }
                    guard let b else { return !ascending }
                    let order = NestedOrder.compare(a, b, type: element)
                    return ascending ? order < 0 : order > 0
                }
                out.append(UInt8(ascii: "["))
                for (k, item) in items.enumerated() {
                    if k > 0 { out.append(UInt8(ascii: ",")) }
                    out.append(contentsOf: Array((item ?? "null").utf8))
                }
                out.append(UInt8(ascii: "]"))
                return true
            }
        }))
        return list
    }
}

/// The order Spark sorts values stored as JSON text in (array elements, struct fields).
enum NestedOrder {
    /// -1, 0 or 1 comparing the non-NULL raw JSON values `a` and `b` of type `type`.
    static func compare(_ a: Substring, _ b: Substring, type: DataType) -> Int {
        switch type {
        case .int, .bigint:
            return compareOrdered(Int64(a) ?? 0, Int64(b) ?? 0)
        case .double:
            return ComparisonKernels.compareDoubles(Double(JSONArrayText.unquote(a)) ?? .nan, Double(JSONArrayText.unquote(b)) ?? .nan)
        case .decimal:
            guard let x = DecimalNumber.parse(String(a)), let y = DecimalNumber.parse(String(b)) else { return compareText(a, b) }
            return ComparisonKernels.compareDecimals(x, y)
        case .boolean:
            return compareOrdered(a == "true" ? 1 : 0, b == "true" ? 1 : 0)
        case let .array(element):
            var x = String(a), y = String(b)
            let left = x.withUTF8 { JSONArrayText.rawElements($0) } ?? []
            let right = y.withUTF8 { JSONArrayText.rawElements($0) } ?? []
            return compareSequences(left, right, types: Array(repeating: element, count: max(left.count, right.count)))
        case let .structure(fields):
            let left = JSONObjectText.fieldValues(a, fields: fields), right = JSONObjectText.fieldValues(b, fields: fields)
            return compareSequences(left, right, types: fields.map(\.type))
        default:
            // Strings, dates and timestamps (quoted ISO text) compare by their unquoted bytes.
            return compareText(Substring(JSONArrayText.unquote(a)), Substring(JSONArrayText.unquote(b)))
        }
    }

    /// Element by element (NULL first), then the shorter first.
    private static func compareSequences(_ left: [Substring?], _ right: [Substring?], types: [DataType]) -> Int {
        for k in 0..<min(left.count, right.count) {
            switch (left[k], right[k]) {
            case (nil, nil): continue
            case (nil, _): return -1
            case (_, nil): return 1
            case let (x?, y?):
                let order = compare(x, y, type: types[k])
                if order != 0 { return order }
            }
        }
        return compareOrdered(left.count, right.count)
    }

    private static func compareText(_ a: Substring, _ b: Substring) -> Int {
        var x = String(a), y = String(b)
        return x.withUTF8 { xb in y.withUTF8 { yb in ComparisonKernels.compareBytes(xb, yb) } }
    }

    private static func compareOrdered<T: Comparable>(_ a: T, _ b: T) -> Int {
        a < b ? -1 : (a == b ? 0 : 1)
    }
}

extension ScalarFunctionRegistry {
    /// `arr[i]` (registered as `[]`: 0-based, `[INVALID_ARRAY_INDEX]` out of range under ANSI),
    /// `get(arr, i)` (0-based, NULL out of range) and `array_join(arr, sep[, nullText])`.
    static func subscriptFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        for (name, tolerant) in [("[]", false), ("get", true)] {
            list.append(ScalarFunction(name: name, resolver: { types in
                guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount(name, expected: "2", actual: types.count) }
                guard case let .array(element) = types[0] else {
                    throw FunctionErrors.unexpectedInputType(signature(name, types), index: 0, required: "\"ARRAY\"", actual: types[0])
                }
                guard [.int, .bigint, .null].contains(types[1]) else {
                    throw FunctionErrors.unexpectedInputType(signature(name, types), index: 1, required: "\"INTEGRAL\"", actual: types[1])
                }
                return ResolvedScalarCall(resultType: element, argumentTypes: [types[0], .bigint])
            }, evaluator: { call in
                let arrays = call.arguments[0].stringView(), indices = call.arguments[1].int64View()
                if arrays.isAllNull || indices.isAllNull { return Column.nulls(call.resultType, count: call.rowCount) }
                let validity = ValidityOps.and([call.arguments[0].validity(rowCount: call.rowCount), call.arguments[1].validity(rowCount: call.rowCount)], count: call.rowCount)
                var picked: [Substring?] = []
                picked.reserveCapacity(call.rowCount)
                for i in 0..<call.rowCount {
                    guard validity?.isValid(i) ?? true else { picked.append(nil); continue }
                    let index = indices.values[i &* indices.stride]
                    let elements = arrays.withBytes(i) { JSONArrayText.rawElements($0) } ?? []
                    guard index >= 0, index < elements.count else {
                        if !tolerant && call.failOnError {
                            throw SQLError(.execution, "The index \(index) is out of bounds. The array has \(elements.count) elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. " + FunctionErrors.ansiHint, errorClass: "INVALID_ARRAY_INDEX")
                        }
                        picked.append(nil)
                        continue
                    }
                    picked.append(elements[Int(index)])
                }
                return try NestedValues.column(picked, type: call.resultType)
            }))
        }
        list += define(["array_join"], [.type(.array(.string)), .type(.string), .type(.string)], optional: 1, result: { _ in .string }) { call in
            let arrays = call.arguments[0].stringView(), separators = call.arguments[1].stringView()
            let replacement = call.optional(2)?.stringView()
            if arrays.isAllNull || separators.isAllNull || replacement?.isAllNull == true { return Column.nulls(.string, count: call.rowCount) }
            let validity = ValidityOps.and(call.arguments.map { $0.validity(rowCount: call.rowCount) }, count: call.rowCount)
            return RowMapper.mapString(.string, count: call.rowCount, validity: validity) { i, out in
                let separator = separators.withBytes(i) { Array($0) }
                let nullText = replacement.map { r in r.withBytes(i) { Array($0) } }
                var first = true
                for item in arrays.withBytes(i, JSONArrayText.strings) {
                    // NULL elements are skipped unless a replacement is given.
                    guard let text = item.map({ Array($0.utf8) }) ?? nullText else { continue }
                    if !first { out.append(contentsOf: separator) }
                    out.append(contentsOf: text)
                    first = false
                }
                return true
            }
        }
        return list
    }
}

/// Array elements and struct fields (raw JSON text) as a column of their SQL type.
enum NestedValues {
    private static let utc = EvaluationContext(timeZone: .utc, ansiEnabled: true)

    /// `raws[i]` (nil for NULL) read as `type`.
    static func column(_ raws: [Substring?], type: DataType) throws -> Column {
        switch type {
        case .date, .timestamp:
            // Stored as quoted text (timestamps in UTC, see JSONText); cast back.
            var builder = ColumnBuilder(type: .string, capacity: raws.count)
            for raw in raws {
                if let raw { builder.append(.string(JSONArrayText.unquote(raw))) } else { builder.appendNull() }
            }
            return try CastKernel.cast(builder.build(), to: type, mode: .ansi, context: utc)
        default:
            var builder = ColumnBuilder(type: type, capacity: raws.count)
            for raw in raws { builder.append(ScalarFunctionRegistry.jsonElementValue(raw, type: type)) }
            return builder.build()
        }
    }
}

extension ScalarFunctionRegistry {
    /// `s.field` / `s['field']` (registered as `.`): the field named by the constant second
    /// argument (any case), NULL when the struct is NULL; `[FIELD_NOT_FOUND]` for an unknown name.
    static func fieldFunctions() -> [ScalarFunction] {
        [ScalarFunction(name: ".", constantAwareResolver: { types, constants in
            guard types.count == 2, case let .structure(fields) = types[0] else {
                throw FunctionErrors.unexpectedInputType(signature(".", types), index: 0, required: "\"STRUCT\"", actual: types.first ?? .null)
            }
            guard constants.count == 2, case let .string(name)? = constants[1] else {
                throw SQLError(.analysis, "A struct field must be named by a constant string.", errorClass: "DATATYPE_MISMATCH.UNEXPECTED_INPUT_TYPE")
            }
            guard let field = fields.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                throw SQLError(.analysis, "No such struct field `\(name)` in \(fields.map { "`\($0.name)`" }.joined(separator: ", ")).", errorClass: "FIELD_NOT_FOUND")
            }
            return ResolvedScalarCall(resultType: field.type, argumentTypes: types)
        }, evaluator: { call in
            guard case let .structure(fields) = call.arguments[0].type, case let .string(name)? = call.arguments[1].constantValue,
                  let field = fields.first(where: { $0.name.lowercased() == name.lowercased() }) else {
                return Column.nulls(call.resultType, count: call.rowCount)
            }
            let structs = call.arguments[0].stringView()
            if structs.isAllNull { return Column.nulls(call.resultType, count: call.rowCount) }
            let validity = call.arguments[0].validity(rowCount: call.rowCount)
            var picked: [Substring?] = []
            picked.reserveCapacity(call.rowCount)
            for i in 0..<call.rowCount {
                guard validity?.isValid(i) ?? true else { picked.append(nil); continue }
                picked.append(structs.withBytes(i) { JSONObjectText.fieldValues(Substring(decoding: $0, as: UTF8.self), fields: [field])[0] })
            }
            return try NestedValues.column(picked, type: call.resultType)
        })]
    }
}
