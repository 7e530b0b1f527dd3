import SparkifyTables

extension ScalarFunctionRegistry {
    static func stringFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        let string = ExpectedInput.type(.string), int = ExpectedInput.type(.int)
        for (names, upper) in [(["lower", "lcase"], false), (["upper", "ucase"], true)] {
            list += define(names, [string], result: { _ in .string }) { call in
                StringKernels.changeCase(call.arguments[0], upper: upper, rowCount: call.rowCount)
            }
        }
        let trims: [(String, StringKernels.TrimSide)] = [("trim", .both), ("btrim", .both), ("ltrim", .leading), ("rtrim", .trailing)]
        for (name, side) in trims {
            list += define([name], [string, string], optional: 1, result: { _ in .string }) { call in
                // Spark's two-argument forms: trim(trimStr, str), but btrim(str, trimStr).
                if call.arguments.count == 2, name != "btrim" {
                    return StringKernels.trim(call.arguments[1], characters: call.arguments[0], side: side, rowCount: call.rowCount)
                }
                return StringKernels.trim(call.arguments[0], characters: call.optional(1), side: side, rowCount: call.rowCount)
            }
        }
        list += define(["length", "char_length", "character_length", "len"], [string], result: { _ in .int }) { call in
            StringKernels.length(call.arguments[0], rowCount: call.rowCount)
        }
        list += define(["substring", "substr"], [string, int, int], optional: 1, result: { _ in .string }) { call in
            StringKernels.substring(call.arguments[0], position: call.arguments[1], length: call.optional(2), rowCount: call.rowCount)
        }
        list += define(["left"], [string, int], result: { _ in .string }) { call in
            StringKernels.substring(call.arguments[0], position: .constant(.int(1), .int), length: call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["right"], [string, int], result: { _ in .string }) { call in
            // right(str, n): the last n characters; '' for n <= 0.
            let n = call.arguments[1].int32View()
            let validity = call.arguments[1].validity(rowCount: call.rowCount)
            let positions = RowMapper.map(.int, count: call.rowCount, validity: validity, as: Int32.self) { i in
                n.isAllNull ? nil : -n.values[i &* n.stride]
            }
            let lengths = RowMapper.map(.int, count: call.rowCount, validity: validity, as: Int32.self) { i in
                n.isAllNull ? nil : (n.values[i &* n.stride] > 0 ? Int32.max : 0)
            }
            return StringKernels.substring(call.arguments[0], position: .column(positions), length: .column(lengths), rowCount: call.rowCount)
        }
        let digests: [([String], @Sendable (UnsafeBufferPointer<UInt8>) -> [UInt8])] = [(["md5"], Md5Digest.hex), (["sha1", "sha"], Sha1Digest.hex)]
        for (names, digest) in digests {
            list += define(names, [string], result: { _ in .string }) { call in
                let v = call.arguments[0].stringView()
                if v.isAllNull { return Column.nulls(.string, count: call.rowCount) }
                return RowMapper.mapString(.string, count: call.rowCount, validity: call.arguments[0].validity(rowCount: call.rowCount)) { i, out in
                    out.append(contentsOf: v.withBytes(i, digest))
                    return true
                }
            }
        }
        list += define(["concat", "||"], [], variadic: string, result: { _ in .string }) { call in
            StringKernels.concat(call.arguments, rowCount: call.rowCount)
        }
        list += define(["concat_ws"], [string], variadic: .anyOf([string, .type(.array(.string))]), result: { _ in .string }) { call in
            StringKernels.concatWithSeparator(call.arguments[0], Array(call.arguments.dropFirst()), rowCount: call.rowCount)
        }
        list += define(["split"], [string, string, int], optional: 1, result: { _ in .array(.string) }) { call in
            try RegexKernels.split(call.arguments[0], pattern: call.arguments[1], limit: call.optional(2), rowCount: call.rowCount)
        }
        list += define(["instr"], [string, string], result: { _ in .int }) { call in
            StringKernels.instr(call.arguments[0], call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["locate", "position"], [string, string, int], optional: 1, result: { _ in .int }) { call in
            StringKernels.locate(call.arguments[0], call.arguments[1], start: call.optional(2), rowCount: call.rowCount)
        }
        list += define(["replace"], [string, string, string], optional: 1, result: { _ in .string }) { call in
            StringKernels.replace(call.arguments[0], call.arguments[1], call.optional(2), rowCount: call.rowCount)
        }
        for (name, left) in [("lpad", true), ("rpad", false)] {
            list += define([name], [string, int, string], optional: 1, result: { _ in .string }) { call in
                try StringKernels.pad(call.arguments[0], length: call.arguments[1], padding: call.optional(2), left: left, rowCount: call.rowCount)
            }
        }
        list += define(["initcap"], [string], result: { _ in .string }) { call in
            StringKernels.initcap(call.arguments[0], rowCount: call.rowCount)
        }
        list += define(["reverse"], [string], result: { _ in .string }) { call in
            StringKernels.reverse(call.arguments[0], rowCount: call.rowCount)
        }
        list += define(["repeat"], [string, int], result: { _ in .string }) { call in
            try StringKernels.repeatString(call.arguments[0], times: call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["rlike", "regexp", "regexp_like"], [string, string], result: { _ in .boolean }) { call in
            try RegexKernels.like(call.arguments[0], pattern: call.arguments[1], rowCount: call.rowCount)
        }
        list += define(["regexp_extract"], [string, string, int], optional: 1, result: { _ in .string }) { call in
            try RegexKernels.extract(call.arguments[0], pattern: call.arguments[1], group: call.optional(2), rowCount: call.rowCount)
        }
        list += define(["regexp_replace"], [string, string, string], result: { _ in .string }) { call in
            try RegexKernels.replace(call.arguments[0], pattern: call.arguments[1], replacement: call.arguments[2], rowCount: call.rowCount)
        }
        for (name, ignoreCase) in [("like", false), ("ilike", true)] {
            list += define([name], [string, string, string], optional: 1, result: { _ in .boolean }) { call in
                try likeColumn(call, ignoreCase: ignoreCase)
            }
        }
        return list
    }

    /// `str LIKE pattern [ESCAPE c]` (`ILIKE`: both sides lower-cased first, as Spark does).
    static func likeColumn(_ call: ScalarCall, ignoreCase: Bool) throws -> Column {
        var escape: Character = "\\"
        if call.arguments.count > 2 {
            guard let text = try call.constantString(2, purpose: "escape character"), text.count == 1, let c = text.first else {
                throw SQLError(.analysis, "The escape character of \(call.name) must be a single character.", errorClass: "INVALID_ESCAPE_CHAR")
            }
            escape = c
        }
        let subject = call.arguments[0], patternOperand = call.arguments[1]
        let rowCount = call.rowCount
        let view = subject.stringView(), patterns = patternOperand.stringView()
        if view.isAllNull || patterns.isAllNull { return Column.nulls(.boolean, count: rowCount) }
        var cache: [String: LikePattern] = [:]
        func compiled(_ row: Int) throws -> LikePattern {
            var text = patterns.withBytes(row) { String(decoding: $0, as: UTF8.self) }
            if ignoreCase { text = text.lowercased() }
            if let found = cache[text] { return found }
            let pattern = try LikePattern(text, escape: escape)
            cache[text] = pattern
            return pattern
        }
        let constantPattern = patternOperand.isConstant ? try compiled(0) : nil
        let validity = ValidityOps.and([subject.validity(rowCount: rowCount), patternOperand.validity(rowCount: rowCount)], count: rowCount)
        var lowered: [UInt8] = []
        return try RowMapper.map(.boolean, count: rowCount, validity: validity, as: Bool.self) { i in
            let pattern = try constantPattern ?? compiled(i)
            return view.withBytes(i) { bytes in
                guard ignoreCase else { return pattern.matches(bytes) }
                lowered.removeAll(keepingCapacity: true)
                UTF8Text.appendCaseMapped(bytes, upper: false, to: &lowered)
                return lowered.withUnsafeBufferPointer { pattern.matches($0) }
            }
        }
    }
}
