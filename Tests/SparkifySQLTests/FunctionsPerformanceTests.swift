import Foundation
import Testing
import SparkifyTables
@testable import SparkifySQL

/// Timings over 2M rows, run only with `SPARKIFY_BENCH=1` (use a release build:
/// `SPARKIFY_BENCH=1 swift test -c release --filter FunctionsPerformanceTests`).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["SPARKIFY_BENCH"] != nil))
struct FunctionsPerformanceTests {
    static let rows = 2_000_000

    /// CPU time of this thread, which the other builds sharing the machine do not inflate.
    static func threadCPUNanoseconds() -> UInt64 {
        var spec = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &spec)
        return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
    }

    static func time(_ label: String, _ body: () throws -> Column) rethrows -> Column {
        let start = DispatchTime.now().uptimeNanoseconds
        let cpuStart = threadCPUNanoseconds()
        let result = try body()
        let cpu = Double(threadCPUNanoseconds() - cpuStart) / 1e6
        let ms = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        print("bench \(label): \(String(format: "%.1f", cpu)) ms CPU (\(String(format: "%.1f", ms)) ms wall) for \(rows) rows")
        return result
    }

    @Test func hotFunctions() throws {
        var context = EvaluationContext()
        let millis = (0..<Self.rows).map { Int64(1_541_030_400_000) + Int64($0) * 1_234 }
        let ts = Column(type: .bigint, values: .int64(millis))
        let agents = [
            "Mozilla/5.0 (Windows NT 6.1; WOW64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_9_4) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/36.0.1985.143 Safari/537.36",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Ubuntu Chromium/36.0.1985.125",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 7_1_2 like Mac OS X) AppleWebKit/537.51.2 (KHTML, like Gecko) Version/7.0 Mobile/11D257 Safari/9537.53",
        ]
        var builder = ColumnBuilder(type: .string, capacity: Self.rows)
        for i in 0..<Self.rows { builder.append(agents[(i * 7) % agents.count] + (i % 50 == 0 ? " x" : "")) }
        let userAgents = builder.build()

        let seconds = try Self.time("ts / 1000") {
            try ScalarFunctionRegistry.call("/", [.column(ts), .constant(.int(1000), .int)], rowCount: Self.rows, context: context)
        }
        let timestamps = try Self.time("cast(double AS timestamp)") {
            try CastKernel.cast(seconds, to: .timestamp, context: context)
        }
        _ = try Self.time("from_unixtime(ts / 1000)") {
            try ScalarFunctionRegistry.call("from_unixtime", [.column(seconds)], rowCount: Self.rows, context: context)
        }
        let hours = try Self.time("hour(ts) UTC") {
            try ScalarFunctionRegistry.call("hour", [.column(timestamps)], rowCount: Self.rows, context: context)
        }
        #expect(hours.count == Self.rows)
        context.timeZone = try SessionTimeZone.named("America/Los_Angeles")
        _ = try Self.time("hour(ts) America/Los_Angeles") {
            try ScalarFunctionRegistry.call("hour", [.column(timestamps)], rowCount: Self.rows, context: context)
        }
        _ = try Self.time("weekofyear(ts)") {
            try ScalarFunctionRegistry.call("weekofyear", [.column(timestamps)], rowCount: Self.rows, context: context)
        }
        _ = try Self.time("date_format(ts, 'yyyy-MM-dd HH:mm:ss')") {
            try ScalarFunctionRegistry.call("date_format", [.column(timestamps), .constant(.string("yyyy-MM-dd HH:mm:ss"), .string)], rowCount: Self.rows, context: context)
        }
        _ = try Self.time("cast(ts AS string)") {
            try CastKernel.cast(timestamps, to: .string, context: context)
        }
        _ = try Self.time("lower(user_agent)") {
            try ScalarFunctionRegistry.call("lower", [.column(userAgents)], rowCount: Self.rows, context: context)
        }
        _ = try Self.time("length(user_agent)") {
            try ScalarFunctionRegistry.call("length", [.column(userAgents)], rowCount: Self.rows, context: context)
        }
        _ = try Self.time("user_agent RLIKE 'Windows|Mac'") {
            try ScalarFunctionRegistry.call("rlike", [.column(userAgents), .constant(.string("Windows|Mac"), .string)], rowCount: Self.rows, context: context)
        }
        _ = try Self.time("user_agent LIKE '%Windows%'") {
            try ScalarFunctionRegistry.call("like", [.column(userAgents), .constant(.string("%Windows%"), .string)], rowCount: Self.rows, context: context)
        }
        _ = try Self.time("regexp_extract(user_agent, '\\(([^;]+);', 1)") {
            try ScalarFunctionRegistry.call("regexp_extract", [.column(userAgents), .constant(.string("\\(([^;]+);"), .string), .constant(.int(1), .int)], rowCount: Self.rows, context: context)
        }
        let isWindows = try ScalarFunctionRegistry.call("like", [.column(userAgents), .constant(.string("%Windows%"), .string)], rowCount: Self.rows, context: context)
        _ = try Self.time("CASE WHEN windows THEN 'pc' ELSE 'other' END") {
            try ConditionalKernels.caseWhen(conditions: [.column(isWindows)], values: [.constant(.string("pc"), .string)], otherwise: .constant(.string("other"), .string), resultType: .string, rowCount: Self.rows)
        }
        _ = try Self.time("= 'x' on strings") {
            try ScalarFunctionRegistry.call("=", [.column(userAgents), .constant(.string(agents[0]), .string)], rowCount: Self.rows, context: context)
        }
    }
}
