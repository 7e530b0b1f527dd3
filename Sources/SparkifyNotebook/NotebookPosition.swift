/// Where a notebook stands, for the REPL's prompt: `[3/12]` is "the 3rd of 12 SQL cells is
/// the next to run".
public struct NotebookPosition: Sendable, Equatable, CustomStringConvertible {
    /// 1-based index, among the SQL cells in file order, of the first cell that is not up to
    /// date; nil when every cell is.
    public var next: Int?
    /// The name of that cell.
    public var nextCell: String?
    /// How many SQL cells the notebook has (the set-up included).
    public var count: Int

    public init(next: Int?, nextCell: String?, count: Int) {
        self.next = next
        self.nextCell = nextCell
        self.count = count
    }

    /// `[3/12]`, or `[12/12 done]` once every cell is up to date.
    public var description: String {
        if let next { return "[\(next)/\(count)]" }
        return "[\(count)/\(count) done]"
    }
}
