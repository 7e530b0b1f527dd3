import Foundation
import Testing
import SparkifyTables
@testable import SparkifySQL

@Suite struct FunctionsTimeZoneTests {
    @Test func fixedOffsetsParse() throws {
        #expect(try SessionTimeZone.named("+08:00").offset(atEpochSeconds: 0) == 8 * 3600)
        #expect(try SessionTimeZone.named("-0530").offset(atEpochSeconds: 0) == -(5 * 3600 + 1800))
        #expect(try SessionTimeZone.named("GMT+8").offset(atEpochSeconds: 0) == 8 * 3600)
        #expect(try SessionTimeZone.named("UTC").isUTC)
        #expect(try SessionTimeZone.named("Z").isUTC)
        #expect(throws: SQLError.self) { try SessionTimeZone.named("Mars/Olympus") }
        #expect(throws: SQLError.self) { try SessionTimeZone.named("") }
        #expect(try SessionTimeZone.named("PST").offset(atEpochSeconds: 1_546_300_800) == -8 * 3600)
        #expect(throws: SQLError.self) { try SessionTimeZone.named("+25:00") }
    }

    @Test func regionZonesFollowDaylightSaving() throws {
        let la = try SessionTimeZone.named("America/Los_Angeles")
        #expect(la.offset(atEpochSeconds: 1_546_300_800) == -8 * 3600)  // 2019-01-01
        #expect(la.offset(atEpochSeconds: 1_561_939_200) == -7 * 3600)  // 2019-07-01
        // 2018-03-11 10:00 UTC is the switch to PDT.
        #expect(la.offset(atEpochSeconds: 1_520_762_399) == -8 * 3600)
        #expect(la.offset(atEpochSeconds: 1_520_762_400) == -7 * 3600)
        // Far outside the precomputed table Foundation answers directly.
        #expect(la.offset(atEpochSeconds: 5_000_000_000) == -8 * 3600 || la.offset(atEpochSeconds: 5_000_000_000) == -7 * 3600)
    }

    @Test func localTimesResolveLikeJava() throws {
        let la = try SessionTimeZone.named("America/Los_Angeles")
        func local(_ y: Int, _ m: Int, _ d: Int, _ h: Int, _ min: Int) -> Int64 {
            (Int64(CivilDate.days(year: y, month: m, day: d)) * 86_400 + Int64(h * 3600 + min * 60)) * 1_000_000
        }
        // In the spring gap 02:30 becomes 03:30 PDT.
        #expect(la.utcMicros(fromLocalMicros: local(2018, 3, 11, 2, 30)) == 1_520_764_200 * 1_000_000)
        // In the autumn overlap 01:30 takes the earlier offset (PDT).
        #expect(la.utcMicros(fromLocalMicros: local(2018, 11, 4, 1, 30)) == 1_541_320_200 * 1_000_000)
        #expect(la.utcMicros(fromLocalMicros: local(2018, 7, 1, 12, 0)) == 1_530_471_600 * 1_000_000)
    }

    @Test func hoursOfAColumnAcrossATransition() throws {
        var context = EvaluationContext()
        context.timeZone = try SessionTimeZone.named("America/Los_Angeles")
        let seconds: [Int64] = [1_541_314_800, 1_541_318_400, 1_541_322_000, 1_541_325_600]  // 07:00..10:00 UTC, 2018-11-04; PDT ends at 09:00 UTC
        let column = Column(type: .timestamp, values: .int64(seconds.map { $0 * 1_000_000 }))
        let hours = try ScalarFunctionRegistry.call("hour", [.column(column)], rowCount: 4, context: context)
        #expect(hours.allValues == [.int(0), .int(1), .int(1), .int(2)])
    }

    /// The precomputed transition tables agree with Foundation at many instants, for zones with
    /// DST, with standard-offset changes (Moscow 2011/2014), with half-hour shifts (Lord Howe).
    @Test(arguments: ["America/Los_Angeles", "Europe/Berlin", "Europe/Moscow", "Asia/Kolkata", "Australia/Lord_Howe", "America/Sao_Paulo"])
    func transitionTablesMatchFoundation(_ id: String) throws {
        let zone = try SessionTimeZone.named(id)
        let foundation = try #require(TimeZone(identifier: id))
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let t = Int64.random(in: -2_208_988_800..<4_102_444_800, using: &generator)
            #expect(zone.offset(atEpochSeconds: t) == foundation.secondsFromGMT(for: Date(timeIntervalSince1970: Double(t))), "\(id) at \(t)")
        }
    }
}
