/// Shares of a whole: up to four parts as one 100% stacked bar with a legend, more as ranked
/// bars with each part's percentage. NULL and negative values are left out and said so.
struct ShareChartRenderer {
    let glyphs: ChartGlyphs
    let width: Int

    func lines(_ data: ChartData, top: Int?) -> [String] {
        let shares = ChartShares(data, top: top)
        var lines: [String] = []
        if shares.total <= 0 {
            lines.append("(every value of \(data.valueName) is zero: no shares to draw)")
        } else if shares.isStacked {
            lines += stacked(shares)
        } else {
            let fractions = shares.fractions
            let bars = shares.labels.indices.map { index in
                HorizontalBarRenderer.Bar(label: shares.labels[index], value: shares.values[index],
                                          text: ChartNumberFormat.percent(fractions[index]) + "  " + ChartNumberFormat.format(shares.values[index]))
            }
            lines += HorizontalBarRenderer(glyphs: glyphs, width: width).bars(bars, labelName: data.labelName, valueName: "share of \(data.valueName)")
        }
        if shares.total > 0 {
            lines.append("\(ChartNumberFormat.format(shares.total)) \(data.valueName) in all")
        }
        if let note = shares.leftOutNote { lines.append(note) }
        return lines
    }

    /// The bar across the width, each part filled with its own character, then a legend line
    /// per part: its fill, label, percentage and value.
    private func stacked(_ shares: ChartShares) -> [String] {
        let cells = shares.cells(in: width)
        var bar = ""
        for (index, count) in cells.enumerated() {
            bar += String(repeating: glyphs.shareFills[index % glyphs.shareFills.count], count: count)
        }
        let fractions = shares.fractions
        let percents = fractions.map(ChartNumberFormat.percent)
        let numbers = shares.values.map(ChartNumberFormat.format)
        let percentWidth = percents.map(\.count).max() ?? 0
        let numberWidth = numbers.map(\.count).max() ?? 0
        // The values go when the width leaves a label too little room.
        let showNumbers = width - 6 - percentWidth - 2 - numberWidth >= 4
        let labelRoom = max(1, width - 6 - percentWidth - (showNumbers ? 2 + numberWidth : 0))
        let labelWidth = min(labelRoom, shares.labels.map(DisplayWidth.of).max() ?? 0)
        var lines = [bar]
        for index in shares.labels.indices {
            let fill = glyphs.shareFills[index % glyphs.shareFills.count]
            lines.append(fill + " " + glyphs.truncate(shares.labels[index], to: labelWidth).padded(to: labelWidth) + "  "
                         + percents[index].leftPadded(to: percentWidth) + (showNumbers ? "  " + numbers[index].leftPadded(to: numberWidth) : ""))
        }
        return lines
    }
}
