/// A notebook that cannot be used as written: a malformed cell marker, two cells of one name,
/// a table made by two cells, a cycle of cells. Names the file and the line.
public struct NotebookError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The notebook's file as given when it was loaded (or a name such as `<notebook>`).
    public var file: String
    /// The 1-based line the problem is on, when it is on one.
    public var line: Int?
    /// What is wrong and how to fix it, without the file and line.
    public var message: String

    public init(file: String, line: Int?, _ message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// `file:line: message`, the form editors and compilers use.
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
