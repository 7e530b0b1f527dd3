/// Generates a dataset in the raw format of the Sparkify bucket: `song_data/` (one JSON object
/// per file) and `log_data/` (JSON Lines, one file per day of November 2018).
///
/// The same options always produce the same bytes, on any machine and with any number of cores.
public struct SampleDataGenerator: Sendable {
    public let options: SampleDataOptions

    /// Checks the options; throws `invalidOption` when a count is out of range.
    public init(options: SampleDataOptions) throws(SampleDataError) {
        try options.validate()
        self.options = options
    }

    /// Writes the dataset into `directory`, creating it if needed.
    ///
    /// A directory that exists and is not empty is refused unless `replacingExisting`, in which
    /// case its `song_data/` and `log_data/` are deleted and written anew; other files in it are
    /// left alone.
    public func write(to directory: String, replacingExisting: Bool = false) throws(SampleDataError) -> GenerationSummary {
        guard !directory.isEmpty else {
            throw .invalidOption(name: "directory", message: "the path is empty")
        }
        let root = directory.count > 1 && directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        switch FileSystem.kind(of: root) {
        case .other:
            throw .notADirectory(path: directory)
        case .directory:
            if try !FileSystem.isEmptyDirectory(root) {
                guard replacingExisting else { throw .directoryNotEmpty(path: directory) }
                try FileSystem.remove(root + "/song_data")
                try FileSystem.remove(root + "/log_data")
            }
        case .missing:
            try FileSystem.makeDirectories(root)
        }
        try FileSystem.makeDirectory(root + "/song_data")
        try FileSystem.makeDirectory(root + "/log_data")

        let catalog = SongCatalog(songCount: options.songs, seed: options.seed)
        let listeners = Listener.population(count: options.listenerCount, seed: options.seed)
        var planner = ListeningPlanner(catalog: catalog, listeners: listeners, seed: options.seed)
        let plan = planner.plan(eventCount: options.events)

        let songBytes = try SongFileWriter.write(catalog, to: root + "/song_data")
        let log = try EventLogWriter.write(plan, catalog: catalog, listeners: listeners, to: root + "/log_data")

        var nextSongs = 0
        var catalogPlays = 0
        for day in plan.days {
            for event in day where event.page == .nextSong {
                nextSongs += 1
                if Int(event.track) < catalog.songs.count { catalogPlays += 1 }
            }
        }
        return GenerationSummary(
            songFiles: catalog.songs.count, artists: catalog.artists.count, logFiles: log.files,
            events: plan.eventCount, listeners: listeners.count, nextSongEvents: nextSongs,
            catalogPlays: catalogPlays, bytes: songBytes + log.bytes)
    }
}
