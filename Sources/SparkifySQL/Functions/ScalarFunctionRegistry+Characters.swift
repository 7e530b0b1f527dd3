import SparkifyTables

extension ScalarFunctionRegistry {
    /// `octet_length`, `bit_length`, `startswith`, `endswith`, `contains`, `char`/`chr`.
    static func characterFunctions() -> [ScalarFunction] {
        var list: [ScalarFunction] = []
        let string = ExpectedInput.type(.string)
        for (name, bitsPerByte) in [("octet_length", Int32(1)), ("bit_length", Int32(8))] {
            list += define([name], [string], result: { _ in .int }) { call in
                let v = call.arguments[0].stringView()
                if v.isAllNull { return Column.nulls(.int, count: call.rowCount) }
                return RowMapper.map(.int, count: call.rowCount, validity: call.arguments[0].validity(rowCount: call.rowCount), as: Int32.self) { i in
                    v.withBytes(i) { Int32($0.count) &* bitsPerByte }
                }
            }
        }
        let tests: [(String, @Sendable (UnsafeBufferPointer<UInt8>, UnsafeBufferPointer<UInt8>) -> Bool)] = [
            ("startswith", { s, p in p.count <= s.count && zip(s, p).allSatisfy { $0 == $1 } }),
            ("endswith", { s, p in p.count <= s.count && zip(s[(s.count - p.count)...], p).allSatisfy { $0 == $1 } }),
            ("contains", { s, p in containsBytes(s, p) }),
        ]
        for (name, test) in tests {
            list += define([name], [string, string], result: { _ in .boolean }) { call in
                let a = call.arguments[0].stringView(), b = call.arguments[1].stringView()
                if a.isAllNull || b.isAllNull { return Column.nulls(.boolean, count: call.rowCount) }
                let validity = ValidityOps.and([call.arguments[0].validity(rowCount: call.rowCount), call.arguments[1].validity(rowCount: call.rowCount)], count: call.rowCount)
                return RowMapper.map(.boolean, count: call.rowCount, validity: validity, as: Bool.self) { i in
                    a.withBytes(i) { s in b.withBytes(i) { p in test(s, p) } }
                }
            }
        }
        list += define(["char", "chr"], [.type(.bigint)], result: { _ in .string }) { call in
            // Spark: '' for a negative code, otherwise the Latin-1 character of code % 256.
            let v = call.arguments[0].int64View()
            if v.isAllNull { return Column.nulls(.string, count: call.rowCount) }
            return RowMapper.mapString(.string, count: call.rowCount, validity: call.arguments[0].validity(rowCount: call.rowCount)) { i, out in
                let code = v.values[i &* v.stride]
                if code >= 0, let scalar = Unicode.Scalar(UInt32(code & 0xFF)) {
                    out.append(contentsOf: Array(String(Character(scalar)).utf8))
                }
                return true
            }
        }
        return list
    }

    /// Whether `needle` occurs in `haystack` (byte-wise; an empty needle always does).
    static func containsBytes(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: UnsafeBufferPointer<UInt8>) -> Bool {
        if needle.isEmpty { return true }
        if needle.count > haystack.count { return false }
        let first = needle[0]
        var start = 0
        while start <= haystack.count - needle.count {
            if haystack[start] == first {
                var k = 1
                while k < needle.count, haystack[start + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            start += 1
        }
        return false
    }
}
