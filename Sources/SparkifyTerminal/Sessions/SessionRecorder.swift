import Foundation

/// Writes a session's input to a script file as it is typed (`.record FILE`): each statement
/// or command is appended and written through at once, so a crash loses nothing typed before.
final class SessionRecorder {
    /// The script being written.
    let path: String
    private let handle: FileHandle

    /// Opens `path` for appending, creating it (with a header comment) when it is new.
    init(appendingTo path: String) throws {
        self.path = path
        let fileManager = FileManager.default
        if !fileManager.fileExists(atPath: path) {
            guard fileManager.createFile(atPath: path, contents: Data(SessionRecorder.header(for: path).utf8)) else {
                throw REPLError("Cannot create \(path).")
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw REPLError("Cannot write to \(path).") }
        self.handle = handle
        try handle.seekToEnd()
    }

    deinit { try? handle.close() }

    /// Appends `lines` and hands them to the system before returning.
    func append(_ lines: [String]) throws {
        try handle.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// The first lines of a new script: what it is and how to replay it.
    static func header(for path: String) -> String {
        "-- A sparkify session. Replay it with: sparkify replay \(path)\n"
    }

    /// The script lines of a statement or command as typed; one that failed gets the
    /// `-- expect error` line before it, so its replay shows the error and goes on.
    static func lines(for text: String, failed: Bool) -> [String] {
        let typed = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return failed ? [SessionScript.expectErrorMarker] + typed : typed
    }

    /// A statement cancelled with Ctrl-C: kept as comments (a replay would not cancel it).
    static func cancelledLines(for text: String) -> [String] {
        let typed = text.split(separator: "\n", omittingEmptySubsequences: false)
        return ["-- cancelled with Ctrl-C:"] + typed.map { "-- " + $0 }
    }
}
