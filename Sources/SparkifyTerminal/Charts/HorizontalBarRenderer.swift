/// Horizontal bars ranked by value, largest first: a label column, the zero line, each bar and
/// its value. Negative values grow left of the zero line.
struct HorizontalBarRenderer {
    let glyphs: ChartGlyphs
    let width: Int

    static let defaultTop = 20

    /// One bar: its label, value, and the text written after it.
    struct Bar {
        var label: String
        var value: Double?
        var text: String
    }

    func lines(_ data: ChartData, top: Int?) -> [String] {
        let ranked = data.ranked()
        let keep = max(1, top ?? Self.defaultTop)
        let shown = ranked.prefix(keep)
        let bars = zip(shown.labels, shown.values).map { label, value in
            Bar(label: label, value: value, text: value.map(ChartNumberFormat.format) ?? "NULL")
        }
        var lines = self.bars(bars, labelName: data.labelName, valueName: data.valueName)
        if ranked.count > keep {
            lines.append("\(ranked.count - keep) more not shown (\(ranked.count) in all; --top N shows more).")
        }
        return lines
    }

    /// A header of the two column names, then a line per bar scaled to the largest magnitude.
    func bars(_ bars: [Bar], labelName: String, valueName: String) -> [String] {
        let widestLabel = max(DisplayWidth.of(labelName), bars.map { DisplayWidth.of($0.label) }.max() ?? 0)
        let textWidth = bars.map { DisplayWidth.of($0.text) }.max() ?? 0
        // Labels take up to a third of the width, less when the values leave no room for bars.
        let labelWidth = max(1, min(widestLabel, max(6, width / 3), width - 5 - textWidth))
        let values = bars.compactMap(\.value)
        let high = max(0, values.max() ?? 0)
        let low = min(0, values.min() ?? 0)
        let area = max(2, width - labelWidth - 3 - textWidth)
        let leftCells = low < 0 ? max(1, min(area - 1, ChartMath.whole(Double(area) * -low / (high - low)))) : 0
        let rightCells = max(1, area - leftCells)
        let scale = max(high, -low)

        var lines = [glyphs.truncate(labelName, to: labelWidth).padded(to: labelWidth) + " " + String(repeating: " ", count: leftCells)
                     + glyphs.truncate(valueName, to: max(1, width - labelWidth - 1 - leftCells))]
        for bar in bars {
            var line = glyphs.truncate(bar.label, to: labelWidth).padded(to: labelWidth) + " "
            var right = ""
            if let value = bar.value, value < 0, scale > 0 {
                let cellsPerUnit = Double(leftCells) / -low
                let halves = glyphs.hasEighths ? max(1, ChartMath.whole(-value * cellsPerUnit * 2)) : ChartMath.whole(-value * cellsPerUnit) * 2
                let drawn = String(repeating: glyphs.full, count: halves / 2)
                let left = (halves % 2 == 1 ? glyphs.rightHalf : "") + drawn
                line += left.leftPadded(to: leftCells)
            } else {
                line += String(repeating: " ", count: leftCells)
                if let value = bar.value, value > 0, high > 0 {
                    right = glyphs.horizontalBar(eighths: glyphs.eighths(fraction: value / high, cells: rightCells))
                }
            }
            line += glyphs.verticalAxis + right + " " + bar.text
            lines.append(line)
        }
        return lines
    }
}
