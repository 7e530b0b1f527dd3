import ArgumentParser
import Foundation
import SparkifySQL
import SparkifyTables
import SparkifyTerminal

/// `sparkify sql`: runs Spark SQL statements from a file, `-e`, or standard input, and prints
/// each result.
struct SQLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sql",
        abstract: "Run Spark SQL statements and print their results.",
        discussion: "Statements end with ';'. ${data} names the data folder (--data); SET key=value defines more variables."
    )

    @Option(name: .shortAndLong, help: "SQL text to run (instead of a file).")
    var execute: String?

    @Argument(help: "A file of SQL statements; standard input when neither a file nor -e is given.")
    var file: String?

    @Option(help: "The raw data folder, available as ${data}.")
    var data: String = "samples/data"

    @Option(help: "How results print: box, spark, csv, json or markdown.")
    var mode: String = "box"

    @Option(help: "Rows shown per result before '… N more rows' (default: 20 in box, spark and markdown; every row in csv and json, which other programs read).")
    var maxRows: Int?

    @Flag(help: "Print each statement's time to standard error.")
    var timer = false

    func run() throws {
        guard let renderMode = TableRenderer.Mode(rawValue: mode) else {
            throw ValidationError("--mode must be one of: \(TableRenderer.Mode.allCases.map(\.rawValue).joined(separator: ", ")).")
        }
        let text: String
        let origin: String
        if let execute {
            text = execute
            origin = "-e"
        } else if let file {
            guard let contents = try? String(contentsOfFile: file, encoding: .utf8) else {
                throw ValidationError("Cannot read the SQL file \(file).")
            }
            text = contents
            origin = file
        } else {
            text = String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self)
            origin = "stdin"
        }
        let session = SQLSession(settings: ["data": data])
        session.onNotice = { message in FileHandle.standardError.write(Data((message + "\n").utf8)) }
        let zone = session.timeZone
        let rowLimit = maxRows ?? ([.csv, .json].contains(renderMode) ? nil : 20)
        var renderer = TableRenderer(mode: renderMode, maxRows: rowLimit, width: 120)
        for statement in SQLStatementSplitter.split(text) {
            let started = ContinuousClock.now
            defer {
                if timer {
                    let elapsed = ContinuousClock.now - started
                    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                    let firstLine = statement.text.split(separator: "\n").first.map(String.init) ?? ""
                    FileHandle.standardError.write(Data("time: \(String(format: "%.3f", seconds)) s  \(firstLine.prefix(70))\n".utf8))
                }
            }
            do {
                switch try session.execute(statement) {
                case let .rows(table):
                    renderer.timeZoneOffset = { micros in zone.offset(atMicros: micros) }
                    print(renderer.render(table), terminator: "")
                case let .plan(text):
                    print(text, terminator: "")
                case let .message(message):
                    FileHandle.standardError.write(Data((message + "\n").utf8))
                }
            } catch let error as SQLError {
                let rendered = error.rendered(source: text)
                FileHandle.standardError.write(Data("\(origin): \(rendered)\n".utf8))
                throw ExitCode(1)
            }
        }
    }
}
