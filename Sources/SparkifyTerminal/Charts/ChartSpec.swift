/// How to draw a chart: its kind, title, how many bars, and the space and characters it has.
public struct ChartSpec: Sendable, Equatable {
    public var kind: ChartKind
    /// The title; nil for "VALUE by LABEL".
    public var title: String?
    /// Bars shown before the rest are left out (hbar, default 20) or summed as "other" (share,
    /// default 10); bar charts show every row that fits.
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
