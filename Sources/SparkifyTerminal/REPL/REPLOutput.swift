import Foundation

/// Where the REPL writes: tables to one stream, messages, progress and errors to the other,
/// with what it knows about them (terminal or not, colors, width).
public struct REPLOutput: Sendable {
    /// Writes to standard output (tables, plans).
    public var out: @Sendable (String) -> Void
    /// Writes to standard error (messages, errors, progress).
    public var err: @Sendable (String) -> Void
    /// True when standard error is a terminal (progress bars are drawn).
    public var errIsTerminal: Bool
    /// True when standard output is a terminal (`.last` uses the pager).
    public var outIsTerminal: Bool
    /// Styles for tables (standard output) and for messages (standard error).
    public var outStyle: TextStyle
    public var errStyle: TextStyle
    /// The width tables fit into, asked each time (the terminal may be resized).
    public var width: @Sendable () -> Int

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                errIsTerminal: Bool = false, outIsTerminal: Bool = false,
                outStyle: TextStyle = TextStyle(enabled: false), errStyle: TextStyle = TextStyle(enabled: false),
                width: @escaping @Sendable () -> Int = { 100 }) {
        self.out = out
        self.err = err
        self.errIsTerminal = errIsTerminal
        self.outIsTerminal = outIsTerminal
        self.outStyle = outStyle
        self.errStyle = errStyle
        self.width = width
    }

    /// The process's standard output and error, styled when they are terminals and
    /// `NO_COLOR` is not set.
    public static func standard(environment: [String: String] = ProcessInfo.processInfo.environment) -> REPLOutput {
        REPLOutput(
            out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
            err: { text in FileHandle.standardError.write(Data(text.utf8)) },
            errIsTerminal: TerminalInfo.isTerminal(2), outIsTerminal: TerminalInfo.isTerminal(1),
            outStyle: TextStyle(enabled: TerminalInfo.colorsWanted(on: 1, environment: environment)),
            errStyle: TextStyle(enabled: TerminalInfo.colorsWanted(on: 2, environment: environment)),
            width: { TerminalInfo.width(fallback: 100) })
    }
}
