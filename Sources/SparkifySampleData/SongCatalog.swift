/// The songs of a generated dataset: those written to song_data (the catalog) and those that
/// listeners play but the bucket does not have (the "elsewhere" tracks).
///
/// Built once, sequentially, from its own random stream, so it is the same whatever the thread
/// count. Durations are kept in 1e-5 seconds, the precision of the real files, so that a song
/// file and a log line print the very same decimal text and compare equal as doubles.
struct SongCatalog: Sendable {
    /// An artist of the catalog.
    struct Artist: Sendable {
        let id: String
        let name: String
        let location: String
        /// Latitude and longitude in 1e-5 degrees, or nil when the file says null.
        let coordinates: (latitude: Int, longitude: Int)?
        /// Whether song files write this name's non-ASCII letters as raw UTF-8.
        let rawUTF8InSongFiles: Bool
        /// Whether log lines write this name's non-ASCII letters as `\u` escapes.
        let escapedInLog: Bool
        /// The artist's songs: `songs[firstSong ..< firstSong + songCount]`.
        let firstSong: Int
        let songCount: Int
    }

    /// A track, in the catalog or elsewhere.
    struct Song: Sendable {
        let trackID: String
        let songID: String
        let title: String
        /// The artist's index in `artists` for catalog songs; for tracks elsewhere, -1 or a
        /// catalog artist whose other songs the bucket has.
        let artist: Int
        /// The artist's name as the log writes it.
        let artistName: String
        /// In 1e-5 seconds.
        let duration: Int
        let year: Int
        let rawUTF8InSongFiles: Bool
        let escapedInLog: Bool
    }

    private(set) var artists: [Artist] = []
    /// The catalog: one song file each.
    private(set) var songs: [Song] = []
    /// Tracks played but absent from song_data.
    private(set) var elsewhere: [Song] = []
    /// How many letters the three folder levels use (A…), chosen so folders hold a few files.
    let folderAlphabetSize: Int

    /// Draws `songCount` catalog songs and the tracks elsewhere, from `seed`.
    init(songCount: Int, seed: UInt64) {
        var random = RandomSource.derived(seed: seed, stream: 0, purpose: 1)
        var size = 2
        while size < 26 && size * size * size * 6 < songCount { size += 1 }
        folderAlphabetSize = size
        var identifiers = IdentifierMaker(folderAlphabetSize: size)

        var artistIndex = 0
        while songs.count < songCount {
            let wanted = random.chance(0.85) ? 1 : random.int(in: 2...6)
            let count = min(wanted, songCount - songs.count)
            let name = NameMaker.artistName(&random)
            let placeRoll = random.unit()
            var location = ""
            var coordinates: (latitude: Int, longitude: Int)?
            if placeRoll < 0.6 {
                let place = random.pick(MusicCorpus.artistPlaces)
                location = place.name
                if placeRoll < 0.4 {
                    coordinates = (Self.awayFromZero(place.latitude + random.int(in: -5000...5000)),
                                   Self.awayFromZero(place.longitude + random.int(in: -5000...5000)))
                }
            }
            let artist = Artist(
                id: identifiers.artistID(&random), name: name, location: location,
                coordinates: coordinates, rawUTF8InSongFiles: random.chance(0.2),
                escapedInLog: random.chance(0.3), firstSong: songs.count, songCount: count)
            artists.append(artist)
            for _ in 0..<count {
                songs.append(Song(
                    trackID: identifiers.trackID(&random), songID: identifiers.songID(&random),
                    title: NameMaker.title(&random), artist: artistIndex, artistName: name,
                    duration: Self.duration(&random), year: Self.year(&random),
                    rawUTF8InSongFiles: random.chance(0.2), escapedInLog: random.chance(0.3)))
            }
            artistIndex += 1
        }

        var catalogKeys = Set<PlayKey>()
        for song in songs {
            catalogKeys.insert(PlayKey(artist: song.artistName, title: song.title, duration: song.duration))
        }
        let elsewhereCount = max(64, songCount / 2)
        while elsewhere.count < elsewhereCount {
            var artist = -1
            var artistName: String
            if !artists.isEmpty && random.chance(0.3) {
                artist = random.int(below: artists.count)
                artistName = artists[artist].name
            } else {
                artistName = NameMaker.artistName(&random)
            }
            let song = Song(
                trackID: "", songID: "", title: NameMaker.title(&random), artist: artist,
                artistName: artistName, duration: Self.duration(&random), year: 0,
                rawUTF8InSongFiles: false, escapedInLog: random.chance(0.3))
            // A track elsewhere must never join with a song file.
            if catalogKeys.contains(PlayKey(artist: song.artistName, title: song.title, duration: song.duration)) {
                continue
            }
            elsewhere.append(song)
        }
    }

    /// What the songplays join compares: artist name, title and exact duration.
    struct PlayKey: Hashable {
        let artist: String
        let title: String
        let duration: Int
    }

    /// Python prints floats below 1e-4 in exponent form (`3e-05`); keep coordinates clear of it.
    private static func awayFromZero(_ coordinate: Int) -> Int {
        abs(coordinate) >= 100 ? coordinate : (coordinate < 0 ? -100 : 100)
    }

    /// Mostly 2–5.5 minutes, some short interludes and some long pieces.
    private static func duration(_ random: inout RandomSource) -> Int {
        let roll = random.unit()
        let seconds: ClosedRange<Int>
        if roll < 0.04 {
            seconds = 25...119
        } else if roll < 0.93 {
            seconds = 120...329
        } else {
            seconds = 330...1_200
        }
        return random.int(in: seconds.lowerBound * 100_000...seconds.upperBound * 100_000)
    }

    /// 0 (unknown) for about half the songs, otherwise a year skewed towards the 1990s–2000s.
    private static func year(_ random: inout RandomSource) -> Int {
        if random.chance(0.48) { return 0 }
        return 1955 + max(random.int(below: 56), random.int(below: 56))
    }
}
