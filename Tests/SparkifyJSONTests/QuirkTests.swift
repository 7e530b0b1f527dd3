import Testing
import SparkifyJSON
import SparkifyTables

@Suite struct QuirkTests {
    func load(bytes: [UInt8]) throws -> JSONReadResult {
        let dir = TempDirectory()
        return try readJSON(dir.write("a.json", bytes: bytes))
    }

    func load(_ text: String) throws -> JSONReadResult { try load(bytes: Array(text.utf8)) }

    @Test func escapes() throws {
        let result = try load(#"{"s":"a\/b \"q\" \\ \n\t\u00e9 \ud83d\ude00"}"# + "\n")
        #expect(result.table.values("s") == [.string("a/b \"q\" \\ \n\t\u{e9} \u{1F600}")])
    }

    @Test func loneSurrogateBecomesReplacementCharacter() throws {
        let result = try load(#"{"s":"x\ud800y","t":"\udc00"}"# + "\n")
        #expect(result.table.values("s") == [.string("x\u{FFFD}y")])
        #expect(result.table.values("t") == [.string("\u{FFFD}")])
    }

    @Test func doubleEncodedNamesAreKeptByteForByte() throws {
        let bytes: [UInt8] = Array("{\"artist\":\"Bj".utf8) + [0xC3, 0x83, 0xC2, 0xB6] + Array("rk\"}\n".utf8)
        let result = try load(bytes: bytes)
        let column = try #require(result.table.column(named: "artist"))
        guard case let .string(arena) = column.values else { Issue.record("not text"); return }
        #expect(arena.withBytes(at: 0) { Array($0) } == Array("Bj".utf8) + [0xC3, 0x83, 0xC2, 0xB6] + Array("rk".utf8))
    }

    @Test func invalidUTF8IsReplacedNeverACrash() throws {
        let bytes: [UInt8] = Array("{\"s\":\"a".utf8) + [0xFF, 0xC3] + Array("b\",\"n\":{\"k\":\"".utf8) + [0xFE] + Array("\"}}\n".utf8)
        let result = try load(bytes: bytes)
        #expect(result.table.values("s") == [.string("a\u{FFFD}\u{FFFD}b")])
        #expect(result.table.values("n") == [.json("{\"k\":\"\u{FFFD}\"}")])
        #expect(result.malformedCount == 0)
    }

    @Test func doubleWithZeroFractionStaysDouble() throws {
        let result = try load("{\"r\":1540919166796.0}\n")
        #expect(result.table.schemaText == "r double")
        #expect(result.table.values("r") == [.double(1540919166796)])
    }

    @Test func doublesParseExactly() throws {
        let texts = ["0.1", "655.77751", "1.7976931348623157e308", "5e-324", "123456789012345678901234.5", "2.2250738585072014E-308", "0.30000000000000004"]
        let result = try load(texts.map { "{\"d\":\($0)}" }.joined(separator: "\n"))
        #expect(result.table.values("d") == texts.map { .double(Double($0)!) })
    }

    @Test func controlCharacterInAStringIsMalformed() throws {
        let result = try load("{\"s\":\"a\tb\"}\n{\"s\":\"ok\"}\n")
        #expect(result.malformedCount == 1)
        #expect(result.table.values("s") == [.null, .string("ok")])
    }

    @Test func deepNestingIsMalformedNotACrash() throws {
        let deep = String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000)
        let result = try load("{\"a\":\(deep)}\n{\"a\":[1]}\n")
        #expect(result.malformedCount == 1)
        #expect(result.table.rowCount == 2)
    }

    @Test func invalidNumbersAndLiteralsAreMalformed() throws {
        for bad in ["{\"a\":01}", "{\"a\":1.}", "{\"a\":+1}", "{\"a\":.5}", "{\"a\":tru}", "{\"a\":nul}", "{\"a\":1e}", "{\"a\":-}", "{\"a\" 1}", "{\"a\":1,}", "{a:1}", "{\"a\":\"x\\q\"}"] {
            let result = try load(bad + "\n{\"a\":1}\n")
            #expect(result.malformedCount == 1, "\(bad)")
        }
    }
}
