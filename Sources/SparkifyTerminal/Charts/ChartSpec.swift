import SparkifyNotebook

/// How to draw a chart: its kind, title, how many bars, and the space and characters it has.
public struct ChartSpec: Sendable, Equatable {
    public var kind: ChartKind
    /// The title; nil for "VALUE by LABEL".
    public var title: String?
    /// Bars shown: the first rows of a bar chart (default: all that fit), the largest of hbar
    /// (default 20) with the rest left out, of share (default 10) with the rest summed as "other".
    public var top: Int?
    /// Terminal columns the chart fits into.
    public var width: Int
    public var charset: ChartCharset
    /// Rows of a vertical bar chart's plot.
    public var height: Int

    public init(kind: ChartKind, title: String? = nil, top: Int? = nil, width: Int = 80, charset: ChartCharset = .unicode, height: Int = 10) {
        self.kind = kind
        self.title = title
        self.top = top
        self.width = width
        self.charset = charset
        self.height = height
    }

    /// The title to show for `data`.
    public func title(for data: ChartData) -> String {
        if let title, !title.isEmpty { return title }
        return "\(data.valueName) by \(data.labelName)"
    }
}

extension ChartSpec {
    /// The spec of a chart a notebook cell declares, at this width and character set.
    public init(_ chart: CellChart, width: Int, charset: ChartCharset) {
        self.init(kind: chart.kind, title: chart.title, top: chart.top, width: width, charset: charset)
    }
}
