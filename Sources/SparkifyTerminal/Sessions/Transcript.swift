import Foundation
import Synchronization

/// The text of a replay as one stream: what the REPL writes to standard output and to standard
/// error, interleaved in the order it was written, without colors or progress bars, at a fixed
/// width, and with the folders that differ between machines written as variables (`${data}`,
/// `${script_dir}`). Two replays of the same script give the same transcript.
public final class Transcript: Sendable {
    /// A folder replaced by a variable name in the transcript.
    public struct Substitution: Sendable, Equatable {
        public var path: String
        public var variable: String
    }

    /// The width tables are fitted to in transcripts, whatever the terminal's.
    public static let width = 100

    private let collected = Mutex("")
    private let substitutions: [Substitution]
    private let passThrough: (@Sendable (String) -> Void)?

    /// A transcript that replaces `substitutions` (longest first) and, when `passThrough` is
    /// given, also hands each piece of text to it as it comes (to print it live).
    public init(substitutions: [Substitution], passThrough: (@Sendable (String) -> Void)? = nil) {
        self.substitutions = substitutions.sorted { $0.path.count > $1.path.count }
        self.passThrough = passThrough
    }

    /// Everything written so far.
    public var text: String { collected.withLock { $0 } }

    /// The REPL's output, both streams into this transcript.
    public var output: REPLOutput {
        let write: @Sendable (String) -> Void = { [self] piece in
            let normalized = normalize(piece)
            collected.withLock { $0 += normalized }
            passThrough?(normalized)
        }
        return REPLOutput(out: write, err: write, width: { Transcript.width })
    }

    /// `text` with each substituted folder replaced by its variable.
    public func normalize(_ text: String) -> String {
        var text = text
        for substitution in substitutions where text.contains(substitution.path) {
            text = text.replacingOccurrences(of: substitution.path, with: substitution.variable)
        }
        return text
    }

    /// The folder `path` as `${variable}`: its absolute form, and the form given when that
    /// names a folder by a path with a `/` (a bare `data` is too likely to be other text).
    public static func substitutions(for path: String, variable: String) -> [Substitution] {
        let name = "${\(variable)}"
        var trimmed = path
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let absolute = URL(fileURLWithPath: trimmed).standardizedFileURL.path
        var paths = [absolute]
        let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        if resolved != absolute { paths.append(resolved) }
        if trimmed != absolute && trimmed.contains("/") { paths.append(trimmed) }
        return paths.filter { $0 != "/" && $0.count > 1 }.map { Substitution(path: $0, variable: name) }
    }
}
