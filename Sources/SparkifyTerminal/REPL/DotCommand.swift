/// One dot command: its name, how to call it, what it does, and the code that does it.
/// `.help` and completion read the same table (`REPL.commands`).
struct DotCommand: Sendable {
    /// With its dot: `.run`.
    var name: String
    /// `.run NAME|all`.
    var usage: String
    /// One line for `.help`.
    var help: String
    /// Allowed argument counts.
    var arguments: ClosedRange<Int>
    /// Fixed choices for the first argument, for completion and checking.
    var choices: [String] = []
    /// True when the command takes the rest of its line as one text (a query), quotes and
    /// spacing kept, instead of words.
    var takesText = false
    var run: @Sendable (REPL, [String]) throws -> Void
}

/// Wrong arguments to a dot command: answered with its usage line.
struct UsageError: Error {
    var detail: String?
}
