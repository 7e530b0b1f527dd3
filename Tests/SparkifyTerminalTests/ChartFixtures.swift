import SparkifyTerminal

/// Data sets the chart tests draw: an ordered axis, ranked names (long, wide, NULL),
/// negatives and NULLs, one row, no rows, all zeros, and shares.
enum ChartFixtures {
    static let hours = ChartData(
        labels: (0..<24).map(String.init),
        values: [79, 121, 93, 99, 102, 107, 88, 99, 148, 167, 172, 157, 186, 248, 373, 441, 406, 548, 449, 570, 572, 532, 397, 349],
        labelName: "hour", valueName: "plays")

    static let artists = ChartData(
        labels: ["The Cold Hearts", "Nick James", "Dream feat. Joe Johnson and the Extraordinarily Long Orchestra", "坂本龍一",
                 "Tom Harris", "Pete Moore", "NULL", "The Paper Kings", "Unknown"],
        values: [395, 319, 197, 264, 227, 12.5, 3, 117, nil],
        labelName: "artist", valueName: "plays")

    static let negatives = ChartData(
        labels: ["north", "east", "south", "west", "centre", "nowhere"],
        values: [-3.5, 2, 0, nil, 7.25, -1],
        labelName: "region", valueName: "change")

    static let oneRow = ChartData(labels: ["only"], values: [42], labelName: "name", valueName: "n")
    static let empty = ChartData(labels: [], values: [], labelName: "name", valueName: "n")
    static let allZero = ChartData(labels: ["a", "b", "c"], values: [0, 0, 0], labelName: "name", valueName: "n")
    static let allNull = ChartData(labels: ["a", "b"], values: [nil, nil], labelName: "name", valueName: "n")

    static let levels = ChartData(labels: ["free", "paid"], values: [3266, 3237], labelName: "level", valueName: "plays")
    static let browsers = ChartData(
        labels: ["Chrome", "Firefox", "Safari", "Edge", "Chromium", "Internet Explorer", "Opera", "broken", "unknown"],
        values: [3098, 1621, 935, 646, 118, 85, 20, -4, nil],
        labelName: "browser", valueName: "plays")

    /// Every data set with a name, in the order a snapshot lists them.
    static let all: [(name: String, data: ChartData)] = [
        ("hours", hours), ("artists", artists), ("negatives", negatives), ("one row", oneRow), ("empty", empty),
        ("all zero", allZero), ("all null", allNull), ("levels", levels), ("browsers", browsers),
    ]
}
