import Testing
import SparkifyJSON
import SparkifyTables

@Suite struct ModeTests {
    let text = "{\"a\":1,\"b\":\"x\"}\n{\"a\":2,\"b\":\n{\"a\":3,\"b\":\"z\"}\nnot json\n"

    @Test func permissiveKeepsRowsWithCorruptRecord() throws {
        let dir = TempDirectory()
        let path = dir.write("m.json", text)
        let result = try readJSON(path)
        #expect(result.table.schemaText == "_corrupt_record string, a bigint, b string")
        #expect(result.table.values("a") == [.bigint(1), .null, .bigint(3), .null])
        #expect(result.table.values("_corrupt_record") == [.null, .string("{\"a\":2,\"b\":"), .null, .string("not json")])
        #expect(result.malformedCount == 2)
        #expect(result.malformedSamples.map(\.line) == [2, 4])
        #expect(result.malformedSamples.allSatisfy { $0.file == path })
        #expect(result.malformedSummary()?.hasPrefix("2 malformed records (permissive: kept with _corrupt_record); first at \(path):2, \(path):4") == true)
    }

    @Test func corruptColumnNameIsAnOption() throws {
        let dir = TempDirectory()
        let result = try readJSON(dir.write("m.json", text), ["columnNameOfCorruptRecord": "bad"])
        #expect(result.table.schema.names == ["a", "b", "bad"])
    }

    @Test func dropMalformedDropsRows() throws {
        let dir = TempDirectory()
        let result = try readJSON(dir.write("m.json", text), ["mode": "DROPMALFORMED"])
        #expect(result.table.schemaText == "a bigint, b string")
        #expect(result.table.values("a") == [.bigint(1), .bigint(3)])
        #expect(result.malformedCount == 2)
    }

    @Test func failFastNamesFileAndLine() throws {
        let dir = TempDirectory()
        let path = dir.write("m.json", text)
        do {
            _ = try readJSON(path, ["mode": "failfast"])
            Issue.record("no error")
        } catch let error as JSONReadError {
            #expect(error.kind == .malformed)
            #expect(error.file == path)
            #expect(error.line == 2)
            #expect(error.description.hasPrefix("\(path):2: malformed record"))
        }
    }

    @Test func failFastOnPrettyPrintedFileSuggestsMultiLine() throws {
        let dir = TempDirectory()
        let path = dir.write("p.json", "{\n  \"a\": 1\n}\n")
        #expect { try readJSON(path, ["mode": "FAILFAST"]) } throws: { error in
            "\(error)".contains("multiLine") && (error as? JSONReadError)?.line == 1
        }
    }

    @Test func emptyStringInANumberColumnFailsOnlyAgainstTheFinalSchema() throws {
        let dir = TempDirectory()
        let path = dir.write("e.json", "{\"n\":\"\",\"k\":1}\n{\"n\":2,\"k\":2}\n")
        let permissive = try readJSON(path)
        #expect(permissive.table.values("k") == [.bigint(1), .bigint(2)])
        #expect(permissive.table.values("n") == [.null, .bigint(2)])
        #expect(permissive.malformedCount == 1)
        let dropped = try readJSON(path, ["mode": "dropMalformed"])
        #expect(dropped.table.values("k") == [.bigint(2)])
        #expect(dropped.fileRowStarts == [0])
        #expect(throws: JSONReadError.self) { try readJSON(path, ["mode": "failFast"]) }
    }

    @Test func emptyStringFailureFillsCorruptColumnWhenItExists() throws {
        let dir = TempDirectory()
        let path = dir.write("e.json", "{\"n\":\"\"}\n{\"n\":2}\nbad\n")
        let result = try readJSON(path)
        #expect(result.table.values("_corrupt_record") == [.string("{\"n\":\"\"}"), .null, .string("bad")])
        #expect(result.malformedCount == 2)
    }

    @Test func nullRecordIsMalformed() throws {
        let dir = TempDirectory()
        let result = try readJSON(dir.write("n.json", "null\n{\"a\":1}\n"))
        #expect(result.malformedCount == 1)
        #expect(result.table.values("a") == [.null, .bigint(1)])
    }

    @Test func malformedRecordDoesNotChangeInferredTypes() throws {
        // The bad line's "a" (a string) must not widen "a" as Spark ignores malformed records.
        let dir = TempDirectory()
        let result = try readJSON(dir.write("w.json", "{\"a\":1}\n{\"a\":\"x\",\"zz\":1,\n{\"a\":2}\n"))
        #expect(result.table.schemaText == "_corrupt_record string, a bigint")
        #expect(result.table.values("a") == [.bigint(1), .null, .bigint(2)])
    }

    @Test func modeAndOptionsParseCaseInsensitively() throws {
        #expect(JSONParseMode(sparkName: "PERMISSIVE") == .permissive)
        #expect(JSONParseMode(sparkName: "DropMalformed") == .dropMalformed)
        #expect(JSONParseMode(sparkName: "failfast") == .failFast)
        #expect(JSONParseMode(sparkName: "strict") == nil)
        let options = try JSONReadOptions(options: ["MULTILINE": "True", "Mode": "failFast", "recursivefilelookup": "true"])
        #expect(options.multiLine && options.mode == .failFast && options.recursiveFileLookup)
        #expect(throws: JSONReadError.self) { try JSONReadOptions(options: ["mode": "lenient"]) }
        #expect(throws: JSONReadError.self) { try JSONReadOptions(options: ["multiLine": "yes"]) }
        #expect(throws: JSONReadError.self) { try JSONReadOptions(options: ["sampleRatio": "0.5"]) }
    }
}
