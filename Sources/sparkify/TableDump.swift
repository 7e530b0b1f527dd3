import Foundation
import SparkifyTables
import SparkifyTerminal

/// `sparkify run --dump DIR`: each cell's table written to `DIR/CELL.json` as JSON Lines (one
/// object per row, as Spark's `toJSON` writes it: NULL fields left out, timestamps as Spark's
/// text in the session time zone) and its schema to `DIR/CELL.schema` (as `printSchema`), for
/// comparing with another engine or keeping a run's answers.
struct TableDump {
    let folder: URL

    /// Makes the folder (and its parents) when missing.
    init(folder path: String) throws {
        folder = URL(fileURLWithPath: path, isDirectory: true)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    /// Writes `table`, the table of the cell called `cell`; `offset` gives the session time
    /// zone's offset in seconds at an instant (microseconds since 1970).
    func write(cell: String, table: Table, offset: @escaping @Sendable (Int64) -> Int) throws {
        let renderer = TableRenderer(mode: .json, maxRows: nil, timeZoneOffset: offset)
        try Data(renderer.render(table).utf8).write(to: folder.appendingPathComponent(cell + ".json"), options: .atomic)
        try Data(table.schema.treeString.utf8).write(to: folder.appendingPathComponent(cell + ".schema"), options: .atomic)
    }
}
