/// Draws a chart as text for the terminal: the same data and spec always give the same characters.
public struct ChartRenderer: Sendable {
    public var spec: ChartSpec

    public init(spec: ChartSpec) { self.spec = spec }

    /// The chart, ending with a newline: a title, the bars, the axes and notes.
    public func render(_ given: ChartData) -> String {
        let data = Self.printable(given)
        let glyphs = spec.charset.glyphs
        let width = max(20, spec.width)
        var lines = [Self.printable(spec.title(for: data))]
        if data.count == 0 {
            lines.append("(no rows: nothing to chart)")
        } else if data.values.allSatisfy({ $0 == nil }) {
            lines.append("(every value of \(data.valueName) is NULL: nothing to chart)")
        } else {
            switch spec.kind {
            case .bar: lines += VerticalBarRenderer(glyphs: glyphs, width: width, height: max(2, spec.height)).lines(data, top: spec.top)
            case .hbar: lines += HorizontalBarRenderer(glyphs: glyphs, width: width).lines(data, top: spec.top)
            case .share: lines += ShareChartRenderer(glyphs: glyphs, width: width).lines(data, top: spec.top)
            }
        }
        return lines.flatMap { Self.wrap($0.trimmingTrailingSpaces(), to: width) }.joined(separator: "\n") + "\n"
    }

    /// The data with every text on one line: tabs and newlines as `\t` and `\n` (as tables
    /// show them), other control characters (an escape sequence's ESC) dropped.
    static func printable(_ data: ChartData) -> ChartData {
        ChartData(labels: data.labels.map(printable), values: data.values,
                  labelName: printable(data.labelName), valueName: printable(data.valueName))
    }

    static func printable(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return text }
        var out = ""
        for scalar in text.replacingControlCharacters().unicodeScalars where scalar.value >= 0x20 && scalar.value != 0x7F {
            out.unicodeScalars.append(scalar)
        }
        return out
    }

    /// A line longer than `width` (a note or message; bars always fit) broken at spaces, and
    /// a word longer than the width cut.
    static func wrap(_ line: String, to width: Int) -> [String] {
        guard DisplayWidth.of(line) > width else { return [line] }
        var lines: [String] = []
        var current = ""
        for word in line.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = current.isEmpty ? String(word) : current + " " + word
            if DisplayWidth.of(candidate) <= width {
                current = candidate
                continue
            }
            if !current.isEmpty { lines.append(current) }
            current = DisplayWidth.of(String(word)) <= width ? String(word) : DisplayWidth.truncate(String(word), to: width, ellipsis: "")
        }
        if !current.isEmpty { lines.append(current) }
        return lines
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
