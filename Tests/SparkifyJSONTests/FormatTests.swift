import Testing
import SparkifyJSON
import SparkifyTables

@Suite struct FormatTests {
    @Test func jsonLinesWithAndWithoutFinalNewline() throws {
        let dir = TempDirectory()
        let with = dir.write("a.json", "{\"x\":1}\n{\"x\":2}\n")
        let without = dir.write("b.json", "{\"x\":1}\n{\"x\":2}")
        for path in [with, without] {
            let result = try readJSON(path)
            #expect(result.table.values("x") == [.bigint(1), .bigint(2)])
            #expect(result.malformedCount == 0)
        }
    }

    @Test func crlfBlankLinesAndBOM() throws {
        let dir = TempDirectory()
        let path = dir.write("a.json", bytes: [0xEF, 0xBB, 0xBF] + Array("{\"s\":\"a\"}\r\n\r\n   \r\n{\"s\":\"b\"}\r\n\n".utf8))
        let result = try readJSON(path)
        #expect(result.table.values("s") == [.string("a"), .string("b")])
        #expect(result.malformedCount == 0)
        #expect(result.table.schemaText == "s string")
    }

    @Test func loneCarriageReturnSeparatesRecords() throws {
        let dir = TempDirectory()
        let path = dir.write("a.json", "{\"x\":1}\r{\"x\":2}\n")
        #expect(try readJSON(path).table.values("x") == [.bigint(1), .bigint(2)])
    }

    @Test func gzipFilesAreInflated() throws {
        let dir = TempDirectory()
        var text = ""
        for i in 0..<1000 { text += "{\"i\":\(i),\"s\":\"row \(i)\"}\n" }
        let path = dir.writeGzip("a.json.gz", text)
        let result = try readJSON(path)
        #expect(result.table.rowCount == 1000)
        #expect(result.table.values("i").last == .bigint(999))
        #expect(result.bytesRead < text.utf8.count)
    }

    @Test func corruptGzipIsAnError() throws {
        let dir = TempDirectory()
        let good = TempDirectory.gzip(Array("{\"a\":1}\n".utf8))
        let path = dir.write("a.json.gz", bytes: Array(good.prefix(good.count - 6)))
        #expect(throws: JSONReadError.self) { try readJSON(path) }
        let notGzip = dir.write("b.json.gz", "{\"a\":1}\n")
        #expect(throws: JSONReadError.self) { try readJSON(notGzip) }
    }

    @Test func multiLineObjectAndArray() throws {
        let dir = TempDirectory()
        dir.write("d/1.json", "{\n  \"a\": 1,\n  \"b\": \"x\"\n}\n")
        dir.write("d/2.json", "[\n  {\"a\": 2},\n  {\"a\": 3, \"b\": \"y\"}\n]")
        let result = try readJSON(dir.path + "/d", ["multiLine": "true"])
        #expect(result.table.values("a") == [.bigint(1), .bigint(2), .bigint(3)])
        #expect(result.table.values("b") == [.string("x"), .null, .string("y")])
        #expect(result.fileRowStarts == [0, 1])
    }

    @Test func prettyPrintedFileWithoutMultiLineIsMalformedLineByLine() throws {
        let dir = TempDirectory()
        let path = dir.write("p.json", "{\n  \"a\": 1,\n  \"b\": 2\n}\n")
        let result = try readJSON(path)
        #expect(result.table.schemaText == "_corrupt_record string")
        #expect(result.table.values("_corrupt_record") == [.string("{"), .string("  \"a\": 1,"), .string("  \"b\": 2"), .string("}")])
        #expect(result.malformedCount == 4)
        #expect(result.looksMultiLine)
        #expect(result.malformedSummary()?.contains("multiLine") == true)
        #expect(result.malformedSamples.map(\.line) == [1, 2, 3, 4])
    }

    @Test func topLevelArrayInLinesModeGivesARowPerObject() throws {
        let dir = TempDirectory()
        let path = dir.write("a.json", "[{\"a\":1},{\"a\":2}]\n[]\n{\"a\":3}\n")
        let result = try readJSON(path)
        #expect(result.table.values("a") == [.bigint(1), .bigint(2), .bigint(3)])
        #expect(result.malformedCount == 0)
    }

    @Test func emptyObjectGivesANullRow() throws {
        let dir = TempDirectory()
        let path = dir.write("a.json", "{}\n{\"a\":1}\n")
        #expect(try readJSON(path).table.values("a") == [.null, .bigint(1)])
    }

    @Test func emptyFilesGiveAnEmptyTable() throws {
        let dir = TempDirectory()
        dir.write("d/a.json", "")
        dir.write("d/b.json", "\n\n")
        let result = try readJSON(dir.path + "/d")
        #expect(result.table.rowCount == 0)
        #expect(result.table.schema.count == 0)
        #expect(result.files.count == 2)
    }

    @Test func trailingTextAfterTheRecordIsIgnoredAsSparkDoes() throws {
        let dir = TempDirectory()
        let path = dir.write("a.json", "{\"a\":1} trailing\n")
        let result = try readJSON(path)
        #expect(result.table.values("a") == [.bigint(1)])
        #expect(result.malformedCount == 0)
    }

    @Test func multiLineGzipAndMalformedDocument() throws {
        let dir = TempDirectory()
        dir.writeGzip("d/1.json.gz", "[\n {\"a\": 1},\n {\"a\": 2}\n]\n")
        dir.write("d/2.json", "{\n  \"a\": 3,\n  \"b\": \n}\n")
        let result = try readJSON(dir.path + "/d", ["multiLine": "true"])
        #expect(result.table.values("a") == [.bigint(1), .bigint(2), .null])
        #expect(result.table.values("_corrupt_record")[2] == .string("{\n  \"a\": 3,\n  \"b\": \n}\n"))
        #expect(result.malformedCount == 1)
        #expect(result.malformedSamples.first?.line == 4)
    }
}
