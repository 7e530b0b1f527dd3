/// A 1-based line and column in the text of a statement.
public struct SourcePosition: Hashable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String { "line \(line), column \(column)" }
}

/// Any error a statement can raise: what went wrong, of which kind, and where when known.
///
/// `errorClass` is Spark's error class (`DIVIDE_BY_ZERO`, `UNRESOLVED_COLUMN`, ...) where
/// Spark has one, so messages read like Spark's: `[DIVIDE_BY_ZERO] Division by zero.`
public struct SQLError: Error, Sendable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// The text does not parse.
        case syntax
        /// It parses but does not resolve: unknown table or column, wrong types or arity.
        case analysis
        /// It failed while running: division by zero, a bad cast, overflow.
        case execution
        /// Valid Spark SQL that sparkify does not support (yet).
        case unsupported
        /// Reading or writing files failed.
        case io
    }

    public var kind: Kind
    public var errorClass: String?
    public var message: String
    public var position: SourcePosition?

    public init(_ kind: Kind, _ message: String, errorClass: String? = nil, at position: SourcePosition? = nil) {
        self.kind = kind
        self.message = message
        self.errorClass = errorClass
        self.position = position
    }

    public var description: String {
        var text = errorClass.map { "[\($0)] " } ?? ""
        text += message
        if let position { text += " (\(position))" }
        return text
    }
}
