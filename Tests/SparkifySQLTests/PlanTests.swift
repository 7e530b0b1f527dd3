import Foundation
import SparkifySQL
import Testing

/// The optimizer's rewrites, checked as printed plans: `Plans/optimizer.plans` holds each
/// EXPLAIN with the plan it must print. `SPARKIFY_RECORD_SNAPSHOTS=1` re-records the plans.
@Suite struct PlanTests {
    static let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Plans/optimizer.plans")

    struct Case {
        var sql: String
        var expected: String
    }

    @Test func optimizedPlansPrintAsRecorded() throws {
        let text = try String(contentsOf: Self.file, encoding: .utf8)
        var sections = text.components(separatedBy: "\n====\n")
        let setup = sections.removeFirst()
        let recording = ProcessInfo.processInfo.environment["SPARKIFY_RECORD_SNAPSHOTS"] == "1"
        var rewritten = [setup]
        for section in sections {
            let lines = section.components(separatedBy: "\n")
            let divider = lines.firstIndex(of: "----") ?? lines.count
            let sql = lines[..<divider].joined(separator: "\n")
            let expected = divider < lines.count ? lines[(divider + 1)...].joined(separator: "\n") : ""
            let session = SQLSession()
            _ = try session.execute(setup)
            guard case let .plan(plan)? = try session.execute(sql).last else {
                Issue.record("no plan for \(sql)")
                continue
            }
            if recording {
                rewritten.append(sql + "\n----\n" + plan.trimmingTrailingNewlines)
            } else {
                #expect(plan.trimmingTrailingNewlines == expected.trimmingTrailingNewlines, "plan differs for:\n\(sql)")
            }
        }
        if recording {
            try rewritten.joined(separator: "\n====\n").write(to: Self.file, atomically: true, encoding: .utf8)
        }
    }
}

extension String {
    var trimmingTrailingNewlines: String {
        var s = Substring(self)
        while s.last == "\n" { s.removeLast() }
        return String(s)
    }
}
