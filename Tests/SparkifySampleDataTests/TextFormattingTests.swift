import Testing
@testable import SparkifySampleData

@Suite("JSON text and numbers")
struct TextFormattingTests {
    private func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func songFilesEscapeLikePython() {
        #expect(text(JSONText.quoted("Beyonc\u{E9}", escapeSlash: false, nonASCII: .escaped)) == #""Beyonc\u00e9""#)
        #expect(text(JSONText.quoted("\u{1D11E} Prelude", escapeSlash: false, nonASCII: .escaped)) == #""\ud834\udd1e Prelude""#)
        #expect(text(JSONText.quoted("AC/DC", escapeSlash: false, nonASCII: .escaped)) == #""AC/DC""#)
        #expect(text(JSONText.quoted("Say \"Hi\" \\ o", escapeSlash: false, nonASCII: .escaped)) == #""Say \"Hi\" \\ o""#)
        #expect(text(JSONText.quoted("a\u{1}b\nc", escapeSlash: false, nonASCII: .escaped)) == #""a\u0001b\nc""#)
    }

    @Test func logLinesEscapeSlashesAndMayKeepRawUTF8() {
        #expect(text(JSONText.quoted("Blue October / Imogen Heap", escapeSlash: true, nonASCII: .raw)) == #""Blue October \/ Imogen Heap""#)
        let raw = JSONText.quoted("Beyonc\u{E9}", escapeSlash: true, nonASCII: .raw)
        #expect(raw == [0x22] + Array("Beyonc".utf8) + [0xC3, 0xA9, 0x22])
        // A double-encoded name stays double-encoded: its four bytes are two characters.
        let mojibake = JSONText.quoted("Beyonc\u{C3}\u{A9}", escapeSlash: true, nonASCII: .raw)
        #expect(mojibake == [0x22] + Array("Beyonc".utf8) + [0xC3, 0x83, 0xC2, 0xA9, 0x22])
    }

    @Test func fixedPointNumbersPrintLikePythonFloats() {
        let cases: [(Int, String)] = [
            (21_893_179, "218.93179"), (44_026_730, "440.2673"), (3_500_000, "35.0"),
            (-9_004_892, "-90.04892"), (12, "0.00012"), (0, "0.0"), (100_001, "1.00001"),
        ]
        for (value, expected) in cases {
            let buffer = OutputBuffer(capacity: 8)
            buffer.appendFixedPoint5(value)
            #expect(text(buffer.bytes) == expected)
        }
    }

    @Test func integersAndGrowth() {
        let buffer = OutputBuffer(capacity: 8)
        for value in [0, 7, -42, 1_541_030_400_000, Int.max, Int.min + 1] {
            buffer.appendDecimal(value)
            buffer.append(UInt8(ascii: ","))
        }
        #expect(text(buffer.bytes) == "0,7,-42,1541030400000,\(Int.max),\(Int.min + 1),")
    }

    @Test func weightedDrawsFollowTheWeights() {
        var random = RandomSource(seed: 5)
        let sampler = WeightedSampler(weights: [0, 1, 0, 3])
        var counts = [0, 0, 0, 0]
        for _ in 0..<4_000 { counts[sampler.draw(&random)] += 1 }
        #expect(counts[0] == 0 && counts[2] == 0)
        #expect(counts[3] > 2 * counts[1] && counts[1] > 500)

        let zipf = WeightedSampler(zipfRanks: [2, 0, 1])
        var popular = [0, 0, 0]
        for _ in 0..<3_000 { popular[zipf.draw(&random)] += 1 }
        #expect(popular[1] > popular[2] && popular[2] > popular[0])
    }
}
