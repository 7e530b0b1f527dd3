import CLibedit
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Facts about the process's terminal: which streams are terminals, how wide it is, whether
/// to color.
public enum TerminalInfo {
    /// True when `fd` is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// The width tables fit into: the terminal's columns when standard output is one, else
    /// `fallback`.
    public static func width(fallback: Int = 100) -> Int {
        let columns = Int(sparkify_terminal_columns(STDOUT_FILENO))
        if columns > 0 && isTerminal(STDOUT_FILENO) { return columns }
        let errColumns = Int(sparkify_terminal_columns(STDERR_FILENO))
        if errColumns > 0 && isTerminal(STDOUT_FILENO) { return errColumns }
        return fallback
    }

    /// True when writing colors to `fd` is wanted: it is a terminal, `NO_COLOR` is not set and
    /// `TERM` is not `dumb`.
    public static func colorsWanted(on fd: Int32, environment: [String: String]) -> Bool {
        guard isTerminal(fd) else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }
}

/// ANSI styles, applied only when colors are on.
public struct TextStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) { self.enabled = enabled }

    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    private func wrap(_ text: String, _ code: String) -> String {
        enabled && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
