import SparkifyNotebook

/// The arguments of `.chart KIND QUERY-or-TABLE [--top N] [--title T] [--svg FILE]`, taken apart.
struct ChartRequest: Equatable {
    var kind: ChartKind
    /// A table's name or a query, as typed (without a final `;`).
    var source: String
    var top: Int?
    var title: String?
    var svgPath: String?

    static let usage = ".chart KIND QUERY|TABLE [OPTIONS]"

    /// Reads the text after `.chart`; the options follow the query.
    static func parse(_ text: String) throws(UsageError) -> ChartRequest {
        let spans: [(word: String, range: Range<String.Index>)]
        do { spans = try ChartWords.spans(text) } catch { throw UsageError(detail: "In the .chart arguments, \(error.message).") }
        guard let first = spans.first else { throw UsageError(detail: nil) }
        guard let kind = ChartKind(rawValue: first.word.lowercased()) else {
            throw UsageError(detail: "Unknown chart kind \(first.word): use bar (vertical bars in row order), hbar (ranked horizontal bars) or share (shares of a whole).")
        }
        var request = ChartRequest(kind: kind, source: "")
        // The query runs up to the first option (a word starting with `--`, not in quotes).
        let firstOption = spans.indices.dropFirst().first { text[spans[$0].range].hasPrefix("--") } ?? spans.count
        let sourceRange: Range<String.Index>? = firstOption > 1 ? spans[1].range.lowerBound..<spans[firstOption - 1].range.upperBound : nil
        var index = firstOption
        while index < spans.count {
            let word = spans[index].word
            guard text[spans[index].range].hasPrefix("--") else {
                throw UsageError(detail: "Put the options after the query; '\(word)' follows them.")
            }
            guard ["--top", "--title", "--svg"].contains(word.lowercased()) else {
                throw UsageError(detail: "Unknown option \(word): .chart takes --top N, --title T and --svg FILE.")
            }
            guard sourceRange != nil else { throw UsageError(detail: "Name a table or write a query before \(word).") }
            guard index + 1 < spans.count else { throw UsageError(detail: "\(word) needs a value.") }
            let value = spans[index + 1].word
            switch word.lowercased() {
            case "--top":
                guard let n = Int(value), n > 0 else { throw UsageError(detail: "--top takes a positive number of bars, not \(value).") }
                request.top = n
            case "--title": request.title = value
            default: request.svgPath = value
            }
            index += 2
        }
        guard let sourceRange else { throw UsageError(detail: "Name a table or write a query to chart.") }
        var source = String(text[sourceRange])
        while source.hasSuffix(";") || source.last?.isWhitespace == true { source.removeLast() }
        guard !source.isEmpty else { throw UsageError(detail: "Name a table or write a query to chart.") }
        request.source = source
        return request
    }
}
