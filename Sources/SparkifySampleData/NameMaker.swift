/// Makes artist names and song titles from `MusicCorpus`.
enum NameMaker {
    /// An artist name: mostly bands and people, now and then one with non-ASCII letters, a
    /// double-encoded (mojibake) one, or two acts joined by " / ".
    static func artistName(_ random: inout RandomSource) -> String {
        let roll = random.unit()
        if roll < 0.02 { return random.pick(MusicCorpus.internationalArtists) }
        if roll < 0.03 { return random.pick(MusicCorpus.doubleEncodedArtists) }
        if roll < 0.05 { return person(&random) + " / " + person(&random) }
        switch random.int(below: 10) {
        case 0, 1: return "The " + random.pick(MusicCorpus.adjectives) + " " + random.pick(MusicCorpus.nouns) + "s"
        case 2, 3: return person(&random)
        case 4: return random.pick(MusicCorpus.adjectives) + " " + random.pick(MusicCorpus.nouns)
        case 5: return random.pick(MusicCorpus.nouns) + "s"
        case 6: return "DJ " + random.pick(MusicCorpus.adjectives) + " " + random.pick(MusicCorpus.nouns)
        case 7: return person(&random) + " & The " + random.pick(MusicCorpus.nouns) + "s"
        case 8: return random.pick(MusicCorpus.nouns) + " feat. " + person(&random)
        default: return random.pick(MusicCorpus.personFirstNames) + " " + random.pick(MusicCorpus.nouns)
        }
    }

    /// A song title from the patterns, now and then one with non-ASCII letters.
    static func title(_ random: inout RandomSource) -> String {
        if random.chance(0.025) { return random.pick(MusicCorpus.internationalTitles) }
        let pattern = random.pick(MusicCorpus.titlePatterns)
        var result = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            result += rest[rest.startIndex..<open]
            let key = rest[rest.index(after: open)]
            switch key {
            case "A": result += random.pick(MusicCorpus.adjectives)
            case "N": result += random.pick(MusicCorpus.nouns)
            case "V": result += random.pick(MusicCorpus.verbs)
            default: result += random.pick(MusicCorpus.titleWords)
            }
            rest = rest[rest.index(open, offsetBy: 3)...]
        }
        return result + rest
    }

    private static func person(_ random: inout RandomSource) -> String {
        random.pick(MusicCorpus.personFirstNames) + " " + random.pick(MusicCorpus.personLastNames)
    }
}
