import Foundation
import Testing

/// Compares `text` with the snapshot file `Snapshots/NAME` beside this test target.
///
/// `SPARKIFY_RECORD_SNAPSHOTS=1 swift test` re-records every snapshot instead; a missing
/// snapshot is recorded and reported as a failure, so a forgotten file cannot pass silently.
func assertExportSnapshot(_ text: String, named name: String, filePath: String = #filePath, sourceLocation: SourceLocation = #_sourceLocation) {
    let folder = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent(name)
    let recording = ProcessInfo.processInfo.environment["SPARKIFY_RECORD_SNAPSHOTS"] == "1"
    guard !recording, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try? text.write(to: file, atomically: true, encoding: .utf8)
        if !recording {
            Issue.record("No snapshot \(name) existed; recorded it. Check it and run again.", sourceLocation: sourceLocation)
        }
        return
    }
    #expect(text == expected, "snapshot \(name) differs (re-record with SPARKIFY_RECORD_SNAPSHOTS=1)", sourceLocation: sourceLocation)
}
