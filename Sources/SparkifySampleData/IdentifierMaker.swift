/// Makes unique Million-Song-Dataset-shaped identifiers: `TR…`, `SO…` and `AR…`, 18 characters.
struct IdentifierMaker {
    private static let letters: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".utf8)
    private static let alphanumerics: [UInt8] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".utf8)
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    /// The first `folderAlphabetSize` letters are used for a track id's 3rd–5th characters,
    /// which name its song_data folders.
    let folderAlphabetSize: Int
    private var usedTracks = Set<String>()
    private var usedSongs = Set<String>()
    private var usedArtists = Set<String>()

    init(folderAlphabetSize: Int) {
        self.folderAlphabetSize = folderAlphabetSize
    }

    /// Like `TRAAAAW128F429D538`.
    mutating func trackID(_ random: inout RandomSource) -> String {
        while true {
            var bytes = Array("TR".utf8)
            for _ in 0..<3 { bytes.append(Self.letters[random.int(below: folderAlphabetSize)]) }
            for _ in 0..<2 { bytes.append(random.pick(Self.letters)) }
            bytes += Array("12".utf8)
            for _ in 0..<9 { bytes.append(random.pick(Self.hex)) }
            let id = String(decoding: bytes, as: UTF8.self)
            if usedTracks.insert(id).inserted { return id }
        }
    }

    /// Like `SOUPIRU12A6D4FA1E1`.
    mutating func songID(_ random: inout RandomSource) -> String {
        while true {
            var bytes = Array("SO".utf8)
            for _ in 0..<5 { bytes.append(random.pick(Self.letters)) }
            bytes += Array("12A".utf8)
            for _ in 0..<8 { bytes.append(random.pick(Self.hex)) }
            let id = String(decoding: bytes, as: UTF8.self)
            if usedSongs.insert(id).inserted { return id }
        }
    }

    /// Like `ARJIE2Y1187B994AB7`.
    mutating func artistID(_ random: inout RandomSource) -> String {
        while true {
            var bytes = Array("AR".utf8)
            for _ in 0..<5 { bytes.append(random.pick(Self.alphanumerics)) }
            bytes += Array("1187".utf8)
            for _ in 0..<7 { bytes.append(random.pick(Self.hex)) }
            let id = String(decoding: bytes, as: UTF8.self)
            if usedArtists.insert(id).inserted { return id }
        }
    }
}
