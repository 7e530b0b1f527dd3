/// The characters one character set draws bars, axes and truncation with.
struct ChartGlyphs: Sendable {
    /// A whole cell of bar.
    var full: String
    /// Left-aligned partial cells of a horizontal bar, by eighths 1…7 (index 0 unused).
    var horizontalEighths: [String]
    /// Bottom-aligned partial cells of a vertical bar, by eighths 1…7 (index 0 unused).
    var verticalEighths: [String]
    /// The upper half of a cell, for bars below the zero line.
    var upperHalf: String
    /// The right half of a cell, for bars left of the zero line.
    var rightHalf: String
    /// True when partial cells can be drawn (else lengths round to whole cells).
    var hasEighths: Bool
    var verticalAxis: String
    var horizontalAxis: String
    /// Where the zero line meets the vertical axis.
    var origin: String
    /// A tick on the vertical axis, beside a value.
    var tick: String
    var ellipsis: String
    /// The fills of a 100% stacked bar's segments, one per part.
    var shareFills: [String]

    static let unicode = ChartGlyphs(
        full: "█", horizontalEighths: ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        verticalEighths: ["", "▁", "▂", "▃", "▄", "▅", "▆", "▇"], upperHalf: "▀", rightHalf: "▐", hasEighths: true,
        verticalAxis: "│", horizontalAxis: "─", origin: "┼", tick: "┤", ellipsis: "…", shareFills: ["█", "▓", "▒", "░"])

    static let ascii = ChartGlyphs(
        full: "#", horizontalEighths: Array(repeating: "", count: 8), verticalEighths: Array(repeating: "", count: 8),
        upperHalf: "#", rightHalf: "#", hasEighths: false,
        verticalAxis: "|", horizontalAxis: "-", origin: "+", tick: "+", ellipsis: "~", shareFills: ["#", "=", "+", ":"])

    /// A horizontal bar `eighths` eighths of a cell long, from the left.
    func horizontalBar(eighths: Int) -> String {
        let units = max(0, eighths)
        return String(repeating: full, count: units / 8) + horizontalEighths[units % 8]
    }

    /// Bar length in eighths for `fraction` of `cells` cells: rounded to eighths, or to whole
    /// cells without them; a positive value never vanishes where eighths can show it.
    func eighths(fraction: Double, cells: Int) -> Int {
        guard fraction > 0, cells > 0 else { return 0 }
        let clamped = min(fraction, 1)
        if !hasEighths { return ChartMath.whole(clamped * Double(cells)) * 8 }
        return max(1, ChartMath.whole(clamped * Double(cells * 8)))
    }

    /// `text` cut to `width` cells, ending with the ellipsis when cut.
    func truncate(_ text: String, to width: Int) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        if width < DisplayWidth.of(ellipsis) + 1 { return DisplayWidth.truncate(text, to: width, ellipsis: "") }
        return DisplayWidth.truncate(text, to: width, ellipsis: ellipsis)
    }
}
