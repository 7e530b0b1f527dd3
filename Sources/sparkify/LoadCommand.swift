import ArgumentParser
import SparkifyJSON
import SparkifyTables
#if canImport(Glibc)
import Glibc
#endif

/// `sparkify load PATH`: reads a JSON lake and prints its schema and row count.
struct LoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load JSON files (a file, a folder or a glob) and print the schema Spark would infer and the row count."
    )

    @Argument(help: "A JSON file, a folder of them, or a Hadoop glob such as 'song_data/*/*/*/*.json'.")
    var path: String

    @Flag(name: .customLong("multi-line"), help: "Each file is one JSON document (Spark's multiLine option).")
    var multiLine = false

    @Option(help: "What to do with malformed records: permissive, dropmalformed or failfast.")
    var mode = "permissive"

    @Flag(help: "Read every nested file of a folder (Spark's recursiveFileLookup).")
    var recursive = false

    func run() throws {
        var options = JSONReadOptions()
        options.multiLine = multiLine
        options.recursiveFileLookup = recursive
        guard let parsed = JSONParseMode(sparkName: mode) else {
            FileHandleOutput.standardError("error: --mode must be permissive, dropmalformed or failfast, not '\(mode)'")
            throw ExitCode.failure
        }
        options.mode = parsed
        do {
            let result = try JSONReader.read(path, options: options)
            print(result.table.schema.treeString, terminator: "")
            print("\(result.table.rowCount) rows")
            if let summary = result.malformedSummary(corruptColumn: options.columnNameOfCorruptRecord) {
                FileHandleOutput.standardError(summary)
            }
        } catch let error as JSONReadError {
            FileHandleOutput.standardError("error: \(error)")
            throw ExitCode.failure
        }
    }
}

/// Writes a line to standard error.
enum FileHandleOutput {
    static func standardError(_ line: String) {
        var text = line + "\n"
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = write(2, bytes.baseAddress! + offset, bytes.count - offset)
                if n <= 0 { break }
                offset += n
            }
        }
    }
}
