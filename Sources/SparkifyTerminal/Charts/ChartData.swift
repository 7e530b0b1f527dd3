import SparkifyTables

/// What a chart draws: one label and one value (nil for NULL) per bar, in the table's order,
/// with the names of the two columns for the axes.
public struct ChartData: Sendable, Equatable {
    public var labels: [String]
    public var values: [Double?]
    /// The label column's name (the category axis).
    public var labelName: String
    /// The value column's name (the value axis).
    public var valueName: String

    public init(labels: [String], values: [Double?], labelName: String, valueName: String) {
        // A value without a label is dropped, a label without a value is NULL.
        self.labels = labels
        self.values = (0..<labels.count).map { index in
            guard index < values.count, let value = values[index], value.isFinite else { return nil }
            return value
        }
        self.labelName = labelName
        self.valueName = valueName
    }

    public var count: Int { labels.count }

    /// The most rows a table may have to be charted.
    public static let maximumRows = 100_000

    /// The rows of `table`: labels from `labelColumn` (default the first column, any type, NULL
    /// shown as `NULL`), numbers from `valueColumn` (default the second, which must be numeric).
    /// Rows with the same label add up, in the order their label first appears, so a table
    /// grouped finer than the chart (plays by os and browser) charts by its label. NaN and
    /// infinite values count as NULL. At most `maximumRows` rows: more is a table to aggregate.
    public init(table: Table, labelColumn: String? = nil, valueColumn: String? = nil,
                timeZoneOffset: (Int64) -> Int = { _ in 0 }) throws(ChartError) {
        guard table.rowCount <= Self.maximumRows else {
            throw ChartError("The result has \(table.rowCount) rows; a chart takes at most \(Self.maximumRows). Chart an aggregate of it (GROUP BY ...) or add a LIMIT.")
        }
        let names = table.schema.names
        let columnList = names.isEmpty ? "none" : names.joined(separator: ", ")
        func index(_ name: String?, default position: Int) throws(ChartError) -> Int {
            if let name {
                guard let found = table.schema.index(of: name) else {
                    throw ChartError("No column \(name) to chart; the columns are \(columnList).")
                }
                return found
            }
            guard position < names.count else {
                throw ChartError("A chart needs two columns, labels first and numbers second; this result has \(names.count) (\(columnList)).")
            }
            return position
        }
        let labelIndex = try index(labelColumn, default: 0)
        let valueIndex = try index(valueColumn, default: 1)
        let valueField = table.schema.fields[valueIndex]
        guard valueField.type.isNumeric else {
            throw ChartError("The values column \(valueField.name) holds \(valueField.type.simpleString), not numbers: a chart takes its labels from the first column and its values from the second (a count, a sum, ...).")
        }
        let labelColumnData = table.columns[labelIndex]
        let valueColumnData = table.columns[valueIndex]
        var labels: [String] = []
        var values: [Double?] = []
        var position: [String: Int] = [:]
        for row in 0..<table.rowCount {
            let label = Self.text(labelColumnData.value(at: row), timeZoneOffset: timeZoneOffset)
            let value = Self.number(valueColumnData.value(at: row))
            if let existing = position[label] {
                if let value { values[existing] = (values[existing] ?? 0) + value }
            } else {
                position[label] = labels.count
                labels.append(label)
                values.append(value)
            }
        }
        self.init(labels: labels, values: values, labelName: table.schema.fields[labelIndex].name, valueName: valueField.name)
    }

    static func text(_ value: Value, timeZoneOffset: (Int64) -> Int) -> String {
        if case let .timestamp(micros) = value {
            return ValueFormatter.timestamp(micros, offsetSeconds: timeZoneOffset(micros))
        }
        return ValueFormatter.sparkString(value) ?? "NULL"
    }

    static func number(_ value: Value) -> Double? {
        switch value {
        case let .int(n): return Double(n)
        case let .bigint(n): return Double(n)
        case let .double(d): return d.isFinite ? d : nil
        case let .decimal(text): return Double(text).flatMap { $0.isFinite ? $0 : nil }
        default: return nil
        }
    }

    /// The rows ranked by value, largest first, NULLs last; equal values keep their order.
    public func ranked() -> ChartData {
        let order = values.indices.sorted { a, b in
            switch (values[a], values[b]) {
            case let (x?, y?): return x != y ? x > y : a < b
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a < b
            }
        }
        return ChartData(labels: order.map { labels[$0] }, values: order.map { values[$0] }, labelName: labelName, valueName: valueName)
    }

    /// The first `n` rows.
    func prefix(_ n: Int) -> ChartData {
        ChartData(labels: Array(labels.prefix(n)), values: Array(values.prefix(n)), labelName: labelName, valueName: valueName)
    }

    /// The labels whose value is NULL.
    var nullLabels: [String] { labels.indices.filter { values[$0] == nil }.map { labels[$0] } }

    /// Largest value and 0, and smallest value and 0 (the range a zero-based axis spans).
    var range: (low: Double, high: Double) {
        let present = values.compactMap { $0 }
        return (min(0, present.min() ?? 0), max(0, present.max() ?? 0))
    }
}
