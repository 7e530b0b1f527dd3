import Foundation
import Testing
@testable import SparkifySampleData

/// The properties the course's analyses rely on.
@Suite("realism of the generated data")
struct RealismTests {
    let dataset: GeneratedDataset
    let parsed: ParsedDataset

    init() throws {
        dataset = try GeneratedDataset.shared.get()
        parsed = try ParsedDataset.shared.get()
    }

    private struct PlayKey: Hashable {
        let artist: String
        let title: String
        let duration: Double
    }

    private var songPlays: [[String: Any]] {
        parsed.events.map(\.event).filter { $0["page"] as? String == "NextSong" }
    }

    @Test func mostSongPlaysJoinWithSongDataByArtistTitleAndDuration() throws {
        var catalog = Set<PlayKey>()
        for song in parsed.songs {
            catalog.insert(PlayKey(
                artist: song["artist_name"] as? String ?? "", title: song["title"] as? String ?? "",
                duration: JSONTestSupport.double(song["duration"]) ?? -1))
        }
        let plays = songPlays
        let matched = plays.filter {
            catalog.contains(PlayKey(
                artist: $0["artist"] as? String ?? "", title: $0["song"] as? String ?? "",
                duration: JSONTestSupport.double($0["length"]) ?? -2))
        }.count
        let share = Double(matched) / Double(plays.count)
        #expect(share >= 0.85 && share <= 0.95, "\(matched) of \(plays.count) plays match")
        #expect(matched == dataset.summary.catalogPlays)
        #expect(plays.count == dataset.summary.nextSongEvents)
        #expect(plays.count > parsed.events.count * 7 / 10, "NextSong is most of the log")
    }

    @Test func artistPopularityIsSkewed() throws {
        var plays = [String: Int]()
        for play in songPlays { plays[play["artist"] as? String ?? "", default: 0] += 1 }
        let counts = plays.values.sorted(by: >)
        let top = counts.prefix(max(1, counts.count / 10)).reduce(0, +)
        let total = counts.reduce(0, +)
        #expect(Double(top) / Double(total) > 0.4, "top 10% of artists get \(top) of \(total) plays")
        #expect(counts[0] > 10 * counts[counts.count / 2], "the favourite is far ahead of the median")
    }

    @Test func playsPeakInTheAfternoonAndEvening() throws {
        var byHour = [Int](repeating: 0, count: 24)
        for play in songPlays {
            let ts = JSONTestSupport.integer(play["ts"]) ?? 0
            byHour[(ts / 3_600_000) % 24] += 1
        }
        let peak = try #require(byHour.indices.max { byHour[$0] < byHour[$1] })
        #expect((14...21).contains(peak), "peak hour \(peak) UTC: \(byHour)")
        let laterHalf = byHour[12..<24].reduce(0, +)
        let earlierHalf = byHour[0..<12].reduce(0, +)
        #expect(laterHalf > 2 * earlierHalf, "\(byHour)")
        #expect(byHour[3] * 3 < byHour[18], "night is quiet: \(byHour)")
    }

    @Test func someUsersSwitchBetweenFreeAndPaid() throws {
        var levels = [String: [(ts: Int, level: String)]]()
        var submits = [String: Int]()
        for (_, _, event) in parsed.events {
            guard let user = event["userId"] as? String, !user.isEmpty else { continue }
            levels[user, default: []].append((JSONTestSupport.integer(event["ts"]) ?? 0, event["level"] as? String ?? ""))
            let page = event["page"] as? String
            if page == "Submit Upgrade" || page == "Submit Downgrade" { submits[user, default: 0] += 1 }
        }
        var switchers = 0
        for (user, history) in levels {
            let ordered = history.sorted { $0.ts < $1.ts }.map(\.level)
            let changes = zip(ordered, ordered.dropFirst()).filter { $0 != $1 }.count
            if changes > 0 {
                switchers += 1
                check(submits[user, default: 0] > 0, "user \(user) changed level without submitting")
            }
        }
        let users = levels.count
        #expect(switchers >= 5 && switchers < users / 2, "\(switchers) of \(users) users switch level")
        let paidUsers = levels.values.filter { $0.contains { $0.level == "paid" } }.count
        let freeUsers = levels.values.filter { $0.contains { $0.level == "free" } }.count
        #expect(paidUsers > users / 10 && freeUsers > users / 3)
    }

    @Test func userAgentsComeFromSeveralBrowsersAndSystems() throws {
        let agents = Set(parsed.events.compactMap { $0.event["userAgent"] as? String })
        func count(_ predicate: (String) -> Bool) -> Int { agents.filter(predicate).count }
        #expect(agents.allSatisfy { $0.hasPrefix("\"Mozilla/5.0 (") && $0.hasSuffix("\"") })
        #expect(count { $0.contains("Chrome/") && !$0.contains("Edge/") } > 0)
        #expect(count { $0.contains("Safari/") && !$0.contains("Chrome/") } > 0)
        #expect(count { $0.contains("Firefox/") } > 0)
        #expect(count { $0.contains("Trident/") } > 0)
        #expect(count { $0.contains("Edge/") } > 0)
        #expect(count { $0.contains("Windows NT") } > 0)
        #expect(count { $0.contains("Macintosh") } > 0)
        #expect(count { $0.contains("Linux") } > 0)
        #expect(count { $0.contains("iPhone") } > 0)
        #expect(count { $0.contains("iPad") } > 0)
    }

    @Test func textQuirksOfTheRealBucketAppear() throws {
        let songFiles = dataset.songFilePaths.compactMap { dataset.files[$0] }
        let logFiles = dataset.logFilePaths.compactMap { dataset.files[$0] }
        func has(_ files: [[UInt8]], _ text: String) -> Bool {
            files.contains { String(decoding: $0, as: UTF8.self).contains(text) }
        }
        #expect(has(songFiles, #"\u00"#), "song files escape non-ASCII like Python")
        #expect(songFiles.contains { $0.contains { $0 >= 0x80 } }, "some song files have raw UTF-8")
        #expect(has(songFiles, #"\ud8"#) || has(logFiles, #"\ud8"#), "surrogate pairs")
        #expect(has(logFiles, #"\u00"#), "some log names are escaped")
        #expect(logFiles.contains { $0.contains { $0 >= 0x80 } }, "some log names are raw UTF-8")
        #expect(has(logFiles, #" \/ "#), "slashes in names are escaped in the log")
        #expect(has(songFiles, " / "), "and written plainly in song files")
        let names = parsed.songs.compactMap { $0["artist_name"] as? String }
            + parsed.events.compactMap { $0.event["artist"] as? String }
        #expect(names.contains { $0.contains("\u{C3}") }, "double-encoded (mojibake) names are kept")
        #expect(names.contains { $0.unicodeScalars.contains { $0.value > 0xFFFF } }
            || parsed.songs.contains { ($0["title"] as? String ?? "").unicodeScalars.contains { $0.value > 0xFFFF } })
    }
}
