/// What to generate: how many song files and log events, from which seed.
public struct SampleDataOptions: Sendable, Equatable {
    /// 400 song files: small enough to commit, large enough for every analysis to find data.
    public static let defaultSongs = 400
    /// 8,056 events: the size of the bucket's log_data.
    public static let defaultEvents = 8_056
    public static let defaultSeed: UInt64 = 42
    /// Upper limits, so that a typo cannot fill the disk (5M files, about 22 GB of log).
    public static let maximumSongs = 5_000_000
    public static let maximumEvents = 50_000_000

    /// Song files to write under song_data/.
    public var songs: Int
    /// Lines to write under log_data/ (spread over the 30 days of November 2018).
    public var events: Int
    /// The same seed and counts always give the same bytes.
    public var seed: UInt64

    public init(songs: Int = defaultSongs, events: Int = defaultEvents, seed: UInt64 = defaultSeed) {
        self.songs = songs
        self.events = events
        self.seed = seed
    }

    /// Throws `invalidOption` for counts below 0 or above the limits.
    public func validate() throws(SampleDataError) {
        if songs < 0 || songs > Self.maximumSongs {
            throw .invalidOption(name: "--songs", message: "\(songs) is not between 0 and \(Self.maximumSongs)")
        }
        if events < 0 || events > Self.maximumEvents {
            throw .invalidOption(name: "--events", message: "\(events) is not between 0 and \(Self.maximumEvents)")
        }
    }

    /// How many registered listeners a log of this size has: about one per 80 events.
    var listenerCount: Int {
        events == 0 ? 0 : max(2, events / 80)
    }
}
