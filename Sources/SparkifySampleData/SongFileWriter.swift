import Dispatch
import Synchronization

/// Writes song_data/: one file per catalog song at `A/B/C/TRABC….json`, in the format of
/// Python's `json.dumps` (`", "` and `": "` separators, no newline at the end).
enum SongFileWriter {
    /// Writes every song of `catalog` under `root` (the song_data folder, which exists) and
    /// returns the number of bytes written.
    static func write(_ catalog: SongCatalog, to root: String) throws(SampleDataError) -> Int {
        var folders = Set<String>()
        for song in catalog.songs { folders.insert(folder(of: song.trackID)) }
        var parents = Set<String>()
        for folder in folders {
            let parts = folder.split(separator: "/")
            parents.insert(String(parts[0]))
            parents.insert(parts[0] + "/" + parts[1])
        }
        for folder in parents.sorted() + folders.sorted() {
            try FileSystem.makeDirectory(root + "/" + folder)
        }

        let songs = catalog.songs
        let artists = catalog.artists
        let chunkCount = min(64, max(1, songs.count / 256))
        let outcomes = Mutex([Result<Int, SampleDataError>](repeating: .success(0), count: chunkCount))
        DispatchQueue.concurrentPerform(iterations: chunkCount) { chunk in
            let range = (songs.count * chunk / chunkCount)..<(songs.count * (chunk + 1) / chunkCount)
            let outcome = Result { () throws(SampleDataError) -> Int in
                let buffer = OutputBuffer(capacity: 1024)
                var bytes = 0
                for index in range {
                    let song = songs[index]
                    format(song, of: artists[song.artist], into: buffer)
                    bytes += buffer.count
                    try FileSystem.writeFile(
                        root + "/" + folder(of: song.trackID) + "/" + song.trackID + ".json", from: buffer)
                }
                return bytes
            }
            outcomes.withLock { $0[chunk] = outcome }
        }
        var total = 0
        for outcome in outcomes.withLock({ $0 }) {
            total += try outcome.get()
        }
        return total
    }

    /// `A/B/C` for track `TRABC…`.
    static func folder(of trackID: String) -> String {
        let letters = Array(trackID.utf8.dropFirst(2).prefix(3))
        return letters.map { String(UnicodeScalar($0)) }.joined(separator: "/")
    }

    /// The file's bytes for `song`.
    static func format(_ song: SongCatalog.Song, of artist: SongCatalog.Artist, into buffer: OutputBuffer) {
        func quoted(_ text: String, raw: Bool) -> [UInt8] {
            JSONText.quoted(text, escapeSlash: false, nonASCII: raw ? .raw : .escaped)
        }
        buffer.append(#"{"num_songs": 1, "artist_id": ""#)
        buffer.append(Array(artist.id.utf8))
        buffer.append(#"", "artist_latitude": "#)
        if let coordinates = artist.coordinates {
            buffer.appendFixedPoint5(coordinates.latitude)
            buffer.append(#", "artist_longitude": "#)
            buffer.appendFixedPoint5(coordinates.longitude)
        } else {
            buffer.append(#"null, "artist_longitude": null"#)
        }
        buffer.append(#", "artist_location": "#)
        buffer.append(quoted(artist.location, raw: artist.rawUTF8InSongFiles))
        buffer.append(#", "artist_name": "#)
        buffer.append(quoted(artist.name, raw: artist.rawUTF8InSongFiles))
        buffer.append(#", "song_id": ""#)
        buffer.append(Array(song.songID.utf8))
        buffer.append(#"", "title": "#)
        buffer.append(quoted(song.title, raw: song.rawUTF8InSongFiles))
        buffer.append(#", "duration": "#)
        buffer.appendFixedPoint5(song.duration)
        buffer.append(#", "year": "#)
        buffer.appendDecimal(song.year)
        buffer.append(UInt8(ascii: "}"))
    }
}
