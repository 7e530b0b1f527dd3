import Foundation
import SparkifySQL

extension REPL {
    /// `.edit CELL`: opens the cell in `$EDITOR` (`$VISUAL`, else vi), saves the notebook and
    /// runs the cell again when its text changed.
    func editCell(_ name: String) throws {
        let runner = try requireRunner()
        guard let cell = runner.notebook.cell(named: name), let cellName = cell.name else {
            throw REPLError("No cell named \(name). Cells: \(cellNames.joined(separator: ", ")).")
        }
        let text = cell.source
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sparkify-\(getpid())-\(cellName).sql")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let editor = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 } ?? "vi"
        let status = try runShell("\(editor) \(shellQuoted(file.path))")
        guard status == 0 else { throw REPLError("\(editor) exited with status \(status); cell \(cellName) is unchanged.") }
        let edited = try String(contentsOf: file, encoding: .utf8)
        if edited == text || edited == text + "\n" {
            say("Cell \(cellName) is unchanged.")
            return
        }
        let notebook = try runner.replaceCell(named: cellName, with: edited)
        do { try notebook.save() } catch {
            throw REPLError("Cannot save \(notebook.file): \(error.localizedDescription)")
        }
        say("Saved cell \(cellName) to \(notebook.file); running it again.")
        try runNotebook(.cell(cellName))
    }

    /// `.last`: the last result with every row, through `$PAGER` (`less -FRSX` by default)
    /// on a terminal, straight to standard output otherwise.
    func pageLastResult() throws {
        guard let table = lastResult else { throw REPLError("No result yet: run a query first.") }
        let zone = session.timeZone
        var renderer = TableRenderer(mode: mode, maxRows: nil, width: mode == .box ? 10_000 : output.width(),
                                     timeZoneOffset: { zone.offset(atMicros: $0) })
        renderer.style = output.outStyle
        let text = renderer.render(table)
        guard output.outIsTerminal else {
            output.out(text)
            return
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("sparkify-\(getpid())-last.txt")
        try text.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let pager = environment["PAGER"].flatMap { $0.isEmpty ? nil : $0 } ?? "less -FRSX"
        _ = try runShell("\(pager) < \(shellQuoted(file.path))")
        say("Showed \(table.rowCount) \(table.rowCount == 1 ? "row" : "rows").")
    }

    /// Runs a shell command on the terminal and waits for it.
    private func runShell(_ command: String) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        lineEditor?.releaseTerminal()
        do { try process.run() } catch { throw REPLError("Cannot run \(command): \(error.localizedDescription)") }
        process.waitUntilExit()
        lineEditor?.holdTypeAhead()
        return process.terminationStatus
    }

    private func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
