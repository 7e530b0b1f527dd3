import Foundation

/// Writes a chart as a standalone SVG image (for reports): the same kinds, ranking, top N and
/// shares as the terminal's, drawn with rectangles and text; every text is XML-escaped.
public struct SVGChartWriter: Sendable {
    public var spec: ChartSpec
    /// Image width in pixels.
    public var pixelWidth: Double

    public init(spec: ChartSpec, pixelWidth: Double = 640) {
        self.spec = spec
        self.pixelWidth = pixelWidth
    }

    static let palette = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"]
    static let margin = 16.0
    /// Pixels a character of 11-pixel text takes, roughly, to decide what fits.
    static let characterWidth = 6.6

    /// The SVG document.
    public func svg(_ data: ChartData) -> String {
        var canvas = SVGCanvas()
        canvas.text(spec.title(for: data), x: Self.margin, y: 26, size: 16, weight: "bold")
        var height: Double
        if data.count == 0 || data.values.allSatisfy({ $0 == nil }) {
            canvas.text(data.count == 0 ? "No rows: nothing to chart." : "Every value of \(data.valueName) is NULL: nothing to chart.",
                        x: Self.margin, y: 56, size: 12, fill: "#555")
            height = 76
        } else {
            switch spec.kind {
            case .bar: height = verticalBars(data, on: &canvas)
            case .hbar: height = horizontalBars(hbarRows(data), header: (data.labelName, data.valueName), top: 44, on: &canvas)
            case .share: height = shares(data, on: &canvas)
            }
        }
        return canvas.document(width: pixelWidth, height: height.rounded(.up))
    }

    private func hbarRows(_ data: ChartData) -> [(label: String, value: Double?, text: String, color: String)] {
        let shown = data.ranked().prefix(max(1, spec.top ?? HorizontalBarRenderer.defaultTop))
        return zip(shown.labels, shown.values).map { ($0, $1, $1.map(ChartNumberFormat.format) ?? "NULL", Self.palette[0]) }
    }

    /// Vertical bars in row order over a zero line; returns the image height.
    private func verticalBars(_ data: ChartData, on canvas: inout SVGCanvas) -> Double {
        let (low, high) = data.range
        let span = high - low > 0 ? high - low : 1
        let plotLeft = 64.0, plotRight = pixelWidth - Self.margin, plotTop = 56.0, plotHeight = 240.0
        let slot = (plotRight - plotLeft) / Double(data.count)
        let barWidth = max(1, slot * 0.8)
        let zeroY = plotTop + plotHeight * high / span
        canvas.text(data.valueName, x: Self.margin, y: 46, size: 11, fill: "#555")
        canvas.text(ChartNumberFormat.format(high), x: plotLeft - 6, y: plotTop + 4, size: 11, anchor: "end")
        canvas.text("0", x: plotLeft - 6, y: zeroY + 4, size: 11, anchor: "end")
        if low < 0 { canvas.text(ChartNumberFormat.format(low), x: plotLeft - 6, y: plotTop + plotHeight + 4, size: 11, anchor: "end") }
        canvas.line(x1: plotLeft, y1: plotTop, x2: plotLeft, y2: plotTop + plotHeight)
        let widest = Double(data.labels.map(\.count).max() ?? 1)
        let labelChars = min(widest, 14)
        let every = max(1, ChartMath.whole((labelChars * Self.characterWidth + 4) / slot, .up))
        // Below negative bars' values when there are any.
        let labelY = plotTop + plotHeight + (low < 0 ? 28 : 18)
        for (index, value) in data.values.enumerated() {
            let x = plotLeft + Double(index) * slot + (slot - barWidth) / 2
            if let value {
                let y = plotTop + plotHeight * (high - max(value, 0)) / span
                let h = plotHeight * abs(value) / span
                canvas.rect(x: x, y: y, width: barWidth, height: h, fill: Self.palette[value < 0 ? 2 : 0], title: "\(data.labels[index]): \(ChartNumberFormat.format(value))")
                let text = ChartNumberFormat.format(value)
                if Double(text.count) * Self.characterWidth * 0.9 <= slot {
                    canvas.text(text, x: x + barWidth / 2, y: value < 0 ? y + h + 11 : y - 3, size: 10, anchor: "middle", fill: "#333")
                }
            } else if Double(4) * Self.characterWidth * 0.9 <= slot {
                canvas.text("NULL", x: x + barWidth / 2, y: zeroY - 3, size: 10, anchor: "middle", fill: "#999")
            }
            if index % every == 0 {
                let label = Self.shortened(data.labels[index], to: Int(labelChars))
                canvas.text(label, x: x + barWidth / 2, y: labelY, size: 11, anchor: "middle")
            }
        }
        canvas.line(x1: plotLeft, y1: zeroY, x2: plotRight, y2: zeroY)
        canvas.text(data.labelName, x: (plotLeft + plotRight) / 2, y: labelY + 20, size: 11, anchor: "middle", fill: "#555")
        return labelY + 34
    }

    /// Ranked horizontal bars from the zero line, a row each; returns the image height.
    private func horizontalBars(_ rows: [(label: String, value: Double?, text: String, color: String)], header: (String, String),
                                top: Double, on canvas: inout SVGCanvas) -> Double {
        let rowHeight = 22.0
        let labelChars = min(28, max(header.0.count, rows.map(\.label.count).max() ?? 0))
        let labelRight = Self.margin + Double(labelChars) * Self.characterWidth
        let textWidth = Double(rows.map(\.text.count).max() ?? 0) * Self.characterWidth + 8
        let values = rows.compactMap(\.value)
        let high = max(0, values.max() ?? 0), low = min(0, values.min() ?? 0)
        let span = high - low > 0 ? high - low : 1
        let barLeft = labelRight + 8, barRight = pixelWidth - Self.margin - textWidth
        let zeroX = barLeft + (barRight - barLeft) * -low / span
        canvas.text(header.0, x: labelRight, y: top + 12, size: 11, anchor: "end", fill: "#555")
        canvas.text(header.1, x: zeroX + 4, y: top + 12, size: 11, fill: "#555")
        var y = top + 20
        for row in rows {
            canvas.text(Self.shortened(row.label, to: labelChars), x: labelRight, y: y + 15, size: 12, anchor: "end")
            var end = zeroX
            if let value = row.value {
                let w = (barRight - barLeft) * abs(value) / span
                let x = value < 0 ? zeroX - w : zeroX
                canvas.rect(x: x, y: y + 3, width: w, height: rowHeight - 6, fill: value < 0 ? Self.palette[2] : row.color, title: "\(row.label): \(row.text)")
                end = value < 0 ? zeroX : zeroX + w
            }
            canvas.text(row.text, x: end + 4, y: y + 15, size: 11, fill: "#333")
            y += rowHeight
        }
        canvas.line(x1: zeroX, y1: top + 18, x2: zeroX, y2: y)
        return y + Self.margin
    }

    /// A 100% stacked bar and a legend (up to four parts), or ranked bars with percentages.
    private func shares(_ data: ChartData, on canvas: inout SVGCanvas) -> Double {
        let shares = ChartShares(data, top: spec.top)
        guard shares.total > 0 else {
            canvas.text("Every value of \(data.valueName) is zero: no shares to draw.", x: Self.margin, y: 56, size: 12, fill: "#555")
            return 76
        }
        let fractions = shares.fractions
        var y: Double
        if shares.isStacked {
            var x = Self.margin
            let barWidth = pixelWidth - 2 * Self.margin
            for index in shares.labels.indices {
                let w = barWidth * fractions[index]
                let text = "\(shares.labels[index]): \(ChartNumberFormat.percent(fractions[index]))"
                canvas.rect(x: x, y: 44, width: w, height: 32, fill: Self.palette[index % Self.palette.count], title: text)
                if Double(ChartNumberFormat.percent(fractions[index]).count) * Self.characterWidth + 8 < w {
                    canvas.text(ChartNumberFormat.percent(fractions[index]), x: x + w / 2, y: 64, size: 11, anchor: "middle", fill: "#fff")
                }
                x += w
            }
            y = 96
            for index in shares.labels.indices {
                canvas.rect(x: Self.margin, y: y - 10, width: 12, height: 12, fill: Self.palette[index % Self.palette.count], title: nil)
                canvas.text("\(shares.labels[index])  \(ChartNumberFormat.percent(fractions[index]))  (\(ChartNumberFormat.format(shares.values[index])))",
                            x: Self.margin + 18, y: y, size: 12)
                y += 20
            }
        } else {
            let rows = shares.labels.indices.map { index in
                (label: shares.labels[index], value: Optional(shares.values[index]),
                 text: ChartNumberFormat.percent(fractions[index]) + "  " + ChartNumberFormat.format(shares.values[index]),
                 color: Self.palette[index % Self.palette.count])
            }
            y = horizontalBars(rows, header: (data.labelName, "share of \(data.valueName)"), top: 44, on: &canvas) - Self.margin
        }
        var footer = "\(ChartNumberFormat.format(shares.total)) \(data.valueName) in all"
        if let note = shares.leftOutNote { footer += ". " + note }
        canvas.text(footer, x: Self.margin, y: y + 8, size: 11, fill: "#555")
        return y + 24
    }

    static func shortened(_ text: String, to characters: Int) -> String {
        text.count <= characters ? text : String(text.prefix(max(1, characters - 1))) + "…"
    }
}
