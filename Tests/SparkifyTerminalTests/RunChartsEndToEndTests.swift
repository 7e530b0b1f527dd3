import Foundation
import Testing

/// `sparkify run` draws the analyses' charts after their tables: at a fixed width when its
/// output is a pipe, in the locale's character set, the same characters every run.
@Suite struct RunChartsEndToEndTests {
    @Test func theWalkthroughsChartsAreReproducibleInASCIIAndUnicode() throws {
        guard let ascii = try SparkifyBinary.run(["run"], input: "", environment: ["LC_ALL": "C"]),
              let again = try SparkifyBinary.run(["run"], input: "", environment: ["LC_ALL": "C"]),
              let unicode = try SparkifyBinary.run(["run"], input: "", environment: ["LC_ALL": "C.UTF-8"]) else { return }
        #expect(ascii.status == 0 && unicode.status == 0, "\(ascii.stderr)")
        #expect(ascii.stdout == again.stdout)
        for title in ["Songplays by hour of day (UTC)", "Most played artists", "Plays by operating system", "Plays by browser", "Free and paid songplays"] {
            #expect(ascii.stdout.contains("\n\(title)\n") && unicode.stdout.contains("\n\(title)\n"), "\(title)")
        }
        #expect(ascii.stdout.contains("  0 +----") && !ascii.stdout.contains("█"))
        #expect(unicode.stdout.contains("  0 ┼────") && unicode.stdout.contains("█"))
        // Outside a terminal the charts are 100 columns wide at most.
        for line in unicode.stdout.split(separator: "\n") where line.contains("█") { #expect(ChartRendererTests.cells(String(line)) <= 100) }
    }

    @Test func aChartOfAMissingColumnFailsTheRunAndSaysWhere() throws {
        let folder = TemporaryFolder()
        let notebook = folder.write("nb.sql", "-- %% counts chart=\"hbar page n\"\nCREATE TEMP VIEW counts AS SELECT 'a' AS level, 1 AS n;\n")
        guard let result = try SparkifyBinary.run(["run", notebook], input: "") else { return }
        #expect(result.status != 0)
        #expect(result.stderr.contains("error: the chart of cell counts (line 1): No column page to chart; the columns are level, n."))
    }
}
