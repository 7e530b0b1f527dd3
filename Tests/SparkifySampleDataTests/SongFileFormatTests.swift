import Foundation
import Testing
@testable import SparkifySampleData

@Suite("song_data files")
struct SongFileFormatTests {
    static let keys = [
        "num_songs", "artist_id", "artist_latitude", "artist_longitude", "artist_location",
        "artist_name", "song_id", "title", "duration", "year",
    ]

    let dataset: GeneratedDataset
    let parsed: ParsedDataset

    init() throws {
        dataset = try GeneratedDataset.shared.get()
        parsed = try ParsedDataset.shared.get()
    }

    @Test func oneFilePerSongInFoldersNamedByTheTrackID() throws {
        let paths = dataset.songFilePaths
        #expect(paths.count == 600)
        #expect(dataset.summary.songFiles == 600)
        for path in paths {
            let parts = path.split(separator: "/").map(String.init)
            try #require(parts.count == 5, "\(path)")
            let track = Array(parts[4].utf8)
            check(parts[4].hasSuffix(".json"), "\(path)")
            check(track.count == 23, "\(path)")
            check(parts[4].hasPrefix("TR"), "\(path)")
            check(track[2..<18].allSatisfy { isUpperAlphanumeric($0) }, "\(path)")
            let folders = parts[1] + parts[2] + parts[3]
            check(folders == String(decoding: track[2..<5], as: UTF8.self), "\(path)")
        }
    }

    @Test func eachFileIsOneObjectWithTheTenKeysInOrder() throws {
        for path in dataset.songFilePaths {
            let bytes = try #require(dataset.files[path])
            check(JSONTestSupport.keysInOrder(bytes) == Self.keys, "\(path)")
            // Python's json.dumps layout: ", " and ": " separators, no newline at the end.
            check(bytes.starts(with: Array(#"{"num_songs": 1, "artist_id": "AR"#.utf8)), "\(path)")
            check(bytes.last == UInt8(ascii: "}"), "\(path)")
            check(!bytes.contains(0x0A), "\(path)")
        }
    }

    @Test func valuesHaveTheBucketsTypes() throws {
        for song in parsed.songs {
            check(JSONTestSupport.integer(song["num_songs"]) == 1)
            let artistID = try #require(song["artist_id"] as? String)
            let songID = try #require(song["song_id"] as? String)
            check(artistID.count == 18 && artistID.hasPrefix("AR") && artistID.utf8.allSatisfy(isUpperAlphanumeric))
            check(songID.count == 18 && songID.hasPrefix("SO") && songID.utf8.allSatisfy(isUpperAlphanumeric))
            let latitude = song["artist_latitude"]
            let longitude = song["artist_longitude"]
            check(JSONTestSupport.isNull(latitude) == JSONTestSupport.isNull(longitude))
            if let latitude = JSONTestSupport.double(latitude), let longitude = JSONTestSupport.double(longitude) {
                check((-90.0...90.0).contains(latitude) && (-180.0...180.0).contains(longitude))
            }
            check(song["artist_location"] is String)
            check(!((song["artist_name"] as? String) ?? "").isEmpty)
            check(!((song["title"] as? String) ?? "").isEmpty)
            let duration = try #require(JSONTestSupport.double(song["duration"]))
            check(duration > 10 && duration < 2_000)
            let year = try #require(JSONTestSupport.integer(song["year"]))
            check(year == 0 || (1950...2015).contains(year))
        }
    }

    @Test func artistsRepeatWithTheSameDetailsAndFieldsAreOftenEmpty() throws {
        let songs = parsed.songs
        var byArtist = [String: [[String: Any]]]()
        for song in songs { byArtist[song["artist_id"] as? String ?? "", default: []].append(song) }
        #expect(byArtist.count < songs.count, "some artists have several songs")
        #expect(byArtist.count > songs.count / 2, "most artists have one song")
        for (id, group) in byArtist {
            let names = Set(group.map { $0["artist_name"] as? String ?? "" })
            let places = Set(group.map { $0["artist_location"] as? String ?? "" })
            check(names.count == 1 && places.count == 1, "artist \(id)")
        }
        let nullLatitudes = songs.filter { JSONTestSupport.isNull($0["artist_latitude"]) }.count
        let emptyLocations = songs.filter { ($0["artist_location"] as? String) == "" }.count
        let unknownYears = songs.filter { JSONTestSupport.integer($0["year"]) == 0 }.count
        #expect(nullLatitudes > songs.count / 4 && nullLatitudes < songs.count)
        #expect(emptyLocations > songs.count / 5 && emptyLocations < songs.count)
        #expect(unknownYears > songs.count / 4 && unknownYears < songs.count)
        let songIDs = Set(songs.map { $0["song_id"] as? String ?? "" })
        #expect(songIDs.count == songs.count)
    }

    @Test func durationsAreWrittenWithAtMostFiveDecimals() throws {
        for path in dataset.songFilePaths {
            let text = String(decoding: try #require(dataset.files[path]), as: UTF8.self)
            let tail = try #require(text.range(of: #""duration": "#)).upperBound
            let number = text[tail...].prefix { $0 != "," }
            let parts = number.split(separator: ".")
            check(parts.count == 2 && (1...5).contains(parts[1].count), "\(path): \(number)")
            check(parts[1].count == 1 || !parts[1].hasSuffix("0"), "\(path): \(number)")
        }
    }

    private func isUpperAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}
