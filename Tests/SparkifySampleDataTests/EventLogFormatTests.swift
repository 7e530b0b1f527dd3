import Foundation
import Testing
@testable import SparkifySampleData

@Suite("log_data files")
struct EventLogFormatTests {
    static let keys = [
        "artist", "auth", "firstName", "gender", "itemInSession", "lastName", "length", "level",
        "location", "method", "page", "registration", "sessionId", "song", "status", "ts",
        "userAgent", "userId",
    ]
    static let november1 = 1_541_030_400_000
    static let day = 86_400_000

    let dataset: GeneratedDataset
    let parsed: ParsedDataset

    init() throws {
        dataset = try GeneratedDataset.shared.get()
        parsed = try ParsedDataset.shared.get()
    }

    @Test func oneJSONLinesFilePerDayOfNovember2018() throws {
        let expected = (1...30).map { "log_data/2018/11/2018-11-\($0 < 10 ? "0" : "")\($0)-events.json" }
        #expect(dataset.logFilePaths == expected)
        for path in dataset.logFilePaths {
            let bytes = try #require(dataset.files[path])
            check(bytes.last == 0x0A, "\(path) ends with a newline")
            check(!bytes.contains(0x0D), "\(path) has no carriage returns")
        }
        #expect(dataset.logLines().count == 12_000)
        #expect(dataset.summary.events == 12_000)
    }

    @Test func everyLineHasTheEighteenKeysInOrderAndTsInItsDay() throws {
        for (path, line, event) in parsed.events {
            check(JSONTestSupport.keysInOrder(line) == Self.keys, "\(path)")
            let dayNumber = try #require(Int(path.dropLast("-events.json".count).suffix(2)))
            let ts = try #require(JSONTestSupport.integer(event["ts"]))
            let dayStart = Self.november1 + (dayNumber - 1) * Self.day
            check(ts >= dayStart && ts < dayStart + Self.day, "\(path): ts \(ts)")
            check(JSONTestSupport.integer(event["itemInSession"]) != nil)
            check(JSONTestSupport.integer(event["sessionId"]) != nil)
            check(event["userId"] is String)
            let method = event["method"] as? String
            check(method == "GET" || method == "PUT")
            let status = JSONTestSupport.integer(event["status"])
            check(status == 200 || status == 307 || status == 404)
            let level = event["level"] as? String
            check(level == "free" || level == "paid")
        }
    }

    @Test func linesAreInTimeOrderWithinEachFile() throws {
        var previous = [String: Int]()
        for (path, _, event) in parsed.events {
            let ts = try #require(JSONTestSupport.integer(event["ts"]))
            check(ts >= previous[path, default: 0], "\(path)")
            previous[path] = ts
        }
    }

    @Test func songPagesCarryASongAndOtherPagesNull() throws {
        var pages = Set<String>()
        for (_, _, event) in parsed.events {
            let page = try #require(event["page"] as? String)
            pages.insert(page)
            if page == "NextSong" {
                check(event["artist"] is String && event["song"] is String)
                check((JSONTestSupport.double(event["length"]) ?? 0) > 0)
                check(event["method"] as? String == "PUT")
                check(JSONTestSupport.integer(event["status"]) == 200)
                check(event["auth"] as? String == "Logged In")
            } else {
                check(JSONTestSupport.isNull(event["artist"]), "\(page)")
                check(JSONTestSupport.isNull(event["song"]), "\(page)")
                check(JSONTestSupport.isNull(event["length"]), "\(page)")
            }
        }
        for page in ["NextSong", "Home", "Login", "Logout", "Settings", "Help", "About", "Upgrade",
                     "Submit Upgrade", "Downgrade", "Save Settings"] {
            check(pages.contains(page), "page \(page) appears")
        }
    }

    @Test func loggedOutEventsHaveNoUser() throws {
        var loggedOut = 0
        for (_, line, event) in parsed.events {
            guard event["auth"] as? String == "Logged Out" else { continue }
            loggedOut += 1
            for key in ["firstName", "gender", "lastName", "location", "registration", "userAgent",
                        "artist", "length", "song"] {
                check(JSONTestSupport.isNull(event[key]), "\(key) is null when logged out")
            }
            check(event["userId"] as? String == "")
            check(["Home", "Login", "About", "Help"].contains(event["page"] as? String ?? ""))
            let text = String(decoding: line, as: UTF8.self)
            check(text.hasSuffix(#""userAgent":null,"userId":""}"#))
        }
        let total = dataset.logLines().count
        #expect(loggedOut > total / 100 && loggedOut < total / 5, "\(loggedOut) logged-out events")
    }

    @Test func rawTextMatchesTheBucket() throws {
        for (path, line) in dataset.logLines() {
            let text = String(decoding: line, as: UTF8.self)
            check(text.hasPrefix(#"{"artist":"#), "\(path)")
            check(text.contains(#","auth":""#) && text.contains(#","ts":1"#), "compact separators")
            if !text.contains(#""registration":null"#) {
                // Written like 1540919166796.0.
                let start = try #require(text.range(of: #""registration":"#)).upperBound
                let number = text[start...].prefix { $0 != "," }
                check(number.hasSuffix(".0") && number.count == 15, "\(number)")
            }
            if !text.contains(#""userAgent":null"#) {
                check(text.contains(#""userAgent":"\"Mozilla\/5.0 ("#), "\(path)")
                check(!text.contains("Mozilla/5.0"), "slashes are escaped")
            }
            check(!text.contains(#""itemInSession":-"#))
        }
    }

    @Test func sessionsNumberTheirItemsConsecutively() throws {
        var items = [Int: [(ts: Int, item: Int, user: String)]]()
        for (_, _, event) in parsed.events {
            let session = try #require(JSONTestSupport.integer(event["sessionId"]))
            items[session, default: []].append((
                JSONTestSupport.integer(event["ts"]) ?? 0, JSONTestSupport.integer(event["itemInSession"]) ?? -1,
                event["userId"] as? String ?? ""))
        }
        #expect(items.count > 300)
        for (session, events) in items {
            let ordered = events.sorted { $0.item < $1.item }
            check(ordered.map(\.item) == Array(0..<ordered.count), "session \(session)")
            check(zip(ordered, ordered.dropFirst()).allSatisfy { $0.ts <= $1.ts }, "session \(session)")
            let users = Set(ordered.map(\.user).filter { !$0.isEmpty })
            check(users.count <= 1, "session \(session) belongs to one user")
            check(ordered.count <= 111, "session \(session) has \(ordered.count) events")
        }
    }

    @Test func usersKeepTheirDetailsAllMonth() throws {
        var details = [String: Set<String>]()
        for (_, _, event) in parsed.events {
            guard let user = event["userId"] as? String, !user.isEmpty else { continue }
            let summary = ["firstName", "lastName", "gender", "location", "userAgent"]
                .map { event[$0] as? String ?? "?" }.joined(separator: "|")
                + "|\(JSONTestSupport.integer(event["registration"]) ?? 0)"
            details[user, default: []].insert(summary)
        }
        #expect(details.count > 100 && details.count <= 150, "\(details.count) users for 12,000 events")
        for (user, variants) in details {
            check(variants.count == 1, "user \(user): \(variants)")
        }
    }
}
