/// Vertical bars over an ordered axis, in the rows' order: a value axis on the left with the
/// largest (and smallest) value and the zero line, a value above each bar where it fits, and
/// the labels underneath (every k-th when they do not fit under each bar).
struct VerticalBarRenderer {
    let glyphs: ChartGlyphs
    let width: Int
    /// Rows the plot spans from its lowest to its highest value.
    let height: Int

    /// Widest slot a bar takes, so a few bars do not turn into blocks.
    static let maximumSlot = 12
    /// Cells a label gets, at least, before labels are shown only under every k-th bar.
    static let labelRoom = 6

    /// The chart of the first `top` rows (all by default) that fit the width.
    func lines(_ data: ChartData, top: Int?) -> [String] {
        let (low, high) = data.prefix(max(1, top ?? data.count)).range
        let span = high - low
        let perRow = span > 0 ? span / Double(height) : 1
        let upRows = high > 0 ? max(1, ChartMath.whole(high / perRow - 1e-9, .up)) : (low < 0 ? 0 : 1)
        let downRows = low < 0 ? max(1, ChartMath.whole(-low / perRow - 1e-9, .up)) : 0
        let topText = ChartNumberFormat.format(high)
        let bottomText = ChartNumberFormat.format(low)
        let axisTextWidth = max(1, upRows > 0 ? DisplayWidth.of(topText) : 0, downRows > 0 ? DisplayWidth.of(bottomText) : 0)
        let prefix = axisTextWidth + 2
        let plotWidth = max(1, width - prefix)
        let shown = min(data.count, plotWidth, max(1, top ?? data.count))
        let slot = min(Self.maximumSlot, plotWidth / shown)
        let gap = slot >= 2 ? 1 : 0
        let barWidth = slot - gap

        // Values go above (below) the bars when every one fits its bar, else none do.
        let valueTexts = data.values.prefix(shown).map { $0.map(ChartNumberFormat.format) }
        let showValues = gap > 0 && valueTexts.allSatisfy { DisplayWidth.of($0 ?? "") <= barWidth }
        // Rows: value labels, the bars above zero, the zero line, the bars below, their value
        // labels, then the category labels.
        let head = showValues ? 1 : 0
        let baseline = head + upRows
        let labelRow = baseline + downRows + (showValues && downRows > 0 ? 1 : 0) + 1
        var grid = CharacterGrid(rows: labelRow + 1, width: prefix + shown * slot)
        for row in 0..<baseline { grid.put(glyphs.verticalAxis, row: row, column: prefix - 1) }
        for row in (baseline + 1)..<(baseline + 1 + downRows) { grid.put(glyphs.verticalAxis, row: row, column: prefix - 1) }
        if high > 0 {
            grid.put(topText.leftPadded(to: axisTextWidth), row: head, column: 0)
            grid.put(glyphs.tick, row: head, column: prefix - 1)
        }
        if downRows > 0 {
            grid.put(bottomText.leftPadded(to: axisTextWidth), row: baseline + downRows, column: 0)
            grid.put(glyphs.tick, row: baseline + downRows, column: prefix - 1)
        }
        grid.put("0".leftPadded(to: axisTextWidth), row: baseline, column: 0)
        grid.put(glyphs.origin + String(repeating: glyphs.horizontalAxis, count: shown * slot), row: baseline, column: prefix - 1)

        for index in 0..<shown {
            guard let value = data.values[index] else { continue }
            let x = prefix + index * slot
            var labelRowForValue = baseline - 1
            if value > 0 {
                let eighths = glyphs.eighths(fraction: value / (perRow * Double(upRows)), cells: upRows)
                for level in 0..<upRows {
                    let filled = min(8, max(0, eighths - 8 * level))
                    guard filled > 0 else { break }
                    let glyph = filled == 8 ? glyphs.full : glyphs.verticalEighths[filled]
                    grid.put(String(repeating: glyph, count: barWidth), row: baseline - 1 - level, column: x)
                }
                labelRowForValue = baseline - 1 - (eighths + 7) / 8
            } else if value < 0 {
                let halves = glyphs.hasEighths ? max(1, ChartMath.whole(-value / perRow * 2)) : ChartMath.whole(-value / perRow) * 2
                for level in 0..<downRows {
                    let filled = min(2, max(0, halves - 2 * level))
                    guard filled > 0 else { break }
                    grid.put(String(repeating: filled == 2 ? glyphs.full : glyphs.upperHalf, count: barWidth), row: baseline + 1 + level, column: x)
                }
                labelRowForValue = baseline + 1 + (halves + 1) / 2
            }
            if showValues, let text = valueTexts[index], labelRowForValue != baseline {
                grid.put(text, row: labelRowForValue, column: x + (barWidth - DisplayWidth.of(text)) / 2)
            }
        }

        let widest = data.labels.prefix(shown).map(DisplayWidth.of).max() ?? 1
        let need = max(1, min(widest, Self.labelRoom))
        var every = 1
        while every * slot - (every * slot > 1 ? 1 : 0) < need { every += 1 }
        let room = max(1, every * slot - (every * slot > 1 ? 1 : 0))
        for index in stride(from: 0, to: shown, by: every) {
            grid.put(glyphs.truncate(data.labels[index], to: room), row: labelRow, column: prefix + index * slot)
        }

        var lines = [glyphs.truncate(data.valueName, to: width)] + grid.lines
        let axisName = glyphs.truncate(data.labelName, to: width)
        lines.append(axisName.leftPadded(to: max(DisplayWidth.of(axisName), prefix + shown * slot)))
        if every > 1 { lines.append("(a label every \(every) bars)") }
        if shown < data.count {
            lines.append("\(data.count - shown) more bars not shown (\(data.count) in all)" + (shown < (top ?? data.count) ? ": widen the terminal, or use hbar with --top N." : "."))
        }
        let nulls = data.prefix(shown).nullLabels
        if !nulls.isEmpty { lines.append("NULL (no bar): " + nulls.joined(separator: ", ")) }
        return lines
    }
}
