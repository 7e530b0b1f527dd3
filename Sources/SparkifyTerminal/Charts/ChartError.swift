/// Why a table cannot be charted: a clear message for the user.
public struct ChartError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
