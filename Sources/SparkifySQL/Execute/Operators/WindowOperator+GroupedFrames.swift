import SparkifyTables

/// Aggregates over window frames that the incremental accumulator does not know
/// (`max_by`, `collect_list`, `stddev`, `first` with frames, ...).
extension WindowOperator {
    /// Runs `function` once per distinct frame with `HashAggregation`: every frame becomes a
    /// group holding its rows in frame order, so order-sensitive aggregates (`collect_list`,
    /// `first`) see the window's order. Consecutive positions with the same frame (a whole
    /// partition, or peers) share one group, so partition-wide frames cost O(rows); frames
    /// that slide or grow cost the sum of their sizes.
    static func groupedFrameAggregate(
        _ function: HashAggregation.Function, arguments: [Column], frame: Frame, layout: WindowLayout, context: OperatorContext
    ) throws -> Column {
        let n = layout.rowCount
        var frameOfRow = [Int](repeating: 0, count: n)
        var rows: [Int] = []
        var groupIds: [Int32] = []
        var frameCount = 0
        var previous: Range<Int>?
        for p in 0..<n {
            let range = try layout.frame(frame, at: p)
            if range != previous || previous == nil {
                if frameCount == Int(Int32.max) || rows.count + range.count > Int(Int32.max) {
                    throw SQLError(.execution, "The window frames of \(function) hold too many rows in total.", errorClass: "UNSUPPORTED_FEATURE")
                }
                if frameCount % 1024 == 0 { try context.check() }
                for q in range {
                    rows.append(layout.order[q])
                    groupIds.append(Int32(frameCount))
                }
                frameCount += 1
                previous = range
            }
            frameOfRow[layout.order[p]] = frameCount - 1
        }
        let grouping = KeyGrouping(groupIds: groupIds, firstRows: [Int](repeating: 0, count: frameCount))
        let call = HashAggregation.Call(function, arguments.map { $0.gather(rows) })
        let perFrame = try HashAggregation.aggregate([call], grouping: grouping, context: context)
        return perFrame[0].gather(frameOfRow)
    }
}
