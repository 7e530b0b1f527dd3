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
