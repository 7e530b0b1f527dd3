@testable import SparkifySQL
import SparkifyTables
import Testing

/// Arrays and structs are JSON text: element access, ordering and printing must read any
/// JSON the reader or the aggregates produce (escapes, nesting, spacing, NULLs).
@Suite struct FunctionsNestedTextTests {
    /// The elements `elementSlices` finds, decoded as `arr[i]` returns them (nil for NULL).
    private func elements(_ json: String) -> [String?]? {
        var copy = json
        return copy.withUTF8 { bytes -> [String?]? in
            var slices: [Range<Int>] = []
            guard JSONArrayText.elementSlices(bytes, into: &slices) else { return nil }
            return slices.map { slice -> String? in
                if JSONArrayText.isNull(bytes, slice) { return nil }
                var out: [UInt8] = []
                JSONArrayText.appendUnquoted(bytes, slice, to: &out)
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    @Test func elementSlicesDecodeEscapesAndKeepNestedText() {
        #expect(elements(#"["a","b\"c",null]"#) == ["a", "b\"c", nil])
        #expect(elements(#"[ "x\ny" , "\u00e9\ud83d\ude00" ]"#) == ["x\ny", "é😀"])
        #expect(elements(#"[[1,2],{"a":"]"},3]"#) == ["[1,2]", #"{"a":"]"}"#, "3"])
        #expect(elements("[]") == [])
        #expect(elements("not json") == nil)
        #expect(elements(#"["unterminated"#) == nil)
    }

    @Test func structMembersMatchFieldsByNameInAnyOrder() {
        let fields = [Field("a", .int), Field("B", .string), Field("missing", .string)]
        let values = JSONObjectText.fieldValues(#"{"b" : "x,}", "a":1}"#, fields: fields)
        #expect(values == ["1", #""x,}""#, nil])
        #expect(JSONObjectText.rawMembers("[1]") == nil)
    }

    @Test func nestedValuesPrintAsSparkShowsThem() {
        let type = DataType.structure([Field("a", .array(.double)), Field("b", .structure([Field("c", .string)]))])
        var out: [UInt8] = []
        Caster.appendNestedText(#"{"a":[1.0E7,null,"NaN"],"b":{"c":"x"}}"#, type: type, to: &out)
        #expect(String(decoding: out, as: UTF8.self) == "{[1.0E7, null, NaN], {x}}")
    }

    @Test func nestedOrderComparesElementsByTheirType() {
        #expect(NestedOrder.compare("10", "9", type: .int) > 0)
        #expect(NestedOrder.compare(#""NaN""#, "1.5", type: .double) > 0)
        #expect(NestedOrder.compare("2.50", "2.5", type: .decimal(precision: 3, scale: 2)) == 0)
        #expect(NestedOrder.compare("[1,2]", "[1]", type: .array(.int)) > 0)
        #expect(NestedOrder.compare(#""B""#, #""a""#, type: .string) < 0)
    }
}
