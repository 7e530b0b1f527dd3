/// Draws a chart as text for the terminal: the same data and spec always give the same characters.
public struct ChartRenderer: Sendable {
    public var spec: ChartSpec

    public init(spec: ChartSpec) { self.spec = spec }

    /// The chart, ending with a newline: a title, the bars, the axes and notes.
    public func render(_ data: ChartData) -> String {
        let glyphs = spec.charset.glyphs
        let width = max(20, spec.width)
        var lines = [glyphs.truncate(spec.title(for: data), to: width)]
        if data.count == 0 {
            lines.append("(no rows: nothing to chart)")
        } else if data.values.allSatisfy({ $0 == nil }) {
            lines.append("(every value of \(data.valueName) is NULL: nothing to chart)")
        } else {
            switch spec.kind {
            case .bar: lines += VerticalBarRenderer(glyphs: glyphs, width: width, height: max(2, spec.height)).lines(data)
            case .hbar: lines += HorizontalBarRenderer(glyphs: glyphs, width: width).lines(data, top: spec.top)
            case .share: lines += ShareChartRenderer(glyphs: glyphs, width: width).lines(data, top: spec.top)
            }
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }

    /// The text padded with spaces on the right to `width` display cells.
    func padded(to width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - DisplayWidth.of(self)))
    }

    /// The text padded with spaces on the left to `width` display cells.
    func leftPadded(to width: Int) -> String {
        String(repeating: " ", count: max(0, width - DisplayWidth.of(self))) + self
    }
}
