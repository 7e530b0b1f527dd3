/// A chart a SQL cell draws of its table when it runs, declared in its marker's metadata:
/// `-- %% plays_by_hour chart="bar"` or, for several, `chart=["share os plays", "share browser plays"]`.
///
/// Each declaration reads like the arguments of the REPL's `.chart` with the cell's table in place
/// of the query: `KIND [LABEL_COLUMN VALUE_COLUMN] [--top N] [--title 'T']`. Without column names
/// the first column labels and the second holds the values. The marker is a `--` comment, so
/// Spark reads the file as it is.
public struct CellChart: Sendable, Equatable {
    /// The three kinds of chart.
    public enum Kind: String, Sendable, CaseIterable {
        /// Vertical bars over an ordered axis, in the table's row order.
        case bar
        /// Horizontal bars ranked by value, largest first.
        case hbar
        /// Shares of a whole: a 100% stacked bar, or ranked bars with percentages.
        case share
    }

    public var kind: Kind
    /// The column that labels the bars; nil for the table's first column.
    public var labelColumn: String?
    /// The column that holds the values; nil for the table's second column.
    public var valueColumn: String?
    /// Bars shown before the rest are left out (hbar) or summed as "other" (share).
    public var top: Int?
    /// The title; nil for "VALUE by LABEL".
    public var title: String?

    public init(kind: Kind, labelColumn: String? = nil, valueColumn: String? = nil, top: Int? = nil, title: String? = nil) {
        self.kind = kind
        self.labelColumn = labelColumn
        self.valueColumn = valueColumn
        self.top = top
        self.title = title
    }

    /// Why a chart declaration cannot be read.
    public struct Problem: Error, Sendable, Equatable {
        public var message: String
    }

    /// Reads one declaration: `hbar artist plays --top 5 --title 'Most played'`.
    public static func parse(_ text: String) throws(Problem) -> CellChart {
        let words = try ChartWords.split(text)
        guard let first = words.first else {
            throw Problem(message: "the chart is empty: write bar, hbar or share, then optionally the label and value columns")
        }
        guard let kind = Kind(rawValue: first.lowercased()) else {
            throw Problem(message: "unknown chart kind '\(first)': use bar, hbar or share")
        }
        var chart = CellChart(kind: kind)
        var columns: [String] = []
        var index = 1
        while index < words.count {
            let word = words[index]
            switch word {
            case "--top":
                guard index + 1 < words.count, let n = Int(words[index + 1]), n > 0 else {
                    throw Problem(message: "--top takes a positive number of bars")
                }
                chart.top = n
                index += 2
            case "--title":
                guard index + 1 < words.count else { throw Problem(message: "--title takes a title, in quotes when it has spaces") }
                chart.title = words[index + 1]
                index += 2
            default:
                if word.hasPrefix("--") { throw Problem(message: "unknown option \(word): a cell's chart takes --top N and --title T") }
                columns.append(word)
                index += 1
            }
        }
        switch columns.count {
        case 0: break
        case 2:
            chart.labelColumn = columns[0]
            chart.valueColumn = columns[1]
        default:
            throw Problem(message: "name two columns (the label, then the value) or none, not \(columns.count): \(columns.joined(separator: " "))")
        }
        return chart
    }

    /// The declarations of a `chart=` metadata value as written: `"bar"`, `bar`, or a list
    /// `["share os plays", "share browser plays"]`.
    static func parseMetadata(_ value: String) throws(Problem) -> [CellChart] {
        let trimmed = value.trimmingCharacters(in: " \t")
        let texts: [String]
        if trimmed.hasPrefix("[") {
            texts = CellMarker.tags(trimmed)
            if texts.isEmpty { throw Problem(message: "chart=[...] lists no charts: write chart=[\"bar\"] or chart=\"bar\"") }
        } else if let quote = trimmed.first, quote == "\"" || quote == "'" {
            texts = [try ChartWords.split(trimmed).first ?? ""]
        } else {
            texts = [trimmed]
        }
        var charts: [CellChart] = []
        for text in texts { charts.append(try parse(text)) }
        return charts
    }
}
