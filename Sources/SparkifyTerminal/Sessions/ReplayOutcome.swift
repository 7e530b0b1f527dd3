/// How replaying a session script went: the statements that did not do what the script says
/// (failed unexpectedly, or succeeded after `-- expect error`), and whether it stopped early.
public struct ReplayOutcome: Sendable, Equatable {
    /// A statement or command that did not do what the script says, at its file and line.
    public struct Failure: Sendable, Equatable {
        /// The script as named in messages.
        public var file: String
        /// The script line where the statement or command starts.
        public var line: Int
        /// True when it was marked `-- expect error` and succeeded.
        public var expectedErrorMissing: Bool

        /// `walkthrough.sparkify:12`.
        public var location: String { "\(file):\(line)" }
    }

    public var failures: [Failure] = []
    /// True when the replay stopped at a failure before the end of the script.
    public var stopped = false

    /// True when every statement did what the script says.
    public var succeeded: Bool { failures.isEmpty }
}
