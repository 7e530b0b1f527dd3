import Foundation

/// A session script: what a user typed at the REPL, as plain text. `--` comment lines, blank
/// lines, dot commands one per line, and SQL statements that end with `;` (over several lines).
/// A comment line `-- expect error` marks the next statement or command as meant to fail.
///
/// Lines are gathered into statements by the REPL's own rule (`REPL.accept`: at a fresh prompt a
/// `.` line is a command and a `--` line a comment, anything else gathers until
/// `SQLStatementSplitter.isComplete`), so a script runs exactly as it would when typed or piped.
public struct SessionScript: Sendable, Equatable {
    /// One piece of a script, with the lines it spans (1-based, inclusive).
    public struct Item: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// A blank line between items.
            case blank
            /// A `--` comment line between items (the `-- expect error` marker too).
            case comment
            /// A dot command line.
            case command
            /// One or more SQL statements (the lines up to the one that ends with `;`).
            case statement
        }

        public var kind: Kind
        /// The lines as written, joined with `\n` (a command's line trimmed).
        public var text: String
        /// The script lines the item spans.
        public var lines: ClosedRange<Int>
        /// True for a statement or command after an `-- expect error` line.
        public var expectsError: Bool

        public init(kind: Kind, text: String, lines: ClosedRange<Int>, expectsError: Bool = false) {
            self.kind = kind
            self.text = text
            self.lines = lines
            self.expectsError = expectsError
        }

        /// True for statements and commands, which run; false for blank and comment lines.
        public var runs: Bool { kind == .command || kind == .statement }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    /// The script in `text` (`\n` or `\r\n` line ends), cut by the REPL's own rule for typed
    /// lines (`REPL.accept`). A statement left without its final `;` at the end still runs, as
    /// the REPL runs piped input.
    public init(parsing text: String) {
        var items: [Item] = []
        var pending = REPL.PendingInput()
        var expectError = false
        // Split on the newline byte: in Swift "\r\n" is one Character and would not split.
        var lines = text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
            String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self)
        }
        if lines.last == "" { lines.removeLast() }
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let wasEmpty = pending.isEmpty
            switch REPL.accept(line, lineNumber: number, pending: &pending) {
            case .more:
                if wasEmpty && pending.isEmpty { items.append(Item(kind: .blank, text: "", lines: number...number)) }
            case let .comment(comment):
                if SessionScript.isExpectErrorMarker(comment) { expectError = true }
                items.append(Item(kind: .comment, text: comment, lines: number...number))
            case let .command(command):
                items.append(Item(kind: .command, text: command, lines: number...number, expectsError: expectError))
                expectError = false
            case let .statements(statement, firstLine):
                items.append(Item(kind: .statement, text: statement, lines: firstLine...number, expectsError: expectError))
                expectError = false
            }
        }
        if !pending.isEmpty {
            items.append(Item(kind: .statement, text: pending.text, lines: pending.firstLine...lines.count, expectsError: expectError))
        }
        self.items = items
    }

    /// Reads the script at `path`.
    public static func load(path: String) throws -> SessionScript {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw REPLError(FileManager.default.fileExists(atPath: path) ? "\(path): cannot read the script." : "\(path): no such script.")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw REPLError("\(path): the script is not UTF-8 text.") }
        return SessionScript(parsing: text)
    }

    /// True for `-- expect error`, alone or followed by a note (`-- expect error: a typo`),
    /// in any case.
    public static func isExpectErrorMarker(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasPrefix("--") else { return false }
        let words = trimmed.dropFirst(2).lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" })
        guard words.count >= 2, words[0] == "expect" else { return false }
        let second = words[1]
        guard second.hasPrefix("error") else { return false }
        let rest = second.dropFirst("error".count)
        return rest.first.map { !$0.isLetter } ?? true
    }

    /// The marker line the recorder writes before a statement that failed.
    public static let expectErrorMarker = "-- expect error"
}
