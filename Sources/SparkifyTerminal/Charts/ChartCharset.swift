/// The characters charts are drawn with: Unicode block elements (eighth-cell resolution) or
/// plain ASCII.
public enum ChartCharset: String, Sendable, CaseIterable {
    case unicode
    case ascii

    /// Unicode when the locale (`LC_ALL`, else `LC_CTYPE`, else `LANG`) names UTF-8, ASCII
    /// otherwise (including the C locale, when none is set).
    public static func fromLocale(environment: [String: String]) -> ChartCharset {
        let locale = ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        let lower = locale.lowercased()
        return lower.contains("utf-8") || lower.contains("utf8") ? .unicode : .ascii
    }

    /// The glyphs of this character set.
    var glyphs: ChartGlyphs { self == .unicode ? .unicode : .ascii }
}
