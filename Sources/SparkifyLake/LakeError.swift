/// A failure to read or write a lake folder, in words for the user.
public struct LakeError: Error, Sendable, CustomStringConvertible, Equatable {
    public enum Kind: Sendable, Equatable {
        /// The path to read does not exist.
        case pathNotFound
        /// The folder holds no data file.
        case noFiles
        /// The data files sit at different depths or under different partition columns.
        case conflictingLayout
        /// A folder or file could not be made, moved or removed.
        case io
        /// A target the lake may not be written to (a file, the working folder or one above it).
        case invalidTarget
    }

    public let kind: Kind
    public let message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
