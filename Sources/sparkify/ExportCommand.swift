import ArgumentParser
import Foundation
import SparkifyNotebook

/// `sparkify export NOTEBOOK`: writes the notebook as a standalone PySpark job.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write a notebook as a standalone PySpark job (etl.py) for spark-submit.",
        discussion: """
            The job runs each SQL cell through spark.sql in the order sparkify runs them, caches the \
            tables the cells make and logs each cell's row count; --data and --output become its \
            defaults for ${data} and ${output}, which its own --data and --output override. A cell \
            that uses what Spark lacks (a dot command, a function only sparkify has, a ** glob) \
            refuses the export, naming the cell, its line and the reason; nothing is written then.
            """
    )

    @Argument(help: "The notebook: Spark SQL with `-- %% name` cell markers.")
    var notebook: String = "samples/etl.sql"

    @Option(help: "The raw data's URI, ${data} (the job's default).")
    var data: String = "s3a://udacity-dend"

    @Option(help: "Where the lake goes, ${output} (the job's default; none: the job asks for --output).")
    var output: String?

    @Option(name: .shortAndLong, help: "The job's file; '-' for standard output.")
    var outputFile: String = "etl.py"

    func run() throws {
        let job: PySparkJob
        do {
            let loaded = try Notebook.load(path: notebook)
            job = try PySparkJobWriter(notebook: loaded, options: .init(data: data, output: output)).write()
        } catch {
            FileHandleOutput.standardError("error: \(error)")
            throw ExitCode.failure
        }
        for warning in job.warnings { FileHandleOutput.standardError("warning: \(warning)") }
        if outputFile == "-" {
            print(job.text, terminator: "")
            return
        }
        do {
            try Self.write(job.text, to: outputFile)
        } catch {
            FileHandleOutput.standardError("error: cannot write \(outputFile): \(error.localizedDescription)")
            throw ExitCode.failure
        }
        FileHandleOutput.standardError("Wrote \(outputFile): \(job.cells.count) cells of \(notebook) as a PySpark job. Run it with: spark-submit \(outputFile)")
    }

    /// Writes a new or regular file atomically (a half-written job never replaces a good one);
    /// anything else (a device such as /dev/null, a pipe, a symbolic link) is written through,
    /// never replaced.
    static func write(_ text: String, to path: String) throws {
        let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
        guard let type, type != .typeRegular else {
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
            return
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
        }
        defer { try? handle.close() }
        try? handle.truncate(atOffset: 0)  // a linked regular file; devices and pipes cannot be
        try handle.write(contentsOf: Data(text.utf8))
    }
}
