/// Conversions of computed lengths to whole counts that cannot trap: values from user data
/// can be huge, and a sum or span of them infinite.
enum ChartMath {
    /// `value` rounded as `rule` says, as an Int within ±1,000,000; 0 when not finite.
    static func whole(_ value: Double, _ rule: FloatingPointRoundingRule = .toNearestOrAwayFromZero) -> Int {
        guard value.isFinite else { return 0 }
        return Int(min(1_000_000, max(-1_000_000, value.rounded(rule))))
    }
}
