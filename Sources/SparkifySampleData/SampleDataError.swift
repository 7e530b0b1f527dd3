#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why generating a dataset failed; the description names the file or setting at fault.
public enum SampleDataError: Error, Equatable, CustomStringConvertible {
    /// A setting is out of range (e.g. a negative count).
    case invalidOption(name: String, message: String)
    /// The target exists and holds files, and overwriting was not asked for.
    case directoryNotEmpty(path: String)
    /// The target exists and is not a directory.
    case notADirectory(path: String)
    /// A file-system call failed (`code` is the `errno`).
    case io(path: String, operation: String, code: Int32)

    public var description: String {
        switch self {
        case let .invalidOption(name, message):
            return "invalid \(name): \(message)"
        case let .directoryNotEmpty(path):
            return "\(path) exists and is not empty; pass --force to replace its song_data/ and log_data/"
        case let .notADirectory(path):
            return "\(path) exists and is not a directory"
        case let .io(path, operation, code):
            return "cannot \(operation) \(path): \(String(cString: strerror(code)))"
        }
    }
}
