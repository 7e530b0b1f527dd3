/// What a generation wrote.
public struct GenerationSummary: Sendable, Equatable {
    /// Files under song_data/ (one song each).
    public var songFiles: Int
    /// Distinct artists among them.
    public var artists: Int
    /// Daily files under log_data/.
    public var logFiles: Int
    /// Lines in all log files.
    public var events: Int
    /// Registered listeners the log can mention.
    public var listeners: Int
    /// NextSong events, and how many of them play a song that is in song_data.
    public var nextSongEvents: Int
    public var catalogPlays: Int
    /// Bytes written in all files.
    public var bytes: Int
}
