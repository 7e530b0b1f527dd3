import SparkifyTables

extension ScalarFunctionRegistry {
    static func miscFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        list += define(["monotonically_increasing_id"], [], deterministic: false, result: { _ in .bigint }) { call in
            // Spark: partition index in the upper 31 bits, row position in the lower 33.
            let base = Int64(call.context.rowSource.partitionIndex) << 33 + Int64(call.context.rowSource.firstRowIndex)
            return ColumnMaker.int64(.bigint, count: call.rowCount, validity: nil) { out in
                for i in 0..<call.rowCount { out[i] = base + Int64(i) }
            }
        }
        list += define(["spark_partition_id"], [], deterministic: false, result: { _ in .int }) { call in
            ScalarOperand.broadcast(.int(Int32(call.context.rowSource.partitionIndex)), type: .int, count: call.rowCount)
        }
        list += define(["input_file_name"], [], deterministic: false, result: { _ in .string }) { call in
            if let names = call.context.rowSource.fileNames, names.count == call.rowCount { return names }
            return ScalarOperand.broadcast(.string(call.context.rowSource.fileName ?? ""), type: .string, count: call.rowCount)
        }
        list.append(ScalarFunction(name: "size", resolver: { types in
            guard types.count == 1 else { throw FunctionErrors.wrongArgumentCount("size", expected: "1", actual: types.count) }
            guard case .array = types[0] else {
                throw FunctionErrors.unexpectedInputType(signature("size", types), index: 0, required: "(\"ARRAY\" or \"MAP\")", actual: types[0])
            }
            return ResolvedScalarCall(resultType: .int, argumentTypes: types)
        }, evaluator: { call in
            // size(NULL) is NULL with ANSI on, -1 with it off (spark.sql.legacy.sizeOfNull).
            let view = call.arguments[0].stringView()
            let validity = call.arguments[0].validity(rowCount: call.rowCount)
            return RowMapper.map(.int, count: call.rowCount, validity: nil, as: Int32.self) { i in
                if view.isAllNull || !(validity?.isValid(i) ?? true) { return call.failOnError ? nil : -1 }
                return view.withBytes(i) { JSONArrayText.rawElements($0).map { Int32($0.count) } }
            }
        }))
        list.append(ScalarFunction(name: "element_at", resolver: { types in
            guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount("element_at", expected: "2", actual: types.count) }
            guard case let .array(element) = types[0] else {
                throw FunctionErrors.unexpectedInputType(signature("element_at", types), index: 0, required: "\"ARRAY\"", actual: types[0])
            }
            guard let index = SparkTypeCoercion.implicitCast(types[1], to: .type(.int)) else {
                throw FunctionErrors.unexpectedInputType(signature("element_at", types), index: 1, required: "\"INT\"", actual: types[1])
            }
            return ResolvedScalarCall(resultType: element, argumentTypes: [types[0], index])
        }, evaluator: { call in
            let arrays = call.arguments[0].stringView(), indices = call.arguments[1].int32View()
            var builder = ColumnBuilder(type: call.resultType, capacity: call.rowCount)
            let validity = ValidityOps.and([call.arguments[0].validity(rowCount: call.rowCount), call.arguments[1].validity(rowCount: call.rowCount)], count: call.rowCount)
            for i in 0..<call.rowCount {
                if arrays.isAllNull || indices.isAllNull || !(validity?.isValid(i) ?? true) { builder.appendNull(); continue }
                let index = Int(indices.values[i &* indices.stride])
                let elements = arrays.withBytes(i) { JSONArrayText.rawElements($0) } ?? []
                if index == 0 {
                    throw SQLError(.execution, "The index 0 is invalid. An index shall be either < 0 or > 0 (the first element has index 1).", errorClass: "INVALID_INDEX_OF_ZERO")
                }
                let position = index > 0 ? index - 1 : elements.count + index
                guard position >= 0, position < elements.count else {
                    if call.failOnError {
                        throw SQLError(.execution, "The index \(index) is out of bounds. The array has \(elements.count) elements. Use `try_element_at` to tolerate accessing element at invalid index and return NULL instead. " + FunctionErrors.ansiHint, errorClass: "INVALID_ARRAY_INDEX_IN_ELEMENT_AT")
                    }
                    builder.appendNull()
                    continue
                }
                builder.append(jsonElementValue(elements[position], type: call.resultType))
            }
            return builder.build()
        }))
        list.append(ScalarFunction(name: "array_contains", resolver: { types in
            guard types.count == 2 else { throw FunctionErrors.wrongArgumentCount("array_contains", expected: "2", actual: types.count) }
            guard case let .array(element) = types[0], let common = SparkTypeCoercion.commonType(element, types[1]) else {
                throw FunctionErrors.unexpectedInputType(signature("array_contains", types), index: 0, required: "\"ARRAY\"", actual: types[0])
            }
            return ResolvedScalarCall(resultType: .boolean, argumentTypes: [.array(common), common])
        }, evaluator: { call in
            let arrays = call.arguments[0].stringView()
            guard case let .array(elementType) = call.arguments[0].type else { return Column.nulls(.boolean, count: call.rowCount) }
            var builder = ColumnBuilder(type: .boolean, capacity: call.rowCount)
            for i in 0..<call.rowCount {
                let needle = call.arguments[1].value(at: i)
                if arrays.isAllNull || call.arguments[0].validity(rowCount: call.rowCount).map({ !$0.isValid(i) }) == true || needle.isNull {
                    builder.appendNull()
                    continue
                }
                let elements = arrays.withBytes(i) { JSONArrayText.rawElements($0) } ?? []
                var found = false, sawNull = false
                for element in elements {
                    guard let element else { sawNull = true; continue }
                    if jsonElementValue(element, type: elementType) == needle { found = true; break }
                }
                if found { builder.append(true) } else if sawNull { builder.appendNull() } else { builder.append(false) }
            }
            return builder.build()
        }))
        // Spark's cast functions: int(x), string(x), ... are CAST(x AS type).
        let casts: [(String, DataType)] = [
            ("int", .int), ("bigint", .bigint), ("double", .double), ("string", .string), ("boolean", .boolean),
            ("date", .date), ("timestamp", .timestamp),
        ]
        for (name, target) in casts {
            list.append(ScalarFunction(name: name, resolver: { types in
                guard types.count == 1 else { throw FunctionErrors.wrongArgumentCount(name, expected: "1", actual: types.count) }
                guard CastKernel.canCast(types[0], target) else { throw FunctionErrors.cannotCast(types[0], target) }
                return ResolvedScalarCall(resultType: target, argumentTypes: types)
            }, evaluator: { call in
                try CastKernel.cast(call.arguments[0], to: target, mode: call.failOnError ? .ansi : .legacy, rowCount: call.rowCount, context: call.context).materialize(rowCount: call.rowCount)
            }))
        }
        list.append(ScalarFunction(name: "typeof", resolver: { types in
            guard types.count == 1 else { throw FunctionErrors.wrongArgumentCount("typeof", expected: "1", actual: types.count) }
            return ResolvedScalarCall(resultType: .string, argumentTypes: types)
        }, evaluator: { call in
            ScalarOperand.broadcast(.string(call.arguments[0].type.simpleString), type: .string, count: call.rowCount)
        }))
        list += define(["isnan"], [.type(.double)], result: { _ in .boolean }) { call in
            let v = call.arguments[0].doubleView()
            // isnan(NULL) is false, never NULL.
            let validity = call.arguments[0].validity(rowCount: call.rowCount)
            return ColumnMaker.boolean(count: call.rowCount, validity: nil) { out in
                for i in 0..<call.rowCount where !v.isAllNull && (validity?.isValid(i) ?? true) { out[i] = v.values[i &* v.stride].isNaN }
            }
        }
        list += define(["nanvl"], [.type(.double), .type(.double)], result: { _ in .double }) { call in
            let a = call.arguments[0].materialize(rowCount: call.rowCount)
            guard case let .double(values) = a.values else { return a }
            let useSecond = ColumnMaker.boolean(count: call.rowCount, validity: nil) { out in
                for i in 0..<call.rowCount { out[i] = !a.isNull(i) && values[i].isNaN }
            }
            return try ConditionalKernels.caseWhen(conditions: [.column(useSecond)], values: [call.arguments[1]], otherwise: .column(a), resultType: .double, rowCount: call.rowCount)
        }
        list.append(ScalarFunction(name: "hash", resolver: { types in
            for (i, t) in types.enumerated() where !hashable(t) {
                throw FunctionErrors.unexpectedInputType(signature("hash", types), index: i, required: "hashable", actual: t)
            }
            return ResolvedScalarCall(resultType: .int, argumentTypes: types)
        }, evaluator: { call in
            var seeds = [Int32](repeating: SparkMurmur3.defaultSeed, count: call.rowCount)
            for argument in call.arguments {
                for i in 0..<call.rowCount {
                    seeds[i] = hashValue(argument.value(at: i), type: argument.type, seed: seeds[i])
                }
            }
            return Column(type: .int, values: .int32(seeds))
        }))
        list += define(["pi"], [], result: { _ in .double }) { call in
            ScalarOperand.broadcast(.double(Double.pi), type: .double, count: call.rowCount)
        }
        list += define(["e"], [], result: { _ in .double }) { call in
            ScalarOperand.broadcast(.double(2.718281828459045), type: .double, count: call.rowCount)
        }
        return list
    }

    static func hashable(_ type: DataType) -> Bool {
        switch type {
        case .null, .boolean, .int, .bigint, .double, .string, .date, .timestamp: return true
        case let .decimal(p, _): return p <= 18
        case let .array(element): return hashable(element)
        case .structure: return false
        }
    }

    /// Spark's `hash` of one value with `seed` (the running hash); NULL leaves the seed.
    static func hashValue(_ value: Value, type: DataType, seed: Int32) -> Int32 {
        switch value {
        case .null: return seed
        case let .boolean(b): return SparkMurmur3.hashInt(b ? 1 : 0, seed: seed)
        case let .int(v), let .date(v): return SparkMurmur3.hashInt(v, seed: seed)
        case let .bigint(v), let .timestamp(v): return SparkMurmur3.hashLong(v, seed: seed)
        case let .double(d):
            // -0.0 hashes as 0.0.
            return SparkMurmur3.hashLong(Int64(bitPattern: (d == 0 ? 0.0 : d).bitPattern), seed: seed)
        case let .string(s):
            var copy = s
            return copy.withUTF8 { SparkMurmur3.hashBytes($0, seed: seed) }
        case let .decimal(text):
            // Precision <= 18: the unscaled long at the type's scale.
            guard case let .decimal(_, scale) = type, let d = DecimalNumber.parse(text)?.rescaled(to: scale), let unscaled = Int64(exactly: d.unscaled) else { return seed }
            return SparkMurmur3.hashLong(unscaled, seed: seed)
        case let .json(text):
            guard case let .array(element) = type else { return seed }
            var running = seed
            var copy = text
            let items = copy.withUTF8 { JSONArrayText.rawElements($0) } ?? []
            for item in items { running = hashValue(jsonElementValue(item, type: element), type: element, seed: running) }
            return running
        }
    }

    /// A JSON array element as a value of the array's element type.
    static func jsonElementValue(_ raw: Substring?, type: DataType) -> Value {
        guard let raw else { return .null }
        switch type {
        case .string: return .string(JSONArrayText.unquote(raw))
        case .int: return Int32(raw).map(Value.int) ?? .null
        case .bigint: return Int64(raw).map(Value.bigint) ?? .null
        case .double: return Double(raw).map(Value.double) ?? .null
        case .boolean: return raw == "true" ? .boolean(true) : (raw == "false" ? .boolean(false) : .null)
        case .decimal: return .decimal(String(raw))
        default: return .json(String(raw))
        }
    }
}
