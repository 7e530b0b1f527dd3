import Testing
import SparkifyJSON
import SparkifyTables

/// Damaged input of every kind must give rows or malformed records, never a crash, and the
/// same table whether read on one thread or split over many.
@Suite struct RobustnessTests {
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
    }

    func damagedLines(seed: UInt64, count: Int) -> [UInt8] {
        var random = Generator(state: seed)
        let samples: [String] = [
            #"{"artist":"Harmonia","length":655.77751,"registration":1541016707796.0,"userId":"26","ts":1542241826796}"#,
            #"{"artist":null,"auth":"Logged Out","userId":"","itemInSession":0,"o":{"k":[1,2,{"z":"\u00e9"}]}}"#,
            #"{"num_songs": 1, "artist_latitude": null, "title": "Der Kleine Dompfaff", "year": 0, "big": 123456789012345678901234}"#,
            #"[{"a":"x\/y\"z"},{"a":true}]"#,
        ]
        let noise: [UInt8] = Array("{}[]\":,\\\r\n0-.eE tfn'".utf8) + [0xC3, 0xFF, 0x00, 0x09]
        var out: [UInt8] = []
        for _ in 0..<count {
            var line = Array(samples[random.next(samples.count)].utf8)
            for _ in 0..<random.next(4) {
                guard !line.isEmpty else { break }
                let at = random.next(line.count)
                switch random.next(3) {
                case 0: line.remove(at: at)
                case 1: line.insert(noise[random.next(noise.count)], at: at)
                default: line[at] = noise[random.next(noise.count)]
                }
            }
            out += line
            out.append(random.next(5) == 0 ? 0x0D : 0x0A)
            if random.next(3) == 0 { out.append(0x0A) }
        }
        return out
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func damagedInputNeverCrashesAndSplitsConsistently(seed: UInt64) throws {
        let dir = TempDirectory()
        let path = dir.write("fuzz.json", bytes: damagedLines(seed: seed, count: 1200))
        let single = try readJSON(path, threads: 1, chunkBytes: 1 << 30)
        let split = try readJSON(path, threads: 3, chunkBytes: 2048)
        #expect(split.table.schema == single.table.schema)
        #expect(split.table.rowCount == single.table.rowCount)
        #expect(split.table.rows.map { $0.map(comparable) } == single.table.rows.map { $0.map(comparable) })
        #expect(split.malformedCount == single.malformedCount)
        #expect(single.malformedCount > 0)
        let dropped = try readJSON(path, ["mode": "dropmalformed"], threads: 2, chunkBytes: 4096)
        #expect(dropped.table.rowCount <= single.table.rowCount)
        #expect(throws: JSONReadError.self) { try readJSON(path, ["mode": "failfast"]) }
        _ = try readJSON(path, ["multiLine": "true"])
    }
}

/// NaN-safe text of a value, for comparing rows.
func comparable(_ value: Value) -> String {
        switch value {
        case .null: return "NULL"
        case let .boolean(v): return "\(v)"
        case let .int(v): return "\(v)"
        case let .bigint(v): return "\(v)"
        case let .double(v): return "d\(v)"
        case let .decimal(v): return "dec\(v)"
        case let .string(v): return "s\(v)"
        case let .date(v): return "date\(v)"
        case let .timestamp(v): return "ts\(v)"
        case let .json(v): return "j\(v)"
        }
}
