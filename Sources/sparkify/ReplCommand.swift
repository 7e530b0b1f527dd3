import ArgumentParser
import Foundation
import SparkifyTerminal

/// `sparkify [NOTEBOOK] [--data DIR]` (the default subcommand): the interactive notebook REPL,
/// or, when standard input is not a terminal, a runner of the SQL and dot commands it reads.
struct ReplCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "repl",
        abstract: "Open the notebook REPL (what 'sparkify' does without a subcommand).",
        discussion: """
            Opens NOTEBOOK (default: the bundled walkthrough samples/etl.sql on samples/data). Type \
            .help inside for the commands. When standard input is not a terminal, runs the SQL and \
            dot commands it reads, without prompts, and exits non-zero if any failed.
            """
    )

    @Argument(help: "A notebook of Spark SQL cells (each starts with a line '-- %% name').")
    var notebook: String?

    @Option(help: "The raw data folder, available as ${data}.")
    var data: String?

    @Option(help: "The folder the lake cells write, available as ${output}.")
    var output: String = "lake"

    func run() throws {
        let bundled = BundledSamples.locate()
        let interactive = TerminalInfo.isTerminal(0)
        let repl = REPL(dataDirectory: data ?? bundled?.data ?? "samples/data", outputDirectory: output, output: .standard())
        if let notebook {
            do {
                try repl.open(notebookAt: notebook, quietly: !interactive)
            } catch {
                FileHandle.standardError.write(Data("sparkify: \(error)\n".utf8))
                throw ExitCode(2)
            }
        } else if let walkthrough = bundled?.notebook {
            do { try repl.open(notebookAt: walkthrough, quietly: !interactive) } catch {
                FileHandle.standardError.write(Data("sparkify: \(error)\n".utf8))
            }
        } else if interactive {
            FileHandle.standardError.write(Data("""
                sparkify: the bundled walkthrough samples/etl.sql was not found next to the current folder or the \
                executable; starting without a notebook. Open one with .open NOTEBOOK (or pass it: sparkify NOTEBOOK).\n
                """.utf8))
        }
        if let data, !FileManager.default.fileExists(atPath: data) {
            FileHandle.standardError.write(Data("sparkify: warning: the data folder \(data) does not exist.\n".utf8))
        }
        let status: Int32
        if interactive {
            if let bundledData = bundled?.data, data == nil {
                FileHandle.standardError.write(Data("${data} is \(bundledData) (change it with .data DIR).\n".utf8))
            }
            status = repl.runInteractive(historyPath: REPL.historyPath(environment: ProcessInfo.processInfo.environment))
        } else {
            status = repl.runNonInteractive()
        }
        if status != 0 { throw ExitCode(status) }
    }
}
