import SparkifyTables

/// Array elements and struct fields (raw JSON text) as a column of their SQL type.
enum NestedValues {
    private static let utc = EvaluationContext(timeZone: .utc, ansiEnabled: true)

    /// `raws[i]` (nil for NULL) read as `type`.
    static func column(_ raws: [Substring?], type: DataType) throws -> Column {
        switch type {
        case .date, .timestamp:
            // Stored as quoted text (timestamps in UTC, see JSONText); cast back.
            var builder = ColumnBuilder(type: .string, capacity: raws.count)
            for raw in raws {
                if let raw { builder.append(.string(JSONArrayText.unquote(raw))) } else { builder.appendNull() }
            }
            return try CastKernel.cast(builder.build(), to: type, mode: .ansi, context: utc)
        default:
            var builder = ColumnBuilder(type: type, capacity: raws.count)
            for raw in raws { builder.append(ScalarFunctionRegistry.jsonElementValue(raw, type: type)) }
            return builder.build()
        }
    }
}
