import Testing
@testable import SparkifySQL

@Suite struct ParseHighlighterTests {
    func classify(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        return SQLHighlighter.tokens(in: text).map { token in
            "\(token.kind.rawValue):" + String(decoding: bytes[token.utf8Range], as: UTF8.self)
        }
    }

    @Test func classifiesEveryKind() {
        #expect(classify("SELECT `a b`, x1 FROM t WHERE s = 'it\\'s' AND n >= 1.5e-3 -- done") == [
            "keyword:SELECT", "quotedIdentifier:`a b`", "symbol:,", "identifier:x1", "keyword:FROM", "identifier:t",
            "keyword:WHERE", "identifier:s", "symbol:=", "string:'it\\'s'", "keyword:AND", "identifier:n",
            "symbol:>", "symbol:=", "number:1.5e-3", "comment:-- done",
        ])
        #expect(classify("select ${hivevar:dir} /* a /* b */ c */ \"q\"") == [
            "keyword:select", "variable:${hivevar:dir}", "comment:/* a /* b */ c */", "string:\"q\"",
        ])
    }

    @Test func unterminatedPiecesRunToTheEnd() {
        #expect(classify("SELECT 'abc") == ["keyword:SELECT", "string:'abc"])
        #expect(classify("SELECT /* open") == ["keyword:SELECT", "comment:/* open"])
        #expect(classify("`x") == ["quotedIdentifier:`x"])
        #expect(classify("'\\") == ["string:'\\"])
    }

    @Test func neverTrapsAndCoversAllNonBlankText() {
        var generator = SplitMix(seed: 3)
        let alphabet = Array("ab1.'\"`/*-${}\\ é\n;")
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let tokens = SQLHighlighter.tokens(in: text)
            var previousEnd = 0
            for token in tokens {
                #expect(token.utf8Range.lowerBound >= previousEnd && token.utf8Range.upperBound <= text.utf8.count, "\(text)")
                previousEnd = token.utf8Range.upperBound
            }
        }
    }
}
