import Foundation
import SparkifySQL
import SparkifyTables
import Testing

/// Scratch folders and helpers for the lake tests.
enum LakeTestSupport {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func scratch() throws -> String {
        let path = NSTemporaryDirectory() + "sparkify-lake-sql-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func error(_ sql: String, in session: SQLSession, cancellation: CancellationToken = .never) -> (any Error)? {
        do {
            _ = try session.execute(sql, cancellation: cancellation)
            return nil
        } catch {
            return error
        }
    }

    /// Every file and folder under `root`, relative, sorted.
    static func listing(_ root: String) -> [String] {
        (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).sorted()
    }

    static func rows(_ sql: String, in session: SQLSession) throws -> Table {
        guard let table = try session.execute(sql).last?.table else {
            Issue.record("no rows from \(sql)")
            return Table.empty(Schema([]))
        }
        return table
    }

    /// The rows as a sorted list of their printed forms: a multiset comparison.
    static func multiset(_ table: Table) -> [String] {
        table.rows.map { "\($0)" }.sorted()
    }
}
