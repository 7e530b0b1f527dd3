/// Where a SQL cell stands in a session.
public enum CellState: Sendable {
    /// Not run in this session (or added since).
    case notRun
    /// Ran, and nothing it reads has changed since.
    case ran(CellOutcome)
    /// Ran, but the cell was edited since, or a cell it needs ran again: its tables may be out
    /// of date. The outcome is that of its last run.
    case stale(CellOutcome)
    /// Its last run failed; the tables it made before (if any) are as they were.
    case failed(NotebookRunError)

    /// True for `.ran`.
    public var isUpToDate: Bool {
        if case .ran = self { return true }
        return false
    }

    /// A short word for listings: `not run`, `ran`, `stale`, `failed`.
    public var label: String {
        switch self {
        case .notRun: return "not run"
        case .ran: return "ran"
        case .stale: return "stale"
        case .failed: return "failed"
        }
    }
}
