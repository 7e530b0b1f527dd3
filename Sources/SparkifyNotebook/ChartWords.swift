/// Splits the arguments of a chart into words as a shell would: blank space separates, and
/// `'…'` or `"…"` keep a word with spaces together (`\` escapes inside double quotes).
public enum ChartWords {
    /// The words of `text`, with their quotes removed.
    public static func split(_ text: String) throws(CellChart.Problem) -> [String] {
        try spans(text).map(\.word)
    }

    /// The words of `text` with where each starts and ends in it (quotes included).
    public static func spans(_ text: String) throws(CellChart.Problem) -> [(word: String, range: Range<String.Index>)] {
        var result: [(word: String, range: Range<String.Index>)] = []
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == " " || text[index] == "\t" {
                index = text.index(after: index)
                continue
            }
            let start = index
            var word = ""
            while index < text.endIndex, text[index] != " ", text[index] != "\t" {
                let character = text[index]
                if character == "\"" || character == "'" {
                    index = text.index(after: index)
                    var closed = false
                    while index < text.endIndex {
                        let inner = text[index]
                        if inner == character {
                            closed = true
                            break
                        }
                        if inner == "\\" && character == "\"", text.index(after: index) < text.endIndex {
                            index = text.index(after: index)
                        }
                        word.append(text[index])
                        index = text.index(after: index)
                    }
                    guard closed else { throw CellChart.Problem(message: "the quote \(character) is not closed") }
                    index = text.index(after: index)
                } else {
                    word.append(character)
                    index = text.index(after: index)
                }
            }
            result.append((word, start..<index))
        }
        return result
    }
}
