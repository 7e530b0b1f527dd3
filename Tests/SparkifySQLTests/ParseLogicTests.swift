import Foundation
import Testing
@testable import SparkifySQL

/// Runs the cases of `Logic/parser.txt`: each input must print back as the expected normalised
/// SQL (which must itself parse back to the same text), or fail with the expected rendered error.
///
/// Format: blocks separated by blank lines; `#` lines are comments; `> ` lines are the input
/// (several make a multi-line input); then either one line of expected SQL or `! ` lines with the
/// expected `SQLError.rendered(source:)` text.
@Suite struct ParseLogicTests {
    struct Case: CustomStringConvertible {
        var line: Int
        var input: String
        var expectedSQL: String?
        var expectedError: String?
        var description: String { "parser.txt:\(line)" }
    }

    static func loadCases() throws -> [Case] {
        guard let url = Bundle.module.url(forResource: "parser", withExtension: "txt", subdirectory: "Logic") else {
            throw CocoaError(.fileNoSuchFile)
        }
        let text = try String(contentsOf: url, encoding: .utf8)
        var cases: [Case] = []
        var input: [String] = []
        var sql: [String] = []
        var error: [String] = []
        var startLine = 0
        func flush() {
            if !input.isEmpty {
                cases.append(Case(line: startLine, input: input.joined(separator: "\n"),
                                  expectedSQL: sql.isEmpty ? nil : sql.joined(separator: "\n"),
                                  expectedError: error.isEmpty ? nil : error.joined(separator: "\n")))
            }
            input = []
            sql = []
            error = []
        }
        for (offset, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = String(rawLine)
            if line.hasPrefix("#") { continue }
            if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flush()
            } else if line.hasPrefix(">") {
                if input.isEmpty { startLine = offset + 1 }
                input.append(String(line.dropFirst(line.hasPrefix("> ") ? 2 : 1)))
            } else if line.hasPrefix("!") {
                error.append(String(line.dropFirst(line.hasPrefix("! ") ? 2 : 1)))
            } else {
                sql.append(line)
            }
        }
        flush()
        return cases
    }

    @Test func casesFileHasEnoughCases() throws {
        let cases = try Self.loadCases()
        #expect(cases.count >= 150)
        #expect(cases.allSatisfy { ($0.expectedSQL == nil) != ($0.expectedError == nil) })
    }

    @Test func everyCaseParsesOrFailsAsExpected() throws {
        for testCase in try Self.loadCases() {
            do {
                let statement = try SQLParser.parseStatement(testCase.input)
                let printed = statement.description
                if let expected = testCase.expectedSQL {
                    #expect(printed == expected, "\(testCase)")
                    // The normalised text is itself valid and stable.
                    do {
                        let again = try SQLParser.parseStatement(printed)
                        #expect(again.description == printed, "\(testCase): reparse")
                        #expect(again == statement, "\(testCase): reparse equal")
                    } catch {
                        Issue.record("\(testCase): normalised text does not parse: \(error)")
                    }
                } else {
                    Issue.record("\(testCase): expected an error, got \(printed)")
                }
            } catch {
                if let expected = testCase.expectedError {
                    #expect(error.rendered(source: testCase.input) == expected, "\(testCase)")
                } else {
                    Issue.record("\(testCase): \(error.rendered(source: testCase.input))")
                }
            }
        }
    }
}
