import SparkifyTables

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
                if call.resultType == .string || call.resultType.isNested {
                    // The common `split(s, ',')[i]`: element bytes copied straight from the JSON.
                    var slices: [Range<Int>] = []
                    let isString = call.resultType == .string
                    return try RowMapper.mapString(call.resultType, count: call.rowCount, validity: validity) { i, out in
                        let index = indices.values[i &* indices.stride]
                        return try arrays.withBytes(i) { bytes in
                            _ = JSONArrayText.elementSlices(bytes, into: &slices)
                            guard index >= 0, index < slices.count else {
                                if !tolerant && call.failOnError { throw invalidIndex(index, count: slices.count) }
                                return false
                            }
                            let slice = slices[Int(index)]
                            if JSONArrayText.isNull(bytes, slice) { return false }
                            if isString { JSONArrayText.appendUnquoted(bytes, slice, to: &out) } else { out.append(contentsOf: bytes[slice]) }
                            return true
                        }
                    }
                }
                var picked: [Substring?] = []
                picked.reserveCapacity(call.rowCount)
                for i in 0..<call.rowCount {
                    guard validity?.isValid(i) ?? true else { picked.append(nil); continue }
                    let index = indices.values[i &* indices.stride]
                    let elements = arrays.withBytes(i) { JSONArrayText.rawElements($0) } ?? []
                    guard index >= 0, index < elements.count else {
                        if !tolerant && call.failOnError { throw invalidIndex(index, count: elements.count) }
                        picked.append(nil)
                        continue
                    }
                    picked.append(elements[Int(index)])
                }
                return try NestedValues.column(picked, type: call.resultType)
            }))
        }
        @Sendable func invalidIndex(_ index: Int64, count: Int) -> SQLError {
            SQLError(.execution, "The index \(index) is out of bounds. The array has \(count) elements. Use the SQL function `get()` to tolerate accessing element at invalid index and return NULL instead. " + FunctionErrors.ansiHint, errorClass: "INVALID_ARRAY_INDEX")
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
